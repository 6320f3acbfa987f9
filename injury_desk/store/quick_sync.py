"""Plain sqlite3 reads of the sync state and its queues: the Sync page's quick start and the sync services run these same functions."""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import datetime
from types import MappingProxyType
from typing import Any, NamedTuple

from injury_desk.store.batches import in_batches
from injury_desk.store.sql_values import placeholders, utc_time

# local_settings keys of the sync state (services/sync.py writes them).
URL_KEY = "sync.central_url"
OFFICE_KEY = "sync.office_id"
TAG_KEY = "sync.device_tag"
INSECURE_KEY = "sync.allow_insecure_http"
LAST_OK_KEY = "sync.last_success"
LAST_ERROR_KEY = "sync.last_error"
CURSOR_KEY = "sync.cursor"
# Credentials kept in the keyring under addresses this desktop no longer uses, which the keyring would not remove
# when it enrolled under a new one: JSON {address: the keyring's reason}; each sync that goes through tries again.
OLD_CREDENTIALS_KEY = "sync.old_credentials"
STATUS_KEYS = (URL_KEY, TAG_KEY, LAST_OK_KEY, LAST_ERROR_KEY, CURSOR_KEY, INSECURE_KEY, OLD_CREDENTIALS_KEY)
# Refusals that show an enrolled desktop's credential is gone: the central service no longer knows it (revoked, the
# device switched off) or the keyring lost it. Such a desktop may enrol again with a new code (services/sync.py).
CREDENTIAL_GONE_KEYS = frozenset({"central.device_unknown", "sync.not_enrolled"})


# NamedTuples, not dataclasses: a frozen dataclass is built from source at import (about 1.3 ms each, on the
# Sync page's start-up path), a NamedTuple in a fraction of that.
class PendingChange(NamedTuple):
    seq: int
    table: str
    row_id: str
    op: str
    fields: tuple[str, ...]
    created_at: datetime
    state: str
    reject_reason: str


class SyncStatus(NamedTuple):
    enrolled: bool
    central_url: str
    device_tag: str
    pending: int
    oldest_pending: datetime | None
    rejected: int
    open_conflicts: int
    last_success: str
    last_error: str  # JSON {"key":..., "params":...} or ""
    cursor: int
    allow_insecure_http: bool = False
    # address -> why the keyring kept its credential (OLD_CREDENTIALS_KEY); read-only, as the default is shared
    old_credentials: Mapping[str, str] = MappingProxyType({})

    @property
    def credential_gone(self) -> bool:
        """Enrolled, but the last sync was refused because this desktop's credential is gone: it may enrol again."""
        error = self.error
        return self.enrolled and error is not None and error[0] in CREDENTIAL_GONE_KEYS

    @property
    def error(self) -> tuple[str, dict[str, Any]] | None:
        """The last error's message key and parameters (read_error); None for none or one that is not a key."""
        return read_error(self.last_error)


def read_error(last_error: str) -> tuple[str, dict[str, Any]] | None:
    """The message key and parameters of a stored last error (JSON {"key":..., "params":...}); None for none or an
    unreadable one (whoever shows it shows the text as it is). The one reader of the setting: the Sync page, the
    `sync status` command and the credential check all go through it."""
    if not last_error:
        return None
    try:
        data = json.loads(last_error)
        key, params = data.get("key"), data.get("params") or {}
    except (ValueError, AttributeError):
        return None
    if not isinstance(key, str) or not key or not isinstance(params, dict):
        return None
    return key, params


def error_key(last_error: str) -> str:
    """The message key of a stored last error; "" for none or an unreadable one."""
    error = read_error(last_error)
    return "" if error is None else error[0]


class ConflictView(NamedTuple):
    id: str
    table: str
    row_id: str
    field: str
    base: Any
    central: Any
    local: Any
    detected_at: datetime
    state: str


