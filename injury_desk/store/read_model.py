"""The claims list read model (migration 0002) filled in one statement after a bulk insert of claims, instead of
row by row by its insert trigger, inside the bulk write's own transaction."""

from __future__ import annotations

from injury_desk.store.cipher import sqlite

INSERT_TRIGGER = "claims_list_ai"  # claims -> claim_list, row by row (the full-text trigger stays)


def suspend_claim_list(raw: sqlite.Connection) -> str | None:
    """Drops the claims-list insert trigger inside the caller's open transaction and returns its SQL for
    fill_claim_list. Any rollback (an error, a cancel, a killed process) brings the trigger back with
    everything else, and no other connection ever sees it gone: only the writer holding the write lock does."""
    if not raw.in_transaction:
        raise RuntimeError("suspend_claim_list needs an open write transaction")
    row = raw.execute("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?", (INSERT_TRIGGER,)).fetchone()
    if row is None:
        return None
    raw.execute(f"DROP TRIGGER {INSERT_TRIGGER}")
    return row[0]


def fill_claim_list(raw: sqlite.Connection, ids_table: str, trigger_sql: str | None) -> int:
    """The list rows of the claims named in ``ids_table`` (a table with an ``id`` column) that have none yet,
    exactly as the insert trigger makes them but with each claim's final values (the full-text index follows by
    its own trigger); then the insert trigger is put back. Returns how many rows were added."""
    if trigger_sql is None:
        return 0
    added = raw.execute(
        "INSERT INTO claim_list(claim_id, office_id, claim_no, worker_name, id_number, employer_name,"
        " accident_date, status, next_deadline, assigned_to, deleted)"
        " SELECT c.id, c.office_id, c.claim_no, p.name, p.id_number, e.name, c.accident_date, c.status,"
        " c.next_deadline, c.assigned_to, c.deleted"
        f" FROM {ids_table} i JOIN claims c ON c.id = i.id"
        " JOIN people p ON p.id = c.worker_id JOIN employers e ON e.id = c.employer_id"
        " WHERE NOT EXISTS (SELECT 1 FROM claim_list l WHERE l.claim_id = c.id)"
        " ORDER BY c.accident_date").rowcount
    raw.execute(trigger_sql)
    return added
