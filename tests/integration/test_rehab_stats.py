"""Return-to-work statistics on a small data set whose figures are worked out by hand below.

Today is 2026-11-28. The clock starts on the accident date; "within N months" means a back-at-work date on
or before accident + N calendar months; only claims whose N-month window has passed count for N months.

claim  accident    diagnosis (type)          employer  cases -> back at work
C1     2025-06-10  右手中指骨折 (fracture)      A         same_job 2025-08-20
C2     2025-05-31  左胫骨骨折 (fracture)        A         modified_job 2025-11-30
C3     2025-03-01  腰椎压缩性骨折 (fracture)    B         not_returned
C4     2026-01-15  双手Ⅱ度烧伤 (burn)           B         new_employer 2026-06-01
C5     2026-07-01  左肩关节脱位 (dislocation)   A         nothing recorded yet
C6     2026-10-20  轻型颅脑损伤 (head injury)   B         same_job 2026-11-27
C7     2025-09-30  右足跟骨骨折 (fracture)      A         medical case not_returned; vocational case
                                                          other_job_same_employer 2026-03-31
C8     2025-04-01  recognised, but no rehabilitation case: not counted

Windows (accident + 3 / 6 / 12 months), "x" = window not yet passed on 2026-11-28:
C1  2025-09-10  2025-12-10  2026-06-10   back 08-20: within 3, 6, 12
C2  2025-08-31  2025-11-30  2026-05-31   (31 May + 6 months: 30 November, November has no 31st)
                                         back 2025-11-30: not within 3; within 6 (the last day counts); 12
C3  2025-06-01  2025-09-01  2026-03-01   never back
C4  2026-04-15  2026-07-15  x            back 06-01: not within 3; within 6
C5  2026-10-01  x           x            not back within 3
C6  x           x           x            counted as a worker only
C7  2025-12-30  2026-03-30  2026-09-30   back 2026-03-31 (the earlier case has no return): not within 3,
                                         not within 6 (one day late), within 12

All 7 workers:       3 months: eligible C1 C2 C3 C4 C5 C7 = 6, back C1 = 1        -> 1/6 = 16.7 %
                     6 months: eligible C1 C2 C3 C4 C7 = 5, back C1 C2 C4 = 3     -> 3/5 = 60.0 %
                     12 months: eligible C1 C2 C3 C7 = 4, back C1 C2 C7 = 3       -> 3/4 = 75.0 %
fracture (C1 C2 C3 C7, 4 workers): 3m 1/4 = 25.0 %, 6m 2/4 = 50.0 %, 12m 3/4 = 75.0 %
burn (C4): 3m 0/1 = 0.0 %, 6m 1/1 = 100.0 %, 12m none eligible
dislocation (C5): 3m 0/1 = 0.0 %, 6m and 12m none eligible
head_injury (C6): none eligible
employer A (C1 C2 C5 C7, 4 workers): 3m 1/4 = 25.0 %, 6m (C1 C2 C7) 2/3 = 66.7 %, 12m (C1 C2 C7) 3/3 = 100.0 %
employer B (C3 C4 C6, 3 workers):    3m (C3 C4) 0/2 = 0.0 %, 6m (C3 C4) 1/2 = 50.0 %, 12m (C3) 0/1 = 0.0 %

Days from injury to return (back at work by 2026-11-28): C1 71 (06-10 → 08-20), C2 183, C4 137, C6 38, C7 182.
All: sorted 38, 71, 137, 182, 183 → median 137; mean 611 / 5 = 122.2; same employer C1 C2 C6 C7 = 4/5 = 80.0 %,
     new employer C4 = 1/5 = 20.0 %.
fracture: 71, 182, 183 → median 182; mean 436 / 3 = 145.33… → 145.3; same employer 3/3 = 100.0 %, new 0.0 %.
Injured from 2025-06-01 to 2025-12-31: C1 and C7 (C2 was injured on 05-31) → 2 workers; median (71 + 182) / 2 = 126.5.
"""

from __future__ import annotations

import csv
from datetime import date, timedelta
from decimal import Decimal

import pytest

from injury_desk.domain.errors import DomainError
from injury_desk.domain.identifiers import make_credit_code, make_resident_id
from injury_desk.domain.rehab_figures import add_months, injury_type
from tests.conftest import claim_draft, employer_data, worker_data

