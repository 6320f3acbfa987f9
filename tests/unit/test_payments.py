"""The payment schedule (domain/payments.py) and the wage months (domain/compensation/wages.py), without a database."""

from __future__ import annotations

from datetime import date

from injury_desk.domain.compensation.wages import MONTHS_EXPECTED, months_before
from injury_desk.domain.payments import SCHEDULED_MONTHS, first_of_month_after, payment_schedule


def item(code, amount, period="once", **extra):
    return {"code": code, "amount": amount, "period": period, **extra}


def test_a_once_item_is_one_payment_on_the_approval_day():
    [p] = payment_schedule([item("one_time_disability_subsidy", "60000.00", payer="fund")], date(2026, 11, 28))
    assert (p.item_code, p.payer, p.due_on, p.amount_fen) == ("one_time_disability_subsidy", "fund", date(2026, 11, 28),
                                                             6_000_000)


def test_a_monthly_item_is_paid_on_the_first_of_each_of_the_next_twelve_months():
    payments = payment_schedule([item("monthly_disability_allowance", "3500.00", "monthly")], date(2026, 11, 28))
    assert SCHEDULED_MONTHS == 12 and len(payments) == 12
    # Approved in November 2026: December 2026 is the first month, November 2027 the twelfth.
    assert payments[0].due_on == date(2026, 12, 1) and payments[-1].due_on == date(2027, 11, 1)
    assert {p.amount_fen for p in payments} == {350_000} and {p.payer for p in payments} == {"fund"}


def test_zero_informational_and_wage_base_items_are_not_paid():
    items = [item("wage_base", "5000.00", "monthly"), item("lost_wages_note", "100.00", informational=True),
             item("funeral_grant", "0.00"),
             item("medical_subsidy", "0.01", payer="employer")]  # the smallest amount that is paid
    [p] = payment_schedule(items, date(2026, 1, 31))
    assert (p.item_code, p.amount_fen, p.payer) == ("medical_subsidy", 1, "employer")


def test_first_of_month_after_crosses_the_year():
    assert first_of_month_after(date(2026, 12, 31), 1) == date(2027, 1, 1)
    assert first_of_month_after(date(2026, 1, 1), 12) == date(2027, 1, 1)
    assert first_of_month_after(date(2026, 1, 31), 0) == date(2026, 1, 1)


def test_wage_months_are_the_twelve_before_the_injury_month():
    # Art. 64: injured on 2026-01-15, the wage base averages the 12 calendar months before January 2026,
    # i.e. 2025-01 .. 2025-12.
    assert MONTHS_EXPECTED == 12
    assert months_before(date(2026, 1, 15)) == [f"2025-{m:02d}" for m in range(1, 13)]
    assert months_before(date(2026, 3, 1), 3) == ["2025-12", "2026-01", "2026-02"]
