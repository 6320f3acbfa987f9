"""Writing the Art. 40 adjustments into the stored payment schedule; pure.

The monthly run computes each month's amount with the notices published by its due date (domain/monthly_run.py),
but the payments an approval stored keep the amount calculated then. Applying the notices brings them in line:

* a payment not yet paid takes the amount of its month with every notice published by the day of applying;
* a paid payment keeps what was paid; what its month should have paid with those notices, less what was paid, is
  owed back pay, summed per benefit (and per dependant); the back pay already scheduled or paid for the benefit is
  subtracted, so applying twice schedules nothing more (idempotent). A notice that lowers a benefit gives a negative
  difference: nothing is scheduled for it (a payment is never negative), and it is reported as an overpayment.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from injury_desk.domain.compensation.adjustments import ADJUSTABLE_ITEMS, Adjustment, Benefit, monthly_amount

ZERO = Decimal("0.00")
BACK_PAY_PREFIX = "back_pay:"


@dataclass(frozen=True)
class StoredPayment:
    """A stored payment of a monthly benefit: ``base`` is its month's amount as calculated (before any notice),
    ``since`` the benefit's first month (for a notice's cut-off)."""

    key: str
    item_code: str
    due_on: date
    amount: Decimal
    paid: bool
    base: Decimal
    since: date


@dataclass(frozen=True)
class Revision:
    key: str
    before: Decimal
    after: Decimal


def due_amount(p: StoredPayment, adjustments: Sequence[Adjustment], known_on: date) -> Decimal:
    """What ``p``'s month pays with the notices published by ``known_on``."""
    if p.item_code not in ADJUSTABLE_ITEMS:
        return p.base
    return monthly_amount(Benefit(p.item_code, p.base, p.since), p.due_on, adjustments, known_on=known_on).amount


def revisions(payments: Iterable[StoredPayment], adjustments: Sequence[Adjustment], today: date) -> list[Revision]:
    """The unpaid payments whose amount the notices published by ``today`` change."""
    out = []
    for p in payments:
        if p.paid:
            continue
        after = due_amount(p, adjustments, today)
        if after != p.amount:
            out.append(Revision(p.key, p.amount, after))
    return out


def owed_for_paid(payments: Iterable[StoredPayment], adjustments: Sequence[Adjustment], today: date) -> Decimal:
    """Σ over the paid payments of (what the month should have paid with the notices published by ``today``
    − what was paid): positive is back pay, negative an overpayment."""
    return sum((due_amount(p, adjustments, today) - p.amount for p in payments if p.paid), ZERO)


def back_pay_to_schedule(owed: Decimal, already: Decimal) -> Decimal:
    """The back pay still to schedule: what is owed less what was scheduled or paid before; never negative."""
    return max(owed - already, ZERO)
