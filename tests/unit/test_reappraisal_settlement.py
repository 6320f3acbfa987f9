"""Arrears and overpayment when a re-appraisal (Art. 26) or review (Art. 28) changes the grade: the new assessment
supersedes the old from its effective date; every figure below is worked out by hand."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from injury_desk.domain.reappraisal import months_paid_at_old, settle


def item(code, amount, period="monthly", payer="fund", **kw):
    return {"code": code, "amount": amount, "period": period, "payer": payer, **kw}


WAGE = item("wage_base", "6000.00", payer=None, informational=True)
# grade 5 on a wage base of 6,000 (Art. 36): one-time subsidy 18 × 6,000 = 108,000; allowance 70 % = 4,200 (employer)
GRADE_5 = [WAGE, item("one_time_disability_subsidy", "108000.00", "once"),
           item("monthly_disability_allowance", "4200.00", payer="employer")]
# grade 4 (Art. 35): one-time subsidy 21 × 6,000 = 126,000; allowance 75 % = 4,500 (fund)
GRADE_4 = [WAGE, item("one_time_disability_subsidy", "126000.00", "once"), item("monthly_disability_allowance",
                                                                              "4500.00")]
# grade 7 (Art. 37): one-time subsidy 13 × 6,000 = 78,000; no allowance
GRADE_7 = [WAGE, item("one_time_disability_subsidy", "78000.00", "once")]


def test_months_paid_at_the_old_amount():
    # effective on 15 June: June fell due on the 1st, before it; July to November (approval on 28 Nov) did not
    assert months_paid_at_old(date(2026, 6, 15), date(2026, 11, 28)) == [
        date(2026, m, 1) for m in (7, 8, 9, 10, 11)]
    # effective on the 1st: that month counts (its payment fell due on the effective day)
    assert len(months_paid_at_old(date(2026, 6, 1), date(2026, 11, 28))) == 6
    # approved the day before the next first: no month yet
    assert months_paid_at_old(date(2026, 6, 15), date(2026, 6, 30)) == []
    # across the year end: 2 Dec 2025 → January and February 2026 by 1 March... and March itself (due on the 1st)
    assert len(months_paid_at_old(date(2025, 12, 2), date(2026, 3, 1))) == 3


def test_worse_grade_pays_arrears():
    # review from grade 5 to grade 4, effective 2026-06-15, approved 2026-11-28: 5 months at the old amount.
    # allowance: old 4,200 (employer, grade 5) → new 4,500 (fund): one line per item and period, the new payer;
    # (4,500 − 4,200) × 5 = 1,500.00 owed. One-time subsidy: 126,000 − 108,000 = 18,000.00 owed.
    lines = {s.item_code: s for s in settle(GRADE_5, GRADE_4, date(2026, 6, 15), date(2026, 11, 28))}
    assert lines["monthly_disability_allowance"].difference == Decimal("1500.00")
    assert lines["monthly_disability_allowance"].months == 5 and lines["monthly_disability_allowance"].payer == "fund"
    assert lines["one_time_disability_subsidy"].difference == Decimal("18000.00")
    assert {s.kind for s in lines.values()} == {"arrears"} and "wage_base" not in lines


def test_better_grade_is_an_overpayment_to_recover():
    # review from grade 5 to grade 7, effective 2026-06-01, approved 2026-11-28: June to November = 6 months.
    # The grade 7 worker has no allowance: 6 × (0 − 4,200) = −25,200.00; one-time 78,000 − 108,000 = −30,000.00.
    lines = {s.item_code: s for s in settle(GRADE_5, GRADE_7, date(2026, 6, 1), date(2026, 11, 28))}
    allowance = lines["monthly_disability_allowance"]
    assert (allowance.old_amount, allowance.new_amount, allowance.months, allowance.difference, allowance.kind) == (
        Decimal("4200.00"), Decimal("0.00"), 6, Decimal("-25200.00"), "overpayment")
    assert allowance.payer == "employer"  # the benefit the old grade gave, paid by its payer
    assert lines["one_time_disability_subsidy"].difference == Decimal("-30000.00")


def test_an_unchanged_benefit_has_no_line():
    assert settle(GRADE_4, GRADE_4, date(2026, 6, 1), date(2026, 11, 28)) == []
    # approved before the first month at the new amount: only the one-time difference
    lines = settle(GRADE_5, GRADE_4, date(2026, 11, 15), date(2026, 11, 28))
    assert [(s.item_code, s.difference) for s in lines] == [("one_time_disability_subsidy", Decimal("18000.00"))]
