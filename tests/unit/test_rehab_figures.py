"""Return-to-work indicators (domain/rehab_figures.py) on hand-made records, without a database."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from injury_desk.domain.rehab_figures import RtwRecord, add_months, compute_rtw_stats, earliest_return, rtw_lines

AS_OF = date(2026, 6, 30)


def rec(claim: str, accident: date, back: date | None, outcome: str | None, employer: str = "e1") -> RtwRecord:
    return RtwRecord(claim, accident, "骨折", employer, employer.upper(), back, outcome)


def test_add_months_keeps_the_last_day():
    assert add_months(date(2025, 5, 31), 6) == date(2025, 11, 30)
    assert add_months(date(2024, 8, 31), 6) == date(2025, 2, 28)
    assert add_months(date(2023, 8, 31), 6) == date(2024, 2, 29)  # leap year


def test_days_to_return_median_mean_and_same_vs_new_employer():
    # Four injuries in 2025, statistics on 2026-06-30:
    #   c1 2025-01-01 back 2025-01-31 same job          → 30 days
    #   c2 2025-01-01 back 2025-03-02 new employer      → 60 days
    #   c3 2025-02-01 back 2025-05-02 modified job      → 90 days
    #   c4 2025-03-01 not back
    # Returned: 3. Median of [30, 60, 90] = 60 (60 / 1); mean = 180 / 3 = 60.0.
    # Same employer: c1, c3 = 2 of 3 = 66.7 %; new employer: c2 = 1 of 3 = 33.3 %.
    records = [rec("c1", date(2025, 1, 1), date(2025, 1, 31), "same_job"),
               rec("c2", date(2025, 1, 1), date(2025, 3, 2), "new_employer"),
               rec("c3", date(2025, 2, 1), date(2025, 5, 2), "modified_job"),
               rec("c4", date(2025, 3, 1), None, None)]
    o = compute_rtw_stats(records, AS_OF).overall
    assert (o.workers, o.returned) == (4, 3)
    assert (o.median_days.value, o.median_days.numerator, o.median_days.denominator) == (Decimal("60.0"), 60, 1)
    assert (o.mean_days.value, o.mean_days.numerator, o.mean_days.denominator) == (Decimal("60.0"), 180, 3)
    assert (o.same_employer.value, o.new_employer.value) == (Decimal("66.7"), Decimal("33.3"))
    assert (o.same_employer.numerator, o.same_employer.denominator) == (2, 3)
    # 3 months: all four windows passed; back within 3 months: c1 (by 04-01), c2 (by 04-01), c3 (05-02 ≤ 05-01? no).
    # 2 of 4 = 50.0 %.
    assert o.figures[0].ratio.value == Decimal("50.0") and (o.figures[0].back, o.figures[0].eligible) == (2, 4)


def test_an_even_count_takes_the_mean_of_the_middle_two_and_the_period_selects_the_cohort():
    # Period 2025-01-01 .. 2025-01-31 keeps c1 (30 days) and c2 (61 days: 2025-01-01 → 2025-03-03); c3, injured
    # 2024-12-31, and c4, injured 2025-02-01, fall outside (the bounds are inclusive days).
    # Median of [30, 61] = (30 + 61) / 2 = 45.5; mean 91 / 2 = 45.5.
    records = [rec("c1", date(2025, 1, 1), date(2025, 1, 31), "same_job"),
               rec("c2", date(2025, 1, 31), date(2025, 4, 2), "other_job_same_employer"),
               rec("c3", date(2024, 12, 31), date(2025, 1, 1), "same_job"),
               rec("c4", date(2025, 2, 1), date(2025, 2, 2), "same_job")]
    o = compute_rtw_stats(records, AS_OF, start=date(2025, 1, 1), end=date(2025, 1, 31)).overall
    assert o.workers == 2
    assert (o.median_days.numerator, o.median_days.denominator, o.median_days.value) == (91, 2, Decimal("45.5"))
    assert o.same_employer.value == Decimal("100.0") and o.new_employer.value == Decimal("0.0")
    with pytest.raises(ValueError):
        compute_rtw_stats(records, AS_OF, start=date(2025, 2, 1), end=date(2025, 1, 1))


def test_a_return_after_the_day_of_the_statistics_is_not_counted_and_nobody_back_gives_no_figure():
    # A return recorded for 2026-07-01, after the statistics day 2026-06-30, is not (yet) a return:
    # returned 0, so median, mean and the employer split have no value (shown "—"), never 0.
    o = compute_rtw_stats([rec("c1", date(2026, 1, 1), date(2026, 7, 1), "same_job")], AS_OF).overall
    assert (o.returned, o.median_days.value, o.mean_days.value, o.same_employer.value) == (0, None, None, None)


def test_several_cases_of_one_claim_keep_the_earliest_return_and_its_outcome():
    first = rec("c1", date(2025, 1, 1), date(2025, 6, 1), "new_employer")
    earlier = rec("c1", date(2025, 1, 1), date(2025, 3, 1), "same_job")
    none = rec("c1", date(2025, 1, 1), None, None)
    assert earliest_return(earliest_return(first, earlier), none) == earlier
    assert earliest_return(None, none) == none


def test_lines_carry_every_figure_with_numerator_and_denominator():
    records = [rec("c1", date(2025, 1, 1), date(2025, 1, 31), "same_job", "e1"),
               rec("c2", date(2025, 1, 1), date(2025, 3, 2), "new_employer", "e2")]
    lines = rtw_lines(compute_rtw_stats(records, AS_OF), "employer")
    whole = {ln.figure: ln for ln in lines if ln.group_by == "all"}
    assert set(whole) == {"workers", "back_within_3_months", "back_within_6_months", "back_within_12_months",
                          "median_days_to_return", "mean_days_to_return", "back_at_same_employer",
                          "back_at_new_employer"}
    # Median of [30, 60] = 90 / 2 = 45.0; new employer 1 of 2 = 50.0 %.
    assert (whole["median_days_to_return"].numerator, whole["median_days_to_return"].denominator) == (90, 2)
    assert (whole["back_at_new_employer"].value, whole["back_at_new_employer"].denominator) == (Decimal("50.0"), 2)
    assert {ln.key for ln in lines if ln.group_by == "employer"} == {"e1", "e2"}
