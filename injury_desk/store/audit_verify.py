"""Verifies the audit trail of a local database: the keyed hash chain, its head, the records of every audited
row against the row as it is now, and the head the central service anchored. Reports; never repairs."""

from __future__ import annotations

import json
from itertools import groupby
from operator import itemgetter
from injury_desk.store.cipher import sqlite
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from injury_desk.store.audit_key import KEYING_ACTIONS, Anchor
from injury_desk.store.audit_records import (
    AUDITED_TABLES,
    GONE,
    OUTBOX,
    PRINT_WIDTH,
    audited_columns,
    content_of,
    digest,
    fingerprint,
    record_mac,
)
from injury_desk.store.capture import AUDIT_HEAD_KEY, GENESIS_HASH, SECRET_COLUMNS, audit_hash, audit_payload_row

MAX_PROBLEMS_PER_KIND = 50  # a table rewritten wholesale is reported by its first rows and a count


@dataclass
class ChainFacts:
    events: int = 0
    keyed_from: int | None = None
    records: dict[int, int] = field(default_factory=dict)  # event seq -> records it vouches for
    hashes: dict[int, str] = field(default_factory=dict)  # kept only for the anchored event
    acked_outbox: int = 0  # the highest device sequence the central service answered (sync.push events)
    problems: list[str] = field(default_factory=list)


def verify_chain(raw: sqlite.Connection, key: bytes | None, *, keep_hash_of: int | None = None) -> ChainFacts:
    """Walks the chain in order. Before the event that keyed it, events are plain SHA-256 (databases from
    before keying, re-anchored explicitly); from it on every event is HMAC-SHA256 with ``key``."""
    facts = ChainFacts()
    prev_hash, expected = GENESIS_HASH, 1
    cur = raw.execute("SELECT seq, at, user_id, office_id, action, table_name, row_id, before, after, records,"
                      " prev_hash, hash FROM audit_events ORDER BY seq")
    for row in cur:
        seq, action, stored_prev, stored = row[0], row[4], row[10], row[11]
        if seq != expected:
            facts.problems.append(f"audit chain: events {expected}..{seq - 1} are missing")
        if stored_prev != prev_hash:
            facts.problems.append(f"audit chain: event {seq} does not follow the event before it")
        payload = audit_payload_row(row)
        plain = audit_hash(stored_prev, payload)
        keyed = audit_hash(stored_prev, payload, key) if key is not None else None
        if facts.keyed_from is None and key is not None and action in KEYING_ACTIONS:
            facts.keyed_from = seq  # the first keying event: from here on every event must carry the key
        if facts.keyed_from is None:
            if stored != plain:
                facts.problems.append(f"audit chain: event {seq} was changed after it was written")
        elif key is not None and stored != keyed:
            facts.problems.append(
                f"audit chain: event {seq} was rewritten and its hash recomputed without the audit key"
                if stored == plain else f"audit chain: event {seq} was changed after it was written")
        if row[9]:
            facts.records[seq] = row[9]
        if action == "sync.push" and row[8]:
            facts.acked_outbox = max(facts.acked_outbox, int(json.loads(row[8]).get("last_seq") or 0))
        if seq == keep_hash_of:
            facts.hashes[seq] = stored
        prev_hash, expected, facts.events = stored, seq + 1, facts.events + 1
    head = raw.execute("SELECT value FROM local_settings WHERE key = ?", (AUDIT_HEAD_KEY,)).fetchone()
    if head is not None:
        head_seq, head_hash = head[0].split(":", 1)
        if int(head_seq) != expected - 1 or head_hash != prev_hash:
            facts.problems.append(
                f"audit chain: the last event should be {head_seq}, found {expected - 1}"
                " (events at the end were removed or the chain head was altered)")
    elif facts.events:
        facts.problems.append("audit chain: the chain head record is missing")
    if key is not None and facts.keyed_from is None:
        facts.problems.append(
            "audit chain: the audit log is empty although this database's audit key exists (the log was wiped)"
            if not facts.events else
            "audit chain: no event was written with this database's audit key (the chain was rewritten or replaced)")
    facts.head = (expected - 1, prev_hash)  # type: ignore[attr-defined]
    return facts


def verify_anchor(facts: ChainFacts, anchor: Anchor | None) -> list[str]:
    """The chain must still extend the last head the central service acknowledged."""
    if anchor is None or anchor.seq == 0:
        return []
    found = facts.hashes.get(anchor.seq)
    if found == anchor.hash:
        return []
    why = "that event is missing" if found is None else "that event is different now"
    return [f"audit chain: no longer extends the head the central service anchored (event {anchor.seq}); {why}"]


