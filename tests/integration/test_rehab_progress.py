"""Rehabilitation progress: measure ranges, plan reviews, the budget warning and the claim's summary."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import select

from injury_desk.domain.errors import DomainError, ValidationFailed
from injury_desk.store.models import AuditEvent
from tests.integration.test_rehab_services import case_id, claim_id, decided_claim, rules  # noqa: F401


@pytest.fixture
def plan_id(services, cw, case_id):
    return services.rehab.add_plan(cw, case_id, {"drawn_up_on": "2026-11-22", "review_on": "2026-12-05"})


def goal(services, cw, plan_id, measure, **over) -> str:
    data = {"description": "目标", "measure": measure, **over}
    return services.rehab.add_goal(cw, plan_id, data)


# ---------------------------------------------------------------- measure ranges


@pytest.mark.parametrize("measure, good, bad", [
    # Barthel index: whole points 0..100.
    ("barthel", ["0", "55", "100"], [("-5", "field.range"), ("101", "field.range"), ("62.5", "field.integer")]),
    # Pain: numeric rating scale 0..10, whole points.
    ("pain", ["0", "7", "10"], [("11", "field.range"), ("-1", "field.range"), ("3.5", "field.integer")]),
    # Work capacity: hours per week, 0..168 (24 x 7), to a tenth of an hour.
    ("work_hours", ["0", "37.5", "168"], [("168.1", "field.range"), ("-2", "field.range"),
                                          ("20.25", "rehab.value_decimals")]),
])
def test_measurement_ranges(services, cw, plan_id, measure, good, bad):
    g = goal(services, cw, plan_id, measure)
    for value in good:
        services.rehab.record_measurement(cw, g, "2026-11-25", value)
    for value, rule in bad:
        with pytest.raises(ValidationFailed) as info:
            services.rehab.record_measurement(cw, g, "2026-11-25", value)
        assert rules(info.value) == {("value", rule)}, value
    with pytest.raises(ValidationFailed) as info:
        services.rehab.record_measurement(cw, g, "2026-11-25", "good")
    assert rules(info.value) == {("value", "rehab.value_not_number")}
    recorded = services.rehab.get_case(cw, services.rehab.list_cases(cw)[0].id).plans[0].goals[0].measurements
    assert [m.value for m in recorded] == good  # only the valid values were saved


def test_range_message_parameters(services, cw, plan_id):
    g = goal(services, cw, plan_id, "pain")
    with pytest.raises(ValidationFailed) as info:
        services.rehab.record_measurement(cw, g, "2026-11-25", "12")
    assert info.value.errors[0].params == {"min": Decimal(0), "max": Decimal(10), "value": "12"}


def test_goal_baseline_and_target_on_a_scale_are_checked(services, cw, plan_id):
    with pytest.raises(ValidationFailed) as info:
        goal(services, cw, plan_id, "barthel", baseline="120", target="abc")
    assert rules(info.value) == {("baseline", "field.range"), ("target", "rehab.value_not_number")}
    with pytest.raises(ValidationFailed) as info:
        goal(services, cw, plan_id, "work_hours", target="200")
    assert rules(info.value) == {("target", "field.range")}
    # A measure of the caseworker's own keeps free-text baseline and target (with units) ...
    g = goal(services, cw, plan_id, "握力 kg", baseline="8 kg", target="25 kg")
    # ... but each measurement is a number, any size.
    services.rehab.record_measurement(cw, g, "2026-11-25", "12.75")
    with pytest.raises(ValidationFailed) as info:
        services.rehab.record_measurement(cw, g, "2026-11-25", "12 kg")
    assert rules(info.value) == {("value", "rehab.value_not_number")}


def test_measurement_dates(services, cw, plan_id):
    g = goal(services, cw, plan_id, "barthel")
    with pytest.raises(ValidationFailed) as info:
        services.rehab.record_measurement(cw, g, "2026-11-21", "40")  # the plan is of 2026-11-22
    assert rules(info.value) == {("measured_on", "rehab.measured_before_plan")}
    with pytest.raises(ValidationFailed) as info:
        services.rehab.record_measurement(cw, g, "2026-11-29", "40")  # today is 2026-11-28
    assert rules(info.value) == {("measured_on", "field.date_in_future")}


# ---------------------------------------------------------------- plan review


def test_review_plan_moves_the_review_date_and_keeps_the_notes(services, cw, db, plan_id, case_id):
    with pytest.raises(ValidationFailed) as info:
        services.rehab.review_plan(cw, plan_id, {"reviewed_on": "2026-11-27", "next_review_on": "2026-11-27"})
    assert rules(info.value) == {("next_review_on", "rehab.next_review_not_after")}
    with pytest.raises(ValidationFailed) as info:
        services.rehab.review_plan(cw, plan_id, {"reviewed_on": "2026-11-21", "next_review_on": "2027-01-10"})
    assert rules(info.value) == {("reviewed_on", "rehab.review_before_plan")}
    with pytest.raises(ValidationFailed) as info:
        services.rehab.review_plan(cw, plan_id, {"reviewed_on": "2026-11-30"})
    assert rules(info.value) == {("reviewed_on", "field.date_in_future")}
    services.rehab.review_plan(cw, plan_id, {"reviewed_on": "2026-11-28", "next_review_on": "2027-01-10",
                                             "notes": "握力进步，继续训练"})
    plan = services.rehab.get_case(cw, case_id).plans[0]
    assert plan.review_on == date(2027, 1, 10)
    assert plan.notes == "[2026-11-28] 握力进步，继续训练"
    with db.read() as s:
        event = s.scalar(select(AuditEvent).where(AuditEvent.row_id == plan_id,
                                                  AuditEvent.action == "rehab.review_plan"))
    assert event.before["review_on"] == "2026-12-05" and event.after["review_on"] == "2027-01-10"
    # The last review may plan no further one.
    services.rehab.review_plan(cw, plan_id, {"reviewed_on": "2026-11-28"})
    assert services.rehab.get_case(cw, case_id).plans[0].review_on is None


# ---------------------------------------------------------------- the claim page's summary


def test_claim_summary(services, cw, adm, claim_id, case_id, plan_id):
    assert services.rehab.claim_summary(cw, decided_claim(services, cw, accident_date="2026-10-02")) == []
    g1 = goal(services, cw, plan_id, "barthel", baseline="40", target="80")
    g2 = goal(services, cw, plan_id, "pain", baseline="7", target="2", target_date="2027-01-01")
    services.rehab.record_measurement(cw, g1, "2026-11-24", "50")
    services.rehab.record_measurement(cw, g1, "2026-11-27", "60")
    services.rehab.schedule_session(cw, plan_id, {"scheduled_on": "2026-11-26", "kind": "理疗", "cost": "250"})
    services.rehab.record_return_to_work(cw, case_id, {"outcome": "modified_job", "rtw_date": "2026-11-27"})
    [summary] = services.rehab.claim_summary(adm, claim_id)  # an administrator may look
    assert (summary.id, summary.status, summary.referral_type) == (case_id, "open", "medical")
    assert (summary.budget, summary.spent) == (Decimal("1000.00"), Decimal("250.00"))
    assert (summary.rtw_outcome, summary.rtw_date) == ("modified_job", date(2026, 11, 27))
    latest = {m.goal_id: (m.value, m.measured_on, m.target) for m in summary.latest}
    assert latest == {g1: ("60", date(2026, 11, 27), "80"), g2: (None, None, "2")}
    with pytest.raises(DomainError) as info:
        services.rehab.claim_summary(cw, "missing")
    assert info.value.key == "claim.not_found"
