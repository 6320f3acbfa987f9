"""Prevention statistics read from a real database, on a small data set whose figures are worked out by hand
in the comments (the definitions are unit-tested in tests/unit/test_prevention_figures.py)."""

from __future__ import annotations

import csv
from datetime import date, timedelta
from decimal import Decimal

import pytest

from injury_desk.domain.errors import ValidationFailed
from injury_desk.domain.identifiers import make_credit_code, make_resident_id
from injury_desk.store.models import Assessment, CorrectiveAction, Determination, Hazard, Inspection, Payment
from tests.conftest import claim_draft, employer_data, worker_data

# Today is 2026-11-28, so the last complete years are 2023, 2024, 2025.
#
# Employer A: 制造业, headcount 2023: 200, 2024: 200, 2025: 200, 2026: 100. Claims 2024: 1, 2025: 4, 2026: 1
#             (2023: none); in 2025 one of the four is not recognised and one still pending.
# Employer B: 制造业, headcount 50 each year 2023–2025 (none for 2026). Claims 2023: 1, 2024: 1, 2025: 2.
# Employer C: 建筑业, no headcount recorded. Claims 2025: 1.
# Every claim is recognised unless said otherwise.
# Incidents: A 2024 accident, 3 days lost; A 2025 accident, 10 days; A 2025 near miss, 0 days;
#            B 2025 accident, 7 days.
# Payments: on one of A's 2025 claims 1000.50 paid + 200.25 scheduled + 99.99 cancelled;
#           on B's 2024 claim 300.00 paid.
CLAIM_DATES = {
    "A": ["2024-05-10", "2025-02-01", "2025-04-01", "2025-06-01", "2025-08-01", "2026-03-01"],
    "B": ["2023-09-09", "2024-09-09", "2025-03-03", "2025-10-10"],
    "C": ["2025-07-07"],
}
HEADCOUNTS = {"A": {2023: 200, 2024: 200, 2025: 200, 2026: 100}, "B": {2023: 50, 2024: 50, 2025: 50}}


def _claim(services, cw, employer_id: str, accident: str, worker: dict) -> str:
    received = (date.fromisoformat(accident) + timedelta(days=3)).isoformat()
    return services.claims.create(cw, claim_draft(worker=worker, employer=None, employer_id=employer_id,
                                                  accident_date=accident, application_received_on=received))


def _decide(ctx, cw, claim_id: str, outcome: str, on: str) -> None:
    with ctx.write(cw, "test.determination") as s:
        s.add(Determination(office_id=cw.office_id, claim_id=claim_id, outcome=outcome,
                            decided_on=date.fromisoformat(on)))


def _pay(ctx, cw, claim_id: str, amounts: list[tuple[str, str]]) -> None:
    with ctx.write(cw, "test.payments") as s:
        a = Assessment(office_id=cw.office_id, claim_id=claim_id, status="approved")
        s.add(a)
        s.flush()
        for amount, status in amounts:
            s.add(Payment(office_id=cw.office_id, claim_id=claim_id, assessment_id=a.id, item_code="test",
                          due_on=date(2026, 1, 1), amount_fen=int(Decimal(amount) * 100), status=status))


def inspected(ctx, cw, employer_id: str, inspector: str, on: date, actions: list[tuple[date, date | None]]) -> None:
    """An inspection of ``employer_id`` on ``on`` that found one hazard, with one corrective action per
    (due date, closing date or None)."""
    with ctx.write(cw, "test.inspection") as s:
        insp = Inspection(office_id=cw.office_id, employer_id=employer_id, planned_on=on, inspected_on=on,
                          inspector=inspector, status="done")
        s.add(insp)
        s.flush()
        hz = Hazard(office_id=cw.office_id, inspection_id=insp.id, employer_id=employer_id, category="机械",
                    severity="high")
        s.add(hz)
        s.flush()
        for due, closed in actions:
            s.add(CorrectiveAction(office_id=cw.office_id, hazard_id=hz.id, description="整改", owner="厂长",
                                   due_date=due, status="open" if closed is None else "done", closed_on=closed))


