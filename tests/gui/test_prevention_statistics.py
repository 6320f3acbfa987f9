"""Prevention → Statistics and the other prevention additions, through real widgets: the statistics page with
its chart and CSV export, the training budget line and warning, and "Create claim from incident"."""

from __future__ import annotations

import csv
from datetime import date, timedelta
from decimal import Decimal

from PySide6.QtCore import QDate, Qt

from injury_desk.domain.identifiers import make_credit_code, make_resident_id
from injury_desk.store.models import Determination
from injury_desk.ui.claims.wizard import NewClaimWizard
from injury_desk.ui.prevention.incidents_page import IncidentsPage
from injury_desk.ui.prevention.spending_list import SpendDialog
from injury_desk.ui.prevention.statistics_page import StatisticsPage
from injury_desk.ui.prevention.training_page import TrainingDialog, TrainingPage
from tests.conftest import claim_draft, employer_data, worker_data
from tests.integration.test_prevention_stats import inspected
from tests.support.gui_waits import opened


def _seed(services, cw):
    """甲 (制造业): 100 workers each year 2022–2025; claims 2024: 1 recognised, 2025: 2 recognised + 1 pending.
    乙 (建筑业): 40 workers in 2024 and 2025 only; claim 2025: 1 recognised."""
    a = services.employers.create(cw, employer_data(name="甲", credit_code=make_credit_code("91350100MA0000011"),
                                                    industry="制造业", headcount=100))
    b = services.employers.create(cw, employer_data(name="乙", credit_code=make_credit_code("91350100MA0000012"),
                                                    industry="建筑业", headcount=40))
    for employer, years, n in ((a, (2022, 2023, 2024, 2025), 100), (b, (2024, 2025), 40)):
        for year in years:
            services.headcounts.record(cw, employer, {"year": year, "headcount": n, "source": "参保人数"})
    other = worker_data(id_number=make_resident_id("110105", date(1985, 5, 5), 21, "M"), name="李四")
    for employer, day, worker, outcome in ((a, "2024-03-01", worker_data(), "recognised"),
                                           (a, "2025-03-01", worker_data(), "recognised"),
                                           (a, "2025-05-01", worker_data(), "deemed"),
                                           (a, "2025-07-01", worker_data(), None),
                                           (b, "2025-04-04", other, "recognised")):
        received = (date.fromisoformat(day) + timedelta(days=2)).isoformat()
        claim = services.claims.create(cw, claim_draft(worker=worker, employer=None, employer_id=employer,
                                                       accident_date=day, application_received_on=received))
        if outcome:
            with services.ctx.write(cw, "test.determination") as s:
                s.add(Determination(office_id=cw.office_id, claim_id=claim, outcome=outcome,
                                    decided_on=date(2026, 1, 5)))
    return a, b


