"""Money as Decimal yuan in code and integer fen in storage; rounding is explicit, half up."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

FEN = Decimal("0.01")


def round_fen(amount: Decimal) -> Decimal:
    """Round to the fen, half up (0.005 -> 0.01)."""
    return amount.quantize(FEN, rounding=ROUND_HALF_UP)


def to_fen(amount: Decimal) -> int:
    """Decimal yuan -> integer fen; refuses amounts that are not whole fen."""
    if amount != amount.quantize(FEN):
        raise ValueError(f"amount {amount} is not a whole number of fen")
    return int(amount * 100)


def from_fen(fen: int) -> Decimal:
    """Integer fen -> Decimal yuan with two places."""
    return (Decimal(fen) / 100).quantize(FEN)


def parse_amount(value: object) -> Decimal:
    """Parse a user or file amount (string or int or Decimal; floats are refused to avoid binary error)."""
    if isinstance(value, bool) or value is None:
        raise ValueError("not an amount")
    if isinstance(value, float):
        # JSON numbers arrive as floats; go through repr so 1234.56 stays 1234.56
        value = repr(value)
    try:
        result = Decimal(str(value).strip().replace(",", ""))
    except (InvalidOperation, ValueError) as exc:
        raise ValueError(f"not an amount: {value!r}") from exc
    if not result.is_finite():
        raise ValueError(f"not an amount: {value!r}")
    return result


def format_amount(amount: Decimal) -> str:
    """Two decimals, no grouping, for files and JSON."""
    return f"{round_fen(amount):.2f}"
