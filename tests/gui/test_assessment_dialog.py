"""The Assessment page driven with real widgets: calculate, propose, four-eyes refusal, approve, pay."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QLineEdit

from injury_desk.ui.claims.assessment_dialog import AssessmentDialog
from tests.gui.test_claims_wizard import settle, type_into
from tests.integration.test_assessment_services import appraised_claim, decided_claim, with_wages


def open_dialog(qtbot, env, claim_id) -> AssessmentDialog:
    dialog = AssessmentDialog(env, claim_id)
    qtbot.addWidget(dialog)
    dialog.resize(1100, 750)
    dialog.show()
    settle(qtbot)  # the claim's state, assessment and payments are read off the GUI thread
    return dialog


def opened_as_it_opens(qtbot, env, services) -> AssessmentDialog:
    """The dialog of an appraised grade 7 claim with its wages, at the size it opens at (not resized), read."""
    claim_id = appraised_claim(services, env.actor, grade=7)
    with_wages(services, env.actor, claim_id)
    dialog = AssessmentDialog(env, claim_id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(dialog.calculate_button.isEnabled)  # once the claim is read (off the GUI thread)
    return dialog


def click(qtbot, button) -> None:
    assert button.isVisible() and button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_propose_refused_self_approval_then_supervisor_approves(qtbot, env, sup_env, services):
    claim_id = appraised_claim(services, env.actor, grade=4, nursing="partial")
    with_wages(services, env.actor, claim_id)

    dialog = open_dialog(qtbot, env, claim_id)
    assert dialog.wage_table.item(0, 1).text() == "5800.00"  # pre-filled from the wage records
    assert dialog.grade.text() == "4" and not dialog.approve_button.isVisible()

    # The caseworker corrects October's wage, adds suspension months and calculates: nothing is saved yet.
    dialog.wage_table.item(11, 1).setText("")
    dialog.wage_table.editItem(dialog.wage_table.item(11, 1))
    editor = dialog.wage_table.findChild(QLineEdit)
    type_into(qtbot, editor, "6200")
    assert editor.text() == "6200"
    qtbot.keyClick(editor, Qt.Key.Key_Tab)  # leaving the cell commits the edit
    assert dialog.wage_table.item(11, 1).text() == "6200"
    dialog.suspension.setValue(6)
    settle(qtbot)
    click(qtbot, dialog.calculate_button)
    qtbot.waitUntil(lambda: dialog.item_table.rowCount() == 5 or dialog.message.isVisible())
    assert not dialog.message.isVisible(), dialog.message.text()
    assert dialog.tabs.currentIndex() == 1
    labels = [dialog.item_table.item(r, 0).text() for r in range(5)]
    assert labels[:2] == ["Wage base (average monthly wage)", "One-time disability subsidy"]
    assert dialog.item_table.item(1, 1).text() == "126,000.00"
    assert dialog.item_table.item(1, 5).text() == "21 months × 6,000.00 wage base = 126,000.00"
    assert "Art. 35" in dialog.item_table.item(1, 4).text()
    dialog.item_table.selectRow(1)
    assert "21 months × 6,000.00 wage base = 126,000.00" in dialog.details.toPlainText()
    assert "162,000.00" in dialog.totals.text()
    assert services.assessments.get(env.actor, claim_id) is None

    click(qtbot, dialog.propose_button)
    qtbot.waitUntil(lambda: dialog.stored is not None and dialog.stored.status == "proposed")
    assert services.claims.get(env.actor, claim_id).status == "assessment"
    assert "waiting for a supervisor" in dialog.guidance.text()
    assert not dialog.propose_button.isEnabled() and not dialog.wage_table.isEnabled()

    # A caseworker may not approve: the button says so before any click, in words, not as a key (issue 14).
    assert dialog.approve_button.isVisible() and not dialog.approve_button.isEnabled()
    assert dialog.approve_button.toolTip() == "your role (Caseworker) may not approve benefit assessments"
    assert services.assessments.get(env.actor, claim_id).status == "proposed"

    # A supervisor opens the same claim and approves it.
    sup_dialog = open_dialog(qtbot, sup_env, claim_id)
    assert sup_dialog.item_table.rowCount() == 5  # the stored figures, not a recalculation
    assert sup_dialog.return_button.isVisible()
    click(qtbot, sup_dialog.approve_button)
    qtbot.waitUntil(lambda: sup_dialog.stored.status == "approved")
    assert services.claims.get(env.actor, claim_id).status == "payment"
    assert "Approved by Super Visor" in sup_dialog.guidance.text()
    assert not sup_dialog.approve_button.isVisible()
    assert sup_dialog.payment_table.rowCount() == 26
    assert sup_dialog.tabs.tabText(2) == "&Payments (26)"

    # Record the first payment through its dialog.
    sup_dialog.tabs.setCurrentIndex(2)
    sup_dialog.payment_table.selectRow(0)
    click(qtbot, sup_dialog.record_payment_button)
    pay = sup_dialog.payment_dialog
    type_into(qtbot, pay.reference, "BANK-2026-001")
    pay.accept()
    qtbot.waitUntil(lambda: sup_dialog.payments[0].status == "paid")
    assert sup_dialog.payment_table.item(0, 6).text() == "BANK-2026-001"
    assert sup_dialog.payment_table.item(0, 4).text() == "Paid"


def test_supervisor_who_proposed_cannot_approve_and_returns_instead(qtbot, sup_env, services):
    claim_id = appraised_claim(services, sup_env.actor)
    with_wages(services, sup_env.actor, claim_id)
    dialog = open_dialog(qtbot, sup_env, claim_id)
    click(qtbot, dialog.propose_button)
    qtbot.waitUntil(lambda: dialog.stored is not None)
    # Disabled before any click, saying why (the four-eyes rule), instead of enabled and then refused.
    assert dialog.approve_button.isVisible() and not dialog.approve_button.isEnabled()
    assert "four-eyes" in dialog.approve_button.toolTip()

    click(qtbot, dialog.return_button)
    ret = dialog.return_dialog
    ok = ret.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()  # a reason is required
    type_into(qtbot, ret.reason, "十月工资有误")
    click(qtbot, ok)
    qtbot.waitUntil(lambda: dialog.stored.status == "returned")
    assert "十月工资有误" in dialog.guidance.text()
    assert dialog.propose_button.isEnabled() and dialog.wage_table.isEnabled()


def test_guidance_names_what_is_missing(qtbot, env, services):
    claim_id = decided_claim(services, env.actor)
    dialog = open_dialog(qtbot, env, claim_id)
    assert "appraisal" in dialog.guidance.text()
    assert not dialog.propose_button.isEnabled()
    # wages missing: the engine's error names the field in words
    click(qtbot, dialog.calculate_button)
    qtbot.waitUntil(lambda: dialog.message.isVisible())
    assert "Monthly wages" in dialog.message.text()


def test_the_parameters_fit_the_dialog_as_it_opens(qtbot, env, services):
    # At its old 900 px the English parameters ("Employer cannot arrange suitable work (grades 5-6)", the region's
    # name) scrolled sideways; the region box names the region, its code stays in the document.
    from PySide6.QtWidgets import QScrollBar

    dialog = opened_as_it_opens(qtbot, env, services)
    settle(qtbot)
    assert not [b for b in dialog.findChildren(QScrollBar) if b.orientation() == Qt.Orientation.Horizontal
                and b.isVisible()]
    region = dialog.wages_tab.region
    assert region.currentText() == "Example Province (illustrative figures, not official)"
    assert region.currentData() == "example"
    assert region.itemData(region.currentIndex(), Qt.ItemDataRole.ToolTipRole) == "example"
