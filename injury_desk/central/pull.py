"""The per-office change feed in sequence order, the office state hash, and rows fetched for repair."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    Boolean,
    Connection,
    Date,
    Integer,
    LargeBinary,
    String,
    Table,
    Text,
    func,
    literal,
    select,
)
from sqlalchemy.types import JSON, TypeDecorator

from injury_desk.central.accounts import DeviceAuth
from injury_desk.central.office_log import table_of
from injury_desk.central.store import CentralStore
from injury_desk.central.tables import feed, synced_tables
from injury_desk.store.base import UTCDateTime
from injury_desk.store.jsonvalues import to_jsonable
from injury_desk.store.models import MODEL_BY_TABLE
from injury_desk.store.rowcodec import row_to_json
from injury_desk.sync.protocol import MAX_PAGE, format_state_hash, row_state_digest


@dataclass
class Page:
    """One pull page: per table its column names and its rows as a JSON array of arrays (already encoded,
    so a large page is never held as Python objects on the way out)."""

    tables: list[tuple[str, list[str], str]]
    cursor: int
    more: bool

    def body(self) -> bytes:
        parts = [f'{{"table":{json.dumps(name)},"columns":{json.dumps(columns)},"rows":{rows}}}'
                 for name, columns, rows in self.tables]
        return (f'{{"cursor":{self.cursor},"more":{"true" if self.more else "false"},'
                f'"tables":[{",".join(parts)}]}}').encode()


def pull_page(store: CentralStore, auth: DeviceAuth, cursor: int, limit: int) -> Page:
    """Rows changed after ``cursor`` in sequence order."""
    limit = max(1, min(limit, MAX_PAGE))
    with store.transaction(auth.office_id, write=False) as conn:
        return page_since(conn, auth.office_id, cursor, limit)


def page_since(conn: Connection, office_id: str, cursor: int, limit: int, *, in_database: bool | None = None
               ) -> Page:
    """The feed entries after ``cursor`` up to the ``limit``-th, as the current rows they name. On
    PostgreSQL the rows are encoded to JSON by the server (``in_database``), elsewhere here."""
    f = feed.c
    after = (f.office_id == office_id) & (f.seq > cursor)
    tail = conn.execute(select(f.seq).where(after).order_by(f.seq).offset(limit - 1).limit(2)).scalars().all()
    if tail:
        last, more = tail[0], len(tail) > 1
    else:
        last, more = conn.scalar(select(func.max(f.seq)).where(after)), False
    if last is None:
        return Page([], cursor, False)
    in_range = after & (f.seq <= last)
    names = set(conn.execute(select(f.table_name).where(in_range).distinct()).scalars())
    if in_database is None:
        in_database = conn.dialect.name == "postgresql"
    tables = []
    for table in synced_tables():  # parents before children
        if table.name not in names:
            continue
        columns = page_columns(table)
        # A row's version is the sequence of its feed entry, so the page's rows of this table are those
        # with a version in (cursor, last]: a range of the office-and-version index (migration c0003).
        t = table.c
        where = (t.office_id == office_id) & (t.version > cursor) & (t.version <= last)
        if in_database:
            row = func.json_build_array(*[_json_expr(c) for c in columns])
            rows = conn.scalar(select(func.coalesce(func.json_agg(row), literal("[]").cast(JSON)).cast(Text))
                               .where(where))
        else:
            encode = row_encoder(table)
            rows = json.dumps([encode(r) for r in conn.execute(select(*columns).where(where))], ensure_ascii=False)
        tables.append((table.name, [c.name for c in columns], rows))
    return Page(tables, last, more)


def page_columns(table: Table) -> list[Any]:
    """The columns a page carries: all but those each desktop derives for itself."""
    local = MODEL_BY_TABLE[table.name].__local_columns__
    return [c for c in table.columns if c.name not in local]


def _json_expr(column: Any) -> Any:
    """``column`` as PostgreSQL must hand it to json_build_array so the JSON equals ``to_jsonable``'s."""
    t = column.type
    if isinstance(t, UTCDateTime):
        return func.to_char(func.timezone("UTC", column), 'YYYY-MM-DD"T"HH24:MI:SS.US"+00:00"')
    if isinstance(t, LargeBinary):
        return func.translate(func.encode(column, "base64"), "\n", "")  # PostgreSQL wraps base64 lines
    if isinstance(t, (String, Integer, Boolean, Date, JSON)) and not isinstance(t, TypeDecorator):
        return column
    raise TypeError(f"no JSON form for column {column} of type {t!r}")


def row_encoder(table: Table) -> Callable[[Any], list[Any]]:
    """A row selected as ``page_columns(table)`` as a JSON-ready list, converting only the columns whose
    values are not plain JSON already (dates, timestamps, binary, anything unusual)."""
    encoder = _encoders.get(table.name)
    if encoder is None:
        convert = [i for i, c in enumerate(page_columns(table))
                   if not isinstance(c.type, (String, Integer, Boolean)) or isinstance(c.type, TypeDecorator)]

        def encoder(row: Any) -> list[Any]:
            out = list(row)
            for i in convert:
                out[i] = to_jsonable(out[i])
            return out

        _encoders[table.name] = encoder
    return encoder


_encoders: dict[str, Callable[[Any], list[Any]]] = {}


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
