"""Figures that carry their own arithmetic: a ratio with its numerator and denominator, a median, a mean."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

RATE_PLACES = Decimal("0.01")
PERCENT_PLACES = Decimal("0.1")
DAY_PLACES = Decimal("0.1")


def _exact(value: int | Decimal) -> Decimal:
    return value if isinstance(value, Decimal) else Decimal(int(value))


@dataclass(frozen=True)
class Ratio:
    """``numerator × scale / denominator``, rounded half up to ``places``; no value when the denominator is 0.

    ``scale`` is 100 both for "per 100 workers" and for a share in per cent. A reader checks the figure by
    hand from the two counts printed beside it, so both always travel with the value.
    """

    numerator: int | Decimal
    denominator: int | Decimal
    scale: int = 100
    places: Decimal = RATE_PLACES

    @property
    def value(self) -> Decimal | None:
        if self.denominator <= 0:
            return None
        exact = _exact(self.numerator) * self.scale / _exact(self.denominator)
        return exact.quantize(self.places, rounding=ROUND_HALF_UP)


def per_100(count: int, workers: int) -> Ratio:
    """``count`` per 100 workers, to 0.01."""
    return Ratio(count, workers, 100, RATE_PLACES)


def percent(part: int, whole: int) -> Ratio:
    """``part`` of ``whole`` in per cent, to 0.1."""
    return Ratio(part, whole, 100, PERCENT_PLACES)


@dataclass(frozen=True)
class Median:
    """The middle of ``count`` values: the middle one (denominator 1) or the mean of the middle two
    (numerator their sum, denominator 2); no value (0 / 0) for no values."""

    numerator: int
    denominator: int
    count: int

    @property
    def value(self) -> Decimal | None:
        if self.count == 0:
            return None
        return (Decimal(self.numerator) / self.denominator).quantize(DAY_PLACES, rounding=ROUND_HALF_UP)


def median(values: Sequence[int]) -> Median:
    ordered = sorted(values)
    n = len(ordered)
    if n == 0:
        return Median(0, 0, 0)
    if n % 2:
        return Median(ordered[n // 2], 1, n)
    return Median(ordered[n // 2 - 1] + ordered[n // 2], 2, n)


def mean(values: Sequence[int]) -> Ratio:
    """The mean as a ratio: the sum over the count, to 0.1."""
    return Ratio(sum(values), len(values), 1, DAY_PLACES)


@dataclass(frozen=True)
class FigureLine:
    """One figure of one group as a flat record (what the command line prints and the CSV holds):
    ``value`` is ``numerator × scale / denominator`` rounded, or None when the denominator is 0."""

    section: str
    group_by: str
    key: str
    label: str
    year: int | None
    figure: str
    unit: str
    value: Decimal | int | None
    numerator: Decimal | int | None
    denominator: Decimal | int | None
    note: str = ""  # what a number alone cannot say: the employers left out for want of a headcount


def ratio_line(section: str, group_by: str, key: str, label: str, year: int | None, figure: str, unit: str,
               ratio: Ratio) -> FigureLine:
    return FigureLine(section, group_by, key, label, year, figure, unit, ratio.value, ratio.numerator,
                      ratio.denominator)


def median_line(section: str, group_by: str, key: str, label: str, year: int | None, figure: str, unit: str,
                m: Median) -> FigureLine:
    return FigureLine(section, group_by, key, label, year, figure, unit, m.value, m.numerator, m.denominator)