class RejectedView(NamedTuple):
    seq: int
    table: str
    row_id: str
    op: str
    changes: dict[str, Any]
    reason_key: str
    reason_params: dict[str, Any]
    created_at: datetime


def json_value(value: str | float | None) -> Any:
    """A JSON column as SQLAlchemy's JSON type reads it on SQLite: SQL NULL is None, and a number comes as it is
    (the column's NUMERIC affinity stored the JSON text of a number as that number)."""
    if value is None or isinstance(value, (int, float)):
        return value
    return json.loads(value)


def pending_summary(con) -> tuple[int, datetime | None]:
    """How many changes wait to be sent, and when the oldest of them was made."""
    count, oldest = con.execute("SELECT count(*), min(created_at) FROM outbox WHERE state = 'pending'").fetchone()
    return count, utc_time(oldest)


def sync_status(con) -> SyncStatus:
    """The queue's counts and the sync settings, as the Sync page and the status bar show them."""
    pending, oldest = pending_summary(con)
    rejected = con.execute("SELECT count(*) FROM outbox WHERE state = 'rejected'").fetchone()[0]
    conflicts = con.execute("SELECT count(*) FROM sync_conflicts WHERE state = 'open'").fetchone()[0]
    marks = placeholders(STATUS_KEYS)
    settings = dict(con.execute(f"SELECT key, value FROM local_settings WHERE key IN ({marks})", STATUS_KEYS))
    return SyncStatus(enrolled=bool(settings.get(URL_KEY)), central_url=settings.get(URL_KEY, ""),
                      device_tag=settings.get(TAG_KEY, ""), pending=pending, oldest_pending=oldest,
                      rejected=rejected, open_conflicts=conflicts, last_success=settings.get(LAST_OK_KEY, ""),
                      last_error=settings.get(LAST_ERROR_KEY, ""), cursor=int(settings.get(CURSOR_KEY, 0)),
                      allow_insecure_http=settings.get(INSECURE_KEY) == "1",
                      old_credentials=old_credentials(settings.get(OLD_CREDENTIALS_KEY, "")))


def old_credentials(raw: str) -> dict[str, str]:
    """OLD_CREDENTIALS_KEY's value read back ({} for none or an unreadable one)."""
    try:
        found = json.loads(raw) if raw else {}
    except ValueError:
        return {}
    return {str(k): str(v) for k, v in found.items()} if isinstance(found, dict) else {}


def outbox_changes(con, state: str, limit: int) -> list[PendingChange]:
    """The queued changes in ``state`` ("pending" or "rejected") in queue order, each with the fields it sets."""
    # The names of the fields come from SQLite's JSON functions, not from parsing each change in Python: a
    # thousand changes are read in a third of the time, and mostly outside the GIL (the Sync page reads them
    # while the window opens).
    rows = con.execute("SELECT seq, table_name, row_id, op,"
                       " (SELECT group_concat(key, char(31)) FROM json_each(changes)),"
                       " created_at, state, reject_reason FROM outbox WHERE state = ? ORDER BY seq LIMIT ?",
                       (state, limit))
    return [PendingChange(seq, table, row_id, op, tuple(sorted(fields.split("\x1f"))) if fields else (),
                          utc_time(created), st, reason)
            for seq, table, row_id, op, fields, created, st, reason in rows]


def conflict_views(con, open_only: bool = True) -> list[ConflictView]:
    """The fields the central store kept against this desktop's edit, oldest first."""
    where = " WHERE state = 'open'" if open_only else ""
    rows = con.execute("SELECT id, table_name, row_id, field, base_value, central_value, local_value, detected_at,"
                       f" state FROM sync_conflicts{where} ORDER BY detected_at, id")
    return [ConflictView(cid, table, row_id, field, json_value(base), json_value(central), json_value(local),
                         utc_time(detected), state)
            for cid, table, row_id, field, base, central, local, detected, state in rows]


