"""Rehabilitation rules (domain/rehab.py) without a database: measure scales, goals reached, the budget."""

from __future__ import annotations

from decimal import Decimal

import pytest

from injury_desk.domain.rehab import (
    BACK_AT_WORK,
    BUDGET_WARN_SHARE,
    ELIGIBLE_OUTCOMES,
    MEASURE_SCALES,
    RTW_OUTCOMES,
    budget_outlook,
    goal_reached,
    measure_value_error,
    number_of,
)


def test_pure_rules():
    assert measure_value_error("barthel", "100") is None
    assert measure_value_error("barthel", "100.0") is None  # 100.0 is the whole number 100
    assert measure_value_error("anything", "-3.25") is None
    # Pain runs downwards: from 8 to a target of 3, a 3 reaches it, a 4 does not.
    assert goal_reached("pain", "8", "3", "3") and not goal_reached("pain", "8", "3", "4")
    assert goal_reached("pain", "", "3", "2")  # no baseline: the scale says lower is better
    assert goal_reached("barthel", "40", "80", "85") and not goal_reached("barthel", "40", "80", "75")
    assert goal_reached("grip", "8 kg", "25 kg", "25") and not goal_reached("grip", "8 kg", "25 kg", None)
    # Budget 1000: 700 committed, 50 more is 750 = 75 % (fine); 100 more is 80 % (warn); 301 more is over.
    assert budget_outlook(Decimal(1000), Decimal(700), Decimal(50)) == "ok"
    assert budget_outlook(Decimal(1000), Decimal(700), Decimal(100)) == "warn"
    assert budget_outlook(Decimal(1000), Decimal(700), Decimal(300)) == "warn"  # exactly the budget
    assert budget_outlook(Decimal(1000), Decimal(700), Decimal("300.01")) == "over"
    assert budget_outlook(Decimal(1000), Decimal(1100), Decimal(0)) == "warn"  # free session after an overrun


@pytest.mark.parametrize(
    ("measure", "text", "broken"),
    [
        # Barthel index 0..100 in whole points: both ends pass, one step past either end does not.
        ("barthel", "0", None),
        ("barthel", "100", None),
        ("barthel", "-1", "field.range"),
        ("barthel", "101", "field.range"),
        ("barthel", "55.5", "field.integer"),
        # Work capacity 0..168 hours a week (24 × 7) to one decimal.
        ("work_hours", "168", None),
        ("work_hours", "168.1", "field.range"),
        ("work_hours", "37.5", None),
        ("work_hours", "37.25", "rehab.value_decimals"),
        # Pain 0..10.
        ("pain", "10", None),
        ("pain", "11", "field.range"),
        # Not a number at all, on a scale or not.
        ("pain", "severe", "rehab.value_not_number"),
        ("grip strength", "NaN", "rehab.value_not_number"),
        ("grip strength", "", "rehab.value_not_number"),
    ],
)
def test_measure_scale_boundaries(measure, text, broken):
    found = measure_value_error(measure, text)
    assert (found[0] if found else None) == broken


def test_a_range_error_names_the_scale_limits():
    assert measure_value_error("pain", "12") == ("field.range", {"min": Decimal(0), "max": Decimal(10), "value": "12"})
    assert measure_value_error("work_hours", "1.25") == ("rehab.value_decimals", {"places": 1, "value": "1.25"})


def test_number_of_reads_the_leading_number_of_a_free_text_value():
    assert number_of("30 kg") == Decimal(30)
    assert number_of("12,5 cm") == Decimal("12.5")  # a decimal comma as typed on some keyboards
    assert number_of("about 30") is None and number_of(None) is None


def test_goal_direction_follows_baseline_then_scale():
    # A free measure whose target is below the baseline runs downwards: 20 → 10 s, 10 reaches it, 11 does not.
    assert goal_reached("stairs, seconds", "20", "10", "10") and not goal_reached("stairs, seconds", "20", "10", "11")
    # A target without a number can never be reached.
    assert not goal_reached("barthel", "40", "better", "100")


def test_budget_warning_starts_at_eighty_percent():
    assert BUDGET_WARN_SHARE == Decimal("0.8")
    # Budget 500: 399.99 committed is below 80 % (ok); 400.00 is exactly 80 % (warn).
    assert budget_outlook(Decimal(500), Decimal(0), Decimal("399.99")) == "ok"
    assert budget_outlook(Decimal(500), Decimal(0), Decimal("400.00")) == "warn"
    # No budget at all: any booking with a cost is over, a free one stays ok.
    assert budget_outlook(Decimal(0), Decimal(0), Decimal("0.01")) == "over"
    assert budget_outlook(Decimal(0), Decimal(0), Decimal(0)) == "ok"


def test_outcome_sets():
    # Art. 14 (recognised) and Art. 15 (deemed) work-related injuries only.
    assert ELIGIBLE_OUTCOMES == ("recognised", "deemed")
    assert set(BACK_AT_WORK) == set(RTW_OUTCOMES) - {"not_returned"}
    assert set(MEASURE_SCALES) == {"barthel", "pain", "work_hours"}
