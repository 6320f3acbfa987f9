"""Sync failures as message keys with parameters (the GUI translates them)."""

from __future__ import annotations

from typing import Any


class SyncError(Exception):
    """A sync step failed; ``retryable`` says whether trying again later may succeed (network, 5xx)."""

    def __init__(self, key: str, *, retryable: bool = False, **params: Any) -> None:
        super().__init__(key)
        self.key = key
        self.params = params
        self.retryable = retryable

    def __str__(self) -> str:
        extra = ", ".join(f"{k}={v}" for k, v in self.params.items())
        return f"{self.key} ({extra})" if extra else self.key


class Cancelled(Exception):
    """The user cancelled; what was applied so far stays applied (each page is its own transaction)."""
