"""A stored formula or legal basis (a domain Message as JSON) in words, given how to translate an entry.

The GUI passes Qt's translation (ui/messages_formulas.py); the printed forms pass the .ts file's, read
without Qt (catalogue/ts_file.py), so the calculation sheet prints the same words as the screen shows.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from injury_desk.catalogue.entry import Entry
from injury_desk.catalogue.formulas import FORMULAS, RULE_TEXTS
from injury_desk.domain.messages import Message, render
from injury_desk.placeholders import Template, fill

Translate = Callable[[Entry], str]


def rule_words(text: str, translate: Translate) -> str:
    """A rule file's own words (a legal basis, a region's name or label, an Art. 40 notice) in the target
    language where the catalogue lists them; as the file writes them otherwise."""
    entry = RULE_TEXTS.get(text)
    return translate(entry) if entry else text


def _bases_translated(message: Message, translate: Translate) -> Message:
    """``message`` with each rule file's legal basis text in the target language where the catalogue has it."""
    if message.key == "calc.basis.rule":
        return Message(message.key, {"text": rule_words(str(message.params.get("text", "")), translate)})
    params: dict[str, Any] = {}
    for name, value in message.params.items():
        if isinstance(value, Message):
            value = _bases_translated(value, translate)
        elif isinstance(value, tuple):
            value = tuple(_bases_translated(v, translate) for v in value)
        params[name] = value
    return Message(message.key, params)


def message_words(data: Mapping[str, Any] | None, fallback: str, translate: Translate) -> str:
    """A stored formula or basis message in words; ``fallback`` (the English text stored beside it) when
    there is none (results stored before the keys existed) or its key is newer than this program."""
    if not data:
        return fallback
    templates = {key: Template(translate(e), *e.names) for key, e in FORMULAS.items()}
    try:
        return render(_bases_translated(Message.from_dict(data), translate), templates, fill)
    except KeyError:
        return fallback


def printed_words(data: Mapping[str, Any] | None, fallback: str) -> dict[str, str]:
    """{"zh": ..., "en": ...} for a printed form, which prints either language or both."""
    from injury_desk.catalogue.ts_file import translator

    return {"zh": message_words(data, fallback, translator("zh_CN")),
            "en": message_words(data, fallback, translator("en"))}
