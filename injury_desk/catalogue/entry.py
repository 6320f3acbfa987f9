"""A catalogue entry: a translation context, an English sentence with %1, %2 and the parameter name of each."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Entry:
    context: str
    text: str
    names: tuple[str, ...] = ()


def QT_TRANSLATE_NOOP(context: str, text: str) -> Entry:  # noqa: N802 - the name pyside6-lupdate looks for
    """Marks ``text`` for lupdate under ``context``; translated later by the GUI (Qt) or the printed forms."""
    return Entry(context, text)


def _p(entry: Entry, *names: str) -> Entry:
    """The entry with the parameter name each of %1, %2 ... stands for."""
    return Entry(entry.context, entry.text, names)


def by_text(*entries: Entry) -> dict[str, Entry]:
    """Entries keyed by their English text: for words a rule file writes as they are (legal bases, a region's
    name), which results keep language-neutral and each language words from here."""
    return {entry.text: entry for entry in entries}
