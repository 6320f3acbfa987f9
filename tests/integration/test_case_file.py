"""A claim's case file through the services: documents with type and received date and the checklist of the
current step, notes that are never edited, the history from the audit log, and the money picture."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from injury_desk.domain.errors import DomainError, ValidationFailed
from injury_desk.store.models import ClaimNote, OutboxEntry
from tests.conftest import claim_draft

PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 64


def test_documents_and_checklist_of_the_current_step(services, cw, db):
    claim_id = services.claims.create(cw, claim_draft())
    needed = [(c.doc_type, c.present) for c in services.case_file.checklist(cw, claim_id)]
    assert needed == [("application", False), ("id_copy", False), ("labour_contract", False),
                      ("medical_record", False)]
    services.case_file.add_document(cw, claim_id, {"doc_type": "application", "received_on": "2026-11-10"},
                                    file_name="申请表.pdf", content=b"%PDF-1.4 application")
    services.case_file.add_document(cw, claim_id, {"doc_type": "medical_record", "received_on": "2026-11-12",
                                                   "note": "门诊病历"}, file_name="病历.png", content=PNG)
    docs = services.case_file.documents(cw, claim_id)
    assert [(d.file_name, d.doc_type, d.received_on.isoformat()) for d in docs] == [
        ("申请表.pdf", "application", "2026-11-10"), ("病历.png", "medical_record", "2026-11-12")]
    missing = [c.doc_type for c in services.case_file.checklist(cw, claim_id) if not c.present]
    assert missing == ["id_copy", "labour_contract"]
    with pytest.raises(ValidationFailed) as info:
        services.case_file.add_document(cw, claim_id, {"doc_type": "passport", "received_on": "2026-11-29"},
                                        file_name="x.pdf", content=b"x")
    assert {(e.field, e.rule) for e in info.value.errors} == {("doc_type", "field.choice"),
                                                              ("received_on", "field.date_in_future")}
    with db.read() as s:  # synced like every row: the type and date travel with the file
        pushed = s.scalars(select(OutboxEntry.changes).where(OutboxEntry.table_name == "attachments")).all()
    assert all("doc_type" in c and "received_on" in c for c in pushed)


def test_fatal_claim_needs_a_death_certificate(services, cw):
    claim_id = services.claims.create(cw, claim_draft(fatal=True))
    assert "death_certificate" in [c.doc_type for c in services.case_file.checklist(cw, claim_id)]


def test_notes_are_dated_by_user_and_corrected_by_a_new_note(services, cw, sup, db):
    claim_id = services.claims.create(cw, claim_draft())
    first = services.case_file.add_note(cw, claim_id, "电话联系用人单位，补交劳动合同。")
    services.case_file.add_note(sup, claim_id, "更正：应补交工资表。", corrects_id=first)
    notes = services.case_file.notes(cw, claim_id)
    assert [(n.author, n.text, n.corrects_id) for n in notes] == [
        ("Case Worker", "电话联系用人单位，补交劳动合同。", None), ("Super Visor", "更正：应补交工资表。", first)]
    with pytest.raises(ValidationFailed):
        services.case_file.add_note(cw, claim_id, "   ")
    with pytest.raises(DomainError) as info:
        services.case_file.add_note(cw, claim_id, "x", corrects_id="nope")
    assert info.value.key == "note.not_found"
    assert not hasattr(services.case_file, "edit_note")  # there is no way to edit a saved note
    with db.read() as s:
        assert s.get(ClaimNote, first).text == "电话联系用人单位，补交劳动合同。"


def test_history_reads_the_audit_events_of_the_claim_and_its_children(services, cw, sup):
    claim_id = services.claims.create(cw, claim_draft())
    services.claims.accept(sup, claim_id, {"accepted_on": "2026-11-11"})
    services.clocks.start_suspension(sup, claim_id, {"started_on": "2026-11-15", "reason": "法院审理"})
    services.case_file.add_note(cw, claim_id, "中止期间等待判决。")
    history = services.case_file.history(cw, claim_id)
    actions = [(h.action, h.table, h.who) for h in history]
    assert actions[0] == ("claim.create", "claims", "Case Worker")
    assert ("claim.accept", "claims", "Super Visor") in actions
    assert ("claim.suspend_determination", "determination_suspensions", "Super Visor") in actions
    assert actions[-1] == ("claim.add_note", "claim_notes", "Case Worker")
    accept = next(h for h in history if h.action == "claim.accept")
    assert "accepted_on" in accept.fields and "claim_no" not in accept.fields  # what changed, not everything
    assert [h.at for h in history] == sorted(h.at for h in history)


def test_money_picture(services, cw, sup):
    from datetime import date

    from tests.integration.test_assessment_services import appraised_claim, proposal_inputs, with_wages

    claim_id = appraised_claim(services, cw)
    m = services.case_file.money(cw, claim_id)
    assert (m.assessment_status, m.paid_fen, m.due_fen, m.next_due_on) == (None, 0, 0, None)
    with_wages(services, cw, claim_id)
    proposal = services.assessments.propose(cw, claim_id, proposal_inputs(services, cw, claim_id,
                                                                          suspension_months=6))
    assert services.case_file.money(cw, claim_id).assessment_status == "proposed"
    services.assessments.approve(sup, proposal)
    payments = services.assessments.list_payments(cw, claim_id)
    first = next(p for p in payments if p.item_code == "one_time_disability_subsidy")
    services.assessments.record_payment(cw, first.id, "2026-11-28", "BANK-001")
    m = services.case_file.money(cw, claim_id)
    # paid: the one-time disability subsidy 126,000.00; due: the rest of the 26 scheduled payments
    total = sum(int(p.amount * 100) for p in payments)
    assert (m.assessment_status, m.paid_fen, m.payments_paid) == ("approved", 12_600_000, 1)
    assert (m.due_fen, m.payments_due) == (total - 12_600_000, 25)
    assert m.next_due_on == date(2026, 11, 28) and m.overdue_fen == 0
