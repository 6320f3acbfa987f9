"""The whole rehabilitation flow through real widgets, from the claim page: open a case, plan, goal, measurements
(with the progress chart), a session and its attendance, return to work, close; and the claim's summary."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from PySide6.QtCore import QDate, Qt, QUrl

from injury_desk.ui.claims.claims_page import ClaimsPage
from injury_desk.ui.rehab.case_dialogs import OpenCaseDialog, SessionDialog
from injury_desk.ui.rehab.case_view import CaseView
from injury_desk.ui.rehab.case_window import CaseWindow
from tests.gui.test_rehab_page import decided_claim, ok


def summary(page: ClaimsPage) -> str:
    return page.detail.browser.toPlainText()


def test_from_claim_to_closed_case(qtbot, env, services, cw):
    claim_id = decided_claim(services, cw)  # decided 2026-11-20; today is 2026-11-28
    page = ClaimsPage(env)
    qtbot.addWidget(page)
    page.select_claim(claim_id)
    qtbot.waitUntil(lambda: "No rehabilitation case." in summary(page))

    # The summary's link opens the case editor with this claim filled in.
    page.detail.browser.anchorClicked.emit(QUrl("rehab-open:"))
    opening = page.detail.rehab_window
    assert isinstance(opening, OpenCaseDialog)
    qtbot.waitUntil(lambda: "张伟" in opening.claim_info.text())  # the number is looked up off the GUI thread
    assert not opening.fields["claim_no"][1].isVisible()
    opening.provider_edit.setText("市康复医院")
    opening.budget_edit.setText("2000")
    opening.opened_edit.setDate(QDate(2026, 11, 23))
    ok(qtbot, opening)
    qtbot.waitUntil(lambda: "Medical at 市康复医院" in summary(page))
    assert "Budget used: 0.00 of 2,000.00 yuan (0 %)" in summary(page)
    [case] = services.rehab.list_cases(cw)

    page.detail.browser.anchorClicked.emit(QUrl(f"rehab-case:{case.id}"))
    window = page.detail.rehab_window
    assert isinstance(window, CaseWindow)
    view: CaseView = window.view
    assert window.isVisible() and window.windowTitle() == "Rehabilitation case"  # at once, while the case is read
    qtbot.waitUntil(lambda: view.case is not None and view.case.id == case.id)
    assert window.windowTitle() == f"Rehabilitation case {case.claim_no} · 张伟"
    assert not view.goal_button.isEnabled()

    # Plan
    qtbot.mouseClick(view.plan_button, Qt.MouseButton.LeftButton)
    plan = view.dialog
    plan.drawn_up_edit.setDate(QDate(2026, 11, 24))
    plan.review_edit.setText("2026-12-20")
    ok(qtbot, plan)
    qtbot.waitUntil(view.goal_button.isEnabled)
    assert not view.measure_button.isEnabled()  # nothing to measure before a goal

    # Goal on the Barthel scale: a target outside 0..100 is refused while typing.
    qtbot.mouseClick(view.goal_button, Qt.MouseButton.LeftButton)
    goal = view.dialog
    goal.description_edit.setText("生活自理")
    goal.measure_combo.setCurrentIndex(goal.measure_combo.findData("barthel"))
    assert not goal.measure_edit.isEnabled()
    goal.baseline_edit.setText("40")
    qtbot.keyClicks(goal.target_edit, "120")
    assert "must be between 0 and 100 (got 120)" in goal.fields["target"][1].text()
    assert not goal.ok_button.isEnabled()
    goal.target_edit.setText("85")
    goal.target_date_edit.setText("2027-02-01")
    ok(qtbot, goal)
    qtbot.waitUntil(view.measure_button.isEnabled)

    # Two measurements; the chart plots them with the target line at 85.
    for day, bad, value in ((QDate(2026, 11, 26), "101", "55"), (QDate(2026, 11, 28), "6.5", "65")):
        view.tabs.setCurrentIndex(1)
        qtbot.mouseClick(view.measure_button, Qt.MouseButton.LeftButton)
        measurement = view.dialog
        assert "Baseline 40 · target 85" in measurement.goal_info.text()
        measurement.date_edit.setDate(day)
        qtbot.keyClicks(measurement.value_edit, bad)
        assert measurement.fields["value"][1].isVisible() and not measurement.ok_button.isEnabled()
        measurement.value_edit.setText(value)
        ok(qtbot, measurement)
        qtbot.waitUntil(lambda v=value: bool(view.chart.points) and view.chart.points[-1][1] == Decimal(v))
    assert view.chart.points == [(date(2026, 11, 26), Decimal(55)), (date(2026, 11, 28), Decimal(65))]
    assert {y for _d, y in view.chart.target_points} == {Decimal(85)}
    # The target line runs from before the first measurement to after the target date (2027-02-01).
    assert view.chart.target_points[0][0] < date(2026, 11, 26) and view.chart.target_points[-1][0] > date(2027, 2, 1)
    assert "2026-11-26: 55, 2026-11-28: 65" in view.measurements.text()

    # A session two days ago, then its attendance.
    qtbot.mouseClick(view.session_button, Qt.MouseButton.LeftButton)
    session = view.dialog
    session.date_edit.setDate(QDate(2026, 11, 26))
    session.kind_edit.setText("物理治疗")
    session.cost_edit.setText("400")
    ok(qtbot, session)
    qtbot.waitUntil(lambda: view.session_model.rowCount() == 1)
    view.tabs.setCurrentIndex(2)
    model = view.sessions.model()
    assert model.data(model.index(0, 3)) == "not recorded"
    assert model.data(model.index(0, 3), Qt.ItemDataRole.FontRole).bold()
    view.sessions.selectRow(0)
    assert view.attended_button.isEnabled()
    qtbot.mouseClick(view.attended_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: model.data(model.index(0, 3)) == "attended")

    # Return to work, then close.
    qtbot.mouseClick(view.rtw_button, Qt.MouseButton.LeftButton)
    rtw = view.dialog
    rtw.outcome_combo.setCurrentIndex(rtw.outcome_combo.findData("modified_job"))
    rtw.date_edit.setText("2026-11-27")
    rtw.restrictions_edit.setPlainText("不得提举10kg以上")
    ok(qtbot, rtw)
    qtbot.waitUntil(view.close_button.isEnabled)
    qtbot.mouseClick(view.close_button, Qt.MouseButton.LeftButton)
    ok(qtbot, view.dialog)
    qtbot.waitUntil(lambda: view.case is not None and view.case.status == "closed")
    assert not any(b.isEnabled() for b in view.case_buttons)
    assert "This case is closed" in view.hint.text()

    window.close()
    qtbot.waitUntil(lambda: "Closed since 2026-11-28" in summary(page))
    text = summary(page)
    assert "Return to work: Back in a modified job · 2026-11-27" in text
    assert "Budget used: 400.00 of 2,000.00 yuan (20 %)" in text
    assert "生活自理 (Barthel index): 65 on 2026-11-28, target 85" in text


def test_supervisor_approves_an_overrun(qtbot, sup_env, services, cw, sup):
    claim_id = decided_claim(services, cw)
    case_id = services.rehab.open_case(cw, claim_id, {"referral_type": "medical", "provider": "市康复医院",
                                                      "budget": "1000", "opened_on": "2026-11-21"})
    plan = services.rehab.add_plan(cw, case_id, {"drawn_up_on": "2026-11-22"})
    services.rehab.schedule_session(cw, plan, {"scheduled_on": "2026-11-23", "kind": "理疗", "cost": "900"})
    window = CaseWindow(sup_env, case_id)
    qtbot.addWidget(window)
    view = window.view
    # 900 of 1000 committed: the summary warns in words, not only in colour.
    qtbot.waitUntil(lambda: "(90 % committed)" in view.detail.toPlainText())
    dialog = view.open_editor(SessionDialog)
    dialog.kind_edit.setText("理疗")
    assert not dialog.approve_box.isEnabled()  # nothing to approve yet
    qtbot.keyClicks(dialog.cost_edit, "300")
    assert "200.00 yuan over its budget of 1,000.00 yuan" in dialog.outlook.text()
    assert dialog.approve_box.isEnabled() and not dialog.ok_button.isEnabled()
    assert "tick this to approve" in dialog.fields["approve"][1].text()
    dialog.approve_box.setChecked(True)
    ok(qtbot, dialog)
    qtbot.waitUntil(lambda: "over budget" in view.detail.toPlainText())
    assert "committed 1,200.00 · left -200.00 (over budget)" in view.detail.toPlainText()
