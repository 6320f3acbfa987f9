"""The local database: migrations, backups, refusing damaged or foreign files, capture and the audit chain."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from injury_desk.domain.errors import DomainError
from injury_desk.services.integrity import check_database
from injury_desk.store import cipher, db_key, migrate
from injury_desk.store.capture import HardDeleteRefused, WriteWithoutActor
from injury_desk.store.database import DB_FILENAME, open_database
from injury_desk.store.models import AuditEvent, Claim, Employer, OutboxEntry
from tests.conftest import claim_draft


def test_upgrade_from_empty_creates_every_table_and_the_read_model(tmp_path):
    db = open_database(tmp_path)
    con = db.raw_connection()
    tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type IN ('table')")}
    assert {"claims", "people", "employers", "audit_events", "outbox", "claim_list", "claim_list_fts"} <= tables
    assert con.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert migrate.current_revision(db.path, db_key.load_key(db.path)) == migrate.head_revision()
    con.close()
    db.dispose()


def test_upgrade_from_previous_revision_keeps_data_and_takes_a_backup(tmp_path, ctx, services, cw):
    services.claims.create(cw, claim_draft())
    path = ctx.db.path
    ctx.db.dispose()
    key = db_key.load_key(path)
    migrate.downgrade(path, key, "0001")  # the read model is dropped; the claim stays
    assert migrate.current_revision(path, key) == "0001"
    db = open_database(path.parent)
    assert migrate.current_revision(path, key) == migrate.HEAD_REVISION
    backups = list((path.parent / "backups").glob("*before-migration*"))
    assert len(backups) == 1
    con = db.raw_connection()
    assert con.execute("SELECT worker_name FROM claim_list").fetchall() == [("张伟",)]  # rebuilt from claims
    con.close()
    backup = cipher.connect(backups[0], key)  # the backup is encrypted with the database's key
    assert backup.execute("SELECT count(*) FROM claims").fetchone()[0] == 1
    backup.close()
    db.dispose()


def test_a_file_that_is_not_a_database_is_refused_and_left_untouched(tmp_path):
    path = tmp_path / DB_FILENAME
    path.write_bytes(b"these are my notes, not a database\n" * 10)
    before = path.read_bytes()
    with pytest.raises(DomainError) as info:
        open_database(tmp_path)
    assert info.value.key == "store.not_a_database"
    assert path.read_bytes() == before


def test_a_damaged_database_is_refused_and_left_untouched(tmp_path):
    db = open_database(tmp_path)
    db.dispose()
    data = bytearray(db.path.read_bytes())
    data[4096 * 2 : 4096 * 2 + 400] = b"\xff" * 400  # scribble over a b-tree page
    db.path.write_bytes(bytes(data))
    with pytest.raises(DomainError) as info:
        open_database(tmp_path)
    assert info.value.key == "store.damaged"
    assert db.path.read_bytes() == bytes(data)


def test_a_database_of_another_program_is_refused(tmp_path):
    con = cipher.connect(tmp_path / DB_FILENAME, None)  # a plain SQLite file of some other program
    con.execute("CREATE TABLE songs (title TEXT)")
    con.commit()
    con.close()
    with pytest.raises(DomainError) as info:
        open_database(tmp_path)
    assert info.value.key == "store.foreign_database"


def test_writes_without_an_actor_or_hard_deletes_are_refused(db, services, cw):
    claim_id = services.claims.create(cw, claim_draft())
    with pytest.raises(WriteWithoutActor):
        with db.write(None, "sneaky") as s:
            s.get(Claim, claim_id).diagnosis = "changed behind the services' back"
    with pytest.raises(HardDeleteRefused):
        with db.write(None, "sneaky") as s:
            s.delete(s.get(Claim, claim_id))
    assert services.claims.get(cw, claim_id).diagnosis == "右手中指骨折"


def test_an_update_captures_only_changed_fields_with_before_and_after(db, services, cw):
    from tests.conftest import employer_data

    emp_id = services.employers.create(cw, employer_data(credit_code="91350100M000100Y43"))
    view = services.employers.get(cw, emp_id)
    services.employers.update(cw, emp_id, employer_data(headcount=150), token=view.token)
    with db.read() as s:
        last = s.scalar(select(OutboxEntry).order_by(OutboxEntry.seq.desc()).limit(1))
        assert (last.op, last.changes) == ("update", {"headcount": [120, 150]})
        event = s.scalar(select(AuditEvent).order_by(AuditEvent.seq.desc()).limit(1))
        assert (event.action, event.before, event.after) == ("employer.update", {"headcount": 120}, {"headcount": 150})
        assert event.user_id == cw.user_id


def test_check_passes_then_reports_an_edited_and_a_deleted_audit_event(db, services, cw):
    services.claims.create(cw, claim_draft())
    report = check_database(db)
    assert report.ok, report.problems
    con = db.raw_connection()
    original = con.execute("SELECT after FROM audit_events WHERE seq = 2").fetchone()[0]
    with con:
        con.execute("UPDATE audit_events SET after = json_set(after, '$.name', '李四') WHERE seq = 2")
    report = check_database(db)
    assert any("event 2 was changed" in p for p in report.problems)
    with con:
        con.execute("UPDATE audit_events SET after = ? WHERE seq = 2", (original,))
    assert check_database(db).ok  # restoring the original content restores the chain
    last = con.execute("SELECT max(seq) FROM audit_events").fetchone()[0]
    with con:
        con.execute("DELETE FROM audit_events WHERE seq = 3")
    report = check_database(db)
    assert any("events 3..3 are missing" in p for p in report.problems)
    with con:
        con.execute("DELETE FROM audit_events WHERE seq = ?", (last,))
    report = check_database(db)
    assert any("the last event should be" in p for p in report.problems)
    con.close()


def test_every_service_write_path_captures_outbox_and_audit(db, services, cw, sup):
    claim_id = services.claims.create(cw, claim_draft(applicant_type=None, application_received_on=None))
    steps = [
        lambda: services.claims.record_application(cw, claim_id, {"applicant_type": "worker",
                                                                  "application_received_on": "2026-11-05"}),
        lambda: services.claims.accept(cw, claim_id, {"accepted_on": "2026-11-06"}),
        lambda: services.claims.decide(cw, claim_id, {"outcome": "recognised", "decided_on": "2026-11-20",
                                                      "basis_code": "art14_1"}),
        lambda: services.claims.request_appraisal(cw, claim_id, {"appraisal_requested_on": "2026-11-21"}),
        lambda: services.claims.extend_appraisal(cw, claim_id),
        lambda: services.claims.record_appraisal(cw, claim_id, {"appraised_on": "2026-11-27", "disability_grade": 9}),
        lambda: services.claims.delete(sup, claim_id),
    ]
    for step in steps:
        with db.read() as s:
            outbox_before = s.scalar(select(func.count()).select_from(OutboxEntry))
            audit_before = s.scalar(select(func.count()).select_from(AuditEvent))
        step()
        with db.read() as s:
            assert s.scalar(select(func.count()).select_from(OutboxEntry)) > outbox_before
            assert s.scalar(select(func.count()).select_from(AuditEvent)) > audit_before
    assert check_database(db).ok


def test_employer_rows_of_the_office_are_tagged_with_it(db, services, cw):
    services.claims.create(cw, claim_draft())
    with db.read() as s:
        assert s.scalars(select(Employer.office_id)).all() == [cw.office_id]


def test_the_head_revision_constant_matches_the_migration_scripts():
    assert migrate.HEAD_REVISION == migrate.head_revision()
