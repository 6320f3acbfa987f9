"""A death recorded after an approved disability assessment (Regulation Art. 39 paras. 2 and 3), at its boundaries:
a death on the suspension period's last day keeps all three death benefits, the day after it a grade 1-4 worker's
family gets the funeral subsidy and the dependants' pension only; the living worker's monthly benefits paid for
months after the death are overpayments. Every figure is worked out by hand in the comments."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from injury_desk.domain.compensation import calculate, parse_calc_input
from injury_desk.domain.death import (
    death_after_assessment_errors,
    death_inputs,
    died_after_suspension,
    suspension_last_day,
)
from injury_desk.domain.reappraisal import settle_death

# A grade 4 worker injured on 10 March 2025; the suspension period began that day, 12 months, its end not recorded;
# the committee appraised grade 4 on 20 March 2026. 12 months from 10 March 2025 end on 9 March 2026, before the
# appraisal, so the last day is 9 March 2026.
STARTED, APPRAISED = date(2025, 3, 10), date(2026, 3, 20)
LAST_DAY = date(2026, 3, 9)
DISABILITY = {"injury_date": "2025-03-10", "average_monthly_wage": "6000", "region": "example", "year": 2024,
              "disability_grade": 4, "nursing_level": "partial", "fatal": False, "suspension_months": 12,
              "suspension_extended": False, "employer_cannot_arrange_work": False, "employment_ended": False}


def paying(result) -> dict[str, tuple[str, Decimal]]:
    return {i.code: (i.period, i.amount) for i in result.items if not i.informational}


def death_result(rules, died: date):
    after = died_after_suspension(died, suspension_last_day(STARTED, 12, None, APPRAISED))
    doc = death_inputs(DISABILITY, died, after)
    # the 2025 national figure is not in the shipped file: the caseworker enters it (here 54,188)
    doc.update(dependants=[{"relation": "spouse"}], national_urban_disposable_income="54188")
    return doc, calculate(parse_calc_input(doc, rules), rules)


def test_the_suspension_periods_last_day():
    assert suspension_last_day(STARTED, 12, None, APPRAISED) == LAST_DAY
    # the appraisal ends it earlier (Art. 33 para. 3): appraised on 1 December 2025
    assert suspension_last_day(STARTED, 12, None, date(2025, 12, 1)) == date(2025, 12, 1)
    # a recorded end wins; without a start the appraisal ends it; with neither nothing is known
    assert suspension_last_day(STARTED, 12, date(2025, 6, 30), APPRAISED) == date(2025, 6, 30)
    assert suspension_last_day(None, 12, None, APPRAISED) == APPRAISED
    assert suspension_last_day(None, 12, None, None) is None
    # extended to 18 months: 10 March 2025 + 18 months = 10 September 2026, less a day
    assert suspension_last_day(STARTED, 18, None, None) == date(2026, 9, 9)
    assert died_after_suspension(LAST_DAY, LAST_DAY) is False
    assert died_after_suspension(date(2026, 3, 10), LAST_DAY) is True
    assert died_after_suspension(date(2030, 1, 1), None) is False


def test_a_death_on_the_last_day_keeps_all_three_benefits(rules):
    doc, result = death_result(rules, LAST_DAY)
    assert doc["year"] == 2025 and doc["fatal"] is True and "disability_grade" not in doc
    assert "nursing_level" not in doc and doc["suspension_months"] == 0 and "death_after_suspension" not in doc
    # year before the death 2025: regional average 7,800; wage base 6,000 (within 60 % × 7,800 = 4,680 .. 23,400)
    # funeral 6 × 7,800 = 46,800.00; spouse 40 % × 6,000 = 2,400.00 a month; death subsidy 20 × 54,188 = 1,083,760.00
    assert paying(result) == {
        "funeral_subsidy": ("once", Decimal("46800.00")),
        "dependants_pension": ("monthly", Decimal("2400.00")),
        "one_time_death_subsidy": ("once", Decimal("1083760.00")),
    }


def test_a_grade_4_death_the_day_after_gives_the_funeral_subsidy_and_the_pension_only(rules):
    doc, result = death_result(rules, date(2026, 3, 10))
    assert doc["death_after_suspension"] is True and doc["disability_grade"] == 4
    # Art. 39 last paragraph: items (1) and (2) only, the same figures as above
    assert paying(result) == {
        "funeral_subsidy": ("once", Decimal("46800.00")),
        "dependants_pension": ("monthly", Decimal("2400.00")),
    }


def test_after_the_period_only_grades_1_to_4_leave_death_benefits():
    day_after = date(2026, 3, 10)
    assert death_after_assessment_errors(day_after, LAST_DAY, 4) == []
    assert death_after_assessment_errors(LAST_DAY, LAST_DAY, 5) == []  # within the period: Art. 39 para. 2
    for grade in (5, 10, None):
        errors = death_after_assessment_errors(day_after, LAST_DAY, grade)
        assert [(e.field, e.rule) for e in errors] == [("death_date", "claim.death_after_suspension_grade")]


def test_monthly_benefits_paid_after_the_death_are_overpayments():
    old = [{"code": "wage_base", "amount": "6000.00", "period": "monthly", "payer": None, "informational": True},
           {"code": "one_time_disability_subsidy", "amount": "126000.00", "period": "once", "payer": "fund"},
           {"code": "monthly_disability_allowance", "amount": "4500.00", "period": "monthly", "payer": "fund"},
           {"code": "nursing_allowance", "amount": "2340.00", "period": "monthly", "payer": "fund"}]
    # died 10 March: April and May's allowance (2 × 4,500 = 9,000) and April's nursing (2,340) were paid after it;
    # the one-time subsidy was due before the death and is not settled
    lines = settle_death(old, [("monthly_disability_allowance", Decimal("4500.00")),
                               ("nursing_allowance", Decimal("2340.00")),
                               ("monthly_disability_allowance", Decimal("4500.00"))])
    assert [(x.item_code, x.months, x.difference, x.kind) for x in lines] == [
        ("monthly_disability_allowance", 2, Decimal("-9000.00"), "overpayment"),
        ("nursing_allowance", 1, Decimal("-2340.00"), "overpayment")]
    assert settle_death(old, []) == []
