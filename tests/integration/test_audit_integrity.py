"""Audit that cannot be rewritten quietly: rows against their last audit record, a keyed chain, no password
hashes in events, and the explicit keying of a chain from before keys."""

from __future__ import annotations

import hashlib
import json
import uuid

import pytest

from injury_desk.domain.errors import DomainError
from injury_desk.services.integrity import check_database
from injury_desk.store import cipher, db_key, migrate
from injury_desk.store.audit_key import KEYED_SETTING, load_key
from injury_desk.store.capture import AUDIT_HEAD_KEY, GENESIS_HASH
from injury_desk.store.database import open_database
from tests.conftest import claim_draft


def _raw(db):
    """A keyed connection in autocommit, as someone holding the file (and the database key) edits it."""
    return db.raw_connection()


def _problems(db) -> list[str]:
    return check_database(db).problems


def _plain_chain(con, *, with_records: bool = True) -> None:
    """Recomputes every event's hash with plain SHA-256, as someone with the file alone can (the old scheme)."""
    prev = GENESIS_HASH
    cols = "seq, at, user_id, office_id, action, table_name, row_id, before, after" + (", records" if with_records else "")
    for row in con.execute(f"SELECT {cols} FROM audit_events ORDER BY seq").fetchall():
        seq, at, user_id, office_id, action, table, row_id, before, after = row[:9]
        from datetime import datetime, timezone

        when = datetime.fromisoformat(at)
        when = when.replace(tzinfo=timezone.utc) if when.tzinfo is None else when
        payload = {"seq": seq, "at": when.isoformat(), "user_id": user_id, "office_id": office_id, "action": action,
                   "table": table, "row_id": row_id, "before": json.loads(before) if before else None,
                   "after": json.loads(after) if after else None}
        if with_records and row[9]:
            payload["records"] = row[9]
        body = json.dumps(payload, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
        digest = hashlib.sha256((prev + body).encode()).hexdigest()
        con.execute("UPDATE audit_events SET prev_hash = ?, hash = ? WHERE seq = ?", (prev, digest, seq))
        prev = digest
    last = con.execute("SELECT max(seq) FROM audit_events").fetchone()[0]
    con.execute("UPDATE local_settings SET value = ? WHERE key = ?", (f"{last}:{prev}", AUDIT_HEAD_KEY))


def test_a_fresh_database_is_keyed_and_checks_clean(db, services, cw):
    services.claims.create(cw, claim_draft())
    assert check_database(db).ok, check_database(db).problems
    con = _raw(db)
    first = con.execute("SELECT action FROM audit_events ORDER BY seq LIMIT 1").fetchone()[0]
    assert first == "audit.keyed"
    assert con.execute("SELECT value FROM local_settings WHERE key = ?", (KEYED_SETTING,)).fetchone()


def test_a_direct_edit_of_a_claim_is_reported_with_the_column(db, services, cw):
    claim_id = services.claims.create(cw, claim_draft())
    con = _raw(db)
    con.execute("UPDATE claims SET diagnosis = '无伤' WHERE id = ?", (claim_id,))
    problems = _problems(db)
    assert any(p.startswith(f"claims row {claim_id}: differs from its last audit event") and 'diagnosis is now "无伤"' in p
               for p in problems), problems
    con.execute("UPDATE claims SET diagnosis = '右手中指骨折' WHERE id = ?", (claim_id,))
    assert check_database(db).ok  # back to what the audit says


def test_a_direct_edit_of_a_users_role_is_reported(db, cw):
    con = _raw(db)
    con.execute("UPDATE users SET role = 'administrator' WHERE id = ?", (cw.user_id,))
    problems = _problems(db)
    assert any(f"users row {cw.user_id}" in p and 'role is now "administrator"' in p for p in problems), problems


def test_a_direct_edit_of_a_password_hash_is_reported_without_the_hash(db, cw):
    con = _raw(db)
    con.execute("UPDATE users SET password_hash = '$argon2id$v=19$m=1,t=1,p=1$forged' WHERE id = ?", (cw.user_id,))
    problems = _problems(db)
    assert any(f"users row {cw.user_id}" in p and "password_hash (secret value changed)" in p for p in problems)
    assert not any("forged" in p for p in problems)


def test_a_direct_edit_of_an_outbox_entry_is_reported(db, services, cw):
    services.claims.create(cw, claim_draft())
    con = _raw(db)
    seq = con.execute("SELECT max(seq) FROM outbox").fetchone()[0]
    con.execute("UPDATE outbox SET changes = json_set(changes, '$.diagnosis[1]', 'none') WHERE seq = ?", (seq,))
    problems = _problems(db)
    assert any(p.startswith(f"outbox row {seq}: differs") and "changes is now" in p for p in problems), problems


def test_an_unsent_outbox_entry_deleted_is_reported(db, services, cw):
    services.claims.create(cw, claim_draft())
    con = _raw(db)
    seq = con.execute("SELECT max(seq) FROM outbox").fetchone()[0]
    con.execute("DELETE FROM outbox WHERE seq = ?", (seq,))
    assert any(p.startswith(f"outbox row {seq}: was removed outside the application") for p in _problems(db))


def test_rows_added_or_removed_by_sql_are_reported(db, services, cw):
    claim_id = services.claims.create(cw, claim_draft())
    con = _raw(db)
    con.execute("PRAGMA foreign_keys=OFF")
    con.execute("INSERT INTO employers (id, office_id, version, updated_at, updated_by, deleted, name, credit_code,"
                " industry, risk_class, headcount, address, contact_name, contact_phone) SELECT 'e-forged', office_id,"
                " 0, updated_at, updated_by, 0, 'forged', '91350100M000999Y43', '', 1, 0, '', '', '' FROM claims")
    con.execute("DELETE FROM determinations")  # nothing to delete: no audit problem from that
    con.execute("DELETE FROM claims WHERE id = ?", (claim_id,))
    problems = _problems(db)
    assert any(p.startswith("employers row e-forged: has no audit record") for p in problems), problems
    assert any(p.startswith(f"claims row {claim_id}: was removed outside the application") for p in problems)


def test_a_chain_recomputed_with_plain_hashes_is_reported(db, services, cw):
    claim_id = services.claims.create(cw, claim_draft())
    con = _raw(db)
    # Someone with the file alone rewrites history: the claim's event and the row say another diagnosis, and
    # every hash after it is recomputed so the chain links up again.
    con.execute("UPDATE audit_events SET after = json_set(after, '$.diagnosis', '无伤')"
                " WHERE row_id = ? AND table_name = 'claims'", (claim_id,))
    _plain_chain(con)
    problems = _problems(db)
    assert any("recomputed without the audit key" in p for p in problems), problems


def test_a_wiped_log_is_reported(db, services, cw):
    claim_id = services.claims.create(cw, claim_draft())
    con = _raw(db)
    con.execute("DELETE FROM audit_events")
    con.execute("DELETE FROM audit_rows")
    con.execute("DELETE FROM local_settings WHERE key IN (?, ?)", (AUDIT_HEAD_KEY, KEYED_SETTING))
    problems = _problems(db)
    assert any("the audit log is empty although this database's audit key exists" in p for p in problems), problems
    assert any(p.startswith(f"claims row {claim_id}: has no audit record") for p in problems)
    # Opening it again for work does not quietly key it anew over whatever the file holds now.
    db.dispose()
    with pytest.raises(DomainError) as exc:
        open_database(db.path.parent)
    assert exc.value.key == "audit.chain_not_keyed"


def test_a_rewound_head_is_reported(db, services, cw):
    services.claims.create(cw, claim_draft())
    con = _raw(db)
    last = con.execute("SELECT max(seq) FROM audit_events").fetchone()[0]
    keep = last - 3
    head_hash = con.execute("SELECT hash FROM audit_events WHERE seq = ?", (keep,)).fetchone()[0]
    con.execute("DELETE FROM audit_events WHERE seq > ?", (keep,))
    con.execute("UPDATE local_settings SET value = ? WHERE key = ?", (f"{keep}:{head_hash}", AUDIT_HEAD_KEY))
    problems = _problems(db)
    assert any(f"event {keep + 1} vouches for 0 row(s)" in p for p in problems), problems


def test_password_hashes_never_reach_audit_events(db, services, cw):
    con = _raw(db)
    events = con.execute("SELECT before, after FROM audit_events WHERE table_name = 'users'").fetchall()
    assert events  # the test office's users were created through capture
    assert all("$argon2" not in (b or "") + (a or "") for b, a in events)
    assert all(json.loads(a)["password_hash"] == "[changed]" for _b, a in events if a and "password_hash" in a)


def test_an_unkeyed_chain_is_keyed_explicitly_on_first_open(db, services, cw):
    claim_id = services.claims.create(cw, claim_draft())
    path = db.path
    db.dispose()
    # The database as the previous version left it: the schema before 0006, a plain SHA-256 chain, no audit key.
    key = db_key.load_key(path)
    migrate.downgrade(path, key, "0005_i17_headcounts")
    con = cipher.connect(path, key)
    con.isolation_level = None
    con.execute("DELETE FROM local_settings WHERE key = ?", (KEYED_SETTING,))
    con.execute("UPDATE audit_events SET action = 'office.bootstrap', after = '{}' WHERE action = 'audit.keyed'")
    # The previous version copied password hashes into events: two such events.
    con.execute("UPDATE audit_events SET after = json_set(after, '$.password_hash', '$argon2id$v=19$old')"
                " WHERE seq IN (SELECT seq FROM audit_events WHERE table_name = 'users' ORDER BY seq LIMIT 2)")
    _plain_chain(con, with_records=False)
    unkeyed = con.execute("SELECT count(*) FROM audit_events").fetchone()[0]
    # A device of its own (copies of the test template share one), with no audit key in the keyring yet.
    device = str(uuid.uuid4())
    con.execute("UPDATE local_settings SET value = ? WHERE key = 'device_id'", (device,))
    con.close()
    assert load_key(device) is None
    reopened = open_database(path.parent)
    try:
        con = _raw(reopened)
        action, after = con.execute("SELECT action, after FROM audit_events ORDER BY seq DESC LIMIT 1").fetchone()
        details = json.loads(after)
        assert action == "audit.rekeyed"
        assert details["unkeyed_events"] == unkeyed and details["unkeyed_chain_problems"] == 0
        assert details["unkeyed_events_with_password_hashes"] == 2  # left as they are, and said so
        assert check_database(reopened).ok, check_database(reopened).problems
        # From here on the chain is keyed: an edit before the keying point breaks the keyed event's link.
        con.execute("UPDATE claims SET diagnosis = '无伤' WHERE id = ?", (claim_id,))
        assert any(p.startswith(f"claims row {claim_id}: differs") for p in _problems(reopened))
    finally:
        reopened.dispose()


def test_check_on_a_wiped_log_reports_without_writing(db, services, cw, tmp_path):
    """The command reads only: a database it would refuse to key is reported (exit 1), not refused."""
    import subprocess
    import sys

    services.claims.create(cw, claim_draft())
    con = _raw(db)
    con.execute("DELETE FROM audit_events")
    con.execute("DELETE FROM local_settings WHERE key IN (?, ?)", (AUDIT_HEAD_KEY, KEYED_SETTING))
    db.dispose()
    before = db.path.read_bytes()
    result = subprocess.run([sys.executable, "-m", "injury_desk", "check", "--data-dir", str(db.path.parent)],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 1, result.stderr
    assert "PROBLEM audit chain: the audit log is empty although this database's audit key exists" in result.stderr
    assert db.path.read_bytes() == before