def rejected_views(con) -> list[RejectedView]:
    """The changes the central service refused, in queue order, with its reason."""
    out = []
    for seq, table, row_id, op, changes, reason_text, created in con.execute(
            "SELECT seq, table_name, row_id, op, changes, reject_reason, created_at FROM outbox"
            " WHERE state = 'rejected' ORDER BY seq"):
        try:
            reason = json.loads(reason_text or "{}")
        except ValueError:
            reason = {"key": reason_text}
        out.append(RejectedView(seq, table, row_id, op, dict(json_value(changes)), reason.get("key") or "",
                                reason.get("params") or {}, utc_time(created)))
    return out


def record_names(con, keys: list[tuple[str, str]]) -> dict[tuple[str, str], str]:
    """What a caseworker calls each (table, row id): the claim number for a claim and anything of a claim (a
    payment, a determination, a rehabilitation session), a person's or employer's name. A row that is gone,
    or of a table without such a name, is left out (the lists show its kind alone). One query per table and
    batch of ids, not per row: the Sync page names up to a thousand waiting changes as it opens."""
    by_table: dict[str, list[str]] = {}
    for table, row_id in dict.fromkeys(keys):
        if table in NAME_QUERIES:
            by_table.setdefault(table, []).append(row_id)
    names: dict[tuple[str, str], str] = {}
    for table, ids in by_table.items():
        for batch in in_batches(ids):
            for row_id, name in con.execute(NAME_QUERIES[table].format(ids=placeholders(batch)), tuple(batch)):
                if name:
                    names[(table, str(row_id))] = str(name)
    return names


# Per table, from its rows to their names; fixed SQL over our own schema, the ids are parameters.
_CASE_CLAIM = "JOIN rehab_cases k ON k.id = p.case_id JOIN claims c ON c.id = k.claim_id"
NAME_QUERIES = {
    "claims": "SELECT id, claim_no FROM claims WHERE id IN ({ids})",
    "people": "SELECT id, name FROM people WHERE id IN ({ids})",
    "employers": "SELECT id, name FROM employers WHERE id IN ({ids})",
    **{table: f"SELECT t.id, c.claim_no FROM {table} t JOIN claims c ON c.id = t.claim_id WHERE t.id IN ({{ids}})"
       for table in ("determinations", "appraisals", "wage_records", "assessments", "payments", "rehab_cases")},
    "rehab_plans": f"SELECT p.id, c.claim_no FROM rehab_plans p {_CASE_CLAIM} WHERE p.id IN ({{ids}})",
    "rehab_sessions": "SELECT x.id, c.claim_no FROM rehab_sessions x JOIN rehab_plans p ON p.id = x.plan_id"
                      f" {_CASE_CLAIM} WHERE x.id IN ({{ids}})",
    "rehab_goals": "SELECT g.id, c.claim_no FROM rehab_goals g JOIN rehab_plans p ON p.id = g.plan_id"
                   f" {_CASE_CLAIM} WHERE g.id IN ({{ids}})",
    "rehab_measurements": "SELECT m.id, c.claim_no FROM rehab_measurements m JOIN rehab_goals g ON g.id = m.goal_id"
                          f" JOIN rehab_plans p ON p.id = g.plan_id {_CASE_CLAIM} WHERE m.id IN ({{ids}})",
    "inspections": "SELECT i.id, e.name FROM inspections i JOIN employers e ON e.id = i.employer_id"
                   " WHERE i.id IN ({ids})",
    "incidents": "SELECT i.id, e.name FROM incidents i JOIN employers e ON e.id = i.employer_id WHERE i.id IN ({ids})",
    "training_sessions": "SELECT id, topic FROM training_sessions WHERE id IN ({ids})",
    "attachments": "SELECT id, file_name FROM attachments WHERE id IN ({ids})",
    "users": "SELECT id, display_name FROM users WHERE id IN ({ids})",
    "offices": "SELECT id, name FROM offices WHERE id IN ({ids})",
}
