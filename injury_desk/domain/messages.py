"""Message keys with parameters: what domain code says instead of a finished sentence, and how to render one."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Union

# A parameter is text already formatted for people (an amount "6,000.00", a share "75%"), a nested message
# (a relation's name, a legal basis that a translator words differently), or a list of nested messages.
Param = Union[str, "Message", tuple["Message", ...]]

# A message whose key starts with this prefix is a list: its "items" are rendered and joined by its template
# (e.g. " + " or "; "), so a translator can choose the separator as well.
LIST_PREFIX = "list."


@dataclass(frozen=True)
class Message:
    """A message key such as ``calc.formula.months_of_wage_base`` with its parameters."""

    key: str
    params: Mapping[str, Param] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-able form, stored with an approved assessment."""
        return {"key": self.key, "params": {name: _dump(value) for name, value in self.params.items()}}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Message:
        return cls(str(data["key"]), {name: _load(value) for name, value in dict(data.get("params") or {}).items()})


def joined(separator_key: str, items: list[Message] | tuple[Message, ...]) -> Message:
    """A list message: ``items`` joined by the template of ``list.<separator_key>``."""
    return Message(LIST_PREFIX + separator_key, {"items": tuple(items)})


Fill = Callable[[str, dict[str, str]], str]


def _format(template: str, values: dict[str, str]) -> str:
    return template.format_map(values)


def render(message: Message, templates: Mapping[str, str], fill: Fill = _format) -> str:
    """Fill ``message`` into its template, nested messages first; a missing key raises KeyError.

    ``fill`` puts the named values into a template: by default ``{name}`` fields (the domain's English
    wording); the GUI passes its own for Qt's numbered placeholders.
    """
    template = templates[message.key]
    if message.key.startswith(LIST_PREFIX):
        return template.join(render(item, templates, fill) for item in message.params.get("items", ()))
    values = {name: _render_param(value, templates, fill) for name, value in message.params.items()}
    return fill(template, values)


def _render_param(value: Param, templates: Mapping[str, str], fill: Fill) -> str:
    if isinstance(value, Message):
        return render(value, templates, fill)
    if isinstance(value, tuple):
        return "".join(render(item, templates, fill) for item in value)
    return str(value)


def _dump(value: Param) -> Any:
    if isinstance(value, Message):
        return value.to_dict()
    if isinstance(value, tuple):
        return [item.to_dict() for item in value]
    return value


def _load(value: Any) -> Param:
    if isinstance(value, dict):
        return Message.from_dict(value)
    if isinstance(value, list):
        return tuple(Message.from_dict(item) for item in value)
    return str(value)
