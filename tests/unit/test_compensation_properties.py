"""Property test over valid inputs: no negative amount, totals are the sums of their items, wage base excluded."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from injury_desk.domain.compensation import ITEM_CODES, calculate, load_rules, parse_calc_input

RULES = load_rules(Path(__file__).resolve().parents[2] / "resources" / "rules")

amounts = st.decimals(min_value=0, max_value=200_000, places=2, allow_nan=False, allow_infinity=False)
positive = st.decimals(min_value=Decimal("0.01"), max_value=50_000, places=2, allow_nan=False, allow_infinity=False)
dependant = st.fixed_dictionaries({"relation": st.sampled_from(["spouse", "child", "parent", "other"])},
                                  optional={"lonely_elderly_or_orphan": st.booleans()})


@st.composite
def calc_inputs(draw):
    doc = {"injury_date": draw(st.dates(min_value=date(2023, 1, 1), max_value=date(2026, 12, 31))).isoformat()}
    if draw(st.booleans()):
        doc["monthly_wages"] = [str(w) for w in draw(st.lists(amounts, min_size=12, max_size=12))]
    else:
        doc["average_monthly_wage"] = str(draw(amounts))
    if draw(st.booleans()):
        doc["region"] = "example"
        doc["year"] = draw(st.sampled_from([2024, 2025]))
    else:
        doc["regional_average_monthly_wage"] = str(draw(positive))
        doc["national_urban_disposable_income"] = str(draw(positive))
    if draw(st.booleans()):
        doc["minimum_wage"] = str(draw(positive))
    fatal = draw(st.booleans())
    doc["fatal"] = fatal
    if fatal:
        doc["dependants"] = draw(st.lists(dependant, max_size=6).filter(
            lambda ds: sum(d["relation"] == "spouse" for d in ds) <= 1))
        if "region" in doc:
            doc["national_urban_disposable_income"] = str(draw(positive))
    else:
        grade = draw(st.none() | st.integers(min_value=1, max_value=10))
        doc["disability_grade"] = grade
        if grade is not None:
            doc["nursing_level"] = draw(st.sampled_from([None, "full", "major", "partial"]))
            ended = draw(st.booleans()) and "region" in doc
            doc["employment_ended"] = ended
            doc["employer_cannot_arrange_work"] = draw(st.booleans()) and not ended
    months = draw(st.integers(min_value=0, max_value=24))
    doc["suspension_months"] = months
    doc["suspension_extended"] = months > 12 or draw(st.booleans())
    return doc


@settings(max_examples=300, deadline=None)
@given(calc_inputs())
def test_amounts_are_never_negative_and_totals_add_up(doc):
    result = calculate(parse_calc_input(doc, RULES), RULES)
    assert result.items[0].code == "wage_base"
    codes = [i.code for i in result.items]
    assert len(codes) == len(set(codes)) and set(codes) <= set(ITEM_CODES)
    for item in result.items:
        assert item.amount >= 0
        assert item.amount == item.amount.quantize(Decimal("0.01"))
        assert item.period in ("once", "monthly")
        assert item.basis and item.formula
    counted = [i for i in result.items if i.code != "wage_base"]
    assert result.total_once == sum((i.amount for i in counted if i.period == "once"), Decimal(0))
    assert result.total_monthly == sum((i.amount for i in counted if i.period == "monthly"), Decimal(0))
    out = result.to_json_dict()
    assert out["total_once"] == f"{result.total_once:.2f}"
    assert all(i["payer"] in ("fund", "employer") for i in out["items"][1:])


@settings(max_examples=200, deadline=None)
@given(amounts, positive)
def test_wage_base_stays_within_60_and_300_percent(average, regional):
    doc = {"injury_date": "2025-01-01", "average_monthly_wage": str(average),
           "regional_average_monthly_wage": str(regional)}
    base = calculate(parse_calc_input(doc, RULES), RULES).item("wage_base").amount
    low = (regional * Decimal("0.6")).quantize(Decimal("0.01"))
    high = (regional * 3).quantize(Decimal("0.01"))
    assert low <= base <= high
