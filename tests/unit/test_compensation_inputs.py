"""Every bad-input rule of the calculation input, each error naming the JSON field and the rule key."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

from injury_desk.domain.compensation import parse_calc_input
from injury_desk.domain.errors import ValidationFailed

VALID = {"injury_date": "2025-03-10", "average_monthly_wage": "6000", "regional_average_monthly_wage": "8000"}


def errors_of(rules, doc):
    with pytest.raises(ValidationFailed) as info:
        parse_calc_input(doc, rules)
    return [(e.field, e.rule) for e in info.value.errors]


def with_(**changes):
    doc = dict(VALID)
    for key, value in changes.items():
        if value is ...:
            doc.pop(key, None)
        else:
            doc[key] = value
    return doc


def test_valid_minimal_input_parses(rules):
    inp = parse_calc_input(VALID, rules)
    assert inp.average_monthly_wage == Decimal("6000")
    assert inp.regional_average_monthly_wage == Decimal("8000")
    assert inp.disability_grade is None and inp.dependants == ()


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"disability_grade": 0}, ("disability_grade", "calc.grade_range")),
        ({"disability_grade": 11}, ("disability_grade", "calc.grade_range")),
        ({"disability_grade": -3}, ("disability_grade", "calc.grade_range")),
        ({"disability_grade": "5"}, ("disability_grade", "calc.type")),
        ({"disability_grade": True}, ("disability_grade", "calc.type")),
        ({"disability_grade": Decimal("5.0")}, ("disability_grade", "calc.type")),
        ({"average_monthly_wage": "-1"}, ("average_monthly_wage", "calc.wage_negative")),
        ({"average_monthly_wage": "lots"}, ("average_monthly_wage", "calc.amount")),
        ({"average_monthly_wage": ...}, ("monthly_wages", "calc.required")),
        ({"average_monthly_wage": None}, ("monthly_wages", "calc.required")),
        ({"average_monthly_wage": ..., "monthly_wages": ["6000"] * 11}, ("monthly_wages", "calc.wages_count")),
        ({"average_monthly_wage": ..., "monthly_wages": ["6000"] * 13}, ("monthly_wages", "calc.wages_count")),
        ({"average_monthly_wage": ..., "monthly_wages": ["6000"] * 11 + ["-0.01"]}, ("monthly_wages", "calc.wage_negative")),
        ({"average_monthly_wage": ..., "monthly_wages": ["6000"] * 11 + [None]}, ("monthly_wages", "calc.required")),
        ({"average_monthly_wage": ..., "monthly_wages": ["6000"] * 11 + ["x"]}, ("monthly_wages", "calc.amount")),
        ({"average_monthly_wage": ..., "monthly_wages": "6000"}, ("monthly_wages", "calc.type")),
        ({"monthly_wages": ["6000"] * 12}, ("monthly_wages", "calc.wages_conflict")),
        ({"nursing_level": "total", "disability_grade": 1}, ("nursing_level", "calc.nursing_level_unknown")),
        ({"nursing_level": 1, "disability_grade": 1}, ("nursing_level", "calc.type")),
        ({"nursing_level": "full"}, ("nursing_level", "calc.nursing_without_grade")),
        ({"fatal": True, "disability_grade": 3, "national_urban_disposable_income": "1"},
         ("disability_grade", "calc.grade_with_fatal")),
        ({"fatal": "yes"}, ("fatal", "calc.type")),
        ({"employment_ended": 1}, ("employment_ended", "calc.type")),
        ({"employer_cannot_arrange_work": "true"}, ("employer_cannot_arrange_work", "calc.type")),
        ({"suspension_extended": "no"}, ("suspension_extended", "calc.type")),
        ({"suspension_months": 13}, ("suspension_months", "calc.suspension_extension_required")),
        ({"suspension_months": 25, "suspension_extended": True}, ("suspension_months", "calc.suspension_range")),
        ({"suspension_months": -1}, ("suspension_months", "calc.suspension_range")),
        ({"suspension_months": "6"}, ("suspension_months", "calc.type")),
        ({"suspension_months": Decimal("6.5")}, ("suspension_months", "calc.type")),
        ({"colour": "blue"}, ("colour", "calc.unknown_field")),
        ({"injury_date": ...}, ("injury_date", "calc.required")),
        ({"injury_date": "2025-13-01"}, ("injury_date", "calc.date_format")),
        ({"injury_date": 20250101}, ("injury_date", "calc.type")),
        ({"injury_date": "2010-12-31"}, ("injury_date", "rules.no_national_rules")),
        ({"regional_average_monthly_wage": ...}, ("regional_average_monthly_wage", "calc.required")),
        ({"regional_average_monthly_wage": "0"}, ("regional_average_monthly_wage", "calc.amount_positive")),
        ({"regional_average_monthly_wage": "-8000"}, ("regional_average_monthly_wage", "calc.amount_negative")),
        ({"minimum_wage": "abc"}, ("minimum_wage", "calc.amount")),
        ({"minimum_wage": "0"}, ("minimum_wage", "calc.amount_positive")),
        ({"regional_average_monthly_wage": ..., "region": "atlantis"}, ("region", "rules.region_unknown")),
        ({"regional_average_monthly_wage": ..., "region": "example", "year": 2019},
         ("year", "rules.region_year_unknown")),
        ({"region": 5}, ("region", "calc.type")),
        ({"year": "2024"}, ("year", "calc.type")),
        ({"year": 20}, ("year", "calc.year_range")),
        ({"national_urban_disposable_income": "-5"}, ("national_urban_disposable_income", "calc.amount_negative")),
        ({"fatal": True, "injury_date": "2021-06-01"},
         ("national_urban_disposable_income", "rules.disposable_income_unknown")),
        ({"dependants": [{"relation": "spouse"}]}, ("dependants", "calc.dependants_without_fatal")),
        ({"fatal": True, "dependants": [{"relation": "cousin"}]}, ("dependants", "calc.relation_unknown")),
        ({"fatal": True, "dependants": [{"lonely_elderly_or_orphan": True}]}, ("dependants", "calc.required")),
        ({"fatal": True, "dependants": [{"relation": "child", "age": 3}]}, ("dependants", "calc.unknown_field")),
        ({"fatal": True, "dependants": [{"relation": "child", "lonely_elderly_or_orphan": "yes"}]},
         ("dependants", "calc.type")),
        ({"fatal": True, "dependants": ["spouse"]}, ("dependants", "calc.type")),
        ({"fatal": True, "dependants": {"relation": "spouse"}}, ("dependants", "calc.type")),
        ({"fatal": True, "dependants": [{"relation": "spouse"}, {"relation": "spouse"}]},
         ("dependants", "calc.spouse_duplicate")),
        ({"disability_grade": 7, "employment_ended": True}, ("region", "calc.region_required")),
        ({"disability_grade": 5, "employment_ended": True, "employer_cannot_arrange_work": True, "region": "example"},
         ("employer_cannot_arrange_work", "calc.allowance_after_employment_ended")),
    ],
)
def test_bad_input_names_field_and_rule(rules, changes, expected):
    assert expected in errors_of(rules, with_(**changes))


def test_every_error_is_reported_at_once(rules):
    doc = {
        "injury_date": "not a date",
        "monthly_wages": ["1"] * 3,
        "disability_grade": 11,
        "nursing_level": "some",
        "suspension_months": 30,
        "extra": 1,
    }
    found = errors_of(rules, doc)
    assert set(found) >= {
        ("injury_date", "calc.date_format"),
        ("monthly_wages", "calc.wages_count"),
        ("disability_grade", "calc.grade_range"),
        ("nursing_level", "calc.nursing_level_unknown"),
        ("suspension_months", "calc.suspension_range"),
        ("extra", "calc.unknown_field"),
        ("regional_average_monthly_wage", "calc.required"),
    }


def test_error_params_carry_the_offending_value(rules):
    with pytest.raises(ValidationFailed) as info:
        parse_calc_input(with_(disability_grade=11), rules)
    (error,) = info.value.errors
    assert error.params == {"min": 1, "max": 10, "value": 11}


def test_wage_errors_name_the_month_index(rules):
    with pytest.raises(ValidationFailed) as info:
        parse_calc_input(with_(average_monthly_wage=..., monthly_wages=["1"] * 5 + ["-2"] + ["1"] * 6), rules)
    (error,) = info.value.errors
    assert (error.field, error.rule, error.params["index"]) == ("monthly_wages", "calc.wage_negative", 5)


def test_top_level_must_be_an_object(rules):
    assert errors_of(rules, ["injury_date"]) == [("input", "calc.type")]


def test_json_numbers_stay_exact(rules):
    doc = json.loads('{"injury_date": "2025-03-10", "average_monthly_wage": 1234.56, '
                     '"regional_average_monthly_wage": 8000.10}', parse_float=Decimal)
    inp = parse_calc_input(doc, rules)
    assert inp.average_monthly_wage == Decimal("1234.56")
    assert inp.regional_average_monthly_wage == Decimal("8000.10")


def test_region_fills_in_regional_figures(rules):
    inp = parse_calc_input({"injury_date": "2025-03-10", "average_monthly_wage": "6000", "region": "example"}, rules)
    assert inp.regional_average_monthly_wage == Decimal("7500.00")  # Example Province 2024 (illustrative)
    assert inp.minimum_wage == Decimal("2100.00")
    assert inp.statistics_year == 2024


def test_null_optional_fields_mean_absent(rules):
    inp = parse_calc_input(with_(disability_grade=None, nursing_level=None, dependants=None, minimum_wage=None,
                                 suspension_months=None, fatal=None), rules)
    assert inp.disability_grade is None and inp.suspension_months == 0 and inp.fatal is False


def test_thirteen_months_with_extension_is_accepted(rules):
    assert parse_calc_input(with_(suspension_months=13, suspension_extended=True), rules).suspension_months == 13
