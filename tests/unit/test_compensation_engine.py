"""Every benefit rule of the engine by example, with the numbers worked out by hand."""

from __future__ import annotations

from decimal import Decimal

import pytest

from injury_desk.domain.compensation import calculate, parse_calc_input


def run(rules, **fields):
    doc = {"injury_date": "2025-03-10", "regional_average_monthly_wage": "8000"}
    doc.update(fields)
    return calculate(parse_calc_input(doc, rules), rules)


def amount(result, code):
    item = result.item(code)
    assert item is not None, f"no {code} item in {[i.code for i in result.items]}"
    return item.amount


# --- wage base (Art. 64) ---------------------------------------------------------------------------


def test_wage_base_is_average_of_twelve_monthly_wages(rules):
    wages = ["5000"] * 6 + ["7000"] * 6  # 72,000 / 12 = 6,000
    result = run(rules, monthly_wages=wages)
    item = result.item("wage_base")
    assert item.amount == Decimal("6000.00")
    assert item.formula.startswith("72,000.00 ÷ 12 = 6,000.00")
    assert item.payer is None and item.period == "monthly"
    assert "Art. 64" in item.basis


@pytest.mark.parametrize(
    ("average", "expected"),
    [
        ("4800", "4800.00"),  # exactly 60% of 8,000: counts as itself
        ("4799.99", "4800.00"),  # a fen below 60%: lifted to 60%
        ("0", "4800.00"),
        ("24000", "24000.00"),  # exactly 300%
        ("24000.01", "24000.00"),  # a fen above 300%: cut to 300%
        ("6000", "6000.00"),
    ],
)
def test_wage_base_bounds(rules, average, expected):
    assert amount(run(rules, average_monthly_wage=average), "wage_base") == Decimal(expected)


def test_wage_base_formula_names_the_bound_that_applied(rules):
    low = run(rules, average_monthly_wage="3000").item("wage_base").formula
    high = run(rules, average_monthly_wage="30000").item("wage_base").formula
    assert "< 60% × 8,000.00 = 4,800.00 → 4,800.00" in low
    assert "> 300% × 8,000.00 = 24,000.00 → 24,000.00" in high


def test_wage_base_rounds_half_up(rules):
    # 5000.005 is exactly half a fen: half-up gives .01 (banker's rounding would give .00)
    assert amount(run(rules, average_monthly_wage="5000.005"), "wage_base") == Decimal("5000.01")


# --- one-time disability subsidy (Arts. 35-37) -----------------------------------------------------


@pytest.mark.parametrize(
    ("grade", "months"),
    [(1, 27), (2, 25), (3, 23), (4, 21), (5, 18), (6, 16), (7, 13), (8, 11), (9, 9), (10, 7)],
)
def test_one_time_disability_subsidy_months_per_grade(rules, grade, months):
    item = run(rules, average_monthly_wage="6000", disability_grade=grade).item("one_time_disability_subsidy")
    assert item.amount == Decimal(months * 6000)
    assert item.period == "once" and item.payer == "fund"
    assert item.formula == f"{months} months × 6,000.00 wage base = {months * 6000:,}.00"
    article = "35" if grade <= 4 else "36" if grade <= 6 else "37"
    assert item.basis.endswith(f"Art. {article}")


def test_subsidy_rounds_once_after_the_whole_formula(rules):
    # 9 × 5000.005 = 45000.045 -> 45000.05; rounding the base first would give 9 × 5000.01 = 45000.09
    assert amount(run(rules, average_monthly_wage="5000.005", disability_grade=9), "one_time_disability_subsidy") == (
        Decimal("45000.05")
    )


def test_average_of_twelve_is_divided_only_at_the_end(rules):
    # 1000.06 / 12 = 83.33833… never terminates; 9 × 1000.06 / 12 = 750.045 exactly -> half up 750.05
    wages = ["1000.06"] + ["0"] * 11
    result = run(rules, monthly_wages=wages, regional_average_monthly_wage="100", disability_grade=9)
    assert amount(result, "wage_base") == Decimal("83.34")
    assert amount(result, "one_time_disability_subsidy") == Decimal("750.05")
    assert "83.3383…" in result.item("one_time_disability_subsidy").formula


# --- monthly disability allowance --------------------------------------------------------------------


