"""The Sync page's plain reads (store.quick_sync, sqlite3 alone) answer as the sync services do, and as the ORM reads
them: the queue of several tables with its records' names, conflicts, refused changes and the sync settings."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone

import pytest
from sqlalchemy import select

from injury_desk.domain.errors import DomainError
from injury_desk.services.sync_rows import quick_lists, quick_status
from injury_desk.store.models import LocalSetting, OutboxEntry, SyncConflict
from injury_desk.store.quick_sync import (
    INSECURE_KEY,
    LAST_ERROR_KEY,
    LAST_OK_KEY,
    TAG_KEY,
    URL_KEY,
    conflict_views,
    outbox_changes,
    pending_summary,
    record_names,
    rejected_views,
    sync_status,
)
from injury_desk.store.sql_values import utc_time
from tests.conftest import decided_claim, worker_data

REFUSED = {"key": "sync.field_too_long", "params": {"field": "name", "max": 50}}


@pytest.fixture
def varied(db, services, cw):
    """Waiting changes of claims, people, employers, determinations and more; two of them refused (one with a
    reason that is not JSON); open and resolved conflicts with values of every JSON kind; the sync settings."""
    claim_id = decided_claim(services, cw)
    decided_claim(services, cw, "not_recognised", worker=worker_data(id_number="110105198005060125", name="李娜"))
    con = db.raw_connection()
    with con:
        first = "SELECT min(seq) FROM outbox WHERE table_name = ?"
        con.execute(f"UPDATE outbox SET state = 'rejected', reject_reason = ? WHERE seq = ({first})",
                    (json.dumps(REFUSED), "people"))
        con.execute(f"UPDATE outbox SET state = 'rejected', reject_reason = 'not json' WHERE seq = ({first})",
                    ("claims",))
        det = con.execute("SELECT id FROM determinations WHERE claim_id = ?", (claim_id,)).fetchone()[0]
        office = cw.office_id
        for number, (table, row_id, field, base, central, local, state) in enumerate((
                ("claims", claim_id, "diagnosis", "骨折", "右手骨折", None, "open"),
                ("determinations", det, "extra", {"a": [1, 2]}, True, 3.5, "open"),
                ("people", "gone-row", "phone", None, None, "13800000001", "resolved"),
                ("offices", office, "name", 7, [1, "二"], False, "open"))):
            con.execute("INSERT INTO sync_conflicts (id, table_name, row_id, office_id, field, base_value,"
                        " central_value, local_value, central_version, mutation_id, detected_at, state)"
                        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?)",
                        (f"conflict-{number}", table, row_id, office, field,
                         *(None if v is None else json.dumps(v, ensure_ascii=False) for v in (base, central, local)),
                         f"mutation-{number}", f"2026-11-2{number} 10:0{number}:00.00012{number}", state))
        for key, value in ((URL_KEY, "https://sync.example.org"), (TAG_KEY, "GZ01-D7"), (INSECURE_KEY, "1"),
                           (LAST_OK_KEY, "2026-11-27T08:00:00+00:00"), (LAST_ERROR_KEY, json.dumps(REFUSED)),
                           ("sync.cursor", "42")):
            con.execute("INSERT OR REPLACE INTO local_settings (key, value) VALUES (?, ?)", (key, value))
    con.close()
    return claim_id


def test_the_waiting_changes_are_the_services_and_the_orms(varied, db, quick, services, cw):
    pending = quick.read(outbox_changes, "pending", 1000)
    assert pending == services.outbox.list(cw)
    with db.read() as s:  # as the service read them before it shared the plain read
        orm = [(r.seq, r.table_name, r.row_id, r.op, tuple(sorted(r.changes)), r.created_at, r.state)
               for r in s.scalars(select(OutboxEntry).where(OutboxEntry.state == "pending").order_by(OutboxEntry.seq))]
    assert [(p.seq, p.table, p.row_id, p.op, p.fields, p.created_at, p.state) for p in pending] == orm
    assert {"claims", "people", "employers", "determinations"} <= {p.table for p in pending}
    assert all(p.created_at.tzinfo is not None for p in pending)
    assert quick.read(outbox_changes, "pending", 3) == services.outbox.list(cw, limit=3) == pending[:3]
    assert quick.read(outbox_changes, "rejected", 10) == services.outbox.list(cw, state="rejected")
    assert quick.read(pending_summary) == (services.outbox.pending_count(cw), services.outbox.oldest_pending(cw))
    assert quick.read(pending_summary) == (len(pending), min(p.created_at for p in pending))


def test_the_records_are_named_as_the_services_name_them(varied, quick, services, cw):
    queued = quick.read(outbox_changes, "pending", 1000) + quick.read(outbox_changes, "rejected", 1000)
    keys = [(p.table, p.row_id) for p in queued] + [("people", "gone-row"), ("outbox", "1")]
    names = quick.read(record_names, keys)
    assert names == services.outbox.record_names(cw, keys)
    claim_no = next(name for (table, row_id), name in names.items() if (table, row_id) == ("claims", varied))
    assert claim_no.startswith("GZ01-")
    by_table = {}
    for (table, _row), name in names.items():
        by_table.setdefault(table, set()).add(name)
    assert {"张伟", "李娜"} <= by_table["people"]
    assert claim_no in by_table["determinations"]
    assert ("people", "gone-row") not in names and ("outbox", "1") not in names


def test_conflicts_and_refused_changes_are_the_services(varied, db, quick, services, cw):
    conflicts = quick.read(conflict_views)
    assert conflicts == services.sync.conflicts(cw)
    assert quick.read(conflict_views, False) == services.sync.conflicts(cw, open_only=False)
    assert [c.id for c in conflicts] == ["conflict-0", "conflict-1", "conflict-3"]
    with db.read() as s:
        orm = [(c.id, c.base_value, c.central_value, c.local_value, c.detected_at)
               for c in s.scalars(select(SyncConflict).order_by(SyncConflict.detected_at))]
    assert [(c.id, c.base, c.central, c.local, c.detected_at) for c in quick.read(conflict_views, False)] \
        == orm
    assert conflicts[1].base == {"a": [1, 2]} and conflicts[1].central is True and conflicts[1].local == 3.5
    rejected = quick.read(rejected_views)
    assert rejected == services.sync.rejected(cw)
    assert [(r.reason_key, r.reason_params) for r in rejected] == [
        (REFUSED["key"], REFUSED["params"]), ("not json", {})]
    with db.read() as s:
        changes = [e.changes for e in s.scalars(
            select(OutboxEntry).where(OutboxEntry.state == "rejected").order_by(OutboxEntry.seq))]
    assert [r.changes for r in rejected] == changes and changes[0]


def test_the_status_is_the_services(varied, db, quick, services, cw):
    status = quick.read(sync_status)
    assert status == services.sync.status(cw) == quick.read(quick_status, cw)
    assert status.enrolled and status.allow_insecure_http and status.cursor == 42
    assert (status.rejected, status.open_conflicts) == (2, 3)
    with db.read() as s:
        assert s.get(LocalSetting, TAG_KEY).value == status.device_tag == "GZ01-D7"


def test_the_page_lists_are_the_services_lists(varied, quick, services, cw):
    pending, conflicts, rejected, names = quick.read(quick_lists, cw)
    assert pending == services.outbox.list(cw)
    assert conflicts == services.sync.conflicts(cw) and rejected == services.sync.rejected(cw)
    keys = [(row.table, row.row_id) for row in (*pending, *conflicts, *rejected)]
    assert names == services.outbox.record_names(cw, keys)


def test_an_empty_queue_of_a_desktop_never_enrolled(quick, services, cw):
    status = quick.read(sync_status)
    assert status == services.sync.status(cw)
    assert not status.enrolled and status.cursor == 0 and status.last_success == "" and not status.allow_insecure_http
    assert quick.read(conflict_views) == [] == quick.read(rejected_views)


def test_the_quick_reads_keep_the_services_permission_checks(quick, cw, monkeypatch):
    from injury_desk.services import sync_rows

    monkeypatch.setattr(sync_rows, "require", _refuse("sync.run"))
    with pytest.raises(DomainError) as caught:
        quick.read(quick_status, cw)
    assert caught.value.params["permission"] == "sync.run"
    with pytest.raises(DomainError):
        quick.read(quick_lists, cw)
    monkeypatch.setattr(sync_rows, "require", _refuse("claim.view"))
    with pytest.raises(DomainError) as caught:
        quick.read(quick_lists, cw)
    assert caught.value.params["permission"] == "claim.view"


def _refuse(permission: str):
    def require(actor, wanted: str) -> None:
        if wanted == permission:
            raise DomainError("permission.denied", permission=wanted, role=actor.role)

    return require


def test_timestamps_read_as_the_orm_reads_them():
    assert utc_time("2026-11-28 09:05:01.000123") == datetime(2026, 11, 28, 9, 5, 1, 123, tzinfo=timezone.utc)
    assert utc_time("2026-11-28 09:05:01") == datetime(2026, 11, 28, 9, 5, 1, tzinfo=timezone.utc)
    aware = utc_time("2026-11-28T17:05:01+08:00")
    assert aware == datetime(2026, 11, 28, 9, 5, 1, tzinfo=timezone.utc) and aware.utcoffset() == timedelta(hours=8)
    assert utc_time(None) is None


@pytest.mark.parametrize(("stored", "error", "said"), [
    # A key with parameters: the key, its parameters and the English sentence.
    (json.dumps(REFUSED), ("sync.field_too_long", {"field": "name", "max": 50}),
     'sync.field_too_long {"field": "name", "max": 50}: '),
    # No last error at all: nothing to read, nothing said.
    ("", None, ""),
    # Text stored in no key's shape (an older build, a hand edit) is shown as it is, never half-read.
    ("connection reset", None, "connection reset"),
    ('{"key": 7}', None, '{"key": 7}'),
    ('{"key": "sync.network", "params": [1]}', None, '{"key": "sync.network", "params": [1]}'),
    ('["sync.network"]', None, '["sync.network"]'),
])
def test_the_last_error_is_read_in_one_place(varied, db, quick, services, cw, stored, error, said):
    from injury_desk.commands.sync import _error_said

    con = db.raw_connection()
    with con:
        con.execute("UPDATE local_settings SET value = ? WHERE key = ?", (stored, LAST_ERROR_KEY))
    con.close()
    status = services.sync.status(cw)
    assert status == quick.read(sync_status)
    assert status.error == error
    assert _error_said(status).startswith(said)
    if error is not None:  # the sentence follows the key, as `sync status` prints it
        assert len(_error_said(status)) > len(said) and not status.credential_gone
