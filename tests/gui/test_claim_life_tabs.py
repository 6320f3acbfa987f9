"""The claim page's Dependants and Costs tabs (issue 15): entering a dependant and ending a pension through their
dialogs, the pensions of the coming months; proposing a cost, approval by another person (pytest-qt, offscreen)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.gui.test_claim_case_file import shown, texts
from tests.integration.test_dependants_register import BO, BO_ID, fatal_claim


def test_enter_a_dependant_see_the_pensions_and_end_one(qtbot, env, services, cw, sup):
    claim_id = fatal_claim(services, cw, sup)
    view = shown(qtbot, env, services, claim_id, "dependants")
    tab = view.case_tabs["dependants"]
    assert "6,000.00" in tab.info.text()  # the cap: the worker's wage base
    dialog = tab.add()
    assert not dialog.ok_button.isEnabled()  # no name, no ID number yet
    dialog.fields["name"][0].setText(BO["name"])
    for key, code in (("relation", "child"), ("condition", "child_under_age")):
        combo = dialog.fields[key][0]
        combo.setCurrentIndex(combo.findData(code))
    dialog.fields["id_number"][0].setText(BO_ID)
    dialog.fields["payee"][0].setText("李秀英")
    assert dialog.ok_button.isEnabled()
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1)
    assert texts(tab.table, 0) == ["张博"] and texts(tab.table, 3) == ["30%"]
    assert texts(tab.table, 2) == [BO_ID + "\n2015-06-01"]  # the number, the birth date under it
    assert texts(tab.table, 5) == ["2033-06-01 — Turns 18"]
    # Today is 2026-11-28: November (the month of the death) pays nothing; December 2026 to October 2027 pay
    # 30 % × 6,000 = 1,800.00 a month to the guardian.
    assert texts(tab.schedule, 0)[0] == "2026-12" and len(texts(tab.schedule, 0)) == 11
    assert set(texts(tab.schedule, 3)) == {"1,800.00"} and set(texts(tab.schedule, 2)) == {"李秀英"}

    tab.table.selectRow(0)
    end = tab.end_selected()
    combo = end.fields["ended_by"][0]
    combo.setCurrentIndex(combo.findData("adoption"))
    qtbot.mouseClick(end.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not end.isVisible())
    qtbot.waitUntil(lambda: tab.schedule_model.rowCount() == 0)  # adopted on 28 November: no pension from December
    assert texts(tab.table, 5) == ["2026-11-28 — Adopted"]


def test_a_living_workers_claim_has_no_register(qtbot, env, services, cw):
    from tests.integration.test_assessment_services import decided_claim

    view = shown(qtbot, env, services, decided_claim(services, cw), "dependants")
    tab = view.case_tabs["dependants"]
    assert not tab.add_button.isEnabled() and "died" in tab.info.text()


def test_propose_a_cost_and_a_second_person_approves_it(qtbot, env, sup_env, services, cw, sup):
    from tests.integration.test_assessment_services import decided_claim

    claim_id = decided_claim(services, cw)
    view = shown(qtbot, env, services, claim_id, "costs")
    tab = view.case_tabs["costs"]
    assert not tab.approve_button.isEnabled()  # a caseworker proposes, a supervisor approves
    dialog = tab.add()
    combo = dialog.fields["kind"][0]
    combo.setCurrentIndex(combo.findData("hospital_meal"))
    assert "Art. 30 para. 4" in dialog.basis.text() and not dialog.fields["amount"][0].isEnabled()
    dialog.fields["receipt_ref"][0].setText("出院记录 2026-8812")
    dialog.fields["days"][0].setValue(9)
    dialog.fields["daily_rate"][0].setText("35.50")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1)
    # 9 days × 35.50 = 319.50 (Art. 30 para. 4), awaiting approval
    assert texts(tab.table, 4) == ["319.50"]
    assert texts(tab.table, 5) == ["Proposed, awaiting approval\nproposed by Case Worker"]
    assert "319.50 yuan awaiting approval" in tab.totals.text()

    sup_view = shown(qtbot, sup_env, services, claim_id, "costs")
    sup_tab = sup_view.case_tabs["costs"]
    sup_tab.table.selectRow(0)
    sup_tab.approve_selected()
    qtbot.waitUntil(lambda: texts(sup_tab.table, 5) == ["Approved\nproposed by Case Worker\ndecided by Super Visor"])
    assert "319.50 yuan from the fund" in sup_tab.totals.text()
    sup_view.show_claim(services.claims.get(sup, claim_id))  # the summary's money block counts the costs too
    qtbot.waitUntil(lambda: "319.50 yuan approved from the fund, 0.00 yuan by the employer"
                    in sup_view.browser.toPlainText())

    # the supervisor's own proposal: approving it is refused, and the refusal is shown
    services.costs.propose(sup, claim_id, {"kind": "medical", "incurred_on": "2026-11-05", "receipt_ref": "F-1",
                                           "amount": "100"})
    sup_tab.show_claim(services.claims.get(sup, claim_id))
    qtbot.waitUntil(lambda: sup_tab.model.rowCount() == 2)
    sup_tab.table.select_where(lambda c: c.status == "proposed")
    sup_tab.approve_selected()
    qtbot.waitUntil(sup_tab.error.isVisible)
    assert "four-eyes" in sup_tab.error.text()


def test_the_tasks_page_warns_ahead_of_a_childs_18th_birthday(qtbot, env, services, cw, sup):
    from tests.integration.test_dependants_register import ANNA
    from injury_desk.ui.tasks_page import TasksPage

    claim_id = fatal_claim(services, cw, sup)
    services.dependants.add(cw, claim_id, ANNA)  # 18 on 2027-01-15, 48 days after today (2026-11-28)
    page = TasksPage(env)
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: page.summary.text() != "")
    texts_of = [page.deadline_model.data(page.deadline_model.index(r, 3)) for r in range(page.deadline_model.rowCount())]
    assert "A dependant's pension ends — 张安娜" in texts_of
    row = texts_of.index("A dependant's pension ends — 张安娜")
    assert page.deadline_model.data(page.deadline_model.index(row, 1)) == "2027-01-15"
    assert page.deadline_model.data(page.deadline_model.index(row, 8)).startswith("Provisions on Dependants Art. 4")


def test_record_the_end_of_the_suspension_period_and_see_its_months(qtbot, env, services, cw):
    from datetime import date

    from injury_desk.ui.widgets import to_qdate
    from tests.integration.test_assessment_services import decided_claim

    claim_id = decided_claim(services, cw)
    services.clocks.start_stop_work(cw, claim_id, {"started_on": "2026-11-01"})
    view = shown(qtbot, env, services, claim_id, "deadlines")
    tab = view.case_tabs["deadlines"]
    assert "End of the suspension period…" in [a.text() for a in tab.menu.actions()]
    dialog = tab.open_action("end_stop_work")
    dialog.fields["ended_on"][0].setDate(to_qdate(date(2026, 10, 30)))  # before the start: refused, shown
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.fields["ended_on"][1].isVisible())
    assert "before the start of the suspension period (2026-11-01)" in dialog.fields["ended_on"][1].text()
    dialog.fields["ended_on"][0].setDate(to_qdate(date(2026, 11, 20)))
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    view.show_claim(services.claims.get(cw, claim_id))
    # 1 – 20 November: 20 days of a first month, paid as a month (domain/suspension_period.py)
    assert "2026-11-01 to 2026-11-20: 1 month(s) of wages" in view.browser.toPlainText()


def test_record_a_re_appraisal_and_see_the_supersession_on_the_claim_page(qtbot, env, services, cw, sup, ctx):
    from datetime import date

    from injury_desk.ui.widgets import to_qdate
    from tests.integration.test_reappraisal import approved_grade_4

    claim_id, _first = approved_grade_4(services, cw, sup)  # grade 4, approved on 2026-11-28
    ctx.today = lambda: date(2027, 3, 10)
    view = shown(qtbot, env, services, claim_id, "deadlines")
    tab = view.case_tabs["deadlines"]
    dialog = tab.open_action("record_new_conclusion")
    combo = dialog.fields["kind"][0]
    combo.setCurrentIndex(combo.findData("reappraisal"))
    dialog.fields["requested_on"][0].setDate(to_qdate(date(2026, 12, 1)))
    dialog.fields["appraised_on"][0].setDate(to_qdate(date(2027, 1, 15)))
    assert dialog.fields["disability_grade"][0].text() == "no grade"
    dialog.fields["disability_grade"][0].setValue(3)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert services.assessments.state(cw, claim_id).reassessment_from == date(2027, 1, 15)
    services.assessments.approve(sup, services.assessments.propose(cw, claim_id, services.assessments.prefill(
        cw, claim_id)))
    view.show_claim(services.claims.get(cw, claim_id))
    qtbot.waitUntil(lambda: "superseded from" in view.browser.toPlainText())  # the money block follows the facts
    summary = view.browser.toPlainText()
    # the grade 4 assessment stays as it was, superseded; the grade 3 one settles 2 months × 300 and 12,000
    assert "126,000.00 yuan once, 4,500.00 yuan a month; superseded from 2027-01-15" in summary
    assert "Monthly disability allowance: 600.00 yuan (2 month(s) × 300.00)" in summary
    assert "One-time disability subsidy: 12,000.00 yuan" in summary


def test_the_assessment_page_proposes_the_superseding_assessment(qtbot, env, sup_env, services, cw, sup, ctx):
    from datetime import date

    from tests.gui.test_assessment_dialog import click, open_dialog
    from tests.integration.test_reappraisal import approved_grade_4

    claim_id, first = approved_grade_4(services, cw, sup)
    ctx.today = lambda: date(2027, 3, 10)
    services.reappraisals.record_conclusion(cw, claim_id, {"kind": "reappraisal", "requested_on": "2026-12-01",
                                                           "appraised_on": "2027-01-15", "disability_grade": 3})
    dialog = open_dialog(qtbot, env, claim_id)
    assert "supersedes this one from 2027-01-15" in dialog.guidance.text()
    assert dialog.grade.text() == "3"  # the new conclusion's grade, not the approved inputs
    click(qtbot, dialog.propose_button)
    qtbot.waitUntil(lambda: dialog.stored is not None and dialog.stored.status == "proposed")
    assert dialog.stored.supersedes_id == first
    approver = open_dialog(qtbot, sup_env, claim_id)
    click(qtbot, approver.approve_button)
    qtbot.waitUntil(lambda: approver.stored is not None and approver.stored.status == "approved")
    assert approver.stored.effective_from == date(2027, 1, 15) and len(approver.stored.settlement) == 2