@pytest.mark.parametrize(("grade", "expected"), [(1, "5400.00"), (2, "5100.00"), (3, "4800.00"), (4, "4500.00")])
def test_allowance_grades_1_to_4_paid_by_fund(rules, grade, expected):
    item = run(rules, average_monthly_wage="6000", disability_grade=grade).item("monthly_disability_allowance")
    assert item.amount == Decimal(expected)
    assert (item.period, item.payer) == ("monthly", "fund")
    assert "Art. 35" in item.basis


@pytest.mark.parametrize(("grade", "expected"), [(5, "4200.00"), (6, "3600.00")])
def test_allowance_grades_5_6_paid_by_employer_when_no_work_can_be_arranged(rules, grade, expected):
    with_work = run(rules, average_monthly_wage="6000", disability_grade=grade)
    assert with_work.item("monthly_disability_allowance") is None
    item = run(
        rules, average_monthly_wage="6000", disability_grade=grade, employer_cannot_arrange_work=True
    ).item("monthly_disability_allowance")
    assert item.amount == Decimal(expected)
    assert (item.period, item.payer) == ("monthly", "employer")
    assert "Art. 36" in item.basis


@pytest.mark.parametrize("grade", [7, 8, 9, 10])
def test_no_allowance_for_grades_7_to_10(rules, grade):
    result = run(rules, average_monthly_wage="6000", disability_grade=grade, employer_cannot_arrange_work=True)
    assert result.item("monthly_disability_allowance") is None


def test_allowance_half_up(rules):
    # 90% × 5000.05 = 4500.045 -> 4500.05
    assert amount(run(rules, average_monthly_wage="5000.05", disability_grade=1), "monthly_disability_allowance") == (
        Decimal("4500.05")
    )


def test_allowance_below_minimum_wage_is_topped_up_by_the_fund(rules):
    # base 4,800 (60% floor of 8,000); 75% × 4,800 = 3,600 < 4,000 minimum
    item = run(rules, average_monthly_wage="3000", disability_grade=4, minimum_wage="4000").item(
        "monthly_disability_allowance"
    )
    assert item.amount == Decimal("4000.00")
    assert item.payer == "fund"
    assert item.formula == "75% × 4,800.00 wage base = 3,600.00 < minimum wage 4,000.00 → 4,000.00"
    assert "minimum wage" in item.basis


def test_employer_allowance_below_minimum_wage_is_topped_up_by_the_employer(rules):
    # 60% × 4,800 = 2,880 < 3,000
    item = run(
        rules, average_monthly_wage="3000", disability_grade=6, employer_cannot_arrange_work=True, minimum_wage="3000"
    ).item("monthly_disability_allowance")
    assert (item.amount, item.payer) == (Decimal("3000.00"), "employer")


def test_allowance_equal_to_minimum_wage_is_not_a_top_up(rules):
    item = run(rules, average_monthly_wage="4800", disability_grade=4, minimum_wage="3600").item(
        "monthly_disability_allowance"
    )
    assert item.amount == Decimal("3600.00")
    assert "minimum wage" not in item.formula


def test_minimum_wage_comes_from_the_region_unless_given(rules):
    # Example Province 2024: average 7,500, minimum 2,100 (illustrative); base = 60% floor = 4,500
    region_only = run(rules, regional_average_monthly_wage=None, region="example", average_monthly_wage="1000",
                      disability_grade=6, employer_cannot_arrange_work=True)
    assert amount(region_only, "monthly_disability_allowance") == Decimal("2700.00")  # 60% × 4,500 > 2,100
    overridden = run(rules, regional_average_monthly_wage=None, region="example", average_monthly_wage="1000",
                     disability_grade=6, employer_cannot_arrange_work=True, minimum_wage="3000")
    assert amount(overridden, "monthly_disability_allowance") == Decimal("3000.00")


# --- nursing care (Art. 34) ------------------------------------------------------------------------------


@pytest.mark.parametrize(("level", "expected"), [("full", "4000.00"), ("major", "3200.00"), ("partial", "2400.00")])
def test_nursing_care_share_of_regional_average(rules, level, expected):
    item = run(rules, average_monthly_wage="3000", disability_grade=1, nursing_level=level).item(
        "nursing_care_allowance"
    )
    assert item.amount == Decimal(expected)  # of the regional 8,000, not of the worker's wage
    assert (item.period, item.payer) == ("monthly", "fund")
    assert "Art. 34" in item.basis