@pytest.fixture
def data_set(services, ctx, cw):
    ids = {
        "A": services.employers.create(cw, employer_data(name="甲机械", credit_code=make_credit_code("91350100MA0000001"),
                                                         industry="制造业", risk_class=3, headcount=200)),
        "B": services.employers.create(cw, employer_data(name="乙五金", credit_code=make_credit_code("91350100MA0000002"),
                                                         industry="制造业", risk_class=5, headcount=50)),
        "C": services.employers.create(cw, employer_data(name="丙建筑", credit_code=make_credit_code("91350100MA0000003"),
                                                         industry="建筑业", risk_class=5, headcount=0)),
    }
    for key, years in HEADCOUNTS.items():
        for year, n in years.items():
            services.headcounts.record(cw, ids[key], {"year": year, "headcount": n, "source": "社保缴费人数"})
    workers = {"A": worker_data(),
               "B": worker_data(id_number=make_resident_id("110105", date(1980, 1, 1), 11, "M"), name="李四"),
               "C": worker_data(id_number=make_resident_id("110105", date(1981, 2, 2), 13, "M"), name="王五")}
    claims = {k: [_claim(services, cw, ids[k], d, workers[k]) for d in dates] for k, dates in CLAIM_DATES.items()}
    for key, claim_ids in claims.items():
        for n, claim_id in enumerate(claim_ids):
            if key == "A" and n == 4:
                continue  # A 2025-08-01: pending
            _decide(ctx, cw, claim_id, "not_recognised" if key == "A" and n == 3 else "recognised", "2026-01-05")
    # A review turned B's 2025-10-10 claim from not recognised into deemed: the later determination counts.
    _decide(ctx, cw, claims["B"][3], "not_recognised", "2025-12-01")
    _decide(ctx, cw, claims["B"][3], "deemed", "2026-02-01")
    for employer, day, kind, days in (("A", "2024-05-10", "accident", 3), ("A", "2025-02-01", "accident", 10),
                                      ("A", "2025-02-20", "near_miss", 0), ("B", "2025-03-03", "accident", 7)):
        services.incidents.add_incident(cw, {"employer_id": ids[employer], "kind": kind, "occurred_on": day,
                                              "days_lost": days})
    _pay(ctx, cw, claims["A"][1], [("1000.50", "paid"), ("200.25", "scheduled"), ("99.99", "cancelled")])
    _pay(ctx, cw, claims["B"][1], [("300.00", "paid")])
    return ids


def by(rows, key, year):
    [row] = [r for r in rows if r.key == key and r.year == year]
    return row


def test_per_employer(services, cw, data_set):
    report = services.prevention_stats.report(cw, date(2023, 1, 1), date(2026, 11, 28), "employer")
    rows = report.injuries
    assert len(rows) == 3 * 4  # every employer in every year, also the empty ones
    a25 = by(rows, data_set["A"], 2025)
    # A 2025: 4 claims, 2 recognised (02-01, 04-01), 1 not recognised (06-01), 1 pending (08-01), 200 workers.
    # Recognised 2 × 100 / 200 = 1.00; not recognised 1 × 100 / 200 = 0.50; pending 0.50.
    # Accidents 1 × 100 / 200 = 0.50, near misses 0.50, days lost 10 + 0.
    assert (a25.workers, a25.recognised.numerator, a25.recognised.value) == (200, 2, Decimal("1.00"))
    assert (a25.not_recognised.value, a25.pending.value) == (Decimal("0.50"), Decimal("0.50"))
    assert (a25.accidents.value, a25.near_misses.value, a25.days_lost) == (Decimal("0.50"), Decimal("0.50"), 10)
    assert a25.benefit_cost == Decimal("1200.75")  # 1000.50 + 200.25; the cancelled 99.99 is not a cost
    b25 = by(rows, data_set["B"], 2025)
    # B 2025: 03-03 recognised and 10-10 deemed on review (the later determination): 2 × 100 / 50 = 4.00.
    assert (b25.recognised.value, b25.not_recognised.value, b25.days_lost) == (Decimal("4.00"), Decimal("0.00"), 7)
    # B has no 2026 headcount: left out of 2026, listed, no rate; A's 2026 rate uses 2026's 100 workers.
    b26 = by(rows, data_set["B"], 2026)
    assert (b26.workers, b26.recognised.value, b26.missing_headcount) == (0, None, ("乙五金",))
    a26 = by(rows, data_set["A"], 2026)
    assert (a26.workers, a26.recognised.value) == (100, Decimal("1.00"))  # 1 × 100 / 100
    c25 = by(rows, data_set["C"], 2025)
    assert (c25.recognised.value, c25.left_out_claims) == (None, 1)
    # The trend of A, year by year: 0, 1, 2, 1 recognised → 0.00, 0.50, 1.00 (on 200), 1.00 (on 100).
    assert [r.recognised.value for r in rows if r.key == data_set["A"]] == [
        Decimal("0.00"), Decimal("0.50"), Decimal("1.00"), Decimal("1.00")]


