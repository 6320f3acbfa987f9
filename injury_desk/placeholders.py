"""Qt's numbered placeholders (%1, %2, ...) filled in one pass, without Qt, for the GUI and the printed forms."""

from __future__ import annotations

import re
from typing import Any

# %1..%99 as QString.arg reads them; %n (a plural count) is Qt's own and is left alone.
_NUMBERED = re.compile(r"%([1-9][0-9]?)")


def arg(template: str, *values: Any) -> str:
    """``template`` with %1 replaced by the first value, %2 by the second, and so on.

    A translator may put the numbers in any order. One pass, so a value that itself contains "%1" is
    never substituted again; a number without a value stays as written, so nothing vanishes silently.
    """

    def value(match: re.Match[str]) -> str:
        index = int(match.group(1)) - 1
        return str(values[index]) if index < len(values) else match.group(0)

    return _NUMBERED.sub(value, template)


class Template(str):
    """A translated sentence with numbered placeholders and the parameter name each number stands for."""

    names: tuple[str, ...]

    def __new__(cls, text: str, *names: str) -> Template:
        made = super().__new__(cls, text)
        made.names = names
        return made


def fill(template: str, params: dict[str, Any]) -> str:
    """A message key's sentence with its named parameters put at their numbered places."""
    names = getattr(template, "names", ())
    return arg(template, *(params.get(name, "?") for name in names))
