"""Rule sentences for the rehab area's message keys (merged into messages.all_rules)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from injury_desk.placeholders import Template


def rehab_rules() -> dict[str, str]:
    return {
        "rehab.value_not_number": Template(QCoreApplication.translate("Messages", "must be a number like 12.5 (got “%1”)"), 'value'),
        "rehab.value_decimals": Template(QCoreApplication.translate("Messages", "may have at most %1 decimal place(s) (got %2)"), 'places', 'value'),
        "rehab.next_review_not_after": Template(QCoreApplication.translate("Messages", "must be after the review (%1)"), 'reviewed_on'),
        "rehab.over_budget_needs_supervisor": QCoreApplication.translate("Messages", "is over the budget: a supervisor must book this session"),
        "rehab.over_budget_tick_approval": QCoreApplication.translate("Messages", "tick this to approve going over the budget"),
        # Replaces the older sentence, which showed the approver's role as an untranslated key.
        "rehab.budget_exceeded": Template(QCoreApplication.translate("Messages", "this session would bring the case to %1 yuan, over its budget of %2 yuan; a supervisor must approve the overrun"), 'total', 'budget'),
    }
