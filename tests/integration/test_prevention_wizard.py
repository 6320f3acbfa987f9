"""The inspection wizard's one-transaction save, attachments by content hash, follow-up visits, the
prevention budget and claims made from incidents, through the services."""

from __future__ import annotations

import hashlib
from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from injury_desk.domain.errors import DomainError, ValidationFailed
from injury_desk.services.attachments import MAX_ATTACHMENT_BYTES
from injury_desk.store.models import Attachment, CorrectiveAction, Hazard, Inspection, OutboxEntry
from tests.conftest import employer_data, rules, worker_data

PHOTO = b"\x89PNG\r\n\x1a\n" + b"guard rail missing" * 10


def count(db, model) -> int:
    with db.read() as s:
        return s.scalar(select(func.count()).select_from(model))


@pytest.fixture
def employer_id(services, cw):
    return services.employers.create(cw, employer_data())


def wizard_data(employer_id: str, **over) -> dict:
    data = {
        "plan": {"employer_id": employer_id, "planned_on": "2026-11-20", "inspector": "王芳"},
        "visit": {"inspected_on": "2026-11-20", "summary": "冲压线检查"},
        "hazards": [
            {"category": "机械防护", "severity": "high", "location": "二号车间",
             "attachments": [{"file_name": "护栏.png", "content": PHOTO}],
             "actions": [{"description": "加装护栏", "owner": "李明", "due_date": "2026-12-20"}]},
            {"category": "用电", "severity": "low", "location": "仓库",
             "actions": [{"description": "更换插座", "owner": "张工", "due_date": "2026-11-25"},
                         {"description": "培训", "owner": "张工", "due_date": "2026-12-31"}]},
        ],
    }
    data.update(over)
    return data


def test_wizard_saves_everything_in_one_transaction_with_outbox(services, cw, db, employer_id):
    insp = services.inspections.inspect(cw, wizard_data(employer_id))
    view = services.inspections.get_inspection(cw, insp)
    assert (view.status, view.inspected_on, view.hazard_count, view.open_hazard_count) == (
        "done", date(2026, 11, 20), 2, 2)
    hazards = services.inspections.list_hazards(cw, employer_id=employer_id)
    high = next(h for h in hazards if h.severity == "high")
    [att] = services.attachments.list(cw, "hazards", high.id)
    assert att.file_name == "护栏.png" and att.media_type == "image/png" and att.size == len(PHOTO)
    assert att.sha256 == hashlib.sha256(PHOTO).hexdigest()
    assert services.attachments.content(cw, att.id)[1] == PHOTO
    # Captured for sync: the attachment row with its content, base64 in the outbox entry.
    with db.read() as s:
        entry = s.scalar(select(OutboxEntry).where(OutboxEntry.row_id == att.id))
    assert entry.table_name == "attachments" and entry.op == "insert"
    assert entry.changes["sha256"][1] == att.sha256
    assert count(db, CorrectiveAction) == 3


def test_wizard_refuses_the_whole_save_on_any_broken_rule(services, cw, db, employer_id):
    data = wizard_data(employer_id)
    data["hazards"][1]["actions"][0]["due_date"] = "2026-11-10"  # before the visit
    data["hazards"][0]["severity"] = "dreadful"
    data["hazards"].append({"category": "高处", "severity": "medium", "actions": []})
    with pytest.raises(ValidationFailed) as info:
        services.inspections.inspect(cw, data)
    assert rules(info.value) == {
        ("hazards.1.actions.0.due_date", "action.due_before_inspection"),
        ("hazards.0.severity", "field.choice"),
        ("hazards.2.actions", "hazard.no_action"),
    }
    assert count(db, Inspection) == count(db, Hazard) == count(db, Attachment) == 0


def test_wizard_plan_only_and_then_record_a_planned_inspection(services, cw, employer_id):
    insp = services.inspections.inspect(cw, {"plan": {"employer_id": employer_id, "planned_on": "2026-12-03"},
                                            "visit": None})
    planned = services.inspections.get_inspection(cw, insp)
    assert planned.status == "planned" and planned.inspector == "Case Worker"
    with pytest.raises(ValidationFailed) as info:  # hazards need a visit
        services.inspections.inspect(cw, {"inspection_id": insp, "visit": None,
                                         "hazards": wizard_data(employer_id)["hazards"]})
    assert ("hazards", "inspection.wrong_status") in rules(info.value)
    data = wizard_data(employer_id, inspection_id=insp, token=planned.token)
    del data["plan"]
    assert services.inspections.inspect(cw, data) == insp
    assert services.inspections.get_inspection(cw, insp).hazard_count == 2
    with pytest.raises(DomainError) as err:  # now done: the wizard does not record it twice
        services.inspections.inspect(cw, {"inspection_id": insp, "visit": {"inspected_on": "2026-11-21",
                                                                          "summary": "again"}})
    assert err.value.key in ("inspection.wrong_status", "record.changed_since_loaded")