def test_statistics_table_chart_and_export(qtbot, env, services, cw, tmp_path):
    a, b = _seed(services, cw)
    page = StatisticsPage(env)
    qtbot.addWidget(page)
    page.set_period(date(2022, 1, 1), date(2025, 12, 31))
    qtbot.waitUntil(lambda: not page.loading and page.model.rowCount() == 2)
    rows = {line.label: line for line in page.model.rows}

    def cell(label: str, column: int) -> str:
        return page.model.data(page.model.index(page.model.rows.index(rows[label]), column))

    # 2025: 甲 2 recognised (one deemed) / 100 workers = 2.00, up from 1.00 in 2024; the pending claim apart:
    # 1 / 100 = 1.00. 乙 1 / 40 = 2.50.
    assert [cell("甲", c) for c in range(5)] == ["甲", "100", "2.00 (2)", "▲ +1.00", "1.00 (1)"]
    assert cell("乙", 2) == "2.50 (1)"
    assert page.year_title.text().startswith("2025")
    # Whole office 2025: 140 workers, 3 recognised → 3 × 100 / 140 = 2.14.
    assert "Whole office 2025: 140 workers; recognised injuries 2.14 per 100 workers (3 of 140)" in \
        page.count_label.text()
    # The chart: the whole office by year 2022–2025. 2022 and 2023: 乙 has no headcount, so only 甲's 100 workers
    # count: 0.00; 2024: 1 / 140 = 0.71; 2025: 2.14. Its axes say what they count.
    [series] = page.chart.series()
    [office] = series.barSets()
    assert [round(office.at(i), 2) for i in range(office.count())] == [0, 0, 0.71, 2.14]
    assert (page.x_axis.titleText(), page.y_axis.titleText()) == ("Year", "per 100 workers")
    page.table.select_where(lambda g: g.label == "甲")
    [series] = page.chart.series()
    assert [s.label() for s in series.barSets()] == ["Whole office", "甲"]
    assert [series.barSets()[1].at(i) for i in range(4)] == [0, 0, 1.0, 2.0]
    page.measure_combo.setCurrentIndex(page.measure_combo.findData("days_lost"))
    assert page.y_axis.titleText() == "days"
    # 2023 at the whole office: 乙 had no headcount and is named.
    page.set_period(date(2023, 1, 1), date(2023, 12, 31))
    qtbot.waitUntil(lambda: not page.loading and page.report.end.year == 2023)
    assert "No headcount for 2023, left out of every rate (their claims and incidents too): 乙" == \
        page.missing_label.text()
    # Grouping by industry and filtering the list.
    page.set_period(date(2024, 1, 1), date(2025, 12, 31))
    page.group_combo.setCurrentIndex(page.group_combo.findData("industry"))
    qtbot.waitUntil(lambda: not page.loading and {g.label for g in page.model.rows} == {"制造业", "建筑业"})
    page.filter_edit.setText("建筑")
    assert page.table.proxy.rowCount() == 1
    target = tmp_path / "out.csv"
    page.export_to(str(target))
    qtbot.waitUntil(lambda: page.export_button.isEnabled() and "written" in page.status.text())
    exported = list(csv.DictReader(target.open(encoding="utf-8-sig")))
    m = next(r for r in exported if r["key"] == "制造业" and r["year"] == "2025" and r["figure"] == "recognised_per_100")
    assert (m["value"], m["numerator"], m["denominator"]) == ("2.00", "2", "100")


def test_statistics_rising_list(qtbot, env, services, cw):
    a, _b = _seed(services, cw)
    page = StatisticsPage(env)
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: not page.loading and page.model.rowCount() == 2)
    # 甲: 2023 0.00 → 2024 1.00 → 2025 2.00 with 2 recognised in 2025: rising. 乙: no 2023 headcount, no rate.
    assert [r.name for r in page.rising_model.rows] == ["甲"]
    assert page.rising_model.data(page.rising_model.index(0, 2)) == "0.00 → 1.00 → 2.00"
    assert "2023 → 2024 → 2025" in page.rising_rule.text()


def test_corrective_actions_and_spending_tabs(qtbot, env, services, cw):
    # 甲 inspected by 陈 on 2026-02-01: one action due 02-28 closed 02-20 (19 days, on time), one due 03-31 open.
    a, _b = _seed(services, cw)
    inspected(services.ctx, cw, a, "陈", date(2026, 2, 1),
              [(date(2026, 2, 28), date(2026, 2, 20)), (date(2026, 3, 31), None)])
    services.training.add_training(cw, {"topic": "消防", "held_on": "2026-05-01", "cost": "180000.00"})
    page = StatisticsPage(env)
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: not page.loading and page.report is not None)
    [row] = page.actions_model.rows
    texts = [page.actions_model.data(page.actions_model.index(0, c)) for c in range(4)]
    # Closed 1 of 2 raised = 50.0 %; on time 1 of 2 due = 50.0 %; median of [19] days.
    assert texts == ["甲", "50.0 % (1/2)", "50.0 % (1/2)", "19.0 (1)"]
    assert [r.label for r in page.inspector_model.rows] == ["陈"]
    # Spending 2026: training 180,000 + a publicity spend of 15,000.01 recorded through the dialog = 195,000.01,
    # one fen over the example cap 195,000.00 (3 % of 6,500,000.00): 100.0 %, and the page says it is over.
    page.tabs.setCurrentIndex(2)
    qtbot.mouseClick(page.spending_list.new_button, Qt.MouseButton.LeftButton)
    dialog = page.spending_list.dialog
    assert isinstance(dialog, SpendDialog) and not dialog.ok_button.isEnabled()
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData("publicity"))
    dialog.title_edit.insert("安全月宣传")
    qtbot.keyClicks(dialog.amount_edit, "15000.01")
    dialog.date_edit.setDate(QDate(2026, 6, 1))
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.spending_list.model.rowCount() == 1)
    qtbot.waitUntil(lambda: not page.loading and any(r.total == Decimal("195000.01") for r in page.spending_model.rows))
    [y2026] = [r for r in range(page.spending_model.rowCount()) if page.spending_model.rows[r].year == 2026]
    assert [page.spending_model.data(page.spending_model.index(y2026, c)) for c in range(7)] == [
        "2026", "180,000.00", "0.00", "15,000.01", "195,000.01", "195,000.00", "100.0 %"]
    assert "Over the cap in 2026." in page.spending_note.text()


