"""Pure domain rules: identifiers, money, claim lifecycle, deadlines, compensation. No Qt, no SQL."""
