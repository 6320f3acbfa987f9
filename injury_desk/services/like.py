"""LIKE patterns that find the user's text literally: % and _ typed in a search box are not wildcards."""

from __future__ import annotations

ESCAPE = "\\"


def literal(text: str) -> str:
    """``text`` for a LIKE pattern with ``escape=ESCAPE``: the escape character, % and _ escaped."""
    return text.replace(ESCAPE, ESCAPE * 2).replace("%", ESCAPE + "%").replace("_", ESCAPE + "_")
