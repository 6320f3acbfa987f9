"""Uninsured employers (Regulation Art. 62 para. 2; SIL Art. 41) by example at the boundaries: insured on a day,
the dates' checks, every item payable by the employer, and the amount still to recover (hand computation)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from injury_desk.domain.insurance import employer_pays_every_item, insurance_errors, insured_on, to_recover

FROM, TO = date(2024, 1, 1), date(2025, 6, 30)


def test_insured_on_a_day_within_the_dates_both_ends_counted():
    assert insured_on(True, FROM, TO, FROM) and insured_on(True, FROM, TO, TO)  # both ends are insured days
    assert not insured_on(True, FROM, TO, date(2023, 12, 31))
    assert not insured_on(True, FROM, TO, date(2025, 7, 1))  # the day after the cover ended: uninsured
    assert insured_on(True, None, None, date(1999, 1, 1))  # open dates: no limit
    assert insured_on(True, FROM, None, date(2040, 1, 1))
    assert not insured_on(False, None, None, FROM)  # the flag cleared: not insured at all


def test_the_dates_need_the_flag_and_run_forward():
    assert insurance_errors(True, FROM, FROM) == []  # a single day of cover
    assert [(e.field, e.rule) for e in insurance_errors(True, FROM, date(2023, 12, 31))] == [
        ("insured_to", "employer.insured_to_before_from")]
    assert [(e.field, e.rule) for e in insurance_errors(False, FROM, None)] == [
        ("insured", "employer.dates_without_insurance")]


def test_every_item_is_payable_by_the_employer_under_art_62():
    items = [{"code": "wage_base", "amount": "6000.00", "period": "monthly", "payer": None},
             {"code": "one_time_disability_subsidy", "amount": "66000.00", "period": "once", "payer": "fund",
              "basis": "Regulation on Work-Related Injury Insurance (2010) Art. 37"},
             {"code": "work_suspension_wages", "amount": "18000.00", "period": "once", "payer": "employer",
              "basis": "Regulation on Work-Related Injury Insurance (2010) Art. 33"}]
    out = employer_pays_every_item(items)
    assert out[0] == items[0]  # the wage base pays nothing
    assert [i["payer"] for i in out[1:]] == ["employer", "employer"]
    assert out[1]["amount"] == "66000.00" and out[1]["basis"].endswith("Art. 62 para. 2")  # the same standard
    assert items[1]["payer"] == "fund"  # the stored items are not changed in place


def test_the_amount_to_recover_is_what_was_advanced_less_what_was_repaid():
    # advanced 66,000.00 + 18,000.00 = 84,000.00; repaid 30,000.00 → 54,000.00 still owed to the fund
    assert to_recover(Decimal("84000.00"), Decimal("30000.00")) == Decimal("54000.00")
    assert to_recover(Decimal("84000.00"), Decimal("84000.00")) == Decimal("0.00")
