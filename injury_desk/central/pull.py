"""The per-office change feed in sequence order, the office state hash, and rows fetched for repair."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Boolean, Connection, Integer, String, Table, func, literal_column, select
from sqlalchemy.types import TypeDecorator

from injury_desk.central.accounts import DeviceAuth
from injury_desk.central.central_db import CentralStore
from injury_desk.central.office_log import table_of
from injury_desk.central.tables import feed, page_columns, synced_tables
from injury_desk.protocol.messages import MAX_PAGE, format_state_hash, row_state_digest
from injury_desk.store.base import UTCDateTime
from injury_desk.store.batches import in_batches
from injury_desk.store.jsonvalues import to_jsonable, utc_text
from injury_desk.store.rowcodec import row_to_json


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
        return page_since(conn, auth.office_id, cursor, limit, skip_device=auth.device_id)


def page_since(conn: Connection, office_id: str, cursor: int, limit: int, *, skip_device: str | None = None) -> Page:
    """The feed entries after ``cursor`` up to the ``limit``-th, as the current rows they name. Each
    entry holds its row already encoded (``feed.payload``), so a page is one range of the feed's
    office-and-sequence index joined into text by the database.

    Entries whose current version ``skip_device`` pushed are left out: that device's push reply carried those
    versions (or the rows themselves) already, so pulling them back would only rewrite what it holds. The
    cursor still moves past them; a row another device or the service changes later gets a new entry."""
    f = feed.c
    everything_after = (f.office_id == office_id) & (f.seq > cursor)
    after = everything_after
    if skip_device is not None:
        after = after & ((f.device_id.is_(None)) | (f.device_id != skip_device))
    tail = conn.execute(select(f.seq).where(after).order_by(f.seq).offset(limit - 1).limit(2)).scalars().all()
    if tail:
        last, more = tail[0], len(tail) > 1
    else:
        # The last page: up to the office's newest entry, so the cursor passes this device's own entries too.
        last, more = conn.scalar(select(func.max(f.seq)).where(everything_after)), False
    if last is None:
        return Page([], cursor, False)
    in_range = after & (f.seq <= last)
    joined = (func.string_agg(f.payload, literal_column("','")) if conn.dialect.name == "postgresql"
              else func.group_concat(f.payload, literal_column("','")))
    found = {name: (rows, missing) for name, rows, missing in conn.execute(
        select(f.table_name, joined, func.count() - func.count(f.payload)).where(in_range).group_by(f.table_name))}
    tables = []
    for table in synced_tables():  # parents before children
        if table.name not in found:
            continue
        rows, missing = found[table.name]
        # Entries written before payloads existed (c0005 fills them in; kept for safety) are read here.
        rows = (_encoded_rows(conn, table, office_id, cursor, last, skip_device) if missing else f"[{rows}]")
        tables.append((table.name, [c.name for c in page_columns(table.name)], rows))
    return Page(tables, last, more)


def _encoded_rows(conn: Connection, table: Table, office_id: str, cursor: int, last: int,
                  skip_device: str | None = None) -> str:
    """The rows of ``table`` in the sequence range, read and encoded here. A row's version is the
    sequence of its feed entry, so they are a range of the office-and-version index (c0003)."""
    t = table.c
    encode = row_encoder(table)
    q = select(*page_columns(table.name)).where(t.office_id == office_id, t.version > cursor, t.version <= last)
    if skip_device is not None:
        f = feed.c
        q = q.where(t.id.not_in(select(f.row_id).where(
            f.office_id == office_id, f.table_name == table.name, f.seq > cursor, f.seq <= last,
            f.device_id == skip_device)))
    return json.dumps([encode(r) for r in conn.execute(q)], ensure_ascii=False)


def row_encoder(table: Table) -> Callable[[Any], list[Any]]:
    """A row selected as ``page_columns(table.name)`` as a JSON-ready list, converting only the columns whose
    values are not plain JSON already (dates, binary, anything unusual; timestamps to their one UTC form)."""
    encoder = _encoders.get(table.name)
    if encoder is None:
        columns = page_columns(table.name)
        stamps = [i for i, c in enumerate(columns) if isinstance(c.type, UTCDateTime)]
        convert = [i for i, c in enumerate(columns) if i not in stamps and (
            not isinstance(c.type, (String, Integer, Boolean)) or isinstance(c.type, TypeDecorator))]

        def encoder(row: Any) -> list[Any]:
            out = list(row)
            for i in convert:
                out[i] = to_jsonable(out[i])
            for i in stamps:
                if out[i] is not None:
                    out[i] = utc_text(out[i])
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
        for batch in in_batches(ids):
            q = select(table).where(table.c.id.in_(batch), table.c.office_id == auth.office_id)
            for row in conn.execute(q).mappings():
                out.append({"table": table_name, "id": row["id"], "version": row["version"],
                            "row": row_to_json(table, row)})
    return out
