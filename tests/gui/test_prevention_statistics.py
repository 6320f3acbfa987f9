"""Prevention → Statistics and the other prevention additions, through real widgets: the statistics page with
its chart and CSV export, the training budget line and warning, and "Create claim from incident"."""

from __future__ import annotations

import csv
from datetime import date, timedelta

from PySide6.QtCore import QDate, Qt

from injury_desk.domain.identifiers import make_credit_code, make_resident_id
from injury_desk.ui.claims.wizard import NewClaimWizard
from injury_desk.ui.prevention.incidents_page import IncidentsPage
from injury_desk.ui.prevention.statistics_page import StatisticsPage
from injury_desk.ui.prevention.training_page import TrainingDialog, TrainingPage
from tests.conftest import claim_draft, employer_data, worker_data


def _seed(services, cw):
    """甲 (制造业, 100 workers): claims 2024: 1, 2025: 3. 乙 (建筑业, 40 workers): claim 2025: 1."""
    a = services.employers.create(cw, employer_data(name="甲", credit_code=make_credit_code("91350100MA0000011"),
                                                    industry="制造业", headcount=100))
    b = services.employers.create(cw, employer_data(name="乙", credit_code=make_credit_code("91350100MA0000012"),
                                                    industry="建筑业", headcount=40))
    other = worker_data(id_number=make_resident_id("110105", date(1985, 5, 5), 21, "M"), name="李四")
    for employer, day, worker in ((a, "2024-03-01", worker_data()), (a, "2025-03-01", worker_data()),
                                  (a, "2025-05-01", worker_data()), (a, "2025-07-01", worker_data()),
                                  (b, "2025-04-04", other)):
        received = (date.fromisoformat(day) + timedelta(days=2)).isoformat()
        services.claims.create(cw, claim_draft(worker=worker, employer=None, employer_id=employer, accident_date=day,
                                               application_received_on=received))
    return a, b


def test_statistics_table_chart_and_export(qtbot, env, services, cw, tmp_path):
    a, b = _seed(services, cw)
    page = StatisticsPage(env)
    qtbot.addWidget(page)
    page.last_spin.setValue(2025)
    qtbot.waitUntil(lambda: not page.loading and page.model.rowCount() == 2)
    rows = {line.label: line for line in page.model.rows}
    # 2025: 甲 3 claims / 100 workers = 3.00 per 100, up from 1.00 in 2024; 乙 1 / 40 = 2.50.
    assert page.model.data(page.model.index(page.model.rows.index(rows["甲"]), 3)) == "3.00"
    assert page.model.data(page.model.index(page.model.rows.index(rows["甲"]), 4)) == "▲ +2.00"
    assert page.model.data(page.model.index(page.model.rows.index(rows["乙"]), 3)) == "2.50"
    assert page.year_title.text().startswith("2025")
    # The chart shows the whole office by year, 2022 (the default first year: five years back from 2026) to
    # 2025: 2024 = 1 claim / 140 workers → 0.71, 2025 = 4 / 140 → 2.86.
    [series] = page.chart.series()
    [office] = series.barSets()
    assert [round(office.at(i), 2) for i in range(office.count())] == [0, 0, 0.71, 2.86]
    page.table.select_where(lambda g: g.label == "甲")
    [series] = page.chart.series()
    assert [s.label() for s in series.barSets()] == ["Whole office", "甲"]
    assert [series.barSets()[1].at(i) for i in range(4)] == [0, 0, 1.0, 3.0]
    # Grouping by industry and filtering the list.
    page.group_combo.setCurrentIndex(page.group_combo.findData("industry"))
    qtbot.waitUntil(lambda: not page.loading and {g.label for g in page.model.rows} == {"制造业", "建筑业"})
    page.filter_edit.setText("建筑")
    assert page.table.proxy.rowCount() == 1
    target = tmp_path / "out.csv"
    page.export_to(str(target))
    qtbot.waitUntil(lambda: page.export_button.isEnabled() and "written" in page.status.text())
    exported = list(csv.DictReader(target.open(encoding="utf-8-sig")))
    assert len(exported) == 2 * 4  # two industries, 2022–2025
    m = next(r for r in exported if r["key"] == "制造业" and r["year"] == "2025")
    assert (m["claims"], m["claims_per_100"]) == ("3", "3.00")


