"""A line item's formula and legal basis in the user's language, from their message keys and the catalogue.

Results stored before the keys existed carry only English ``formula``/``basis`` text, which is shown as is.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QCoreApplication

from injury_desk.catalogue import FORMULAS, LEGAL_BASES
from injury_desk.domain.messages import Message, render
from injury_desk.placeholders import Template, fill


def _templates() -> dict[str, str]:
    return {key: Template(QCoreApplication.translate(e.context, e.text), *e.names) for key, e in FORMULAS.items()}


def _bases_translated(message: Message) -> Message:
    """``message`` with each rule file's legal basis text in the user's language where the catalogue has it."""
    if message.key == "calc.basis.rule":
        text = str(message.params.get("text", ""))
        entry = LEGAL_BASES.get(text)
        return Message(message.key, {"text": QCoreApplication.translate(entry.context, entry.text) if entry else text})
    params: dict[str, Any] = {}
    for name, value in message.params.items():
        if isinstance(value, Message):
            value = _bases_translated(value)
        elif isinstance(value, tuple):
            value = tuple(_bases_translated(v) for v in value)
        params[name] = value
    return Message(message.key, params)


def message_text(data: Mapping[str, Any] | None, fallback: str = "") -> str:
    """A stored formula or basis message in the user's language; ``fallback`` when there is none."""
    if not data:
        return fallback
    try:
        return render(_bases_translated(Message.from_dict(data)), _templates(), fill)
    except KeyError:
        # a key newer than this program (a result from a newer desktop): its English text is still right
        return fallback


def formula_text(item: Mapping[str, Any]) -> str:
    return message_text(item.get("formula_message"), item.get("formula", ""))


def basis_text(item: Mapping[str, Any]) -> str:
    return message_text(item.get("basis_message"), item.get("basis", ""))
