"""Decision numbers (文号): an office's pattern, and why two desktops of one office can never issue the same one.

A number is ``pattern`` with its placeholders filled:

* ``{prefix}`` — the office's prefix, e.g. 榕人社工伤认 (configured by an administrator)
* ``{year}`` — the year of issue
* ``{device}`` — the desktop's tag, which the central service assigns at enrolment, unique within the office
* ``{seq}`` — this desktop's running number for the office and year, four digits (0001)

Uniqueness without a network: each desktop counts only its own numbers, and its tag differs from every other
desktop's of the office, so ``(device, year, seq)`` — and with ``{device}`` and ``{seq}`` required in every
pattern, the number — cannot repeat (docs/decision-numbers.md).
"""

from __future__ import annotations

import re

from injury_desk.domain.errors import FieldError

DEFAULT_PATTERN = "{prefix}〔{year}〕{device}第{seq}号"
PLACEHOLDERS = ("prefix", "year", "device", "seq")
REQUIRED = ("year", "device", "seq")
MAX_PATTERN = 120
_TOKEN = re.compile(r"\{([^{}]*)\}")


def pattern_errors(pattern: str, field: str = "pattern") -> list[FieldError]:
    """Every placeholder must be known; year, device and seq must be there (else numbers could repeat)."""
    errors: list[FieldError] = []
    if len(pattern) > MAX_PATTERN:
        errors.append(FieldError(field, "field.too_long", {"max": MAX_PATTERN, "actual": len(pattern)}))
    found = _TOKEN.findall(pattern)
    unknown = [t for t in found if t not in PLACEHOLDERS]
    if unknown:
        errors.append(FieldError(field, "numbering.unknown_placeholder", {"placeholder": "{" + unknown[0] + "}"}))
    missing = [t for t in REQUIRED if t not in found]
    if missing:
        errors.append(FieldError(field, "numbering.placeholder_missing", {"placeholder": "{" + missing[0] + "}"}))
    if pattern.count("{") != len(found) or pattern.count("}") != len(found):
        errors.append(FieldError(field, "numbering.unbalanced_braces"))
    return errors


def format_number(pattern: str, *, prefix: str, year: int, device: str, seq: int) -> str:
    """The number for these values (the pattern is assumed valid: pattern_errors is empty)."""
    values = {"prefix": prefix, "year": str(year), "device": device, "seq": f"{seq:04d}"}
    return _TOKEN.sub(lambda m: values[m.group(1)], pattern or DEFAULT_PATTERN)
