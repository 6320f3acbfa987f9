"""Prevention indicators (domain/prevention_figures.py) on small hand-made records, without a database.

Each test works its figures out by hand in its comment."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from injury_desk.domain.figures import Ratio, median, mean, per_100, percent
from injury_desk.domain.prevention_figures import (
    ActionFact,
    ClaimFact,
    EmployerFact,
    HeadcountFact,
    IncidentFact,
    SpendFact,
    action_figures,
    action_lines,
    injury_figures,
    injury_lines,
    prevention_cap,
    spending_figures,
)

A = EmployerFact("a", "Alpha Works", "manufacturing", "example")
B = EmployerFact("b", "Beta Build", "construction", "example")
C = EmployerFact("c", "Gamma Metal", "manufacturing", "example")
YEAR = (date(2025, 1, 1), date(2025, 12, 31))


def test_ratio_rounds_half_up_and_has_no_value_on_a_zero_denominator():
    # 1 × 100 / 8 = 12.5 exactly → 12.50; 1 × 100 / 3 = 33.333… → 33.33; 2 × 100 / 3 = 66.666… → 66.67;
    # 1 × 100 / 400 = 0.25 (to 0.01: 0.25); 1 × 100 / 800 = 0.125 → 0.13 (half up, not to even 0.12).
    assert per_100(1, 8).value == Decimal("12.50")
    assert per_100(1, 3).value == Decimal("33.33")
    assert per_100(2, 3).value == Decimal("66.67")
    assert per_100(1, 800).value == Decimal("0.13")
    assert per_100(3, 0).value is None
    assert per_100(0, 0).value is None
    # A percentage to 0.1: 1 of 8 = 12.5 %; 1 of 16 = 6.25 → 6.3 (half up).
    assert percent(1, 8).value == Decimal("12.5")
    assert percent(1, 16).value == Decimal("6.3")
    assert Ratio(5, 2, 1).numerator == 5 and Ratio(5, 2, 1).denominator == 2


def test_median_and_mean_carry_their_arithmetic():
    # [7, 1, 4] sorted [1, 4, 7]: the middle one, 4 (4 / 1). [10, 2, 4, 7] sorted [2, 4, 7, 10]: (4 + 7) / 2 = 5.5.
    assert (median([7, 1, 4]).value, median([7, 1, 4]).numerator, median([7, 1, 4]).denominator) == (Decimal("4.0"), 4, 1)
    m = median([10, 2, 4, 7])
    assert (m.value, m.numerator, m.denominator, m.count) == (Decimal("5.5"), 11, 2, 4)
    assert median([]).value is None and median([]).count == 0
    # mean [10, 2, 4, 7] = 23 / 4 = 5.75 → 5.8 (to 0.1, half up); no values: no mean.
    assert (mean([10, 2, 4, 7]).value, mean([10, 2, 4, 7]).numerator, mean([10, 2, 4, 7]).denominator) == \
        (Decimal("5.8"), 23, 4)
    assert mean([]).value is None


def test_injury_rate_counts_recognised_and_deemed_only():
    # The example: 2 claims at an employer of 50 workers, one recognised, one not recognised.
    # Recognised: 1 × 100 / 50 = 2.00 (not 4.00); not recognised apart: 1 × 100 / 50 = 2.00; pending 0.
    # A deemed injury (视同工伤, Art. 15) counts as recognised: adding one → 2 × 100 / 50 = 4.00.
    heads = [HeadcountFact("a", 2025, 50, "register")]
    claims = [ClaimFact("a", date(2025, 3, 1), "recognised"), ClaimFact("a", date(2025, 4, 1), "not_recognised")]
    [row] = injury_figures([A], heads, claims, [], *YEAR, "employer")
    assert (row.workers, row.recognised.value, row.not_recognised.value, row.pending.value) == \
        (50, Decimal("2.00"), Decimal("2.00"), Decimal("0.00"))
    assert (row.recognised.numerator, row.recognised.denominator) == (1, 50)
    claims.append(ClaimFact("a", date(2025, 5, 1), "deemed"))
    claims.append(ClaimFact("a", date(2025, 6, 1), None))  # no determination yet: pending, 1 × 100 / 50 = 2.00
    [row] = injury_figures([A], heads, claims, [], *YEAR, "employer")
    assert (row.recognised.value, row.pending.value) == (Decimal("4.00"), Decimal("2.00"))


def test_near_misses_are_counted_apart_from_accidents():
    # The example: 2 accidents and 1 near miss on 200 workers. Accidents 2 × 100 / 200 = 1.00 (not 1.50);
    # near misses 1 × 100 / 200 = 0.50. Days lost are all incidents' days: 3 + 5 + 0 = 8.
    heads = [HeadcountFact("a", 2025, 200, "register")]
    incidents = [IncidentFact("a", date(2025, 2, 1), "accident", 3), IncidentFact("a", date(2025, 2, 2), "accident", 5),
                 IncidentFact("a", date(2025, 2, 3), "near_miss", 0)]
    [row] = injury_figures([A], heads, [], incidents, *YEAR, "employer")
    assert (row.accidents.value, row.near_misses.value, row.days_lost) == (Decimal("1.00"), Decimal("0.50"), 8)


def test_a_year_uses_its_own_headcount_and_an_employer_without_one_is_left_out_and_listed():
    # Manufacturing = Alpha (2024: 100 workers, 2025: 40) and Gamma (2024: 100, 2025: none recorded).
    # Recognised claims: Alpha 1 in 2024, 1 in 2025; Gamma 1 in 2024, 2 in 2025.
    # 2024: (1 + 1) × 100 / (100 + 100) = 1.00.
    # 2025: Gamma has no headcount, so it is out of numerator and denominator: 1 × 100 / 40 = 2.50 — not
    #       3 × 100 / 40 = 7.50 (Gamma's claims on Alpha's workers), and not 3 / 40 with Gamma as 0 workers.
    #       Gamma is listed, and its 2 claims are reported as left out.
    heads = [HeadcountFact("a", 2024, 100, "register"), HeadcountFact("a", 2025, 40, "payroll"),
             HeadcountFact("c", 2024, 100, "register")]
    claims = [ClaimFact("a", date(2024, 6, 1), "recognised"), ClaimFact("a", date(2025, 6, 1), "recognised"),
              ClaimFact("c", date(2024, 6, 1), "recognised"), ClaimFact("c", date(2025, 6, 1), "recognised"),
              ClaimFact("c", date(2025, 7, 1), "recognised")]
    rows = injury_figures([A, B, C], heads, claims, [], date(2024, 1, 1), date(2025, 12, 31), "industry")
    manufacturing = {r.year: r for r in rows if r.key == "manufacturing"}
    assert (manufacturing[2024].workers, manufacturing[2024].recognised.value) == (200, Decimal("1.00"))
    r25 = manufacturing[2025]
    assert (r25.workers, r25.recognised.numerator, r25.recognised.value) == (40, 1, Decimal("2.50"))
    assert (r25.missing_headcount, r25.left_out_claims) == (("Gamma Metal",), 2)
    # Beta has no headcount in any year: no rate at all ("—"), never 0.00.
    construction = [r for r in rows if r.key == "construction"]
    assert [r.recognised.value for r in construction] == [None, None]
    # ... and its number of workers is unknown, not 0 (the command line prints "-", the page "—").
    beta = {(ln.year, ln.figure): ln.value for ln in injury_lines(construction)}
    assert (beta[(2024, "workers")], beta[(2025, "workers")]) == (None, None)
    lines = {(ln.year, ln.figure): ln for ln in injury_lines(rows) if ln.key == "manufacturing"}
    assert lines[(2025, "employers_without_headcount")].value == 1
    assert lines[(2025, "employers_without_headcount")].note == "Gamma Metal"
    assert (lines[(2025, "recognised_per_100")].numerator, lines[(2025, "recognised_per_100")].denominator) == (1, 40)


def test_the_period_bounds_are_inclusive_and_cut_the_year():
    # Period 2025-03-01 .. 2025-03-31: claims on 2025-02-28 (outside), 03-01 and 03-31 (both inside),
    # 04-01 (outside). 2 × 100 / 50 = 4.00.
    heads = [HeadcountFact("a", 2025, 50, "register")]
    claims = [ClaimFact("a", date(2025, d[0], d[1]), "recognised") for d in ((2, 28), (3, 1), (3, 31), (4, 1))]
    [row] = injury_figures([A], heads, claims, [], date(2025, 3, 1), date(2025, 3, 31), "employer")
    assert row.recognised.numerator == 2 and row.recognised.value == Decimal("4.00")
    with pytest.raises(ValueError):
        injury_figures([A], heads, claims, [], date(2025, 4, 1), date(2025, 3, 1), "employer")


def test_a_group_of_the_whole_office_sums_employers_and_costs():
    # All: Alpha 50 + Beta 150 = 200 workers in 2025; recognised 1 + 1 = 2 → 1.00. Costs 1000.50 + 200 = 1200.50.
    heads = [HeadcountFact("a", 2025, 50, "register"), HeadcountFact("b", 2025, 150, "register")]
    claims = [ClaimFact("a", date(2025, 1, 1), "recognised", Decimal("1000.50")),
              ClaimFact("b", date(2025, 12, 31), "recognised", Decimal("200"))]
    [row] = injury_figures([A, B], heads, claims, [], *YEAR, "all")
    assert (row.workers, row.recognised.value, row.benefit_cost) == (200, Decimal("1.00"), Decimal("1200.50"))


def test_corrective_actions_closure_on_time_and_median_days():
    # Period: 2025. Inspector Li found at Alpha on 2025-01-10:
    #   1: due 02-10, closed 02-10 (on time: the due day itself counts) → 31 days to close
    #   2: due 02-10, closed 02-11 (one day late) → 32 days
    #   3: due 03-01, still open
    # Inspector Wang found at Beta on 2024-12-01 (raised before the period):
    #   4: due 2025-01-15, closed 2025-01-05 (on time) → 35 days; counts for on-time and days, not closure.
    # By inspector: Li: closure 2 of 3 = 66.7 %; on time 1 of 3 due = 33.3 %; median of [31, 32] = 63 / 2 = 31.5.
    #               Wang: closure 0 of 0 raised → no value; on time 1 of 1 = 100.0 %; median [35] = 35.
    # Whole office: closure 2 of 3 = 66.7 %; on time 2 of 4 = 50.0 %; median of [31, 32, 35] = 32.
    actions = [ActionFact("a", "Li", date(2025, 1, 10), date(2025, 2, 10), date(2025, 2, 10)),
               ActionFact("a", "Li", date(2025, 1, 10), date(2025, 2, 10), date(2025, 2, 11)),
               ActionFact("a", "Li", date(2025, 1, 10), date(2025, 3, 1), None),
               ActionFact("b", "Wang", date(2024, 12, 1), date(2025, 1, 15), date(2025, 1, 5))]
    li, wang = action_figures([A, B], actions, *YEAR, "inspector")
    assert (li.label, li.closure.value, li.on_time.value, li.days_to_close.value) == \
        ("Li", Decimal("66.7"), Decimal("33.3"), Decimal("31.5"))
    assert (li.on_time.numerator, li.on_time.denominator) == (1, 3)
    assert (wang.closure.value, wang.on_time.value, wang.days_to_close.value) == (None, Decimal("100.0"), Decimal("35.0"))
    [office] = action_figures([A, B], actions, *YEAR, "all")
    assert (office.closure.value, office.on_time.value, office.days_to_close.value) == \
        (Decimal("66.7"), Decimal("50.0"), Decimal("32.0"))
    by_industry = {r.key: r for r in action_figures([A, B], actions, *YEAR, "industry")}
    assert by_industry["construction"].on_time.value == Decimal("100.0")
    # Closed after the period's end does not count as closed in it: period to 2025-02-10 → action 2 is open then.
    [li_feb] = [r for r in action_figures([A, B], actions, date(2025, 1, 1), date(2025, 2, 10), "employer")
                if r.key == "a"]
    assert (li_feb.closure.numerator, li_feb.closure.denominator) == (1, 3)
    names = {ln.figure for ln in action_lines([li])}
    assert names == {"closure_rate", "on_time_closure_rate", "median_days_to_close", "actions_closed"}


def test_every_kind_of_prevention_spending_counts_against_the_cap():
    # Cap 2026 = 3 % of 2025's fund income 6,500,000.00 = 195,000.00; with approval 5 % = 325,000.00.
    # An office with 40 % of the region: 195,000.00 × 0.40 = 78,000.00.
    assert prevention_cap(Decimal("6500000.00"), Decimal("0.03")) == Decimal("195000.00")
    assert prevention_cap(Decimal("6500000.00"), Decimal("0.05")) == Decimal("325000.00")
    assert prevention_cap(Decimal("6500000.00"), Decimal("0.03"), Decimal("0.40")) == Decimal("78000.00")
    assert prevention_cap(None, Decimal("0.03")) is None
    # Spending 2026: training 100,000 + project 80,000 + publicity 15,000.01 = 195,000.01: one fen over the cap,
    # 195,000.01 × 100 / 195,000.00 = 100.000005 → 100.0 %. A 2025 spend does not count for 2026.
    spends = [SpendFact("training", date(2026, 1, 1), Decimal("100000")),
              SpendFact("project", date(2026, 6, 30), Decimal("80000")),
              SpendFact("publicity", date(2026, 12, 31), Decimal("15000.01")),
              SpendFact("publicity", date(2025, 12, 31), Decimal("99999"))]
    fig = spending_figures(spends, 2026, Decimal("195000.00"))
    assert dict(fig.by_kind) == {"training": Decimal("100000.00"), "project": Decimal("80000.00"),
                                 "publicity": Decimal("15000.01")}
    assert (fig.total, fig.over_cap, fig.remaining, fig.used.value) == \
        (Decimal("195000.01"), True, Decimal("-0.01"), Decimal("100.0"))
    # Exactly at the cap is not over it.
    at_cap = spending_figures(spends[:2] + [SpendFact("publicity", date(2026, 5, 1), Decimal("15000"))], 2026,
                              Decimal("195000.00"))
    assert (at_cap.over_cap, at_cap.remaining) == (False, Decimal("0.00"))
    # No income on file: no cap and no share, never "0 % used".
    unknown = spending_figures(spends, 2026, None)
    assert (unknown.cap, unknown.used.value, unknown.over_cap) == (None, None, False)
