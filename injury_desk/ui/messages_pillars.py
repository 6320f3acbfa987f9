"""Message keys of the prevention and rehabilitation services that messages.py does not translate yet."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

from injury_desk.placeholders import Template
from injury_desk.ui.messages import fill


def _rules() -> dict[str, str]:
    return {
        "rehab.case_not_found": QCoreApplication.translate("Messages", "the rehabilitation case does not exist or was deleted"),
        "rehab.plan_not_found": QCoreApplication.translate("Messages", "the rehabilitation plan does not exist or was deleted"),
        "rehab.goal_not_found": QCoreApplication.translate("Messages", "the goal does not exist or was deleted"),
        "rehab.session_not_found": QCoreApplication.translate("Messages", "the session does not exist or was deleted"),
        "rehab.case_closed": Template(QCoreApplication.translate("Messages", "the case was closed on %1: nothing can be added to it"), 'closed_on'),
        "rehab.claim_not_recognised": Template(QCoreApplication.translate("Messages", "claim %1 has no recognised or deemed work injury: rehabilitation is paid only for those (Art. 14, 15)"), 'claim_no'),
        "rehab.opened_before_decision": Template(QCoreApplication.translate("Messages", "cannot be before the injury decision (%1)"), 'decided_on'),
        "rehab.case_already_open": Template(QCoreApplication.translate("Messages", "claim %1 already has an open case of this referral type"), 'claim_no'),
        "rehab.rtw_before_opened": Template(QCoreApplication.translate("Messages", "cannot be before the case was opened (%1)"), 'opened_on'),
        "rehab.outcome_required": QCoreApplication.translate("Messages", "record the return-to-work outcome before closing the case"),
        "rehab.closed_before_opened": Template(QCoreApplication.translate("Messages", "cannot be before the case was opened (%1)"), 'opened_on'),
        "rehab.review_before_plan": Template(QCoreApplication.translate("Messages", "cannot be before the plan was drawn up (%1)"), 'drawn_up_on'),
        "rehab.plan_before_opened": Template(QCoreApplication.translate("Messages", "cannot be before the case was opened (%1)"), 'opened_on'),
        "rehab.target_before_plan": Template(QCoreApplication.translate("Messages", "cannot be before the plan was drawn up (%1)"), 'drawn_up_on'),
        "rehab.measured_before_plan": Template(QCoreApplication.translate("Messages", "cannot be before the plan was drawn up (%1)"), 'drawn_up_on'),
        "rehab.session_before_opened": Template(QCoreApplication.translate("Messages", "cannot be before the case was opened (%1)"), 'opened_on'),
        "rehab.budget_exceeded": Template(QCoreApplication.translate("Messages", "this session would bring the case to %1 yuan, over its budget of %2 yuan; a %3 must approve the overrun"), 'total', 'budget', 'approver_role'),
        "rehab.session_in_future": Template(QCoreApplication.translate("Messages", "the session is on %1, after today (%2): attendance can be recorded afterwards"), 'scheduled_on', 'today'),
        "rehab.claim_no_unknown": Template(QCoreApplication.translate("Messages", "no claim of this office has the number %1"), 'claim_no'),
        "rehab.plan_required": QCoreApplication.translate("Messages", "the case has no plan yet: add a plan first"),
        "inspection.not_found": QCoreApplication.translate("Messages", "the inspection does not exist or was deleted"),
        "inspection.cancelled": QCoreApplication.translate("Messages", "the inspection was cancelled"),
        "inspection.wrong_status": Template(QCoreApplication.translate("Messages", "not possible while the inspection is %1 (it must be %2)"), 'status', 'expected'),
        "inspection.after_action_due": Template(QCoreApplication.translate("Messages", "cannot be after a corrective action's due date (%1)"), 'due_date'),
        "hazard.not_found": QCoreApplication.translate("Messages", "the hazard does not exist or was deleted"),
        "action.not_found": QCoreApplication.translate("Messages", "the corrective action does not exist or was deleted"),
        "action.already_done": Template(QCoreApplication.translate("Messages", "the action was already completed on %1"), 'closed_on'),
        "action.due_before_inspection": Template(QCoreApplication.translate("Messages", "cannot be before the inspection (%1)"), 'inspected_on'),
        "action.closed_before_inspection": Template(QCoreApplication.translate("Messages", "cannot be before the inspection (%1)"), 'inspected_on'),
        "action.extension_not_later": Template(QCoreApplication.translate("Messages", "must be later than the current due date (%1)"), 'due_date'),
        "training.not_found": QCoreApplication.translate("Messages", "the training session does not exist or was deleted"),
        "incident.not_found": QCoreApplication.translate("Messages", "the incident does not exist or was deleted"),
        "incident.not_an_accident": QCoreApplication.translate("Messages", "a near miss injured nobody: there is nothing to claim"),
    }


def _fields() -> dict[str, str]:
    return {
        "referral_type": QCoreApplication.translate("Messages", "Referral type"),
        "provider": QCoreApplication.translate("Messages", "Provider"),
        "budget": QCoreApplication.translate("Messages", "Budget"),
        "opened_on": QCoreApplication.translate("Messages", "Opened on"),
        "closed_on": QCoreApplication.translate("Messages", "Closed on"),
        "rtw_date": QCoreApplication.translate("Messages", "Return-to-work date"),
        "restrictions": QCoreApplication.translate("Messages", "Restrictions"),
        "accommodations": QCoreApplication.translate("Messages", "Accommodations"),
        "drawn_up_on": QCoreApplication.translate("Messages", "Drawn up on"),
        "review_on": QCoreApplication.translate("Messages", "Review on"),
        "notes": QCoreApplication.translate("Messages", "Notes"),
        "plan_id": QCoreApplication.translate("Messages", "Plan"),
        "description": QCoreApplication.translate("Messages", "Description"),
        "measure": QCoreApplication.translate("Messages", "Measure"),
        "baseline": QCoreApplication.translate("Messages", "Baseline"),
        "target": QCoreApplication.translate("Messages", "Target"),
        "target_date": QCoreApplication.translate("Messages", "Target date"),
        "scheduled_on": QCoreApplication.translate("Messages", "Scheduled on"),
        "kind": QCoreApplication.translate("Messages", "Kind"),
        "cost": QCoreApplication.translate("Messages", "Cost"),
        "claim_no": QCoreApplication.translate("Messages", "Claim number"),
        "inspected_on": QCoreApplication.translate("Messages", "Inspected on"),
        "due_date": QCoreApplication.translate("Messages", "Due date"),
    }


def pillar_rule_text(key: str, params: dict[str, Any] | None = None) -> str | None:
    """The sentence for a pillar rule key, or None when the key is not one of these."""
    template = _rules().get(key)
    return None if template is None else fill(template, params or {})


def pillar_field_label(field: str) -> str | None:
    return _fields().get(field.rsplit(".", 1)[-1])
