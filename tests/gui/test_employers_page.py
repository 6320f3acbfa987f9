"""Prevention → Employers, driven through real widgets: live rules in the editor, saving, the list and overview."""

from __future__ import annotations

from PySide6.QtCore import Qt

from injury_desk.ui.prevention.employer_dialog import EmployerDialog
from injury_desk.ui.prevention.employers_page import EmployersPage
from injury_desk.ui.prevention.headcount_dialog import HeadcountDialog
from tests.conftest import employer_data
from tests.support.gui_waits import opened

GOOD_CODE = "91350100M000100Y43"
BAD_CODE = "91350100M000100Y44"


def names(page: EmployersPage) -> list[str]:
    return [page.model.rows[r].name for r in range(page.model.rowCount())]


def test_bad_credit_code_shows_rule_and_keeps_ok_disabled_then_saves(qtbot, env):
    page = EmployersPage(env)
    qtbot.addWidget(page)
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    assert isinstance(dialog, EmployerDialog)
    assert not dialog.ok_button.isEnabled()  # an empty form is not valid

    dialog.name_edit.insert("闽侯示例建材有限公司")  # QTest types ASCII only
    dialog.risk_combo.setCurrentIndex(dialog.risk_combo.findData(4))
    qtbot.keyClicks(dialog.credit_code_edit, BAD_CODE)
    error = dialog.fields["credit_code"][1]
    assert error.isVisible()
    assert "check character" in error.text() and "GB 32100" in error.text()
    assert not dialog.ok_button.isEnabled()

    dialog.credit_code_edit.clear()
    qtbot.keyClicks(dialog.credit_code_edit, GOOD_CODE.lower())  # typed in lower case, stored upper
    assert not error.isVisible()
    qtbot.keyClicks(dialog.headcount_edit, "-3")
    assert "between 0 and" in dialog.fields["headcount"][1].text()
    assert not dialog.ok_button.isEnabled()
    dialog.headcount_edit.setText("85")
    assert dialog.ok_button.isEnabled()

    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "闽侯示例建材有限公司" in names(page))
    [saved] = [r for r in page.model.rows if r.name == "闽侯示例建材有限公司"]
    assert saved.credit_code == GOOD_CODE and saved.risk_class == 4 and saved.headcount == 85
    # Lists mask the code: only the first and last four characters show.
    shown = page.model.data(page.model.index(page.model.rows.index(saved), 1))
    assert shown.startswith("9135") and shown.endswith("0Y43") and "*" in shown


def test_edit_and_taken_code_is_shown_next_to_field(qtbot, env, services, cw):
    services.employers.create(cw, employer_data())
    other = services.employers.create(cw, employer_data(credit_code="91350100M000200Y3P", name="另一家公司"))
    page = EmployersPage(env)
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: page.table.select_where(lambda e: e.id == other))
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Return)  # Enter opens the editor, once the employer is read
    dialog = opened(qtbot, page, EmployerDialog)
    assert dialog.name_edit.text() == "另一家公司"
    dialog.credit_code_edit.setText(GOOD_CODE)  # belongs to the first employer
    assert dialog.ok_button.isEnabled()  # only the service knows it is taken
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    error = dialog.fields["credit_code"][1]
    qtbot.waitUntil(lambda: error.isVisible())
    assert "already registered" in error.text()
    assert dialog.isVisible()

    dialog.credit_code_edit.setText("91350100M000200Y3P")
    dialog.headcount_edit.setText("7")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: services.employers.get(cw, other).headcount == 7)
    qtbot.waitUntil(lambda: any(r.id == other and r.headcount == 7 for r in page.model.rows))


def test_search_and_filters(qtbot, env, services, cw):
    services.employers.create(cw, employer_data())
    services.employers.create(cw, employer_data(credit_code="91350100M000200Y3P", name="榕城物流公司",
                                                industry="交通运输业", risk_class=5))
    page = EmployersPage(env)
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: sorted(names(page)) == sorted(["福州示例机械有限公司", "榕城物流公司"]))
    qtbot.waitUntil(lambda: page.industry_combo.findData("制造业") >= 0)
    page.search_edit.insert("物流")
    qtbot.waitUntil(lambda: names(page) == ["榕城物流公司"])
    page.search_edit.clear()
    qtbot.waitUntil(lambda: len(names(page)) == 2)
    page.industry_combo.setCurrentIndex(page.industry_combo.findData("制造业"))
    qtbot.waitUntil(lambda: names(page) == ["福州示例机械有限公司"])
    page.industry_combo.setCurrentIndex(0)
    page.risk_combo.setCurrentIndex(page.risk_combo.findData(5))
    qtbot.waitUntil(lambda: names(page) == ["榕城物流公司"])
    assert page.count_label.text() == "1 employer(s)"


def test_overview_shows_counts_and_claims(qtbot, env, services, cw):
    from injury_desk.ui.messages import status_label
    from tests.conftest import claim_draft
    claim_id = services.claims.create(cw, claim_draft())
    page = EmployersPage(env)
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: page.table.select_where(lambda e: e.name == "福州示例机械有限公司"))
    qtbot.waitUntil(lambda: "Claims (1)" in page.detail.toPlainText())  # the overview is read off the GUI thread
    text = page.detail.toPlainText()
    assert "Claims (1)" in text and "张伟" in text
    assert "Open hazards (0)" in text
    status = services.claims.get(cw, claim_id).status
    # the claims list's word ("Application received"), not the stored key ("application_received")
    assert text.splitlines()[-1].endswith(f"· {status_label(status)}") and status not in text


