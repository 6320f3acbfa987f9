"""Costs paid against receipts (Regulation Arts. 30, 32; SIL Art. 38): the kinds and their articles, the hospital
meal allowance (days × the daily standard, Art. 30 para. 4) rounded once, and the checks, by hand."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from injury_desk.domain.costs import COST_KINDS, cost_errors, meal_allowance

ACCIDENT = date(2026, 11, 1)


def test_every_kind_names_its_article():
    assert set(COST_KINDS) == {"medical", "hospital_meal", "travel_lodging", "assistive_device", "rehabilitation",
                               "appraisal_fee"}
    assert COST_KINDS["assistive_device"].basis.startswith("Regulation Art. 32")
    assert COST_KINDS["appraisal_fee"].basis == "Social Insurance Law Art. 38(9)"
    assert [k for k, v in COST_KINDS.items() if v.per_day] == ["hospital_meal"]


def test_meal_allowance_is_days_times_the_standard_rounded_once():
    assert meal_allowance(9, Decimal("35.50")) == Decimal("319.50")  # 9 × 35.50
    assert meal_allowance(3, Decimal("10.005")) == Decimal("30.02")  # 30.015 → 30.02, half up, once
    assert meal_allowance(1, Decimal("0.01")) == Decimal("0.01")


def rules_of(errors):
    return [(e.field, e.rule) for e in errors]


def test_an_item_is_checked_field_by_field():
    assert cost_errors("medical", incurred_on=ACCIDENT, accident_date=ACCIDENT, amount=Decimal("0.01")) == []
    assert rules_of(cost_errors("medical", incurred_on=date(2026, 10, 31), accident_date=ACCIDENT,
                                amount=Decimal("0"))) == [("incurred_on", "cost.before_accident"),
                                                          ("amount", "cost.amount_positive")]
    assert rules_of(cost_errors("medical", incurred_on=ACCIDENT, accident_date=ACCIDENT, amount=Decimal(5), days=2)) \
        == [("days", "cost.days_only_for_meals")]
    assert rules_of(cost_errors("hospital_meal", incurred_on=ACCIDENT, accident_date=ACCIDENT, amount=None, days=0,
                                daily_rate=None)) == [("days", "field.range"), ("daily_rate", "cost.daily_rate_required")]
    assert cost_errors("hospital_meal", incurred_on=ACCIDENT, accident_date=ACCIDENT, amount=None, days=1,
                       daily_rate=Decimal("30")) == []
    assert rules_of(cost_errors("lunch", incurred_on=ACCIDENT, accident_date=ACCIDENT, amount=Decimal(1))) == [
        ("kind", "field.choice")]
