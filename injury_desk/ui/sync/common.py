"""Shared bits of the sync GUI: record names, refusal reasons, values as read and typed, local times."""

from __future__ import annotations

import json
import threading
from datetime import datetime, timezone
from typing import Any

from PySide6.QtCore import QCoreApplication

from injury_desk.domain.errors import DomainError
from injury_desk.ui.messages import field_label, labelled, rule_text, table_label

# Failures that heal by themselves (network, central service busy or broken): automatic sync backs off.
RETRYABLE_KEYS = frozenset({"sync.network", "sync.timeout", "sync.server_error", "sync.bad_reply",
                            "sync.http_error"})

# Bookkeeping columns every change carries; the caseworker corrects the data, not these.
BOOKKEEPING = frozenset({"id", "office_id", "version", "updated_at", "updated_by"})
# Never shown, never edited here.
SECRET = frozenset({"password_hash"})


_BUILDING = threading.Lock()


def sync_service(services):
    """``services.sync``, for work running off the GUI thread. It is built on first use (the HTTP and keyring
    libraries load then, which the GUI thread must not wait for); the lock makes two workers asking at once
    build it once (functools.cached_property has no lock of its own from Python 3.12)."""
    with _BUILDING:
        return services.sync


def is_retryable(exc: BaseException) -> bool:
    if not isinstance(exc, DomainError):
        return False
    status = exc.params.get("status")
    return exc.key in RETRYABLE_KEYS or status in (408, 425, 429)


def record_names(services, actor, rows) -> dict[tuple[str, str], str]:
    """Off the GUI thread: what each (table, row id) of the rows is called, "GZ01-2026-000012" (the claim it
    belongs to), "张伟"; a record without such a name (deleted meanwhile, or not readable for this role) is
    left out and ``record_label`` names it by its kind alone, never by its internal id."""
    keys = [(row.table, row.row_id) for row in rows]
    try:
        return services.outbox.record_names(actor, keys)
    except Exception:  # noqa: BLE001 - not readable for this role: the kinds will do
        return {}


def record_label(key: tuple[str, str], names: dict[tuple[str, str], str]) -> str:
    """A record as the lists name it: "Payment GZ01-2026-000012", "Person 张伟", or its kind alone."""
    return f"{table_label(key[0])} {names[key]}" if key in names else table_label(key[0])


# Reasons that are a rule of one field: shown after the field's name ("Name: contains a control character").
FIELD_REASONS = frozenset({"sync.field_type", "sync.field_null", "sync.field_too_long", "sync.unknown_field",
                           "field.control_character", "field.invalid_character"})


def reason_text(key: str, params: dict[str, Any]) -> str:
    """The central service's reason for refusing a change, in words (a field rule names its field)."""
    if not key:
        return QCoreApplication.translate("SyncLabels", "No reason was given.")
    text = rule_text(key, params)
    if key in FIELD_REASONS and "field" in params:
        return labelled(field_label(params["field"]), text)
    return text


def last_error_text(status) -> str:
    """A SyncStatus's last error in words ("" for none; text that is no message key as it is)."""
    error = status.error
    return status.last_error if error is None else rule_text(*error)


def value_text(value: Any) -> str:
    """A synced field value as a caseworker reads it."""
    if value is None:
        return QCoreApplication.translate("SyncLabels", "(empty)")
    if isinstance(value, bool):
        return QCoreApplication.translate("SyncLabels", "yes") if value else QCoreApplication.translate("SyncLabels", "no")
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def edit_text(value: Any) -> str:
    """A value as it is typed in an edit box (empty for none)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return value_text(value)  # yes / no, which parse_typed reads back
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def parse_typed(text: str, examples: list[Any]) -> Any:
    """What the caseworker typed, as the JSON value of the field's kind, judged by the values it had.

    Text that does not fit the kind is passed on unchanged: the service then refuses it with a rule that
    names the field (the GUI does not guess the column types, the service owns them)."""
    stripped = text.strip()
    kinds = {type(v) for v in examples if v is not None}
    if stripped == "":
        return "" if kinds == {str} else None
    if bool in kinds:
        low = stripped.lower()
        yes = {"true", "yes", "y", "1", QCoreApplication.translate("SyncLabels", "yes").lower()}
        no = {"false", "no", "n", "0", QCoreApplication.translate("SyncLabels", "no").lower()}
        if low in yes:
            return True
        if low in no:
            return False
        return stripped
    if int in kinds:
        try:
            return int(stripped)
        except ValueError:
            return stripped
    if float in kinds:
        try:
            return float(stripped)
        except ValueError:
            return stripped
    if kinds & {dict, list}:
        try:
            return json.loads(stripped)
        except ValueError:
            return stripped
    return text


def local_time(value: datetime | str | None) -> str:
    """A UTC timestamp (or its ISO text) in local time, as 2026-11-28 14:05."""
    if not value:
        return ""
    if isinstance(value, str):
        try:
            value = datetime.fromisoformat(value)
        except ValueError:
            return value
    if value.tzinfo is None:
        value = value.replace(tzinfo=timezone.utc)
    return value.astimezone().strftime("%Y-%m-%d %H:%M")


def age_text(when: datetime, now: datetime | None = None) -> str:
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    seconds = max(0, int(((now or datetime.now(timezone.utc)) - when).total_seconds()))
    if seconds < 60:
        return QCoreApplication.translate("SyncLabels", "under a minute")
    # (plain names as the count: pyside6-lupdate misses a call whose count is an expression)
    minutes, hours, days = seconds // 60, seconds // 3600, seconds // 86400
    if seconds < 3600:
        return QCoreApplication.translate("SyncLabels", "%n minute(s)", "", minutes)
    if seconds < 86400:
        return QCoreApplication.translate("SyncLabels", "%n hour(s)", "", hours)
    return QCoreApplication.translate("SyncLabels", "%n day(s)", "", days)
