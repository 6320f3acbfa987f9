"""Rehabilitation through the services: eligibility, plans, sessions against the budget, return to work."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from injury_desk.domain.errors import DomainError, ValidationFailed
from injury_desk.services.bootstrap import create_office
from injury_desk.store.models import AuditEvent, OutboxEntry, RehabCase, RehabSession
from tests.conftest import claim_draft, decided_claim, rules

CASE = {"referral_type": "medical", "provider": "市康复医院", "budget": "1000.00", "opened_on": "2026-11-21"}


def audit_actions(db, row_id: str) -> list[str]:
    with db.read() as s:
        return s.scalars(select(AuditEvent.action).where(AuditEvent.row_id == row_id)
                         .order_by(AuditEvent.seq)).all()


def outbox_ops(db, row_id: str) -> list[str]:
    with db.read() as s:
        return s.scalars(select(OutboxEntry.op).where(OutboxEntry.row_id == row_id).order_by(OutboxEntry.seq)).all()


@pytest.fixture
def claim_id(services, cw):
    return decided_claim(services, cw)


@pytest.fixture
def case_id(services, cw, claim_id):
    return services.rehab.open_case(cw, claim_id, CASE)


@pytest.fixture
def plan_id(services, cw, case_id):
    return services.rehab.add_plan(cw, case_id, {"drawn_up_on": "2026-11-22", "review_on": "2027-01-22"})


# ---------------------------------------------------------------- opening a case


def test_open_case_for_recognised_claim(services, cw, db, claim_id):
    case_id = services.rehab.open_case(cw, claim_id, CASE)
    [row] = services.rehab.list_cases(cw)
    assert (row.id, row.worker_name, row.status, row.budget) == (case_id, "张伟", "open", Decimal("1000.00"))
    assert row.claim_no.startswith("GZ01-2026-")
    assert services.rehab.list_cases(cw, status="closed") == []
    assert audit_actions(db, case_id) == ["rehab.open_case"]
    assert outbox_ops(db, case_id) == ["insert"]
    with db.read() as s:
        entry = s.scalar(select(OutboxEntry).where(OutboxEntry.row_id == case_id))
        assert entry.changes["budget_fen"] == [None, 100000]


def test_deemed_claim_is_eligible(services, cw):
    claim_id = decided_claim(services, cw, "deemed")
    assert services.rehab.open_case(cw, claim_id, CASE)


def test_not_recognised_or_undecided_claim_is_refused(services, cw, db):
    undecided = services.claims.create(cw, claim_draft(accident_date="2026-10-01"))
    with pytest.raises(DomainError) as info:
        services.rehab.open_case(cw, undecided, CASE)
    assert info.value.key == "rehab.claim_not_recognised" and info.value.params["outcome"] is None
    refused = decided_claim(services, cw, "not_recognised")
    with pytest.raises(DomainError) as info:
        services.rehab.open_case(cw, refused, CASE)
    assert (info.value.key, info.value.params["outcome"]) == ("rehab.claim_not_recognised", "not_recognised")
    with pytest.raises(DomainError) as info:
        services.rehab.open_case(cw, "missing", CASE)
    assert info.value.key == "claim.not_found"
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(RehabCase)) == 0


def test_open_case_input_rules(services, cw, claim_id):
    with pytest.raises(ValidationFailed) as info:
        services.rehab.open_case(cw, claim_id, {"referral_type": "spiritual", "provider": "", "budget": "-1",
                                                "opened_on": "2026-11-29"})
    assert rules(info.value) == {("referral_type", "field.choice"), ("provider", "field.required"),
                                 ("budget", "money.negative"), ("opened_on", "field.date_in_future")}
    with pytest.raises(ValidationFailed) as info:
        services.rehab.open_case(cw, claim_id, {**CASE, "budget": "", "opened_on": "2026-11-19"})
    assert rules(info.value) == {("budget", "field.required")}
    with pytest.raises(ValidationFailed) as info:
        services.rehab.open_case(cw, claim_id, {**CASE, "opened_on": "2026-11-19"})
    assert rules(info.value) == {("opened_on", "rehab.opened_before_decision")}


def test_second_open_case_of_same_kind_is_refused(services, cw, claim_id, case_id):
    with pytest.raises(DomainError) as info:
        services.rehab.open_case(cw, claim_id, CASE)
    assert info.value.key == "rehab.case_already_open"
    assert services.rehab.open_case(cw, claim_id, {**CASE, "referral_type": "vocational"})


def test_administrator_and_other_office_cannot_edit(services, cw, adm, ctx, claim_id, case_id, plan_id):
    with pytest.raises(DomainError) as info:
        services.rehab.open_case(adm, claim_id, CASE)
    assert (info.value.key, info.value.params["permission"]) == ("permission.denied", "rehab.edit")
    with pytest.raises(DomainError) as info:
        services.rehab.schedule_session(adm, plan_id, {"scheduled_on": "2026-12-01", "kind": "理疗"})
    assert info.value.key == "permission.denied"
    other = create_office(ctx, code="XM02", name="厦门中心", region="example", users=[
        {"username": "xm", "display_name": "XM", "role": "supervisor", "password": "xm-pass-123"}])["xm"]
    for call in (
        lambda: services.rehab.open_case(other, claim_id, {**CASE, "referral_type": "social"}),
        lambda: services.rehab.add_plan(other, case_id, {"drawn_up_on": "2026-11-25"}),
        lambda: services.rehab.schedule_session(other, plan_id, {"scheduled_on": "2026-12-01", "kind": "理疗"}),
        lambda: services.rehab.close_case(other, case_id, "2026-11-28"),
    ):
        with pytest.raises(DomainError) as info:
            call()
        assert info.value.key == "permission.other_office"
    assert services.rehab.list_cases(other) == []


# ---------------------------------------------------------------- plans, goals, measurements


def test_plan_goal_measurement_and_case_detail(services, cw, db, case_id, plan_id):
    goal = services.rehab.add_goal(cw, plan_id, {"description": "右手握力恢复", "measure": "握力kg", "baseline": "8",
                                                 "target": "25", "target_date": "2027-02-01"})
    services.rehab.record_measurement(cw, goal, "2026-11-25", "10")
    services.rehab.record_measurement(cw, goal, date(2026, 11, 28), "12.5")
    session = services.rehab.schedule_session(cw, plan_id, {"scheduled_on": "2026-11-26", "kind": "理疗",
                                                            "cost": "150.5"})
    services.rehab.record_attendance(cw, session, True)
    detail = services.rehab.get_case(cw, case_id)
    assert (detail.claim_no.startswith("GZ01-"), detail.worker_name, detail.referral_type) == (True, "张伟", "medical")
    [plan] = detail.plans
    assert plan.review_on == date(2027, 1, 22)
    [g] = plan.goals
    assert [(m.measured_on, m.value) for m in g.measurements] == [(date(2026, 11, 25), "10"),
                                                                   (date(2026, 11, 28), "12.5")]
    [sv] = plan.sessions
    assert (sv.attended, sv.cost) == (True, Decimal("150.50"))
    assert (detail.budget, detail.spent, detail.remaining) == (Decimal("1000.00"), Decimal("150.50"),
                                                               Decimal("849.50"))
    assert audit_actions(db, session) == ["rehab.schedule_session", "rehab.record_attendance"]
    assert outbox_ops(db, goal) == ["insert"]
    assert audit_actions(db, plan_id) == ["rehab.add_plan"]


def test_plan_goal_and_measurement_rules(services, cw, case_id, plan_id):
    with pytest.raises(ValidationFailed) as info:
        services.rehab.add_plan(cw, case_id, {"drawn_up_on": "2026-11-25", "review_on": "2026-11-24"})
    assert rules(info.value) == {("review_on", "rehab.review_before_plan")}
    with pytest.raises(ValidationFailed) as info:
        services.rehab.add_plan(cw, case_id, {"drawn_up_on": "2026-11-20"})
    assert rules(info.value) == {("drawn_up_on", "rehab.plan_before_opened")}
    with pytest.raises(ValidationFailed) as info:
        services.rehab.add_goal(cw, plan_id, {"description": "", "measure": "", "target_date": "2026-11-01"})
    assert rules(info.value) == {("description", "field.required"), ("measure", "field.required")}
    with pytest.raises(ValidationFailed) as info:
        services.rehab.add_goal(cw, plan_id, {"description": "d", "measure": "m", "target_date": "2026-11-01"})
    assert rules(info.value) == {("target_date", "rehab.target_before_plan")}
    goal = services.rehab.add_goal(cw, plan_id, {"description": "d", "measure": "m"})
    with pytest.raises(ValidationFailed) as info:
        services.rehab.record_measurement(cw, goal, "2026-12-01", "")
    assert rules(info.value) == {("measured_on", "field.date_in_future"), ("value", "field.required")}
    with pytest.raises(DomainError) as info:
        services.rehab.add_goal(cw, "missing", {"description": "d", "measure": "m"})
    assert info.value.key == "rehab.plan_not_found"
    with pytest.raises(DomainError) as info:
        services.rehab.get_case(cw, "missing")
    assert info.value.key == "rehab.case_not_found"


def test_attendance_needs_a_past_session(services, cw, plan_id):
    future = services.rehab.schedule_session(cw, plan_id, {"scheduled_on": "2026-12-03", "kind": "理疗"})
    with pytest.raises(DomainError) as info:
        services.rehab.record_attendance(cw, future, True)
    assert info.value.key == "rehab.session_in_future"
    with pytest.raises(DomainError) as info:
        services.rehab.record_attendance(cw, "missing", False)
    assert info.value.key == "rehab.session_not_found"


# ---------------------------------------------------------------- budget


def test_budget_limits_and_supervisor_approval(services, cw, sup, db, case_id, plan_id):
    services.rehab.schedule_session(cw, plan_id, {"scheduled_on": "2026-12-01", "kind": "理疗", "cost": "600"})
    # Exactly reaching the budget is allowed.
    services.rehab.schedule_session(cw, plan_id, {"scheduled_on": "2026-12-02", "kind": "理疗", "cost": "400.00"})
    assert services.rehab.budget_status(cw, case_id) == (Decimal("1000.00"), Decimal("1000.00"), Decimal("0.00"))
    with pytest.raises(DomainError) as info:
        services.rehab.schedule_session(cw, plan_id, {"scheduled_on": "2026-12-03", "kind": "理疗", "cost": "0.01"})
    assert info.value.key == "rehab.budget_exceeded"
    assert (info.value.params["budget"], info.value.params["total"]) == (Decimal("1000.00"), Decimal("1000.01"))
    # A caseworker cannot approve an overrun, even when asking to.
    with pytest.raises(DomainError) as info:
        services.rehab.schedule_session(cw, plan_id, {"scheduled_on": "2026-12-03", "kind": "理疗", "cost": "50"},
                                        approve_over_budget=True)
    assert info.value.key == "rehab.budget_exceeded"
    # A supervisor must say so explicitly.
    with pytest.raises(DomainError):
        services.rehab.schedule_session(sup, plan_id, {"scheduled_on": "2026-12-03", "kind": "理疗", "cost": "50"})
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(RehabSession)) == 2
    approved = services.rehab.schedule_session(sup, plan_id, {"scheduled_on": "2026-12-03", "kind": "理疗",
                                                              "cost": "50"}, approve_over_budget=True)
    assert audit_actions(db, approved) == ["rehab.schedule_session_over_budget"]
    assert services.rehab.budget_status(cw, case_id) == (Decimal("1000.00"), Decimal("1050.00"), Decimal("-50.00"))
    # A free session still fits once the budget is spent.
    services.rehab.schedule_session(cw, plan_id, {"scheduled_on": "2026-12-04", "kind": "随访"})


def test_session_input_rules(services, cw, plan_id):
    with pytest.raises(ValidationFailed) as info:
        services.rehab.schedule_session(cw, plan_id, {"scheduled_on": "", "kind": "", "cost": "-3"})
    assert rules(info.value) == {("scheduled_on", "field.required"), ("kind", "field.required"),
                                 ("cost", "money.negative")}
    with pytest.raises(ValidationFailed) as info:
        services.rehab.schedule_session(cw, plan_id, {"scheduled_on": "2026-11-01", "kind": "理疗"})
    assert rules(info.value) == {("scheduled_on", "rehab.session_before_opened")}


# ---------------------------------------------------------------- return to work and closing


def test_closing_needs_an_outcome(services, cw, db, case_id, plan_id):
    with pytest.raises(DomainError) as info:
        services.rehab.close_case(cw, case_id, "2026-11-28")
    assert info.value.key == "rehab.outcome_required"
    assert services.rehab.get_case(cw, case_id).status == "open"
    with pytest.raises(ValidationFailed) as info:
        services.rehab.record_return_to_work(cw, case_id, {"outcome": "retired", "rtw_date": "2026-11-25"})
    assert rules(info.value) == {("outcome", "field.choice")}
    with pytest.raises(ValidationFailed) as info:
        services.rehab.record_return_to_work(cw, case_id, {"outcome": "modified_job"})
    assert rules(info.value) == {("rtw_date", "field.required")}
    with pytest.raises(ValidationFailed) as info:
        services.rehab.record_return_to_work(cw, case_id, {"outcome": "modified_job", "rtw_date": "2026-11-20"})
    assert rules(info.value) == {("rtw_date", "rehab.rtw_before_opened")}
    assert info.value.errors[0].params == {"opened_on": "2026-11-21"}
    token = services.rehab.get_case(cw, case_id).token
    services.rehab.record_return_to_work(cw, case_id, {"outcome": "modified_job", "rtw_date": "2026-11-27",
                                                       "restrictions": "不得提举10kg以上", "accommodations": "调至质检岗"},
                                         token=token)
    with pytest.raises(DomainError) as info:
        services.rehab.record_return_to_work(cw, case_id, {"outcome": "same_job", "rtw_date": "2026-11-27"},
                                             token=token)
    assert info.value.key == "record.changed_since_loaded"
    with pytest.raises(ValidationFailed) as info:
        services.rehab.close_case(cw, case_id, "2026-11-20")
    assert rules(info.value) == {("closed_on", "rehab.closed_before_opened")}
    services.rehab.close_case(cw, case_id, "2026-11-28")
    detail = services.rehab.get_case(cw, case_id)
    assert (detail.status, detail.closed_on, detail.rtw_outcome) == ("closed", date(2026, 11, 28), "modified_job")
    assert audit_actions(db, case_id) == ["rehab.open_case", "rehab.return_to_work", "rehab.close_case"]
    assert outbox_ops(db, case_id) == ["insert", "update", "update"]
    # A closed case takes no more work.
    for call in (
        lambda: services.rehab.close_case(cw, case_id, "2026-11-28"),
        lambda: services.rehab.add_plan(cw, case_id, {"drawn_up_on": "2026-11-28"}),
        lambda: services.rehab.schedule_session(cw, plan_id, {"scheduled_on": "2026-12-01", "kind": "理疗"}),
    ):
        with pytest.raises(DomainError) as info:
            call()
        assert info.value.key == "rehab.case_closed"
    assert [c.id for c in services.rehab.list_cases(cw, status="closed")] == [case_id]


def test_not_returned_needs_no_date(services, cw, case_id):
    services.rehab.record_return_to_work(cw, case_id, {"outcome": "not_returned"})
    services.rehab.close_case(cw, case_id, "2026-11-28")
    assert services.rehab.get_case(cw, case_id).rtw_date is None
