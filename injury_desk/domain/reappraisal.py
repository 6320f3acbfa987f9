"""A new grade after re-appraisal (Regulation Art. 26) or review (Art. 28): the new approved assessment supersedes
the old one from its effective date, and what was paid under the old one is settled as arrears (owed to the
worker) or overpayment (to recover), one line item per benefit; pure.

Art. 28: 自劳动能力鉴定结论作出之日起1年后，工伤职工或者其近亲属、所在单位或者经办机构认为伤残情况发生变化的，可以申请
劳动能力复查鉴定。 Art. 26 lets a party ask the provincial committee to re-appraise within 15 days. Neither says from when
a new grade pays; the choices made here (the caseworker sees them on every line):

* The new assessment takes effect on the new conclusion's date. A monthly benefit falls due on the first of each
  month (as in the payment schedule), so the new monthly amounts apply to every month whose first day is on or
  after the effective date: a conclusion of 15 June pays the new amount from July; one of 1 June from June.
* Months whose payment fell due from then until the approval day were paid at the old amounts: for each monthly
  item the difference (new − old) × those months is a line. A benefit the new grade no longer gives (a grade 5
  allowance after a review to grade 7) counts as new = 0; one it newly gives counts as old = 0.
* A one-time item is settled by its difference: a higher grade's one-time disability subsidy pays the
  difference, a lower one's is shown as an overpayment for the office to decide on (the old decision was lawful
  when paid; recovering it is not automatic).
* Nothing is rounded here: every amount is already to the fen.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

ZERO = Decimal("0.00")


@dataclass(frozen=True)
class Settlement:
    """One benefit's settlement: ``difference`` > 0 is arrears owed, < 0 an overpayment to recover."""

    item_code: str
    period: str  # once, monthly
    payer: str
    old_amount: Decimal
    new_amount: Decimal
    months: int  # monthly items: the months paid at the old amount since the effective date; once: 0
    difference: Decimal

    @property
    def kind(self) -> str:
        return "arrears" if self.difference > 0 else "overpayment"

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "item_code": self.item_code, "period": self.period, "payer": self.payer,
                "old_amount": str(self.old_amount), "new_amount": str(self.new_amount), "months": self.months,
                "difference": str(self.difference)}


def months_paid_at_old(effective_from: date, approved_on: date) -> list[date]:
    """The first days of the months whose payment fell due on or after ``effective_from`` and by ``approved_on``."""
    month = effective_from if effective_from.day == 1 else date(
        effective_from.year + effective_from.month // 12, effective_from.month % 12 + 1, 1)
    out = []
    while month <= approved_on:
        out.append(month)
        month = date(month.year + month.month // 12, month.month % 12 + 1, 1)
    return out


def _paying(items: list[dict[str, Any]]) -> dict[tuple[str, str], dict[str, Any]]:
    return {(i["code"], i["period"]): i for i in items
            if not i.get("informational") and i.get("code") != "wage_base" and i.get("payer")}


def settle(old_items: list[dict[str, Any]], new_items: list[dict[str, Any]], effective_from: date,
           approved_on: date) -> list[Settlement]:
    """The arrears and overpayments between two assessments' stored line items, benefit by benefit (no line for a
    benefit whose amount did not change)."""
    old, new = _paying(old_items), _paying(new_items)
    months = len(months_paid_at_old(effective_from, approved_on))
    out: list[Settlement] = []
    for key in sorted(set(old) | set(new)):
        code, period = key
        before = Decimal(old[key]["amount"]) if key in old else ZERO
        after = Decimal(new[key]["amount"]) if key in new else ZERO
        payer = (new.get(key) or old[key])["payer"]
        count = months if period == "monthly" else 0
        difference = (after - before) * (count if period == "monthly" else 1)
        if difference:
            out.append(Settlement(code, period, payer, before, after, count, difference))
    return out


def settle_death(old_items: list[dict[str, Any]], paid_after_death: list[tuple[str, Decimal]]) -> list[Settlement]:
    """A death superseding a disability assessment (Art. 39): the living worker's monthly benefits stop with the month
    of death (its payment fell due on the first, while he lived), so each one paid for a later month is an
    overpayment to recover, one line per benefit with the months and their sum. ``paid_after_death``: the (item
    code, amount) of every paid payment due after the day of death. The one-time items were due before the death
    and stay as paid; the death's own items are paid as calculated, not settled."""
    old = {i["code"]: i for i in _paying(old_items).values() if i["period"] == "monthly"}
    out: list[Settlement] = []
    for code in sorted(old):
        amounts = [amount for paid_code, amount in paid_after_death if paid_code == code]
        if amounts:
            out.append(Settlement(code, "monthly", old[code]["payer"], Decimal(old[code]["amount"]), ZERO,
                                  len(amounts), -sum(amounts, ZERO)))
    return out
