"""Money as Decimal yuan in code and integer fen in storage; rounding is explicit, half up."""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal

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


# No wage, benefit or cost comes near a trillion yuan: anything beyond it is a typing or file error.
MAX_AMOUNT = Decimal(10) ** 12
# Digits with an optional decimal point: no grouping, no exponent, no decimal comma.
_AMOUNT_TEXT = re.compile(r"[+-]?[0-9]+(\.[0-9]+)?")


class AmountError(ValueError):
    """Not an amount; ``rule`` says why (``money.format``, ``money.separator``, ``money.too_large``)."""

    def __init__(self, rule: str, value: object) -> None:
        super().__init__(f"{rule}: {str(value)[:40]!r}")
        self.rule = rule


# Thousands grouped by commas exactly as written by hand ("1,250.50"), accepted where people type amounts.
_GROUPED_TEXT = re.compile(r"[+-]?[0-9]{1,3}(,[0-9]{3})+(\.[0-9]+)?")


def parse_amount(value: object, *, grouping: bool = False) -> Decimal:
    """Parse a user or file amount in yuan: a string of digits with an optional decimal point, an int or a Decimal.

    A comma is refused, never dropped: "6000,50" is 6000.50 written with a decimal comma, and reading it as
    600050 would pay ten times too much. ``grouping`` accepts well-formed thousands groups ("1,250.50",
    never "6000,50" or "6,00") for amounts typed in the GUI; files and calc inputs are machine-written and
    take digits only. Floats go through repr (JSON numbers may arrive as floats)."""
    if isinstance(value, bool) or value is None or isinstance(value, (list, dict)):
        raise AmountError("money.format", value)
    if isinstance(value, int):
        # compared as an int: a 5,000-digit number must not be turned into text or a Decimal first
        if abs(value) > MAX_AMOUNT:
            raise AmountError("money.too_large", "…")
        return Decimal(value)
    if isinstance(value, float):
        value = repr(value)
    if isinstance(value, Decimal):
        result = value
    else:
        text = str(value).strip()
        if grouping and _GROUPED_TEXT.fullmatch(text):
            text = text.replace(",", "")
        if "," in text or "，" in text or "_" in text or " " in text:
            raise AmountError("money.separator", value)
        if len(text) > 40 or not _AMOUNT_TEXT.fullmatch(text):
            raise AmountError("money.format", value)
        result = Decimal(text)
    if not result.is_finite():
        raise AmountError("money.format", value)
    if abs(result) > MAX_AMOUNT:
        raise AmountError("money.too_large", value)
    return result


def format_amount(amount: Decimal) -> str:
    """Two decimals, no grouping, for files and JSON."""
    return f"{round_fen(amount):.2f}"
