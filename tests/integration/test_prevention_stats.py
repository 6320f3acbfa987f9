"""Prevention statistics on a small data set whose figures are worked out by hand in the comments."""

from __future__ import annotations

import csv
from datetime import date, timedelta
from decimal import Decimal

import pytest

from injury_desk.domain.errors import DomainError
from injury_desk.domain.identifiers import make_credit_code, make_resident_id
from injury_desk.services.prevention_stats import rate
from injury_desk.store.models import Assessment, Payment
from tests.conftest import claim_draft, employer_data, worker_data

# Today is 2026-11-28, so the last complete years are 2023, 2024, 2025.
#
# Employer A: 制造业, risk class 3, 200 workers. Claims 2023: 0, 2024: 1, 2025: 4, 2026: 1.
# Employer B: 制造业, risk class 5,  50 workers. Claims 2023: 1, 2024: 1, 2025: 2.
# Employer C: 建筑业, risk class 5, headcount not recorded (0). Claims 2025: 1.
# Incidents: A 2024 accident, 3 days lost; A 2025 accident, 10 days; A 2025 near miss, 0 days;
#            B 2025 accident, 7 days.
# Payments: on one of A's 2025 claims 1000.50 paid + 200.25 scheduled + 99.99 cancelled;
#           on B's 2024 claim 300.00 paid.
CLAIM_DATES = {
    "A": ["2024-05-10", "2025-02-01", "2025-04-01", "2025-06-01", "2025-08-01", "2026-03-01"],
    "B": ["2023-09-09", "2024-09-09", "2025-03-03", "2025-10-10"],
    "C": ["2025-07-07"],
}


def _claim(services, cw, employer_id: str, accident: str, worker: dict) -> str:
    received = (date.fromisoformat(accident) + timedelta(days=3)).isoformat()
    return services.claims.create(cw, claim_draft(worker=worker, employer=None, employer_id=employer_id,
                                                  accident_date=accident, application_received_on=received))


def _pay(ctx, cw, claim_id: str, amounts: list[tuple[str, str]]) -> None:
    with ctx.write(cw, "test.payments") as s:
        a = Assessment(office_id=cw.office_id, claim_id=claim_id, status="approved")
        s.add(a)
        s.flush()
        for amount, status in amounts:
            s.add(Payment(office_id=cw.office_id, claim_id=claim_id, assessment_id=a.id, item_code="test",
                          due_on=date(2026, 1, 1), amount_fen=int(Decimal(amount) * 100), status=status))


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
    workers = {"A": worker_data(),
               "B": worker_data(id_number=make_resident_id("110105", date(1980, 1, 1), 11, "M"), name="李四"),
               "C": worker_data(id_number=make_resident_id("110105", date(1981, 2, 2), 13, "M"), name="王五")}
    claims = {k: [_claim(services, cw, ids[k], d, workers[k]) for d in dates] for k, dates in CLAIM_DATES.items()}
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


def test_rate_rounds_half_up_and_has_no_value_without_workers():
    assert rate(1, 3) == Decimal("33.33")   # 100/3 = 33.333…
    assert rate(2, 3) == Decimal("66.67")   # 200/3 = 66.666… rounds up
    assert rate(1, 8) == Decimal("12.50")
    assert rate(0, 50) == Decimal("0.00")
    assert rate(3, 0) is None               # never a fake zero


def test_per_employer(services, cw, data_set):
    rows = services.prevention_stats.report(cw, "employer", 2023, 2026)
    assert len(rows) == 3 * 4  # every employer in every year, also the empty ones
    a25 = by(rows, data_set["A"], 2025)
    assert (a25.workers, a25.claims, a25.incidents, a25.accidents, a25.days_lost) == (200, 4, 2, 1, 10)
    assert a25.claim_rate == Decimal("2.00")       # 4 × 100 / 200
    assert a25.incident_rate == Decimal("1.00")    # 2 × 100 / 200
    assert a25.benefit_cost == Decimal("1200.75")  # 1000.50 + 200.25; the cancelled 99.99 is not a cost
    b25 = by(rows, data_set["B"], 2025)
    assert b25.claim_rate == Decimal("4.00")       # 2 × 100 / 50
    assert b25.incident_rate == Decimal("2.00")    # 1 × 100 / 50
    assert b25.days_lost == 7 and b25.benefit_cost == Decimal("0.00")
    b24 = by(rows, data_set["B"], 2024)
    assert b24.benefit_cost == Decimal("300.00") and b24.claim_rate == Decimal("2.00")  # 1 × 100 / 50
    c25 = by(rows, data_set["C"], 2025)
    assert c25.claims == 1 and c25.claim_rate is None
    a23 = by(rows, data_set["A"], 2023)
    assert a23.claims == 0 and a23.claim_rate == Decimal("0.00")
    # The trend of A, year by year: 0, 1, 4, 1 claims → 0.00, 0.50, 2.00, 0.50 per 100.
    assert [r.claim_rate for r in rows if r.key == data_set["A"]] == [
        Decimal("0.00"), Decimal("0.50"), Decimal("2.00"), Decimal("0.50")]