def test_attachment_rules(services, cw, db, employer_id, tmp_path):
    insp = services.inspections.inspect(cw, wizard_data(employer_id))
    big = tmp_path / "huge.jpg"
    big.write_bytes(b"\0" * (MAX_ATTACHMENT_BYTES + 1))
    with pytest.raises(ValidationFailed) as info:
        services.attachments.add_file(cw, "inspections", insp, big)
    [e] = info.value.errors
    assert e.rule == "attachment.too_large" and e.params["max_mb"] == "5"
    exe = tmp_path / "setup.exe"
    exe.write_bytes(b"MZ")
    with pytest.raises(ValidationFailed) as info:
        services.attachments.add_file(cw, "inspections", insp, exe)
    assert {x.rule for x in info.value.errors} == {"attachment.type_not_allowed"}
    empty = tmp_path / "empty.pdf"
    empty.write_bytes(b"")
    with pytest.raises(ValidationFailed) as info:
        services.attachments.add_file(cw, "inspections", insp, empty)
    assert {x.rule for x in info.value.errors} == {"attachment.empty"}
    with pytest.raises(DomainError) as err:
        services.attachments.add_file(cw, "inspections", insp, tmp_path / "missing.pdf")
    assert err.value.key == "attachment.unreadable"
    report = tmp_path / "report.pdf"
    report.write_bytes(b"%PDF-1.4 report")
    att = services.attachments.add_file(cw, "inspections", insp, report, note="signed")
    with pytest.raises(DomainError) as err:  # the same file picked again
        services.attachments.add(cw, "inspections", insp, "copy.pdf", b"%PDF-1.4 report")
    assert err.value.key == "attachment.duplicate" and err.value.params["existing"] == "report.pdf"
    with pytest.raises(DomainError) as err:
        services.attachments.add(cw, "claims", insp, "x.pdf", b"x")
    assert err.value.key == "attachment.owner_not_allowed"
    out = services.attachments.save_to(cw, att, tmp_path / "out.pdf")
    assert out.read_bytes() == b"%PDF-1.4 report"
    services.attachments.remove(cw, att)
    assert services.attachments.list(cw, "inspections", insp) == []


def test_damaged_attachment_is_reported(services, cw, db, employer_id):
    insp = services.inspections.inspect(cw, wizard_data(employer_id))
    att = services.attachments.add(cw, "inspections", insp, "a.txt", b"original")
    con = db.raw_connection()
    con.execute("UPDATE attachments SET content = ? WHERE id = ?", (b"tampered", att))
    con.commit()
    con.close()
    with pytest.raises(DomainError) as err:
        services.attachments.content(cw, att)
    assert err.value.key == "attachment.corrupt"


def test_attachments_of_another_office_are_refused(services, cw, ctx, employer_id):
    from injury_desk.services.bootstrap import create_office

    xm = create_office(ctx, code="XM02", name="厦门中心", region="example",
                       users=[{"username": "xm", "display_name": "XM", "role": "caseworker",
                               "password": "xm-pass-123"}])["xm"]
    insp = services.inspections.inspect(cw, wizard_data(employer_id))
    with pytest.raises(DomainError) as err:
        services.attachments.add(xm, "inspections", insp, "a.txt", b"x")
    assert err.value.key == "permission.other_office"


def test_follow_up_closes_and_extends_in_one_visit(services, cw, db, employer_id):
    insp = services.inspections.inspect(cw, wizard_data(employer_id))
    actions = services.inspections.open_actions(cw, insp)
    assert [a.description for a in actions] == ["更换插座", "加装护栏", "培训"]  # earliest due first
    socket, rail, training = actions
    # 2026-11-28: the socket action (due 11-25) is overdue.
    assert [o.id for o in services.inspections.overdue_actions(cw)] == [socket.id]
    # A bad extension refuses the whole visit: the socket is not closed either.
    with pytest.raises(ValidationFailed) as info:
        services.inspections.follow_up(cw, insp, "2026-11-27", [
            {"action_id": socket.id, "token": socket.token, "outcome": "done"},
            {"action_id": rail.id, "token": rail.token, "outcome": "extend", "date": "2026-12-01"}])
    assert rules(info.value) == {("actions.1.date", "action.extension_not_later")}
    assert len(services.inspections.open_actions(cw, insp)) == 3
    services.inspections.follow_up(cw, insp, "2026-11-27", [
        {"action_id": socket.id, "token": socket.token, "outcome": "done"},
        {"action_id": rail.id, "token": rail.token, "outcome": "extend", "date": "2027-01-15"}])
    left = services.inspections.open_actions(cw, insp)
    assert [(a.description, a.status, a.due_date) for a in left] == [
        ("培训", "open", date(2026, 12, 31)), ("加装护栏", "extended", date(2027, 1, 15))]
    assert services.inspections.overdue_actions(cw) == []
    assert services.inspections.overdue_actions(cw, today=date(2027, 1, 16))[-1].id == rail.id
    # The low hazard still has its training action open, so it stays open.
    assert {h.status for h in services.inspections.list_hazards(cw, employer_id=employer_id)} == {"open"}
    services.inspections.follow_up(cw, insp, "2026-11-28", [
        {"action_id": training.id, "token": left[0].token, "outcome": "done"}])
    statuses = {h.severity: h.status for h in services.inspections.list_hazards(cw, employer_id=employer_id)}
    assert statuses == {"low": "closed", "high": "open"}


