"""Recurrence rules (Regulation Art. 38: 工伤职工工伤复发，确认需要治疗的，享受本条例第三十条、第三十二条和第三十三条规定的
工伤待遇) by example at their boundaries, with the suspension wages worked out by hand (Art. 33)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from injury_desk.domain.recurrence import reopen_errors, suspension_errors, suspension_wages

ACCIDENT, TODAY = date(2024, 3, 10), date(2026, 11, 28)


def rules(errors) -> set[tuple[str, str]]:
    return {(e.field, e.rule) for e in errors}


def test_only_a_closed_claim_is_reopened_from_the_accident_day_to_today():
    assert reopen_errors("closed", ACCIDENT, ACCIDENT, TODAY) == []  # the accident day itself: allowed
    assert reopen_errors("closed", ACCIDENT, TODAY, TODAY) == []  # today: allowed
    assert rules(reopen_errors("payment", ACCIDENT, TODAY, TODAY)) == {("occurred_on", "recurrence.claim_not_closed")}
    assert rules(reopen_errors("closed", ACCIDENT, date(2024, 3, 9), TODAY)) == {
        ("occurred_on", "recurrence.before_accident")}
    assert rules(reopen_errors("closed", ACCIDENT, date(2026, 11, 29), TODAY)) == {
        ("occurred_on", "field.date_in_future")}


def test_the_recurrences_suspension_period_is_checked_as_art_33_counts_it():
    occurred = date(2026, 5, 4)
    assert suspension_errors(occurred, occurred, None, 12, TODAY) == []
    assert rules(suspension_errors(occurred, date(2026, 5, 3), None, 12, TODAY)) == {
        ("started_on", "recurrence.suspension_before_recurrence")}
    assert rules(suspension_errors(occurred, occurred, None, 25, TODAY)) == {("months", "field.range")}
    # 12 months from 4 May 2026 end on 3 May 2027 (the first day counts): ending on 4 May 2027 is beyond
    assert rules(suspension_errors(date(2025, 5, 4), date(2025, 5, 4), date(2026, 5, 4), 12, TODAY)) == {
        ("ended_on", "claim.stop_work_end_beyond")}
    assert suspension_errors(date(2025, 5, 4), date(2025, 5, 4), date(2026, 5, 3), 12, TODAY) == []
    assert rules(suspension_errors(occurred, occurred, date(2026, 11, 29), 12, TODAY)) == {
        ("ended_on", "field.date_in_future")}


def test_suspension_wages_are_the_months_begun_times_the_wage_base_paid_by_the_employer():
    # 4 May – 3 August 2026: 3 whole months → 3 × 6,000.00 = 18,000.00
    w = suspension_wages(date(2026, 5, 4), date(2026, 8, 3), Decimal("6000.00"))
    assert (w.months, w.amount, w.payer) == (3, Decimal("18000.00"), "employer")
    assert "Art. 38" in w.basis and "Art. 33" in w.basis
    # one day more begins a fourth month: 4 × 6,000.00 = 24,000.00
    assert suspension_wages(date(2026, 5, 4), date(2026, 8, 4), Decimal("6000.00")).amount == Decimal("24000.00")
    # a single day is a month begun: 1 × 5,432.10
    assert suspension_wages(date(2026, 5, 4), date(2026, 5, 4), Decimal("5432.10")).amount == Decimal("5432.10")
