"""Rule sentences for the rehab area's message keys (merged into messages.all_rules)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def rehab_rules() -> dict[str, str]:
    return {
        "rehab.value_not_number": QCoreApplication.translate("Messages", "must be a number like 12.5 (got “{value}”)"),
        "rehab.value_decimals": QCoreApplication.translate("Messages", "may have at most {places} decimal place(s) (got {value})"),
        "rehab.next_review_not_after": QCoreApplication.translate("Messages", "must be after the review ({reviewed_on})"),
        "rehab.over_budget_needs_supervisor": QCoreApplication.translate("Messages", "is over the budget: a supervisor must book this session"),
        "rehab.over_budget_tick_approval": QCoreApplication.translate("Messages", "tick this to approve going over the budget"),
        # Replaces the older sentence, which showed the approver's role as an untranslated key.
        "rehab.budget_exceeded": QCoreApplication.translate("Messages", "this session would bring the case to {total} yuan, over its budget of {budget} yuan; a supervisor must approve the overrun"),
    }