def test_one_employers_trend_matches_the_report(services, cw, data_set):
    trend = services.prevention_stats.employer_trend(cw, data_set["B"])
    # B: 1, 1, 2 recognised over 50 workers → 2.00, 2.00, 4.00; costs 0, 300.00, 0; 2026 no headcount.
    assert [(r.year, r.recognised.numerator, r.recognised.value, r.benefit_cost) for r in trend] == [
        (2022, 0, None, Decimal("0.00")), (2023, 1, Decimal("2.00"), Decimal("0.00")),
        (2024, 1, Decimal("2.00"), Decimal("300.00")), (2025, 2, Decimal("4.00"), Decimal("0.00")),
        (2026, 0, None, Decimal("0.00"))]


def test_per_industry_and_office(services, cw, data_set):
    industry = services.prevention_stats.report(cw, date(2024, 1, 1), date(2025, 12, 31), "industry").injuries
    m25 = by(industry, "制造业", 2025)
    # A + B: 250 workers; recognised 2 + 2 = 4 → 4 × 100 / 250 = 1.60; accidents 1 + 1 = 2 → 0.80.
    assert (m25.workers, m25.recognised.numerator, m25.recognised.value) == (250, 4, Decimal("1.60"))
    assert (m25.accidents.value, m25.near_misses.value) == (Decimal("0.80"), Decimal("0.40"))
    assert m25.days_lost == 17 and m25.benefit_cost == Decimal("1200.75")  # 10 + 7 days
    c25 = by(industry, "建筑业", 2025)
    assert (c25.workers, c25.recognised.value, c25.missing_headcount) == (0, None, ("丙建筑",))
    report = services.prevention_stats.report(cw, date(2024, 1, 1), date(2025, 12, 31), "region")
    # 2024: A 1 + B 1 = 2 recognised / 250 → 0.80; 2025: 2 + 2 = 4 / 250 → 1.60 (C left out, listed).
    assert [(r.year, r.recognised.numerator, r.recognised.value) for r in report.office] == [
        (2024, 2, Decimal("0.80")), (2025, 4, Decimal("1.60"))]
    assert report.office[1].missing_headcount == ("丙建筑",)
    assert [(r.key, r.year) for r in report.injuries] == [("example", 2024), ("example", 2025)]


def test_rising_injury_rates(services, cw, data_set):
    rising = services.prevention_stats.rising_employers(cw)
    # A: 0.00 < 0.50 < 1.00 with 2 recognised in 2025 → listed.
    # B: 2.00, 2.00, 4.00 → not a rise in each year. C: no headcount → no rate.
    assert [(r.name, r.years, r.rates) for r in rising] == [
        ("甲机械", (2023, 2024, 2025), (Decimal("0.00"), Decimal("0.50"), Decimal("1.00")))]


def test_corrective_actions_and_spending_from_the_database(services, ctx, cw, data_set):
    # One inspection of A by 陈 on 2025-03-01, two actions: due 03-31 closed 03-20 (19 days, on time), due 04-30
    # still open. Closure 1 of 2 = 50.0 %, on time 1 of 2 = 50.0 %, median 19 days.
    inspected(ctx, cw, data_set["A"], "陈", date(2025, 3, 1),
              [(date(2025, 3, 31), date(2025, 3, 20)), (date(2025, 4, 30), None)])
    # 2026 spending: training 100,000 + a funded project 80,000 + publicity 15,000 = 195,000.00 against the
    # example cap 3 % × 6,500,000.00 (2025 income) = 195,000.00: 100.0 %, not over.
    services.training.add_training(cw, {"topic": "安全", "held_on": "2026-03-01", "cost": "100000"})
    services.prevention_spending.add(cw, {"kind": "project", "title": "冲压防护改造", "spent_on": "2026-05-01",
                                          "amount": "80000"})
    services.prevention_spending.add(cw, {"kind": "publicity", "title": "安全月宣传", "spent_on": "2026-06-01",
                                          "amount": "15000"})
    report = services.prevention_stats.report(cw, date(2025, 1, 1), date(2026, 11, 28), "industry")
    [m] = report.actions
    assert (m.key, m.closure.value, m.on_time.value, m.days_to_close.value) == (
        "制造业", Decimal("50.0"), Decimal("50.0"), Decimal("19.0"))
    assert [r.label for r in report.actions_by_inspector] == ["陈"]
    s26 = report.spending[1]
    assert (s26.year, s26.total, s26.cap, s26.used.value, s26.over_cap) == (
        2026, Decimal("195000.00"), Decimal("195000.00"), Decimal("100.0"), False)
    assert dict(s26.by_kind) == {"training": Decimal("100000.00"), "project": Decimal("80000.00"),
                                 "publicity": Decimal("15000.00")}


