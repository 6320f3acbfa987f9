"""Statutory deadlines of the Regulation on Work-Related Injury Insurance (2010 revision).

How periods are counted: the day of the triggering event is not counted and the period ends at
the end of its last day (Civil Code Art. 201), so "within 30 days of the accident on 1 March"
ends on 31 March, i.e. ``due = start + 30 days`` and a filing *on* ``due`` is in time. A period in
years ends on the same calendar date; a start on 29 February ends on 28 February when the final
year has no 29th (Civil Code Art. 202). Not modelled, and left to the caseworker: moving a due
date that falls on a public holiday to the next working day (Civil Code Art. 203 — we hold no
holiday calendar), and the employer's Art. 17 extension "with the approval of the department".

``next_deadline`` choices:

* ``reported``: the application deadline. With no applicant known yet, the employer's 30 days is
  shown while it runs (missing it makes the employer liable for costs in the meantime, Art. 17
  para. 4), then the one-year window open to the worker, a close relative or the trade union.
* ``application_received`` without acceptance: no deadline. The application deadline was met or
  missed when the application arrived (``application_warnings`` reports lateness), and the
  Regulation sets no period for acceptance; the Art. 20 clock starts at acceptance.
* ``determination``: the Art. 20 decision deadline until the decision is recorded.
* ``appraisal``: the Art. 25 deadline from the request until the conclusion is recorded.
* later statuses: none.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from injury_desk.domain.errors import FieldError
from injury_desk.domain.lifecycle import ApplicantType, ClaimFacts, ClaimStatus

EMPLOYER_APPLICATION_DAYS = 30
DECISION_DAYS = 60
CLEAR_CASE_DECISION_DAYS = 15
APPRAISAL_DAYS = 60
APPRAISAL_EXTENSION_DAYS = 30

BASIS_APPLICATION = "Regulation Art. 17"
BASIS_DECISION = "Regulation Art. 20"
BASIS_APPRAISAL = "Regulation Art. 25"


@dataclass(frozen=True)
class Deadline:
    """A statutory due date: ``kind`` is ``application``, ``decision`` or ``appraisal``."""

    kind: str
    due: date
    basis: str

    def days_left(self, today: date) -> int:
        """0 on the due date itself (still in time), negative once overdue."""
        return (self.due - today).days

    def is_overdue(self, today: date) -> bool:
        return today > self.due


def add_years(start: date, years: int) -> date:
    """The same calendar date ``years`` later; 29 February becomes 28 February if needed."""
    try:
        return start.replace(year=start.year + years)
    except ValueError:
        return start.replace(year=start.year + years, day=28)


def application_deadline(accident_date: date, applicant_type: ApplicantType | str) -> date:
    """Art. 17: the employer within 30 days; the worker, a close relative or the union within 1 year."""
    if ApplicantType(applicant_type) is ApplicantType.EMPLOYER:
        return accident_date + timedelta(days=EMPLOYER_APPLICATION_DAYS)
    return add_years(accident_date, 1)


def decision_deadline(accepted_on: date, clear_case: bool) -> date:
    """Art. 20: 60 days from acceptance, 15 for a clear case decided on the spot."""
    return accepted_on + timedelta(days=CLEAR_CASE_DECISION_DAYS if clear_case else DECISION_DAYS)


def appraisal_deadline(requested_on: date, extended: bool) -> date:
    """Art. 25: 60 days from the appraisal request, 90 when the committee extended it."""
    days = APPRAISAL_DAYS + (APPRAISAL_EXTENSION_DAYS if extended else 0)
    return requested_on + timedelta(days=days)


def application_is_late(
    accident_date: date, applicant_type: ApplicantType | str, received_on: date
) -> bool:
    return received_on > application_deadline(accident_date, applicant_type)


def application_warnings(facts: ClaimFacts) -> list[FieldError]:
    """``claim.application_late`` when the application arrived after its Art. 17 window.

    A warning, not a refusal: the application is received either way (see ``lifecycle``).
    """
    if facts.applicant_type is None or facts.application_received_on is None:
        return []
    due = application_deadline(facts.accident_date, facts.applicant_type)
    if facts.application_received_on <= due:
        return []
    return [
        FieldError(
            "application_received_on",
            "claim.application_late",
            {
                "due": due.isoformat(),
                "days_late": (facts.application_received_on - due).days,
                "applicant_type": facts.applicant_type.value,
                "basis": BASIS_APPLICATION,
            },
        )
    ]


def next_deadline(facts: ClaimFacts, today: date | None = None) -> Deadline | None:
    """The deadline that governs the claim in its current status, or None (see module docstring).

    ``today`` only matters for a reported claim with no applicant yet: once the employer's 30 days
    are over, the worker's one-year window is the one that still matters.
    """
    status = facts.status
    if status is ClaimStatus.REPORTED:
        if facts.applicant_type is not None:
            due = application_deadline(facts.accident_date, facts.applicant_type)
        else:
            due = application_deadline(facts.accident_date, ApplicantType.EMPLOYER)
            if today is not None and today > due:
                due = application_deadline(facts.accident_date, ApplicantType.WORKER)
        return Deadline("application", due, BASIS_APPLICATION)
    if status is ClaimStatus.DETERMINATION:
        if facts.accepted_on is None or facts.decided_on is not None:
            return None
        return Deadline("decision", decision_deadline(facts.accepted_on, facts.clear_case), BASIS_DECISION)
    if status is ClaimStatus.APPRAISAL:
        if facts.appraisal_requested_on is None or facts.appraised_on is not None:
            return None
        return Deadline(
            "appraisal",
            appraisal_deadline(facts.appraisal_requested_on, facts.appraisal_extended),
            BASIS_APPRAISAL,
        )
    return None
