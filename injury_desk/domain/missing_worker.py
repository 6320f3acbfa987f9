"""A worker missing after an accident while away on work or in rescue and relief work (Regulation Art. 41); pure.

Art. 41 (《工伤保险条例》 2010 revision): 职工因工外出期间发生事故或者在抢险救灾中下落不明的，从事故发生当月起3个月内照发
工资，从第4个月起停发工资，由工伤保险基金向其供养亲属按月支付供养亲属抚恤金。生活有困难的，可以预支一次性工亡补助金的50%。
职工被人民法院宣告死亡的，按照本条例第三十九条职工因工死亡的规定处理。

So: wages as before for the accident month and the two after it (the employer's); from the 4th month the fund pays
the dependants' pension of Art. 39(2) monthly; a family in hardship may be advanced up to 50 % of the one-time
work-related death subsidy of Art. 39(3); once a court declares the worker dead, Art. 39 applies (the funeral
subsidy, the pension, the one-time death subsidy less what was advanced).

Choices made here (the Regulation is silent on them):

* The dependants' register is judged on the accident day (Civil Code Art. 48: for a person missing in an accident,
  the day of the accident is deemed the day of death), and a month's pension is due to a person entitled on its
  first day, as for a death (domain/compensation/dependants.py), but never before the 4th month.
* A worker who reappears was never dead: the pension is due for no month beginning after the day he reappeared, and
  what the fund paid on the presumption of death (the pensions and the advance) is to be recovered. The wages of
  the first three months were his own and are not recovered.
* The advance is decided once, by a supervisor, while the worker is still missing, and only once the assessment
  giving the one-time death subsidy is approved; it is at most half of that subsidy, rounded down to the fen.
* A declaration of death and a reappearance each close the case; only one of them is recorded.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_DOWN, Decimal

from injury_desk.domain.errors import FieldError

ART_41 = "Regulation on Work-Related Injury Insurance (2010) Art. 41"
ART_39 = "Regulation on Work-Related Injury Insurance (2010) Art. 39"
CIRCUMSTANCES = ("away_on_work", "rescue")  # 因工外出期间发生事故 / 在抢险救灾中
OUTCOMES = ("reappeared", "declared_dead")
WAGE_MONTHS = 3  # 从事故发生当月起3个月内照发工资
ADVANCE_SHARE = Decimal("0.50")  # 可以预支一次性工亡补助金的50%
DEATH_ITEMS = ("funeral_subsidy", "one_time_death_subsidy")  # Art. 39 once items, due only on a declared death
ZERO = Decimal("0.00")


def _month(day: date, n: int) -> date:
    index = day.year * 12 + day.month - 1 + n
    return date(index // 12, index % 12 + 1, 1)


def wage_months(accident_date: date) -> list[date]:
    """The months whose wages the employer pays as before: the accident month and the two after it."""
    return [_month(accident_date, n) for n in range(WAGE_MONTHS)]


def pension_first_month(accident_date: date) -> date:
    """The 4th month counted from the accident month, the first the fund pays the dependants' pension for."""
    return _month(accident_date, WAGE_MONTHS)


def entitled_after(accident_date: date) -> date:
    """The day the register's pensions count from (a person is entitled on a month's first day after it): the
    last day of the 3rd month, so that the first month paid is the 4th."""
    return pension_first_month(accident_date) - timedelta(days=1)


def pension_due(month: date, accident_date: date, reappeared_on: date | None) -> bool:
    """Whether the dependants' pension is due for ``month``: from the 4th month, and only while the worker was
    still missing on the month's first day."""
    month = month.replace(day=1)
    if month < pension_first_month(accident_date):
        return False
    return reappeared_on is None or month < reappeared_on


def advance_cap(one_time_death_subsidy: Decimal) -> Decimal:
    """Half of the one-time work-related death subsidy (Art. 41), rounded down to the fen: rounding half up would
    advance a fen more than half of an odd number of fen."""
    return (one_time_death_subsidy * ADVANCE_SHARE).quantize(Decimal("0.01"), rounding=ROUND_DOWN)


def _date_errors(name: str, day: date, accident_date: date, today: date) -> list[FieldError]:
    errors = []
    if day < accident_date:
        errors.append(FieldError(name, "missing.before_accident", {"accident_date": accident_date.isoformat()}))
    if day > today:
        errors.append(FieldError(name, "field.date_in_future", {"value": day.isoformat(), "today": today.isoformat()}))
    return errors


def report_errors(circumstance: str, accident_date: date, reported_on: date, today: date,
                  already_recorded: bool) -> list[FieldError]:
    """Why the worker cannot be recorded as missing since the accident of ``accident_date``."""
    errors: list[FieldError] = []
    if already_recorded:
        errors.append(FieldError("reported_on", "missing.already_recorded"))
    if circumstance not in CIRCUMSTANCES:
        errors.append(FieldError("circumstance", "field.choice", {"value": circumstance}))
    return errors + _date_errors("reported_on", reported_on, accident_date, today)


def advance_errors(amount: Decimal, subsidy: Decimal | None, paid_on: date, accident_date: date, today: date, *,
                   already_advanced: bool, outcome: str | None) -> list[FieldError]:
    """Why ``amount`` cannot be advanced from the one-time death subsidy ``subsidy`` (None: no approved one)."""
    errors: list[FieldError] = []
    if outcome is not None:
        errors.append(FieldError("amount", "missing.closed"))
    if already_advanced:
        errors.append(FieldError("amount", "missing.advance_already"))
    if subsidy is None:
        errors.append(FieldError("amount", "missing.no_death_subsidy"))
    elif amount <= 0:
        errors.append(FieldError("amount", "cost.amount_positive"))
    elif amount > advance_cap(subsidy):
        errors.append(FieldError("amount", "missing.advance_exceeds",
                                 {"cap": f"{advance_cap(subsidy):,.2f}", "subsidy": f"{subsidy:,.2f}"}))
    return errors + _date_errors("advance_on", paid_on, accident_date, today)


def outcome_errors(outcome: str, on: date, accident_date: date, today: date, recorded: str | None,
                   reference: str) -> list[FieldError]:
    """Why the case cannot close with ``outcome`` on ``on`` (the day he reappeared, or the court's judgment)."""
    errors: list[FieldError] = []
    if recorded is not None:
        errors.append(FieldError("ended_as", "missing.closed"))
    if outcome not in OUTCOMES:
        errors.append(FieldError("ended_as", "field.choice", {"value": outcome}))
    if outcome == "declared_dead" and not reference:
        errors.append(FieldError("outcome_ref", "missing.judgment_required"))
    return errors + _date_errors("outcome_on", on, accident_date, today)


@dataclass(frozen=True)
class Settlement:
    """What follows the case's end. Declared dead: the funeral subsidy and the one-time death subsidy less the
    advance are due now (Art. 39). Reappeared: the pensions paid and the advance are to be recovered."""

    outcome: str
    funeral_subsidy: Decimal = ZERO
    death_subsidy_due: Decimal = ZERO
    to_recover: Decimal = ZERO


def settle(outcome: str, *, advance: Decimal, pensions_paid: Decimal, funeral_subsidy: Decimal | None,
           death_subsidy: Decimal | None) -> Settlement:
    """The settlement of a missing worker's case by its ``outcome``."""
    if outcome == "declared_dead":
        rest = (death_subsidy - advance) if death_subsidy is not None else ZERO
        return Settlement(outcome, funeral_subsidy or ZERO, max(rest, ZERO))
    return Settlement(outcome, to_recover=pensions_paid + advance)
