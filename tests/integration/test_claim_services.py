"""Claim intake and lifecycle through the services: validation, permissions, audit and outbox."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from injury_desk.domain.errors import DomainError, ValidationFailed
from injury_desk.store.models import AuditEvent, Claim, OutboxEntry, Person
from tests.conftest import claim_draft, employer_data, rules


def test_create_claim_writes_rows_audit_and_outbox(services, cw, db):
    claim_id = services.claims.create(cw, claim_draft())
    detail = services.claims.get(cw, claim_id)
    assert detail.claim_no.startswith("GZ01-2026-")
    assert detail.status == "application_received"
    assert detail.worker.name == "张伟" and detail.worker.sex == "F"
    with db.read() as s:
        tables = sorted(s.scalars(select(OutboxEntry.table_name)).all())
        assert tables == ["claims", "employers", "people"]
        outbox_claim = s.scalar(select(OutboxEntry).where(OutboxEntry.table_name == "claims"))
        assert outbox_claim.op == "insert" and outbox_claim.base_version == 0
        assert outbox_claim.changes["claim_no"] == [None, detail.claim_no]
        assert "next_deadline" not in outbox_claim.changes  # derived, local only
        actions = s.scalars(select(AuditEvent.action)).all()
        assert actions.count("claim.create") == 3


@pytest.mark.parametrize(
    "over, expected",
    [
        ({"worker": {"id_number": "110105194912310021", "name": "张伟"}}, ("worker.id_number", "id_number.check_digit")),
        ({"accident_date": "2026-12-01"}, ("accident_date", "field.date_in_future")),
        ({"worker": {"id_number": "110105199002281234", "name": "王五"}, "accident_date": "1989-05-01",
          "application_received_on": "1989-05-02"}, ("accident_date", "claim.birth_after_accident")),
        ({"employer": None, "employer_id": "no-such-employer"}, ("employer_id", "employer.unknown")),
    ],
)
def test_bad_input_is_refused_and_changes_nothing(services, cw, db, over, expected):
    with pytest.raises(ValidationFailed) as info:
        services.claims.create(cw, claim_draft(**over))
    assert expected in rules(info.value)
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(Claim)) == 0
        assert s.scalar(select(func.count()).select_from(Person)) == 0
        assert s.scalar(select(func.count()).select_from(OutboxEntry)) == 0


def test_duplicate_claim_for_same_worker_and_accident_is_refused(services, cw):
    services.claims.create(cw, claim_draft())
    with pytest.raises(ValidationFailed) as info:
        services.claims.create(cw, claim_draft())
    assert ("accident_date", "claim.duplicate") in rules(info.value)


def test_negative_wage_like_money_input_is_refused(services, cw):
    from injury_desk.services.fields import FieldReader

    r = FieldReader({"amount": "-1.00"})
    assert r.money_fen("amount") is None
    assert r.errors[0].rule == "money.negative"


def test_a_lone_surrogate_in_text_is_refused_naming_the_field_and_nothing_is_saved(services, cw, db):
    from injury_desk.services.fields import FieldReader
    from injury_desk.store.models import Employer

    r = FieldReader({"name": "张\ud800三"})
    assert r.text("name") == ""
    assert [(e.field, e.rule, e.params) for e in r.errors] == [("name", "field.invalid_character",
                                                                {"code": "U+D800"})]
    # The same key and field as an import gets, not an encoding error from the database.
    with pytest.raises(ValidationFailed) as info:
        services.employers.create(cw, employer_data(name="福州\udc80公司"))
    assert rules(info.value) == {("name", "field.invalid_character")}
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(Employer)) == 0


def test_caseworker_cannot_delete_but_supervisor_can(services, cw, sup, db):
    claim_id = services.claims.create(cw, claim_draft())
    with pytest.raises(DomainError) as info:
        services.claims.delete(cw, claim_id)
    assert info.value.key == "permission.denied"
    services.claims.delete(sup, claim_id)
    with db.read() as s:
        claim = s.get(Claim, claim_id)
        assert claim.deleted is True  # tombstone, never removed
        last = s.scalar(select(OutboxEntry).order_by(OutboxEntry.seq.desc()).limit(1))
        assert last.op == "delete" and last.row_id == claim_id


def test_administrator_cannot_create_claims(services, adm):
    with pytest.raises(DomainError) as info:
        services.claims.create(adm, claim_draft())
    assert info.value.key == "permission.denied"


def test_lifecycle_runs_to_appraisal_with_deadlines(services, cw):
    claim_id = services.claims.create(cw, claim_draft(applicant_type=None, application_received_on=None))
    d = services.claims.get(cw, claim_id)
    assert d.status == "reported"
    # Art. 17: the governing deadline is the one-year window; the employer's 30 days run beside it
    assert d.next_deadline.isoformat() == "2027-11-01"
    assert {dl.kind: dl.due.isoformat() for dl in d.deadlines} == {"application_employer": "2026-12-01",
                                                                   "application": "2027-11-01"}
    services.claims.record_application(cw, claim_id, {"applicant_type": "worker", "application_received_on": "2026-11-05"})
    services.claims.accept(cw, claim_id, {"accepted_on": "2026-11-06", "clear_case": True})
    d = services.claims.get(cw, claim_id)
    assert d.status == "determination"
    assert (d.next_deadline.isoformat(), d.next_deadline_kind) == ("2026-11-21", "decision")  # Art. 20: 15 days
    services.claims.decide(cw, claim_id, {"outcome": "recognised", "decided_on": "2026-11-20",
                                          "basis_code": "art14_1"})
    services.claims.request_appraisal(cw, claim_id, {"appraisal_requested_on": "2026-11-21"})
    d = services.claims.get(cw, claim_id)
    assert (d.status, d.next_deadline.isoformat()) == ("appraisal", "2027-01-20")  # Art. 25: 60 days
    services.claims.extend_appraisal(cw, claim_id)
    assert services.claims.get(cw, claim_id).next_deadline.isoformat() == "2027-02-19"  # +30


def test_skipping_a_step_is_refused(services, cw):
    claim_id = services.claims.create(cw, claim_draft())
    with pytest.raises(ValidationFailed) as info:
        services.claims.advance(cw, claim_id, "payment")
    assert ("status", "claim.transition_not_allowed") in rules(info.value)
    assert services.claims.get(cw, claim_id).status == "application_received"


def test_stale_editor_cannot_overwrite(services, cw):
    claim_id = services.claims.create(cw, claim_draft(applicant_type=None, application_received_on=None))
    old_token = services.claims.get(cw, claim_id).token
    services.claims.record_application(cw, claim_id, {"applicant_type": "worker", "application_received_on": "2026-11-05"})
    with pytest.raises(DomainError) as info:
        services.claims.accept(cw, claim_id, {"accepted_on": "2026-11-06"}, token=old_token)
    assert info.value.key == "record.changed_since_loaded"
