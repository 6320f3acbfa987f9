"""The desktop's office state hash kept as rows change: the triggers' log (migration 0017) folded into a kept sum.

The sum is what a count over the office's rows gives (``office_state_digests``: XOR of each row's digest, and the
rows), stored with the office it counts in ``local_settings``. Each change the triggers logged takes the row's old
(id, office, version) out of the sum and puts its new one in; the entries folded are deleted in the same
transaction, so a fold never counts one twice and a crash loses none.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any

from injury_desk.protocol.messages import changed_state_digests
from injury_desk.store.models import MODEL_BY_TABLE

KEPT_KEY = "sync.state_kept"
# The kept sum is counted afresh at least this often: a change the log never saw (its triggers dropped by someone
# holding the key) is found within a day even while the kept sum still equals the central one.
RECOUNT_S = 24 * 3600


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


def last_entry(raw: Any) -> int:
    """The number of the log's last entry (0 when empty): a count made in the same read transaction covers
    exactly the entries up to it."""
    return int(raw.execute("SELECT coalesce(max(seq), 0) FROM state_log").fetchone()[0])


def fold(raw: Any, office_id: str, counted: tuple[int, int, int] | None = None) -> tuple[int, int] | None:
    """In the caller's write transaction: the kept (XOR, rows) brought up to date with the log, the log entries
    folded deleted; None when nothing is kept, or it is due to be counted again (the caller counts). ``counted``
    (XOR, rows, last entry) is a count made in a read transaction whose log ended at that entry: it replaces the
    kept sum, and only the entries after it are folded into it."""
    now = time.time()
    if counted is not None:
        (acc, rows, after), counted_at = counted, int(now)
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
    raw.execute("INSERT INTO local_settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET"
                " value = excluded.value", (KEPT_KEY, f"{office_id} {rows} {acc:x} {counted_at}"))
    return acc, rows
