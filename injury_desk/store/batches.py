"""Long id lists cut into batches for ``IN (...)`` queries: SQLite binds only so many parameters at once."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TypeVar

# SQLite builds before 3.32 allow 999 bound parameters per statement; 900 leaves room for the query's own.
MAX_BOUND_IDS = 900

T = TypeVar("T")


def in_batches(items: Sequence[T], size: int = MAX_BOUND_IDS) -> Iterator[Sequence[T]]:
    """``items`` in consecutive slices of at most ``size`` (by default as many as one IN (...) may bind)."""
    for start in range(0, len(items), size):
        yield items[start:start + size]
