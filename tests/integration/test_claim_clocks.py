"""A claim's statutory clocks through the services: the stale-window bug of issue 18, every recording use
case with its permission, audit and refusals, and the Tasks rows on a given day."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from injury_desk.domain.errors import DomainError, ValidationFailed
from injury_desk.services.claim_facts import refresh_deadlines
from injury_desk.services.container import Services
from injury_desk.services.context import ServiceContext
from injury_desk.store.models import AuditEvent, Claim, OutboxEntry, claim_list
from tests.conftest import claim_draft


@pytest.fixture
def clock():
    return {"today": date(2026, 1, 20)}


@pytest.fixture
def svc(db, clock):
    return Services.build(ServiceContext(db=db, today=lambda: clock["today"]))


def _rules(exc) -> set[tuple[str, str]]:
    return {(e.field, e.rule) for e in exc.errors}


def _list_deadline(db, claim_id):
    with db.read() as s:
        return s.execute(select(claim_list.c.next_deadline).where(claim_list.c.claim_id == claim_id)).scalar_one()


def test_stale_window_issue_18_every_screen_agrees(svc, db, clock, sup):
    # Accident 2026-01-10, reported with no applicant on 2026-01-20. Looked at on 2026-03-01 the detail
    # page, the claims list and the Tasks page must name the same application deadline: 2027-01-10
    # (Art. 17 para. 2). The old code stored the employer's 2026-02-09 when the claim was saved and the
    # Tasks page showed it as overdue while the detail page showed 2027-01-10.
    claim_id = svc.claims.create(sup, claim_draft(accident_date="2026-01-10", applicant_type=None,
                                                  application_received_on=None))
    clock["today"] = date(2026, 3, 1)
    detail = svc.claims.get(sup, claim_id)
    assert detail.next_deadline == date(2027, 1, 10)
    assert _list_deadline(db, claim_id) == date(2027, 1, 10)
    rows = [r for r in svc.tasks.claim_deadlines(sup, scope="office", horizon_days=400) if r.claim_id == claim_id]
    assert [(r.kind, r.due, r.status, r.overdue) for r in rows] == [
        ("application", date(2027, 1, 10), "later", False)]
    # the employer's window is shown on the claim as expired, never as overdue work
    employer = next(d for d in detail.deadlines if d.kind == "application_employer")
    assert (employer.due, employer.status(clock["today"])) == (date(2026, 2, 9), "expired")
    # while the employer window runs (5 Feb: 4 days left) the Tasks page shows it this week
    rows_then = svc.tasks.claim_deadlines(sup, scope="office", on=date(2026, 2, 5))
    assert [(r.kind, r.due, r.group) for r in rows_then] == [("application_employer", date(2026, 2, 9), "this_week")]


def test_acceptance_clock_notice_and_restart(svc, db, clock, sup):
    clock["today"] = date(2026, 11, 28)
    claim_id = svc.claims.create(sup, claim_draft(application_received_on="2026-11-10"))
    # received 10 Nov: 15 days -> 25 Nov, overdue on 28 Nov
    assert _list_deadline(db, claim_id) == date(2026, 11, 25)
    [row] = svc.tasks.claim_deadlines(sup, scope="office")
    assert (row.kind, row.group, row.attention) == ("acceptance", "overdue", True)
    svc.clocks.request_documents(sup, claim_id, {"requested_on": "2026-11-20",
                                                 "documents": ["labour_contract", "medical_record"]})
    assert _list_deadline(db, claim_id) is None  # waiting for the applicant: no clock
    assert svc.tasks.claim_deadlines(sup, scope="office") == []
    assert svc.claims.get(sup, claim_id).next_step == "next.await_documents"
    with pytest.raises(DomainError) as info:
        svc.clocks.request_documents(sup, claim_id, {"requested_on": "2026-11-21", "documents": ["id_copy"]})
    assert info.value.key == "claim.documents_already_requested"  # one notice listing everything
    with pytest.raises(ValidationFailed) as bad:
        svc.clocks.documents_complete(sup, claim_id, {"completed_on": "2026-11-19"})
    assert ("completed_on", "claim.completed_before_notice") in _rules(bad.value)
    svc.clocks.documents_complete(sup, claim_id, {"completed_on": "2026-11-27"})
    assert _list_deadline(db, claim_id) == date(2026, 12, 12)  # 27 Nov + 15
    with db.read() as s:
        actions = s.scalars(select(AuditEvent.action).where(AuditEvent.row_id == claim_id)).all()
    assert "claim.request_documents" in actions and "claim.documents_complete" in actions


def test_not_accepted_closes_and_opens_appeal_windows_on_delivery(svc, db, clock, sup, cw):
    clock["today"] = date(2026, 11, 28)
    claim_id = svc.claims.create(sup, claim_draft(application_received_on="2026-11-10"))
    with pytest.raises(DomainError) as info:
        svc.clocks.not_accept(cw, claim_id, {"not_accepted_on": "2026-11-12", "reason": ""})
    assert ("reason", "field.required") in _rules(info.value)
    svc.clocks.not_accept(sup, claim_id, {"not_accepted_on": "2026-11-12", "reason": "不属于本部门管辖"})
    assert svc.claims.get(sup, claim_id).status == "closed"
    assert svc.tasks.claim_deadlines(sup, scope="office") == []
    svc.clocks.record_delivery(sup, claim_id, {"document_kind": "not_accepted_notice", "delivered_on": "2026-11-13",
                                               "recipient": "employer", "recipient_name": "福州示例机械有限公司"})
    kinds = {(r.kind, r.due) for r in svc.tasks.claim_deadlines(sup, scope="office", horizon_days=200)}
    # reconsideration: 13 Nov + 60 = 12 Jan 2027; lawsuit: 6 months = 13 May 2027
    assert kinds == {("reconsideration", date(2027, 1, 12)), ("lawsuit", date(2027, 5, 13))}


def test_suspension_pauses_and_moves_the_decision_deadline(svc, db, clock, sup, cw):
    clock["today"] = date(2026, 11, 28)
    claim_id = svc.claims.create(sup, claim_draft(application_received_on="2026-11-10"))
    svc.claims.accept(sup, claim_id, {"accepted_on": "2026-11-11"})
    assert _list_deadline(db, claim_id) == date(2027, 1, 10)  # 11 Nov + 60
    with pytest.raises(ValidationFailed) as bad:
        svc.clocks.start_suspension(sup, claim_id, {"started_on": "2026-11-10", "reason": "法院审理劳动关系"})
    assert ("started_on", "claim.suspension_before_acceptance") in _rules(bad.value)
    svc.clocks.start_suspension(sup, claim_id, {"started_on": "2026-11-15", "reason": "法院审理劳动关系"})
    assert _list_deadline(db, claim_id) is None  # paused
    with pytest.raises(DomainError) as info:
        svc.clocks.start_suspension(sup, claim_id, {"started_on": "2026-11-16", "reason": "again"})
    assert info.value.key == "claim.suspension_open"
    svc.clocks.end_suspension(sup, claim_id, {"ended_on": "2026-11-25"})
    assert _list_deadline(db, claim_id) == date(2027, 1, 20)  # 10 days suspended
    detail = svc.claims.get(cw, claim_id)
    [decision] = [d for d in detail.deadlines if d.kind == "decision"]
    assert decision.paused_days == 10


def test_extensions_need_the_decide_role_and_are_audited(svc, db, clock, sup, adm):
    clock["today"] = date(2026, 1, 20)
    claim_id = svc.claims.create(sup, claim_draft(accident_date="2026-01-10", applicant_type=None,
                                                  application_received_on=None))
    with pytest.raises(DomainError) as info:
        svc.clocks.approve_employer_extension(adm, claim_id, {"extended_to": "2026-03-10", "reference": "X"})
    assert info.value.key == "permission.denied"
    with pytest.raises(ValidationFailed) as bad:
        svc.clocks.approve_employer_extension(sup, claim_id, {"extended_to": "2026-02-01", "reference": "X"})
    assert ("extended_to", "claim.extension_not_later") in _rules(bad.value)
    svc.clocks.approve_employer_extension(sup, claim_id, {"extended_to": "2026-03-10", "reference": "榕人社函〔2026〕3号"})
    d = {x.kind: x for x in svc.claims.get(sup, claim_id).deadlines}
    assert d["application_employer"].due == date(2026, 3, 10) and d["application_employer"].extended
    svc.clocks.start_stop_work(sup, claim_id, {"started_on": "2026-01-10"})
    with pytest.raises(ValidationFailed) as bad:
        svc.clocks.extend_stop_work(sup, claim_id, {"months": 25})
    assert ("months", "field.max") in _rules(bad.value) or bad.value.errors[0].field == "months"
    with pytest.raises(ValidationFailed) as bad:  # Art. 33 para. 2: the committee's confirmation is named
        svc.clocks.extend_stop_work(sup, claim_id, {"months": 18})
    assert ("reference", "field.required") in _rules(bad.value)
    svc.clocks.extend_stop_work(sup, claim_id, {"months": 18, "reference": "榕劳鉴〔2026〕12号"})
    d = {x.kind: x for x in svc.claims.get(sup, claim_id).deadlines}
    assert d["stop_work"].due == date(2027, 7, 9)  # 10 Jan 2026 + 18 months - 1 day
    with db.read() as s:
        claim = s.get(Claim, claim_id)
        assert claim.stop_work_extended_by == sup.user_id
        assert claim.stop_work_extension_ref == "榕劳鉴〔2026〕12号"
        pushed = {k for e in s.scalars(select(OutboxEntry).where(OutboxEntry.row_id == claim_id)) for k in e.changes}
    assert {"employer_extended_to", "stop_work_months"} <= pushed  # synced facts, unlike the derived deadline


def test_occupational_disease_diagnosis_restarts_art17(svc, db, clock, sup):
    clock["today"] = date(2026, 3, 1)
    claim_id = svc.claims.create(sup, claim_draft(accident_date="2020-05-01", applicant_type=None,
                                                  application_received_on=None))
    svc.clocks.record_diagnosis(sup, claim_id, {"diagnosed_on": "2026-02-20"})
    assert _list_deadline(db, claim_id) == date(2027, 2, 20)
    with pytest.raises(ValidationFailed) as bad:
        svc.clocks.record_diagnosis(sup, claim_id, {"diagnosed_on": "2019-01-01"})
    assert ("diagnosed_on", "claim.diagnosis_before_exposure") in _rules(bad.value)


def test_bulk_refresh_equals_one_by_one(svc, db, clock, sup):
    clock["today"] = date(2026, 11, 28)
    ids = [svc.claims.create(sup, claim_draft(accident_date=f"2026-0{m}-05", application_received_on=None,
                                              applicant_type=None)) for m in range(1, 6)]
    svc.claims.record_application(sup, ids[0], {"applicant_type": "worker", "application_received_on": "2026-11-20"})
    expected = {i: _list_deadline(db, i) for i in ids}
    with db.write_pulled(None, "test") if hasattr(db, "write_pulled") else db.write(None, "test") as s:
        s.execute(Claim.__table__.update().values(next_deadline=None))
        assert refresh_deadlines(s, ids) == 5
        assert refresh_deadlines(s, ids) == 0  # nothing changed: nothing written
    assert {i: _list_deadline(db, i) for i in ids} == expected
