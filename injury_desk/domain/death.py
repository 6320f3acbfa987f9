"""The day of a work-related death, recorded apart from the accident (Regulation Art. 39); pure.

A worker may die days or months after the accident. Art. 39's benefits count from the death: the dependants' pension
is due from the month after it (a person entitled on a month's first day, domain/compensation/dependants.py), the
register's ages are judged on it, and the funeral subsidy and the one-time death subsidy take the figures of the
year before it (上一年度). A death date is not before the accident and not in the future; a claim recorded as a death
without one died on the accident day (claims recorded before the date existed).
"""

from __future__ import annotations

from datetime import date

from injury_desk.domain.errors import FieldError


def death_day(accident_date: date, death_date: date | None) -> date:
    """The day of the death: the recorded one, else the accident day."""
    return death_date or accident_date


def death_date_errors(accident_date: date | None, death_date: date | None, today: date,
                      fatal: bool) -> list[FieldError]:
    """Why ``death_date`` cannot be the day of death of a worker injured on ``accident_date``."""
    if death_date is None:
        return []
    errors: list[FieldError] = []
    if not fatal:
        errors.append(FieldError("death_date", "claim.death_without_fatal"))
    if accident_date is not None and death_date < accident_date:
        errors.append(FieldError("death_date", "claim.death_before_accident",
                                 {"accident_date": accident_date.isoformat()}))
    if death_date > today:
        errors.append(FieldError("death_date", "field.date_in_future",
                                 {"value": death_date.isoformat(), "today": today.isoformat()}))
    return errors
