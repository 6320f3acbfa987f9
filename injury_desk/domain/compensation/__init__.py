"""Statutory benefit calculation: rule files, validated input, and the pure engine."""

from __future__ import annotations

from typing import TYPE_CHECKING

from injury_desk.domain.lazy_names import lazy_names

# Each name's module: loaded when the name is first used (PEP 562), so that reading the rule files (the Tasks page,
# as the window opens, for dependants' pension endings) does not load the calculation engine and its input checks.
_HOMES = {
    "ADJUSTABLE_ITEMS": "adjustments",
    "Adjustment": "adjustments",
    "BackPay": "adjustments",
    "Benefit": "adjustments",
    "MonthlyAmount": "adjustments",
    "back_pay": "adjustments",
    "monthly_amount": "adjustments",
    "ITEM_CODES": "engine",
    "CalcResult": "engine",
    "LineItem": "engine",
    "calculate": "engine",
    "CalcInput": "inputs",
    "Dependant": "inputs",
    "parse_calc_input": "inputs",
    "NationalRules": "rules",
    "RegionParams": "rules",
    "RuleBook": "rules",
    "load_rules": "rules",
}

__all__ = list(_HOMES)

if TYPE_CHECKING:
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


__getattr__ = lazy_names(__name__, _HOMES, globals())


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_HOMES))