# --- employment-end subsidies (provincial schedules) -----------------------------------------------------


def test_medical_and_employment_subsidies_follow_the_region_schedule(rules):
    # injury in 2025 -> the 2024 figures; Example Province grade 7: 12 and 15 months of the wage base
    result = run(rules, regional_average_monthly_wage=None, region="example", average_monthly_wage="6000",
                 disability_grade=7, employment_ended=True)
    medical = result.item("one_time_medical_subsidy")
    employment = result.item("one_time_employment_subsidy")
    assert (medical.amount, medical.payer, medical.period) == (Decimal("72000.00"), "fund", "once")
    assert (employment.amount, employment.payer, employment.period) == (Decimal("90000.00"), "employer", "once")
    assert "illustrative" in medical.basis and "2024" in medical.basis
    assert result.region_params_version == "example-2024.1"
    assert result.illustrative_parameters is True
    assert result.total_once == Decimal("78000.00") + Decimal("72000.00") + Decimal("90000.00")


def test_explicit_year_selects_the_parameter_file(rules):
    result = run(rules, regional_average_monthly_wage=None, region="example", year=2025, average_monthly_wage="1000",
                 disability_grade=10)
    assert amount(result, "wage_base") == Decimal("4680.00")  # 60% × 7,800 (2025 file)
    assert result.region_params_version == "example-2025.1"


@pytest.mark.parametrize("grade", [1, 4])
def test_no_employment_end_subsidies_for_grades_1_to_4(rules, grade):
    result = run(rules, region="example", average_monthly_wage="6000", disability_grade=grade, employment_ended=True)
    assert result.item("one_time_medical_subsidy") is None
    assert result.item("one_time_employment_subsidy") is None


def test_no_employment_end_subsidies_while_employed(rules):
    result = run(rules, region="example", average_monthly_wage="6000", disability_grade=7)
    assert result.item("one_time_medical_subsidy") is None


# --- suspension of work with pay (Art. 33) ---------------------------------------------------------------


def test_suspension_wages_use_the_original_wage_not_the_bounded_base(rules):
    # own 7,000 is above 300% of 2,000 = 6,000; wages during suspension stay 7,000
    result = run(rules, regional_average_monthly_wage="2000", average_monthly_wage="7000", suspension_months=6)
    assert amount(result, "wage_base") == Decimal("6000.00")
    item = result.item("work_suspension_wages")
    assert (item.amount, item.payer, item.period) == (Decimal("42000.00"), "employer", "once")
    assert item.formula.startswith("6 months × 7,000.00 own average monthly wage")
    assert "Art. 33" in item.basis


def test_extended_suspension_up_to_24_months(rules):
    result = run(rules, average_monthly_wage="5000", suspension_months=24, suspension_extended=True)
    assert amount(result, "work_suspension_wages") == Decimal("120000.00")


def test_no_suspension_item_for_zero_months(rules):
    assert run(rules, average_monthly_wage="5000", suspension_months=0).item("work_suspension_wages") is None


# --- death (Art. 39) -------------------------------------------------------------------------------------------


def test_death_benefits_with_a_spouse(rules):
    result = run(rules, average_monthly_wage="6000", fatal=True, dependants=[{"relation": "spouse"}],
                 national_urban_disposable_income="51821")
    assert amount(result, "funeral_subsidy") == Decimal("48000.00")  # 6 × 8,000
    assert amount(result, "dependants_pension") == Decimal("2400.00")  # 40% × 6,000
    assert amount(result, "one_time_death_subsidy") == Decimal("1036420.00")  # 20 × 51,821
    assert result.total_once == Decimal("1084420.00")
    assert result.total_monthly == Decimal("2400.00")
    assert result.item("funeral_subsidy").formula == "6 months × 8,000.00 regional average monthly wage = 48,000.00"


def test_dependants_shares_add_up(rules):
    result = run(rules, average_monthly_wage="6000", fatal=True, national_urban_disposable_income="50000",
                 dependants=[{"relation": "spouse"}, {"relation": "parent", "lonely_elderly_or_orphan": True}])
    item = result.item("dependants_pension")
    assert item.amount == Decimal("4800.00")  # (40% + 30% + 10%) × 6,000
    assert item.formula == "spouse 40% + parent 30%+10% = 80%; 80% × 6,000.00 wage base = 4,800.00"


