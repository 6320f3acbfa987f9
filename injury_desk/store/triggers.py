"""Triggers suspended inside one write transaction (a bulk write) and put back by it before it commits."""

from __future__ import annotations

from collections.abc import Sequence

from injury_desk.store.cipher import sqlite


def suspend_triggers(raw: sqlite.Connection, names: Sequence[str]) -> list[str]:
    """Drops those of the named triggers that exist, inside the caller's open write transaction, and returns their
    SQL for ``restore_triggers``. Any rollback (an error, a cancel, a killed process) brings them back with
    everything else, and no other connection ever sees them gone: only the writer holding the write lock does."""
    if not raw.in_transaction:
        raise RuntimeError("suspend_triggers needs an open write transaction")
    found = raw.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name IN"
                        f" ({', '.join('?' * len(names))})", tuple(names)).fetchall()
    for name, _sql in found:
        raw.execute(f"DROP TRIGGER {name}")
    return [sql for _name, sql in found]


def restore_triggers(raw: sqlite.Connection, sqls: Sequence[str]) -> None:
    for sql in sqls:
        raw.execute(sql)
