"""The per-office change feed in sequence order, the office state hash, and rows fetched for repair."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from sqlalchemy import Boolean, Connection, Integer, String, Table, select
from sqlalchemy.types import TypeDecorator

from injury_desk.central.accounts import DeviceAuth
from injury_desk.central.office_log import table_of
from injury_desk.central.store import CentralStore
from injury_desk.central.tables import feed, synced_tables
from injury_desk.store.jsonvalues import to_jsonable
from injury_desk.store.rowcodec import row_to_json
from injury_desk.sync.protocol import MAX_PAGE, format_state_hash, row_state_digest


def pull_page(store: CentralStore, auth: DeviceAuth, cursor: int, limit: int) -> dict[str, Any]:
    """Rows changed after ``cursor`` in sequence order, as a plain dict ready for JSON."""
    limit = max(1, min(limit, MAX_PAGE))
    with store.transaction(auth.office_id, write=False) as conn:
        return page_since(conn, auth.office_id, cursor, limit)


def page_since(conn: Connection, office_id: str, cursor: int, limit: int) -> dict[str, Any]:
    f = feed.c
    entries = conn.execute(select(f.seq, f.table_name, f.row_id)
                           .where(f.office_id == office_id, f.seq > cursor)
                           .order_by(f.seq).limit(limit + 1)).all()
    more = len(entries) > limit
    entries = entries[:limit]
    if not entries:
        return {"changes": [], "cursor": cursor, "more": more}
    last = entries[-1].seq
    rows: dict[tuple[str, str], dict[str, Any]] = {}
    for name in {e.table_name for e in entries}:
        table = table_of(name)
        encode = row_encoder(table)
        id_at = [c.name for c in table.columns].index("id")
        # The page's feed entries of this table are exactly those with a sequence in (cursor, last]:
        # one join instead of long lists of ids.
        q = (select(table).join(feed, (f.table_name == name) & (f.row_id == table.c.id))
             .where(f.office_id == office_id, f.seq > cursor, f.seq <= last, table.c.office_id == office_id))
        for row in conn.execute(q).all():
            rows[(name, row[id_at])] = encode(row)
    changes = []
    for e in entries:
        row = rows.get((e.table_name, e.row_id))
        if row is not None:
            changes.append({"table": e.table_name, "id": e.row_id, "version": row["version"], "row": row})
    return {"changes": changes, "cursor": last, "more": more}


def row_encoder(table: Table) -> Callable[[Any], dict[str, Any]]:
    """row_to_json for rows of ``table`` selected in column order, converting only the columns whose
    values are not plain JSON already (dates, timestamps, binary, anything unusual)."""
    encoder = _encoders.get(table.name)
    if encoder is None:
        names = [c.name for c in table.columns]
        convert = [(i, c.name) for i, c in enumerate(table.columns)
                   if not isinstance(c.type, (String, Integer, Boolean)) or isinstance(c.type, TypeDecorator)]

        def encoder(row: Any) -> dict[str, Any]:
            out = dict(zip(names, row))
            for i, name in convert:
                out[name] = to_jsonable(row[i])
            return out

        _encoders[table.name] = encoder
    return encoder


_encoders: dict[str, Callable[[Any], dict[str, Any]]] = {}


def iter_versions(conn: Connection, office_id: str) -> Iterator[tuple[str, str, int]]:
    for table in synced_tables():
        q = select(table.c.id, table.c.version).where(table.c.office_id == office_id)
        for rid, version in conn.execute(q):
            yield table.name, rid, version


def state_hash(store: CentralStore, auth: DeviceAuth) -> dict[str, Any]:
    acc = 0
    count = 0
    with store.transaction(auth.office_id, write=False) as conn:
        for name, rid, version in iter_versions(conn, auth.office_id):
            acc ^= row_state_digest(name, rid, version)
            count += 1
    return {"office_id": auth.office_id, "hash": format_state_hash(acc, count), "rows": count}


def row_versions(store: CentralStore, auth: DeviceAuth) -> list[list[Any]]:
    with store.transaction(auth.office_id, write=False) as conn:
        return [[t, r, v] for t, r, v in iter_versions(conn, auth.office_id)]


def fetch_rows(store: CentralStore, auth: DeviceAuth, table_name: str, ids: list[str]) -> list[dict[str, Any]]:
    table = table_of(table_name)
    out = []
    with store.transaction(auth.office_id, write=False) as conn:
        for i in range(0, len(ids), 900):
            q = select(table).where(table.c.id.in_(ids[i:i + 900]), table.c.office_id == auth.office_id)
            for row in conn.execute(q).mappings():
                out.append({"table": table_name, "id": row["id"], "version": row["version"],
                            "row": row_to_json(table, row)})
    return out
