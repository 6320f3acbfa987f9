"""Claim lifecycle: status order, every transition guard, refusals and next-step hints."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from injury_desk.domain.errors import FieldError
from injury_desk.domain.lifecycle import (
    ApplicantType,
    ClaimFacts,
    ClaimStatus,
    DeterminationOutcome,
    allowed_transitions,
    can_transition,
    next_step,
    transition_errors,
)
from tests.conftest import rule_keys as rules

S = ClaimStatus
ACCIDENT = date(2025, 3, 1)


def reported(**kw: object) -> ClaimFacts:
    return replace(ClaimFacts(status=S.REPORTED, accident_date=ACCIDENT), **kw)


def received(**kw: object) -> ClaimFacts:
    base = reported(
        status=S.APPLICATION_RECEIVED,
        applicant_type=ApplicantType.EMPLOYER,
        application_received_on=date(2025, 3, 10),
    )
    return replace(base, **kw)


def determining(**kw: object) -> ClaimFacts:
    return replace(received(status=S.DETERMINATION, accepted_on=date(2025, 3, 12)), **kw)


def decided(outcome: DeterminationOutcome = DeterminationOutcome.RECOGNISED, **kw: object) -> ClaimFacts:
    return replace(determining(determination_outcome=outcome, decided_on=date(2025, 4, 20)), **kw)


def appraising(**kw: object) -> ClaimFacts:
    return replace(decided(status=S.APPRAISAL, appraisal_requested_on=date(2025, 5, 1)), **kw)


def assessing(**kw: object) -> ClaimFacts:
    return replace(
        appraising(status=S.ASSESSMENT, appraised_on=date(2025, 6, 15), disability_grade=8), **kw
    )


# --- enums -------------------------------------------------------------------------------------


def test_status_values_and_order() -> None:
    assert [s.value for s in ClaimStatus] == [
        "reported",
        "application_received",
        "determination",
        "appraisal",
        "assessment",
        "payment",
        "closed",
    ]
    assert [s.order for s in ClaimStatus] == [0, 1, 2, 3, 4, 5, 6]
    assert S.APPRAISAL.order < S.PAYMENT.order


def test_other_enum_values() -> None:
    assert [a.value for a in ApplicantType] == ["employer", "worker", "close_relative", "trade_union"]
    assert [o.value for o in DeterminationOutcome] == ["recognised", "deemed", "not_recognised"]


def test_facts_accept_plain_strings_from_the_database() -> None:
    f = ClaimFacts(
        status="determination",  # type: ignore[arg-type]
        accident_date=ACCIDENT,
        applicant_type="worker",  # type: ignore[arg-type]
        determination_outcome="deemed",  # type: ignore[arg-type]
    )
    assert f.status is S.DETERMINATION
    assert f.applicant_type is ApplicantType.WORKER
    assert f.determination_outcome is DeterminationOutcome.DEEMED


def test_facts_refuse_unknown_status() -> None:
    with pytest.raises(ValueError):
        ClaimFacts(status="archived", accident_date=ACCIDENT)  # type: ignore[arg-type]


# --- reported -> application_received ----------------------------------------------------------


def test_application_needs_applicant_and_date() -> None:
    assert transition_errors(reported(), S.APPLICATION_RECEIVED) == [
        FieldError("applicant_type", "claim.applicant_required"),
        FieldError("application_received_on", "claim.application_date_required"),
    ]
    assert allowed_transitions(reported()) == []


def test_application_with_applicant_and_date_is_allowed() -> None:
    f = reported(applicant_type=ApplicantType.WORKER, application_received_on=date(2025, 3, 2))
    assert transition_errors(f, S.APPLICATION_RECEIVED) == []
    assert allowed_transitions(f) == [S.APPLICATION_RECEIVED]


def test_application_on_accident_day_is_allowed() -> None:
    f = reported(applicant_type=ApplicantType.EMPLOYER, application_received_on=ACCIDENT)
    assert can_transition(f, S.APPLICATION_RECEIVED)


def test_application_before_accident_is_refused() -> None:
    f = reported(applicant_type=ApplicantType.EMPLOYER, application_received_on=date(2025, 2, 28))
    assert transition_errors(f, S.APPLICATION_RECEIVED) == [
        FieldError(
            "application_received_on",
            "claim.application_before_accident",
            {"application_received_on": "2025-02-28", "accident_date": "2025-03-01"},
        )
    ]


def test_late_application_is_still_received() -> None:
    # employer applying two months after the accident: outside Art. 17 but recorded anyway
    f = reported(applicant_type=ApplicantType.EMPLOYER, application_received_on=date(2025, 5, 1))
    assert transition_errors(f, S.APPLICATION_RECEIVED) == []


# --- application_received -> determination ---------------------------------------------------


def test_determination_needs_acceptance() -> None:
    assert transition_errors(received(), S.DETERMINATION) == [
        FieldError("accepted_on", "claim.accepted_on_required")
    ]


def test_acceptance_on_receipt_day_is_allowed() -> None:
    assert transition_errors(received(accepted_on=date(2025, 3, 10)), S.DETERMINATION) == []
    assert allowed_transitions(received(accepted_on=date(2025, 3, 10))) == [S.DETERMINATION]


def test_acceptance_before_receipt_is_refused() -> None:
    assert rules(transition_errors(received(accepted_on=date(2025, 3, 9)), S.DETERMINATION)) == [
        "claim.accepted_before_received"
    ]


# --- determination -> appraisal / assessment / closed -----------------------------------------


def test_undecided_claim_cannot_leave_determination() -> None:
    f = determining()
    assert transition_errors(f, S.CLOSED) == [
        FieldError("determination_outcome", "claim.outcome_required"),
        FieldError("decided_on", "claim.decided_on_required"),
    ]
    assert "claim.outcome_required" in rules(transition_errors(f, S.APPRAISAL))
    assert "claim.outcome_required" in rules(transition_errors(f, S.ASSESSMENT))
    assert allowed_transitions(f) == []


def test_decision_before_acceptance_is_refused() -> None:
    f = decided(decided_on=date(2025, 3, 11))
    assert rules(transition_errors(f, S.CLOSED)) == [
        "claim.decided_before_accepted",
        "claim.outcome_recognised",
    ]


@pytest.mark.parametrize("outcome", [DeterminationOutcome.RECOGNISED, DeterminationOutcome.DEEMED])
def test_recognised_or_deemed_goes_to_appraisal_once_requested(outcome: DeterminationOutcome) -> None:
    f = decided(outcome, appraisal_requested_on=date(2025, 5, 1))
    assert transition_errors(f, S.APPRAISAL) == []
    assert allowed_transitions(f) == [S.APPRAISAL]


def test_appraisal_needs_a_request_date() -> None:
    assert transition_errors(decided(), S.APPRAISAL) == [
        FieldError("appraisal_requested_on", "claim.appraisal_request_required")
    ]


def test_appraisal_request_before_decision_is_refused() -> None:
    f = decided(appraisal_requested_on=date(2025, 4, 19))
    assert rules(transition_errors(f, S.APPRAISAL)) == ["claim.appraisal_request_before_decision"]


def test_not_recognised_cannot_go_to_appraisal_or_assessment() -> None:
    f = decided(DeterminationOutcome.NOT_RECOGNISED, appraisal_requested_on=date(2025, 5, 1))
    assert rules(transition_errors(f, S.APPRAISAL)) == ["claim.outcome_not_recognised"]
    assert rules(transition_errors(replace(f, fatal=True), S.ASSESSMENT)) == [
        "claim.outcome_not_recognised"
    ]


def test_not_recognised_is_closed() -> None:
    f = decided(DeterminationOutcome.NOT_RECOGNISED)
    assert transition_errors(f, S.CLOSED) == []
    assert allowed_transitions(f) == [S.CLOSED]


@pytest.mark.parametrize("outcome", [DeterminationOutcome.RECOGNISED, DeterminationOutcome.DEEMED])
def test_recognised_claim_cannot_be_closed_at_determination(outcome: DeterminationOutcome) -> None:
    assert transition_errors(decided(outcome), S.CLOSED) == [
        FieldError("determination_outcome", "claim.outcome_recognised", {"outcome": outcome.value})
    ]


def test_assessment_directly_needs_fatal_or_no_appraisal() -> None:
    assert transition_errors(decided(), S.ASSESSMENT) == [
        FieldError("needs_appraisal", "claim.appraisal_needed")
    ]
    assert transition_errors(decided(needs_appraisal=False), S.ASSESSMENT) == []
    assert transition_errors(decided(fatal=True), S.ASSESSMENT) == []
    assert allowed_transitions(decided(needs_appraisal=False)) == [S.ASSESSMENT]


def test_fatal_case_never_goes_to_appraisal() -> None:
    f = decided(fatal=True, appraisal_requested_on=date(2025, 5, 1))
    assert rules(transition_errors(f, S.APPRAISAL)) == ["claim.fatal_no_appraisal"]
    assert allowed_transitions(f) == [S.ASSESSMENT]


# --- appraisal -> assessment -------------------------------------------------------------------


def test_assessment_needs_appraisal_conclusion() -> None:
    assert transition_errors(appraising(), S.ASSESSMENT) == [
        FieldError("appraised_on", "claim.appraised_on_required")
    ]


def test_appraisal_without_disability_grade_is_allowed() -> None:
    f = appraising(appraised_on=date(2025, 6, 1), disability_grade=None)
    assert transition_errors(f, S.ASSESSMENT) == []
    assert allowed_transitions(f) == [S.ASSESSMENT]


@pytest.mark.parametrize("grade", [1, 10])
def test_grade_bounds_are_accepted(grade: int) -> None:
    assert can_transition(appraising(appraised_on=date(2025, 6, 1), disability_grade=grade), S.ASSESSMENT)


@pytest.mark.parametrize("grade", [0, 11])
def test_grade_out_of_range_is_refused(grade: int) -> None:
    f = appraising(appraised_on=date(2025, 6, 1), disability_grade=grade)
    assert transition_errors(f, S.ASSESSMENT) == [
        FieldError("disability_grade", "claim.disability_grade_range", {"min": 1, "max": 10, "actual": grade})
    ]


def test_appraisal_before_request_is_refused() -> None:
    f = appraising(appraised_on=date(2025, 4, 30))
    assert rules(transition_errors(f, S.ASSESSMENT)) == ["claim.appraised_before_request"]


# --- assessment -> payment -> closed -----------------------------------------------------------


def test_payment_needs_approved_assessment() -> None:
    assert transition_errors(assessing(assessment_proposed=True), S.PAYMENT) == [
        FieldError("assessment_approved", "claim.assessment_not_approved")
    ]
    assert allowed_transitions(assessing(assessment_approved=True)) == [S.PAYMENT]


def test_payment_can_close() -> None:
    f = assessing(status=S.PAYMENT, assessment_approved=True)
    assert allowed_transitions(f) == [S.CLOSED]
    assert transition_errors(f, S.CLOSED) == []


def test_closed_goes_nowhere() -> None:
    f = assessing(status=S.CLOSED, assessment_approved=True)
    assert allowed_transitions(f) == []
    assert transition_errors(f, S.PAYMENT) == [
        FieldError("status", "claim.transition_not_allowed", {"from": "closed", "to": "payment"})
    ]


# --- refused moves -----------------------------------------------------------------------------


def test_going_backwards_is_refused() -> None:
    f = assessing(assessment_approved=True)
    assert transition_errors(f, S.DETERMINATION) == [
        FieldError("status", "claim.transition_not_allowed", {"from": "assessment", "to": "determination"})
    ]


def test_staying_put_is_refused() -> None:
    assert rules(transition_errors(determining(), S.DETERMINATION)) == ["claim.transition_not_allowed"]


def test_skipping_a_stage_is_refused_even_with_all_facts() -> None:
    f = reported(applicant_type=ApplicantType.EMPLOYER, application_received_on=date(2025, 3, 2),
                 accepted_on=date(2025, 3, 3))
    assert transition_errors(f, S.DETERMINATION) == [
        FieldError("status", "claim.transition_not_allowed", {"from": "reported", "to": "determination"})
    ]


def test_closing_early_is_not_modelled() -> None:
    for f in (reported(), appraising(), assessing()):
        assert rules(transition_errors(f, S.CLOSED)) == ["claim.transition_not_allowed"]


def test_received_application_closes_only_when_not_accepted() -> None:
    assert rules(transition_errors(received(), S.CLOSED)) == ["claim.not_accepted_required"]
    f = received(not_accepted_on=date(2025, 3, 8))
    assert transition_errors(f, S.CLOSED) == []
    assert next_step(f) == "next.close_claim"


def test_target_may_be_a_plain_string() -> None:
    assert transition_errors(received(accepted_on=date(2025, 3, 12)), "determination") == []  # type: ignore[arg-type]


# --- next step ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "facts, key",
    [
        (reported(), "next.record_application"),
        (received(), "next.accept_application"),
        (determining(), "next.decide"),
        (determining(determination_outcome=DeterminationOutcome.RECOGNISED), "next.decide"),
        (decided(), "next.request_appraisal"),
        (decided(DeterminationOutcome.DEEMED), "next.request_appraisal"),
        (decided(fatal=True), "next.propose_assessment"),
        (decided(needs_appraisal=False), "next.propose_assessment"),
        (decided(DeterminationOutcome.NOT_RECOGNISED), "next.close_claim"),
        (appraising(), "next.record_appraisal"),
        (appraising(appraised_on=date(2025, 6, 1)), "next.propose_assessment"),
        (assessing(), "next.propose_assessment"),
        (assessing(assessment_proposed=True), "next.approve_assessment"),
        (assessing(assessment_proposed=True, assessment_approved=True), "next.record_payments"),
        (assessing(status=S.PAYMENT, assessment_approved=True), "next.record_payments"),
        (assessing(status=S.CLOSED, assessment_approved=True), "next.none"),
    ],
)
def test_next_step(facts: ClaimFacts, key: str) -> None:
    assert next_step(facts) == key