EMPLOYER_A = employer_data()
EMPLOYER_B = employer_data(credit_code=make_credit_code("91350100MA0000002"), name="福州远航物流有限公司")


def injured(services, cw, n: int, accident: str, diagnosis: str, employer: dict) -> str:
    day = date.fromisoformat(accident)
    worker = worker_data(id_number=make_resident_id("110105", date(1980, 1, n), 2 * n + 1, "M"), name=f"工人{n}")
    claim_id = services.claims.create(cw, claim_draft(
        worker=worker, employer=employer, accident_date=accident, diagnosis=diagnosis,
        application_received_on=(day + timedelta(days=3)).isoformat()))
    services.claims.accept(cw, claim_id, {"accepted_on": (day + timedelta(days=4)).isoformat()})
    services.claims.decide(cw, claim_id, {"outcome": "recognised", "decided_on": (day + timedelta(days=8)).isoformat(),
                                          "basis_code": "art14_1"})
    return claim_id


def rehab(services, cw, claim_id: str, accident: str, outcome: str | None = None, back_on: str | None = None,
          referral: str = "medical") -> str:
    opened = (date.fromisoformat(accident) + timedelta(days=10)).isoformat()
    case_id = services.rehab.open_case(cw, claim_id, {"referral_type": referral, "provider": "康复中心",
                                                      "budget": "1000", "opened_on": opened})
    if outcome:
        services.rehab.record_return_to_work(cw, case_id, {"outcome": outcome, "rtw_date": back_on})
    return case_id


@pytest.fixture
def data_set(services, cw):
    a, b = EMPLOYER_A, EMPLOYER_B
    c1 = injured(services, cw, 1, "2025-06-10", "右手中指骨折", a)
    rehab(services, cw, c1, "2025-06-10", "same_job", "2025-08-20")
    c2 = injured(services, cw, 2, "2025-05-31", "左胫骨骨折", a)
    rehab(services, cw, c2, "2025-05-31", "modified_job", "2025-11-30")
    c3 = injured(services, cw, 3, "2025-03-01", "腰椎压缩性骨折", b)
    rehab(services, cw, c3, "2025-03-01", "not_returned")
    c4 = injured(services, cw, 4, "2026-01-15", "双手Ⅱ度烧伤", b)
    rehab(services, cw, c4, "2026-01-15", "new_employer", "2026-06-01")
    c5 = injured(services, cw, 5, "2026-07-01", "左肩关节脱位", a)
    rehab(services, cw, c5, "2026-07-01")
    c6 = injured(services, cw, 6, "2026-10-20", "轻型颅脑损伤", b)
    rehab(services, cw, c6, "2026-10-20", "same_job", "2026-11-27")
    c7 = injured(services, cw, 7, "2025-09-30", "右足跟骨骨折", a)
    first = rehab(services, cw, c7, "2025-09-30", "not_returned")
    services.rehab.close_case(cw, first, "2025-12-01")
    rehab(services, cw, c7, "2025-09-30", "other_job_same_employer", "2026-03-31", referral="vocational")
    injured(services, cw, 8, "2025-04-01", "右手骨折", a)  # C8: no rehabilitation
    return services


def figures(group) -> list[tuple[int, int, Decimal | None]]:
    return [(f.eligible, f.back, f.percent()) for f in group.figures]


def test_helpers():
    assert add_months(date(2025, 5, 31), 6) == date(2025, 11, 30)
    assert add_months(date(2024, 8, 31), 6) == date(2025, 2, 28)
    assert add_months(date(2023, 8, 31), 6) == date(2024, 2, 29)  # leap year
    assert add_months(date(2025, 11, 15), 3) == date(2026, 2, 15)  # over the year end
    assert injury_type("轻型脑挫裂伤") == "head_injury"  # head injury wins over the wound
    assert injury_type("Fracture of the left radius") == "fracture"
    assert injury_type("腰部疼痛") == "other"


