"""Reading user and file input field by field, collecting every broken rule as a FieldError."""

from __future__ import annotations

import re
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from injury_desk.domain.errors import FieldError
from injury_desk.domain.money import MAX_AMOUNT, AmountError, parse_amount, to_fen
from injury_desk.protocol.messages import unstorable_rule


_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
# Control characters never belong in a field (a NUL cuts a name short in C libraries); tab and newlines may.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def value_kind(value: Any) -> str:
    """What a value read from JSON or a form is, in the words of a ``field.type`` message."""
    if isinstance(value, dict):
        return "object"
    if isinstance(value, (list, tuple)):
        return "list"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (int, float, Decimal)):
        return "number"
    return "text" if isinstance(value, str) else type(value).__name__


class FieldReader:
    """Wraps one input mapping; each getter returns a clean value or None and records errors."""

    def __init__(self, data: dict[str, Any], prefix: str = "") -> None:
        self.data = data or {}
        self.prefix = prefix
        self.errors: list[FieldError] = []

    def name(self, key: str) -> str:
        return f"{self.prefix}{key}"

    def error(self, key: str, rule: str, **params: Any) -> None:
        self.errors.append(FieldError(self.name(key), rule, params))

    def text(self, key: str, *, required: bool = False, max_len: int = 300) -> str:
        value = self.data.get(key)
        if value is None:
            value = ""
        if isinstance(value, (dict, list, tuple, bool)):  # str() of these is never what was meant
            self.error(key, "field.type", expected="text", got=value_kind(value))
            return ""
        if not isinstance(value, str):
            value = str(value)
        value = value.strip()
        if _CONTROL.search(value):
            self.error(key, "field.control_character")
            return ""
        # Half of a UTF-16 surrogate pair (pasted from a broken source, or a "\ud800" escape in a file) is no
        # character: neither the database, nor a printed form, nor the central service could store or show it.
        unstorable = unstorable_rule(value)  # a NUL was refused above with every control character
        if unstorable is not None:
            self.error(key, unstorable[0], **unstorable[1])
            return ""
        if required and not value:
            self.error(key, "field.required")
        elif len(value) > max_len:
            self.error(key, "field.too_long", max=max_len, actual=len(value))
        return value

    def date(self, key: str, *, required: bool = False, not_after: date | None = None) -> date | None:
        value = self.data.get(key)
        if value in (None, ""):
            if required:
                self.error(key, "field.required")
            return None
        if isinstance(value, datetime):
            value = value.date()
        if not isinstance(value, date):
            try:
                text = str(value).strip()
                if not _DATE.fullmatch(text):  # fromisoformat also takes 20261101 and 2026-W44-7
                    raise ValueError(text)
                value = date.fromisoformat(text)
            except ValueError:
                self.error(key, "field.date_format", value=str(value))
                return None
        if not_after is not None and value > not_after:
            self.error(key, "field.date_in_future", value=value.isoformat(), today=not_after.isoformat())
        return value

    def integer(self, key: str, *, required: bool = False, minimum: int | None = None,
                maximum: int | None = None, default: int | None = None) -> int | None:
        value = self.data.get(key)
        if value in (None, ""):
            if required:
                self.error(key, "field.required")
            return default
        try:
            if isinstance(value, bool):
                raise ValueError
            number = int(str(value).strip())
        except ValueError:
            self.error(key, "field.integer", value=str(value))
            return None
        if (minimum is not None and number < minimum) or (maximum is not None and number > maximum):
            self.error(key, "field.range", min=minimum, max=maximum, value=number)
            return None
        return number

    def boolean(self, key: str, default: bool = False) -> bool:
        value = self.data.get(key, default)
        if isinstance(value, bool):
            return value
        if isinstance(value, str) and value.strip().lower() in ("true", "1", "yes"):
            return True
        if isinstance(value, str) and value.strip().lower() in ("false", "0", "no", ""):
            return False
        if isinstance(value, int) and value in (0, 1):
            return bool(value)
        self.error(key, "field.boolean", value=str(value)[:40])
        return default

    def choice(self, key: str, options: tuple[str, ...], *, required: bool = False,
               default: str | None = None) -> str | None:
        value = self.data.get(key)
        if value in (None, ""):
            if required:
                self.error(key, "field.required")
            return default
        value = str(value).strip()
        if value not in options:
            self.error(key, "field.choice", value=value, options=list(options))
            return None
        return value

    def money_fen(self, key: str, *, required: bool = False, minimum: Decimal | None = Decimal(0)) -> int | None:
        """An amount in yuan (string or number) as integer fen; negative amounts are refused."""
        value = self.data.get(key)
        if value in (None, ""):
            if required:
                self.error(key, "field.required")
            return None
        try:
            amount = parse_amount(value, grouping=True)
        except AmountError as exc:
            self.error(key, exc.rule, value=str(value)[:40], max=str(MAX_AMOUNT))
            return None
        if minimum is not None and amount < minimum:
            self.error(key, "money.negative", value=str(amount))
            return None
        try:
            return to_fen(amount)
        except ValueError:
            self.error(key, "money.fen_precision", value=str(amount))
            return None
