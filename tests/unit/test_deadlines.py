"""Statutory deadlines (Regulation Arts. 17, 20, 25, 26, 28, 33, 55; Determination Measures Art. 8): boundaries,
pauses, extensions, leap years, statuses on a given day, and the claim's governing deadline."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from injury_desk.domain.deadlines import (
    Deadline,
    add_months,
    claim_deadlines,
    stop_work_end,
    add_years,
    application_deadline,
    application_is_late,
    application_warnings,
    appraisal_deadline,
    decision_deadline,
    next_deadline,
    no_governing_deadline,
)
from injury_desk.domain.errors import FieldError
from injury_desk.domain.lifecycle import ApplicantType, ClaimFacts, ClaimStatus, DeliveryFact, DeterminationOutcome

S = ClaimStatus
A = ApplicantType


# --- Art. 17: application ----------------------------------------------------------------------


def test_employer_has_30_days() -> None:
    # accident on 1 March: day 1 is 2 March, day 30 is 31 March
    assert application_deadline(date(2025, 3, 1), A.EMPLOYER) == date(2025, 3, 31)


def test_employer_day_30_in_time_day_31_late() -> None:
    accident = date(2025, 3, 1)
    assert not application_is_late(accident, A.EMPLOYER, date(2025, 3, 31))
    assert application_is_late(accident, A.EMPLOYER, date(2025, 4, 1))


def test_employer_window_crosses_february_in_a_leap_year() -> None:
    assert application_deadline(date(2024, 2, 1), A.EMPLOYER) == date(2024, 3, 2)
    assert application_deadline(date(2025, 2, 1), A.EMPLOYER) == date(2025, 3, 3)


def test_employer_window_crosses_year_end() -> None:
    assert application_deadline(date(2025, 12, 15), A.EMPLOYER) == date(2026, 1, 14)


@pytest.mark.parametrize("applicant", [A.WORKER, A.CLOSE_RELATIVE, A.TRADE_UNION])
def test_others_have_one_year_to_the_same_date(applicant: ApplicantType) -> None:
    assert application_deadline(date(2025, 3, 1), applicant) == date(2026, 3, 1)


def test_worker_last_day_in_time_next_day_late() -> None:
    accident = date(2025, 3, 1)
    assert not application_is_late(accident, A.WORKER, date(2026, 3, 1))
    assert application_is_late(accident, A.WORKER, date(2026, 3, 2))


def test_one_year_from_leap_day_ends_on_28_february() -> None:
    assert application_deadline(date(2024, 2, 29), A.WORKER) == date(2025, 2, 28)


def test_one_year_into_a_leap_year_keeps_the_date() -> None:
    # 28 Feb 2023 -> 28 Feb 2024, not 29 Feb: same calendar date
    assert application_deadline(date(2023, 2, 28), A.CLOSE_RELATIVE) == date(2024, 2, 28)
    assert application_deadline(date(2023, 3, 1), A.TRADE_UNION) == date(2024, 3, 1)


def test_add_years_four_years_from_leap_day_keeps_29th() -> None:
    assert add_years(date(2024, 2, 29), 4) == date(2028, 2, 29)
    assert add_years(date(2024, 2, 29), 1) == date(2025, 2, 28)


def test_applicant_type_may_be_a_plain_string() -> None:
    assert application_deadline(date(2025, 3, 1), "employer") == date(2025, 3, 31)
    with pytest.raises(ValueError):
        application_deadline(date(2025, 3, 1), "neighbour")


def _facts(**kw: object) -> ClaimFacts:
    return replace(ClaimFacts(status=S.REPORTED, accident_date=date(2025, 3, 1)), **kw)


def test_no_warning_when_in_time() -> None:
    f = _facts(applicant_type=A.EMPLOYER, application_received_on=date(2025, 3, 31))
    assert application_warnings(f) == []


def test_no_warning_without_application() -> None:
    assert application_warnings(_facts()) == []


def test_warning_names_due_date_and_days_late() -> None:
    f = _facts(applicant_type=A.EMPLOYER, application_received_on=date(2025, 4, 2))
    assert application_warnings(f) == [
        FieldError(
            "application_received_on",
            "claim.application_late",
            {
                "due": "2025-03-31",
                "days_late": 2,
                "applicant_type": "employer",
                "basis": "Regulation Art. 17",
            },
        )
    ]


def test_worker_applying_after_employer_window_is_not_late() -> None:
    f = _facts(applicant_type=A.WORKER, application_received_on=date(2025, 9, 1))
    assert application_warnings(f) == []


# --- Art. 20: decision -------------------------------------------------------------------------


def test_decision_within_60_days() -> None:
    assert decision_deadline(date(2025, 3, 12), clear_case=False) == date(2025, 5, 11)


def test_clear_case_decision_within_15_days() -> None:
    assert decision_deadline(date(2025, 3, 12), clear_case=True) == date(2025, 3, 27)


def test_decision_deadline_day_60_vs_61() -> None:
    d = Deadline("decision", decision_deadline(date(2025, 1, 1), False), "Regulation Art. 20")
    assert d.due == date(2025, 3, 2)  # 30 days left in January + 28 in February + 2
    assert not d.is_overdue(date(2025, 3, 2))
    assert d.days_left(date(2025, 3, 2)) == 0
    assert d.is_overdue(date(2025, 3, 3))
    assert d.days_left(date(2025, 3, 3)) == -1


def test_decision_deadline_in_leap_year() -> None:
    assert decision_deadline(date(2024, 1, 1), False) == date(2024, 3, 1)


def test_clear_case_day_15_vs_16() -> None:
    d = Deadline("decision", decision_deadline(date(2025, 3, 12), True), "Regulation Art. 20")
    assert d.days_left(date(2025, 3, 12)) == 15
    assert not d.is_overdue(date(2025, 3, 27))
    assert d.is_overdue(date(2025, 3, 28))


# --- Art. 25: appraisal ------------------------------------------------------------------------


def test_appraisal_within_60_days() -> None:
    assert appraisal_deadline(date(2025, 5, 1), extended=False) == date(2025, 6, 30)


def test_appraisal_extended_to_90_days() -> None:
    assert appraisal_deadline(date(2025, 5, 1), extended=True) == date(2025, 7, 30)


def test_appraisal_extension_changes_overdue() -> None:
    today = date(2025, 7, 1)  # day 61
    plain = Deadline("appraisal", appraisal_deadline(date(2025, 5, 1), False), "Regulation Art. 25")
    longer = Deadline("appraisal", appraisal_deadline(date(2025, 5, 1), True), "Regulation Art. 25")
    assert plain.is_overdue(today)
    assert not longer.is_overdue(today)
    assert longer.days_left(today) == 29
    assert not longer.is_overdue(date(2025, 7, 30))
    assert longer.is_overdue(date(2025, 7, 31))


# --- every clock of a claim: claim_deadlines and the status on a day ---------------------------


def _clocks(f: ClaimFacts) -> dict[str, Deadline]:
    return {d.kind + (":" + d.recipient if d.recipient else ""): d for d in claim_deadlines(f)}


def test_stale_window_case_from_issue_18() -> None:
    # Accident 2026-01-10, no applicant yet. The employer's 30 days end 2026-02-09; the one-year window
    # for the worker ends 2027-01-10. Looked at on 2026-03-01 the employer window has expired (not
    # "overdue" work) and the governing deadline is 2027-01-10 — the same on every day it is looked at.
    f = replace(_facts(), accident_date=date(2026, 1, 10))
    c = _clocks(f)
    assert c["application_employer"].due == date(2026, 2, 9)
    assert c["application"].due == date(2027, 1, 10)
    assert c["application_employer"].status(date(2026, 3, 1)) == "expired"
    assert c["application"].status(date(2026, 3, 1)) == "later"
    assert next_deadline(f).due == date(2027, 1, 10)
    assert c["application"].basis == "Regulation Art. 17 para. 2"


def test_employer_window_day_29_30_31() -> None:
    # accident 1 March: due 31 March. 24 March = 7 days left: this week; 31 March: day 30, still in time;
    # 1 April: expired (a party's window, never overdue work).
    d = _clocks(_facts())["application_employer"]
    assert d.status(date(2025, 3, 23)) == "later"
    assert d.status(date(2025, 3, 24)) == "this_week"
    assert d.status(date(2025, 3, 31)) == "this_week"
    assert d.status(date(2025, 4, 1)) == "expired"
    assert not d.needs_attention(date(2025, 4, 1))


def test_employer_extension_moves_the_employer_window_only() -> None:
    f = _facts(employer_extended_to=date(2025, 5, 15))
    c = _clocks(f)
    assert c["application_employer"].due == date(2025, 5, 15) and c["application_employer"].extended
    assert c["application"].due == date(2026, 3, 1)
    # received on 15 May from the employer: in time with the approval, late without it (due 31 March)
    received = replace(f, applicant_type=A.EMPLOYER, application_received_on=date(2025, 5, 15))
    assert application_warnings(received) == []
    assert application_warnings(replace(received, employer_extended_to=None))[0].params["days_late"] == 45


def test_occupational_disease_clock_starts_at_diagnosis() -> None:
    # exposure recorded as "accident" 2020-06-01; diagnosis 2025-03-01 -> employer 2025-03-31, others 2026-03-01
    f = _facts(accident_date=date(2020, 6, 1), occupational_disease=True, diagnosed_on=date(2025, 3, 1))
    c = _clocks(f)
    assert (c["application_employer"].due, c["application_employer"].start_event) == (date(2025, 3, 31), "diagnosis")
    assert c["application"].due == date(2026, 3, 1)
    # without the diagnosis date the accident date still starts it
    assert _clocks(replace(f, diagnosed_on=None))["application"].due == date(2021, 6, 1)


def _received(**kw: object) -> ClaimFacts:
    return _facts(status=S.APPLICATION_RECEIVED, applicant_type=A.WORKER,
                  application_received_on=date(2025, 3, 5), **kw)


def test_acceptance_day_14_15_16() -> None:
    # received 5 March: day 15 is 20 March.
    d = _clocks(_received())["acceptance"]
    assert d.due == date(2025, 3, 20) and d.basis.startswith("Measures for Work Injury Determination")
    assert d.days_left(date(2025, 3, 19)) == 1  # day 14
    assert d.status(date(2025, 3, 20)) == "this_week"  # day 15: in time
    assert d.status(date(2025, 3, 21)) == "overdue"  # day 16
    assert d.needs_attention(date(2025, 3, 21))
    assert next_deadline(_received()).kind == "acceptance"


def test_missing_documents_notice_stops_then_restarts_acceptance() -> None:
    # notice on 10 March: no acceptance clock while waiting; documents complete 2 April -> due 17 April
    waiting = _received(documents_requested_on=date(2025, 3, 10))
    assert "acceptance" not in _clocks(waiting)
    restarted = replace(waiting, documents_completed_on=date(2025, 4, 2))
    d = _clocks(restarted)["acceptance"]
    assert (d.due, d.start_event) == (date(2025, 4, 17), "documents_completed")
    assert d.status(date(2025, 4, 17)) == "this_week" and d.status(date(2025, 4, 18)) == "overdue"


def test_acceptance_clock_stops_when_accepted_or_not_accepted() -> None:
    assert "acceptance" not in _clocks(_received(accepted_on=date(2025, 3, 6)))
    assert "acceptance" not in _clocks(_received(not_accepted_on=date(2025, 3, 6)))


def _deciding(**kw: object) -> ClaimFacts:
    return _facts(status=S.DETERMINATION, accepted_on=date(2025, 3, 12), **kw)


def test_suspension_moves_decision_deadline_by_its_length() -> None:
    # 60 days from 12 March = 11 May; suspended 1 April -> 21 April = 20 days -> 31 May
    f = _deciding(suspensions=((date(2025, 4, 1), date(2025, 4, 21)),))
    d = _clocks(f)["decision"]
    assert (d.due, d.paused_days) == (date(2025, 5, 31), 20)
    assert d.status(date(2025, 5, 31)) == "this_week" and d.status(date(2025, 6, 1)) == "overdue"
    # two suspensions add up: + 3 days (10 -> 13 May) = 3 June
    two = replace(f, suspensions=f.suspensions + ((date(2025, 5, 10), date(2025, 5, 13)),))
    assert _clocks(two)["decision"].due == date(2025, 6, 3)


def test_open_suspension_pauses_the_decision_clock() -> None:
    f = _deciding(suspensions=((date(2025, 4, 1), None),))
    d = _clocks(f)["decision"]
    assert d.paused_since == date(2025, 4, 1)
    assert d.status(date(2025, 9, 1)) == "paused"  # long after 11 May: not overdue while paused
    assert not d.needs_attention(date(2025, 9, 1))
    assert next_deadline(f) is None  # a paused clock is not the claim's next deadline


def test_clear_case_suspended_still_counts_15_days() -> None:
    # 12 March + 15 = 27 March; suspended 13 -> 18 March (5 days) = 1 April
    f = _deciding(clear_case=True, suspensions=((date(2025, 3, 13), date(2025, 3, 18)),))
    assert _clocks(f)["decision"].due == date(2025, 4, 1)


def test_appraisal_clock_with_extension() -> None:
    f = _facts(status=S.APPRAISAL, appraisal_requested_on=date(2025, 5, 1))
    assert _clocks(f)["appraisal"].due == date(2025, 6, 30)
    assert _clocks(replace(f, appraisal_extended=True))["appraisal"].due == date(2025, 7, 30)
    assert "appraisal" not in _clocks(replace(f, appraised_on=date(2025, 6, 1)))


def test_reappraisal_window_day_14_15_16_from_delivery() -> None:
    # conclusion delivered to the worker 2 June: 15 days -> 17 June
    f = _facts(status=S.ASSESSMENT, appraisal_requested_on=date(2025, 5, 1), appraised_on=date(2025, 5, 30),
               deliveries=(DeliveryFact("appraisal_conclusion", date(2025, 6, 2), "worker", "J-1"),))
    d = _clocks(f)["reappraisal:worker"]
    assert d.due == date(2025, 6, 17) and d.basis == "Regulation Art. 26"
    assert d.days_left(date(2025, 6, 16)) == 1
    assert d.status(date(2025, 6, 17)) == "this_week"
    assert d.status(date(2025, 6, 18)) == "expired"


def test_review_possible_one_year_after_conclusion() -> None:
    # conclusion 30 May 2025: the year ends 30 May 2026, a review may be asked from 31 May 2026
    f = _facts(status=S.PAYMENT, appraised_on=date(2025, 5, 30))
    d = _clocks(f)["review"]
    assert d.due == date(2026, 5, 31)
    assert d.status(date(2026, 5, 30)) == "this_week"
    assert d.status(date(2026, 5, 31)) == "available"
    assert "review" not in _clocks(replace(f, status=S.CLOSED))


def test_stop_work_period_12_months_extendable_to_24() -> None:
    # starts 10 Jan 2025 counting its first day: 12 months end 9 Jan 2026, 24 months 9 Jan 2027
    f = _facts(status=S.DETERMINATION, accepted_on=date(2025, 1, 20), stop_work_started_on=date(2025, 1, 10))
    d = _clocks(f)["stop_work"]
    assert d.due == date(2026, 1, 9) and not d.extended
    assert d.status(date(2026, 1, 9)) == "this_week" and d.status(date(2026, 1, 10)) == "overdue"
    longer = _clocks(replace(f, stop_work_months=24))["stop_work"]
    assert (longer.due, longer.extended) == (date(2027, 1, 9), True)
    # the appraisal ends the period (Art. 33 para. 2)
    assert "stop_work" not in _clocks(replace(f, appraised_on=date(2025, 6, 1)))


def test_stop_work_end_at_month_ends() -> None:
    assert stop_work_end(date(2025, 1, 31), 1) == date(2025, 2, 27)  # 28 Feb is the same day next month
    assert add_months(date(2024, 2, 29), 12) == date(2025, 2, 28)
    assert add_months(date(2025, 8, 31), 6) == date(2026, 2, 28)


def test_appeal_windows_run_from_delivery_for_each_recipient() -> None:
    # decision delivered 1 July to the worker and 3 July to the employer:
    # reconsideration 60 days -> 30 Aug / 1 Sep; lawsuit 6 months -> 1 Jan / 3 Jan
    f = _facts(status=S.CLOSED, deliveries=(
        DeliveryFact("not_recognised_decision", date(2025, 7, 1), "worker", "〔2025〕第0001号"),
        DeliveryFact("not_recognised_decision", date(2025, 7, 3), "employer", "〔2025〕第0001号")))
    c = _clocks(f)
    assert c["reconsideration:worker"].due == date(2025, 8, 30)
    assert c["reconsideration:employer"].due == date(2025, 9, 1)
    assert c["lawsuit:worker"].due == date(2026, 1, 1)
    assert c["lawsuit:employer"].due == date(2026, 1, 3)
    assert c["reconsideration:worker"].status(date(2025, 8, 30)) == "this_week"
    assert c["reconsideration:worker"].status(date(2025, 8, 31)) == "expired"
    assert c["lawsuit:worker"].document == "〔2025〕第0001号"


def test_notices_that_open_no_window() -> None:
    f = _facts(status=S.DETERMINATION, accepted_on=date(2025, 3, 12),
               deliveries=(DeliveryFact("acceptance_notice", date(2025, 3, 13), "worker"),))
    assert [d.kind for d in claim_deadlines(f)] == ["decision"]


def test_decision_deadline_stops_once_decided() -> None:
    f = _deciding(determination_outcome=DeterminationOutcome.RECOGNISED, decided_on=date(2025, 4, 1))
    assert "decision" not in _clocks(f)


def test_governing_deadline_per_status() -> None:
    assert next_deadline(_facts()).kind == "application"
    assert next_deadline(_deciding()) == Deadline("decision", date(2025, 5, 11), "Regulation Art. 20",
                                                  date(2025, 3, 12), "accepted")
    f = _facts(status=S.APPRAISAL, appraisal_requested_on=date(2025, 5, 1))
    assert (next_deadline(f).kind, next_deadline(f).due) == ("appraisal", date(2025, 6, 30))
    # the stop-work end governs when it comes first
    both = replace(f, stop_work_started_on=date(2024, 6, 1))
    assert (next_deadline(both).kind, next_deadline(both).due) == ("stop_work", date(2025, 5, 31))


@pytest.mark.parametrize("status", [S.ASSESSMENT, S.PAYMENT, S.CLOSED])
def test_later_statuses_have_no_governing_deadline(status: ClaimStatus) -> None:
    assert next_deadline(_facts(status=status, accepted_on=date(2025, 3, 12))) is None


# --- a claim's own row settling its governing deadline (the bulk refresh's shortcut) -------------------------------


def _every_record_combination(status: ClaimStatus, fatal: bool, started: date | None, ended: date | None):
    """ClaimFacts of one claims row with each combination of what its records can add to the facts."""
    for accepted_on in (None, date(2025, 2, 1)):
        for decided_on in (None, date(2025, 3, 1)):
            for requested_on, appraised_on in ((None, None), (date(2025, 4, 1), None), (date(2025, 4, 1),
                                                                                            date(2025, 5, 1))):
                for delivered in ((), (DeliveryFact("determination_decision", date(2025, 3, 2), "worker", "D1"),),
                                  (DeliveryFact("appraisal_conclusion", date(2025, 5, 2), "worker", "A1"),)):
                    yield ClaimFacts(
                        status=status, accident_date=date(2025, 1, 10), application_received_on=date(2025, 1, 20),
                        accepted_on=accepted_on, fatal=fatal, stop_work_started_on=started, stop_work_ended_on=ended,
                        determination_outcome=DeterminationOutcome.RECOGNISED if decided_on else None,
                        decided_on=decided_on, needs_appraisal=requested_on is not None,
                        appraisal_requested_on=requested_on, appraised_on=appraised_on,
                        disability_grade=7 if appraised_on else None, deliveries=delivered)


@pytest.mark.parametrize("status", list(ClaimStatus))
def test_a_claim_whose_row_settles_it_has_no_governing_deadline_whatever_its_records(status: ClaimStatus) -> None:
    # For every status, death or not, and stop work not started / running / ended: where the row alone is said to
    # settle it, no combination of determinations, appraisals and deliveries gives a governing deadline; and where
    # it is not settled, at least one combination does (the shortcut is never wider than it must be, e.g. a claim
    # in payment whose stop work runs: its clock stops only once an appraisal concludes).
    for fatal in (False, True):
        for started, ended in ((None, None), (date(2025, 1, 10), None), (date(2025, 1, 10), date(2025, 6, 1))):
            settled = no_governing_deadline(status.value, started is not None, ended is not None, fatal)
            found = [next_deadline(f) for f in _every_record_combination(status, fatal, started, ended)]
            if settled:
                assert found == [None] * len(found), (status, fatal, started, ended)
            else:
                assert any(found), (status, fatal, started, ended)


def test_closed_claims_and_claims_past_their_clocks_are_settled_by_their_row() -> None:
    assert no_governing_deadline("closed", True, False, False)  # closed: even a running stop work has no clock
    assert no_governing_deadline("payment", False, False, False)  # in payment, no stop work: nothing can govern
    assert not no_governing_deadline("payment", True, False, False)  # stop work runs until an appraisal concludes
    assert no_governing_deadline("assessment", True, True, False)  # stop work ended
    assert no_governing_deadline("assessment", True, False, True)  # a death: no stop-work clock
    assert not no_governing_deadline("reported", False, False, False)  # the application window always runs