def test_statistics_rising_list(qtbot, env, services, cw):
    a, _b = _seed(services, cw)
    page = StatisticsPage(env)
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: not page.loading and page.model.rowCount() == 2)
    # 甲: 2023 0.00 → 2024 1.00 → 2025 3.00 with 3 claims in 2025: rising. 乙: 0 → 0 → 2.50: not each year.
    assert [r.name for r in page.rising_model.rows] == ["甲"]
    assert page.rising_model.data(page.rising_model.index(0, 4)) == "0.00 → 1.00 → 3.00"
    assert "2023 → 2024 → 2025" in page.rising_rule.text()


def test_training_budget_line_and_over_cap_warning(qtbot, env, services, cw):
    # The example region's cap for 2026: 3 % of 6,500,000.00 = 195,000.00.
    services.training.add_training(cw, {"topic": "消防", "held_on": "2026-05-01", "cost": "180000.00"})
    services.training.add_training(cw, {"topic": "旧", "held_on": "2025-05-01", "cost": "1.00"})
    page = TrainingPage(env)
    qtbot.addWidget(page)
    assert page.model.rowCount() == 1  # this year's sessions
    assert "180,000.00 of 195,000.00 yuan" in page.budget_label.text()
    assert "Remaining: 15,000.00 yuan" in page.budget_label.text()
    page.year_spin.setValue(2025)
    assert page.model.rowCount() == 1 and page.model.rows[0].topic == "旧"
    page.year_spin.setValue(2026)

    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    assert isinstance(dialog, TrainingDialog)
    qtbot.keyClicks(dialog.topic_edit, "Ladders")
    qtbot.keyClicks(dialog.cost_edit, "15000.00")
    assert not dialog.budget_warning.isVisible()  # exactly at the cap is allowed
    qtbot.keyClicks(dialog.cost_edit, "1")  # "15000.001": not whole fen, a rule (OK disabled), not a warning
    assert not dialog.ok_button.isEnabled()
    dialog.cost_edit.setText("15000.01")
    assert dialog.budget_warning.isVisible()
    assert "195,000.01 yuan, over the cap of 195,000.00 yuan by 0.01 yuan" in dialog.budget_warning.text()
    assert dialog.ok_button.isEnabled()  # a warning: the plan may still be saved
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
    assert page.table.select_where(lambda i: i.id == near)
    assert not page.claim_button.isEnabled() and "near miss" in page.claim_button.toolTip()
    assert page.table.select_where(lambda i: i.id == accident)
    assert page.claim_button.isEnabled()
    qtbot.mouseClick(page.claim_button, Qt.MouseButton.LeftButton)
    wizard = page.wizard
    assert isinstance(wizard, NewClaimWizard)
    assert wizard.worker_page.existing is not None and wizard.worker_page.existing.id == person
    assert wizard.employer_page.existing is not None and wizard.employer_page.existing.id == employer
    assert wizard.accident_page.accident_date.date() == QDate(2026, 11, 3)
    assert wizard.accident_page.place.text() == "二号车间"
    assert wizard.accident_page.circumstances.toPlainText() == "右手被压伤"
    wizard.accident_page.body_parts.setText("右手")
    wizard.accident_page.diagnosis.setText("骨折")
    wizard.application_page.received.setDate(QDate(2026, 11, 6))
    wizard.accept()
    assert wizard.saved_claim_id
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
    assert page.table.select_where(lambda i: i.id == accident)
    assert page.attachments_button.isEnabled()
    qtbot.mouseClick(page.attachments_button, Qt.MouseButton.LeftButton)
    dialog = page.attachments_dialog
    assert dialog.isVisible() and dialog.owner_table == "incidents" and dialog.owner_id == accident
    photo = tmp_path / "scene.jpg"
    photo.write_bytes(b"\xff\xd8\xff\xe0 scene of the accident")
    dialog.add_paths([photo])
    assert dialog.model.rowCount() == 1
    [stored] = services.attachments.list(cw, "incidents", accident)
    assert stored.file_name == "scene.jpg" and stored.size == len(photo.read_bytes())
    dialog.close()
