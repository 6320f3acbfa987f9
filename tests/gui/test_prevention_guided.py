"""The inspection wizard, follow-up visits and the attachments dialog, driven through real widgets."""

from __future__ import annotations

import hashlib
from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QWizard

from injury_desk.services.attachments import MAX_ATTACHMENT_BYTES
from injury_desk.ui.prevention.attachments_dialog import AttachmentsDialog
from injury_desk.ui.prevention.followup_dialog import FollowUpDialog
from injury_desk.ui.prevention.inspection_wizard import HazardDraftDialog, InspectionWizard
from injury_desk.ui.prevention.inspections_page import InspectionsPage
from tests.conftest import employer_data
from tests.support.gui_waits import opened

PHOTO = b"\x89PNG\r\n\x1a\n" + b"rail" * 400


def finish(wizard: QWizard):
    return wizard.button(QWizard.WizardButton.FinishButton)


def next_button(wizard: QWizard):
    return wizard.button(QWizard.WizardButton.NextButton)


def test_wizard_plan_findings_photo_and_action_saved_together(qtbot, env, services, cw, tmp_path):
    employer = services.employers.create(cw, employer_data())
    photo = tmp_path / "rail.png"
    photo.write_bytes(PHOTO)
    huge = tmp_path / "huge.jpg"
    huge.write_bytes(b"\0" * (MAX_ATTACHMENT_BYTES + 1))
    wizard = InspectionWizard(env, employer_id=employer)
    qtbot.addWidget(wizard)
    wizard.show()
    plan = wizard.plan_page
    # Chosen on the employer page, shown once the office's employers are read.
    qtbot.waitUntil(lambda: plan.employer_combo.currentData() == employer)
    plan.planned_edit.setDate(QDate(2026, 11, 20))
    qtbot.waitUntil(lambda: plan.isComplete() and next_button(wizard).isEnabled())  # the service's rules checked
    wizard.next()

    visit = wizard.visit_page
    assert wizard.currentPage() is visit
    assert not visit.isComplete()  # no summary yet
    assert not finish(wizard).isEnabled()
    assert visit.inspected_edit.date() == QDate(2026, 11, 20)  # the planned day, not after today
    qtbot.keyClicks(visit.summary_edit, "Press line checked")
    qtbot.waitUntil(visit.isComplete)

    qtbot.mouseClick(visit.add_button, Qt.MouseButton.LeftButton)
    dialog = visit.dialog
    assert isinstance(dialog, HazardDraftDialog)
    assert not dialog.ok_button.isEnabled()
    dialog.category_edit.setText("机械防护")
    dialog.severity_combo.setCurrentIndex(dialog.severity_combo.findData("high"))
    dialog.location_edit.setText("二号车间")
    dialog.add_paths([huge, photo, photo])
    # The large file is named with the limit, the second pick of the same photo is refused, one file is kept.
    qtbot.waitUntil(dialog.file_error.isVisible)  # the files are read off the GUI thread
    assert "huge.jpg" in dialog.file_error.text() and "at most 5 MB" in dialog.file_error.text()
    assert "already attached" in dialog.file_error.text()
    assert dialog.file_list.count() == 1 and dialog.file_list.item(0).text().startswith("rail.png")
    qtbot.waitUntil(dialog.ok_button.isEnabled)  # the service's rules for the hazard checked
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert visit.model.rowCount() == 1
    assert visit.model.data(visit.model.index(0, 3)) == "1"  # one attachment
    assert not visit.isFinalPage()  # a hazard needs an action: there is a next page
    wizard.next()

    actions = wizard.actions_page
    assert wizard.currentPage() is actions
    assert not finish(wizard).isEnabled()  # action and owner not given yet
    [row] = actions.rows
    qtbot.keyClicks(row.description, "Fit guard rail")
    qtbot.keyClicks(row.owner, "Li Ming")
    row.due.setDate(QDate(2026, 11, 10))  # before the visit on 11-20
    qtbot.waitUntil(lambda: "cannot be before the inspection (2026-11-20)" in row.error.text())
    assert row.error.isVisible()
    assert not finish(wizard).isEnabled()
    row.due.setDate(QDate(2026, 12, 20))
    qtbot.waitUntil(lambda: not row.error.isVisible())
    qtbot.waitUntil(finish(wizard).isEnabled)
    qtbot.mouseClick(finish(wizard), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.saved_id is not None)

    saved = services.inspections.get_inspection(cw, wizard.saved_id)
    assert (saved.status, saved.inspected_on, saved.summary, saved.open_hazard_count) == (
        "done", date(2026, 11, 20), "Press line checked", 1)
    [hazard] = services.inspections.list_hazards(cw, employer_id=employer)
    assert (hazard.category, hazard.severity, hazard.location) == ("机械防护", "high", "二号车间")
    [att] = services.attachments.list(cw, "hazards", hazard.id)
    assert att.sha256 == hashlib.sha256(PHOTO).hexdigest() and att.size == len(PHOTO)
    [action] = services.inspections.open_actions(cw, saved.id)
    assert action.hazard_id == hazard.id
    assert (action.description, action.owner, action.due_date) == ("Fit guard rail", "Li Ming", date(2026, 12, 20))


