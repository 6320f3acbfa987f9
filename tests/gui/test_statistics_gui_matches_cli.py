"""The statistics pages and `injury-desk stats` show the same figures on the demo data: each cell of the pages is
compared with the line the command line prints for it (value, numerator and denominator)."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal

import pytest

from injury_desk.cli import main
from injury_desk.services.container import Services
from injury_desk.services.context import ServiceContext
from injury_desk.services.demo import reset_demo
from injury_desk.store.database import open_database
from injury_desk.ui.prevention.statistics_page import StatisticsPage
from injury_desk.ui.rehab.stats_page import RehabStatsPage
from tests.gui.conftest import make_env


@pytest.fixture
def demo(tmp_path):
    """The demo data set in a folder of its own, built for today (the command line counts as of today)."""
    data_dir = tmp_path / "demo"
    db, _backup = reset_demo(data_dir, claims=300)
    db.dispose()
    services = Services.build(ServiceContext(db=open_database(data_dir)))
    yield data_dir, services
    services.close()


def cli_figures(capsys, monkeypatch, data_dir, *args: str) -> dict:
    monkeypatch.setenv("INJURY_DESK_PASSWORD", "demo-caseworker")
    code = main(["stats", *args, "--data-dir", str(data_dir), "--user", "caseworker", "--format", "json"])
    out = capsys.readouterr().out
    assert code == 0
    return json.loads(out)


def index(doc: dict) -> dict:
    return {(f["section"], f["group_by"], f["key"], f["year"], f["figure"]): f for f in doc["figures"]}


def text_of(figure: dict) -> str:
    """A rate cell as the page writes it: value (numerator)."""
    return "—" if figure["value"] is None else f"{figure['value']} ({figure['numerator']})"


def shown(qtbot, page_class, services, tmp_path, start: date, end: date):
    """A statistics page over the demo, as the demo caseworker, showing ``start``..``end`` (once computed)."""
    page = page_class(make_env(services, services.auth.login("caseworker", "demo-caseworker"), tmp_path))
    qtbot.addWidget(page)
    page.set_period(start, end)
    qtbot.waitUntil(lambda: getattr(page.report if page_class is StatisticsPage else page.stats, "start", None)
                    == start and not page.loading, timeout=20000)
    return page


def test_prevention_page_and_command_line_agree(qtbot, demo, capsys, monkeypatch, tmp_path):
    data_dir, services = demo
    today = date.today()
    start = date(today.year - 2, 1, 1)
    page = shown(qtbot, StatisticsPage, services, tmp_path, start, today)
    figures = index(cli_figures(capsys, monkeypatch, data_dir, "prevention", "--from", start.isoformat(),
                                "--to", today.isoformat(), "--by", "employer"))
    assert page.model.rowCount() >= 12  # every demo employer
    for r in range(page.model.rowCount()):
        line = page.model.rows[r]
        cells = [page.model.data(page.model.index(r, c)) for c in range(page.model.columnCount())]

        def cli(figure: str) -> dict:
            return figures[("injuries", "employer", line.id, today.year, figure)]

        workers = cli("workers")["value"]
        assert cells[1] == ("—" if workers is None else str(workers))
        for column, figure in ((2, "recognised_per_100"), (4, "pending_per_100"), (5, "not_recognised_per_100"),
                               (6, "accidents_per_100"), (7, "near_misses_per_100")):
            assert cells[column] == text_of(cli(figure)), (line.label, figure)
            assert cli(figure)["denominator"] == line.row.workers
        assert cells[8] == str(cli("days_lost")["value"])
        assert Decimal(cells[9].replace(",", "")) == Decimal(cli("benefit_cost")["value"])
    # Corrective actions by employer and by inspector: the same shares with the same counts.
    for model, group_by in ((page.actions_model, "employer"), (page.inspector_model, "inspector")):
        assert model.rowCount() > 0
        for r in range(model.rowCount()):
            a = model.rows[r]
            closure = figures[("corrective_actions", group_by, a.key, None, "closure_rate")]
            on_time = figures[("corrective_actions", group_by, a.key, None, "on_time_closure_rate")]
            days = figures[("corrective_actions", group_by, a.key, None, "median_days_to_close")]
            assert (a.closure.value, a.closure.numerator, a.closure.denominator) == (
                None if closure["value"] is None else Decimal(closure["value"]), closure["numerator"],
                closure["denominator"])
            assert (str(a.on_time.numerator), str(a.on_time.denominator)) == (str(on_time["numerator"]),
                                                                              str(on_time["denominator"]))
            assert (None if days["value"] is None else Decimal(days["value"])) == a.days_to_close.value
    # Spending against the cap, year by year.
    for r in range(page.spending_model.rowCount()):
        s = page.spending_model.rows[r]
        [total] = [f for k, f in figures.items() if k[0] == "spending" and k[3] == s.year and k[4] == "total"]
        assert Decimal(total["value"]) == s.total
        cell = page.spending_model.data(page.spending_model.index(r, 6))
        [share] = [f for k, f in figures.items() if k[0] == "spending" and k[3] == s.year and k[4] == "share_of_cap"]
        assert cell == ("—" if share["value"] is None else f"{share['value']} %")


def test_rehabilitation_page_and_command_line_agree(qtbot, demo, capsys, monkeypatch, tmp_path):
    data_dir, services = demo
    today = date.today()
    start = date(today.year - 4, 1, 1)
    page = shown(qtbot, RehabStatsPage, services, tmp_path, start, today)
    figures = index(cli_figures(capsys, monkeypatch, data_dir, "rehab", "--from", start.isoformat(),
                                "--to", today.isoformat(), "--by", "injury_type"))
    assert page.model.rowCount() >= 3
    for r in range(page.model.rowCount()):
        g = page.model.rows[r]
        cells = [page.model.data(page.model.index(r, c)) for c in range(page.model.columnCount())]

        def cli(figure: str) -> dict:
            return figures[("return_to_work", "injury_type", g.key, None, figure)]

        workers = cli("workers")["value"]
        assert cells[1] == ("—" if workers is None else str(workers))
        for column, months in ((2, 3), (3, 6), (4, 12)):
            f = cli(f"back_within_{months}_months")
            expected = "— (none yet)" if f["value"] is None else f"{f['value']} % ({f['numerator']} of {f['denominator']})"
            assert cells[column] == expected
        assert cells[6] == ("—" if cli("median_days_to_return")["value"] is None
                            else cli("median_days_to_return")["value"])
        mean = cli("mean_days_to_return")
        assert cells[7] == ("—" if mean["value"] is None else f"{mean['value']} ({mean['numerator']}/{mean['denominator']})")
        for column, figure in ((8, "back_at_same_employer"), (9, "back_at_new_employer")):
            f = cli(figure)
            assert cells[column] == ("—" if f["value"] is None
                                     else f"{f['value']} % ({f['numerator']} of {f['denominator']})")
