"""A line item's formula and legal basis in the user's language, from their message keys and the catalogue.

Results stored before the keys existed carry only English ``formula``/``basis`` text, which is shown as is.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QCoreApplication

from injury_desk.catalogue.entry import Entry
from injury_desk.catalogue.message_words import message_words, rule_words


def _translated(entry: Entry) -> str:
    return QCoreApplication.translate(entry.context, entry.text)


def message_text(data: Mapping[str, Any] | None, fallback: str = "") -> str:
    """A stored formula or basis message in the user's language; ``fallback`` when there is none."""
    return message_words(data, fallback, _translated)


def rule_file_text(text: str) -> str:
    """A rule file's own words in the user's language where the catalogue lists them (catalogue rule_words)."""
    return rule_words(text, _translated)


def formula_text(item: Mapping[str, Any]) -> str:
    return message_text(item.get("formula_message"), item.get("formula", ""))


def basis_text(item: Mapping[str, Any]) -> str:
    return message_text(item.get("basis_message"), item.get("basis", ""))
