"""Validation and rule errors as message keys with parameters (the ui translates them)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class FieldError:
    """One broken rule on one field: ``rule`` is a message key such as ``id_number.check_digit``."""

    field: str
    rule: str
    params: dict[str, Any] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return {"field": self.field, "rule": self.rule, "params": dict(self.params)}


class DomainError(Exception):
    """A refusal the user must see: a message key plus parameters, never a finished sentence."""

    def __init__(self, key: str, **params: Any) -> None:
        super().__init__(key)
        self.key = key
        self.params = params

    def __str__(self) -> str:  # for logs and CLI fallbacks
        if not self.params:
            return self.key
        inner = ", ".join(f"{k}={v}" for k, v in self.params.items())
        return f"{self.key} ({inner})"


class ValidationFailed(DomainError):
    """Input broke one or more field rules; nothing was changed."""

    def __init__(self, errors: list[FieldError]) -> None:
        super().__init__("validation.failed", count=len(errors))
        self.errors = list(errors)

    def __str__(self) -> str:
        return "; ".join(f"{e.field}: {e.rule} {e.params or ''}".rstrip() for e in self.errors)


def raise_if(errors: list[FieldError]) -> None:
    """Raise ValidationFailed when ``errors`` is not empty."""
    if errors:
        raise ValidationFailed(errors)
