"""Column values to and from JSON-safe form, for outbox entries, audit events and exports."""

from __future__ import annotations

import base64
from datetime import date, datetime, timezone
from decimal import Decimal
from typing import Any


def to_jsonable(value: Any) -> Any:
    """Dates become ISO text; Decimal never appears in rows (money is integer fen)."""
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, (bytes, bytearray, memoryview)):
        # Attachment content: base64 keeps the outbox, audit and sync messages plain JSON.
        return base64.b64encode(bytes(value)).decode("ascii")
    if isinstance(value, Decimal):
        raise TypeError("Decimal in a row value: money must be stored as integer fen")
    return value


def utc_text(value: datetime | str) -> str:
    """A timestamp (aware datetime or ISO text with an offset) in the one form sync pages carry: UTC, with
    microseconds, e.g. 2026-11-28T09:00:00.000000+00:00 (desktops store it by moving two characters)."""
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    # isoformat, not strftime: it writes the year with four digits even before 1000.
    return value.astimezone(timezone.utc).replace(tzinfo=None).isoformat(timespec="microseconds") + "+00:00"


def row_values(obj: Any, columns: list[str]) -> dict[str, Any]:
    return {name: to_jsonable(getattr(obj, name)) for name in columns}
