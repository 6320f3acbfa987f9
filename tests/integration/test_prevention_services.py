"""Prevention through the services: inspections, hazards, corrective actions, training, incidents."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from injury_desk.domain.errors import DomainError, ValidationFailed
from injury_desk.services.bootstrap import create_office
from injury_desk.store.models import AuditEvent, CorrectiveAction, Hazard, Inspection, OutboxEntry
from tests.conftest import employer_data, rules, worker_data


def outbox_for(db, row_id: str) -> list[OutboxEntry]:
    with db.read() as s:
        return s.scalars(select(OutboxEntry).where(OutboxEntry.row_id == row_id).order_by(OutboxEntry.seq)).all()


def audit_actions(db, row_id: str) -> list[str]:
    with db.read() as s:
        return s.scalars(select(AuditEvent.action).where(AuditEvent.row_id == row_id)
                         .order_by(AuditEvent.seq)).all()


@pytest.fixture
def employer_id(services, cw):
    return services.employers.create(cw, employer_data())


@pytest.fixture
def inspected(services, cw, employer_id):
    """An inspection done on 2026-11-02 with one high hazard."""
    insp = services.inspections.plan_inspection(cw, {"employer_id": employer_id, "planned_on": "2026-11-03"})
    services.inspections.record_inspection(cw, insp, {"inspected_on": "2026-11-02", "summary": "冲压线护栏缺失"})
    hazard = services.inspections.add_hazard(cw, insp, {"category": "机械", "severity": "high",
                                                       "location": "二号车间", "description": "护栏缺失"})
    return insp, hazard


@pytest.fixture
def other_office(ctx):
    return create_office(ctx, code="XM02", name="厦门中心", region="example",
                         users=[{"username": "xm", "display_name": "XM", "role": "caseworker", "password": "xm-pass-123"}])["xm"]


# ---------------------------------------------------------------- inspections


def test_plan_and_record_inspection_writes_audit_and_outbox(services, cw, db, employer_id):
    insp = services.inspections.plan_inspection(cw, {"employer_id": employer_id, "planned_on": "2026-12-05",
                                                    "inspector": "王检查"})
    view = services.inspections.get_inspection(cw, insp)
    assert (view.status, view.planned_on, view.inspector) == ("planned", date(2026, 12, 5), "王检查")
    assert view.employer_name == "福州示例机械有限公司"
    services.inspections.record_inspection(cw, insp, {"inspected_on": "2026-11-27", "summary": "无重大隐患"},
                                          token=view.token)
    view = services.inspections.get_inspection(cw, insp)
    assert (view.status, view.inspected_on) == ("done", date(2026, 11, 27))
    assert [e.op for e in outbox_for(db, insp)] == ["insert", "update"]
    assert outbox_for(db, insp)[1].changes["status"] == ["planned", "done"]
    assert audit_actions(db, insp) == ["inspection.plan", "inspection.record"]
    assert [i.id for i in services.inspections.list_inspections(cw, employer_id=employer_id, status="done")] == [insp]
    assert services.inspections.list_inspections(cw, status="planned") == []


def test_inspection_input_rules(services, cw, db, employer_id):
    with pytest.raises(ValidationFailed) as info:
        services.inspections.plan_inspection(cw, {"employer_id": "nope", "planned_on": "tomorrow"})
    assert rules(info.value) == {("employer_id", "employer.unknown"), ("planned_on", "field.date_format")}
    insp = services.inspections.plan_inspection(cw, {"employer_id": employer_id, "planned_on": "2026-11-20"})
    with pytest.raises(ValidationFailed) as info:
        services.inspections.record_inspection(cw, insp, {"inspected_on": "2026-11-29", "summary": ""})
    assert rules(info.value) == {("inspected_on", "field.date_in_future"), ("summary", "field.required")}
    with pytest.raises(DomainError) as info:
        services.inspections.get_inspection(cw, "missing")
    assert info.value.key == "inspection.not_found"
    assert audit_actions(db, insp) == ["inspection.plan"]


def test_stale_inspection_edit_is_refused(services, cw, employer_id):
    insp = services.inspections.plan_inspection(cw, {"employer_id": employer_id, "planned_on": "2026-11-20"})
    stale = services.inspections.get_inspection(cw, insp).token
    services.inspections.record_inspection(cw, insp, {"inspected_on": "2026-11-20", "summary": "ok"})
    with pytest.raises(DomainError) as info:
        services.inspections.record_inspection(cw, insp, {"inspected_on": "2026-11-21", "summary": "x"}, token=stale)
    assert info.value.key == "record.changed_since_loaded"


def test_cancelled_inspection_cannot_be_recorded(services, cw, db, employer_id, inspected):
    insp = services.inspections.plan_inspection(cw, {"employer_id": employer_id, "planned_on": "2026-11-20"})
    services.inspections.cancel_inspection(cw, insp)
    assert services.inspections.get_inspection(cw, insp).status == "cancelled"
    assert audit_actions(db, insp) == ["inspection.plan", "inspection.cancel"]
    with pytest.raises(DomainError) as info:
        services.inspections.record_inspection(cw, insp, {"inspected_on": "2026-11-20", "summary": "x"})
    assert info.value.key == "inspection.cancelled"
    # Only a planned inspection can be cancelled: a visit that took place (or one cancelled) stays as it is.
    for done_or_cancelled in (inspected[0], insp):
        with pytest.raises(DomainError) as info:
            services.inspections.cancel_inspection(cw, done_or_cancelled)
        assert info.value.key == "inspection.wrong_status"
    assert services.inspections.get_inspection(cw, inspected[0]).status == "done"


def test_administrator_cannot_edit_prevention(services, adm, cw, employer_id):
    with pytest.raises(DomainError) as info:
        services.inspections.plan_inspection(adm, {"employer_id": employer_id, "planned_on": "2026-11-20"})
    assert info.value.key == "permission.denied" and info.value.params["permission"] == "prevention.edit"
    with pytest.raises(DomainError):
        services.training.add_training(adm, {"topic": "x", "held_on": "2026-11-01"})
    assert services.inspections.list_inspections(adm) == []  # reading stays open to everyone


def test_another_offices_rows_are_refused(services, cw, other_office, employer_id, inspected):
    insp, hazard = inspected
    with pytest.raises(DomainError) as info:
        services.inspections.add_hazard(other_office, insp, {"category": "电气", "severity": "low"})
    assert info.value.key == "permission.other_office"
    with pytest.raises(DomainError) as info:
        services.inspections.add_action(other_office, hazard, {"description": "d", "owner": "o",
                                                              "due_date": "2026-12-01"})
    assert info.value.key == "permission.other_office"
    with pytest.raises(DomainError) as info:
        services.inspections.plan_inspection(other_office, {"employer_id": employer_id, "planned_on": "2026-12-01"})
    assert info.value.key == "permission.other_office"
    assert services.inspections.list_hazards(other_office) == []


# ---------------------------------------------------------------- hazards and corrective actions


def test_hazard_rules(services, cw, employer_id, inspected):
    insp, _ = inspected
    with pytest.raises(ValidationFailed) as info:
        services.inspections.add_hazard(cw, insp, {"category": " ", "severity": "extreme"})
    assert rules(info.value) == {("category", "field.required"), ("severity", "field.choice")}
    planned = services.inspections.plan_inspection(cw, {"employer_id": employer_id, "planned_on": "2026-12-10"})
    with pytest.raises(DomainError) as info:
        services.inspections.add_hazard(cw, planned, {"category": "机械", "severity": "low"})
    assert (info.value.key, info.value.params["expected"]) == ("inspection.wrong_status", "done")
    with pytest.raises(DomainError) as info:
        services.inspections.add_hazard(cw, "missing", {"category": "机械", "severity": "low"})
    assert info.value.key == "inspection.not_found"
    with pytest.raises(DomainError) as info:
        services.inspections.add_action(cw, "missing", {"description": "d", "owner": "o", "due_date": "2026-12-01"})
    assert info.value.key == "hazard.not_found"


def test_action_due_date_rules(services, cw, db, inspected):
    _, hazard = inspected
    with pytest.raises(ValidationFailed) as info:
        services.inspections.add_action(cw, hazard, {"description": "", "owner": "", "due_date": ""})
    assert rules(info.value) == {("description", "field.required"), ("owner", "field.required"),
                                 ("due_date", "field.required")}
    with pytest.raises(ValidationFailed) as info:
        services.inspections.add_action(cw, hazard, {"description": "加装护栏", "owner": "李明",
                                                    "due_date": "2026-11-01"})
    assert rules(info.value) == {("due_date", "action.due_before_inspection")}
    assert info.value.errors[0].params == {"inspected_on": "2026-11-02"}
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(CorrectiveAction)) == 0
    action = services.inspections.add_action(cw, hazard, {"description": "加装护栏", "owner": "李明",
                                                         "due_date": "2026-11-02"})
    assert audit_actions(db, action) == ["action.add"]
    assert outbox_for(db, action)[0].changes["due_date"] == [None, "2026-11-02"]


def _visit(services, cw, insp, on, **decisions):
    """One follow-up visit on ``on``: ``action_id="done"`` or ``action_id="2026-12-05"`` (a new due date)."""
    tokens = {a.id: a.token for a in services.inspections.open_actions(cw, insp)}
    services.inspections.follow_up(cw, insp, on, [
        {"action_id": a, "token": tokens.get(a), "outcome": "done"} if d == "done" else
        {"action_id": a, "token": tokens.get(a), "outcome": "extend", "date": d} for a, d in decisions.items()])


def test_hazard_closes_when_all_actions_are_done(services, cw, db, employer_id, inspected):
    insp, hazard = inspected
    a1 = services.inspections.add_action(cw, hazard, {"description": "护栏", "owner": "李明", "due_date": "2026-11-20"})
    a2 = services.inspections.add_action(cw, hazard, {"description": "培训", "owner": "王芳", "due_date": "2026-12-20"})
    _visit(services, cw, insp, "2026-11-18", **{a1: "done"})
    assert [h.id for h in services.inspections.list_hazards(cw, open_only=True)] == [hazard]
    with pytest.raises(DomainError) as info:
        services.inspections.follow_up(cw, insp, "2026-11-19", [{"action_id": a1, "outcome": "done"}])
    assert info.value.key == "action.already_done"
    with pytest.raises(ValidationFailed) as info:
        _visit(services, cw, insp, "2026-12-01", **{a2: "done"})  # today is 2026-11-28
    assert rules(info.value) == {("visited_on", "field.date_in_future")}
    _visit(services, cw, insp, "2026-11-28", **{a2: "done"})
    assert services.inspections.list_hazards(cw, open_only=True) == []
    assert services.inspections.list_hazards(cw, employer_id=employer_id)[0].status == "closed"
    assert audit_actions(db, hazard) == ["hazard.add", "inspection.follow_up"]
    assert outbox_for(db, hazard)[-1].changes == {"status": ["open", "closed"]}
    # New work on a closed hazard reopens it.
    services.inspections.add_action(cw, hazard, {"description": "复查", "owner": "李明", "due_date": "2026-12-30"})
    assert [h.id for h in services.inspections.list_hazards(cw, open_only=True)] == [hazard]


def test_extension_must_be_later(services, cw, db, inspected):
    insp, hazard = inspected
    action = services.inspections.add_action(cw, hazard, {"description": "护栏", "owner": "李明",
                                                         "due_date": "2026-11-20"})
    with pytest.raises(ValidationFailed) as info:
        _visit(services, cw, insp, "2026-11-20", **{action: "2026-11-20"})
    assert rules(info.value) == {("actions.0.date", "action.extension_not_later")}
    assert info.value.errors[0].params == {"due_date": "2026-11-20"}
    _visit(services, cw, insp, "2026-11-20", **{action: "2026-12-15"})
    [view] = services.inspections.open_actions(cw, insp)
    assert (view.status, view.due_date) == ("extended", date(2026, 12, 15))
    assert audit_actions(db, action) == ["action.add", "inspection.follow_up"]


def test_overdue_actions_across_dates(services, cw, inspected):
    insp, hazard = inspected
    a1 = services.inspections.add_action(cw, hazard, {"description": "护栏", "owner": "李明", "due_date": "2026-11-20"})
    a2 = services.inspections.add_action(cw, hazard, {"description": "标识", "owner": "王芳", "due_date": "2026-11-25"})
    a3 = services.inspections.add_action(cw, hazard, {"description": "培训", "owner": "赵强", "due_date": "2026-12-10"})
    # Due today is not yet overdue.
    assert services.inspections.overdue_actions(cw, today=date(2026, 11, 20)) == []
    overdue = services.inspections.overdue_actions(cw)  # context today: 2026-11-28
    assert [(o.id, o.days_overdue) for o in overdue] == [(a1, 8), (a2, 3)]
    assert overdue[0].employer_name == "福州示例机械有限公司" and overdue[0].severity == "high"
    _visit(services, cw, insp, "2026-11-27", **{a1: "done", a2: "2026-12-05"})
    assert services.inspections.overdue_actions(cw) == []
    later = services.inspections.overdue_actions(cw, today=date(2026, 12, 11))
    assert [(o.id, o.status) for o in later] == [(a2, "extended"), (a3, "open")]


def test_recording_inspection_after_an_action_due_date_is_refused(services, cw, inspected):
    insp, hazard = inspected
    services.inspections.add_action(cw, hazard, {"description": "护栏", "owner": "李明", "due_date": "2026-11-05"})
    with pytest.raises(ValidationFailed) as info:
        services.inspections.record_inspection(cw, insp, {"inspected_on": "2026-11-10", "summary": "改期"})
    assert rules(info.value) == {("inspected_on", "inspection.after_action_due")}


# ---------------------------------------------------------------- training


def test_training_add_update_and_list(services, cw, db, employer_id):
    tid = services.training.add_training(cw, {
        "employer_id": employer_id, "topic": "冲压安全", "held_on": "2026-10-15", "trainer": "刘老师",
        "attendee_count": "32", "attendee_names": "张三，李四", "cost": "1,250.50"})
    view = services.training.get_training(cw, tid)
    assert view.cost == Decimal("1250.50") and view.attendee_count == 32
    assert outbox_for(db, tid)[0].changes["cost_fen"] == [None, 125050]
    services.training.add_training(cw, {"topic": "消防演练", "held_on": "2025-06-01"})
    assert [t.topic for t in services.training.list_training(cw, year=2026)] == ["冲压安全"]
    assert [t.topic for t in services.training.list_training(cw, employer_id=employer_id)] == ["冲压安全"]
    assert len(services.training.list_training(cw)) == 2
    services.training.update_training(cw, tid, {"employer_id": employer_id, "topic": "冲压安全（复训）",
                                                  "held_on": "2026-10-15", "cost": "0"}, token=view.token)
    assert services.training.get_training(cw, tid).cost == Decimal("0.00")
    assert audit_actions(db, tid) == ["training.add", "training.update"]
    with pytest.raises(DomainError) as info:
        services.training.update_training(cw, tid, {"topic": "x", "held_on": "2026-10-15"}, token=view.token)
    assert info.value.key == "record.changed_since_loaded"


def test_training_input_rules(services, cw, db):
    with pytest.raises(ValidationFailed) as info:
        services.training.add_training(cw, {"employer_id": "nope", "topic": "", "held_on": "2026-13-01",
                                              "attendee_count": -1, "cost": "-5"})
    assert rules(info.value) == {("employer_id", "employer.unknown"), ("topic", "field.required"),
                                 ("held_on", "field.date_format"), ("attendee_count", "field.range"),
                                 ("cost", "money.negative")}
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(OutboxEntry).where(
            OutboxEntry.table_name == "training_sessions")) == 0


# ---------------------------------------------------------------- incidents


def test_incident_rules(services, cw, employer_id):
    with pytest.raises(ValidationFailed) as info:
        services.incidents.add_incident(cw, {"employer_id": employer_id, "kind": "fire", "occurred_on": "2026-11-29",
                                              "person_id": "nobody", "days_lost": -2})
    assert rules(info.value) == {("kind", "field.choice"), ("occurred_on", "field.date_in_future"),
                                 ("person_id", "person.not_found"), ("days_lost", "field.range")}
    with pytest.raises(ValidationFailed) as info:
        services.incidents.add_incident(cw, {"kind": "accident", "occurred_on": "2026-11-01"})
    assert rules(info.value) == {("employer_id", "field.required")}
    with pytest.raises(ValidationFailed) as info:
        services.incidents.add_incident(cw, {"employer_id": "nope", "kind": "accident", "occurred_on": "2026-11-01"})
    assert rules(info.value) == {("employer_id", "employer.unknown")}


def test_incident_to_claim_draft_creates_a_linked_claim(services, cw, db, employer_id):
    worker = services.people.create(cw, worker_data())
    iid = services.incidents.add_incident(cw, {
        "employer_id": employer_id, "person_id": worker, "kind": "accident", "occurred_on": "2026-11-01",
        "place": "二号车间冲压线", "description": "操作冲压机时右手被压伤。", "days_lost": 14})
    view = services.incidents.list_incidents(cw, employer_id=employer_id)[0]
    assert (view.person_name, view.days_lost) == ("张伟", 14)
    services.incidents.update_incident(cw, iid, {**{"employer_id": employer_id, "person_id": worker,
                                                     "kind": "accident", "occurred_on": "2026-11-01",
                                                     "place": "二号车间冲压线", "description": "操作冲压机时右手被压伤。"},
                                                  "days_lost": 20}, token=view.token)
    assert audit_actions(db, iid) == ["incident.add", "incident.update"]
    draft = services.incidents.claim_draft_from_incident(cw, iid)
    assert draft == {"employer_id": employer_id, "worker_id": worker, "accident_date": "2026-11-01",
                     "accident_place": "二号车间冲压线", "circumstances": "操作冲压机时右手被压伤。", "incident_id": iid}
    # The wizard adds what an incident does not know; the rest passes the claim rules unchanged.
    draft.update(body_parts="右手", diagnosis="右手中指骨折")
    assert services.claims.validate_draft(cw, draft) == []
    claim_id = services.claims.create(cw, draft)
    overview = services.employers.overview(cw, employer_id)
    assert overview["counts"]["claims"] == 1 and overview["counts"]["incidents"] == 1
    assert overview["claims"][0]["id"] == claim_id and overview["claims"][0]["worker_name"] == "张伟"


def test_near_miss_gives_no_claim_draft(services, cw, employer_id):
    iid = services.incidents.add_incident(cw, {"employer_id": employer_id, "kind": "near_miss",
                                                "occurred_on": "2026-11-01"})
    with pytest.raises(DomainError) as info:
        services.incidents.claim_draft_from_incident(cw, iid)
    assert info.value.key == "incident.not_an_accident"
    with pytest.raises(DomainError) as info:
        services.incidents.claim_draft_from_incident(cw, "missing")
    assert info.value.key == "incident.not_found"


# ---------------------------------------------------------------- employer page


def test_employer_overview_counts(services, cw, employer_id, inspected):
    _, hazard = inspected
    services.inspections.plan_inspection(cw, {"employer_id": employer_id, "planned_on": "2027-01-10"})
    services.inspections.add_hazard(cw, inspected[0], {"category": "电气", "severity": "critical"})
    services.training.add_training(cw, {"employer_id": employer_id, "topic": "用电安全", "held_on": "2026-09-01"})
    overview = services.employers.overview(cw, employer_id)
    assert overview["employer_name"] == "福州示例机械有限公司"
    assert overview["counts"] == {"inspections": 2, "inspections_planned": 1, "open_hazards": 2, "training": 1,
                                  "incidents": 0, "claims": 0}
    assert [h.severity for h in overview["open_hazards"]] == ["critical", "high"]
    assert overview["inspections"][0].planned_on == date(2027, 1, 10)
    done = services.inspections.get_inspection(cw, inspected[0])
    assert (done.hazard_count, done.open_hazard_count) == (2, 2)
    services.inspections.add_action(cw, hazard, {"description": "护栏", "owner": "李明", "due_date": "2026-11-20"})
    [action] = services.inspections.open_actions(cw, inspected[0])
    services.inspections.follow_up(cw, inspected[0], "2026-11-20",
                                   [{"action_id": action.id, "token": action.token, "outcome": "done"}])
    listed = {i.id: i for i in services.inspections.list_inspections(cw, employer_id=employer_id)}
    assert (listed[inspected[0]].hazard_count, listed[inspected[0]].open_hazard_count) == (2, 1)
    with pytest.raises(DomainError) as info:
        services.employers.overview(cw, "missing")
    assert info.value.key == "employer.unknown"


def test_nothing_written_when_refused(services, cw, db, inspected):
    _, hazard = inspected
    with db.read() as s:
        before = s.scalar(select(func.count()).select_from(OutboxEntry))
        audit_before = s.scalar(select(func.count()).select_from(AuditEvent))
    for call in (
        lambda: services.inspections.add_action(cw, hazard, {"description": "x", "owner": "y", "due_date": "2026-10-01"}),
        lambda: services.inspections.add_hazard(cw, "missing", {"category": "x", "severity": "low"}),
    ):
        with pytest.raises(DomainError):
            call()
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(OutboxEntry)) == before
        assert s.scalar(select(func.count()).select_from(AuditEvent)) == audit_before
        assert s.scalar(select(func.count()).select_from(Hazard)) == 1
        assert s.scalar(select(func.count()).select_from(Inspection)) == 1

