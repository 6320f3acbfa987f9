"""The monthly run: which monthly benefits a claim's approved assessment pays in any month, with the region's
Art. 40 adjustments known on that month's due date and the back pay a notice published since the last run owes;
computed, never stored ahead, so that a notice or a new assessment changes every later month at once; pure.

Art. 40 of the Regulation: 伤残津贴、供养亲属抚恤金、生活护理费由统筹地区社会保险行政部门……适时调整. Choices made here
(the Regulation leaves them to the agency), each shown on the run's lines:

* A monthly benefit of an assessment approved on day d is paid from the month after d (as the payment schedule
  pays it, domain/payments.py) and falls due on the first of each month. An assessment approved later (after a
  re-appraisal or review, Arts. 26, 28) takes over from the month after its approval; the months between its
  effective date and then are settled by its arrears (domain/reappraisal.py), not by the run.
* A month's payment knows the notices published by its due date (``known_on`` = the first of the month).
* A notice published after the previous run's due date and by this one's, for months already paid, owes back pay
  in this run: for every earlier month the assessment paid, what is due now minus what was known a month ago. It
  is one line per benefit; a negative line is an overpayment to recover (a notice that lowers a benefit).
* The benefit's start for the notices' cut-off (``entitled_before``) is the first month the assessment pays.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from injury_desk.domain.compensation.adjustments import (
    ADJUSTABLE_ITEMS,
    Adjustment,
    Benefit,
    first_of_month,
    monthly_amount,
    next_month,
)
from injury_desk.domain.payments import first_of_month_after

ZERO = Decimal("0.00")


def previous_month(month: date) -> date:
    month = first_of_month(month)
    return date(month.year - (month.month == 1), 12 if month.month == 1 else month.month - 1, 1)


def first_paid_month(approved_on: date, first_paid: date | None = None) -> date:
    """The first month an assessment approved on ``approved_on`` pays its monthly benefits: the month after the
    approval, or the first month its stored schedule pays when that is known (the approval's local day decided it).
    The one rule for the monthly run and the Dependants tab's schedule: the approval month itself is never paid."""
    return first_paid or first_of_month_after(approved_on, 1)


@dataclass(frozen=True)
class ApprovedAssessment:
    """An approved assessment as the run sees it: its stored line items and the day it was approved."""

    assessment_id: str
    approved_on: date
    items: tuple[dict[str, Any], ...]
    # the first month its schedule pays, when known from the stored schedule (the approval's local day decides
    # it; a UTC timestamp may fall on the day before)
    first_paid: date | None = None

    @property
    def first_month(self) -> date:
        """The first month its monthly benefits are paid: the month after the approval."""
        return first_paid_month(self.approved_on, self.first_paid)


def in_force(assessments: Sequence[ApprovedAssessment], month: date) -> ApprovedAssessment | None:
    """The assessment paying ``month``: the latest approval whose first paid month is not after it."""
    month = first_of_month(month)
    paying = [a for a in assessments if a.first_month <= month]
    return max(paying, key=lambda a: (a.first_month, a.approved_on, a.assessment_id)) if paying else None


@dataclass(frozen=True)
class DueLine:
    """One benefit due in a month. ``kind``: ``monthly`` (this month's payment) or ``back_pay`` (a notice
    published since the last run, for months already paid). ``base`` is the amount as calculated before the
    notices; ``notices`` the adjustment notices applied, in order."""

    item_code: str
    payer: str
    amount: Decimal
    base: Decimal
    basis: str
    notices: tuple[str, ...]
    kind: str = "monthly"
    basis_message: Mapping[str, Any] | None = None  # the basis as a message key, for the reader's language


def monthly_items(a: ApprovedAssessment) -> list[dict[str, Any]]:
    """The assessment's monthly benefits that pay money (not the wage base, nothing informational or zero)."""
    return [i for i in a.items if i.get("period") == "monthly" and i.get("code") != "wage_base"
            and not i.get("informational") and Decimal(str(i.get("amount", "0"))) != 0]


def adjusted(item_code: str, base: Decimal, since: date, month: date, adjustments: Sequence[Adjustment],
             known_on: date) -> tuple[Decimal, tuple[str, ...]]:
    """``base`` in ``month`` raised by the notices published by ``known_on``, and those notices."""
    if item_code not in ADJUSTABLE_ITEMS:
        return base, ()
    result = monthly_amount(Benefit(item_code, base, since), month, adjustments, known_on=known_on)
    return result.amount, tuple(step.adjustment.notice for step in result.steps)


def late_notice_back_pay(item_code: str, base_in: Callable[[date], Decimal], since: date, month: date,
                         adjustments: Sequence[Adjustment]) -> tuple[Decimal, tuple[str, ...]]:
    """The back pay owed in ``month``'s run for the months from ``since`` to the one before: for each, what is due
    with the notices published by ``month``'s first day minus what was due with those published by the previous
    month's first day (the last run). ``base_in(m)`` is the amount as calculated for month m (0: none)."""
    month = first_of_month(month)
    last_run = previous_month(month)
    news = [a for a in adjustments if last_run < a.published_on <= month and item_code in a.applies_to]
    if item_code not in ADJUSTABLE_ITEMS or not news:
        return ZERO, ()
    total = ZERO
    m = first_of_month(since)
    while m < month:
        base = base_in(m)
        if base:
            now, _ = adjusted(item_code, base, since, m, adjustments, month)
            before, _ = adjusted(item_code, base, since, m, adjustments, last_run)
            total += now - before
        m = next_month(m)
    return total, tuple(dict.fromkeys(a.notice for a in news))


def assessment_due(assessments: Sequence[ApprovedAssessment], month: date, adjustments: Sequence[Adjustment],
                   *, leave_out: frozenset[str] = frozenset()) -> tuple[ApprovedAssessment | None, list[DueLine]]:
    """What the assessment in force pays in ``month`` for its monthly benefits (``leave_out``: item codes paid
    otherwise, e.g. the dependants' pension per person), each with the notices known on the due date, and a
    back-pay line per benefit when a notice came out since the last run."""
    month = first_of_month(month)
    current = in_force(assessments, month)
    if current is None:
        return None, []
    lines: list[DueLine] = []
    since = current.first_month
    for item in monthly_items(current):
        code = item["code"]
        if code in leave_out:
            continue
        base = Decimal(str(item["amount"]))
        payer = item.get("payer") or "fund"
        amount, notices = adjusted(code, base, since, month, adjustments, month)
        lines.append(DueLine(code, payer, amount, base, item.get("basis", ""), notices,
                             basis_message=item.get("basis_message")))

        def base_in(m: date, base: Decimal = base) -> Decimal:
            return base if m >= since else ZERO

        owed, news = late_notice_back_pay(code, base_in, since, month, adjustments)
        if owed:
            lines.append(DueLine(code, payer, owed, ZERO, item.get("basis", ""), news, kind="back_pay",
                                 basis_message=item.get("basis_message")))
    return current, lines
