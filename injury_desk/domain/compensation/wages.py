"""The wage months a benefit's wage base is averaged over (Regulations on Work-Related Injury Insurance, Art. 64)."""

from __future__ import annotations

from datetime import date

# Art. 64: the wage base is the worker's average monthly wage over the 12 months before the injury.
MONTHS_EXPECTED = 12


def months_before(day: date, count: int = MONTHS_EXPECTED) -> list[str]:
    """The ``count`` calendar months before the month of ``day``, oldest first (Art. 64's 12 months)."""
    months: list[str] = []
    year, month = day.year, day.month
    for _ in range(count):
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
        months.append(f"{year:04d}-{month:02d}")
    return list(reversed(months))
