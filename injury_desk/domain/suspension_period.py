"""The suspension period (停工留薪期, Regulation Art. 33) from its recorded dates: the months the calculation pays
and the checks on the dates.

Art. 33 para. 2: 停工留薪期一般不超过12个月。伤情严重或者情况特殊，经设区的市级劳动能力鉴定委员会确认，可以适当延长，
但延长不得超过12个月。— at most 12 months, extended on the appraisal committee's confirmation by at most 12 more
(24 in all). Para. 3: after the appraisal the worker moves on to the disability benefits, so the period ends at the
latest on the day the disability is appraised.

Counting (as for the clock in domain/deadlines.py): the period counts its first day, so 12 months from 10
January end on 9 January. A choice of ours, because the engine pays whole months (Art. 33 para. 1: the wage "stays
as it was", paid monthly by the employer): a month begun is a month paid. 10 January – 9 April is 3 months;
10 January – 10 April is 3 months and a day, paid as 4.
"""

from __future__ import annotations

from datetime import date

from injury_desk.domain.deadlines import STOP_WORK_MAX_MONTHS, STOP_WORK_MONTHS, stop_work_end
from injury_desk.domain.errors import FieldError


def whole_months_and_days(started_on: date, ended_on: date) -> tuple[int, int]:
    """The whole months of a period from ``started_on`` to ``ended_on`` (both days counted), and the days over."""
    months = 0
    while stop_work_end(started_on, months + 1) <= ended_on:
        months += 1
    last_full = stop_work_end(started_on, months) if months else None
    days = (ended_on - last_full).days if last_full is not None else (ended_on - started_on).days + 1
    return months, days


def months_paid(started_on: date, ended_on: date) -> int:
    """The months of suspension wages the period gives: whole months, and one more for a month begun."""
    months, days = whole_months_and_days(started_on, ended_on)
    return months + (1 if days else 0)


def period_errors(started_on: date | None, ended_on: date, allowed_months: int, *,
                  appraised_on: date | None = None) -> list[FieldError]:
    """Why ``ended_on`` cannot end the period: before its start, after its allowed length (12 months, or the
    confirmed extension), or after the appraisal that ends it (para. 3)."""
    if started_on is None:
        return [FieldError("ended_on", "claim.no_stop_work", {})]
    errors: list[FieldError] = []
    if ended_on < started_on:
        errors.append(FieldError("ended_on", "claim.stop_work_end_before_start",
                                 {"started_on": started_on.isoformat()}))
    last = stop_work_end(started_on, min(max(allowed_months, STOP_WORK_MONTHS), STOP_WORK_MAX_MONTHS))
    if ended_on > last:
        errors.append(FieldError("ended_on", "claim.stop_work_end_beyond",
                                 {"last": last.isoformat(), "months": allowed_months}))
    if appraised_on is not None and ended_on > appraised_on:
        errors.append(FieldError("ended_on", "claim.stop_work_end_after_appraisal",
                                 {"appraised_on": appraised_on.isoformat()}))
    return errors
