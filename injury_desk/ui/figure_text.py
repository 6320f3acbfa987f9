"""How a figure reads in a table cell: its value with the counts it was computed from, so a reader can check it."""

from __future__ import annotations

from injury_desk.domain.figures import Median, Ratio


def rate_text(r: Ratio) -> str:
    """A rate per 100 workers with its count: "1.60 (4)" (the workers are their own column); "—" without workers."""
    return "—" if r.value is None else f"{r.value} ({r.numerator})"


def share_text(r: Ratio) -> str:
    """A share with its numerator and denominator: "66.7 % (2/3)"; "—" when nothing was counted."""
    return "—" if r.value is None else f"{r.value} % ({r.numerator}/{r.denominator})"


def median_text(m: Median) -> str:
    """A median number of days with the number of values: "31.5 (2)"."""
    return "—" if m.value is None else f"{m.value} ({m.count})"
