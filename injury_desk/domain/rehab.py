"""Rehabilitation rules: referral kinds, outcomes, standard progress measures and the budget warning."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from typing import Any, NamedTuple

REFERRAL_TYPES = ("medical", "vocational", "social")
CASE_STATUSES = ("open", "closed")
RTW_OUTCOMES = ("same_job", "modified_job", "other_job_same_employer", "new_employer", "not_returned")
# Rehabilitation is paid by the fund only for an injury recognised (Art. 14) or deemed (Art. 15) work-related.
ELIGIBLE_OUTCOMES = ("recognised", "deemed")
OVER_BUDGET_APPROVER = "supervisor"
# Back at work: every outcome except "not returned" (used by the statistics and the claim summary).
BACK_AT_WORK = ("same_job", "modified_job", "other_job_same_employer", "new_employer")
# From this share of the budget committed on, editors warn before the next booking (the service refuses
# only beyond 100 %, unless a supervisor approves).
BUDGET_WARN_SHARE = Decimal("0.8")


class MeasureScale(NamedTuple):
    """A standard progress measure: its key (stored in RehabGoal.measure), range and decimals."""

    key: str
    low: Decimal
    high: Decimal
    decimals: int
    lower_is_better: bool = False


# Goals on a standard scale have their baseline, target and every measurement checked against it;
# any other measure is a name the caseworker types (e.g. "grip strength, kg") and takes any number.
MEASURE_SCALES: dict[str, MeasureScale] = {
    "barthel": MeasureScale("barthel", Decimal(0), Decimal(100), 0),  # Barthel index of daily living
    "pain": MeasureScale("pain", Decimal(0), Decimal(10), 0, lower_is_better=True),  # numeric rating scale
    "work_hours": MeasureScale("work_hours", Decimal(0), Decimal(168), 1),  # work capacity, hours per week
}
_LEADING_NUMBER = re.compile(r"^\s*([-+]?\d+(?:[.,]\d+)?)")


def number_of(text: str | None) -> Decimal | None:
    """The number a value starts with ("30 kg" gives 30), or None; used to chart free-text targets."""
    m = _LEADING_NUMBER.match(text or "")
    return Decimal(m.group(1).replace(",", ".")) if m else None


def measure_value_error(measure: str, text: str) -> tuple[str, dict[str, Any]] | None:
    """The rule a measured value breaks for ``measure`` as (key, params), or None when it is fine."""
    text = (text or "").strip()
    try:
        value = Decimal(text)
        if not value.is_finite():
            raise InvalidOperation
    except (InvalidOperation, ValueError):
        return "rehab.value_not_number", {"value": text}
    scale = MEASURE_SCALES.get(measure)
    if scale is None:
        return None
    if value < scale.low or value > scale.high:
        return "field.range", {"min": scale.low, "max": scale.high, "value": text}
    if value != value.quantize(Decimal(1).scaleb(-scale.decimals)):
        if scale.decimals == 0:
            return "field.integer", {"value": text}
        return "rehab.value_decimals", {"places": scale.decimals, "value": text}
    return None


def goal_reached(measure: str, baseline: str, target: str, latest: str | None) -> bool:
    """Whether the latest measurement reaches the target, in the direction the goal runs."""
    goal, last = number_of(target), number_of(latest)
    if goal is None or last is None:
        return False
    scale = MEASURE_SCALES.get(measure)
    start = number_of(baseline)
    lower_better = scale.lower_is_better if scale and start is None else (start is not None and goal < start)
    return last <= goal if lower_better else last >= goal


def budget_outlook(budget: Decimal, spent: Decimal, cost: Decimal) -> str:
    """"ok", "warn" (at or past BUDGET_WARN_SHARE of the budget) or "over" once ``cost`` is booked too."""
    total = spent + cost
    if total > budget and cost > 0:
        return "over"
    if budget > 0 and total >= budget * BUDGET_WARN_SHARE:
        return "warn"
    return "ok"
