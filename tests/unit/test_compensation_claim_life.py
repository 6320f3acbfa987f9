"""The claim-life rules of the engine by example, at their boundaries, with the numbers worked out by hand:
death after the suspension period (Art. 39 last paragraph), Art. 15(3), hospital meals (Art. 30), and the
basic pension replacing the disability allowance after retirement (Art. 35 para. 2, SIL Art. 40)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from injury_desk.domain.compensation import calculate, load_rules, parse_calc_input
from injury_desk.domain.compensation.wording import ENGLISH
from injury_desk.domain.errors import ValidationFailed
from injury_desk.domain.messages import Message, render

RULES_DIR = Path(__file__).resolve().parents[2] / "resources" / "rules"


def run(rules, **fields):
    doc = {"injury_date": "2025-03-10", "regional_average_monthly_wage": "8000", "average_monthly_wage": "6000"}
    doc.update(fields)
    return calculate(parse_calc_input(doc, rules), rules)


def codes(result):
    return [i.code for i in result.items]


def refusals(rules, **fields):
    doc = {"injury_date": "2025-03-10", "regional_average_monthly_wage": "8000", "average_monthly_wage": "6000"}
    doc.update(fields)
    with pytest.raises(ValidationFailed) as caught:
        parse_calc_input(doc, rules)
    return {(e.field, e.rule) for e in caught.value.errors}


# --- death of a grade 1-4 worker after the suspension period (Art. 39 last paragraph) ----------------


@pytest.mark.parametrize("grade", [1, 4])
def test_death_after_suspension_gives_funeral_subsidy_and_dependants_pension_only(rules, grade):
    result = run(rules, fatal=True, disability_grade=grade, death_after_suspension=True,
                 dependants=[{"relation": "spouse"}, {"relation": "child"}])
    # funeral: 6 × 8,000 = 48,000; pension: (40% + 30%) × 6,000 = 4,200; no 20 × income death subsidy
    assert codes(result) == ["wage_base", "funeral_subsidy", "dependants_pension"]
    assert result.item("funeral_subsidy").amount == Decimal("48000.00")
    assert result.item("dependants_pension").amount == Decimal("4200.00")
    assert result.total_once == Decimal("48000.00") and result.total_monthly == Decimal("4200.00")
    for code in ("funeral_subsidy", "dependants_pension"):
        assert result.item(code).basis.endswith("Art. 39 last paragraph")


def test_death_during_suspension_keeps_all_three_death_benefits(rules):
    # no grade, no death_after_suspension: funeral 48,000 + pension 40% × 6,000 = 2,400 + 20 × 54,188 = 1,083,760
    result = run(rules, fatal=True, dependants=[{"relation": "spouse"}])
    assert codes(result) == ["wage_base", "funeral_subsidy", "dependants_pension", "one_time_death_subsidy"]
    assert result.item("one_time_death_subsidy").amount == Decimal("1083760.00")


def test_death_after_suspension_without_dependants_is_the_funeral_subsidy(rules):
    result = run(rules, fatal=True, disability_grade=2, death_after_suspension=True)
    assert codes(result) == ["wage_base", "funeral_subsidy"]


def test_death_after_suspension_needs_no_disposable_income(rules):
    # the one-time death subsidy is not due, so a year without a published income figure is no obstacle
    result = run(rules, injury_date="2031-05-01", fatal=True, disability_grade=3, death_after_suspension=True)
    assert result.disposable_income_year is None
    assert result.item("one_time_death_subsidy") is None


@pytest.mark.parametrize("grade", [5, 10])
def test_death_after_suspension_refused_for_grades_5_to_10(rules, grade):
    assert refusals(rules, fatal=True, disability_grade=grade, death_after_suspension=True) == {
        ("death_after_suspension", "calc.death_after_suspension_grade")
    }


def test_death_after_suspension_refused_without_a_grade(rules):
    assert refusals(rules, fatal=True, death_after_suspension=True) == {
        ("death_after_suspension", "calc.death_after_suspension_grade")
    }


def test_death_after_suspension_refused_without_fatal(rules):
    assert refusals(rules, disability_grade=2, death_after_suspension=True) == {
        ("death_after_suspension", "calc.death_after_suspension_without_fatal")
    }


def test_grade_with_fatal_is_still_refused_without_death_after_suspension(rules):
    assert refusals(rules, fatal=True, disability_grade=2) == {("disability_grade", "calc.grade_with_fatal")}
    assert refusals(rules, fatal=True, disability_grade=2, death_after_suspension=False) == {
        ("disability_grade", "calc.grade_with_fatal")
    }


def test_benefits_of_a_living_worker_are_refused_after_a_death_past_suspension(rules):
    found = refusals(rules, fatal=True, disability_grade=1, death_after_suspension=True, nursing_level="full",
                     suspension_months=3, hospital_days=2, hospital_meal_allowance_per_day="40", basic_pension="100")
    assert found == {(name, "calc.not_due_after_suspension")
                     for name in ("nursing_level", "suspension_months", "hospital_days", "basic_pension")}


# --- Art. 15(3): every benefit except the one-time disability subsidy ------------------------------


def test_art15_3_drops_the_one_time_disability_subsidy_only(rules):
    full = run(rules, disability_grade=4, nursing_level="partial", suspension_months=2)
    veteran = run(rules, disability_grade=4, nursing_level="partial", suspension_months=2, recognition_basis="art15_3")
    # grade 4: 21 × 6,000 = 126,000 subsidy dropped; allowance 75% × 6,000 = 4,500, nursing 30% × 8,000 = 2,400
    # and suspension 2 × 6,000 = 12,000 stay
    assert codes(full) == [*codes(veteran)[:1], "one_time_disability_subsidy", *codes(veteran)[1:]]
    assert full.total_once - veteran.total_once == Decimal("126000.00")
    assert veteran.total_once == Decimal("12000.00") and veteran.total_monthly == Decimal("6900.00")


@pytest.mark.parametrize("basis", ["art14", "art15_2"])
def test_other_recognition_bases_keep_the_disability_subsidy(rules, basis):
    result = run(rules, disability_grade=10, recognition_basis=basis)
    assert result.item("one_time_disability_subsidy").amount == Decimal("42000.00")  # 7 × 6,000


def test_art15_1_is_a_death_at_work(rules):
    result = run(rules, fatal=True, recognition_basis="art15_1")
    assert "one_time_death_subsidy" in codes(result)
    assert refusals(rules, recognition_basis="art15_1") == {
        ("recognition_basis", "calc.recognition_basis_requires_fatal")
    }


@pytest.mark.parametrize(("value", "rule"), [("art16", "calc.recognition_basis_unknown"),
                                              ("ART14", "calc.recognition_basis_unknown"),
                                              (14, "calc.type")])
def test_unknown_recognition_basis_is_refused(rules, value, rule):
    assert refusals(rules, recognition_basis=value) == {("recognition_basis", rule)}


# --- hospital meal allowance (Art. 30) -------------------------------------------------------------


def test_hospital_meal_allowance_is_days_times_the_daily_standard(rules):
    item = run(rules, hospital_days=23, hospital_meal_allowance_per_day="45.50").item("hospital_meal_allowance")
    # 23 × 45.50 = 1,046.50, once, from the fund
    assert (item.amount, item.period, item.payer) == (Decimal("1046.50"), "once", "fund")
    assert item.formula == "23 days × 45.50 daily hospital meal allowance = 1,046.50"
    assert item.basis == "Regulation on Work-Related Injury Insurance (2010) Art. 30"


def test_hospital_meal_standard_comes_from_the_region_file(rules):
    # example 2024 (the year before the injury): 30.00 a day; 1 × 30 = 30.00, and the basis names the file
    item = run(rules, region="example", hospital_days=1).item("hospital_meal_allowance")
    assert item.amount == Decimal("30.00")
    assert "daily standard: Example Province" in item.basis and "2024" in item.basis
    given = run(rules, region="example", hospital_days=1, hospital_meal_allowance_per_day="28").item(
        "hospital_meal_allowance")
    assert given.amount == Decimal("28.00") and "daily standard" not in given.basis


def test_zero_hospital_days_give_no_item(rules):
    assert "hospital_meal_allowance" not in codes(run(rules, hospital_days=0, hospital_meal_allowance_per_day="30"))


def test_hospital_meal_allowance_rounds_half_up(rules):
    # 3 × 10.005 = 30.015 -> 30.02 (half up, once, after the multiplication)
    item = run(rules, hospital_days=3, hospital_meal_allowance_per_day="10.005").item("hospital_meal_allowance")
    assert item.amount == Decimal("30.02")


def test_hospital_meal_allowance_in_a_fatal_case_and_for_art15_3(rules):
    assert "hospital_meal_allowance" in codes(run(rules, fatal=True, hospital_days=5,
                                                  hospital_meal_allowance_per_day="30"))
    assert "hospital_meal_allowance" in codes(run(rules, disability_grade=9, recognition_basis="art15_3",
                                                  hospital_days=5, hospital_meal_allowance_per_day="30"))


@pytest.mark.parametrize(("fields", "expected"), [
    ({"hospital_days": 3}, {("hospital_meal_allowance_per_day", "calc.hospital_meal_rate_required")}),
    ({"hospital_days": -1}, {("hospital_days", "calc.hospital_days_range")}),
    ({"hospital_days": 36_501, "hospital_meal_allowance_per_day": "30"}, {("hospital_days", "calc.hospital_days_range")}),
    ({"hospital_days": "3", "hospital_meal_allowance_per_day": "30"}, {("hospital_days", "calc.type")}),
    ({"hospital_days": 2.5, "hospital_meal_allowance_per_day": "30"}, {("hospital_days", "calc.type")}),
    ({"hospital_days": 3, "hospital_meal_allowance_per_day": "0"},
     {("hospital_meal_allowance_per_day", "calc.amount_positive")}),
    ({"hospital_meal_allowance_per_day": "30"}, {("hospital_meal_allowance_per_day", "calc.hospital_meal_rate_without_days")}),
])
def test_hospital_meal_input_refusals(rules, fields, expected):
    assert refusals(rules, **fields) == expected


def test_hospital_days_at_the_upper_bound(rules):
    # 36,500 × 1 = 36,500.00
    assert run(rules, hospital_days=36_500, hospital_meal_allowance_per_day="1").item(
        "hospital_meal_allowance").amount == Decimal("36500.00")


# --- basic pension after retirement (Art. 35 para. 2, SIL Art. 40) ---------------------------------


def test_pension_lower_than_the_allowance_is_topped_up_by_the_fund(rules):
    result = run(rules, disability_grade=1, basic_pension="4000")
    # grade 1: 90% × 6,000 = 5,400 allowance; 5,400 − 4,000 = 1,400 a month from the fund, in its place
    assert result.item("monthly_disability_allowance") is None
    item = result.item("pension_top_up")
    assert (item.amount, item.period, item.payer) == (Decimal("1400.00"), "monthly", "fund")
    assert item.formula == ("90% × 6,000.00 wage base = 5,400.00; 5,400.00 monthly disability allowance − "
                            "4,000.00 basic pension = 1,400.00")
    assert "Art. 35 para. 2" in item.basis and "Social Insurance Law Art. 40" in item.basis
    assert result.total_monthly == Decimal("1400.00")


@pytest.mark.parametrize(("pension", "expected"), [
    ("4499.99", "0.01"),  # grade 4: 75% × 6,000 = 4,500; a fen lower is a fen's top-up
    ("4500", None),  # equal: nothing to make up, and no allowance either
    ("4500.01", None),  # higher: nothing
    ("0", "4500.00"),  # no pension at all yet: the whole allowance
])
def test_pension_top_up_boundaries(rules, pension, expected):
    result = run(rules, disability_grade=4, basic_pension=pension)
    assert result.item("monthly_disability_allowance") is None
    item = result.item("pension_top_up")
    assert (item.amount if item else None) == (Decimal(expected) if expected else None)


def test_pension_top_up_starts_from_the_allowance_after_the_minimum_wage(rules):
    # grade 4 on a 4,800 base (60% of 8,000): 75% = 3,600 < minimum wage 4,000 -> 4,000; 4,000 − 3,700 = 300
    item = run(rules, average_monthly_wage="3000", minimum_wage="4000", disability_grade=4,
               basic_pension="3700").item("pension_top_up")
    assert item.amount == Decimal("300.00")
    assert "minimum wage" in item.formula and "minimum wage" in item.basis


def test_nursing_continues_beside_the_pension_top_up(rules):
    result = run(rules, disability_grade=2, nursing_level="full", basic_pension="3000")
    # 85% × 6,000 = 5,100 − 3,000 = 2,100; nursing 50% × 8,000 = 4,000 (Art. 34 is not replaced by a pension)
    assert result.item("pension_top_up").amount == Decimal("2100.00")
    assert result.item("nursing_care_allowance").amount == Decimal("4000.00")
    assert result.total_monthly == Decimal("6100.00")


@pytest.mark.parametrize("fields", [{"disability_grade": 5}, {"disability_grade": 10}, {}, {"fatal": True}])
def test_basic_pension_refused_outside_grades_1_to_4(rules, fields):
    assert refusals(rules, basic_pension="3000", **fields) == {("basic_pension", "calc.basic_pension_grade")}


def test_negative_basic_pension_is_refused(rules):
    assert refusals(rules, disability_grade=1, basic_pension="-1") == {("basic_pension", "calc.amount_negative")}


# --- formulas and bases as message keys ------------------------------------------------------------


def test_every_item_carries_its_formula_and_basis_as_message_keys(rules):
    result = run(rules, disability_grade=2, basic_pension="3000", nursing_level="major", hospital_days=4,
                 hospital_meal_allowance_per_day="30", region="example", suspension_months=1)
    for item in result.items:
        assert item.formula_message.key.startswith("calc.formula.")
        assert render(item.formula_message, ENGLISH) == item.formula
        assert render(item.basis_message, ENGLISH) == item.basis
        # stored as plain JSON and read back to the same message
        assert Message.from_dict(item.formula_message.to_dict()) == item.formula_message
        assert Message.from_dict(item.basis_message.to_dict()) == item.basis_message
    top_up = result.item("pension_top_up").formula_message
    assert top_up.params["allowance"] == "5,100.00" and top_up.params["pension"] == "3,000.00"
    assert top_up.params["allowance_formula"].key == "calc.formula.allowance"


def test_new_item_codes_take_their_place_in_the_order(rules):
    from injury_desk.domain.compensation import ITEM_CODES

    result = run(rules, disability_grade=3, basic_pension="100", nursing_level="partial", suspension_months=1,
                 hospital_days=1, hospital_meal_allowance_per_day="30")
    assert codes(result) == [c for c in ITEM_CODES if c in codes(result)]
    assert codes(result) == ["wage_base", "one_time_disability_subsidy", "pension_top_up", "nursing_care_allowance",
                             "work_suspension_wages", "hospital_meal_allowance"]


# --- the rule file sections behind these rules -----------------------------------------------------


@pytest.mark.parametrize(("change", "entry"), [
    (lambda d: d["recognition_basis"]["choices"]["art15_3"].update(excluded_items=["disability_subsidy"]),
     "recognition_basis.choices.art15_3.excluded_items"),
    (lambda d: d["recognition_basis"].update(default="art16"), "recognition_basis.default"),
    (lambda d: d["death_after_suspension"].update(grades=["4", "11"]), "death_after_suspension.grades"),
    (lambda d: d["pension_top_up"].update(grades=["5"]), "pension_top_up.grades"),
    (lambda d: d["hospital_meal_allowance"].update(payer="hospital"), "hospital_meal_allowance.payer"),
    (lambda d: d.pop("death_after_suspension"), "death_after_suspension.grades"),
])
def test_broken_claim_life_rules_are_refused_naming_the_entry(tmp_path, change, entry):
    import json
    import shutil

    from injury_desk.domain.errors import DomainError

    target = tmp_path / "rules"
    shutil.copytree(RULES_DIR, target)
    path = target / "national" / "2011-01-01.json"
    doc = json.loads(path.read_text(encoding="utf-8"))
    change(doc)
    path.write_text(json.dumps(doc), encoding="utf-8")
    with pytest.raises(DomainError) as info:
        load_rules(target)
    assert (info.value.key, info.value.params.get("entry")) == ("rules.invalid_file", entry)


def test_shipped_claim_life_rules(rules):
    from datetime import date

    life = rules.national_for(date(2025, 3, 10)).claim_life
    assert life.death_after_suspension_grades == life.pension_top_up_grades == frozenset({1, 2, 3, 4})
    assert life.death_after_suspension_items == ("funeral_subsidy", "dependants_pension")
    assert {k: set(v.excluded_items) for k, v in life.recognition_bases.items()} == {
        "art14": set(), "art15_1": set(), "art15_2": set(), "art15_3": {"one_time_disability_subsidy"}}
    assert rules.region_params("example", 2024).hospital_meal_allowance_per_day == Decimal("30.00")
