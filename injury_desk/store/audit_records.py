"""What each audited row held after its last audit event: keyed records that `check` compares rows with.

Every change to an audited row (a synced table or the outbox) leaves a record in ``audit_rows``: the event's
sequence, the row, a short fingerprint of each column and a MAC, keyed with the audit key, over all of it and
over a digest of the row's whole content as stored. Rows written in bulk (pulled, seeded, attested when a chain
is keyed) get records under their one event, so a legitimate row always has one. Without the key nobody can
make a record match an edited row; the fingerprints let `check` name the columns that differ.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import struct
import zlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import cache
from operator import itemgetter
from typing import Any

from sqlalchemy import LargeBinary
from sqlalchemy.dialects import sqlite as sqlite_dialect

from injury_desk.store.batches import in_batches
from injury_desk.store.cipher import sqlite
from injury_desk.store.models import MODEL_BY_TABLE, OutboxEntry

OUTBOX = "outbox"
AUDITED_TABLES = (*MODEL_BY_TABLE, OUTBOX)
# Synced columns that are sync bookkeeping, not content (the central store sets them).
SYNC_COLUMNS = frozenset({"id", "version", "updated_at", "updated_by"})
GONE = "-"  # the content digest of a row that was removed on purpose


def _as_blob(value: Any) -> Any:
    return None if value is None else hashlib.sha256(bytes(value)).hexdigest()


@cache
def audited_columns(table: str) -> tuple[str, tuple[str, ...], tuple[Any, ...]]:
    """(key column, content columns, per-column normaliser of the stored value or None) of a table."""
    if table == OUTBOX:
        t = OutboxEntry.__table__
        key, skip = "seq", {"seq"}
    else:
        model = MODEL_BY_TABLE[table]
        t = model.__table__
        key, skip = "id", SYNC_COLUMNS | model.__local_columns__
    names, norms = [], []
    for c in t.columns:
        if c.name in skip:
            continue
        names.append(c.name)
        # A blob (an attachment's content) is represented by its SHA-256; every other value as stored.
        norms.append(_as_blob if isinstance(c.type, LargeBinary) else None)
    return key, tuple(names), tuple(norms)


def content_of(table: str, stored: Iterable[Any]) -> tuple[Any, ...]:
    """The stored column values, exactly as the DB-API driver reads them (records are always made from the
    row as stored and compared with it as stored, whatever wrote it), blobs by their digest."""
    _key, _names, norms = audited_columns(table)
    if not any(norms):
        return tuple(stored)
    return tuple(v if f is None else f(v) for v, f in zip(stored, norms))


# Text SQLite could take for a number (it converts such text in a column of NUMERIC affinity): wider than
# SQLite's own reading (hexadecimal, infinities, any Unicode space), so that nothing it converts passes as text.
_NUMBER_LIKE = re.compile(r"\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*|\s*[+-]?(0[xX][0-9a-fA-F]+|inf(inity)?|nan)\s*",
                          re.IGNORECASE)


def _affinity(declared: str) -> str:
    """SQLite's column affinity for a declared type (https://sqlite.org/datatype3.html, section 3.1)."""
    t = declared.upper()
    if "INT" in t:
        return "INTEGER"
    if "CHAR" in t or "CLOB" in t or "TEXT" in t:
        return "TEXT"
    if "BLOB" in t or not t:
        return "BLOB"
    if "REAL" in t or "FLOA" in t or "DOUB" in t:
        return "REAL"
    return "NUMERIC"


_NONE = type(None)
# Per affinity: the types of bound values SQLite stores exactly as they are, so that the driver reads back an equal
# value of the same type (text in a NUMERIC column also must not read as a number). Anything else (an int in a
# text column, a bool, a float in an integer column) is read back.
_KEPT_TYPES = {"TEXT": frozenset({str, _NONE}), "INTEGER": frozenset({int, _NONE}), "REAL": frozenset({float, _NONE}),
               "NUMERIC": frozenset({int, str, _NONE}), "BLOB": frozenset({bytes, str, int, float, _NONE})}


@cache
def _bound_plan(table: str, names: tuple[str, ...]) -> tuple[tuple[int, ...], tuple[str, ...]] | None:
    """Where each content column sits among the bound ``names``, and its affinity; None when a content column is
    not bound (SQLite would fill in its default)."""
    _key, content_names, _norms = audited_columns(table)
    if not set(content_names) <= set(names):
        return None
    t = OutboxEntry.__table__ if table == OUTBOX else MODEL_BY_TABLE[table].__table__
    dialect = sqlite_dialect.dialect()
    return (tuple(names.index(n) for n in content_names),
            tuple(_affinity(t.columns[n].type.compile(dialect=dialect)) for n in content_names))


def contents_as_bound(table: str, names: tuple[str, ...],
                      rows: Sequence[Sequence[Any]]) -> list[tuple[Any, ...] | None]:
    """The content of newly inserted rows taken from the values bound for them (``names`` says which column each
    value is), equal to what reading them back would give: SQLite keeps a value as it is when the column's
    affinity does not convert it. None for a row with any other value: that row must be read back."""
    plan = _bound_plan(table, tuple(names))
    if plan is None:
        return [None for _ in rows]
    positions, affinities = plan
    pick = itemgetter(*positions)
    contents = [pick(row) for row in rows] if len(positions) > 1 else [(pick(row),) for row in rows]
    converted: set[int] = set()  # rows SQLite may store otherwise than bound
    for j, affinity in enumerate(affinities):  # column by column: one pass over the types, most columns pass
        kept = _KEPT_TYPES[affinity]
        column = [c[j] for c in contents]
        if not {type(v) for v in column} <= kept:
            converted.update(n for n, v in enumerate(column) if type(v) not in kept)
        if affinity == "NUMERIC":
            converted.update(n for n, v in enumerate(column) if type(v) is str and _NUMBER_LIKE.fullmatch(v))
    return [None if n in converted else content_of(table, c) for n, c in enumerate(contents)]


