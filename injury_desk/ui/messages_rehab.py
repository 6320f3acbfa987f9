"""Rule sentences for the rehab area's message keys (merged into messages.all_rules)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication  # noqa: F401 - used as entries are added


def rehab_rules() -> dict[str, str]:
    return {
    }
