"""The desktop's office state hash kept as rows change: the triggers' log (migration 0017) folded into a kept sum.

The sum is what a count over the office's rows gives (``office_state_digests``: XOR of each row's digest, and the
rows), stored with the office it counts in ``local_settings``. Each change the triggers logged takes the row's old
(id, office, version) out of the sum and puts its new one in; the entries folded are deleted in the same
transaction, so a fold never counts one twice and a crash loses none.

While nothing is kept (a new desktop's first pull, a kept sum due to be counted again), the next state check counts
every row anyway: a pull's write transaction then writes without the log (``LogPause``), as its entries would only
be deleted unread.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any

from injury_desk.protocol.messages import changed_state_digests
from injury_desk.store.models import MODEL_BY_TABLE
from injury_desk.store.triggers import restore_triggers, suspend_triggers

KEPT_KEY = "sync.state_kept"
# The kept sum is counted afresh at least this often: a change the log never saw (its triggers dropped by someone
# holding the key) is found within a day even while the kept sum still equals the central one.
RECOUNT_S = 24 * 3600
# How many write transactions have written without the log: a count made before one of them committed cannot be
# kept, as the log does not hold what that transaction changed.
PAUSED_KEY = "sync.state_log_paused"


def _kept(raw: Any, office_id: str, now: float) -> tuple[int, int, int] | None:
    """(XOR, rows, when counted) kept for ``office_id``; None when there is none, it counts another office (the
    desktop was enrolled again) or it was last counted RECOUNT_S ago or more."""
    row = raw.execute("SELECT value FROM local_settings WHERE key = ?", (KEPT_KEY,)).fetchone()
    if row is None:
        return None
    try:
        office, rows, acc, counted_at = row[0].split(" ")
        if office != office_id or not 0 <= now - int(counted_at) < RECOUNT_S:
            return None
        return int(acc, 16), int(rows), int(counted_at)
    except ValueError:
        return None


def missing_triggers(raw: Any) -> list[str]:
    """The state log's triggers that are not there (migration 0017 makes three per synced table)."""
    present = {r[0] for r in raw.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")}
    return [f"state_log_{t}_{kind}" for t in MODEL_BY_TABLE for kind in ("ai", "au", "ad")
            if f"state_log_{t}_{kind}" not in present]


def log_position(raw: Any) -> tuple[int, int]:
    """(the number of the log's last entry, 0 when empty; how many transactions wrote without the log): a count
    made in the same read transaction covers exactly the entries up to that one, and is kept only if no
    transaction has written without the log since."""
    return (int(raw.execute("SELECT coalesce(max(seq), 0) FROM state_log").fetchone()[0]),
            _paused(raw))


def _paused(raw: Any) -> int:
    row = raw.execute("SELECT value FROM local_settings WHERE key = ?", (PAUSED_KEY,)).fetchone()
    try:
        return int(row[0]) if row else 0
    except ValueError:
        return -1  # not a number: any count kept from before it was written must not match


def _put(raw: Any, key: str, value: str) -> None:
    raw.execute("INSERT INTO local_settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET"
                " value = excluded.value", (key, value))


class LogPause:
    """One pull write transaction (its parts and pages): when nothing is kept for the office, the log's three
    triggers on each table it writes are suspended at that table's first rows (store/triggers.py, as the claims
    list's is) and put back by ``finish`` before it commits; the count that follows reads what it wrote."""

    def __init__(self, office_id: str) -> None:
        self.office_id = office_id
        self._off: bool | None = None  # decided at the transaction's first rows
        self._tables: set[str] = set()
        self._dropped: list[str] = []

    def table_written(self, raw: Any, table: str) -> None:
        if self._off is None:
            self._off = _kept(raw, self.office_id, time.time()) is None
            if self._off:
                _put(raw, PAUSED_KEY, str(_paused(raw) + 1))
                # A sum kept but due to be counted (or of another office) goes too: no fold may take it up again
                # without this transaction's rows, whatever another process's clock says.
                raw.execute("DELETE FROM local_settings WHERE key = ?", (KEPT_KEY,))
        if not self._off or table in self._tables:
            return
        self._tables.add(table)
        self._dropped += suspend_triggers(raw, [f"state_log_{table}_{kind}" for kind in ("ai", "au", "ad")])

    def finish(self, raw: Any) -> None:
        restore_triggers(raw, self._dropped)
        self._off, self._tables, self._dropped = None, set(), []


def fold(raw: Any, office_id: str, counted: tuple[int, int, int, int] | None = None) -> tuple[int, int] | None:
    """In the caller's write transaction: the kept (XOR, rows) brought up to date with the log, the log entries
    folded deleted; None when nothing is kept, or it is due to be counted again (the caller counts). ``counted``
    (XOR, rows, last entry, paused) is a count made in a read transaction whose log ended at that entry: it
    replaces the kept sum, and only the entries after it are folded into it; if a transaction has written without
    the log since (``LogPause``), the count is returned as it is and nothing is kept or deleted."""
    now = time.time()
    if counted is not None:
        (acc, rows, after, paused), counted_at = counted, int(now)
        if paused != _paused(raw):
            return acc, rows
    else:
        kept = _kept(raw, office_id, now)
        if kept is None:
            return None
        (acc, rows, counted_at), after = kept, 0
    last = [after]

    def entries() -> Iterator[tuple[Any, ...]]:  # streamed: after a large pull the log holds every row it wrote
        for seq, *change in raw.execute("SELECT seq, table_name, old_id, old_office_id, old_version, new_id,"
                                        " new_office_id, new_version FROM state_log WHERE seq > ? ORDER BY seq",
                                        (after,)):
            last[0] = seq
            yield change

    change_acc, change_rows = changed_state_digests(office_id, entries())
    acc, rows = acc ^ change_acc, rows + change_rows
    raw.execute("DELETE FROM state_log WHERE seq <= ?", (last[0],))
    _put(raw, KEPT_KEY, f"{office_id} {rows} {acc:x} {counted_at}")
    return acc, rows
