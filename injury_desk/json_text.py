"""JSON text from outside (a user's file, an import line, a key export), read so that nesting deeper than Python's
stack is a refusal of the input rather than an internal error: the parser recurses once a level."""

from __future__ import annotations

import json
from typing import Any


class TooDeep(ValueError):
    """The text nests deeper than the parser can follow (about 1,000 levels: far beyond any real input)."""


def loads(text: str | bytes, **options: Any) -> Any:
    """``json.loads`` with its options; TooDeep (a ValueError, like every other malformed input) for nesting past
    the parser's reach."""
    try:
        return json.loads(text, **options)
    except RecursionError:
        raise TooDeep("nested too deeply") from None
