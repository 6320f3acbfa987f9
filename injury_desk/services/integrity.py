"""`injury-desk check`: SQLite integrity, foreign keys, the audit hash chain and the outbox sequence."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from injury_desk.store.capture import AUDIT_HEAD_KEY, GENESIS_HASH, audit_hash
from injury_desk.store.database import Database


@dataclass
class CheckReport:
    problems: list[str] = field(default_factory=list)
    facts: dict[str, int | str] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.problems


def _payload(row) -> dict:
    seq, at, user_id, office_id, action, table, row_id, before, after = row[:9]
    when = datetime.fromisoformat(at)
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    return {
        "seq": seq, "at": when.isoformat(), "user_id": user_id, "office_id": office_id, "action": action,
        "table": table, "row_id": row_id,
        "before": json.loads(before) if before is not None else None,
        "after": json.loads(after) if after is not None else None,
    }


def check_database(db: Database) -> CheckReport:
    """Report every problem found; nothing is repaired."""
    report = CheckReport()
    con = db.raw_connection()
    try:
        rows = [r[0] for r in con.execute("PRAGMA integrity_check").fetchall()]
        if rows != ["ok"]:
            report.problems += [f"integrity: {r}" for r in rows[:50]]
        for table, rowid, parent, _fk in con.execute("PRAGMA foreign_key_check").fetchall()[:50]:
            report.problems.append(f"foreign key: {table} row {rowid} points to a missing {parent} row")
        prev_hash, expected_seq, count = GENESIS_HASH, 1, 0
        cur = con.execute("SELECT seq, at, user_id, office_id, action, table_name, row_id, before, after,"
                          " prev_hash, hash FROM audit_events ORDER BY seq")
        for row in cur:
            seq, stored_prev, stored_hash = row[0], row[9], row[10]
            if seq != expected_seq:
                report.problems.append(f"audit chain: events {expected_seq}..{seq - 1} are missing")
            if stored_prev != prev_hash:
                report.problems.append(f"audit chain: event {seq} does not follow the event before it")
            if audit_hash(stored_prev, _payload(row)) != stored_hash:
                report.problems.append(f"audit chain: event {seq} was changed after it was written")
            prev_hash, expected_seq, count = stored_hash, seq + 1, count + 1
        head = con.execute("SELECT value FROM local_settings WHERE key = ?", (AUDIT_HEAD_KEY,)).fetchone()
        if head is not None:
            head_seq, head_hash = head[0].split(":", 1)
            if int(head_seq) != expected_seq - 1 or head_hash != prev_hash:
                report.problems.append(
                    f"audit chain: the last event should be {head_seq}, found {expected_seq - 1}"
                    " (events at the end were removed or the chain head was altered)")
        elif count:
            report.problems.append("audit chain: the chain head record is missing")
        report.facts["audit_events"] = count
        report.facts["pending_changes"] = con.execute(
            "SELECT count(*) FROM outbox WHERE state = 'pending'").fetchone()[0]
        report.facts["database"] = str(Path(db.path))
    finally:
        con.close()
    return report