def verify_rows(raw: sqlite.Connection, key: bytes, facts: ChainFacts) -> list[str]:
    """Every audited row equals its last record, every record belongs to an event that counts it."""
    problems: list[str] = []
    counted = dict(raw.execute("SELECT event_seq, count(*) FROM audit_rows GROUP BY event_seq").fetchall())
    for seq in sorted(set(counted) | set(facts.records)):
        have, want = counted.get(seq, 0), facts.records.get(seq, 0)
        if have != want:
            problems.append(f"audit records: event {seq} vouches for {want} row(s) but {have} record(s) are there"
                            " (records were removed or added)")
    # One sort of every record by table and row (the bare columns come from the record holding max(event_seq),
    # SQLite's documented rule for max()), read table by table in that order.
    latest = raw.execute("SELECT table_name, row_id, max(event_seq), prints, mac FROM audit_rows"
                         " GROUP BY table_name, row_id ORDER BY table_name, row_id")
    groups = groupby(latest, key=itemgetter(0))
    current = next(groups, None)
    for table in sorted(AUDITED_TABLES):
        while current is not None and current[0] < table:
            current = next(groups, None)
        records: Iterator[tuple[str, int, str, str]] = iter(())
        if current is not None and current[0] == table:
            records = (rec[1:] for rec in current[1])
        problems += _verify_table(raw, key, table, facts, records)  # reads this table's records to the end
        if current is not None and current[0] == table:
            current = next(groups, None)
    return problems


def _rows(raw: sqlite.Connection, table: str) -> Iterator[tuple[str, tuple[Any, ...]]]:
    key_col, names, _ = audited_columns(table)
    order = f"CAST({key_col} AS TEXT)" if key_col == "seq" else key_col
    for row in raw.execute(f"SELECT CAST({key_col} AS TEXT), {', '.join(names)} FROM {table} ORDER BY {order}"):
        yield row[0], content_of(table, row[1:])


def _verify_table(raw: sqlite.Connection, key: bytes, table: str, facts: ChainFacts,
                  records: Iterator[tuple[str, int, str, str]]) -> list[str]:
    problems: list[str] = []
    shown = 0
    hidden = 0

    def report(text: str) -> None:
        nonlocal shown, hidden
        if shown < MAX_PROBLEMS_PER_KIND:
            problems.append(text)
            shown += 1
        else:
            hidden += 1

    rec = next(records, None)
    for rid, content in _rows(raw, table):
        while rec is not None and rec[0] < rid:
            _missing_row(key, table, rec, facts, report)
            rec = next(records, None)
        if rec is None or rec[0] != rid:
            report(f"{table} row {rid}: has no audit record (it was written outside the application)")
            continue
        _compare(raw, key, table, rid, content, rec, report)
        rec = next(records, None)
    while rec is not None:
        _missing_row(key, table, rec, facts, report)
        rec = next(records, None)
    if hidden:
        problems.append(f"{table}: {hidden} more row(s) with problems like those above")
    return problems


def _missing_row(key: bytes, table: str, rec: tuple[str, int, str, str], facts: ChainFacts, report) -> None:
    rid, seq, prints, mac = rec
    if prints == "" and mac == record_mac(key, seq, table, rid, "", GONE):
        return  # removed on purpose, and audited so
    if table == OUTBOX and int(rid) <= facts.acked_outbox:
        return  # sent, and answered by the central service
    report(f"{table} row {rid}: was removed outside the application (its last audit event is {seq})")


def _compare(raw: sqlite.Connection, key: bytes, table: str, rid: str, content: tuple[Any, ...],
             rec: tuple[str, int, str, str], report) -> None:
    _rid, seq, prints, mac = rec
    now_prints = fingerprint(content)
    if mac == record_mac(key, seq, table, rid, now_prints, digest(content)):
        return
    if prints == "":
        report(f"{table} row {rid}: was removed by audit event {seq} but is there again")
        return
    _key, names, _ = audited_columns(table)
    w = PRINT_WIDTH
    differ = [i for i in range(len(names)) if now_prints[w * i:w * (i + 1)] != prints[w * i:w * (i + 1)]]
    if not differ:
        report(f"{table} row {rid}: differs from its last audit event {seq} (the record does not match)")
        return
    owner = raw.execute("SELECT table_name FROM outbox WHERE seq = ?", (int(rid),)).fetchone() \
        if table == OUTBOX else None
    secret = SECRET_COLUMNS.get(owner[0] if owner else table, frozenset())
    parts = []
    for i in differ:
        name = names[i]
        parts.append(f"{name} (secret value changed)" if name in secret else f"{name} is now {_short(content[i])}")
    report(f"{table} row {rid}: differs from its last audit event {seq}: " + "; ".join(parts))


def _short(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 60 else text[:57] + "..."
