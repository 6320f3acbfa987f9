"""An office's state hash (XOR of its rows' (table, id, version) digests and their count): computed over the rows,
and kept in its counters row by every write, under the office lock, so that answering it reads one row."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from sqlalchemy import Connection, select

from injury_desk.central.id_lists import matching
from injury_desk.central.tables import synced_tables
from injury_desk.protocol.messages import office_state_digests, row_state_digest
from injury_desk.store.rowcodec import synced_table

VERSION_ROWS = 5000  # (id, version) pairs fetched at a time for the state hash and the repair list


def table_versions(conn: Connection, table: Any, office_id: str) -> Iterable[Any]:
    """(id, version) of the office's rows of ``table``, through a server-side cursor: the driver holds a batch of
    them, not all (whose number is the office's)."""
    q = select(table.c.id, table.c.version).where(table.c.office_id == office_id)
    return conn.execute(q.execution_options(yield_per=VERSION_ROWS))


def iter_versions(conn: Connection, office_id: str) -> Iterator[tuple[str, str, int]]:
    for table in synced_tables():
        for rid, version in table_versions(conn, table, office_id):
            yield table.name, rid, version


def computed(conn: Connection, office_id: str) -> tuple[int, int]:
    """(XOR of the digests, rows) over the office's rows as stored now."""
    return office_state_digests((table.name, table_versions(conn, table, office_id)) for table in synced_tables())


def stored_versions(conn: Connection, table_name: str, ids: Iterable[str]) -> dict[str, int]:
    """The versions the rows hold now (before a write replaces them)."""
    table = synced_table(table_name)
    assert table is not None
    found: dict[str, int] = {}
    for ids_in in matching(conn, table.c.id, ids):
        q = select(table.c.id, table.c.version).where(ids_in)
        found.update((rid, version) for rid, version in conn.execute(q))
    return found


def after_writes(acc: int, rows: int, office_id: str, table_name: str, written: Iterable[dict[str, Any]],
                 before: dict[str, int]) -> tuple[int, int]:
    """(acc, rows) once ``written`` (rows with their new versions) replaced what they were: ``before`` holds the
    old version of each that existed. Only the office's own rows count, as in ``computed``."""
    for row in written:
        if row.get("office_id") != office_id:
            continue
        rid = row["id"]
        old = before.get(rid)
        if old is None:
            rows += 1
        else:
            acc ^= row_state_digest(table_name, rid, old)
        acc ^= row_state_digest(table_name, rid, row["version"])
    return acc, rows