def test_one_employers_trend_matches_the_report(services, cw, data_set):
    trend = services.prevention_stats.employer_trend(cw, data_set["B"], 2023, 2025)
    # B: 1, 1, 2 claims over 50 workers → 2.00, 2.00, 4.00; costs 0, 300.00, 0.
    assert [(r.year, r.claims, r.claim_rate, r.benefit_cost) for r in trend] == [
        (2023, 1, Decimal("2.00"), Decimal("0.00")), (2024, 1, Decimal("2.00"), Decimal("300.00")),
        (2025, 2, Decimal("4.00"), Decimal("0.00"))]


def test_per_industry_risk_class_and_office(services, cw, data_set):
    industry = services.prevention_stats.report(cw, "industry", 2024, 2025)
    m25 = by(industry, "制造业", 2025)
    # A + B: 250 workers; 4 + 2 = 6 claims → 6 × 100 / 250 = 2.40; incidents 2 + 1 = 3 → 1.20.
    assert (m25.workers, m25.claims, m25.claim_rate, m25.incidents, m25.incident_rate) == (
        250, 6, Decimal("2.40"), 3, Decimal("1.20"))
    assert m25.days_lost == 17 and m25.benefit_cost == Decimal("1200.75")  # 10 + 7 days
    c25 = by(industry, "建筑业", 2025)
    assert c25.workers == 0 and c25.claims == 1 and c25.claim_rate is None
    risk = services.prevention_stats.report(cw, "risk_class", 2025, 2025)
    # Class 5 is B and C: C's claim counts but C adds no workers (headcount unrecorded): 3 × 100 / 50 = 6.00.
    assert by(risk, "5", 2025).claim_rate == Decimal("6.00")
    assert by(risk, "3", 2025).claim_rate == Decimal("2.00")
    office = services.prevention_stats.report(cw, "all", 2024, 2025)
    # 2024: A 1 + B 1 = 2 claims / 250 → 0.80; 2025: 4 + 2 + 1 = 7 / 250 → 2.80.
    assert [(r.year, r.claims, r.claim_rate, r.days_lost) for r in office] == [
        (2024, 2, Decimal("0.80"), 3), (2025, 7, Decimal("2.80"), 17)]


def test_rising_injury_rates(services, cw, data_set):
    rising = services.prevention_stats.rising_employers(cw)
    # A: 0.00 < 0.50 < 2.00 with 4 claims in 2025 → listed.
    # B: 2.00, 2.00, 4.00 → not a rise in each year. C: no workers → no rate.
    assert [(r.name, r.years, r.rates) for r in rising] == [
        ("甲机械", (2023, 2024, 2025), (Decimal("0.00"), Decimal("0.50"), Decimal("2.00")))]
    # With a minimum of 5 claims in the last year, A's 4 claims are too few to call it a trend.
    assert services.prevention_stats.rising_employers(cw, min_claims=5) == []


def test_export_csv(services, cw, data_set, tmp_path):
    path = tmp_path / "stats.csv"
    assert services.prevention_stats.export_csv(cw, path, "industry", 2025, 2025) == 2
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # BOM: spreadsheet programs then read the Chinese names
    rows = list(csv.DictReader(path.open(encoding="utf-8-sig")))
    m = next(r for r in rows if r["key"] == "制造业")
    assert (m["claims"], m["claims_per_100"], m["benefit_cost"], m["days_lost"]) == ("6", "2.40", "1200.75", "17")
    c = next(r for r in rows if r["key"] == "建筑业")
    assert c["claims_per_100"] == ""  # no rate, not 0


def test_reversed_years_and_unknown_grouping_are_refused(services, cw):
    with pytest.raises(DomainError) as info:
        services.prevention_stats.report(cw, "employer", 2026, 2024)
    assert info.value.key == "stats.years_reversed"
    with pytest.raises(DomainError) as info:
        services.prevention_stats.report(cw, "postcode")
    assert info.value.key == "stats.unknown_grouping"