def test_dependants_exactly_at_the_cap_are_not_cut(rules):
    result = run(rules, average_monthly_wage="6000", fatal=True, national_urban_disposable_income="50000",
                 dependants=[{"relation": "spouse"}, {"relation": "child"}, {"relation": "child"}])
    item = result.item("dependants_pension")
    assert item.amount == Decimal("6000.00")
    assert "cap" not in item.formula


def test_dependants_pension_is_capped_at_the_wage_base(rules):
    # 40 + 30+10 + 30+10 = 120% -> capped at 100% of the wage base
    result = run(rules, average_monthly_wage="6000", fatal=True, national_urban_disposable_income="50000",
                 dependants=[{"relation": "spouse"}, {"relation": "child", "lonely_elderly_or_orphan": True},
                             {"relation": "parent", "lonely_elderly_or_orphan": True}])
    item = result.item("dependants_pension")
    assert item.amount == Decimal("6000.00")
    assert "120% > cap 100% → 100%" in item.formula
    assert (item.payer, item.period) == ("fund", "monthly")


def test_dependants_pension_uses_the_bounded_wage_base(rules):
    result = run(rules, average_monthly_wage="1000", fatal=True, national_urban_disposable_income="50000",
                 dependants=[{"relation": "spouse"}])
    assert amount(result, "dependants_pension") == Decimal("1920.00")  # 40% × 4,800 floor


def test_no_dependants_no_pension_item(rules):
    result = run(rules, average_monthly_wage="6000", fatal=True, national_urban_disposable_income="50000")
    assert result.item("dependants_pension") is None


@pytest.mark.parametrize(("injury_date", "year", "expected"), [
    ("2025-03-10", 2024, "1083760.00"),  # 20 × 54,188 (NBS 2024)
    ("2024-06-01", 2023, "1036420.00"),  # 20 × 51,821 (NBS 2023)
    ("2023-01-01", 2022, "985660.00"),  # 20 × 49,283 (NBS 2022)
])
def test_death_subsidy_looks_up_previous_year_income(rules, injury_date, year, expected):
    result = run(rules, injury_date=injury_date, average_monthly_wage="6000", fatal=True)
    item = result.item("one_time_death_subsidy")
    assert item.amount == Decimal(expected)
    assert f"({year})" in item.formula
    assert result.disposable_income_year == year


def test_fatal_case_has_no_disability_items(rules):
    result = run(rules, average_monthly_wage="6000", fatal=True, national_urban_disposable_income="50000")
    codes = [i.code for i in result.items]
    assert codes == ["wage_base", "funeral_subsidy", "one_time_death_subsidy"]


# --- totals, output shape, versions ---------------------------------------------------------------------------


def test_wage_base_counts_in_neither_total(rules):
    result = run(rules, average_monthly_wage="6000", disability_grade=9)
    assert result.total_once == Decimal("54000.00")
    assert result.total_monthly == Decimal("0.00")


def test_json_output_shape(rules):
    result = run(rules, average_monthly_wage="6000", disability_grade=3, nursing_level="full")
    out = result.to_json_dict()
    assert set(out) == {"items", "total_once", "total_monthly"}
    assert [i["code"] for i in out["items"]] == [
        "wage_base", "one_time_disability_subsidy", "monthly_disability_allowance", "nursing_care_allowance"
    ]
    for item in out["items"]:
        assert set(item) == {"code", "amount", "period", "payer", "basis", "formula"}
        assert isinstance(item["amount"], str) and item["amount"].split(".")[1].__len__() == 2
    assert out["total_once"] == "138000.00"  # 23 × 6,000
    assert out["total_monthly"] == "8800.00"  # 80% × 6,000 + 50% × 8,000


def test_versions_are_on_the_result(rules):
    result = run(rules, average_monthly_wage="6000", disability_grade=3)
    assert result.rules_version == "CN-WII-2011-01-01.1"
    assert result.region_params_version is None
    assert result.versions["rules_version"] == "CN-WII-2011-01-01.1"


def test_amounts_as_strings_numbers_and_decimals_agree(rules):
    a = run(rules, average_monthly_wage="6000.50", disability_grade=9)
    b = run(rules, average_monthly_wage=Decimal("6000.50"), disability_grade=9)
    c = run(rules, average_monthly_wage=6000.5, disability_grade=9)
    assert a.to_json_dict() == b.to_json_dict() == c.to_json_dict()
    assert a.total_once == Decimal("54004.50")
