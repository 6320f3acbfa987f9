"""`injury-desk check`: SQLite integrity, foreign keys, the keyed audit chain, every audited row against its
last audit record, the head the central service anchored, the outbox sequence and the state log's triggers."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from injury_desk.domain.errors import DomainError
from injury_desk.store.audit_key import load_anchor, load_key
from injury_desk.store.audit_verify import verify_anchor, verify_chain, verify_rows
from injury_desk.store.database import Database
from injury_desk.sync.kept_state import missing_triggers


@dataclass
class CheckReport:
    problems: list[str] = field(default_factory=list)
    facts: dict[str, int | str] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.problems


def check_database(db: Database) -> CheckReport:
    """Report every problem found; nothing is repaired, and nothing is written (not even to the keyring)."""
    report = CheckReport()
    key = anchor = None
    try:
        key = load_key(db.device_id)
        anchor = load_anchor(db.device_id)
    except DomainError as exc:
        report.problems.append(f"audit chain: cannot be verified: the keyring cannot be read ({exc})")
    else:
        if key is None:
            report.problems.append(f"audit chain: cannot be verified: this computer's keyring has no audit key "
                                   f"for this database (device {db.device_id})")
    con = db.raw_connection()
    try:
        rows = [r[0] for r in con.execute("PRAGMA integrity_check").fetchall()]
        if rows != ["ok"]:
            report.problems += [f"integrity: {r}" for r in rows[:50]]
        for table, rowid, parent, _fk in con.execute("PRAGMA foreign_key_check").fetchall()[:50]:
            report.problems.append(f"foreign key: {table} row {rowid} points to a missing {parent} row")
        chain = verify_chain(con, key, keep_hash_of=anchor.seq if anchor else None)
        report.problems += chain.problems
        report.problems += verify_anchor(chain, anchor)
        if key is not None:
            report.problems += verify_rows(con, key, chain)
        for name in missing_triggers(con):
            report.problems.append(f"state log: trigger {name} is missing (a change there would not reach the "
                                   f"state hash the sync keeps)")
        report.facts["audit_events"] = chain.events
        if anchor is not None:
            report.facts["audit_anchored_at"] = anchor.seq
        report.facts["pending_changes"] = con.execute(
            "SELECT count(*) FROM outbox WHERE state = 'pending'").fetchone()[0]
        report.facts["database"] = str(Path(db.path))
    finally:
        con.close()
    return report