def test_export_csv_carries_numerators_and_denominators(services, cw, data_set, tmp_path):
    path = tmp_path / "stats.csv"
    n = services.prevention_stats.export_csv(cw, path, date(2025, 1, 1), date(2025, 12, 31), "industry")
    text = path.read_text(encoding="utf-8-sig")
    rows = list(csv.DictReader(text.splitlines()))
    assert len(rows) == n
    [line] = [r for r in rows if r["section"] == "injuries" and r["group_by"] == "industry" and r["key"] == "制造业"
              and r["figure"] == "recognised_per_100"]
    assert (line["value"], line["numerator"], line["denominator"], line["unit"]) == ("1.60", "4", "250",
                                                                                    "per 100 workers")
    [missing] = [r for r in rows if r["key"] == "建筑业" and r["figure"] == "employers_without_headcount"]
    assert (missing["value"], missing["note"]) == ("1", "丙建筑")


def test_reversed_period_and_unknown_grouping_are_refused(services, cw):
    with pytest.raises(ValidationFailed) as info:
        services.prevention_stats.report(cw, date(2026, 1, 1), date(2024, 1, 1), "employer")
    assert info.value.errors[0].field == "to" and info.value.errors[0].rule == "stats.period_reversed"
    with pytest.raises(ValidationFailed) as info:
        services.prevention_stats.report(cw, date(2024, 1, 1), date(2026, 1, 1), "postcode")
    assert info.value.errors[0].field == "by"


def test_a_period_of_more_than_fifty_calendar_years_is_refused(services, cw):
    # 1977-12-31 .. 2026-01-01 touches 1977..2026: 2026 - 1977 + 1 = 50 years, the most reported at once.
    report = services.prevention_stats.report(cw, date(1977, 12, 31), date(2026, 1, 1), "employer")
    assert [line.year for line in report.spending] == list(range(1977, 2027))
    # One day earlier touches 1976 too: 51 years.
    with pytest.raises(ValidationFailed) as info:
        services.prevention_stats.report(cw, date(1976, 12, 31), date(2026, 1, 1), "employer")
    [error] = info.value.errors
    assert (error.field, error.rule, error.params) == ("from", "stats.period_too_long", {"years": 51, "max": 50})


def test_headcount_history_is_kept_per_year_with_its_source(services, cw, data_set):
    history = services.headcounts.list(cw, data_set["A"])
    assert [(h.year, h.headcount, h.source) for h in history] == [
        (2026, 100, "社保缴费人数"), (2025, 200, "社保缴费人数"), (2024, 200, "社保缴费人数"), (2023, 200, "社保缴费人数")]
    # A second entry for a recorded year is refused unless it replaces the shown one (with its token).
    with pytest.raises(ValidationFailed) as info:
        services.headcounts.record(cw, data_set["A"], {"year": 2025, "headcount": 210, "source": "年报"})
    assert info.value.errors[0].rule == "headcount.year_recorded"
    services.headcounts.record(cw, data_set["A"], {"year": 2025, "headcount": 210, "source": "年报"},
                               token=history[1].token)
    assert [(h.year, h.headcount) for h in services.headcounts.list(cw, data_set["A"])][1] == (2025, 210)
    # Zero workers, a future year or no source are bad input, named by field; nothing changes.
    for bad, field in (({"year": 2022, "headcount": 0, "source": "x"}, "headcount"),
                       ({"year": 2027, "headcount": 5, "source": "x"}, "year"),
                       ({"year": 2022, "headcount": 5, "source": ""}, "source")):
        with pytest.raises(ValidationFailed) as info:
            services.headcounts.record(cw, data_set["A"], bad)
        assert [e.field for e in info.value.errors] == [field]
    services.headcounts.remove(cw, history[0].id, token=history[0].token)
    assert [h.year for h in services.headcounts.list(cw, data_set["A"])] == [2025, 2024, 2023]
