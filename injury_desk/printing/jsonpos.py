"""JSON parsing that remembers the line of every object and array, for error messages that point at a line."""

from __future__ import annotations

import bisect
import json
import json.decoder
import json.scanner
import re
from typing import Any


class PosDict(dict):
    """A JSON object that knows where it started in its file."""

    __slots__ = ("line", "offset", "source")

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.line, self.offset, self.source = 1, 0, None

    def line_of(self, key: str) -> int:
        """The line of ``"key":`` inside this object, or the object's own line when it cannot be found."""
        if self.source is None:
            return self.line
        text, starts = self.source
        match = re.compile(r'"' + re.escape(key) + r'"\s*:').search(text, self.offset)
        if match is None:
            return self.line
        return bisect.bisect_right(starts, match.start())


class PosList(list):
    """A JSON array that knows where it started in its file."""

    __slots__ = ("line", "offset")

    def __init__(self, *args) -> None:
        super().__init__(*args)
        self.line, self.offset = 1, 0


def _line_starts(text: str) -> list[int]:
    starts = [0]
    for match in re.finditer("\n", text):
        starts.append(match.end())
    return starts


def loads_with_lines(text: str) -> Any:
    """Parse ``text`` as JSON; objects become PosDict and arrays PosList carrying their 1-based line.

    The C scanner does not call back per object, so this uses the pure-Python scanner with our own
    object and array hooks; definitions are small, so the speed difference does not matter.
    """
    starts = _line_starts(text)
    source = (text, starts)
    decoder = json.JSONDecoder()

    def parse_object(s_and_end, strict, scan_once, object_hook, object_pairs_hook, memo=None):
        s, end = s_and_end
        pairs, new_end = json.decoder.JSONObject(
            s_and_end, strict, scan_once, object_hook, list, memo if memo is not None else {}
        )
        obj = PosDict(pairs)
        obj.offset = end - 1
        obj.line = bisect.bisect_right(starts, end - 1)
        obj.source = source
        return obj, new_end

    def parse_array(s_and_end, scan_once):
        s, end = s_and_end
        values, new_end = json.decoder.JSONArray(s_and_end, scan_once)
        arr = PosList(values)
        arr.offset = end - 1
        arr.line = bisect.bisect_right(starts, end - 1)
        return arr, new_end

    decoder.parse_object = parse_object
    decoder.parse_array = parse_array
    decoder.memo = {}
    decoder.scan_once = json.scanner.py_make_scanner(decoder)
    return decoder.decode(text)
