"""Writes to one office under its lock: row versions from the office sequence, the feed, the audit chain."""

from __future__ import annotations

import hashlib
import json
import re
from datetime import date, datetime, timezone
from functools import cache
from typing import Any

from sqlalchemy import Connection, Date, LargeBinary, Table, bindparam, case, insert, select, update
from sqlalchemy.dialects import sqlite

from injury_desk.central.office_state import after_writes, computed, stored_versions
from injury_desk.central.tables import central_audit, feed, office_counters, page_columns, synced_tables
from injury_desk.store.base import UTCDateTime
from injury_desk.store.jsonvalues import to_jsonable, utc_text
from injury_desk.store.rowcodec import synced_table, to_python

GENESIS_HASH = "0" * 64
BATCH_ACTION = "sync.batch"  # the audit event of one pushed batch
_TYPE_ARGS = re.compile(r"\(.*\)")  # VARCHAR(36) -> VARCHAR


def audit_hash(prev_hash: str, payload: dict[str, Any]) -> str:
    body = json.dumps(payload, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256((prev_hash + body).encode("utf-8")).hexdigest()


def audit_payload(ev: dict[str, Any]) -> dict[str, Any]:
    """What an event's hash covers. A batch event (c0019) adds the device sequences it spans and its entries, one
    per mutation in order; events without entries hash exactly as they did before, so older chains still verify."""
    payload = {k: ev[k] for k in ("office_id", "seq", "user_id", "device_id", "mutation_id", "action",
                                  "table_name", "row_id", "before", "after")} | {"at": ev["at"].isoformat()}
    if ev.get("entries") is not None:
        payload |= {"first_seq": ev["first_seq"], "last_seq": ev["last_seq"], "entries": ev["entries"]}
    return payload


def insert_many(conn: Connection, table: Table, rows: list[dict[str, Any]], *, on_conflict: str = "") -> None:
    """INSERT of many rows. On PostgreSQL (rows with the same keys) it is one statement: each column travels
    as one array and unnest() turns the arrays back into the rows, bound exactly as an executemany would
    bind them (the columns' own bind processing), in binary, in one round trip instead of one per row."""
    if not rows:
        return
    if conn.dialect.name != "postgresql" or not _same_keys(rows):
        conn.execute(insert(table), rows)
        return
    names = list(rows[0])
    dialect = conn.dialect
    prep = dialect.identifier_preparer
    arrays = []
    casts = []
    for name in names:
        column = table.c[name]
        values = [r[name] for r in rows]
        process = column.type._cached_bind_processor(dialect)
        if process is not None:
            values = [process(v) for v in values]
        arrays.append(values)
        # The arrays' element type without a length: a value too long then fails on insert, exactly as in an
        # executemany (an explicit cast to VARCHAR(n) would silently cut it).
        casts.append(f"%b::{_TYPE_ARGS.sub('', column.type.compile(dialect=dialect))}[]")
    conn.exec_driver_sql(f"INSERT INTO {prep.format_table(table)} ({', '.join(prep.quote(n) for n in names)}) "
                         f"SELECT * FROM unnest({', '.join(casts)}){on_conflict}", tuple(arrays))


def _same_keys(rows: list[dict[str, Any]]) -> bool:
    keys = rows[0].keys()
    return all(r.keys() == keys for r in rows)


def write_feed(conn: Connection, rows: list[dict[str, Any]]) -> None:
    """Inserts or moves feed entries. An entry that changes writer keeps the version the previous writer wrote as
    ``others_version`` (the highest version by a writer other than the new one); the same writer keeps it as it
    was. Only the existing row's values are read there, as both databases' upserts define."""
    if not rows:
        return
    f = feed.c
    if conn.dialect.name == "postgresql":
        insert_many(conn, feed, rows, on_conflict=(
            " ON CONFLICT (table_name, row_id) DO UPDATE SET office_id = EXCLUDED.office_id, seq = EXCLUDED.seq,"
            " payload = EXCLUDED.payload, device_id = EXCLUDED.device_id, others_version = CASE WHEN"
            " feed.device_id IS NOT DISTINCT FROM EXCLUDED.device_id THEN feed.others_version ELSE feed.seq END"))
        return
    stmt = sqlite.insert(feed)
    stmt = stmt.on_conflict_do_update(index_elements=["table_name", "row_id"], set_={
        "office_id": stmt.excluded.office_id, "seq": stmt.excluded.seq, "payload": stmt.excluded.payload,
        "device_id": stmt.excluded.device_id,
        "others_version": case((f.device_id.is_not_distinct_from(stmt.excluded.device_id), f.others_version),
                               else_=f.seq)})
    conn.execute(stmt, rows)


class OfficeLog:
    """Holds the office lock for one transaction and hands out versions in commit order."""

    def __init__(self, conn: Connection, office_id: str, *, create: bool = False, device_id: str | None = None) -> None:
        self.conn = conn
        self.office_id = office_id
        self.device_id = device_id  # the pushing device, recorded in the feed entries of the rows it writes
        q = select(office_counters).where(office_counters.c.office_id == office_id)
        if conn.dialect.name == "postgresql":
            # The row lock is the per-office lock: a second writer waits here until this one commits,
            # so sequence order is commit order and a puller never skips a late commit.
            q = q.with_for_update()
        row = conn.execute(q).mappings().first()
        if row is None:
            if not create:
                raise LookupError(office_id)
            conn.execute(insert(office_counters).values(office_id=office_id, last_seq=0, audit_seq=0,
                                                        audit_hash=GENESIS_HASH, state_acc=f"{0:032x}", state_rows=0))
            row = {"last_seq": 0, "audit_seq": 0, "audit_hash": GENESIS_HASH, "state_acc": f"{0:032x}",
                   "state_rows": 0}
        self.last_seq = row["last_seq"]
        self.audit_seq = row["audit_seq"]
        self.audit_hash = row["audit_hash"]
        # The office's state hash as of this transaction (None in a store from before c0020 until its first write).
        self.state: tuple[int, int] | None = (
            None if row["state_acc"] is None or row["state_rows"] is None
            else (int(row["state_acc"], 16), row["state_rows"]))
        self.start_seq = self.last_seq
        self.rows: dict[str, dict[str, dict[str, Any]]] = {}  # table -> id -> row (JSON values)
        self.new_ids: dict[str, set[str]] = {}
        self.feed: dict[tuple[str, str], tuple[int, str | None]] = {}  # (table, id) -> (sequence, payload)
        self.audit: list[dict[str, Any]] = []

    def next_version(self) -> int:
        self.last_seq += 1
        return self.last_seq

    def stage_row(self, table: str, row: dict[str, Any], *, inserted: bool) -> None:
        self.rows.setdefault(table, {})[row["id"]] = row
        if inserted:
            self.new_ids.setdefault(table, set()).add(row["id"])
        self.feed[(table, row["id"])] = (row["version"], page_payload(table, row))

    def stage_audit(self, *, action: str, table: str, row_id: str, user_id: str | None,
                    device_id: str | None, mutation_id: str | None, before: Any, after: Any,
                    at: datetime | None = None, first_seq: int | None = None, last_seq: int | None = None,
                    entries: list[dict[str, Any]] | None = None) -> None:
        self.audit_seq += 1
        ev = {"office_id": self.office_id, "seq": self.audit_seq, "at": at or datetime.now(timezone.utc),
              "user_id": user_id, "device_id": device_id, "mutation_id": mutation_id, "action": action,
              "table_name": table, "row_id": row_id, "before": before, "after": after,
              "prev_hash": self.audit_hash, "first_seq": first_seq, "last_seq": last_seq, "entries": entries}
        ev["hash"] = audit_hash(self.audit_hash, audit_payload(ev))
        self.audit_hash = ev["hash"]
        self.audit.append(ev)

    def flush(self) -> None:
        """Writes what was staged: rows, feed entries, audit events and the counters."""
        conn = self.conn
        if self.rows and self.state is None:
            self.state = computed(conn, self.office_id)  # before this write, under the office lock
        for table_obj in _in_dependency_order(self.rows):
            staged = self.rows[table_obj.name]
            new_ids = self.new_ids.get(table_obj.name, set())
            before = stored_versions(conn, table_obj.name, (rid for rid in staged if rid not in new_ids))
            assert self.state is not None
            self.state = after_writes(*self.state, self.office_id, table_obj.name, staged.values(), before)
            inserts = [_bind(table_obj, r) for rid, r in staged.items() if rid in new_ids]
            updates = [_bind(table_obj, r) for rid, r in staged.items() if rid not in new_ids]
            if inserts:
                insert_many(conn, table_obj, inserts)
            if updates:
                cols = [c.name for c in table_obj.columns if c.name != "id"]
                stmt = (update(table_obj).where(table_obj.c.id == bindparam("b_id"))
                        .values({c: bindparam(f"b_{c}") for c in cols}))
                conn.execute(stmt, [{f"b_{k}": v for k, v in r.items()} for r in updates])
        if self.feed:
            write_feed(conn, [{"table_name": t, "row_id": r, "office_id": self.office_id, "seq": s, "payload": p,
                               "device_id": self.device_id, "others_version": 0}
                              for (t, r), (s, p) in self.feed.items()])
        if self.audit:
            insert_many(conn, central_audit, self.audit)
        state = {} if self.state is None else {"state_acc": f"{self.state[0]:032x}", "state_rows": self.state[1]}
        conn.execute(update(office_counters).where(office_counters.c.office_id == self.office_id)
                     .values(last_seq=self.last_seq, audit_seq=self.audit_seq, audit_hash=self.audit_hash, **state))
        self.discard()

    def counters(self) -> tuple[int, int, str, tuple[int, int] | None]:
        """The office's sequence, audit chain position and state hash, to go back to if a savepoint is rolled
        back."""
        return self.last_seq, self.audit_seq, self.audit_hash, self.state

    def restore(self, counters: tuple[int, int, str, tuple[int, int] | None]) -> None:
        """Back to ``counters()`` as they were, and nothing staged: the savepoint's work never happened."""
        self.last_seq, self.audit_seq, self.audit_hash, self.state = counters
        self.discard()

    def discard(self) -> None:
        """Forgets what was staged (after writing it, or when its savepoint was rolled back)."""
        self.rows.clear()
        self.new_ids.clear()
        self.feed.clear()
        self.audit.clear()


def _bind(table: Table, row: dict[str, Any]) -> dict[str, Any]:
    return {c.name: to_python(c, row.get(c.name)) for c in table.columns}


def _in_dependency_order(rows: dict[str, Any]) -> list[Table]:
    return [t for t in synced_tables() if t.name in rows]


def page_payload(table: str, row: dict[str, Any]) -> str | None:
    """The row (checked JSON values) as pull pages carry it: a JSON array in page_columns() order, each
    value in the one form the stored value reads back as (a date sent as 20260101 travels as 2026-01-01,
    a timestamp in UTC with microseconds). None for tables with binary columns: their rows (attachments)
    are read and encoded when pulled rather than stored twice."""
    canonical = _canonical_forms(table)
    if canonical is None:
        return None
    values = [row.get(c.name) for c in page_columns(table)]
    for i, form in canonical:
        if values[i] is not None:
            values[i] = form(values[i])
    return json.dumps(values, ensure_ascii=False, default=to_jsonable)


@cache
def _canonical_forms(table: str) -> tuple[tuple[int, Any], ...] | None:
    forms: list[tuple[int, Any]] = []
    for i, c in enumerate(page_columns(table)):
        if isinstance(c.type, LargeBinary):
            return None
        if isinstance(c.type, UTCDateTime):
            forms.append((i, utc_text))
        elif isinstance(c.type, Date):
            forms.append((i, lambda v: date.fromisoformat(v).isoformat()))
    return tuple(forms)


def table_of(name: str) -> Table:
    t = synced_table(name)
    if t is None:
        raise KeyError(name)
    return t
