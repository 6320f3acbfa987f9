"""Statutory benefit calculation: rule files, validated input, and the pure engine."""

from injury_desk.domain.compensation.adjustments import (
    ADJUSTABLE_ITEMS,
    Adjustment,
    BackPay,
    Benefit,
    MonthlyAmount,
    back_pay,
    monthly_amount,
)
from injury_desk.domain.compensation.engine import ITEM_CODES, CalcResult, LineItem, calculate
from injury_desk.domain.compensation.inputs import CalcInput, Dependant, parse_calc_input
from injury_desk.domain.compensation.rules import NationalRules, RegionParams, RuleBook, load_rules

__all__ = [
    "ADJUSTABLE_ITEMS",
    "Adjustment",
    "BackPay",
    "Benefit",
    "MonthlyAmount",
    "back_pay",
    "monthly_amount",
    "ITEM_CODES",
    "CalcInput",
    "CalcResult",
    "Dependant",
    "LineItem",
    "NationalRules",
    "RegionParams",
    "RuleBook",
    "calculate",
    "load_rules",
    "parse_calc_input",
]
