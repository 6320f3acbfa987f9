"""One session event that writes the outbox entry and the hash-chained audit event for every change."""

from __future__ import annotations

import hashlib
import json
import uuid
from typing import Any

from sqlalchemy import event, func, inspect, select
from sqlalchemy.orm import Session, sessionmaker

from injury_desk.store.base import Synced, utcnow
from injury_desk.store.jsonvalues import to_jsonable
from injury_desk.store.models import AuditEvent, LocalSetting, OutboxEntry
from injury_desk.protocol.version import SCHEMA_VERSION

GENESIS_HASH = "0" * 64
AUDIT_HEAD_KEY = "audit_head"
OUTBOX_SEQ_KEY = "outbox_seq"
SYNC_COLUMNS = frozenset({"id", "version", "updated_at", "updated_by"})


class WriteWithoutActor(RuntimeError):
    """A synced row was changed outside a service unit of work (no acting user on the session)."""


class HardDeleteRefused(RuntimeError):
    """Synced rows are tombstoned (deleted=True), never removed."""


def audit_hash(prev_hash: str, payload: dict[str, Any]) -> str:
    body = json.dumps(payload, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256((prev_hash + body).encode("utf-8")).hexdigest()


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
    }


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
                after[name] = to_jsonable(value)
            changes.append(("insert", obj, {}, after))
    for obj in session.dirty:
        if isinstance(obj, Synced) and session.is_modified(obj, include_collections=False):
            before, after = _diff(obj, _captured_columns(obj))
            if not after:
                continue
            op = "delete" if after.get("deleted") is True else "update"
            changes.append((op, obj, before, after))
    if not changes:
        return
    actor = session.info.get("actor")
    if actor is None:
        raise WriteWithoutActor(", ".join(f"{type(o).__tablename__}:{o.id}" for _, o, _, _ in changes))
    action = session.info.get("action", "change")
    capture_outbox = not session.info.get("applying_pulled", False)
    device_id = session.info["device_id"]
    now = utcnow()
    chain = AuditChain(session)
    counter = OutboxCounter(session) if capture_outbox else None
    for op, obj, before, after in changes:
        obj.updated_at = now
        obj.updated_by = actor["user_id"]
        table = type(obj).__tablename__
        if capture_outbox:
            session.add(
                OutboxEntry(
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
                )
            )
        chain.append(actor, action, table, obj.id, before or None, after, now)
    chain.close()
    if counter is not None:
        counter.close()


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

    def __init__(self, session: Session) -> None:
        self.session = session
        with session.no_autoflush:
            head = session.get(LocalSetting, AUDIT_HEAD_KEY)
        if head is None:
            head = LocalSetting(key=AUDIT_HEAD_KEY, value=f"0:{GENESIS_HASH}")
            session.add(head)
        self.head = head
        seq_text, self.prev_hash = head.value.split(":", 1)
        self.seq = int(seq_text)

    def append(self, actor: dict[str, Any], action: str, table: str, row_id: str,
               before: dict[str, Any] | None, after: dict[str, Any] | None, now=None) -> AuditEvent:
        self.seq += 1
        ev = AuditEvent(
            seq=self.seq,
            at=now or utcnow(),
            user_id=actor["user_id"],
            office_id=actor.get("office_id"),
            action=action,
            table_name=table,
            row_id=row_id,
            before=before,
            after=after,
            prev_hash=self.prev_hash,
        )
        ev.hash = audit_hash(self.prev_hash, audit_payload(ev))
        self.prev_hash = ev.hash
        self.session.add(ev)
        return ev

    def close(self) -> None:
        self.head.value = f"{self.seq}:{self.prev_hash}"


def record_event(session: Session, action: str, table: str, row_id: str, details: dict[str, Any]) -> None:
    """Audit an operation that is not a single row change (a bulk seed, an import summary)."""
    actor = session.info.get("actor")
    if actor is None:
        raise WriteWithoutActor(action)
    chain = AuditChain(session)
    chain.append(actor, action, table, row_id, None, details)
    chain.close()


def install_capture(factory: sessionmaker) -> None:
    """Attach capture to one session factory (not globally, so test factories stay independent)."""
    event.listen(factory, "before_flush", _before_flush)
