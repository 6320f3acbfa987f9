"""Message keys of the prevention and rehabilitation services that messages.py does not translate yet."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

from injury_desk.ui.messages import fill


def _rules() -> dict[str, str]:
    tr = QCoreApplication.translate
    return {
        "rehab.case_not_found": tr("Messages", "the rehabilitation case does not exist or was deleted"),
        "rehab.plan_not_found": tr("Messages", "the rehabilitation plan does not exist or was deleted"),
        "rehab.goal_not_found": tr("Messages", "the goal does not exist or was deleted"),
        "rehab.session_not_found": tr("Messages", "the session does not exist or was deleted"),
        "rehab.case_closed": tr("Messages", "the case was closed on {closed_on}: nothing can be added to it"),
        "rehab.claim_not_recognised": tr("Messages", "claim {claim_no} has no recognised or deemed work injury: rehabilitation is paid only for those (Art. 14, 15)"),
        "rehab.opened_before_decision": tr("Messages", "cannot be before the injury decision ({decided_on})"),
        "rehab.case_already_open": tr("Messages", "claim {claim_no} already has an open case of this referral type"),
        "rehab.rtw_before_opened": tr("Messages", "cannot be before the case was opened ({opened_on})"),
        "rehab.outcome_required": tr("Messages", "record the return-to-work outcome before closing the case"),
        "rehab.closed_before_opened": tr("Messages", "cannot be before the case was opened ({opened_on})"),
        "rehab.review_before_plan": tr("Messages", "cannot be before the plan was drawn up ({drawn_up_on})"),
        "rehab.plan_before_opened": tr("Messages", "cannot be before the case was opened ({opened_on})"),
        "rehab.target_before_plan": tr("Messages", "cannot be before the plan was drawn up ({drawn_up_on})"),
        "rehab.measured_before_plan": tr("Messages", "cannot be before the plan was drawn up ({drawn_up_on})"),
        "rehab.session_before_opened": tr("Messages", "cannot be before the case was opened ({opened_on})"),
        "rehab.budget_exceeded": tr("Messages", "this session would bring the case to {total} yuan, over its budget of {budget} yuan; a {approver_role} must approve the overrun"),
        "rehab.session_in_future": tr("Messages", "the session is on {scheduled_on}, after today ({today}): attendance can be recorded afterwards"),
        "rehab.claim_no_unknown": tr("Messages", "no claim of this office has the number {claim_no}"),
        "rehab.plan_required": tr("Messages", "the case has no plan yet: add a plan first"),
        "inspection.not_found": tr("Messages", "the inspection does not exist or was deleted"),
        "inspection.cancelled": tr("Messages", "the inspection was cancelled"),
        "inspection.wrong_status": tr("Messages", "not possible while the inspection is {status} (it must be {expected})"),
        "inspection.after_action_due": tr("Messages", "cannot be after a corrective action's due date ({due_date})"),
        "hazard.not_found": tr("Messages", "the hazard does not exist or was deleted"),
        "action.not_found": tr("Messages", "the corrective action does not exist or was deleted"),
        "action.already_done": tr("Messages", "the action was already completed on {closed_on}"),
        "action.due_before_inspection": tr("Messages", "cannot be before the inspection ({inspected_on})"),
        "action.closed_before_inspection": tr("Messages", "cannot be before the inspection ({inspected_on})"),
        "action.extension_not_later": tr("Messages", "must be later than the current due date ({due_date})"),
        "training.not_found": tr("Messages", "the training session does not exist or was deleted"),
        "incident.not_found": tr("Messages", "the incident does not exist or was deleted"),
        "incident.not_an_accident": tr("Messages", "a near miss injured nobody: there is nothing to claim"),
    }


def _fields() -> dict[str, str]:
    tr = QCoreApplication.translate
    return {
        "referral_type": tr("Messages", "Referral type"),
        "provider": tr("Messages", "Provider"),
        "budget": tr("Messages", "Budget"),
        "opened_on": tr("Messages", "Opened on"),
        "closed_on": tr("Messages", "Closed on"),
        "rtw_date": tr("Messages", "Return-to-work date"),
        "restrictions": tr("Messages", "Restrictions"),
        "accommodations": tr("Messages", "Accommodations"),
        "drawn_up_on": tr("Messages", "Drawn up on"),
        "review_on": tr("Messages", "Review on"),
        "notes": tr("Messages", "Notes"),
        "plan_id": tr("Messages", "Plan"),
        "description": tr("Messages", "Description"),
        "measure": tr("Messages", "Measure"),
        "baseline": tr("Messages", "Baseline"),
        "target": tr("Messages", "Target"),
        "target_date": tr("Messages", "Target date"),
        "scheduled_on": tr("Messages", "Scheduled on"),
        "kind": tr("Messages", "Kind"),
        "cost": tr("Messages", "Cost"),
        "claim_no": tr("Messages", "Claim number"),
        "inspected_on": tr("Messages", "Inspected on"),
        "due_date": tr("Messages", "Due date"),
    }


def pillar_rule_text(key: str, params: dict[str, Any] | None = None) -> str | None:
    """The sentence for a pillar rule key, or None when the key is not one of these."""
    template = _rules().get(key)
    return None if template is None else fill(template, params or {})


def pillar_field_label(field: str) -> str | None:
    return _fields().get(field.rsplit(".", 1)[-1])