def test_training_budget_line_and_over_cap_warning(qtbot, env, services, cw):
    # The example region's cap for 2026: 3 % of 6,500,000.00 = 195,000.00.
    services.training.add_training(cw, {"topic": "消防", "held_on": "2026-05-01", "cost": "180000.00"})
    services.training.add_training(cw, {"topic": "旧", "held_on": "2025-05-01", "cost": "1.00"})
    page = TrainingPage(env)
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1 and bool(page.budget_label.text()))  # this year's sessions
    assert "Prevention spending 2026: 180,000.00 yuan (training 180,000.00 in 1 session(s), funded projects 0.00, " \
           "publicity 0.00). Cap 195,000.00 yuan" in page.budget_label.text()
    assert "Remaining: 15,000.00 yuan" in page.budget_label.text()
    page.year_spin.setValue(2025)
    qtbot.waitUntil(lambda: [t.topic for t in page.model.rows] == ["旧"])
    assert "Prevention spending 2025" in page.budget_label.text()
    page.year_spin.setValue(2026)
    qtbot.waitUntil(lambda: [t.topic for t in page.model.rows] == ["消防"])

    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    assert isinstance(dialog, TrainingDialog)
    qtbot.keyClicks(dialog.topic_edit, "Ladders")
    qtbot.keyClicks(dialog.cost_edit, "15000.00")
    qtbot.waitUntil(lambda: 2026 in dialog.budgets and dialog.budgets[2026] is not None)  # read off the GUI thread
    assert not dialog.budget_warning.isVisible()  # exactly at the cap is allowed
    qtbot.keyClicks(dialog.cost_edit, "1")  # "15000.001": not whole fen, a rule (OK disabled), not a warning
    assert not dialog.ok_button.isEnabled()
    dialog.cost_edit.setText("15000.01")
    assert dialog.budget_warning.isVisible()
    assert "195,000.01 yuan, over the cap of 195,000.00 yuan by 0.01 yuan" in dialog.budget_warning.text()
    qtbot.waitUntil(dialog.ok_button.isEnabled)  # a warning: the plan may still be saved (once employers are read)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.model.rowCount() == 2)
    assert "Over the cap by 0.01 yuan" in page.budget_label.text()


