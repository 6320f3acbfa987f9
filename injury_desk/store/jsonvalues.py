"""Column values to and from JSON-safe form, for outbox entries, audit events and exports."""

from __future__ import annotations

import base64
from datetime import date, datetime
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


def row_values(obj: Any, columns: list[str]) -> dict[str, Any]:
    return {name: to_jsonable(getattr(obj, name)) for name in columns}