PRINT_WIDTH = 8  # hex digits of each column's fingerprint


def _encoded(content: tuple[Any, ...]) -> list[bytes]:
    # repr() of str, int, float and None is the same in every process, and escapes control characters, so
    # the values joined by one of them below cannot run into each other. All of it runs in C (no Python
    # step per column): a pull records thousands of rows per page.
    return list(map(str.encode, map(repr, content)))


@cache
def _packer(columns: int) -> Callable[..., bytes]:
    return struct.Struct(f">{columns}I").pack


def _prints(encoded: list[bytes]) -> str:
    # Each CRC as eight hex digits, packed big-endian and hexed at once rather than formatted one by one.
    return _packer(len(encoded))(*map(zlib.crc32, encoded)).hex()


def fingerprint(content: tuple[Any, ...]) -> str:
    """A CRC-32 per column: enough to name the columns that differ, never to verify (the MAC does)."""
    return _prints(_encoded(content))


def digest(content: tuple[Any, ...] | None) -> str:
    return GONE if content is None else hashlib.sha256(b"\x1e".join(_encoded(content))).hexdigest()


def record_mac(key: bytes, event_seq: int, table: str, row_id: str, prints: str, content_digest: str) -> str:
    msg = f"{event_seq}\x1f{table}\x1f{row_id}\x1f{prints}\x1f{content_digest}".encode()
    return hmac.digest(key, msg, "sha256").hex()[:32]


def make_record(key: bytes, event_seq: int, table: str, row_id: str,
                content: tuple[Any, ...] | None) -> tuple[int, str, str, str, str]:
    if content is None:
        return event_seq, table, row_id, "", record_mac(key, event_seq, table, row_id, "", GONE)
    return make_records(key, event_seq, table, {row_id: content})[0]


def stored_rows(raw: sqlite.Connection, table: str, ids: Iterable[str] | None,
                versions: dict[str, int] | None = None) -> Iterator[tuple[str, tuple[Any, ...] | None]]:
    """(row id, content) of the given rows as stored now (None for a row that is not there), or of every row
    when ``ids`` is None. With ``versions``, only rows stored at exactly that version (the ones a bulk write
    really wrote: an older copy arriving late is skipped by the upsert and gets no record)."""
    key, names, _norms = audited_columns(table)
    cols = ", ".join((key, *(["version"] if versions is not None else []), *names))
    if ids is None:
        for row in raw.execute(f"SELECT {cols} FROM {table}"):
            yield str(row[0]), content_of(table, row[1:])
        return
    for chunk in in_batches(list(dict.fromkeys(ids))):
        params = [int(r) for r in chunk] if key == "seq" else chunk
        found = {str(row[0]): row[1:] for row in raw.execute(
            f"SELECT {cols} FROM {table} WHERE {key} IN ({', '.join('?' * len(chunk))})", params)}
        for rid in chunk:
            row = found.get(rid)
            if versions is not None:
                if row is None or row[0] != versions.get(rid):
                    continue
                row = row[1:]
            yield rid, None if row is None else content_of(table, row)


def write_records(raw: sqlite.Connection, records: list[tuple[int, str, str, str, str]]) -> None:
    if records:
        raw.executemany("INSERT OR REPLACE INTO audit_rows (event_seq, table_name, row_id, prints, mac)"
                        " VALUES (?, ?, ?, ?, ?)", records)


def make_records(key: bytes, event_seq: int, table: str,
                 rows: dict[str, tuple[Any, ...]]) -> list[tuple[int, str, str, str, str]]:
    """The records of rows of one table (none of them gone; ``make_record`` makes one): the prints and digest
    written out in one loop, as a pull records each of its rows (a call per step cost a tenth of a 100,000-row
    pull)."""
    sha256, crc32, encode = hashlib.sha256, zlib.crc32, str.encode
    records = []
    for rid, content in rows.items():
        encoded = list(map(encode, map(repr, content)))  # as _encoded, _prints and digest make them
        prints = _packer(len(encoded))(*map(crc32, encoded)).hex()
        records.append((event_seq, table, rid, prints,
                        record_mac(key, event_seq, table, rid, prints, sha256(b"\x1e".join(encoded)).hexdigest())))
    return records


def record_contents(raw: sqlite.Connection, key: bytes, event_seq: int,
                    contents: dict[str, dict[str, tuple[Any, ...]]]) -> int:
    """Records, under one event, rows whose stored content the caller already knows (per table, id -> content as
    content_of gives it: the values a bulk write bound, see contents_as_bound); returns how many."""
    count = 0
    for table, rows in contents.items():
        records = make_records(key, event_seq, table, rows)
        write_records(raw, records)
        count += len(records)
    return count


def record_rows(raw: sqlite.Connection, key: bytes, event_seq: int,
                rows: dict[str, Iterable[str] | dict[str, int] | None]) -> int:
    """Records, under one event, the rows named per table as they are stored now (a dict of id -> version
    keeps only rows at that version; None names every row of the table); returns how many."""
    count = 0
    for table, spec in rows.items():
        batch: list[tuple[int, str, str, str, str]] = []
        versions = spec if isinstance(spec, dict) else None
        ids = None if spec is None else list(spec)
        for rid, content in stored_rows(raw, table, ids, versions):
            batch.append(make_record(key, event_seq, table, rid, content))
            if len(batch) >= 10_000:
                write_records(raw, batch)
                count += len(batch)
                batch = []
        write_records(raw, batch)
        count += len(batch)
    return count

