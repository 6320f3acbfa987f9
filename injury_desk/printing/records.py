"""The record shapes forms are bound to, path look-up in a record, the computed values, and value formatting."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any, Callable

from injury_desk.domain.identifiers import mask_resident_id

# Field types: str, int, bool, date (date or ISO string), time (HH:MM), money (Decimal or decimal string).
_PERSON = {
    "name": "str",
    "id_number": "str",
    "sex": "str",
    "birth_date": "date",
    "phone": "str",
    "address": "str",
}
_EMPLOYER = {
    "name": "str",
    "credit_code": "str",
    "address": "str",
    "contact_name": "str",
    "contact_phone": "str",
}
_COMMON = {"form_record_id": "str", "version": "int"}

SCHEMAS: dict[str, dict[str, Any]] = {
    "claim": {
        **_COMMON,
        "claim": {
            "id": "str",
            "claim_no": "str",
            "status": "str",
            "accident_date": "date",
            "death_date": "date",  # issue 15: the day of death of a fatal claim (Art. 39 counts from it)
            "accident_time": "time",
            "accident_place": "str",
            "circumstances": "str",
            "body_parts": "str",
            "diagnosis": "str",
            "applicant_type": "str",
            "application_received_on": "date",
            "office_name": "str",
        },
        "worker": dict(_PERSON),
        "employer": dict(_EMPLOYER),
        "determination": {"outcome": "str", "basis": "str", "basis_en": "str", "decided_on": "date",
                          "decision_no": "str"},
        # The claim's running statutory clocks (domain/deadlines.py), the same dates every screen shows.
        "clocks": {"application_employer": "date", "application": "date", "acceptance": "date", "decision": "date",
                   "appraisal": "date", "stop_work": "date", "review": "date"},
        # The numbered decision or notice a form prints, and its deliveries (the receipt, 送达回证).
        "document": {"kind": "str", "number": "str", "issued_on": "date", "text": "str", "basis": "str",
                     "basis_en": "str"},
        "deliveries": [{"recipient": "str", "recipient_name": "str", "delivered_on": "date", "method": "str"}],
        "documents": [{"code": "str", "label_zh": "str", "label_en": "str", "present": "bool"}],
        "assessment": {
            "items": [
                {
                    "code": "str",
                    "amount": "money",
                    "period": "str",
                    "payer": "str",
                    "basis": "text",
                    "formula": "text",
                }
            ],
            "total_once": "money",
            "total_monthly": "money",
            "status": "str",
            "approved": "bool",
            "proposed_by": "str",
            "proposed_on": "date",
            "approved_by": "str",
            "approved_on": "date",
            # Arts. 26, 28: the assessment this one superseded, from when, and the settlement between the two
            "effective_from": "date",
            "superseded_total_once": "money",
            "superseded_total_monthly": "money",
            "settlement": [{"kind": "str", "item_code": "str", "old_amount": "money", "new_amount": "money",
                            "months": "int", "difference": "money"}],
        },
        # issue 15: the dependants register of a fatal claim and the costs paid against receipts
        "dependants": [{"name": "str", "relation": "str", "id_number": "str", "share": "str", "payee": "str",
                        "ends_on": "date", "end_reason": "str"}],
        "costs": [{"incurred_on": "date", "kind": "str", "receipt_ref": "str", "payer": "str", "amount": "money",
                   "status": "str"}],
        # issue 15: recurrences (Art. 38) and an uninsured employer's advances (Art. 62; SIL Art. 41)
        "recurrences": [{"occurred_on": "date", "reason": "str", "confirmed_by": "str", "stop_work_from": "date",
                         "stop_work_to": "date", "wages": "str"}],
        "advances": [{"dated_on": "date", "kind": "str", "amount": "money", "reference": "str"}],
        "uninsured": {"insured": "bool", "advanced": "money", "recovered": "money", "to_recover": "money"},
        # issue 15: a missing worker (Art. 41)
        "missing": {"circumstance": "str", "reported_on": "date", "wages_from": "str", "wages_to": "str",
                    "pension_from": "str", "death_subsidy": "money", "advance_cap": "money", "advance": "money",
                    "advance_on": "date", "advance_ref": "str", "outcome": "str", "outcome_on": "date",
                    "outcome_ref": "str", "pensions_paid": "money", "funeral_due": "money",
                    "death_subsidy_due": "money", "to_recover": "money"},
    },
    "rehab_plan": {
        **_COMMON,
        "case": {
            "id": "str",
            "case_no": "str",
            "claim_no": "str",
            "status": "str",
            "referred_on": "date",
            "provider": "str",
            "coordinator": "str",
            "start_date": "date",
            "planned_end_date": "date",
            "summary": "str",
            "office_name": "str",
        },
        "worker": dict(_PERSON),
        "goals": [
            {"description": "str", "measure": "str", "baseline": "str", "target": "str", "target_date": "date"}
        ],
        "sessions": [
            {"scheduled_on": "date", "kind": "str", "provider": "str", "duration_min": "int", "notes": "str"}
        ],
    },
    "inspection": {
        **_COMMON,
        "inspection": {
            "id": "str",
            "inspection_no": "str",
            "inspected_on": "date",
            "inspector": "str",
            "kind": "str",
            "office_name": "str",
            "summary": "str",
            "next_due": "date",
        },
        "employer": dict(_EMPLOYER),
        "hazards": [
            {
                "category": "str",
                "severity": "str",
                "location": "str",
                "description": "str",
                "actions": [{"description": "str", "owner": "str", "due_date": "date", "status": "str"}],
            }
        ],
    },
}


def schema_type(schema: Any, path: str) -> Any | None:
    """The type of ``path`` (dotted) in ``schema``: a type name, a dict (object) or a one-item list; None if unknown."""
    node = schema
    for part in path.split("."):
        if not isinstance(node, dict) or part not in node:
            return None
        node = node[part]
    return node


def lookup(record: Any, path: str) -> Any:
    """The value at a dotted path; None when any step is missing or null (a null section prints empty)."""
    node = record
    for part in path.split("."):
        if node is None:
            return None
        if isinstance(node, dict):
            node = node.get(part)
        else:
            return None
    return node


# ---- computed values -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class RenderContext:
    """What a computed value may look at besides the record."""

    today: dt.date
    language: str
    blank: bool


def _missing_count(record: Any, ctx: RenderContext) -> Any:
    docs = lookup(record, "documents") or []
    return sum(1 for d in docs if not d.get("present"))


_DIGITS = "零壹贰叁肆伍陆柒捌玖"
_SMALL_UNITS = ["", "拾", "佰", "仟"]
_BIG_UNITS = ["", "万", "亿", "万亿"]


def amount_in_words(value: Any) -> str:
    """An amount in Chinese capital numerals (人民币大写), as written on payment documents."""
    amount = to_decimal(value)
    if amount is None:
        return ""
    amount = amount.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    negative = amount < 0
    fen_total = int(abs(amount) * 100)
    yuan, rest = divmod(fen_total, 100)
    jiao, fen = divmod(rest, 10)
    parts: list[str] = []
    if yuan:
        groups = []
        while yuan:
            groups.append(yuan % 10000)
            yuan //= 10000
        out = ""
        zero_pending = False
        for gi in range(len(groups) - 1, -1, -1):
            group = groups[gi]
            if group == 0:
                zero_pending = bool(out)
                continue
            text = ""
            for di in range(3, -1, -1):
                digit = group // (10**di) % 10
                if digit == 0:
                    if text or out:
                        zero_pending = True
                    continue
                if zero_pending and (text or out):
                    text += "零"
                zero_pending = False
                text += _DIGITS[digit] + _SMALL_UNITS[di]
            out += text + _BIG_UNITS[gi]
        parts.append(out + "元")
    if jiao == 0 and fen == 0:
        parts.append("整" if parts else "零元整")
    else:
        if jiao:
            parts.append(_DIGITS[jiao] + "角")
        elif parts:
            parts.append("零")
        if fen:
            parts.append(_DIGITS[fen] + "分")
        else:
            parts.append("整")
    return ("负" if negative else "") + "".join(parts)


@dataclass(frozen=True)
class Computed:
    """A named value a definition may bind to with ``"compute": name``."""

    kinds: frozenset[str] | None  # record kinds it works for; None = every kind
    type: str
    func: Callable[[Any, RenderContext], Any]


COMPUTED: dict[str, Computed] = {
    "today": Computed(None, "date", lambda record, ctx: ctx.today),
    "page_x_of_y": Computed(None, "str", lambda record, ctx: ""),  # filled in when pages are counted
    "worker.id_masked": Computed(
        frozenset({"claim", "rehab_plan"}), "str", lambda record, ctx: mask_resident_id(lookup(record, "worker.id_number"))
    ),
    "documents.missing_count": Computed(frozenset({"claim"}), "int", _missing_count),
    "assessment.total_once_words": Computed(
        frozenset({"claim"}), "str", lambda record, ctx: amount_in_words(lookup(record, "assessment.total_once"))
    ),
    "assessment.total_monthly_words": Computed(
        frozenset({"claim"}), "str", lambda record, ctx: amount_in_words(lookup(record, "assessment.total_monthly"))
    ),
}


# ---- formatting ------------------------------------------------------------------------------------------


def to_decimal(value: Any) -> Decimal | None:
    if value is None or value == "" or isinstance(value, bool):
        return None
    if isinstance(value, Decimal):
        return value
    try:
        return Decimal(str(value).replace(",", ""))
    except (InvalidOperation, ValueError):
        return None


def to_date(value: Any) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and len(value) >= 10:
        try:
            return dt.date.fromisoformat(value[:10])
        except ValueError:
            return None
    return None


def format_value(value: Any, kind: str, language: str, enum: dict | None = None) -> str:
    """The printed text for a bound value; unparseable values print as they are rather than vanish."""
    if value is None:
        return ""
    if isinstance(value, dict) and set(value) <= {"zh", "en"}:  # a "text": the words in both languages
        return bilingual(value, language)
    if enum is not None:
        label = enum.get(str(value))
        if label is not None:
            return bilingual(label, language)
    if kind == "money":
        amount = to_decimal(value)
        if amount is None:
            return str(value)
        return f"{amount.quantize(Decimal('0.01'), rounding=ROUND_HALF_UP):,.2f}"
    if kind == "date":
        day = to_date(value)
        if day is None:
            return str(value)
        if language == "zh":
            return f"{day.year}年{day.month:02d}月{day.day:02d}日"
        return day.isoformat()
    if kind == "bool":
        yes = {"zh": "是", "en": "yes", "bilingual": "是 yes"}
        no = {"zh": "否", "en": "no", "bilingual": "否 no"}
        return (yes if value else no)[language]
    return str(value)


def bilingual(label: Any, language: str, sep: str = " ") -> str:
    """One line of a {zh, en} label in the chosen language."""
    if isinstance(label, str):
        return label
    zh = label.get("zh", "")
    en = label.get("en", "")
    if language == "zh":
        return zh or en
    if language == "en":
        return en or zh
    if zh and en:
        return f"{zh}{sep}{en}"
    return zh or en
