"""Statutory deadlines (Regulation Arts. 17, 20, 25): boundaries, leap years, next deadline."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from injury_desk.domain.deadlines import (
    Deadline,
    add_years,
    application_deadline,
    application_is_late,
    application_warnings,
    appraisal_deadline,
    decision_deadline,
    next_deadline,
)
from injury_desk.domain.errors import FieldError
from injury_desk.domain.lifecycle import ApplicantType, ClaimFacts, ClaimStatus, DeterminationOutcome

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


# --- next_deadline -----------------------------------------------------------------------------


def test_reported_without_applicant_shows_employer_deadline() -> None:
    assert next_deadline(_facts()) == Deadline("application", date(2025, 3, 31), "Regulation Art. 17")
    assert next_deadline(_facts(), today=date(2025, 3, 31)) == Deadline(
        "application", date(2025, 3, 31), "Regulation Art. 17"
    )


def test_reported_after_employer_window_shows_one_year() -> None:
    assert next_deadline(_facts(), today=date(2025, 4, 1)) == Deadline(
        "application", date(2026, 3, 1), "Regulation Art. 17"
    )


def test_reported_with_known_applicant_uses_their_window() -> None:
    assert next_deadline(_facts(applicant_type=A.CLOSE_RELATIVE)).due == date(2026, 3, 1)
    assert next_deadline(_facts(applicant_type=A.EMPLOYER), today=date(2025, 6, 1)).due == date(2025, 3, 31)


def test_received_but_not_accepted_has_no_deadline() -> None:
    f = _facts(status=S.APPLICATION_RECEIVED, applicant_type=A.WORKER,
               application_received_on=date(2025, 3, 5))
    assert next_deadline(f, today=date(2025, 3, 6)) is None


def test_determination_shows_decision_deadline() -> None:
    f = _facts(status=S.DETERMINATION, accepted_on=date(2025, 3, 12))
    assert next_deadline(f) == Deadline("decision", date(2025, 5, 11), "Regulation Art. 20")
    assert next_deadline(replace(f, clear_case=True)) == Deadline(
        "decision", date(2025, 3, 27), "Regulation Art. 20"
    )


def test_decided_claim_has_no_decision_deadline() -> None:
    f = _facts(
        status=S.DETERMINATION,
        accepted_on=date(2025, 3, 12),
        determination_outcome=DeterminationOutcome.RECOGNISED,
        decided_on=date(2025, 4, 1),
    )
    assert next_deadline(f) is None


def test_appraisal_shows_appraisal_deadline_until_concluded() -> None:
    f = _facts(status=S.APPRAISAL, appraisal_requested_on=date(2025, 5, 1))
    assert next_deadline(f) == Deadline("appraisal", date(2025, 6, 30), "Regulation Art. 25")
    assert next_deadline(replace(f, appraisal_extended=True)).due == date(2025, 7, 30)
    assert next_deadline(replace(f, appraised_on=date(2025, 6, 1))) is None


@pytest.mark.parametrize("status", [S.ASSESSMENT, S.PAYMENT, S.CLOSED])
def test_later_statuses_have_no_deadline(status: ClaimStatus) -> None:
    assert next_deadline(_facts(status=status, accepted_on=date(2025, 3, 12))) is None
