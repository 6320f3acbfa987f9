"""The Chinese words of catalogue entries read straight from the .ts file, for code that runs without Qt."""

from __future__ import annotations

import functools
import xml.etree.ElementTree as ET

from injury_desk.catalogue.entry import Entry
from injury_desk.resources import translations_dir


@functools.lru_cache(maxsize=4)
def _table(language: str) -> dict[tuple[str, str], str]:
    path = translations_dir() / f"injury_desk_{language}.ts"
    if not path.exists():
        return {}
    table = {}
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is None or translation.get("type") in ("unfinished", "vanished", "obsolete"):
                continue
            if translation.text:
                table[(name, message.findtext("source") or "")] = translation.text
    return table


def translator(language: str):
    """A function Entry -> text in ``language`` ("zh" or "en"); an untranslated entry stays English."""
    if language.startswith("zh"):
        table = _table("zh_CN")
        return lambda entry: table.get((entry.context, entry.text), entry.text)
    return lambda entry: entry.text


def entry_text(entry: Entry, language: str) -> str:
    return translator(language)(entry)
