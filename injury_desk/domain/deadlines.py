"""Every statutory clock of a claim: its legal basis, start event, pauses, and its status on a given day.

Two steps, so that every screen, the CLI and printed notices agree whatever day it is:

1. ``claim_deadlines(facts)`` lists the clocks still running for a claim. It does not depend on
   today: a stored copy of its result (the claims list's "next deadline") can never go stale, and
   is recomputed only when the claim's facts change.
2. ``Deadline.status(today)`` says what a clock means on the day it is looked at: overdue, due this
   week, later, paused, expired (a party's window that closed), available (Art. 28).

How periods are counted: the day of the triggering event is not counted and the period ends at
the end of its last day (Civil Code Art. 201), so "within 30 days of the accident on 1 March"
ends on 31 March, i.e. ``due = start + 30 days`` and an act *on* ``due`` is in time. A period in
months or years ends on the same calendar date; a start on the 29th-31st ends on the month's last
day when the final month is shorter (Civil Code Art. 202). Not modelled, and left to the
caseworker: moving a due date that falls on a public holiday to the next working day (Civil Code
Art. 203 — we hold no holiday calendar).

The clocks (``kind``):

* ``application_employer`` — Regulation Art. 17 para. 1: the employer applies within 30 days of
  the accident, or of the diagnosis / appraisal of an occupational disease; the department may
  approve a longer period (``employer_extended_to``). A party's window: once passed it *expires*
  (the employer then bears the costs in the meantime, Art. 17 para. 4), it is never "overdue" work.
* ``application`` — Art. 17 para. 2: the worker, a close relative or the trade union within one
  year of the same start. This is the claim's governing deadline while it is only reported: it is
  the last day anyone can apply, whatever day it is looked at.
* ``acceptance`` — 《工伤认定办法》 Art. 8: within 15 days of receiving the application the
  department accepts, refuses, or sends one notice listing every missing document; once all of
  them arrive it has 15 days again. While it waits for the documents no clock runs.
* ``decision`` — Art. 20: 60 days from acceptance, 15 for a clear case. Suspended while a judicial
  or administrative body decides a precondition (para. 3): each suspension moves the deadline by
  its length ``end - start`` (the clock stops on the start day and runs again from the end day);
  while a suspension is open the clock is *paused*.
* ``appraisal`` — Art. 25: the committee concludes within 60 days of the request, 90 when extended.
* ``reappraisal`` — Art. 26: a party may ask for re-appraisal within 15 days of receiving the
  conclusion (from its recorded delivery). A party's window.
* ``review`` — Art. 28: a review may be requested once a year has passed since the conclusion; not a
  limit but a date from which something becomes possible (status ``available``).
* ``stop_work`` — Art. 33: the suspension period (停工留薪期) lasts up to 12 months, extendable to 24;
  it counts its first day, so 12 months from 10 January end on 9 January. It ends at the latest when
  the disability is appraised (Art. 33 para. 2), so an appraisal stops the clock.
* ``reconsideration`` and ``lawsuit`` — Regulation Art. 55 with the Administrative Reconsideration
  Law Art. 20 (60 days) and the Administrative Litigation Law Art. 46 (6 months): appeal windows of
  each recipient of a not-accepted notice or a determination decision, from its delivery.
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta
from typing import NamedTuple

from injury_desk.domain.errors import FieldError
from injury_desk.domain.lifecycle import ApplicantType, ClaimFacts, ClaimStatus

EMPLOYER_APPLICATION_DAYS = 30
ACCEPTANCE_DAYS = 15
DECISION_DAYS = 60
CLEAR_CASE_DECISION_DAYS = 15
APPRAISAL_DAYS = 60
APPRAISAL_EXTENSION_DAYS = 30
REAPPRAISAL_DAYS = 15
RECONSIDERATION_DAYS = 60
LAWSUIT_MONTHS = 6
STOP_WORK_MONTHS = 12
STOP_WORK_MAX_MONTHS = 24
THIS_WEEK_DAYS = 7

BASIS_APPLICATION = "Regulation Art. 17"
BASIS_DECISION = "Regulation Art. 20"
BASIS_APPRAISAL = "Regulation Art. 25"

# kind -> (legal basis, start event, duty). A duty is work someone owes by the due date (late = overdue);
# otherwise the clock is a party's window that expires, or (review) a date from which a step is possible.
KINDS: dict[str, tuple[str, str, str]] = {
    "application_employer": ("Regulation Art. 17 para. 1", "accident", "window"),
    # A duty, not a window: a claim still only "reported" when the last day for anyone to apply has passed is
    # work for the caseworker (record the late application, which is still received, see lifecycle).
    "application": ("Regulation Art. 17 para. 2", "accident", "duty"),
    "acceptance": ("Measures for Work Injury Determination Art. 8", "application_received", "duty"),
    "decision": ("Regulation Art. 20", "accepted", "duty"),
    "appraisal": ("Regulation Art. 25", "appraisal_requested", "duty"),
    "reappraisal": ("Regulation Art. 26", "conclusion_delivered", "window"),
    "review": ("Regulation Art. 28", "appraised", "from"),
    "stop_work": ("Regulation Art. 33", "stop_work_started", "duty"),
    "reconsideration": ("Regulation Art. 55; Administrative Reconsideration Law Art. 20", "decision_delivered",
                        "window"),
    "lawsuit": ("Regulation Art. 55; Administrative Litigation Law Art. 46", "decision_delivered", "window"),
}
# The clocks that can be a claim's "next deadline" in the claims list (one per claim, sortable).
GOVERNING = frozenset({"application", "acceptance", "decision", "appraisal", "stop_work"})
# Documents whose delivery opens windows: the appeal windows, or the re-appraisal window.
APPEALABLE_DOCUMENTS = frozenset({"not_accepted_notice", "determination_decision", "not_recognised_decision"})
DOCUMENT_KINDS = ("acceptance_notice", "missing_documents_notice", "not_accepted_notice", "determination_decision",
                  "not_recognised_decision", "appraisal_conclusion", "reappraisal_conclusion")
STATUSES = ("overdue", "this_week", "later", "paused", "expired", "available")


# A NamedTuple, not a dataclass: a frozen dataclass is compiled from source when its module loads (over a
# millisecond), and the Tasks page loads this module as the window opens.
class Deadline(NamedTuple):
    """One running clock. ``due`` is the last day in time (for ``review``: the first day possible)."""

    kind: str
    due: date
    basis: str
    start: date | None = None
    start_event: str = ""
    paused_since: date | None = None  # an open Art. 20 suspension
    paused_days: int = 0  # days added by finished suspensions
    extended: bool = False
    recipient: str = ""  # the appeal and re-appraisal windows belong to one recipient
    document: str = ""  # the delivered document's number

    @property
    def nature(self) -> str:
        return KINDS[self.kind][2] if self.kind in KINDS else "duty"

    def days_left(self, today: date) -> int:
        """0 on the due date itself (still in time), negative once overdue."""
        return (self.due - today).days

    def is_overdue(self, today: date) -> bool:
        return today > self.due

    def status(self, today: date) -> str:
        """What the clock means on ``today``: one of STATUSES."""
        if self.paused_since is not None:
            return "paused"
        left = self.days_left(today)
        if self.nature == "from":
            return "available" if left <= 0 else ("this_week" if left <= THIS_WEEK_DAYS else "later")
        if left < 0:
            return "overdue" if self.nature == "duty" else "expired"
        return "this_week" if left <= THIS_WEEK_DAYS else "later"

    def needs_attention(self, today: date) -> bool:
        """Work that is late: an overdue duty (the only rows shown in colour; "this week" is a group, not an alarm)."""
        return self.status(today) == "overdue"


def add_years(start: date, years: int) -> date:
    """The same calendar date ``years`` later; 29 February becomes 28 February if needed."""
    try:
        return start.replace(year=start.year + years)
    except ValueError:
        return start.replace(year=start.year + years, day=28)


def add_months(start: date, months: int) -> date:
    """The same day ``months`` later, or the last day of that month when it is shorter (Civil Code Art. 202)."""
    index = start.month - 1 + months
    year, month = start.year + index // 12, index % 12 + 1
    return date(year, month, min(start.day, calendar.monthrange(year, month)[1]))


def application_start(facts: ClaimFacts) -> date:
    """Art. 17: the accident, or for an occupational disease the diagnosis or appraisal date."""
    if facts.occupational_disease and facts.diagnosed_on is not None:
        return facts.diagnosed_on
    return facts.accident_date


def application_deadline(start: date, applicant_type: ApplicantType | str, extended_to: date | None = None) -> date:
    """Art. 17: the employer within 30 days (or the approved extension); the others within 1 year."""
    if ApplicantType(applicant_type) is ApplicantType.EMPLOYER:
        due = start + timedelta(days=EMPLOYER_APPLICATION_DAYS)
        return max(due, extended_to) if extended_to is not None else due
    return add_years(start, 1)


def decision_deadline(accepted_on: date, clear_case: bool, paused_days: int = 0) -> date:
    """Art. 20: 60 days from acceptance, 15 for a clear case, plus the days suspended."""
    days = CLEAR_CASE_DECISION_DAYS if clear_case else DECISION_DAYS
    return accepted_on + timedelta(days=days + paused_days)


def appraisal_deadline(requested_on: date, extended: bool) -> date:
    """Art. 25: 60 days from the appraisal request, 90 when the committee extended it."""
    days = APPRAISAL_DAYS + (APPRAISAL_EXTENSION_DAYS if extended else 0)
    return requested_on + timedelta(days=days)


def stop_work_end(started_on: date, months: int) -> date:
    """Art. 33: the last day of a suspension period of ``months`` that counts its first day."""
    return add_months(started_on, months) - timedelta(days=1)


def application_is_late(start: date, applicant_type: ApplicantType | str, received_on: date,
                        extended_to: date | None = None) -> bool:
    return received_on > application_deadline(start, applicant_type, extended_to)


def application_warnings(facts: ClaimFacts) -> list[FieldError]:
    """``claim.application_late`` when the application arrived after its Art. 17 window.

    A warning, not a refusal: the application is received either way (see ``lifecycle``).
    """
    if facts.applicant_type is None or facts.application_received_on is None:
        return []
    due = application_deadline(application_start(facts), facts.applicant_type, facts.employer_extended_to)
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


def suspended_days(suspensions: tuple[tuple[date, date | None], ...]) -> tuple[int, date | None]:
    """Days added by finished Art. 20 suspensions, and the start of one still open (or None)."""
    days, open_since = 0, None
    for start, end in suspensions:
        if end is None:
            open_since = start if open_since is None else min(open_since, start)
        else:
            days += max((end - start).days, 0)
    return days, open_since


def _make(kind: str, due: date, start: date | None, **kw) -> Deadline:
    basis, event, _nature = KINDS[kind]
    return Deadline(kind, due, basis, start, event, **kw)


def claim_deadlines(facts: ClaimFacts) -> list[Deadline]:
    """Every clock still running for the claim, by due date. Independent of today (see the module docstring)."""
    f = facts
    s = ClaimStatus
    out: list[Deadline] = []
    if f.status is s.REPORTED:
        start = application_start(f)
        event = "diagnosis" if start != f.accident_date else "accident"
        out.append(Deadline("application_employer",
                            application_deadline(start, ApplicantType.EMPLOYER, f.employer_extended_to),
                            KINDS["application_employer"][0], start, event,
                            extended=f.employer_extended_to is not None))
        out.append(Deadline("application", application_deadline(start, ApplicantType.WORKER),
                            KINDS["application"][0], start, event))
    if f.status is s.APPLICATION_RECEIVED and f.accepted_on is None and f.not_accepted_on is None \
            and f.application_received_on is not None:
        if f.documents_requested_on is None:
            out.append(_make("acceptance", f.application_received_on + timedelta(days=ACCEPTANCE_DAYS),
                             f.application_received_on))
        elif f.documents_completed_on is not None:
            out.append(Deadline("acceptance", f.documents_completed_on + timedelta(days=ACCEPTANCE_DAYS),
                                KINDS["acceptance"][0], f.documents_completed_on, "documents_completed"))
    if f.status is s.DETERMINATION and f.accepted_on is not None and f.decided_on is None:
        paused, open_since = suspended_days(f.suspensions)
        out.append(_make("decision", decision_deadline(f.accepted_on, f.clear_case, paused), f.accepted_on,
                         paused_since=open_since, paused_days=paused))
    if f.appraisal_requested_on is not None and f.appraised_on is None and f.status is s.APPRAISAL:
        out.append(_make("appraisal", appraisal_deadline(f.appraisal_requested_on, f.appraisal_extended),
                         f.appraisal_requested_on, extended=f.appraisal_extended))
    if f.appraised_on is not None and f.status is not s.CLOSED:
        out.append(_make("review", add_years(f.appraised_on, 1) + timedelta(days=1), f.appraised_on))
    if f.stop_work_started_on is not None and f.appraised_on is None and f.stop_work_ended_on is None \
            and f.status is not s.CLOSED \
            and not f.fatal:
        out.append(_make("stop_work", stop_work_end(f.stop_work_started_on, f.stop_work_months),
                         f.stop_work_started_on, extended=f.stop_work_months > STOP_WORK_MONTHS))
    for d in f.deliveries:
        if d.document in APPEALABLE_DOCUMENTS:
            out.append(_make("reconsideration", d.delivered_on + timedelta(days=RECONSIDERATION_DAYS),
                             d.delivered_on, recipient=d.recipient, document=d.number))
            out.append(_make("lawsuit", add_months(d.delivered_on, LAWSUIT_MONTHS), d.delivered_on,
                             recipient=d.recipient, document=d.number))
        elif d.document == "appraisal_conclusion":
            out.append(_make("reappraisal", d.delivered_on + timedelta(days=REAPPRAISAL_DAYS), d.delivered_on,
                             recipient=d.recipient, document=d.number))
    out.sort(key=lambda d: (d.due, d.kind, d.recipient))
    return out


# The statuses in which a governing clock other than stop work can run (claim_deadlines: application, acceptance,
# decision, appraisal): in every other status only stop work can govern.
_STATUSES_WITH_GOVERNING_CLOCKS = frozenset({ClaimStatus.REPORTED, ClaimStatus.APPLICATION_RECEIVED,
                                             ClaimStatus.DETERMINATION, ClaimStatus.APPRAISAL})


def no_governing_deadline(status: str, stop_work_started: bool, stop_work_ended: bool, fatal: bool) -> bool:
    """Whether the claim's own row settles that next_deadline is None, whatever its records (determinations,
    appraisals, deliveries ...) say: no clock of GOVERNING runs in its status, and stop work cannot run either
    (claim_deadlines' conditions). A bulk refresh then reads no records for it: most claims of an office are
    closed."""
    s = ClaimStatus(status)
    if s in _STATUSES_WITH_GOVERNING_CLOCKS:
        return False
    return s is ClaimStatus.CLOSED or not stop_work_started or stop_work_ended or fatal


def next_deadline(facts: ClaimFacts) -> Deadline | None:
    """The claim's governing deadline for the claims list: the earliest running, not paused clock among
    GOVERNING. Independent of today, so a stored copy never goes stale."""
    running = [d for d in claim_deadlines(facts) if d.kind in GOVERNING and d.paused_since is None]
    return running[0] if running else None
