"""Writing the Art. 40 notices into stored payments, by the example of docs/claim-life.md section 5 worked out by
hand: unpaid months take the new amount, paid months owe the difference as back pay, and applying twice schedules
nothing more."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

from injury_desk.domain.compensation import load_rules
from injury_desk.domain.schedule_adjustment import (
    StoredPayment,
    back_pay_to_schedule,
    owed_for_paid,
    revisions,
)

NOTICES = load_rules(Path(__file__).resolve().parents[2] / "resources" / "rules").adjustments("example")
SINCE = date(2023, 5, 1)  # the allowance of 4,500.00 in payment since May 2023


def stored(month: int, amount: str, paid: bool) -> StoredPayment:
    return StoredPayment(f"p{month}", "monthly_disability_allowance", date(2025, month, 1), Decimal(amount), paid,
                         Decimal("4500.00"), SINCE)


def test_unpaid_months_take_the_new_amount_and_paid_months_owe_back_pay():
    # January to April 2025 paid at 4,635.00 (4,500.00 × 1.03, the 2024 notice); May to December scheduled at that
    # amount. The 2025 notice (+2.5 %, + 30.00 from January, published 18 April) gives 4,635.00 × 1.025 =
    # 4,750.875 → 4,750.88, + 30.00 = 4,780.88.
    payments = [stored(m, "4635.00", m <= 4) for m in range(1, 13)]
    on = date(2025, 5, 2)
    changed = revisions(payments, NOTICES, on)
    assert [r.key for r in changed] == [f"p{m}" for m in range(5, 13)]
    assert {r.after for r in changed} == {Decimal("4780.88")}
    # 4 × (4,780.88 − 4,635.00) = 4 × 145.88 = 583.52
    owed = owed_for_paid(payments, NOTICES, on)
    assert owed == Decimal("583.52")
    assert back_pay_to_schedule(owed, Decimal("0.00")) == Decimal("583.52")
    # applied again: the payments already carry the new amounts and the back pay was scheduled
    again = [stored(m, "4635.00" if m <= 4 else "4780.88", m <= 4) for m in range(1, 13)]
    assert revisions(again, NOTICES, on) == []
    assert back_pay_to_schedule(owed_for_paid(again, NOTICES, on), Decimal("583.52")) == Decimal("0.00")


def test_a_notice_not_yet_published_changes_nothing():
    # on 17 April 2025 the 2025 notice is not out yet: every month stays at 4,635.00, nothing owed
    payments = [stored(m, "4635.00", m <= 3) for m in range(1, 13)]
    assert revisions(payments, NOTICES, date(2025, 4, 17)) == []
    assert owed_for_paid(payments, NOTICES, date(2025, 4, 17)) == Decimal("0.00")


def test_an_overpayment_is_never_scheduled():
    assert back_pay_to_schedule(Decimal("-200.00"), Decimal("0.00")) == Decimal("0.00")
    # 100.00 owed, 30.00 already scheduled: 70.00 more
    assert back_pay_to_schedule(Decimal("100.00"), Decimal("30.00")) == Decimal("70.00")
