"""The GUI side of the message catalogue: message keys, field names and stored codes in the user's language."""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import QCoreApplication

from injury_desk.catalogue import FIELDS, LABELS, RULES, Entry
from injury_desk.domain.errors import DomainError, FieldError, ValidationFailed
from injury_desk.placeholders import arg


def translated(entry: Entry, params: dict[str, Any] | None = None) -> str:
    """The entry in the installed language, with its parameters at their numbered places."""
    text = QCoreApplication.translate(entry.context, entry.text)
    if not entry.names:  # a word (every list's labels): nothing to put in, as arg() would leave it
        return text
    params = params or {}
    return arg(text, *(params.get(name, "?") for name in entry.names))


def installed_language() -> str:
    """The language of the installed translation ("zh_CN" or "en"), asked of Qt itself so it is never stale."""
    return "zh_CN" if QCoreApplication.translate("Labels", "Reported") != "Reported" else "en"



# ---------------------------------------------------------------- stored codes


def label(group: str, code: Any) -> str:
    """The word for a stored code; an unknown code is shown as itself, never dropped."""
    entry = LABELS[group].get(code)
    return translated(entry) if entry is not None else ("" if code is None else str(code))


def labels(group: str) -> dict[str, str]:
    """Every code of a group with its word, in catalogue order (for combo boxes)."""
    return {code: translated(entry) for code, entry in LABELS[group].items()}


def status_label(code: str) -> str:
    return label("claim_status", code)


def applicant_labels() -> dict[str, str]:
    return labels("applicant")


def outcome_labels() -> dict[str, str]:
    return labels("outcome")


def role_label(code: str) -> str:
    return label("role", code)


def sex_label(code: str) -> str:
    return label("sex", code)


def next_step_label(key: str) -> str:
    return label("next_step", key)


def deadline_kind_label(kind: str | None) -> str:
    return label("deadline_kind", kind or "")


def referral_labels() -> dict[str, str]:
    return labels("referral")


def rtw_labels() -> dict[str, str]:
    return labels("rtw")


def rehab_status_labels() -> dict[str, str]:
    return labels("rehab_status")


def severity_labels() -> dict[str, str]:
    """A hazard's severities, least first."""
    return labels("severity")


def measure_labels() -> dict[str, str]:
    """The standard scales; any other measure is shown as the caseworker typed it."""
    return labels("measure")


def measure_label(measure: str) -> str:
    return label("measure", measure)


def measure_short(measure: str) -> str:
    """The measure's name without its range, for running text."""
    return label("measure_short", measure)


def attendance_labels() -> dict[bool | None, str]:
    return {True: label("attendance", "attended"), False: label("attendance", "missed"),
            None: label("attendance", "booked")}


def rehab_task_labels() -> dict[str, str]:
    return labels("rehab_task")


def injury_type_labels() -> dict[str, str]:
    return labels("injury_type")


def table_label(table: str) -> str:
    return label("table", table)


def op_label(op: str) -> str:
    return label("op", op)


def expected_label(kind: str) -> str:
    return label("expected", kind)


# ---------------------------------------------------------------- fields and rules

_ENTRY = re.compile(r"^(\w+)\[(\d+)\]\.(\w+)$")


def field_label(field: str) -> str:
    """``wages[3].amount`` reads "Wages, entry 4: Amount"; ``worker.name`` is "Name"; sync's own fields too."""
    m = _ENTRY.match(field)
    if m:
        return arg(QCoreApplication.translate("Messages", "%1, entry %2: %3"),
                   field_label(m.group(1)), int(m.group(2)) + 1, field_label(m.group(3)))
    leaf = field.rsplit(".", 1)[-1]
    if leaf.endswith("_fen") and leaf not in FIELDS:  # money is stored in fen: the amount's own label
        leaf = leaf[: -len("_fen")]
    entry = FIELDS.get(leaf) or LABELS["sync_field"].get(leaf)
    return translated(entry) if entry is not None else leaf


def readable_params(params: dict[str, Any]) -> dict[str, Any]:
    """Raw table, field, role and type names in a key's parameters become their labels."""
    out = dict(params)
    if isinstance(out.get("table"), str):
        out["table"] = table_label(out["table"])
    if isinstance(out.get("field"), str):
        out["field"] = field_label(out["field"])
    if isinstance(out.get("role"), str):
        out["role"] = role_label(out["role"]) if out["role"] else "—"
    if isinstance(out.get("approver_role"), str):
        out["approver_role"] = role_label(out["approver_role"])
    if isinstance(out.get("permission"), str):  # an internal key such as assessment.approve: its words
        out["permission"] = label("permission", out["permission"])
    if isinstance(out.get("expected"), str):
        out["expected"] = expected_label(out["expected"])
    return out


def rule_text(key: str, params: dict[str, Any] | None = None) -> str:
    """The sentence for a rule key; an unknown key is shown as itself so it is never silently lost.

    A key has a ``.named`` variant used when the error names a sub-field, and an ``index`` parameter
    (list entries counted from 0 by the engine) is shown as "entry N" counted from 1.
    """
    params = dict(params or {})
    entry = RULES.get(f"{key}.named") if "name" in params else None
    entry = entry or RULES.get(key)
    if entry is None:
        extra = ", ".join(f"{k}={v}" for k, v in params.items())
        return f"{key} ({extra})" if extra else key
    text = translated(entry, readable_params(params))
    if isinstance(params.get("index"), int):
        text = arg(QCoreApplication.translate("Messages", "entry %1: %2"), params["index"] + 1, text)
    return text


def labelled(label_text: str, text: str) -> str:
    """"Name: is required" / "姓名：必填": the colon is the language's own."""
    return arg(QCoreApplication.translate("Messages", "%1: %2"), label_text, text)


def listed(items) -> str:
    """Items of a list in running text: "a, b" / "a，b"."""
    return QCoreApplication.translate("Messages", ", ").join(str(i) for i in items)


def field_error_text(err: FieldError) -> str:
    return labelled(field_label(err.field), rule_text(err.rule, err.params))


def error_text(exc: BaseException) -> str:
    """A readable message for anything a service raised."""
    if isinstance(exc, ValidationFailed):
        return "\n".join(field_error_text(e) for e in exc.errors)
    if isinstance(exc, DomainError):
        return rule_text(exc.key, exc.params)
    return arg(QCoreApplication.translate("Messages", "Unexpected error: %1"), exc)