def test_create_claim_from_incident(qtbot, env, services, cw):
    employer = services.employers.create(cw, employer_data())
    person = services.people.create(cw, worker_data())
    accident = services.incidents.add_incident(cw, {
        "employer_id": employer, "person_id": person, "kind": "accident", "occurred_on": "2026-11-03",
        "place": "二号车间", "description": "右手被压伤", "days_lost": 9})
    near = services.incidents.add_incident(cw, {"employer_id": employer, "kind": "near_miss",
                                                 "occurred_on": "2026-11-04"})
    page = IncidentsPage(env)
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: page.table.select_where(lambda i: i.id == near))
    assert not page.claim_button.isEnabled() and "near miss" in page.claim_button.toolTip()
    assert page.table.select_where(lambda i: i.id == accident)
    assert page.claim_button.isEnabled()
    qtbot.mouseClick(page.claim_button, Qt.MouseButton.LeftButton)
    wizard = opened(qtbot, page, NewClaimWizard, "wizard")  # once the draft is read from the incident
    # The registered worker and employer are found as if their numbers were typed (read off the GUI thread).
    qtbot.waitUntil(lambda: wizard.worker_page.existing is not None and wizard.employer_page.existing is not None)
    assert wizard.worker_page.existing.id == person
    assert wizard.employer_page.existing.id == employer
    assert wizard.accident_page.accident_date.date() == QDate(2026, 11, 3)
    assert wizard.accident_page.place.text() == "二号车间"
    assert wizard.accident_page.circumstances.toPlainText() == "右手被压伤"
    wizard.accident_page.body_parts.setText("右手")
    wizard.accident_page.diagnosis.setText("骨折")
    wizard.application_page.received.setDate(QDate(2026, 11, 6))
    wizard.accept()
    qtbot.waitUntil(lambda: wizard.saved_claim_id is not None)
    claim_no = services.claims.get(cw, wizard.saved_claim_id).claim_no
    qtbot.waitUntil(lambda: any(i.id == accident and i.claim_no == claim_no for i in page.model.rows))
    assert page.table.select_where(lambda i: i.id == accident)
    assert not page.claim_button.isEnabled() and claim_no in page.claim_button.toolTip()


def test_an_incident_gets_photos_through_its_attachments_button(qtbot, env, services, cw, tmp_path):
    employer = services.employers.create(cw, employer_data())
    accident = services.incidents.add_incident(cw, {"employer_id": employer, "kind": "accident",
                                                     "occurred_on": "2026-11-03", "place": "二号车间"})
    page = IncidentsPage(env)
    qtbot.addWidget(page)
    assert not page.attachments_button.isEnabled()  # nothing selected yet
    qtbot.waitUntil(lambda: page.table.select_where(lambda i: i.id == accident))
    assert page.attachments_button.isEnabled()
    qtbot.mouseClick(page.attachments_button, Qt.MouseButton.LeftButton)
    dialog = page.attachments_dialog
    assert dialog.isVisible() and dialog.owner_table == "incidents" and dialog.owner_id == accident
    photo = tmp_path / "scene.jpg"
    photo.write_bytes(b"\xff\xd8\xff\xe0 scene of the accident")
    dialog.add_paths([photo])
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 1)
    [stored] = services.attachments.list(cw, "incidents", accident)
    assert stored.file_name == "scene.jpg" and stored.size == len(photo.read_bytes())
    dialog.close()


def test_a_period_of_more_than_fifty_years_says_why_and_shows_no_old_figures(qtbot, env, services, cw):
    _seed(services, cw)
    page = StatisticsPage(env)
    qtbot.addWidget(page)
    page.resize(1366, 700)
    page.show()
    page.set_period(date(2022, 1, 1), date(2025, 12, 31))
    qtbot.waitUntil(lambda: not page.loading and page.model.rowCount() == 2)
    assert page.spending_model.rowCount() == 4 and page.year_title.text().startswith("2025")
    # A mistyped year: 1925 for 2025. 1925..2025 touches 2025 - 1925 + 1 = 101 calendar years (at most 50).
    page.from_edit.setDate(QDate(1925, 1, 1))
    qtbot.waitUntil(lambda: not page.loading and page.error.isVisible())
    assert page.error.text() == "Period from: the period spans 101 calendar years; at most 50 are reported at once"
    # The figures of 2022..2025 are not left beside it as if they were the period's.
    assert page.model.rowCount() == 0 and page.spending_model.rowCount() == 0
    assert page.year_title.text() == "" and page.count_label.text() == "" and page.chart.series() == []
    # Back to a real period: the figures come, the message goes.
    page.from_edit.setDate(QDate(2022, 1, 1))
    qtbot.waitUntil(lambda: not page.loading and page.model.rowCount() == 2)
    assert not page.error.isVisible() and page.spending_model.rowCount() == 4


def test_the_period_cannot_start_before_1900(qtbot, env):
    # The date edits went back to 1752-09-14 (Qt's earliest): a slip of the year's first digit gave a period of
    # two and a half centuries that the page counted as asked.
    page = StatisticsPage(env)
    qtbot.addWidget(page)
    page.from_edit.setDate(QDate(1826, 1, 1))
    assert page.from_edit.date() == QDate(1900, 1, 1)
    env.runner.wait()
