"""The day of death apart from the accident (Regulation Art. 39) at its boundaries: the accident day and today are
allowed, the day before the accident and tomorrow are not, a date needs a death; without one the accident day."""

from __future__ import annotations

from datetime import date

from injury_desk.domain.death import death_date_errors, death_day

ACCIDENT, TODAY = date(2026, 9, 14), date(2026, 11, 28)


def rules(errors) -> set[tuple[str, str]]:
    return {(e.field, e.rule) for e in errors}


def test_the_death_lies_between_the_accident_and_today():
    assert death_date_errors(ACCIDENT, ACCIDENT, TODAY, True) == []  # died in the accident
    assert death_date_errors(ACCIDENT, TODAY, TODAY, True) == []  # died today, 75 days later
    assert death_date_errors(ACCIDENT, None, TODAY, False) == []  # no death recorded
    assert rules(death_date_errors(ACCIDENT, date(2026, 9, 13), TODAY, True)) == {
        ("death_date", "claim.death_before_accident")}
    assert rules(death_date_errors(ACCIDENT, date(2026, 11, 29), TODAY, True)) == {
        ("death_date", "field.date_in_future")}
    assert rules(death_date_errors(ACCIDENT, ACCIDENT, TODAY, False)) == {("death_date", "claim.death_without_fatal")}


def test_a_death_without_a_date_is_the_accident_day():
    assert death_day(ACCIDENT, None) == ACCIDENT
    assert death_day(ACCIDENT, date(2026, 10, 2)) == date(2026, 10, 2)
