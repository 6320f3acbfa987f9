"""Synced row values to and from sync messages: JSON values checked and converted by column type."""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Callable, Mapping
from datetime import date, datetime, timezone
from functools import cache
from types import MappingProxyType
from typing import Any

from sqlalchemy import JSON, Boolean, Date, Integer, LargeBinary, String, Table, Text

from injury_desk.protocol.messages import unstorable_rule
from injury_desk.store.base import UTCDateTime
from injury_desk.store.jsonvalues import to_jsonable
from injury_desk.store.models import MODEL_BY_TABLE


class BadValue(ValueError):
    """A field value of the wrong type or size; carries a message key and parameters."""

    def __init__(self, key: str, **params: Any) -> None:
        super().__init__(key)
        self.key = key
        self.params = params


def synced_table(name: str) -> Table | None:
    model = MODEL_BY_TABLE.get(name)
    return model.__table__ if model is not None else None  # type: ignore[return-value]


@cache
def writable_columns(table: Table) -> Mapping[str, Any]:
    """Columns a mutation may carry: everything but the sync bookkeeping and locally derived columns (read-only:
    one mapping per table, which the service asks for once per mutation)."""
    model = MODEL_BY_TABLE[table.name]
    local = model.__local_columns__
    return MappingProxyType({c.name: c for c in table.columns
                             if c.name not in {"id", "version", "updated_at", "updated_by"} and c.name not in local})


def check_value(column, value: Any, *, characters: bool = True) -> Any:
    """The JSON value as the sync message must carry it for ``column``; raises BadValue. ``characters=False``:
    its text was already walked for a NUL or a lone surrogate (the service's push refuses those first)."""
    name = column.name
    if value is None:
        if not column.nullable:
            raise BadValue("sync.field_null", field=name)
        return None
    t = column.type
    if isinstance(t, Boolean):
        if not isinstance(value, bool):
            raise BadValue("sync.field_type", field=name, expected="boolean")
    elif isinstance(t, Integer):
        if isinstance(value, bool) or not isinstance(value, int):
            raise BadValue("sync.field_type", field=name, expected="integer")
        if not -(2**31) <= value < 2**31:  # Integer columns are 32-bit on PostgreSQL
            raise BadValue("sync.field_type", field=name, expected="integer")
    elif isinstance(t, UTCDateTime):
        if not isinstance(value, str):
            raise BadValue("sync.field_type", field=name, expected="timestamp")
        try:
            parsed = datetime.fromisoformat(value)
        except ValueError:
            raise BadValue("sync.field_type", field=name, expected="timestamp") from None
        if parsed.tzinfo is None:
            raise BadValue("sync.field_type", field=name, expected="timestamp")
        try:
            parsed.astimezone(timezone.utc)
        except OverflowError:  # e.g. year 1 at +05:00 falls before the first representable instant
            raise BadValue("sync.field_type", field=name, expected="timestamp") from None
    elif isinstance(t, Date):
        if not isinstance(value, str):
            raise BadValue("sync.field_type", field=name, expected="date")
        try:
            date.fromisoformat(value)
        except ValueError:
            raise BadValue("sync.field_type", field=name, expected="date") from None
    elif isinstance(t, LargeBinary):
        if not isinstance(value, str):
            raise BadValue("sync.field_type", field=name, expected="base64")
        try:
            base64.b64decode(value, validate=True)
        except (binascii.Error, ValueError):
            raise BadValue("sync.field_type", field=name, expected="base64") from None
    elif isinstance(t, (String, Text)):
        if not isinstance(value, str):
            raise BadValue("sync.field_type", field=name, expected="text")
        if characters:
            _check_characters(name, value)
        limit = getattr(t, "length", None)
        if limit and len(value) > limit:
            raise BadValue("sync.field_too_long", field=name, max=limit, actual=len(value))
    elif isinstance(t, JSON) and characters:
        _check_characters(name, value)
    return value


def _check_characters(name: str, value: Any) -> None:
    """Text no store keeps as typed is refused as the services and the service refuse it, naming the column."""
    rule = unstorable_rule(value)
    if rule is not None:
        raise BadValue(rule[0], field=name, **rule[1])


def to_python(column, value: Any) -> Any:
    """A checked JSON value as SQLAlchemy binds it for ``column``."""
    if value is None:
        return None
    t = column.type
    if isinstance(t, UTCDateTime):
        return datetime.fromisoformat(value).astimezone(timezone.utc)
    if isinstance(t, Date):
        return date.fromisoformat(value)
    if isinstance(t, LargeBinary):
        return base64.b64decode(value)
    return value


def row_to_json(table: Table, row: Any) -> dict[str, Any]:
    """A database row (mapping) as a sync message carries it: every column, JSON values."""
    return {c.name: to_jsonable(row[c.name]) for c in table.columns}


def sqlite_converters(table: Table) -> list[tuple[str, Callable[[list[list[Any]], int], None] | None]]:
    """Per column, None when a JSON value is stored in SQLite as it is, else a function that converts
    column ``i`` of every row in place to the value SQLAlchemy would have stored (for raw executemany)."""

    def timestamps(rows: list[list[Any]], i: int) -> None:
        for row in rows:
            v = row[i]
            if v is None:
                continue
            if len(v) == 32 and v[10] == "T" and v.endswith("+00:00"):
                # The central store's own form (UTC, microseconds): only the separators differ.
                row[i] = f"{v[:10]} {v[11:26]}"
            else:
                # As SQLAlchemy stores it (isoformat writes four-digit years, strftime does not).
                row[i] = (datetime.fromisoformat(v).astimezone(timezone.utc).replace(tzinfo=None)
                          .isoformat(sep=" ", timespec="microseconds"))

    def blobs(rows: list[list[Any]], i: int) -> None:
        for row in rows:
            if row[i] is not None:
                row[i] = base64.b64decode(row[i])

    def json_text(rows: list[list[Any]], i: int) -> None:
        for row in rows:
            if row[i] is not None:
                row[i] = json.dumps(row[i])

    def flags(rows: list[list[Any]], i: int) -> None:
        # SQLite stores a bool as the integer it is; bound as that integer, the values bound are the values
        # stored, so a bulk write's audit records can be made from them (audit_records.contents_as_bound).
        for row in rows:
            v = row[i]
            if v is True:
                row[i] = 1
            elif v is False:
                row[i] = 0

    out: list[tuple[str, Callable[[list[list[Any]], int], None] | None]] = []
    for c in table.columns:
        t = c.type
        if isinstance(t, Boolean):
            out.append((c.name, flags))
        elif isinstance(t, UTCDateTime):
            out.append((c.name, timestamps))
        elif isinstance(t, LargeBinary):
            out.append((c.name, blobs))
        elif isinstance(t, JSON):
            out.append((c.name, json_text))
        else:
            out.append((c.name, None))
    return out
