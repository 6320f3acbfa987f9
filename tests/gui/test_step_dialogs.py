"""A claim taken through its lifecycle by the claim pane's "Do next step" button and the dialog each step opens
(acceptance, the injury determination with its legal basis, the appraisal request and conclusion), as a
caseworker does it: the real button, the modal dialog's widgets, its Save button (pytest-qt, offscreen)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QComboBox, QDialog, QDialogButtonBox, QSpinBox

from injury_desk.ui.claims.claims_page import ClaimsPage
from injury_desk.ui.operations import running
from tests.conftest import claim_draft


def _page(qtbot, env, claim_id: str) -> ClaimsPage:
    page = ClaimsPage(env)
    qtbot.addWidget(page)
    page.resize(1366, 740)
    page.show()
    qtbot.waitUntil(lambda: page.detail is not None and page.model.rowCount() == 1)
    page.select_claim(claim_id)
    qtbot.waitUntil(lambda: page.detail.claim is not None and page.detail.claim.id == claim_id)
    return page


def _do_step(qtbot, page: ClaimsPage, fill: Callable[[QDialog], None]) -> list[str]:
    """Clicks "Do next step", lets ``fill`` set the modal dialog's fields, clicks Save; returns the dialog's title
    (empty when no dialog opened). A dialog left open after a failure is closed, so the test fails, never hangs."""
    seen: list[str] = []

    def handle() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(20, handle)
            return
        seen.append(dialog.windowTitle())
        try:
            fill(dialog)
            save = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save)
            qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
        except BaseException:
            dialog.reject()
            raise

    QTimer.singleShot(0, handle)
    before = page.detail.claim.next_step
    qtbot.mouseClick(page.detail.step_button, Qt.MouseButton.LeftButton)  # returns when the dialog has closed
    qtbot.waitUntil(lambda: running() == 0)
    qtbot.waitUntil(lambda: page.detail.claim is not None and page.detail.claim.next_step != before)
    return seen


def _combo(dialog: QDialog, name: str | None = None, index: int = 0) -> QComboBox:
    boxes = [dialog.findChild(QComboBox, name)] if name else dialog.findChildren(QComboBox)
    return boxes[index]


def test_a_claim_goes_from_acceptance_to_the_appraisal_through_the_step_dialogs(qtbot, env, services, cw):
    claim_id = services.claims.create(cw, claim_draft())  # received 2026-11-10; today is 2026-11-28
    page = _page(qtbot, env, claim_id)
    assert page.detail.claim.next_step == "next.accept_application"
    assert page.detail.step_button.isVisible()

    assert _do_step(qtbot, page, lambda d: None) == ["Accept the application"]
    assert services.claims.get(cw, claim_id).status == "determination"

    chosen: dict[str, list[str]] = {}

    def decide(dialog: QDialog) -> None:
        outcome, basis = _combo(dialog, index=0), _combo(dialog, "basis_code")
        # The legal basis follows the outcome: Art. 14 items for a recognition, Art. 16 (or none) for a refusal.
        outcome.setCurrentIndex(outcome.findData("not_recognised"))
        chosen["not_recognised"] = [basis.itemData(i) for i in range(basis.count())]
        outcome.setCurrentIndex(outcome.findData("recognised"))
        chosen["recognised"] = [basis.itemText(i) for i in range(basis.count())]
        basis.setCurrentIndex(basis.findData("art14_1"))

    assert _do_step(qtbot, page, decide) == ["Record the injury determination"]
    assert chosen["recognised"][0].startswith("Art. 14 (1): injured in an accident at work")
    assert all(text.startswith("Art. 14 (") for text in chosen["recognised"])
    assert chosen["not_recognised"][-1] == "none" and "art14_1" not in chosen["not_recognised"]
    claim = services.claims.get(cw, claim_id)
    assert claim.next_step == "next.request_appraisal"  # the status stays "determination" until it is requested
    assert claim.determination["outcome"] == "recognised" and claim.determination["basis_code"] == "art14_1"

    assert _do_step(qtbot, page, lambda d: None) == ["Request the disability appraisal"]
    assert services.claims.get(cw, claim_id).next_step == "next.record_appraisal"

    def appraise(dialog: QDialog) -> None:
        dialog.findChild(QSpinBox).setValue(7)
        nursing = _combo(dialog, index=0)
        nursing.setCurrentIndex(nursing.findData("none"))

    assert _do_step(qtbot, page, appraise) == ["Record the appraisal conclusion"]
    claim = services.claims.get(cw, claim_id)
    assert claim.appraisal["disability_grade"] == 7
    assert page.detail.claim.next_step == claim.next_step != "next.record_appraisal"
