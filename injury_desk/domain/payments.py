"""The payment schedule an approved assessment makes: which line items are paid, how much and when."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from injury_desk.domain.money import to_fen

# The schedule is a working horizon, not the end of the entitlement: monthly benefits run on (often for
# life), and the next year's payments are scheduled when that year's figures are known.
SCHEDULED_MONTHS = 12


@dataclass(frozen=True)
class ScheduledPayment:
    item_code: str
    payer: str
    due_on: date
    amount_fen: int


def first_of_month_after(day: date, n: int) -> date:
    """The first day of the ``n``-th month after the month of ``day`` (n=1: next month)."""
    index = day.year * 12 + (day.month - 1) + n
    return date(index // 12, index % 12 + 1, 1)


def payment_schedule(items: list[dict[str, Any]], approved_on: date) -> list[ScheduledPayment]:
    """The payments of an assessment's stored line items when it is approved on ``approved_on``.

    Every "once" item is one payment due on the approval date; every monthly item is SCHEDULED_MONTHS
    payments due on the first day of each of the months after the approval month. Back payments for
    months between the injury and the approval are not scheduled automatically. Informational items,
    the wage base and items of zero yuan get no payment; the payer defaults to the fund.
    """
    payments: list[ScheduledPayment] = []
    for item in items:
        if item.get("informational") or item.get("code") == "wage_base":
            continue
        fen = to_fen(Decimal(item["amount"]))
        if fen == 0:
            continue
        if item["period"] == "monthly":
            dues = [first_of_month_after(approved_on, n) for n in range(1, SCHEDULED_MONTHS + 1)]
        else:
            dues = [approved_on]
        payer = item.get("payer") or "fund"
        payments.extend(ScheduledPayment(item["code"], payer, due, fen) for due in dues)
    return payments