def test_return_to_work_shares(data_set, cw):
    stats = data_set.rehab_stats.return_to_work(cw)
    assert stats.as_of == date(2026, 11, 28) and stats.horizons == (3, 6, 12)
    assert stats.overall.workers == 7
    assert figures(stats.overall) == [(6, 1, Decimal("16.7")), (5, 3, Decimal("60.0")), (4, 3, Decimal("75.0"))]
    types = {g.key: (g.workers, figures(g)) for g in stats.by_injury_type}
    assert types == {
        "fracture": (4, [(4, 1, Decimal("25.0")), (4, 2, Decimal("50.0")), (4, 3, Decimal("75.0"))]),
        "burn": (1, [(1, 0, Decimal("0.0")), (1, 1, Decimal("100.0")), (0, 0, None)]),
        "dislocation": (1, [(1, 0, Decimal("0.0")), (0, 0, None), (0, 0, None)]),
        "head_injury": (1, [(0, 0, None), (0, 0, None), (0, 0, None)]),
    }
    assert stats.by_injury_type[0].key == "fracture"  # the largest group first
    employers = {g.label: (g.workers, figures(g)) for g in stats.by_employer}
    assert employers == {
        EMPLOYER_A["name"]: (4, [(4, 1, Decimal("25.0")), (3, 2, Decimal("66.7")), (3, 3, Decimal("100.0"))]),
        EMPLOYER_B["name"]: (3, [(2, 0, Decimal("0.0")), (2, 1, Decimal("50.0")), (1, 0, Decimal("0.0"))]),
    }


def test_csv_export(data_set, cw, adm, tmp_path):
    stats = data_set.rehab_stats.return_to_work(adm)  # everyone may see the figures
    out = tmp_path / "rtw.csv"
    header = ["dimension", "group", "workers"] + [f"{k}_{n}" for n in (3, 6, 12) for k in ("eligible", "back", "%")] \
        + ["back", "median_days", "mean_days", "same_employer_%", "new_employer_%"]
    rows = data_set.rehab_stats.export_csv(cw, out, stats, header=header,
                                           dimension_labels={"all": "全部", "injury_type": "伤害类型",
                                                             "employer": "用人单位"},
                                           type_labels={"fracture": "骨折"})
    assert rows == 1 + 4 + 2
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # the BOM, so Excel reads the Chinese correctly
    lines = list(csv.reader(out.read_text(encoding="utf-8-sig").splitlines()))
    assert lines[0] == header
    assert lines[1] == ["全部", "", "7", "6", "1", "16.7", "5", "3", "60.0", "4", "3", "75.0",
                        "5", "137.0", "122.2", "80.0", "20.0"]
    assert lines[2] == ["伤害类型", "骨折", "4", "4", "1", "25.0", "4", "2", "50.0", "4", "3", "75.0",
                        "3", "182.0", "145.3", "100.0", "0.0"]
    assert ["伤害类型", "head_injury", "1", "0", "0", "", "0", "0", "", "0", "0", "",
            "1", "38.0", "38.0", "100.0", "0.0"] in lines  # no label given


def test_days_to_return_and_the_period(data_set, cw):
    o = data_set.rehab_stats.return_to_work(cw).overall
    assert (o.returned, o.median_days.value, o.mean_days.value) == (5, Decimal("137.0"), Decimal("122.2"))
    assert (o.same_employer.value, o.new_employer.value) == (Decimal("80.0"), Decimal("20.0"))
    part = data_set.rehab_stats.return_to_work(cw, date(2025, 6, 1), date(2025, 12, 31)).overall
    assert (part.workers, part.median_days.numerator, part.median_days.denominator) == (2, 253, 2)
    assert part.median_days.value == Decimal("126.5")


def test_other_office_sees_nothing_of_it(data_set, ctx):
    from injury_desk.services.bootstrap import create_office

    other = create_office(ctx, code="XM02", name="厦门中心", region="example", users=[
        {"username": "xm", "display_name": "XM", "role": "caseworker", "password": "xm-pass-123"}])["xm"]
    stats = data_set.rehab_stats.return_to_work(other)
    assert stats.overall.workers == 0 and figures(stats.overall) == [(0, 0, None)] * 3
    assert stats.by_employer == ()


def test_export_needs_permission(data_set, cw, tmp_path, monkeypatch):
    from injury_desk.services import permissions

    stats = data_set.rehab_stats.return_to_work(cw)
    monkeypatch.setitem(permissions.PERMISSIONS, "data.export", frozenset({"administrator"}))
    with pytest.raises(DomainError) as info:
        data_set.rehab_stats.export_csv(cw, tmp_path / "x.csv", stats, header=[], dimension_labels={},
                                        type_labels={})
    assert info.value.key == "permission.denied"
    assert not (tmp_path / "x.csv").exists()
