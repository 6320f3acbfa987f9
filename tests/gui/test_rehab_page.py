"""Rehabilitation → Cases through real widgets: open a case from a claim number, plan, goal, session, RTW, close."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt

from injury_desk.ui.rehab.case_dialogs import OpenCaseDialog
from injury_desk.ui.rehab.cases_page import RehabCasesPage
from tests.conftest import claim_draft, decided_claim, worker_data


def claim_no(services, cw, claim_id) -> str:
    return services.claims.get(cw, claim_id).claim_no


def ok(qtbot, dialog) -> None:
    qtbot.waitUntil(dialog.ok_button.isEnabled)  # a claim number is looked up off the GUI thread
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.saving)


def test_open_case_from_claim_number_and_work_it_to_closed(qtbot, env, services, cw):
    claim_id = decided_claim(services, cw)
    number = claim_no(services, cw, claim_id)
    page = RehabCasesPage(env)
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: page.count_label.text() == "0 case(s)")

    qtbot.mouseClick(page.open_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    assert isinstance(dialog, OpenCaseDialog)
    qtbot.keyClicks(dialog.claim_edit, "GZ01-1999")
    # Each number typed is looked up off the GUI thread; the answer names what is wrong.
    qtbot.waitUntil(lambda: "no claim of this office" in dialog.fields["claim_no"][1].text())
    dialog.claim_edit.setText(number.lower())
    qtbot.waitUntil(lambda: "张伟" in dialog.claim_info.text())
    assert not dialog.fields["claim_no"][1].isVisible()
    dialog.provider_edit.setText("市康复医院")
    qtbot.keyClicks(dialog.budget_edit, "12a")
    assert "amount in yuan" in dialog.fields["budget"][1].text()
    assert not dialog.ok_button.isEnabled()
    dialog.budget_edit.setText("1000.00")
    dialog.opened_edit.setDate(dialog.opened_edit.date().addDays(-5))  # 2026-11-23, after the decision
    ok(qtbot, dialog)
    qtbot.waitUntil(lambda: page.current_case() is not None)  # the new case is selected
    assert page.current_case().claim_no == number
    assert page.model.data(page.model.index(0, 4)) == "1,000.00"
    view = page.view
    qtbot.waitUntil(lambda: "Add a plan first" in view.hint.text())  # the case is read off the GUI thread
    assert not view.goal_button.isEnabled()

    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Return)  # the next step of a case without a plan: a plan
    plan = view.dialog
    plan.drawn_up_edit.setDate(plan.drawn_up_edit.date().addDays(-4))
    plan.review_edit.setText("2027-13-01")
    assert "date like" in plan.fields["review_on"][1].text()
    plan.review_edit.setText("2027-01-24")
    ok(qtbot, plan)
    qtbot.waitUntil(lambda: view.goal_button.isEnabled())

    qtbot.mouseClick(view.goal_button, Qt.MouseButton.LeftButton)
    goal = view.dialog
    goal.description_edit.setText("恢复右手握力")
    goal.measure_combo.setCurrentIndex(goal.measure_combo.findData(""))  # a measure of one's own
    goal.measure_edit.setText("握力 kg")
    goal.baseline_edit.setText("8")
    goal.target_edit.setText("25")
    ok(qtbot, goal)
    qtbot.waitUntil(lambda: "恢复右手握力" in view.detail.toPlainText())

    qtbot.mouseClick(view.session_button, Qt.MouseButton.LeftButton)
    session = view.dialog
    assert not hasattr(session, "approve") and session.approve_box.parent() is None  # caseworkers cannot approve
    session.kind_edit.setText("物理治疗")
    qtbot.keyClicks(session.cost_edit, "1200")
    # Warned before saving: the cost would exceed the budget, which only a supervisor may approve.
    assert "1,200.00 over" not in session.outlook.text()
    assert "200.00 yuan over its budget of 1,000.00 yuan" in session.outlook.text()
    assert "a supervisor must book this session" in session.fields["cost"][1].text()
    assert not session.ok_button.isEnabled()
    session.cost_edit.setText("850")  # 85 % of the budget: allowed, with a warning
    assert "85 % of the budget is committed (150.00 yuan left)" in session.outlook.text()
    assert session.ok_button.isEnabled()
    session.cost_edit.setText("300")
    assert not session.outlook.isVisible()
    ok(qtbot, session)
    qtbot.waitUntil(lambda: "物理治疗" in view.detail.toPlainText())
    assert "left 700.00" in view.detail.toPlainText()
    assert not view.close_button.isEnabled()

    qtbot.mouseClick(view.rtw_button, Qt.MouseButton.LeftButton)
    rtw = view.dialog
    rtw.outcome_combo.setCurrentIndex(rtw.outcome_combo.findData("modified_job"))
    assert "is required" in rtw.fields["rtw_date"][1].text()
    assert not rtw.ok_button.isEnabled()
    rtw.date_edit.setText("2026-11-27")
    ok(qtbot, rtw)
    qtbot.waitUntil(lambda: view.close_button.isEnabled())
    assert "Back in a modified job" in view.detail.toPlainText()

    qtbot.mouseClick(view.close_button, Qt.MouseButton.LeftButton)
    close = view.dialog
    ok(qtbot, close)
    # The list shows open cases by default, so the closed one leaves it.
    qtbot.waitUntil(lambda: page.model.rowCount() == 0)
    page.status_combo.setCurrentIndex(page.status_combo.findData("closed"))
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    assert page.model.rows[0].status == "closed"


def test_claim_not_recognised_is_refused_while_typing(qtbot, env, services, cw):
    refused = decided_claim(services, cw, outcome="not_recognised")
    undecided = services.claims.create(cw, claim_draft(worker=worker_data(id_number="110105198005060125",
                                                                          name="李娜")))
    page = RehabCasesPage(env)
    qtbot.addWidget(page)
    page.open_button.click()
    dialog = page.dialog
    for claim_id in (refused, undecided):
        dialog.claim_edit.setText(claim_no(services, cw, claim_id))
        error = dialog.fields["claim_no"][1]
        qtbot.waitUntil(lambda: "no recognised or deemed work injury" in error.text())
        assert not dialog.ok_button.isEnabled()


def test_service_field_error_lands_next_to_field(qtbot, env, services, cw):
    claim_id = decided_claim(services, cw)
    page = RehabCasesPage(env)
    qtbot.addWidget(page)
    page.open_button.click()
    dialog = page.dialog
    dialog.claim_edit.setText(claim_no(services, cw, claim_id))
    dialog.provider_edit.setText("市康复医院")
    dialog.budget_edit.setText("500")
    dialog.opened_edit.setDate(dialog.opened_edit.date().addDays(-20))  # before the decision of 2026-11-20
    ok(qtbot, dialog)
    error = dialog.fields["opened_on"][1]
    qtbot.waitUntil(error.isVisible)
    assert "before the injury decision (2026-11-20)" in error.text()
    assert services.rehab.list_cases(cw) == []


def test_the_goal_chart_is_built_when_its_tab_is_first_shown_with_the_goal_chosen(qtbot, env, services, cw):
    # Qt Charts loads only for the progress tab: the Rehabilitation page opens without it (start-up).
    claim_id = decided_claim(services, cw)
    case_id = services.rehab.open_case(cw, claim_id, {"referral_type": "medical", "provider": "市康复医院",
                                                      "budget": "1000", "opened_on": "2026-11-23"})
    plan = services.rehab.add_plan(cw, case_id, {"drawn_up_on": "2026-11-24"})
    services.rehab.add_goal(cw, plan, {"description": "生活自理", "measure": "barthel", "baseline": "40",
                                       "target": "85", "target_date": "2027-02-01"})
    page = RehabCasesPage(env)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    page.table.selectRow(0)
    view = page.view
    qtbot.waitUntil(lambda: view.case is not None and view.goal_combo.count() == 1)
    assert view.chart_slot.chart is None  # the summary tab is in view: no chart yet
    view.tabs.setCurrentIndex(1)
    chart = view.chart_slot.chart
    assert chart is not None and chart.isVisible()
    assert chart.chart().title().startswith("生活自理")
    assert {y for _d, y in chart.target_points} == {Decimal(85)}


def test_the_claim_number_example_is_in_this_offices_numbering(qtbot, services, cw, tmp_path):
    # It read "e.g. GZ01-2026-…" in every office: a caseworker of another office was shown a number its
    # desktop never gives.
    from dataclasses import replace

    from tests.gui.conftest import make_env

    env = make_env(services, replace(cw, office_code="FZ03"), tmp_path)
    dialog = OpenCaseDialog(env)
    qtbot.addWidget(dialog)
    assert dialog.claim_edit.placeholderText() == f"e.g. FZ03-{env.today().year}-AA27-000001"
    env.runner.wait()
