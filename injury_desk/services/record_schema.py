"""The records that travel in import and export files: their fields and strict types, derived from the models.

One schema for every record type, read off the same SQLAlchemy columns the services write through: a
field's type, length, whether it is required and which table it refers to. A value of the wrong JSON
type is refused, never converted (a name given as an object, an id given as ``true``, ``fatal: 2``, a
date written ``20261101``). Money columns (``*_fen``, integer fen) travel as yuan amounts without the
suffix ("amount": "1234.56"). The per-type rules (check digits, the claim lifecycle) stay in the
services' own readers, which the import runs as well.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass
from datetime import date, datetime, timezone
from typing import Any

from sqlalchemy import JSON, Boolean, Date, Integer, LargeBinary, String, Text, UniqueConstraint, inspect

from injury_desk.domain.errors import FieldError
from injury_desk.domain.money import MAX_AMOUNT, AmountError, from_fen, parse_amount, to_fen
from injury_desk.services.fields import value_kind
from injury_desk.store.base import UTCDateTime
from injury_desk.store.base import Base
from injury_desk.store.models import MODEL_BY_TABLE

# The type names of files written before every table travelled (and the singular of each table).
_TYPE_NAMES = {"people": "person", "employer_headcounts": "employer_headcount", "prevention_spends": "prevention_spend",
               "determination_suspensions": "determination_suspension", "decision_documents": "decision_document",
               "deliveries": "delivery", "claim_notes": "claim_note", "dependants": "dependant",
               "claim_costs": "claim_cost", "recurrences": "recurrence",
               "fund_advances": "fund_advance", "missing_workers": "missing_worker"}
NOT_TRANSFERRED = frozenset({"offices", "users"})  # made centrally, never imported from a file
# Every synced record type, each after the types it refers to (the metadata's dependency order), so an
# export imports front to back.
MODELS = {_TYPE_NAMES.get(t.name, t.name.removesuffix("s")): MODEL_BY_TABLE[t.name]
          for t in Base.metadata.sorted_tables if t.name in MODEL_BY_TABLE and t.name not in NOT_TRANSFERRED}
# Attachments name their owner by table and id (no foreign key): they come after every type they may belong to.
MODELS["attachment"] = MODELS.pop("attachment")
TYPE_OF_TABLE = {model.__tablename__: kind for kind, model in MODELS.items()}
NOT_IN_FILES = frozenset({"office_id", "version", "updated_at", "updated_by", "deleted"})
TEXT_MAX = 100_000  # a Text column: long enough for any note, short enough to refuse a runaway line
INT_MAX = 2**53  # what every JSON reader keeps exact
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
# Control characters never belong in a record; tab and line breaks do (notes, circumstances).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")

# Values a field may take, where the model only says "text" (the services' own constants say the same).
CHOICES: dict[tuple[str, str], tuple[str, ...]] = {
    ("claim", "status"): ("reported", "application_received", "determination", "appraisal", "assessment",
                          "payment", "closed"),
    ("claim", "applicant_type"): ("employer", "worker", "close_relative", "trade_union"),
    ("determination", "outcome"): ("recognised", "deemed", "not_recognised"),
    ("appraisal", "nursing_level"): ("none", "partial", "major", "full"),
    ("assessment", "status"): ("proposed", "approved", "returned"),
    ("payment", "status"): ("scheduled", "paid", "cancelled"),
    ("payment", "payer"): ("fund", "employer"),
    ("inspection", "status"): ("planned", "done", "cancelled"),
    ("hazard", "severity"): ("low", "medium", "high", "critical"),
    ("hazard", "status"): ("open", "closed"),
    ("corrective_action", "status"): ("open", "done", "extended"),
    ("incident", "kind"): ("accident", "near_miss"),
    ("rehab_case", "referral_type"): ("medical", "vocational", "social"),
    ("rehab_case", "status"): ("open", "closed"),
    ("prevention_spend", "kind"): ("project", "publicity"),
    ("delivery", "recipient"): ("worker", "employer", "close_relative", "trade_union"),
    ("delivery", "method"): ("in_person", "post", "left_at_address"),
    ("dependant", "relation"): ("spouse", "child", "parent", "grandparent", "grandchild", "sibling"),
    ("dependant", "sex"): ("M", "F"),
    ("dependant", "condition"): ("lost_capacity", "spouse_of_age", "parent_of_age", "child_under_age",
                                 "grandparent_of_age", "grandchild_under_age", "sibling_under_age"),
    ("dependant", "ended_by"): ("employment", "enlistment", "remarriage", "adoption", "death"),
    ("claim_cost", "kind"): ("medical", "hospital_meal", "travel_lodging", "assistive_device", "rehabilitation",
                             "appraisal_fee"),
    ("claim_cost", "payer"): ("fund", "employer"),
    ("claim_cost", "status"): ("proposed", "approved", "returned"),
    ("rehab_case", "rtw_outcome"): ("same_job", "modified_job", "other_job_same_employer", "new_employer",
                                    "not_returned"),
}
# JSON columns that hold a list of objects (the others hold one object).
JSON_LISTS = frozenset({("assessment", "settlement")})
# Dates of things that have happened: never after today.
PAST_DATES = frozenset({"decided_on", "requested_on", "appraised_on", "paid_on", "opened_on", "closed_on",
                        "inspected_on", "occurred_on", "measured_on", "accepted_on", "accident_date",
                        "application_received_on", "birth_date", "incurred_on", "ended_on"})


@dataclass(frozen=True)
class Field:
    """One field of a record type as it appears in files."""

    name: str  # the name in the file
    column: str  # the model's column
    kind: str  # uuid, ref, text, int, bool, date, timestamp, json, json_list, money, file
    required: bool
    max_len: int = 0
    refers_to: str | None = None  # the table a ref points to
    choices: tuple[str, ...] | None = None


# Required in the table but not in a file: the import makes them (a claim number from the office's series,
# a person's sex and birth date from the ID number, a claim's worker and employer also found by their numbers,
# an attachment's hash and size from its file).
MADE_ON_IMPORT = frozenset({("claim", "claim_no"), ("claim", "worker_id"), ("claim", "employer_id"),
                            ("person", "sex"), ("person", "birth_date"), ("attachment", "sha256"),
                            ("attachment", "size")})


def _fields(kind: str, model) -> tuple[Field, ...]:
    out: list[Field] = []
    local = getattr(model, "__local_columns__", frozenset())
    for col in inspect(model).columns:
        name = col.key
        if name in NOT_IN_FILES or name in local:
            continue
        required = not col.nullable and col.default is None and not col.primary_key \
            and (kind, name) not in MADE_ON_IMPORT
        if name == "id":
            out.append(Field("id", "id", "uuid", False, 36))
        elif col.foreign_keys:
            target = next(iter(col.foreign_keys)).column.table.name
            out.append(Field(name, name, "ref", required, 36, refers_to=target))
        elif isinstance(col.type, LargeBinary):
            out.append(Field("file", name, "file", True))
        elif isinstance(col.type, Boolean):
            out.append(Field(name, name, "bool", required))
        elif isinstance(col.type, Integer) and name.endswith("_fen"):
            out.append(Field(name[:-4], name, "money", required))
        elif isinstance(col.type, Integer):
            out.append(Field(name, name, "int", required))
        elif isinstance(col.type, Date):
            out.append(Field(name, name, "date", required))
        elif isinstance(col.type, UTCDateTime):
            out.append(Field(name, name, "timestamp", required))
        elif isinstance(col.type, JSON):
            out.append(Field(name, name, "json_list" if (kind, name) in JSON_LISTS else "json", required))
        elif isinstance(col.type, (String, Text)):
            length = getattr(col.type, "length", None) or TEXT_MAX
            out.append(Field(name, name, "text", required, length, choices=CHOICES.get((kind, name))))
        else:  # pragma: no cover - a new column type must be given a file form here first
            raise TypeError(f"{model.__tablename__}.{name}: no file form for {col.type!r}")
    return tuple(out)


FIELDS: dict[str, tuple[Field, ...]] = {kind: _fields(kind, model) for kind, model in MODELS.items()}


def _unique_sets(model) -> tuple[tuple[str, ...], ...]:
    table = model.__table__
    sets = [(c.name,) for c in table.columns if c.unique and not c.primary_key]
    sets += [tuple(c.name for c in con.columns) for con in table.constraints if isinstance(con, UniqueConstraint)]
    return tuple(dict.fromkeys(sets))


# The unique keys of each type (besides its id), checked before the insert: a taken key is a line error,
# never an IntegrityError.
UNIQUE_KEYS: dict[str, tuple[tuple[str, ...], ...]] = {kind: _unique_sets(model) for kind, model in MODELS.items()}


def type_error(field: str, expected: str, value: Any) -> FieldError:
    """``field.type``: ``value`` (as read from JSON or a form) is not the ``expected`` kind; says what it was."""
    return FieldError(field, "field.type", {"expected": expected, "got": value_kind(value)})


def read_value(f: Field, value: Any, today: date) -> tuple[Any, FieldError | None]:
    """The column value of one field, or the rule it broke. ``None`` stays ``None`` (required is checked apart)."""
    if value is None:
        return None, None
    if f.kind in ("uuid", "ref"):
        if not isinstance(value, str):
            return None, type_error(f.name, "id", value)
        try:
            parsed = uuid.UUID(value)
        except ValueError:
            return None, FieldError(f.name, "field.id_format", {"value": value[:40]})
        if len(value) != 36:
            return None, FieldError(f.name, "field.id_format", {"value": value[:40]})
        return str(parsed), None
    if f.kind == "text":
        if not isinstance(value, str):
            return None, type_error(f.name, "text", value)
        if _CONTROL.search(value):
            return None, FieldError(f.name, "field.control_character", {})
        if len(value) > f.max_len:
            return None, FieldError(f.name, "field.too_long", {"max": f.max_len, "actual": len(value)})
        if f.choices is not None and value not in f.choices:
            return None, FieldError(f.name, "field.choice", {"value": value[:40], "options": list(f.choices)})
        return value, None
    if f.kind == "int":
        if isinstance(value, bool) or not isinstance(value, int):
            return None, type_error(f.name, "integer", value)
        if abs(value) > INT_MAX:
            return None, FieldError(f.name, "field.range", {"min": -INT_MAX, "max": INT_MAX, "value": value})
        return value, None
    if f.kind == "bool":
        if not isinstance(value, bool):
            return None, type_error(f.name, "true or false", value)
        return value, None
    if f.kind == "date":
        if not isinstance(value, str):
            return None, type_error(f.name, "date YYYY-MM-DD", value)
        if not _DATE.fullmatch(value):
            return None, FieldError(f.name, "field.date_format", {"value": value[:40]})
        try:
            day = date.fromisoformat(value)
        except ValueError:
            return None, FieldError(f.name, "field.date_format", {"value": value[:40]})
        if f.name in PAST_DATES and day > today:
            return None, FieldError(f.name, "field.date_in_future", {"value": value, "today": today.isoformat()})
        return day, None
    if f.kind == "timestamp":
        if not isinstance(value, str):
            return None, type_error(f.name, "timestamp", value)
        try:
            stamp = datetime.fromisoformat(value)
        except ValueError:
            return None, FieldError(f.name, "field.timestamp_format", {"value": value[:40]})
        if stamp.tzinfo is None:
            return None, FieldError(f.name, "field.timestamp_format", {"value": value[:40]})
        return stamp.astimezone(timezone.utc), None
    if f.kind == "json":
        if not isinstance(value, dict):
            return None, type_error(f.name, "object", value)
        return value, None
    if f.kind == "json_list":
        if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
            return None, type_error(f.name, "list", value)
        return value, None
    if f.kind == "money":
        if isinstance(value, bool) or not isinstance(value, (str, int)):
            return None, type_error(f.name, "amount", value)
        try:
            amount = parse_amount(value)
        except AmountError as exc:
            return None, FieldError(f.name, exc.rule, {"value": str(value)[:40], "max": str(MAX_AMOUNT)})
        if amount < 0:
            return None, FieldError(f.name, "money.negative", {"value": str(amount)})
        try:
            return to_fen(amount), None
        except ValueError:
            return None, FieldError(f.name, "money.fen_precision", {"value": str(amount)})
    if f.kind == "file":
        if not isinstance(value, str):
            return None, type_error(f.name, "file name", value)
        return value, None
    raise AssertionError(f.kind)  # pragma: no cover


def read_record(kind: str, record: dict[str, Any], today: date,
                extra: frozenset[str] = frozenset()) -> tuple[dict[str, Any], list[FieldError]]:
    """The column values of one file record (missing fields left out), and every broken type rule."""
    clean: dict[str, Any] = {}
    errors: list[FieldError] = []
    known = {f.name: f for f in FIELDS[kind]}
    for name in record:
        if name != "type" and name not in known and name not in extra:
            errors.append(FieldError(str(name)[:60], "import.unknown_field", {"type": kind}))
    for f in FIELDS[kind]:
        if f.name not in record:
            if f.required:
                errors.append(FieldError(f.name, "field.required", {}))
            continue
        value, error = read_value(f, record[f.name], today)
        if error is not None:
            errors.append(error)
        elif value is None and f.required:
            errors.append(FieldError(f.name, "field.required", {}))
        elif value is not None:
            clean[f.column] = value
    return clean, errors


def file_value(f: Field, value: Any) -> Any:
    """A column value as the file writes it."""
    if value is None:
        return None
    if f.kind == "money":
        return str(from_fen(value))
    if f.kind == "date":
        return value.isoformat()
    if f.kind == "timestamp":
        return value.astimezone(timezone.utc).isoformat()
    return value
