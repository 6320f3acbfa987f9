"""The claims list read model (migration 0002) filled in one statement after a bulk write of claims (an import, a
pull), instead of row by row by its insert trigger, inside the bulk write's own transaction."""

from __future__ import annotations

from collections.abc import Iterable

from injury_desk.store.cipher import sqlite
from injury_desk.store.triggers import suspend_triggers

INSERT_TRIGGER = "claims_list_ai"  # claims -> claim_list, row by row (the full-text trigger stays)


def suspend_claim_list(raw: sqlite.Connection) -> str | None:
    """Suspends the claims-list insert trigger (store/triggers.py) and returns its SQL for fill_claim_list."""
    found = suspend_triggers(raw, (INSERT_TRIGGER,))
    return found[0] if found else None


def add_missing_list_rows(raw: sqlite.Connection, ids_table: str | None) -> int:
    """The list rows of the claims named in ``ids_table`` (a table with an ``id`` column; None: every claim) that
    have none yet, exactly as the insert trigger makes them but with each claim's values as they are now (the
    full-text index follows by its own trigger). A claim whose worker or employer is not there yet gets none.
    Returns how many rows were added."""
    source = "claims c" if ids_table is None else f"{ids_table} i JOIN claims c ON c.id = i.id"
    return raw.execute(
        "INSERT INTO claim_list(claim_id, office_id, claim_no, worker_name, id_number, employer_name,"
        " accident_date, status, next_deadline, assigned_to, deleted)"
        " SELECT c.id, c.office_id, c.claim_no, p.name, p.id_number, e.name, c.accident_date, c.status,"
        " c.next_deadline, c.assigned_to, c.deleted"
        f" FROM {source}"
        " JOIN people p ON p.id = c.worker_id JOIN employers e ON e.id = c.employer_id"
        " WHERE NOT EXISTS (SELECT 1 FROM claim_list l WHERE l.claim_id = c.id)"
        " ORDER BY c.accident_date").rowcount


def fill_claim_list(raw: sqlite.Connection, ids_table: str, trigger_sql: str | None) -> int:
    """add_missing_list_rows for the claims in ``ids_table``, then the insert trigger is put back. Returns how
    many rows were added."""
    if trigger_sql is None:
        return 0
    added = add_missing_list_rows(raw, ids_table)
    raw.execute(trigger_sql)
    return added


class ListFill:
    """The claims a write transaction inserts in bulk (a pull's parts) get their list rows in one statement just
    before it commits: the insert trigger is suspended at the first claims written, put back by finish()."""

    def __init__(self) -> None:
        self._suspended = False
        self._trigger_sql: str | None = None
        self._ids: list[str] = []

    def claims_written(self, raw: sqlite.Connection, ids: Iterable[str]) -> None:
        if not self._suspended:
            self._trigger_sql = suspend_claim_list(raw)
            self._suspended = True
        self._ids.extend(ids)

    def finish(self, raw: sqlite.Connection) -> int:
        if not self._suspended:
            return 0
        raw.execute("CREATE TEMP TABLE IF NOT EXISTS written_claims (id TEXT PRIMARY KEY)")
        raw.executemany("INSERT OR IGNORE INTO written_claims(id) VALUES (?)", ((i,) for i in self._ids))
        try:
            return fill_claim_list(raw, "temp.written_claims", self._trigger_sql)
        finally:
            raw.execute("DELETE FROM temp.written_claims")
            self._suspended, self._trigger_sql, self._ids = False, None, []
