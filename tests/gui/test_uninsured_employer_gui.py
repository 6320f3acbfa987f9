"""Uninsured employers through real widgets: the employer editor's insured flag and dates (a wrong order refused as
typed), and the claim page's Uninsured employer tab: a supervisor records the fund's advance through its dialog, a
caseworker the employer's repayment, and the amount still to recover (pytest-qt, offscreen)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from injury_desk.ui.prevention.employer_dialog import EmployerDialog
from tests.gui.conftest import make_env
from tests.gui.test_claim_case_file import shown, texts
from tests.integration.test_assessment_services import appraised_claim


def test_the_employer_editor_keeps_the_insured_dates(qtbot, env, services, cw):
    claim_id = appraised_claim(services, cw, grade=8, nursing="none")
    employer = services.employers.get(cw, services.claims.get(cw, claim_id).employer.id)
    dialog = EmployerDialog(env, employer)
    qtbot.addWidget(dialog)
    dialog.open()
    assert dialog.insured_check.isChecked()  # employers are insured unless recorded otherwise
    dialog.insured_from_edit.setText("2025-01-01")
    dialog.insured_to_edit.setText("2024-12-31")
    assert not dialog.ok_button.isEnabled()  # the cover cannot end before it starts
    assert dialog.fields["insured_to"][1].text()
    dialog.insured_to_edit.setText("2026-10-31")  # ended the day before the accident of 1 November 2026
    assert dialog.ok_button.isEnabled()
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    saved = services.employers.get(cw, employer.id)
    assert (saved.insured, saved.insured_from.isoformat(), saved.insured_to.isoformat()) == (
        True, "2025-01-01", "2026-10-31")


def test_advance_and_repayment_on_the_claim_page(qtbot, env, services, cw, sup, tmp_path):
    claim_id = appraised_claim(services, cw, grade=8, nursing="none")
    employer = services.employers.get(cw, services.claims.get(cw, claim_id).employer.id)
    fields = ("name", "credit_code", "industry", "risk_class", "headcount", "address", "contact_name", "contact_phone")
    services.employers.update(cw, employer.id, {**{k: getattr(employer, k) for k in fields}, "insured": False},
                              token=employer.token)
    sup_env = make_env(services, sup, tmp_path / "sup")
    view = shown(qtbot, sup_env, services, claim_id, "advances")
    tab = view.case_tabs["advances"]
    assert "not insured" in tab.info.text() and tab.advance_button.isEnabled()
    assert not tab.recovery_button.isEnabled()  # nothing advanced, nothing to recover
    dialog = tab.record("advance")
    dialog.fields["amount"][0].setText("66,000.00")
    assert not dialog.ok_button.isEnabled()  # the payment order's reference is required
    dialog.fields["reference"][0].setText("榕社保先支〔2026〕3号")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1)
    assert "to recover from the employer: 66,000.00" in tab.totals.text()

    cw_view = shown(qtbot, env, services, claim_id, "advances")
    cw_tab = cw_view.case_tabs["advances"]
    assert not cw_tab.advance_button.isEnabled() and cw_tab.recovery_button.isEnabled()  # a supervisor decides
    repay = cw_tab.record("recovery")
    repay.fields["amount"][0].setText("30000")
    repay.fields["reference"][0].setText("单位还款 001")
    qtbot.mouseClick(repay.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not repay.isVisible())
    # 66,000.00 advanced − 30,000.00 repaid = 36,000.00 still to recover
    qtbot.waitUntil(lambda: "to recover from the employer: 36,000.00" in cw_tab.totals.text())
    assert texts(cw_tab.table, 4) == ["Super Visor", "Case Worker"]
