"""Missing workers (Regulation Art. 41: 从事故发生当月起3个月内照发工资，从第4个月起停发工资，由工伤保险基金向其供养亲属按月支付
供养亲属抚恤金。生活有困难的，可以预支一次性工亡补助金的50%) by example at the boundaries, worked out by hand."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

from injury_desk.domain.compensation import load_rules
from injury_desk.domain.compensation.dependants import Dependant, pension_for_month
from injury_desk.domain.missing_worker import (
    advance_cap,
    advance_errors,
    entitled_after,
    outcome_errors,
    pension_due,
    pension_first_month,
    report_errors,
    settle,
    wage_months,
)

TODAY = date(2026, 11, 28)


def rules(errors) -> set[tuple[str, str]]:
    return {(e.field, e.rule) for e in errors}


def test_wages_for_the_accident_month_and_two_more_then_the_pension_from_the_fourth():
    # accident 31 January 2026: January, February, March are wage months (the accident month counts whole);
    # the 4th month counted from January is April
    assert wage_months(date(2026, 1, 31)) == [date(2026, 1, 1), date(2026, 2, 1), date(2026, 3, 1)]
    assert pension_first_month(date(2026, 1, 31)) == date(2026, 4, 1)
    # an accident on the 1st does not start the count a month earlier: still April
    assert pension_first_month(date(2026, 1, 1)) == date(2026, 4, 1)
    # across the year end: November, December, January; pension from February 2027
    assert wage_months(date(2026, 11, 1))[-1] == date(2027, 1, 1)
    assert pension_first_month(date(2026, 11, 1)) == date(2027, 2, 1)
    # the register counts entitlement from the day after 31 March, so a person entitled on 1 April is paid April
    assert entitled_after(date(2026, 1, 31)) == date(2026, 3, 31)


def test_the_pension_stops_with_the_first_month_beginning_after_the_worker_reappears():
    accident = date(2026, 11, 1)
    assert not pension_due(date(2027, 1, 1), accident, None)  # 3rd month: wages
    assert pension_due(date(2027, 2, 1), accident, None)  # 4th month
    # reappeared on 10 March 2027: March was due on the 1st (still missing), April is not
    assert pension_due(date(2027, 3, 1), accident, date(2027, 3, 10))
    assert not pension_due(date(2027, 4, 1), accident, date(2027, 3, 10))
    # reappeared on 1 March itself: March is not due (not missing on its first day)
    assert not pension_due(date(2027, 3, 1), accident, date(2027, 3, 1))


def test_the_register_pays_from_the_fourth_month_with_the_accident_day_as_the_day_of_death():
    register_rules = load_rules(Path(__file__).resolve().parents[2] / "resources" / "rules").national_for(
        date(2026, 11, 1)).register_rules
    wife = Dependant(key="w", name="w", relation="spouse", sex="female", birth_date=date(1968, 2, 1),
                     condition="spouse_of_age")
    accident = date(2026, 11, 1)
    after = entitled_after(accident)  # 2027-01-31
    assert pension_for_month([wife], date(2027, 1, 1), after, Decimal("6000"), register_rules).lines == ()
    # February: 40 % × 6,000.00 = 2,400.00
    [line] = pension_for_month([wife], date(2027, 2, 1), after, Decimal("6000"), register_rules).lines
    assert line.amount == Decimal("2400.00")


def test_the_advance_is_at_most_half_the_death_subsidy_rounded_down():
    # 20 × 54,188 = 1,083,760.00; half is 541,880.00
    assert advance_cap(Decimal("1083760.00")) == Decimal("541880.00")
    # an odd number of fen: half of 0.03 is 0.015, rounded down to 0.01 (half up would advance more than half)
    assert advance_cap(Decimal("0.03")) == Decimal("0.01")
    accident, subsidy = date(2026, 11, 1), Decimal("1083760.00")
    ok = dict(already_advanced=False, outcome=None)
    assert advance_errors(Decimal("541880.00"), subsidy, TODAY, accident, TODAY, **ok) == []
    assert rules(advance_errors(Decimal("541880.01"), subsidy, TODAY, accident, TODAY, **ok)) == {
        ("amount", "missing.advance_exceeds")}
    assert rules(advance_errors(Decimal("0"), subsidy, TODAY, accident, TODAY, **ok)) == {
        ("amount", "cost.amount_positive")}
    assert rules(advance_errors(Decimal("1"), None, TODAY, accident, TODAY, **ok)) == {
        ("amount", "missing.no_death_subsidy")}
    assert rules(advance_errors(Decimal("1"), subsidy, TODAY, accident, TODAY, already_advanced=True,
                                outcome=None)) == {("amount", "missing.advance_already")}
    assert rules(advance_errors(Decimal("1"), subsidy, TODAY, accident, TODAY, already_advanced=False,
                                outcome="reappeared")) == {("amount", "missing.closed")}
    assert rules(advance_errors(Decimal("1"), subsidy, date(2026, 10, 31), accident, TODAY, **ok)) == {
        ("advance_on", "missing.before_accident")}
    assert rules(advance_errors(Decimal("1"), subsidy, date(2026, 11, 29), accident, TODAY, **ok)) == {
        ("advance_on", "field.date_in_future")}


def test_recording_the_disappearance_and_its_end_is_checked():
    accident = date(2026, 11, 1)
    assert report_errors("away_on_work", accident, accident, TODAY, False) == []  # the accident day: allowed
    assert report_errors("rescue", accident, TODAY, TODAY, False) == []  # today: allowed
    assert rules(report_errors("holiday", accident, date(2026, 10, 31), TODAY, True)) == {
        ("circumstance", "field.choice"), ("reported_on", "missing.before_accident"),
        ("reported_on", "missing.already_recorded")}
    assert outcome_errors("reappeared", TODAY, accident, TODAY, None, "") == []
    assert rules(outcome_errors("declared_dead", TODAY, accident, TODAY, None, "")) == {
        ("outcome_ref", "missing.judgment_required")}
    assert rules(outcome_errors("declared_dead", date(2026, 11, 29), accident, TODAY, "reappeared", "x")) == {
        ("ended_as", "missing.closed"), ("outcome_on", "field.date_in_future")}


def test_settlement_declared_dead_pays_the_rest_reappeared_recovers_what_was_paid():
    # declared dead: funeral 6 × 7,800 = 46,800.00 in full; the subsidy 1,083,760.00 − advance 300,000.00
    # = 783,760.00
    s = settle("declared_dead", advance=Decimal("300000.00"), pensions_paid=Decimal("4800.00"),
               funeral_subsidy=Decimal("46800.00"), death_subsidy=Decimal("1083760.00"))
    assert (s.funeral_subsidy, s.death_subsidy_due, s.to_recover) == (
        Decimal("46800.00"), Decimal("783760.00"), Decimal("0.00"))
    # reappeared: 2 months of 2,400.00 paid = 4,800.00, + the advance 300,000.00 = 304,800.00 to recover
    s = settle("reappeared", advance=Decimal("300000.00"), pensions_paid=Decimal("4800.00"),
               funeral_subsidy=Decimal("46800.00"), death_subsidy=Decimal("1083760.00"))
    assert (s.funeral_subsidy, s.death_subsidy_due, s.to_recover) == (
        Decimal("0.00"), Decimal("0.00"), Decimal("304800.00"))
