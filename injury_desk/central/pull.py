"""The per-office change feed in sequence order, the office state hash, and rows fetched for repair."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Boolean, Connection, Integer, String, Table, func, select
from sqlalchemy.types import TypeDecorator

from injury_desk.central.accounts import DeviceAuth
from injury_desk.central.central_db import CentralStore
from injury_desk.central.id_lists import matching
from injury_desk.central.office_log import table_of
from injury_desk.central.office_state import computed, iter_versions
from injury_desk.central.tables import feed, office_counters, page_columns, synced_tables
from injury_desk.protocol.messages import MAX_PAGE, format_state_hash
from injury_desk.store.base import UTCDateTime
from injury_desk.store.jsonvalues import to_jsonable, utc_text
from injury_desk.store.rowcodec import row_to_json


@dataclass
class Page:
    """One pull page, already encoded as the reply's JSON (UTF-8): a page is written into one buffer as its rows
    are read, so it is never held as Python objects, nor as text and again as bytes, on the way out."""

    body_buffer: bytearray
    cursor: int
    more: bool

    def body(self) -> bytes:
        return bytes(self.body_buffer)

    def view(self) -> memoryview:
        """The body without a copy of it (a response sends it as it is)."""
        return memoryview(self.body_buffer)


# Rows fetched from the database at a time while a page is written (a server-side cursor on PostgreSQL), so the
# driver never holds a whole page of rows besides the page being written.
FETCH_ROWS = 500


def pull_page(store: CentralStore, auth: DeviceAuth, cursor: int, limit: int) -> Page:
    """Rows changed after ``cursor`` in sequence order."""
    limit = max(1, min(limit, MAX_PAGE))
    with store.transaction(auth.office_id, write=False) as conn:
        return page_since(conn, auth.office_id, cursor, limit, skip_device=auth.device_id)


def page_since(conn: Connection, office_id: str, cursor: int, limit: int, *, skip_device: str | None = None) -> Page:
    """The feed entries after ``cursor`` up to the ``limit``-th, as the current rows they name. Each
    entry holds its row already encoded (``feed.payload``), so a page is a range of the feed's
    office-and-sequence index, copied into the reply table by table.

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
        return Page(bytearray(_head(cursor, False) + b"]}"), cursor, False)
    in_range = after & (f.seq <= last)
    # Which tables the page has, where in the range their entries are (a table's rows are then read from its
    # own stretch of the index), and whether any of their entries lacks its payload (entries written before
    # payloads existed, c0005, kept for safety; attachments): those tables' rows are read and encoded here.
    found = {name: (lo, hi, missing) for name, lo, hi, missing in conn.execute(
        select(f.table_name, func.min(f.seq), func.max(f.seq), func.count() - func.count(f.payload))
        .where(in_range).group_by(f.table_name))}
    out = bytearray(_head(last, more))
    for table in (t for t in synced_tables() if t.name in found):  # parents before children
        if out[-1] != ord("["):
            out += b","
        columns = [c.name for c in page_columns(table.name)]
        out += f'{{"table":{json.dumps(table.name)},"columns":{json.dumps(columns)},"rows":['.encode()
        lo, hi, missing = found[table.name]
        if missing:
            _encoded_rows(conn, out, table, office_id, cursor, last, skip_device)
        else:
            # Each row's payload as stored, in sequence order, comma-separated: what string_agg made of them.
            q = (select(f.payload).where(after & (f.seq >= lo) & (f.seq <= hi) & (f.table_name == table.name))
                 .order_by(f.seq))
            for i, payload in enumerate(conn.execute(q.execution_options(yield_per=FETCH_ROWS)).scalars()):
                if i:
                    out += b","
                out += payload.encode()
        out += b"]}"
    out += b"]}"
    return Page(out, last, more)


def _head(cursor: int, more: bool) -> bytes:
    return f'{{"cursor":{cursor},"more":{"true" if more else "false"},"tables":['.encode()


def _encoded_rows(conn: Connection, out: bytearray, table: Table, office_id: str, cursor: int, last: int,
                  skip_device: str | None = None) -> None:
    """Writes the rows of ``table`` in the sequence range, read and encoded here, into ``out`` as the items of a
    JSON array (as ``json.dumps`` of their list writes them). A row's version is the sequence
    of its feed entry, so they are a range of the office-and-version index (c0003)."""
    t = table.c
    encode = row_encoder(table)
    q = select(*page_columns(table.name)).where(t.office_id == office_id, t.version > cursor, t.version <= last)
    if skip_device is not None:
        f = feed.c
        q = q.where(t.id.not_in(select(f.row_id).where(
            f.office_id == office_id, f.table_name == table.name, f.seq > cursor, f.seq <= last,
            f.device_id == skip_device)))
    # In version order, as the payloads are (the order was the plan's before; a server-side cursor may plan apart).
    for i, r in enumerate(conn.execute(q.order_by(t.version).execution_options(yield_per=FETCH_ROWS))):
        if i:
            out += b", "
        out += json.dumps(encode(r), ensure_ascii=False).encode()


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


def state_hash(store: CentralStore, auth: DeviceAuth) -> dict[str, Any]:
    """The office's state hash and the feed position it stands at: read in one snapshot, so the hash is of exactly
    the changes up to ``cursor`` (versions are handed out in commit order under the office's lock). A desktop whose
    own cursor is behind it compares after pulling, not before: changes pushed meanwhile are not drift. The hash is
    the one every write keeps in the office's counters (one row read), or, in a store from before c0020 whose office
    has not been written since, computed over its rows."""
    with store.transaction(auth.office_id, write=False, snapshot=True) as conn:
        f = feed.c
        cursor = conn.scalar(select(func.max(f.seq)).where(f.office_id == auth.office_id)) or 0
        kept = conn.execute(select(office_counters.c.state_acc, office_counters.c.state_rows).where(
            office_counters.c.office_id == auth.office_id)).first()
        if kept is not None and kept.state_acc is not None and kept.state_rows is not None:
            acc, count = int(kept.state_acc, 16), kept.state_rows
        else:
            acc, count = computed(conn, auth.office_id)
    return {"office_id": auth.office_id, "hash": format_state_hash(acc, count), "rows": count, "cursor": cursor}


def row_versions(store: CentralStore, auth: DeviceAuth) -> list[list[Any]]:
    with store.transaction(auth.office_id, write=False) as conn:
        return [[t, r, v] for t, r, v in iter_versions(conn, auth.office_id)]


def fetch_rows(store: CentralStore, auth: DeviceAuth, table_name: str, ids: list[str]) -> list[dict[str, Any]]:
    table = table_of(table_name)
    out = []
    with store.transaction(auth.office_id, write=False) as conn:
        for ids_in in matching(conn, table.c.id, ids):
            q = select(table).where(ids_in, table.c.office_id == auth.office_id)
            for row in conn.execute(q).mappings():
                out.append({"table": table_name, "id": row["id"], "version": row["version"],
                            "row": row_to_json(table, row)})
    return out