def test_inspect_button_opens_the_wizard_for_the_employer(qtbot, env, services, cw):
    from injury_desk.ui.prevention.inspection_wizard import InspectionWizard

    services.employers.create(cw, employer_data())
    other = services.employers.create(cw, employer_data(credit_code="91350100M000200Y3P", name="另一家公司"))
    page = EmployersPage(env)
    qtbot.addWidget(page)
    assert not page.inspect_button.isEnabled()  # nothing selected yet
    qtbot.waitUntil(lambda: page.table.select_where(lambda e: e.id == other))
    qtbot.mouseClick(page.inspect_button, Qt.MouseButton.LeftButton)
    wizard = page.dialog
    assert isinstance(wizard, InspectionWizard)
    qtbot.waitUntil(lambda: wizard.plan_page.employer_combo.currentData() == other)  # once employers are read
    assert wizard.plan_page.employer_combo.currentText() == "另一家公司"


def test_overview_shows_injury_rates_per_100_workers(qtbot, env, services, cw):
    from tests.conftest import claim_draft

    # One claim in 2026 (no determination yet: pending) and one accident with 12 days lost. 2026 has 120 workers
    # recorded, 2025 none: pending 1 × 100 / 120 = 0.83 (0.8333… rounded half up), accidents 0.83, recognised 0.00.
    # 2025 has no headcount and one near miss: no rate, the near miss is said to be left out.
    services.claims.create(cw, claim_draft())
    [employer] = services.employers.search(cw, "")
    services.headcounts.record(cw, employer.id, {"year": 2026, "headcount": 120, "source": "参保人数"})
    services.incidents.add_incident(cw, {"employer_id": employer.id, "kind": "accident",
                                          "occurred_on": "2026-10-01", "days_lost": 12})
    services.incidents.add_incident(cw, {"employer_id": employer.id, "kind": "near_miss",
                                          "occurred_on": "2025-10-01", "days_lost": 0})
    page = EmployersPage(env)
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: page.table.select_where(lambda e: e.id == employer.id))
    qtbot.waitUntil(lambda: "Injury rates per 100 workers" in page.detail.toPlainText())
    text = page.detail.toPlainText()
    assert "Injury rates per 100 workers, on each year's headcount" in text
    assert ("2026: 120 workers; recognised injuries 0.00 (0), pending 0.83 (1), not recognised 0.00 (0); "
            "accidents 0.83 (1), near misses 0.00 (0); 12 day(s) lost") in text
    assert "2025: no headcount recorded, so no rate (0 claim(s) and 1 incident(s) left out)" in text
    assert "2024:" not in text  # nothing to count and no headcount: no line


def test_headcounts_by_year_are_recorded_corrected_and_removed(qtbot, env, services, cw):
    employer_id = services.employers.create(cw, employer_data())
    page = EmployersPage(env)
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: page.table.select_where(lambda e: e.id == employer_id))
    qtbot.mouseClick(page.headcount_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    assert isinstance(dialog, HeadcountDialog)
    assert not dialog.ok_button.isEnabled()  # no workers and no source yet
    dialog.year_spin.setValue(2025)
    dialog.headcount_spin.setValue(80)
    dialog.source_edit.insert("企业年报")
    qtbot.waitUntil(dialog.ok_button.isEnabled)  # once the recorded years are read (none)
    assert dialog.ok_button.text() == "Record year"
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert [(h.year, h.headcount, h.source) for h in services.headcounts.list(cw, employer_id)] == [(2025, 80, "企业年报")]
    # Choosing a recorded year loads its figure and corrects it.
    qtbot.mouseClick(page.headcount_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    qtbot.waitUntil(lambda: dialog.table.select_where(lambda h: h.year == 2025))
    assert (dialog.headcount_spin.value(), dialog.source_edit.text(), dialog.ok_button.text()) == (
        80, "企业年报", "Correct year")
    dialog.headcount_spin.setValue(85)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert [h.headcount for h in services.headcounts.list(cw, employer_id)] == [85]
    qtbot.mouseClick(page.headcount_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    qtbot.waitUntil(lambda: dialog.table.select_where(lambda h: h.year == 2025))
    qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 0)
    assert services.headcounts.list(cw, employer_id) == []
    dialog.reject()


def test_overview_names_states_severities_and_kinds_as_the_lists_do(qtbot, env, services, cw):
    # The overview once had its own lower-case words ("done", "high", "near miss") beside the lists' "Done", "High",
    # "Near miss": one catalogue now gives both.
    employer_id = services.employers.create(cw, employer_data())
    inspection = services.inspections.plan_inspection(cw, {"employer_id": employer_id, "planned_on": "2026-11-02"})
    services.inspections.record_inspection(cw, inspection, {"inspected_on": "2026-11-02", "summary": "ok"})
    services.inspections.add_hazard(cw, inspection, {"category": "机械防护", "severity": "high"})
    services.incidents.add_incident(cw, {"employer_id": employer_id, "kind": "near_miss", "occurred_on": "2026-10-01",
                                          "days_lost": 0})
    page = EmployersPage(env)
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: page.table.select_where(lambda e: e.id == employer_id))
    qtbot.waitUntil(lambda: "Open hazards (1)" in page.detail.toPlainText())
    lines = page.detail.toPlainText().splitlines()
    assert "2026-11-02: Done, 1 open of 1 hazard(s)" in lines
    assert "High: 机械防护 at —" in lines
    assert "2026-10-01: Near miss, —, 0 day(s) lost" in lines
