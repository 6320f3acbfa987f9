"""The claim lifecycle: statuses, the forward-only transitions between them, and their guards.

Choices made here (the Regulation on Work-Related Injury Insurance does not settle them for us):

* Transitions only go forward along the edges in ``_EDGES``; going backwards, staying put,
  skipping a stage or leaving ``closed`` gives ``claim.transition_not_allowed``. Withdrawal is not
  modelled: a claim ends by a not-accepted application, a negative determination or after payment.
* A late application (after the Art. 17 window) is still *received*: the agency must record
  what it was handed, and whether lateness bars the claim is a legal decision for the
  determination, not a data-entry check. ``deadlines.application_warnings`` flags it so the
  determination page can warn; this module does not refuse it.
* The guards judge the facts as they would stand *after* the step: a service building the step
  "accept the application" passes facts with ``accepted_on`` already filled in.
* ``determination -> assessment`` skips appraisal for fatal cases and for recognised injuries
  where no lasting disability is claimed (``needs_appraisal=False``); a fatal case never goes to
  appraisal, since there is no working capacity left to appraise.
* Dates must not run backwards (acceptance before receipt and so on); those are refused with
  their own keys so the user sees which date is wrong.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from enum import Enum
from typing import NamedTuple

from injury_desk.domain.errors import FieldError


class ClaimStatus(str, Enum):
    """Where a claim stands; declaration order is lifecycle order."""

    REPORTED = "reported"
    APPLICATION_RECEIVED = "application_received"
    DETERMINATION = "determination"
    APPRAISAL = "appraisal"
    ASSESSMENT = "assessment"
    PAYMENT = "payment"
    CLOSED = "closed"

    @property
    def order(self) -> int:
        """0 for ``reported`` up to 6 for ``closed``."""
        return _STATUS_ORDER[self]


_STATUS_ORDER = {status: index for index, status in enumerate(ClaimStatus)}


class ApplicantType(str, Enum):
    """Who filed the determination application (Art. 17 gives them different windows)."""

    EMPLOYER = "employer"
    WORKER = "worker"
    CLOSE_RELATIVE = "close_relative"
    TRADE_UNION = "trade_union"


class DeterminationOutcome(str, Enum):
    """The injury determination: recognised (Art. 14), deemed (视同工伤, Art. 15) or not (Art. 16)."""

    RECOGNISED = "recognised"
    DEEMED = "deemed"
    NOT_RECOGNISED = "not_recognised"

    @property
    def is_injury(self) -> bool:
        return self is not DeterminationOutcome.NOT_RECOGNISED


@dataclass(frozen=True)
class ClaimFacts:
    """What the guards, next-step hints and deadlines need to know about one claim."""

    status: ClaimStatus
    accident_date: date
    applicant_type: ApplicantType | None = None
    application_received_on: date | None = None
    accepted_on: date | None = None
    clear_case: bool = False
    determination_outcome: DeterminationOutcome | None = None
    decided_on: date | None = None
    needs_appraisal: bool = True
    appraisal_requested_on: date | None = None
    appraisal_extended: bool = False
    appraised_on: date | None = None
    disability_grade: int | None = None  # 1 (most severe) to 10; None = no disability found
    assessment_proposed: bool = False
    assessment_approved: bool = False
    fatal: bool = False
    # The clocks of domain/deadlines.py (issue 18): what starts, pauses and stops them.
    occupational_disease: bool = False
    diagnosed_on: date | None = None  # occupational disease: diagnosis or appraisal date (Art. 17 start)
    employer_extended_to: date | None = None  # Art. 17 para. 1: the extension the department approved
    documents_requested_on: date | None = None  # the one notice listing the missing documents
    documents_completed_on: date | None = None  # all missing documents received: the 15 days restart
    not_accepted_on: date | None = None  # the application was not accepted
    suspensions: tuple[tuple[date, date | None], ...] = ()  # Art. 20 para. 3: (start, end or None)
    deliveries: tuple["DeliveryFact", ...] = ()
    stop_work_started_on: date | None = None  # Art. 33: the suspension period (停工留薪期)
    stop_work_months: int = 12
    stop_work_ended_on: date | None = None  # the suspension period ended (return to work): its clock stops

    def __post_init__(self) -> None:
        # Services read these from the database as plain strings; accept them so every caller
        # gets the same enum comparisons (an unknown value fails here, loudly).
        object.__setattr__(self, "status", ClaimStatus(self.status))
        if self.applicant_type is not None:
            object.__setattr__(self, "applicant_type", ApplicantType(self.applicant_type))
        if self.determination_outcome is not None:
            object.__setattr__(
                self, "determination_outcome", DeterminationOutcome(self.determination_outcome)
            )


class DeliveryFact(NamedTuple):
    """A decision or notice delivered: ``document`` names its kind (see deadlines.DOCUMENT_WINDOWS)."""

    document: str
    delivered_on: date
    recipient: str
    number: str = ""


# The only steps a claim can take; everything else is refused.
_EDGES: dict[ClaimStatus, tuple[ClaimStatus, ...]] = {
    ClaimStatus.REPORTED: (ClaimStatus.APPLICATION_RECEIVED,),
    ClaimStatus.APPLICATION_RECEIVED: (ClaimStatus.DETERMINATION, ClaimStatus.CLOSED),
    ClaimStatus.DETERMINATION: (ClaimStatus.APPRAISAL, ClaimStatus.ASSESSMENT, ClaimStatus.CLOSED),
    ClaimStatus.APPRAISAL: (ClaimStatus.ASSESSMENT,),
    ClaimStatus.ASSESSMENT: (ClaimStatus.PAYMENT,),
    ClaimStatus.PAYMENT: (ClaimStatus.CLOSED,),
    ClaimStatus.CLOSED: (),
}

MIN_DISABILITY_GRADE = 1
MAX_DISABILITY_GRADE = 10


def _not_before(
    field: str, value: date, other: date | None, rule: str, other_name: str
) -> list[FieldError]:
    if other is not None and value < other:
        return [FieldError(field, rule, {field: value.isoformat(), other_name: other.isoformat()})]
    return []


def _application_errors(f: ClaimFacts) -> list[FieldError]:
    errors: list[FieldError] = []
    if f.applicant_type is None:
        errors.append(FieldError("applicant_type", "claim.applicant_required"))
    if f.application_received_on is None:
        errors.append(FieldError("application_received_on", "claim.application_date_required"))
    else:
        errors += _not_before(
            "application_received_on",
            f.application_received_on,
            f.accident_date,
            "claim.application_before_accident",
            "accident_date",
        )
    return errors


def _acceptance_errors(f: ClaimFacts) -> list[FieldError]:
    if f.accepted_on is None:
        return [FieldError("accepted_on", "claim.accepted_on_required")]
    return _not_before(
        "accepted_on", f.accepted_on, f.application_received_on, "claim.accepted_before_received",
        "application_received_on",
    )


def _decision_errors(f: ClaimFacts) -> list[FieldError]:
    """The determination must be recorded (outcome and date) before leaving that stage."""
    errors: list[FieldError] = []
    if f.determination_outcome is None:
        errors.append(FieldError("determination_outcome", "claim.outcome_required"))
    if f.decided_on is None:
        errors.append(FieldError("decided_on", "claim.decided_on_required"))
    else:
        errors += _not_before(
            "decided_on", f.decided_on, f.accepted_on, "claim.decided_before_accepted", "accepted_on"
        )
    return errors


def _injury_required(f: ClaimFacts) -> list[FieldError]:
    if f.determination_outcome is DeterminationOutcome.NOT_RECOGNISED:
        return [FieldError("determination_outcome", "claim.outcome_not_recognised")]
    return []


def _guard_errors(f: ClaimFacts, to: ClaimStatus) -> list[FieldError]:
    s = ClaimStatus
    if f.status is s.REPORTED:
        return _application_errors(f)
    if f.status is s.APPLICATION_RECEIVED:
        if to is s.CLOSED:  # a not-accepted application ends the claim (工伤认定办法 Art. 8)
            return [] if f.not_accepted_on else [FieldError("not_accepted_on", "claim.not_accepted_required")]
        return _acceptance_errors(f)
    if f.status is s.DETERMINATION:
        errors = _decision_errors(f)
        if to is s.CLOSED:
            if f.determination_outcome is not None and f.determination_outcome.is_injury:
                # A recognised injury is closed after payment, never straight from the decision.
                errors.append(
                    FieldError(
                        "determination_outcome",
                        "claim.outcome_recognised",
                        {"outcome": f.determination_outcome.value},
                    )
                )
            return errors
        errors += _injury_required(f)
        if to is s.APPRAISAL:
            if f.fatal:
                errors.append(FieldError("fatal", "claim.fatal_no_appraisal"))
            if f.appraisal_requested_on is None:
                errors.append(FieldError("appraisal_requested_on", "claim.appraisal_request_required"))
            else:
                errors += _not_before(
                    "appraisal_requested_on",
                    f.appraisal_requested_on,
                    f.decided_on,
                    "claim.appraisal_request_before_decision",
                    "decided_on",
                )
        elif to is s.ASSESSMENT and not f.fatal and f.needs_appraisal:
            errors.append(FieldError("needs_appraisal", "claim.appraisal_needed"))
        return errors
    if f.status is s.APPRAISAL:
        errors = []
        if f.appraised_on is None:
            errors.append(FieldError("appraised_on", "claim.appraised_on_required"))
        else:
            errors += _not_before(
                "appraised_on",
                f.appraised_on,
                f.appraisal_requested_on,
                "claim.appraised_before_request",
                "appraisal_requested_on",
            )
        grade = f.disability_grade
        if grade is not None and not MIN_DISABILITY_GRADE <= grade <= MAX_DISABILITY_GRADE:
            errors.append(
                FieldError(
                    "disability_grade",
                    "claim.disability_grade_range",
                    {"min": MIN_DISABILITY_GRADE, "max": MAX_DISABILITY_GRADE, "actual": grade},
                )
            )
        return errors
    if f.status is s.ASSESSMENT:
        if not f.assessment_approved:
            return [FieldError("assessment_approved", "claim.assessment_not_approved")]
        return []
    # payment -> closed has no guard: payments are recorded as they happen, and closing is the
    # caseworker's call once they are done.
    return []


def transition_errors(facts: ClaimFacts, to: ClaimStatus) -> list[FieldError]:
    """Why ``facts.status -> to`` is refused; an empty list means the step is allowed."""
    to = ClaimStatus(to)
    if to not in _EDGES[facts.status]:
        return [
            FieldError(
                "status",
                "claim.transition_not_allowed",
                {"from": facts.status.value, "to": to.value},
            )
        ]
    return _guard_errors(facts, to)


def allowed_transitions(facts: ClaimFacts) -> list[ClaimStatus]:
    """The statuses the claim may move to now, in lifecycle order."""
    return [to for to in _EDGES[facts.status] if not _guard_errors(facts, to)]


def can_transition(facts: ClaimFacts, to: ClaimStatus) -> bool:
    return not transition_errors(facts, to)


def next_step(facts: ClaimFacts) -> str:
    """A message key naming what the caseworker should do next for this claim."""
    s = ClaimStatus
    f = facts
    if f.status is s.REPORTED:
        return "next.record_application"
    if f.status is s.APPLICATION_RECEIVED:
        if f.not_accepted_on is not None:
            return "next.close_claim"
        if f.documents_requested_on is not None and f.documents_completed_on is None:
            return "next.await_documents"
        return "next.accept_application"
    if f.status is s.DETERMINATION:
        if f.determination_outcome is None or f.decided_on is None:
            return "next.decide"
        if not f.determination_outcome.is_injury:
            return "next.close_claim"
        if f.fatal or not f.needs_appraisal:
            return "next.propose_assessment"
        return "next.request_appraisal"
    if f.status is s.APPRAISAL:
        return "next.record_appraisal" if f.appraised_on is None else "next.propose_assessment"
    if f.status is s.ASSESSMENT:
        if not f.assessment_proposed and not f.assessment_approved:
            return "next.propose_assessment"
        return "next.approve_assessment" if not f.assessment_approved else "next.record_payments"
    if f.status is s.PAYMENT:
        return "next.record_payments"
    return "next.none"


def reachability_errors(facts: ClaimFacts) -> list[FieldError]:
    """Why a claim could not stand at ``facts.status`` with the records it has (an import gives the status
    and the records at once): empty when some path of allowed steps from ``reported`` leads there, each
    step's guard passing on these facts. Otherwise the broken rules of the path that got furthest."""
    target = facts.status
    best: list[FieldError] = [FieldError("status", "claim.status_unreachable", {"status": target.value})]
    best_depth = -1
    stack: list[tuple[ClaimStatus, int]] = [(ClaimStatus.REPORTED, 0)]
    while stack:
        at, depth = stack.pop()
        if at is target:
            return []
        for to in _EDGES[at]:
            errors = _guard_errors(replace(facts, status=at), to)
            if not errors:
                stack.append((to, depth + 1))
            elif depth > best_depth:
                best, best_depth = errors, depth
    return best