def test_follow_up_input_rules(services, cw, employer_id):
    insp = services.inspections.inspect(cw, wizard_data(employer_id))
    [a, *_] = services.inspections.open_actions(cw, insp)
    with pytest.raises(ValidationFailed) as info:
        services.inspections.follow_up(cw, insp, "2026-12-01", [])
    assert rules(info.value) == {("visited_on", "field.date_in_future"), ("actions", "follow_up.nothing_decided")}
    with pytest.raises(ValidationFailed) as info:  # closed before the inspection that found it
        services.inspections.follow_up(cw, insp, "2026-11-19", [{"action_id": a.id, "outcome": "done"}])
    assert rules(info.value) == {("visited_on", "action.closed_before_inspection")}


# ---------------------------------------------------------------- budget


def test_training_budget_against_the_cap(services, cw):
    # The example region's 2025 contribution income is 6,500,000.00; 3 % of it = 195,000.00.
    services.training.add_training(cw, {"topic": "冲压安全", "held_on": "2026-03-01", "cost": "150000.00"})
    services.training.add_training(cw, {"topic": "消防", "held_on": "2026-12-15", "cost": "40000.00"})
    services.training.add_training(cw, {"topic": "旧年", "held_on": "2025-06-01", "cost": "99999.00"})
    budget = services.training.training_budget(cw, 2026)
    assert (budget.planned, budget.sessions) == (Decimal("190000.00"), 2)  # 150,000 + 40,000; 2025 not counted
    assert budget.cap == Decimal("195000.00") and budget.remaining == Decimal("5000.00")
    assert not budget.over_cap
    assert budget.over_with(Decimal("5000.01")) and not budget.over_with(Decimal("5000.00"))
    # Funded projects and publicity count against the same cap: 190,000 + 4,000 + 1,000.01 = 195,000.01 → over.
    services.prevention_spending.add(cw, {"kind": "project", "title": "防护改造", "spent_on": "2026-04-01",
                                          "amount": "4000"})
    services.prevention_spending.add(cw, {"kind": "publicity", "title": "宣传", "spent_on": "2026-06-01",
                                          "amount": "1000.01"})
    b = services.training.training_budget(cw, 2026)
    assert (b.training, b.projects, b.publicity, b.planned) == (
        Decimal("190000.00"), Decimal("4000.00"), Decimal("1000.01"), Decimal("195000.01"))
    assert b.over_cap
    # 2024 income on file is 6,000,000.00 → the 2025 cap is 180,000.00.
    assert services.training.training_budget(cw, 2025).cap == Decimal("180000.00")
    # No income figure for 2026 on file: the 2027 cap is unknown, not zero.
    later = services.training.training_budget(cw, 2027)
    assert later.cap is None and not later.over_cap and later.income_year == 2026


# ---------------------------------------------------------------- incidents → claims


def test_incident_claim_draft_names_the_worker_and_refuses_a_second_claim(services, cw, employer_id):
    person = services.people.create(cw, worker_data())
    iid = services.incidents.add_incident(cw, {"employer_id": employer_id, "person_id": person, "kind": "accident",
                                                "occurred_on": "2026-11-01", "place": "二号车间",
                                                "description": "右手压伤", "days_lost": 12})
    draft = services.incidents.claim_draft_from_incident(cw, iid)
    assert draft["worker_id"] == person and draft["incident_id"] == iid
    draft.update({"accident_time": "09:30", "body_parts": "右手", "diagnosis": "骨折",
                  "applicant_type": "employer", "application_received_on": "2026-11-05"})
    claim_id = services.claims.create(cw, draft)
    claim_no = services.claims.get(cw, claim_id).claim_no
    assert services.incidents.get_incident(cw, iid).claim_no == claim_no
    with pytest.raises(DomainError) as err:
        services.incidents.claim_draft_from_incident(cw, iid)
    assert err.value.key == "incident.already_claimed" and err.value.params["claim_no"] == claim_no
