"""Tasks: deadlines of the user and the office, overdue rows marked in words and colour, opening a claim."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont

from injury_desk.ui.tasks_page import TasksPage
from tests.conftest import claim_draft, worker_data
from injury_desk.ui.operations import Changes

# Nobody applied within a year of the accident: the worker's Art. 17 deadline has passed.
LATE = {"accident_date": "2025-06-01", "applicant_type": None, "application_received_on": None}


def shown(qtbot, page: TasksPage) -> None:
    """Wait until the page shows its lists (the summary line is written with them)."""
    qtbot.waitUntil(lambda: page.summary.text() != "")


def cell(page: TasksPage, row: int, col: int, role=Qt.ItemDataRole.DisplayRole):
    model = page.deadlines.model()
    return model.data(model.index(row, col), role)


def test_overdue_claim_is_marked_overdue_and_opens(qtbot, env, services, cw):
    late = services.claims.create(cw, claim_draft(**LATE))
    soon = services.claims.create(cw, claim_draft(worker=worker_data(id_number="110105198005060125", name="李娜")))
    services.claims.accept(cw, soon, {"accepted_on": "2026-11-20", "clear_case": True})  # decision due in 7 days
    page = TasksPage(env)
    qtbot.addWidget(page)
    shown(qtbot, page)
    assert page.deadline_model.rowCount() == 2
    rows = {page.deadlines.row_for(page.deadlines.model().index(r, 0)).claim_id: r for r in range(2)}
    assert [page.deadlines.row_for(page.deadlines.model().index(r, 0)).group for r in range(2)] == [
        "overdue", "this_week"]  # grouped by urgency
    r = rows[late]
    assert cell(page, r, 0) == "Overdue"
    assert cell(page, r, 0, Qt.ItemDataRole.FontRole).bold()
    assert cell(page, r, 0, Qt.ItemDataRole.ForegroundRole) is not None  # red as well as the word
    assert cell(page, r, 3) == "Application (Art. 17)"
    assert int(cell(page, r, 2)) < 0
    assert cell(page, r, 8).startswith("Regulation Art. 17 para. 2")  # the legal basis, last: it is the long text that gives way
    assert "*" in cell(page, r, 6)  # ID number masked
    s = rows[soon]
    assert cell(page, s, 0) == "This week"
    assert (cell(page, s, 2), cell(page, s, 3)) == ("7", "Decision (Art. 20)")
    assert cell(page, s, 0, Qt.ItemDataRole.ForegroundRole) is None
    assert not isinstance(cell(page, s, 0, Qt.ItemDataRole.FontRole), QFont)
    assert "1 overdue, 1 due this week, 0 later" in page.summary.text()

    page.deadlines.setFocus()
    page.deadlines.selectRow(r)
    page.deadlines.setCurrentIndex(page.deadlines.model().index(r, 0))
    with qtbot.waitSignal(page.open_claim) as opened:
        qtbot.keyClick(page.deadlines, Qt.Key.Key_Return)
    assert opened.args == [late]


def test_office_scope_for_supervisor_and_refresh_on_change(qtbot, sup_env, services, cw, sup):
    page = TasksPage(sup_env)
    qtbot.addWidget(page)
    shown(qtbot, page)
    assert page.deadline_model.rowCount() == 0
    services.claims.create(cw, claim_draft(**LATE))  # assigned to the caseworker, not to the supervisor
    sup_env.bus.changed.emit(Changes(claims=True))
    assert page.deadline_model.rowCount() == 0
    page.office_radio.click()
    qtbot.waitUntil(lambda: page.deadline_model.rowCount() == 1)
    assert page.deadline_model.rows[0].assigned_to == "Case Worker"


def test_caseworker_cannot_switch_to_office(qtbot, env):
    page = TasksPage(env)
    qtbot.addWidget(page)
    shown(qtbot, page)
    assert not page.office_radio.isEnabled()


def test_overdue_corrective_actions_listed(qtbot, env, services, cw):
    from tests.conftest import employer_data
    emp = services.employers.create(cw, employer_data())
    insp = services.inspections.plan_inspection(cw, {"employer_id": emp, "planned_on": "2026-10-01"})
    services.inspections.record_inspection(cw, insp, {"inspected_on": "2026-10-02", "summary": "检查完成"})
    hazard = services.inspections.add_hazard(cw, insp, {"category": "机械防护", "severity": "high"})
    services.inspections.add_action(cw, hazard, {"description": "加装防护罩", "owner": "王工", "due_date": "2026-11-01"})
    page = TasksPage(env)
    qtbot.addWidget(page)
    shown(qtbot, page)
    assert page.action_model.rowCount() == 1
    model = page.actions.model()
    assert model.data(model.index(0, 1)) == "27"
    assert model.data(model.index(0, 1), Qt.ItemDataRole.FontRole).bold()
    assert model.data(model.index(0, 4)) == "High"


def test_rehabilitation_follow_ups_listed_and_open_the_case(qtbot, env, services, cw):
    from injury_desk.ui.rehab.case_window import CaseWindow
    from tests.integration.test_rehab_services import CASE, decided_claim

    claim_id = decided_claim(services, cw)
    case_id = services.rehab.open_case(cw, claim_id, CASE)
    plan = services.rehab.add_plan(cw, case_id, {"drawn_up_on": "2026-11-22", "review_on": "2026-12-01"})
    services.rehab.schedule_session(cw, plan, {"scheduled_on": "2026-11-25", "kind": "理疗"})
    page = TasksPage(env)
    qtbot.addWidget(page)
    shown(qtbot, page)
    model = page.rehab.model()
    rows = [[model.data(model.index(r, c)) for c in range(5)] for r in range(model.rowCount())]
    # 2026-11-25 is three days before today and has no attendance; the review is due in three days.
    assert rows == [["Overdue", "2026-11-25", "-3", "Attendance not recorded", "理疗"],
                    ["Due", "2026-12-01", "3", "Plan due for review", "2026-11-22"]]
    assert model.data(model.index(0, 0), Qt.ItemDataRole.FontRole).bold()
    assert "1 overdue, 1 due this week, 0 later" in page.summary.text()

    page.rehab.setFocus()
    page.rehab.selectRow(0)
    page.rehab.setCurrentIndex(model.index(0, 0))
    qtbot.keyClick(page.rehab, Qt.Key.Key_Return)
    window = page.case_window
    assert isinstance(window, CaseWindow)
    qtbot.waitUntil(lambda: window.view.case is not None and window.view.case.id == case_id)  # read off the GUI thread
    # Recording the attendance in the case window clears the follow-up.
    window.view.tabs.setCurrentIndex(2)
    window.view.sessions.selectRow(0)
    qtbot.mouseClick(window.view.missed_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: model.rowCount() == 2 and model.data(model.index(0, 3)) == "Session missed: book another")
    window.close()