def test_wizard_can_just_plan(qtbot, env, services, cw):
    employer = services.employers.create(cw, employer_data())
    wizard = InspectionWizard(env)
    qtbot.addWidget(wizard)
    wizard.show()
    plan = wizard.plan_page
    assert not plan.isComplete()  # no employer chosen
    plan.select_employer(employer)
    plan.planned_edit.setDate(QDate(2026, 12, 15))
    plan.visited_check.setChecked(False)
    assert plan.isFinalPage()
    qtbot.waitUntil(finish(wizard).isEnabled)  # the employer listed and the service's rules checked
    qtbot.mouseClick(finish(wizard), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.saved_id is not None)
    view = services.inspections.get_inspection(cw, wizard.saved_id)
    assert (view.status, view.planned_on, view.inspector) == ("planned", date(2026, 12, 15), "Case Worker")


def test_wizard_records_the_planned_inspection_selected_on_the_page(qtbot, env, services, cw):
    employer = services.employers.create(cw, employer_data())
    planned = services.inspections.plan_inspection(cw, {"employer_id": employer, "planned_on": "2026-11-25"})
    page = InspectionsPage(env)
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: page.table.select_where(lambda i: i.id == planned))
    qtbot.mouseClick(page.wizard_button, Qt.MouseButton.LeftButton)
    wizard = page.dialog
    assert isinstance(wizard, InspectionWizard)
    qtbot.waitUntil(wizard.plan_page.planned_radio.isChecked)  # once the planned inspections are read
    assert not wizard.plan_page.employer_combo.isEnabled()  # the plan is not re-entered
    qtbot.waitUntil(next_button(wizard).isEnabled)
    wizard.next()
    wizard.visit_page.summary_edit.setPlainText("无隐患")
    assert wizard.visit_page.isFinalPage()  # no findings: done here
    qtbot.waitUntil(finish(wizard).isEnabled)
    qtbot.mouseClick(finish(wizard), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: services.inspections.get_inspection(cw, planned).status == "done")
    assert services.inspections.get_inspection(cw, planned).inspected_on == date(2026, 11, 25)
    qtbot.waitUntil(lambda: any(i.id == planned and i.status == "done" for i in page.model.rows))


def _inspection_with_actions(services, cw, employer):
    return services.inspections.inspect(cw, {
        "plan": {"employer_id": employer, "planned_on": "2026-11-02"},
        "visit": {"inspected_on": "2026-11-02", "summary": "巡查"},
        "hazards": [{"category": "用电", "severity": "medium",
                     "actions": [{"description": "Socket", "owner": "Zhang", "due_date": "2026-11-20"},
                                 {"description": "Cable", "owner": "Wang", "due_date": "2026-12-20"}]}]})


def test_follow_up_visit_closes_and_extends(qtbot, env, services, cw):
    employer = services.employers.create(cw, employer_data())
    insp = _inspection_with_actions(services, cw, employer)
    page = InspectionsPage(env)
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: page.table.select_where(lambda i: i.id == insp))
    assert page.follow_up_button.isEnabled()
    qtbot.mouseClick(page.follow_up_button, Qt.MouseButton.LeftButton)
    dialog = opened(qtbot, page, FollowUpDialog)  # once the inspection and its open actions are read
    assert [a.description for a in dialog.actions] == ["Socket", "Cable"]
    assert not dialog.ok_button.isEnabled()  # nothing decided yet
    dialog.set_outcome(0, "done")
    dialog.set_outcome(1, "extend", date(2026, 12, 1))  # earlier than the 12-20 due date
    assert dialog.row_errors[1].isVisible()
    assert "must be later than the current due date (2026-12-20)" in dialog.row_errors[1].text()
    assert not dialog.ok_button.isEnabled()
    dialog.set_outcome(1, "extend", date(2027, 1, 31))
    assert dialog.ok_button.isEnabled()
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    [left] = services.inspections.open_actions(cw, insp)
    assert (left.description, left.status, left.due_date) == ("Cable", "extended", date(2027, 1, 31))
    assert services.inspections.overdue_actions(cw) == []


def test_follow_up_marks_overdue_actions(qtbot, env, services, cw):
    employer = services.employers.create(cw, employer_data())
    insp = _inspection_with_actions(services, cw, employer)
    dialog = FollowUpDialog(env, services.inspections.get_inspection(cw, insp),
                            services.inspections.open_actions(cw, insp))
    qtbot.addWidget(dialog)
    grid = dialog.findChildren(type(dialog.empty))
    texts = [w.text() for w in grid]
    assert "2026-11-20 (overdue)" in texts  # due 11-20, today 11-28
    assert "2026-12-20" in texts


def test_attachments_dialog_adds_refuses_and_removes(qtbot, env, services, cw, tmp_path):
    employer = services.employers.create(cw, employer_data())
    insp = _inspection_with_actions(services, cw, employer)
    dialog = AttachmentsDialog(env, "inspections", insp, "检查")
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.remove_button.isEnabled()
    report = tmp_path / "report.pdf"
    report.write_bytes(b"%PDF-1.4 findings")
    program = tmp_path / "tool.exe"
    program.write_bytes(b"MZ")
    dialog.add_paths([program, report])
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 1)  # stored off the GUI thread, then the list read again
    assert dialog.error.isVisible() and "tool.exe" in dialog.error.text()
    assert dialog.model.data(dialog.model.index(0, 0)) == "report.pdf"
    assert dialog.model.data(dialog.model.index(0, 3)).startswith(hashlib.sha256(b"%PDF-1.4 findings").hexdigest()[:16])
    dialog.table.selectRow(0)
    assert dialog.remove_button.isEnabled()
    qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 0)
    assert services.attachments.list(cw, "inspections", insp) == []
