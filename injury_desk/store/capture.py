"""One session event that writes the outbox entry, the keyed hash-chained audit event and the audit record of
every change (store/audit_records.py holds what a record is)."""

from __future__ import annotations

import hashlib
import hmac
import json
import uuid
from collections.abc import Iterable
from datetime import datetime, timezone
from functools import cache, lru_cache
from types import SimpleNamespace
from typing import Any

from sqlalchemy import JSON, Boolean, Date, event, func, inspect, select
from sqlalchemy.orm import Session, sessionmaker

from injury_desk.store.audit_records import (OUTBOX, SYNC_COLUMNS, contents_as_bound, make_record, record_contents,
                                             record_rows, stored_rows, write_records)
from injury_desk.store.base import Synced, UTCDateTime, utcnow
from injury_desk.store.jsonvalues import to_jsonable
from injury_desk.store.models import AuditEvent, LocalSetting, OutboxEntry
from injury_desk.protocol.version import SCHEMA_VERSION

GENESIS_HASH = "0" * 64
AUDIT_HEAD_KEY = "audit_head"
OUTBOX_SEQ_KEY = "outbox_seq"
# Columns whose values never go into an audit event: the event says that they changed, not to what.
SECRET_COLUMNS = {"users": frozenset({"password_hash"})}
SECRET_MARK = "[changed]"
PENDING_KEY = "audit_pending"  # session.info: (event seq, table, row id) recorded once the flush wrote the rows


class WriteWithoutActor(RuntimeError):
    """A synced row was changed outside a service unit of work (no acting user on the session)."""


class HardDeleteRefused(RuntimeError):
    """Synced rows are tombstoned (deleted=True), never removed."""


