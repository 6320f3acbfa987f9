"""Close claim asks first, and is refused while payments are scheduled, saying which (issue 14)."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QMessageBox

from injury_desk.ui.claims.claims_page import ClaimsPage
from tests.integration.test_assessment_services import approved_claim


def test_close_claim_asks_then_says_what_is_outstanding(qtbot, env, services, cw, sup, monkeypatch):
    claim_id = approved_claim(services, cw, sup)
    page = ClaimsPage(env)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    page.select_claim(claim_id)
    qtbot.waitUntil(lambda: page.detail.claim is not None and page.detail.claim.id == claim_id)
    asked, warned = [], []
    monkeypatch.setattr(QMessageBox, "question", staticmethod(
        lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.Cancel))
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda *a, **k: warned.append(a[2])))
    page.advance("closed")
    assert asked and "cannot be reopened" in asked[0] and services.claims.get(cw, claim_id).claim_no in asked[0]
    assert not warned and services.claims.get(cw, claim_id).status == "payment"  # cancelled: nothing happened
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.StandardButton.Yes))
    page.advance("closed")
    # The refusal is the operation's failure, in one message box over the window.
    qtbot.waitUntil(lambda: bool(_refusals()))
    assert "payments are still scheduled" in _refusals()[0].text()
    assert services.claims.get(cw, claim_id).status == "payment"
    _refusals()[0].close()


def _refusals() -> list[QMessageBox]:
    return [w for w in QApplication.topLevelWidgets()
            if isinstance(w, QMessageBox) and w.objectName() == "operation_failed" and w.isVisible()]
