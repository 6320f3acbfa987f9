"""Column values as a plain SQLite read returns them, typed as the ORM's column types give them: the quick reads
(store.quick_*, services.*_rows) and the services that run them must see the same values."""

from __future__ import annotations

from collections.abc import Sized
from datetime import date, datetime, timezone
from typing import Any


def sql_date(value: Any) -> date | None:
    """A Date column (ISO text, or NULL) as a date, as SQLAlchemy's Date type gives it."""
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(value)


def sql_bool(value: Any) -> bool | None:
    """A Boolean column (0/1, or NULL) as a bool, as SQLAlchemy's Boolean type gives it."""
    return None if value is None else bool(value)


def utc_time(value: str | None) -> datetime | None:
    """A timestamp column as store.base.UTCDateTime reads it: SQLite keeps naive UTC text, tz-aware UTC comes back."""
    if value is None:
        return None
    parsed = datetime.fromisoformat(value)
    return parsed if parsed.tzinfo is not None else parsed.replace(tzinfo=timezone.utc)


def stored_token(updated_at: str) -> str:
    """services.people.edit_token of a row from its stored updated_at: the token an editor sends back must be the
    one the service compares."""
    moment = utc_time(updated_at)
    assert moment is not None  # updated_at is NOT NULL
    return moment.isoformat()


def placeholders(values: Sized) -> str:
    """``?, ?, ?`` for an ``IN (...)`` of ``values``."""
    return ", ".join("?" * len(values))