# json.dumps(payload, sort_keys=True, ensure_ascii=False, separators=(",", ":")), made once instead of per event
_HASHED_JSON = json.JSONEncoder(sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def audit_hash(prev_hash: str, payload: dict[str, Any], key: bytes | None = None) -> str:
    """HMAC-SHA256 with the audit key; plain SHA-256 (``key`` None) only for events from before keying."""
    body = (prev_hash + _HASHED_JSON.encode(payload)).encode()
    if key is None:
        return hashlib.sha256(body).hexdigest()
    return hmac.new(key, body, hashlib.sha256).hexdigest()


def audit_payload(ev: AuditEvent) -> dict[str, Any]:
    return {
        "seq": ev.seq,
        "at": ev.at.isoformat(),
        "user_id": ev.user_id,
        "office_id": ev.office_id,
        "action": ev.action,
        "table": ev.table_name,
        "row_id": ev.row_id,
        "before": ev.before,
        "after": ev.after,
    } | ({"records": ev.records} if ev.records else {})


def audit_payload_row(row) -> dict[str, Any]:
    """The payload of an event read raw: (seq, at, user_id, office_id, action, table_name, row_id, before, after,
    records, ...) as sqlite3 returns them."""
    seq, at, user_id, office_id, action, table, row_id, before, after, records = row[:10]
    when = datetime.fromisoformat(at)
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    return {
        "seq": seq, "at": when.isoformat(), "user_id": user_id, "office_id": office_id, "action": action,
        "table": table, "row_id": row_id,
        "before": json.loads(before) if before is not None else None,
        "after": json.loads(after) if after is not None else None,
    } | ({"records": records} if records else {})


def audit_view(table: str, values: dict[str, Any]) -> dict[str, Any]:
    """Values as an audit event may hold them: a secret column only says that it was set or changed."""
    secret = SECRET_COLUMNS.get(table)
    if not secret or not values:
        return values
    return {k: (SECRET_MARK if k in secret and v is not None else v) for k, v in values.items()}


def _outbox_view(table: str, values: dict[str, Any]) -> dict[str, Any]:
    """An outbox entry's columns for an audit event: its changes without secret values."""
    if isinstance(values.get("changes"), dict):
        return {**values, "changes": audit_view(table, values["changes"])}
    return values


def _audit_key(session: Session) -> bytes:
    loader = session.info.get("audit_key")
    if loader is None:
        raise WriteWithoutActor("no audit key on this session (open the database with open_database)")
    return loader()


def _captured_columns(obj: Synced) -> list[str]:
    mapper = inspect(type(obj))
    local = type(obj).__local_columns__
    return [c.key for c in mapper.column_attrs if c.key not in SYNC_COLUMNS and c.key not in local]


def _diff(obj: Synced, columns: list[str]) -> tuple[dict[str, Any], dict[str, Any]]:
    state = inspect(obj)
    before: dict[str, Any] = {}
    after: dict[str, Any] = {}
    for name in columns:
        hist = state.attrs[name].history
        if not hist.has_changes():
            continue
        old = hist.deleted[0] if hist.deleted else None
        new = hist.added[0] if hist.added else None
        if to_jsonable(old) == to_jsonable(new):
            continue
        before[name] = to_jsonable(old)
        after[name] = to_jsonable(new)
    return before, after


def _outbox_changes(session: Session) -> list[tuple[OutboxEntry, dict[str, Any], dict[str, Any]]]:
    """Outbox entries a service edits or removes itself (a corrected or discarded rejected change)."""
    out = []
    columns = [c.key for c in inspect(OutboxEntry).column_attrs if c.key != "seq"]
    for obj in session.dirty:
        if isinstance(obj, OutboxEntry) and session.is_modified(obj, include_collections=False):
            before, after = _diff(obj, columns)
            if after:
                out.append((obj, before, after))
    for obj in session.deleted:
        if isinstance(obj, OutboxEntry):
            out.append((obj, {"state": obj.state}, {"state": "removed"}))
    return out


def _before_flush(session: Session, _ctx, _instances) -> None:
    changes: list[tuple[str, Synced, dict[str, Any], dict[str, Any]]] = []
    for obj in session.deleted:
        if isinstance(obj, Synced):
            raise HardDeleteRefused(f"{type(obj).__tablename__} {obj.id}")
    for obj in session.new:
        if isinstance(obj, Synced):
            cols = _captured_columns(obj)
            if obj.id is None:
                obj.id = str(uuid.uuid4())
            if obj.version is None:
                obj.version = 0
            if obj.deleted is None:
                obj.deleted = False
            after = {}
            for name in cols:
                value = getattr(obj, name)
                if value is None:
                    column = inspect(type(obj)).columns[name]
                    if column.default is not None and column.default.is_scalar:
                        value = column.default.arg
                        setattr(obj, name, value)
                    elif column.default is not None and column.default.is_callable:
                        # a list or dict default (JSON columns): made here, as insert_captured makes it, so the
                        # outbox carries the value the row gets instead of a null the service refuses
                        value = column.default.arg(None)
                        setattr(obj, name, value)
                after[name] = to_jsonable(value)
            changes.append(("insert", obj, {}, after))
    for obj in session.dirty:
        if isinstance(obj, Synced) and session.is_modified(obj, include_collections=False):
            before, after = _diff(obj, _captured_columns(obj))
            if not after:
                continue
            op = "delete" if after.get("deleted") is True else "update"
            changes.append((op, obj, before, after))
    outbox_changes = _outbox_changes(session)
    if not changes and not outbox_changes:
        return
    actor = session.info.get("actor")
    if actor is None and not changes:
        return  # an outbox entry edited with nobody acting: not vouched for, so `check` reports it
    if actor is None:
        raise WriteWithoutActor(", ".join(f"{type(o).__tablename__}:{o.id}" for _, o, _, _ in changes))
    action = session.info.get("action", "change")
    capture_outbox = not session.info.get("applying_pulled", False)
    device_id = session.info["device_id"]
    now = utcnow()
    chain = AuditChain(session, _audit_key(session))
    counter = OutboxCounter(session) if capture_outbox else None
    pending = session.info.setdefault(PENDING_KEY, [])
    for op, obj, before, after in changes:
        obj.updated_at = now
        obj.updated_by = actor["user_id"]
        table = type(obj).__tablename__
        records = [(table, obj.id)]
        if capture_outbox:
            entry = OutboxEntry(
                seq=counter.next(),
                mutation_id=str(uuid.uuid4()),
                device_id=device_id,
                user_id=actor["user_id"],
                table_name=table,
                row_id=obj.id,
                office_id=obj.office_id,
                op=op,
                base_version=obj.version or 0,
                changes={k: [before.get(k), v] for k, v in after.items()},
                schema_version=SCHEMA_VERSION,
                created_at=now,
                state="pending",
                reject_reason="",
            )
            session.add(entry)
            records.append((OUTBOX, str(entry.seq)))
        ev = chain.append(actor, action, table, obj.id, audit_view(table, before) or None,
                          audit_view(table, after), now, records=len(records))
        pending.extend((ev.seq, t, rid) for t, rid in records)
    for entry, before, after in outbox_changes:
        ev = chain.append(actor, action, OUTBOX, str(entry.seq), _outbox_view(entry.table_name, before),
                          _outbox_view(entry.table_name, after), now, records=1)
        pending.append((ev.seq, OUTBOX, str(entry.seq)))
    chain.close()
    if counter is not None:
        counter.close()


def _after_flush(session: Session, _ctx) -> None:
    """The rows are written now: each change gets its record of the row exactly as stored."""
    pending = session.info.pop(PENDING_KEY, None)
    if not pending:
        return
    _write_row_records(session, _audit_key(session), pending)


def _write_row_records(session: Session, key: bytes, pending: list[tuple[int, str, str]]) -> None:
    """For each (event seq, table, row id): the record of the row as stored, under its event."""
    raw = session.connection().connection.driver_connection
    by_table: dict[str, list[str]] = {}
    for _seq, table, rid in pending:
        by_table.setdefault(table, []).append(rid)
    stored = {(table, rid): content for table, ids in by_table.items()
              for rid, content in stored_rows(raw, table, ids)}
    write_records(raw, [make_record(key, seq, table, rid, stored.get((table, rid)))
                        for seq, table, rid in pending])


@cache
def _column_defaults(model: type[Synced]) -> tuple[tuple[tuple[str, Any], ...], tuple[tuple[str, Any], ...]]:
    """(column, scalar default or None) for every column, and (column, factory) for callable defaults."""
    table = model.__table__
    scalars = tuple((c.key, None if c.default is None else c.default.arg) for c in table.columns
                    if c.default is None or c.default.is_scalar)
    factories = tuple((c.key, c.default.arg) for c in table.columns
                      if c.default is not None and c.default.is_callable and c.key not in SYNC_COLUMNS)
    return scalars, factories


def with_defaults(model: type[Synced], rows: list[dict[str, Any]]) -> None:
    """Every column of each new row gets its value, its default or None (one executemany needs the same columns
    in every row); ids, versions and the sync columns are left to insert_captured."""
    scalars, factories = _column_defaults(model)
    for row in rows:
        for name, value in scalars:
            if row.get(name) is None:
                row[name] = value
        for name, make in factories:
            if row.get(name) is None:
                row[name] = make(None)


def insert_captured(session: Session, model: type[Synced], rows: list[dict[str, Any]]) -> None:
    """Insert many new rows of one synced table with their outbox entries, audit events and row records,
    exactly as the flush capture writes them, but as a few executemany statements instead of ORM objects
    (an import of 100,000 lines). ``rows`` hold column values; ids, versions, defaults and the sync columns
    are filled in. Each row's record is made from the values bound for it where SQLite stores them as they
    are (audit_records.contents_as_bound), so nothing is read back but the rows whose values SQLite converts."""
    if not rows:
        return
    actor = session.info.get("actor")
    if actor is None:
        raise WriteWithoutActor(model.__tablename__)
    table = model.__table__
    table_name = str(table.name)  # plain str: the records take no subclass (SQLAlchemy's name type) as bound
    mapper = inspect(model)
    local = model.__local_columns__
    captured = [c.key for c in mapper.column_attrs if c.key not in SYNC_COLUMNS and c.key not in local]
    with_defaults(model, rows)
    now = utcnow()
    action = session.info.get("action", "change")
    device_id = session.info["device_id"]
    capture_outbox = not session.info.get("applying_pulled", False)
    key = _audit_key(session)
    with session.no_autoflush:
        chain = AuditChain(session, key)
        counter = OutboxCounter(session) if capture_outbox else None
    outbox: list[dict[str, Any]] = []
    events: list[dict[str, Any]] = []
    seqs: list[int] = []  # each row's event
    for row in rows:
        row.setdefault("id", str(uuid.uuid4()))
        row["version"] = 0
        row["deleted"] = False
        row["updated_at"] = now
        row["updated_by"] = actor["user_id"]
        after = {name: v if type(v) in _PLAIN else to_jsonable(v) for name in captured for v in (row.get(name),)}
        records = 1
        if counter is not None:
            outbox.append({"seq": counter.next(), "mutation_id": str(uuid.uuid4()), "device_id": device_id,
                           "user_id": actor["user_id"], "table_name": table_name, "row_id": row["id"],
                           "office_id": row["office_id"], "op": "insert", "base_version": 0,
                           "changes": {k: [None, v] for k, v in after.items()}, "schema_version": SCHEMA_VERSION,
                           "created_at": now, "state": "pending", "reject_reason": ""})
            records = 2
        ev = chain.event_values(actor, action, table_name, row["id"], None, audit_view(table_name, after), now,
                                records=records)
        events.append(ev)
        seqs.append(ev["seq"])
    # Straight to the driver, in the values SQLAlchemy would have bound (its per-row parameter processing
    # cost more than SQLite's own work), on the session's connection and in its transaction.
    raw = session.connection().connection.driver_connection
    cursor = raw.cursor()
    bound: dict[str, tuple[tuple[str, ...], list[list[Any]]]] = {}
    for target, values in ((table, rows), (OutboxEntry.__table__, outbox), (AuditEvent.__table__, events)):
        if values:
            names = tuple(c.name for c in target.columns if c.name in values[0])
            stored = [_stored_form(target, name) for name in names]
            params = [[conv(v[n]) if conv else v[n] for n, conv in zip(names, stored)] for v in values]
            cursor.executemany(
                f"INSERT INTO {target.name} ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})", params)
            bound[str(target.name)] = names, params
    cursor.close()
    chain.close()
    if counter is not None:
        counter.close()
    session.flush()  # the chain head and the outbox counter: the next call must find them, not add them again
    made: list[tuple[int, str, str, str, str]] = []
    unread: list[tuple[int, str, str]] = []  # rows SQLite may have stored otherwise than bound: read back
    targets = [(table_name, rows, "id")] + ([(OUTBOX, outbox, "seq")] if outbox else [])
    for target_name, values, key_column in targets:
        names, params = bound[target_name]
        for v, seq, content in zip(values, seqs, contents_as_bound(target_name, names, params)):
            rid = str(v[key_column])
            if content is None:
                unread.append((seq, target_name, rid))
            else:
                made.append(make_record(key, seq, target_name, rid, content))
    write_records(raw, made)
    if unread:
        _write_row_records(session, key, unread)


_PLAIN = frozenset({str, int, bool, float, type(None)})  # values JSON takes as they are


@lru_cache(maxsize=256)  # a bulk insert stamps every row with the same moment: converted once, not per row
def _stored_timestamp(v: datetime | None) -> str | None:
    return None if v is None else v.astimezone(timezone.utc).replace(tzinfo=None).isoformat(sep=" ",
                                                                                           timespec="microseconds")


def _stored_form(table, name: str):
    """None when a value is bound as it is, else the conversion SQLAlchemy's column type applies on SQLite."""
    column_type = table.columns[name].type
    if isinstance(column_type, UTCDateTime):
        return _stored_timestamp
    if isinstance(column_type, JSON):
        return lambda v: None if v is None else json.dumps(v)
    if isinstance(column_type, Date):
        return lambda v: None if v is None else v.isoformat()
    if isinstance(column_type, Boolean):
        return lambda v: None if v is None else int(v)
    return None


class OutboxCounter:
    """The device sequence: kept apart from the outbox rows so it never restarts when the outbox empties."""

    def __init__(self, session: Session) -> None:
        with session.no_autoflush:
            row = session.get(LocalSetting, OUTBOX_SEQ_KEY)
            if row is None:
                start = session.scalar(select(func.max(OutboxEntry.seq))) or 0
                row = LocalSetting(key=OUTBOX_SEQ_KEY, value=str(start))
                session.add(row)
        self.row = row
        self.value = int(row.value)

    def next(self) -> int:
        self.value += 1
        return self.value

    def close(self) -> None:
        self.row.value = str(self.value)


class AuditChain:
    """Appends events to this database's hash chain and keeps its head (count and last hash) in step."""

    def __init__(self, session: Session, key: bytes | None) -> None:
        self.session = session
        self.key = key
        with session.no_autoflush:
            head = session.get(LocalSetting, AUDIT_HEAD_KEY)
        if head is None:
            head = LocalSetting(key=AUDIT_HEAD_KEY, value=f"0:{GENESIS_HASH}")
            session.add(head)
        self.head = head
        seq_text, self.prev_hash = head.value.split(":", 1)
        self.seq = int(seq_text)

    def append(self, actor: dict[str, Any], action: str, table: str, row_id: str,
               before: dict[str, Any] | None, after: dict[str, Any] | None, now=None, *,
               records: int = 0) -> AuditEvent:
        ev = AuditEvent(**self.event_values(actor, action, table, row_id, before, after, now, records=records))
        self.session.add(ev)
        return ev

    def event_values(self, actor: dict[str, Any], action: str, table: str, row_id: str,
                     before: dict[str, Any] | None, after: dict[str, Any] | None, now=None, *,
                     records: int = 0) -> dict[str, Any]:
        """The next event's column values, keyed hash included (``append`` adds them as an object; a bulk
        insert writes them as they are)."""
        self.seq += 1
        values = {"seq": self.seq, "at": now or utcnow(), "user_id": actor["user_id"],
                  "office_id": actor.get("office_id"), "action": action, "table_name": table, "row_id": row_id,
                  "before": before, "after": after, "prev_hash": self.prev_hash, "records": records}
        # audit_payload reads attributes: the values are handed to it as such, so the hash has one definition
        values["hash"] = audit_hash(self.prev_hash, audit_payload(SimpleNamespace(**values)), self.key)
        self.prev_hash = values["hash"]
        return values

    def close(self) -> None:
        self.head.value = f"{self.seq}:{self.prev_hash}"


def record_event(session: Session, action: str, table: str, row_id: str, details: dict[str, Any], *,
                 rows: dict[str, Iterable[str] | dict[str, int] | None] | None = None,
                 contents: dict[str, dict[str, tuple[Any, ...]]] | None = None) -> AuditEvent:
    """Audit an operation that is not a single row change (a pull, a seed, an import summary). ``rows`` names
    the rows it wrote in bulk, per table (see audit_records.record_rows), read back for their records;
    ``contents`` gives rows it wrote with their content known (audit_records.record_contents): each gets its
    record under this event."""
    actor = session.info.get("actor")
    if actor is None:
        raise WriteWithoutActor(action)
    key = _audit_key(session)
    session.flush()  # rows the ORM still holds are written before they are read back
    chain = AuditChain(session, key)
    raw = session.connection().connection.driver_connection
    count = record_rows(raw, key, chain.seq + 1, rows) if rows else 0
    if contents:
        count += record_contents(raw, key, chain.seq + 1, contents)
    ev = chain.append(actor, action, table, row_id, None, details, records=count)
    chain.close()
    return ev


def install_capture(factory: sessionmaker) -> None:
    """Attach capture to one session factory (not globally, so test factories stay independent)."""
    event.listen(factory, "before_flush", _before_flush)
    event.listen(factory, "after_flush", _after_flush)
