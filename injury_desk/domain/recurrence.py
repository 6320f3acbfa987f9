"""Recurrence of a work injury (工伤复发, Regulation Art. 38): a closed claim reopened, and what the recurrence pays;
pure.

Art. 38: 工伤职工工伤复发，确认需要治疗的，享受本条例第三十条、第三十二条和第三十三条规定的工伤待遇。 — a worker whose
injury recurs and is confirmed to need treatment again receives the benefits of Art. 30 (medical treatment, the
hospital meal allowance, travel), Art. 32 (assistive devices) and Art. 33 (the suspension period: wages as before,
paid monthly by the employer, and nursing during it by the employer when the worker cannot look after himself).
Not the disability benefits again: a changed grade is a re-appraisal or review (Arts. 26, 28).

Choices made here (the Regulation leaves them to the agency):

* Only a closed claim is reopened for a recurrence: a claim still open is simply still being handled.
* The recurrence needs its day, the reason, and the reference of whoever confirmed the need for treatment (the
  treating hospital's or the appraisal committee's; Art. 38 says 确认需要治疗的). The day is not before the accident
  and not in the future.
* The recurrence has a suspension period of its own, counted as in domain/suspension_period.py (its first day
  counts; a month begun is paid as a month), at most 12 months, or up to 24 on the committee's confirmation. Its
  wages are months × the wage base of the approved assessment (the worker's wage before the injury, Art. 64), paid
  by the employer (Art. 33 para. 1: 原工资福利待遇不变，由所在单位按月支付).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from injury_desk.domain.deadlines import STOP_WORK_MAX_MONTHS
from injury_desk.domain.errors import FieldError
from injury_desk.domain.money import round_fen
from injury_desk.domain.suspension_period import months_paid, period_errors

ART_38 = "Regulation on Work-Related Injury Insurance (2010) Art. 38"
ART_33 = "Regulation on Work-Related Injury Insurance (2010) Art. 33"


def reopen_errors(status: str, accident_date: date, occurred_on: date, today: date) -> list[FieldError]:
    """Why a recurrence on ``occurred_on`` cannot reopen a claim in ``status``."""
    errors: list[FieldError] = []
    if status != "closed":
        errors.append(FieldError("occurred_on", "recurrence.claim_not_closed", {"status": status}))
    if occurred_on < accident_date:
        errors.append(FieldError("occurred_on", "recurrence.before_accident",
                                 {"accident_date": accident_date.isoformat()}))
    if occurred_on > today:
        errors.append(FieldError("occurred_on", "field.date_in_future",
                                 {"value": occurred_on.isoformat(), "today": today.isoformat()}))
    return errors


def suspension_errors(occurred_on: date, started_on: date, ended_on: date | None, months: int,
                      today: date) -> list[FieldError]:
    """Why the recurrence's suspension period cannot run from ``started_on`` (to ``ended_on``) for ``months``."""
    errors: list[FieldError] = []
    if started_on < occurred_on:
        errors.append(FieldError("started_on", "recurrence.suspension_before_recurrence",
                                 {"occurred_on": occurred_on.isoformat()}))
    if not 1 <= months <= STOP_WORK_MAX_MONTHS:
        errors.append(FieldError("months", "field.range", {"min": 1, "max": STOP_WORK_MAX_MONTHS, "value": months}))
    if ended_on is not None:
        if ended_on > today:
            errors.append(FieldError("ended_on", "field.date_in_future",
                                     {"value": ended_on.isoformat(), "today": today.isoformat()}))
        errors += period_errors(started_on, ended_on, months)
    return errors


@dataclass(frozen=True)
class SuspensionWages:
    """The recurrence's suspension wages: ``months`` × ``wage_base``, paid by the employer (Art. 33)."""

    months: int
    wage_base: Decimal
    amount: Decimal
    payer: str = "employer"
    basis: str = f"{ART_38}; {ART_33}"


def suspension_wages(started_on: date, ended_on: date, wage_base: Decimal) -> SuspensionWages:
    """The wages of an ended suspension period of a recurrence: a month begun is paid as a month."""
    months = months_paid(started_on, ended_on)
    return SuspensionWages(months, wage_base, round_fen(wage_base * months))
