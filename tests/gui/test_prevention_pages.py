"""Prevention → Inspections, Training and Incidents through real widgets: plan, record, hazards, actions, lists."""

from __future__ import annotations

from PySide6.QtCore import QDate, Qt

from injury_desk.ui.prevention.incidents_page import IncidentDialog, IncidentsPage
from injury_desk.ui.prevention.inspections_page import (
    ActionDialog,
    HazardDialog,
    InspectionsPage,
    PlanInspectionDialog,
    RecordVisitDialog,
)
from injury_desk.ui.prevention.training_page import TrainingDialog, TrainingPage
from tests.conftest import employer_data


def ok(qtbot, dialog) -> None:
    assert dialog.ok_button.isEnabled(), dialog.banner.text()
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    # The dialog deletes itself once saved, so wait on the plain Python flag rather than on the widget.
    qtbot.waitUntil(lambda: not dialog.saving)


def cell(model, row: int, column: int) -> str:
    return model.data(model.index(row, column))


def test_plan_record_add_hazard_and_action(qtbot, env, services, cw):
    employer_id = services.employers.create(cw, employer_data())
    page = InspectionsPage(env)
    qtbot.addWidget(page)
    assert page.model.rowCount() == 0
    assert not page.record_button.isEnabled() and not page.hazard_button.isEnabled()

    qtbot.mouseClick(page.plan_button, Qt.MouseButton.LeftButton)
    plan = page.dialog
    assert isinstance(plan, PlanInspectionDialog)
    assert not plan.ok_button.isEnabled()  # no employer chosen yet
    plan.employer_combo.setCurrentIndex(plan.employer_combo.findData(employer_id))
    plan.planned_edit.setDate(QDate(2026, 11, 20))
    qtbot.keyClicks(plan.inspector_edit, "Wang Fang")
    ok(qtbot, plan)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    assert page.current_inspection() is not None  # the new inspection is selected
    assert [cell(page.model, 0, c) for c in range(6)] == [
        "福州示例机械有限公司", "2026-11-20", "", "planned", "0", "Wang Fang"]
    assert page.record_button.isEnabled() and not page.hazard_button.isEnabled()
    assert "Record the visit first" in page.hint.text()

    qtbot.mouseClick(page.record_button, Qt.MouseButton.LeftButton)
    visit = page.dialog
    assert isinstance(visit, RecordVisitDialog)
    assert not visit.ok_button.isEnabled()  # the summary is required
    visit.inspected_edit.setDate(QDate(2026, 12, 5))  # after today (2026-11-28)
    assert "cannot be in the future" in visit.fields["inspected_on"][1].text()
    visit.inspected_edit.setDate(QDate(2026, 11, 21))
    visit.summary_edit.setPlainText("冲压车间防护装置缺失。")
    ok(qtbot, visit)
    qtbot.waitUntil(lambda: cell(page.model, 0, 3) == "done")
    assert cell(page.model, 0, 2) == "2026-11-21"
    page.table.selectRow(0)
    assert page.hazard_button.isEnabled()

    qtbot.mouseClick(page.hazard_button, Qt.MouseButton.LeftButton)
    hazard = page.dialog
    assert isinstance(hazard, HazardDialog)
    qtbot.keyClicks(hazard.category_edit, "machine guarding")
    assert not hazard.ok_button.isEnabled()  # no severity yet
    hazard.severity_combo.setCurrentIndex(hazard.severity_combo.findData("critical"))
    hazard.location_edit.setText("二号车间冲压线")
    hazard.description_edit.setPlainText("冲压机光幕损坏")
    ok(qtbot, hazard)
    qtbot.waitUntil(lambda: page.hazard_model.rowCount() == 1)
    assert [cell(page.hazard_model, 0, c) for c in range(4)] == ["critical", "machine guarding", "二号车间冲压线",
                                                                 "open"]
    assert cell(page.model, 0, 4) == "1"  # one open hazard on the inspection's row
    assert page.current_hazard() is not None and page.action_button.isEnabled()

    qtbot.mouseClick(page.action_button, Qt.MouseButton.LeftButton)
    action = page.dialog
    assert isinstance(action, ActionDialog)
    action.description_edit.setText("更换光幕")
    action.owner_edit.setText("李明")
    action.due_edit.setDate(QDate(2026, 11, 1))  # before the inspection: only the service knows
    qtbot.mouseClick(action.ok_button, Qt.MouseButton.LeftButton)
    error = action.fields["due_date"][1]
    qtbot.waitUntil(lambda: error.isVisible())
    assert "cannot be before the inspection (2026-11-21)" in error.text()
    assert action.isVisible()
    action.due_edit.setDate(QDate(2026, 12, 20))
    hazard_id = action.hazard.id
    ok(qtbot, action)
    [saved] = services.inspections.list_actions(cw, hazard_id)
    assert saved.description == "更换光幕" and saved.due_date.isoformat() == "2026-12-20"


def test_training_empty_topic_and_bad_cost_keep_ok_disabled_then_saves(qtbot, env, services, cw):
    employer_id = services.employers.create(cw, employer_data())
    page = TrainingPage(env)
    qtbot.addWidget(page)
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    assert isinstance(dialog, TrainingDialog)
    assert not dialog.ok_button.isEnabled()
    qtbot.keyClicks(dialog.topic_edit, "x")
    dialog.topic_edit.clear()  # touched and empty: the rule shows
    error = dialog.fields["topic"][1]
    assert error.isVisible() and "is required" in error.text()
    assert not dialog.ok_button.isEnabled()
    qtbot.keyClicks(dialog.topic_edit, "Punch press safety")
    assert not error.isVisible() and dialog.ok_button.isEnabled()
    qtbot.keyClicks(dialog.cost_edit, "12a")
    assert "amount in yuan" in dialog.fields["cost"][1].text()
    assert not dialog.ok_button.isEnabled()
    dialog.cost_edit.setText("1500.50")
    dialog.held_edit.setDate(QDate(2026, 11, 15))
    dialog.trainer_edit.setText("陈老师")
    dialog.count_spin.setValue(24)
    dialog.employer_combo.setCurrentIndex(dialog.employer_combo.findData(employer_id))
    ok(qtbot, dialog)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    assert [cell(page.model, 0, c) for c in range(6)] == [
        "2026-11-15", "Punch press safety", "陈老师", "24", "1,500.50", "福州示例机械有限公司"]


def test_record_incident(qtbot, env, services, cw):
    employer_id = services.employers.create(cw, employer_data())
    page = IncidentsPage(env)
    qtbot.addWidget(page)
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    assert isinstance(dialog, IncidentDialog)
    assert not dialog.ok_button.isEnabled()  # no employer chosen
    dialog.employer_combo.setCurrentIndex(dialog.employer_combo.findData(employer_id))
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData("near_miss"))
    dialog.occurred_edit.setDate(QDate(2026, 11, 29))
    assert "cannot be in the future" in dialog.fields["occurred_on"][1].text()
    assert not dialog.ok_button.isEnabled()
    dialog.occurred_edit.setDate(QDate(2026, 11, 18))
    dialog.place_edit.setText("仓库")
    dialog.days_spin.setValue(3)
    ok(qtbot, dialog)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    assert [cell(page.model, 0, c) for c in range(5)] == [
        "2026-11-18", "福州示例机械有限公司", "near miss", "仓库", "3"]
