"""Conditions that pick rows by a list of ids: one array on PostgreSQL, ``IN (...)`` batches on SQLite."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from sqlalchemy import ColumnElement, Connection, String, any_, literal
from sqlalchemy.dialects.postgresql import ARRAY

from injury_desk.store.batches import in_batches


def matching(conn: Connection, column: Any, values: Iterable[Any]) -> Iterator[ColumnElement[bool]]:
    """Conditions that together pick the rows whose ``column`` is one of ``values`` (none for no values). On
    PostgreSQL one condition, the values bound as one array: the statement's text is the same for any number of
    them, so the driver, the server's parser and its planner see one statement instead of one per length (under
    cProfile a push's lookups spent more time being parsed than run). On SQLite, which binds only so many
    parameters, IN batches."""
    values = list(values)
    if not values:
        return
    if conn.dialect.name == "postgresql":
        # Text as text[], not VARCHAR(36)[]: that cast would cut a longer value to a prefix that may match.
        element = String() if isinstance(column.type, String) else column.type
        yield column == any_(literal(values, ARRAY(element)))
        return
    for batch in in_batches(values):
        yield column.in_(batch)
