"""Rehabilitation → Return-to-work statistics: table, chart and CSV on a small data set worked out by hand.

Today is 2026-11-28; windows run from the accident date (see tests/integration/test_rehab_stats.py).
C1 2025-06-10 fracture, employer A, same job 2025-08-20: back within 3, 6 and 12 months (all windows passed)
C3 2025-03-01 fracture, employer B, not returned: all windows passed, never back
C4 2026-01-15 burn, employer B, new employer 2026-06-01: 3-month window (to 04-15) passed, not back;
   6-month window (to 07-15) passed, back; 12-month window (to 2027-01-15) not passed yet
All 3:     3m 1 of 3 = 33.3 %, 6m 2 of 3 = 66.7 %, 12m (C1 C3) 1 of 2 = 50.0 %
Fracture:  3m 1 of 2 = 50.0 %, 6m 1 of 2 = 50.0 %, 12m 1 of 2 = 50.0 %
Burn:      3m 0 of 1 = 0.0 %, 6m 1 of 1 = 100.0 %, 12m none yet
Employer A (C1): 1 of 1 = 100.0 % each; employer B (C3 C4): 3m 0 of 2 = 0.0 %, 6m 1 of 2 = 50.0 %, 12m 0 of 1 = 0.0 %
Days to return: C1 71 (06-10 → 08-20), C4 137 (01-15 → 06-01). All: back 2, median (71 + 137) / 2 = 104.0,
mean 208 / 2 = 104.0, same employer 1 of 2 = 50.0 %, new 1 of 2 = 50.0 %.
"""

from __future__ import annotations

import csv
from datetime import date

from injury_desk.ui.rehab.cases_page import RehabCasesPage
from tests.integration.test_rehab_stats import EMPLOYER_A, EMPLOYER_B, injured, rehab
from injury_desk.ui.operations import Changes


def cells(page, row: int) -> list[str]:
    model = page.table.model()
    return [model.data(model.index(row, c)) for c in range(model.columnCount())]


def test_statistics_tab(qtbot, env, services, cw, tmp_path):
    c1 = injured(services, cw, 1, "2025-06-10", "右手中指骨折", EMPLOYER_A)
    rehab(services, cw, c1, "2025-06-10", "same_job", "2025-08-20")
    c3 = injured(services, cw, 3, "2025-03-01", "腰椎压缩性骨折", EMPLOYER_B)
    rehab(services, cw, c3, "2025-03-01", "not_returned")
    c4 = injured(services, cw, 4, "2026-01-15", "双手Ⅱ度烧伤", EMPLOYER_B)
    rehab(services, cw, c4, "2026-01-15", "new_employer", "2026-06-01")

    page = RehabCasesPage(env)
    qtbot.addWidget(page)
    assert page.stats_page is None  # built only when its tab is first shown
    page.tabs.setCurrentIndex(1)
    stats = page.stats_page
    qtbot.waitUntil(lambda: stats.stats is not None)
    assert ("All 3 workers with rehabilitation: within 3 months 33.3 % (1 of 3) · 6 months 66.7 % (2 of 3) · "
            "12 months 50.0 % (1 of 2)") in stats.overall.text()
    assert "Back at work: 2; days from injury to return: median 104.0, mean 104.0 (208/2); same employer " \
           "50.0 % (1 of 2), new employer 50.0 % (1 of 2)." in stats.overall.text()
    assert cells(stats, 0) == ["Fracture", "2", "50.0 % (1 of 2)", "50.0 % (1 of 2)", "50.0 % (1 of 2)", "1", "71.0",
                               "71.0 (71/1)", "100.0 % (1 of 1)", "0.0 % (0 of 1)"]
    assert cells(stats, 1) == ["Burn", "1", "0.0 % (0 of 1)", "100.0 % (1 of 1)", "— (none yet)", "1", "137.0",
                               "137.0 (137/1)", "0.0 % (0 of 1)", "100.0 % (1 of 1)"]
    # The chart's axes say what they count.
    chart = stats.chart_view.chart()
    assert {a.titleText() for a in chart.axes()} == {"Back at work (%)", "Injury type"}
    # The chart: one bar set per period, the largest group drawn on top (a horizontal chart starts at the bottom).
    [series] = stats.chart_view.chart().series()
    bars = {s.label(): [s.at(i) for i in range(s.count())] for s in series.barSets()}
    assert bars == {"within 3 months": [0.0, 50.0], "within 6 months": [100.0, 50.0],
                    "within 12 months": [0.0, 50.0]}

    stats.dimension_combo.setCurrentIndex(stats.dimension_combo.findData("employer"))
    rows = {cells(stats, r)[0]: cells(stats, r)[1:5] for r in range(stats.model.rowCount())}
    assert rows == {
        EMPLOYER_A["name"]: ["1", "100.0 % (1 of 1)", "100.0 % (1 of 1)", "100.0 % (1 of 1)"],
        EMPLOYER_B["name"]: ["2", "0.0 % (0 of 2)", "50.0 % (1 of 2)", "0.0 % (0 of 1)"],
    }

    out = tmp_path / "rtw.csv"
    stats.export_to(str(out))
    qtbot.waitUntil(lambda: "Saved" in stats.status.text())
    assert str(out) in stats.status.text()
    lines = list(csv.reader(out.read_text(encoding="utf-8-sig").splitlines()))
    assert lines[0][:4] == ["Grouped by", "Group", "Workers", "Eligible (3 months)"]
    assert lines[1] == ["All", "", "3", "3", "1", "33.3", "3", "2", "66.7", "2", "1", "50.0",
                        "2", "104.0", "104.0", "50.0", "50.0"]
    assert lines[2] == ["Injury type", "Fracture", "2", "2", "1", "50.0", "2", "1", "50.0", "2", "1", "50.0",
                        "1", "71.0", "71.0", "100.0", "0.0"]
    assert len(lines) == 1 + 1 + 2 + 2

    # A new return to work shows after the change is announced.
    c5 = injured(services, cw, 5, "2025-01-10", "左肩关节脱位", EMPLOYER_A)
    rehab(services, cw, c5, "2025-01-10", "same_job", "2025-03-01")
    env.bus.changed.emit(Changes(rehab=True))
    qtbot.waitUntil(lambda: stats.stats is not None and stats.stats.overall.workers == 4)
    # A period that leaves out the 2026 injury: C1, C3 and C5 remain.
    stats.set_period(date(2025, 1, 1), date(2025, 12, 31))
    qtbot.waitUntil(lambda: stats.stats is not None and stats.stats.overall.workers == 3)
    assert "Injuries from 2025-01-01 to 2025-12-31, as of 2026-11-28." == stats.status.text()
