"""Prevention → Inspections, Training and Incidents through real widgets: plan, record, hazards, actions, lists."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QMessageBox

from injury_desk.ui.prevention.incidents_page import IncidentDialog, IncidentsPage
from injury_desk.ui.prevention.inspections_page import (
    ActionDialog,
    HazardDialog,
    InspectionsPage,
    PlanInspectionDialog,
    RecordVisitDialog,
)
from injury_desk.ui.prevention.training_page import TrainingDialog, TrainingPage
from tests.conftest import employer_data, worker_data
from tests.gui.conftest import make_env
from tests.support.gui_waits import employers_listed, opened


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
    assert not page.record_button.isEnabled() and not page.hazard_button.isEnabled()
    qtbot.waitUntil(lambda: page.count_label.text() == "0 inspection(s)")

    qtbot.mouseClick(page.plan_button, Qt.MouseButton.LeftButton)
    plan = page.dialog
    assert isinstance(plan, PlanInspectionDialog)
    assert not plan.ok_button.isEnabled()  # no employer chosen yet
    employers_listed(qtbot, plan.employer_combo, employer_id)
    plan.employer_combo.setCurrentIndex(plan.employer_combo.findData(employer_id))
    plan.planned_edit.setDate(QDate(2026, 11, 20))
    qtbot.keyClicks(plan.inspector_edit, "Wang Fang")
    ok(qtbot, plan)
    qtbot.waitUntil(lambda: page.current_inspection() is not None)  # the new inspection is selected
    assert [cell(page.model, 0, c) for c in range(6)] == [
        "福州示例机械有限公司", "2026-11-20", "", "Planned", "0", "Wang Fang"]
    assert page.record_button.isEnabled() and not page.hazard_button.isEnabled()
    assert "Record the visit first" in page.hint.text()

    qtbot.mouseClick(page.record_button, Qt.MouseButton.LeftButton)
    visit = opened(qtbot, page, RecordVisitDialog)  # once the inspection is read as saved now
    assert not visit.ok_button.isEnabled()  # the summary is required
    visit.inspected_edit.setDate(QDate(2026, 12, 5))  # after today (2026-11-28)
    assert "cannot be in the future" in visit.fields["inspected_on"][1].text()
    visit.inspected_edit.setDate(QDate(2026, 11, 21))
    visit.summary_edit.setPlainText("冲压车间防护装置缺失。")
    ok(qtbot, visit)
    qtbot.waitUntil(lambda: cell(page.model, 0, 3) == "Done")
    assert cell(page.model, 0, 2) == "2026-11-21"
    page.table.selectRow(0)
    assert page.hazard_button.isEnabled()

    qtbot.mouseClick(page.hazard_button, Qt.MouseButton.LeftButton)
    hazard = opened(qtbot, page, HazardDialog)
    qtbot.keyClicks(hazard.category_edit, "machine guarding")
    assert not hazard.ok_button.isEnabled()  # no severity yet
    hazard.severity_combo.setCurrentIndex(hazard.severity_combo.findData("critical"))
    hazard.location_edit.setText("二号车间冲压线")
    hazard.description_edit.setPlainText("冲压机光幕损坏")
    ok(qtbot, hazard)
    qtbot.waitUntil(lambda: page.current_hazard() is not None)  # the new hazard is selected
    assert [cell(page.hazard_model, 0, c) for c in range(4)] == ["Critical", "machine guarding", "二号车间冲压线",
                                                                 "Open"]
    qtbot.waitUntil(lambda: cell(page.model, 0, 4) == "1")  # one open hazard on the inspection's row
    assert page.action_button.isEnabled()

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
    assert not action.isVisible()
    [saved] = services.inspections.open_actions(cw, page.current_inspection().id)
    assert saved.hazard_id == hazard_id
    assert saved.description == "更换光幕" and saved.due_date.isoformat() == "2026-12-20"


def test_training_empty_topic_and_bad_cost_keep_ok_disabled_then_saves(qtbot, env, services, cw):
    employer_id = services.employers.create(cw, employer_data())
    page = TrainingPage(env)
    qtbot.addWidget(page)
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    assert isinstance(dialog, TrainingDialog)
    assert not dialog.ok_button.isEnabled()
    employers_listed(qtbot, dialog.employer_combo, employer_id)
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
    employers_listed(qtbot, dialog.employer_combo, employer_id)
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
        "2026-11-18", "福州示例机械有限公司", "Near miss", "仓库", "3"]


def test_cancel_a_planned_inspection_after_asking(qtbot, monkeypatch, env, services, cw, adm, tmp_path):
    employer_id = services.employers.create(cw, employer_data())
    done = services.inspections.plan_inspection(cw, {"employer_id": employer_id, "planned_on": "2026-11-02"})
    services.inspections.record_inspection(cw, done, {"inspected_on": "2026-11-02", "summary": "ok"})
    planned = services.inspections.plan_inspection(cw, {"employer_id": employer_id, "planned_on": "2026-12-10"})
    page = InspectionsPage(env)
    qtbot.addWidget(page)
    assert not page.cancel_button.isEnabled()  # nothing selected
    qtbot.waitUntil(lambda: page.table.select_where(lambda i: i.id == done))
    assert not page.cancel_button.isEnabled()
    assert page.cancel_button.toolTip() == "Only a planned inspection can be cancelled"
    page.table.select_where(lambda i: i.id == planned)
    assert page.cancel_button.isEnabled() and page.cancel_button.toolTip() == ""

    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "question", staticmethod(
        lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.No))
    qtbot.mouseClick(page.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(asked))  # asked once the inspection is read as saved now
    assert asked == ["Cancel the inspection of 福州示例机械有限公司 planned for 2026-12-10? A cancelled inspection "
                     "stays in the list but its visit can no longer be recorded."]
    env.runner.wait()
    assert services.inspections.get_inspection(cw, planned).status == "planned"  # "No" changes nothing
    assert page.cancel_button.isEnabled()

    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.StandardButton.Yes))
    qtbot.mouseClick(page.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.current_inspection() is not None and page.current_inspection().status == "cancelled")
    row = next(r for r in range(page.model.rowCount()) if cell(page.model, r, 1) == "2026-12-10")
    assert cell(page.model, row, 3) == "Cancelled"
    assert not page.cancel_button.isEnabled() and not page.record_button.isEnabled()
    assert page.hint.text() == "This inspection was cancelled."
    assert services.inspections.get_inspection(cw, done).status == "done"

    # A role without the permission sees the button greyed out with the reason.
    adm_env = make_env(services, adm, tmp_path / "adm")
    adm_page = InspectionsPage(adm_env)
    qtbot.addWidget(adm_page)
    qtbot.waitUntil(lambda: adm_page.table.select_where(lambda i: i.id == planned))
    assert not adm_page.cancel_button.isEnabled()
    assert "may not" in adm_page.cancel_button.toolTip()
    adm_env.runner.wait()


def test_edit_training_counts_only_the_change_against_the_cap(qtbot, env, services, cw):
    employer_id = services.employers.create(cw, employer_data())
    # The example region's cap for 2026 is 195,000.00 (3 % of 2025's income); 150,000 + 40,000 = 190,000 planned.
    tid = services.training.add_training(cw, {"topic": "冲压安全", "held_on": "2026-03-01", "cost": "150000.00",
                                              "trainer": "刘老师", "attendee_count": 30})
    services.training.add_training(cw, {"topic": "消防", "held_on": "2026-12-15", "cost": "40000.00"})
    page = TrainingPage(env)
    qtbot.addWidget(page)
    assert not page.edit_button.isEnabled()  # nothing selected
    qtbot.waitUntil(lambda: page.table.select_where(lambda t: t.id == tid))
    assert page.edit_button.isEnabled()
    qtbot.mouseClick(page.edit_button, Qt.MouseButton.LeftButton)
    dialog = opened(qtbot, page, TrainingDialog)  # once the session is read as saved now
    assert dialog.windowTitle() == "Edit training"
    qtbot.waitUntil(dialog.ok_button.isEnabled)  # once its employer can be shown
    assert (dialog.topic_edit.text(), dialog.held_edit.date(), dialog.trainer_edit.text(), dialog.count_spin.value(),
            dialog.cost_edit.text(), dialog.employer_combo.currentData()) == (
        "冲压安全", QDate(2026, 3, 1), "刘老师", 30, "150000.00", None)
    # Its own 150,000 is already in the 190,000: unchanged, it does not take the plan over the cap.
    assert not dialog.budget_warning.isVisible()
    dialog.cost_edit.setText("155000.01")  # 190,000 + 5,000.01 = 195,000.01 > 195,000.00
    qtbot.waitUntil(dialog.budget_warning.isVisible)  # the year's budget is read off the GUI thread
    assert "to 195,000.01 yuan, over the cap of 195,000.00 yuan by 0.01 yuan" in dialog.budget_warning.text()
    dialog.cost_edit.setText("120000")
    assert not dialog.budget_warning.isVisible()
    dialog.topic_edit.setText("冲压安全（复训）")
    dialog.employer_combo.setCurrentIndex(dialog.employer_combo.findData(employer_id))
    ok(qtbot, dialog)
    qtbot.waitUntil(lambda: "冲压安全（复训）" in [cell(page.model, r, 1) for r in range(page.model.rowCount())])
    edited = services.training.get_training(cw, tid)
    assert (edited.topic, edited.cost, edited.employer_id, edited.trainer) == (
        "冲压安全（复训）", Decimal("120000.00"), employer_id, "刘老师")
    assert len(services.training.list_training(cw)) == 2  # corrected, not added
    assert page.table.current().id == tid  # the corrected session stays selected


def test_edit_incident_keeps_the_person_and_refuses_a_stale_edit(qtbot, env, services, cw):
    employer_id = services.employers.create(cw, employer_data())
    worker = services.people.create(cw, worker_data())
    iid = services.incidents.add_incident(cw, {"employer_id": employer_id, "person_id": worker, "kind": "accident",
                                               "occurred_on": "2026-11-01", "place": "二号车间", "days_lost": 14})
    page = IncidentsPage(env)
    qtbot.addWidget(page)
    assert not page.edit_button.isEnabled()
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    page.table.selectRow(0)
    qtbot.mouseClick(page.edit_button, Qt.MouseButton.LeftButton)
    dialog = opened(qtbot, page, IncidentDialog)  # once the incident is read as saved now
    assert dialog.windowTitle() == "Edit incident"
    qtbot.waitUntil(dialog.ok_button.isEnabled)  # once its employer can be shown
    assert (dialog.employer_combo.currentData(), dialog.kind_combo.currentData(), dialog.occurred_edit.date(),
            dialog.place_edit.text(), dialog.days_spin.value()) == (
        employer_id, "accident", QDate(2026, 11, 1), "二号车间", 14)
    dialog.occurred_edit.setDate(QDate(2026, 11, 29))  # after today (2026-11-28)
    assert "cannot be in the future" in dialog.fields["occurred_on"][1].text() and not dialog.ok_button.isEnabled()
    dialog.occurred_edit.setDate(QDate(2026, 11, 2))
    dialog.days_spin.setValue(20)
    ok(qtbot, dialog)
    qtbot.waitUntil(lambda: cell(page.model, 0, 4) == "20")
    assert cell(page.model, 0, 0) == "2026-11-02"
    saved = services.incidents.get_incident(cw, iid)
    assert (saved.person_id, saved.person_name, saved.days_lost, saved.occurred_on) == (
        worker, "张伟", 20, date(2026, 11, 2))

    # Someone else corrects it while this editor is open: OK says so and nothing is overwritten.
    page.table.selectRow(0)
    qtbot.mouseClick(page.edit_button, Qt.MouseButton.LeftButton)
    stale = opened(qtbot, page, IncidentDialog)
    qtbot.waitUntil(stale.ok_button.isEnabled)
    services.incidents.update_incident(cw, iid, {"employer_id": employer_id, "person_id": worker, "kind": "accident",
                                                 "occurred_on": "2026-11-02", "days_lost": 21}, token=saved.token)
    stale.days_spin.setValue(30)
    qtbot.mouseClick(stale.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: stale.banner.isVisible())
    assert "someone changed this record after you opened it" in stale.banner.text()
    assert stale.isVisible()
    assert services.incidents.get_incident(cw, iid).days_lost == 21
