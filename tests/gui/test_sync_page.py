"""Sync: the page counts and lists exactly the local changes waiting to be sent."""

from __future__ import annotations

from PySide6.QtCore import Qt

from injury_desk.ui.prevention.employers_page import EmployersPage
from injury_desk.ui.sync_page import SyncPage


def test_count_matches_pending_changes_after_saving(qtbot, env, services, cw):
    page = SyncPage(env)
    qtbot.addWidget(page)
    before = services.outbox.pending_count(cw)
    assert page.pending_model.rowCount() == before
    assert "not yet enrolled" in page.enrolment.text()

    employers = EmployersPage(env)
    qtbot.addWidget(employers)
    employers.new_employer()
    dialog = employers.dialog
    dialog.name_edit.setText("福州示例机械有限公司")
    dialog.credit_code_edit.setText("91350100M000100Y43")
    dialog.risk_combo.setCurrentIndex(dialog.risk_combo.findData(3))
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.pending_model.rowCount() > before)

    count = services.outbox.pending_count(cw)
    assert count == page.pending_model.rowCount() == page.pending_count
    assert page.pending_label.text().startswith(f"{count} local change")
    tables = {c.table for c in page.pending_model.rows}
    assert "employers" in tables
    model = page.pending.model()
    ops = {model.data(model.index(r, 2)) for r in range(model.rowCount())}
    assert "new" in ops
    assert "ago" in page.oldest_label.text()
    assert page.rejected_model.rowCount() == 0
    assert "(0)" in page.rejected_title.text()


def test_empty_outbox_says_nothing_waits(qtbot, env, services, cw, monkeypatch):
    monkeypatch.setattr(services.outbox, "pending_count", lambda actor: 0)
    monkeypatch.setattr(services.outbox, "oldest_pending", lambda actor: None)
    monkeypatch.setattr(services.outbox, "list", lambda actor, state="pending": [])
    page = SyncPage(env)
    qtbot.addWidget(page)
    assert page.pending_label.text() == "0 local change(s) not yet synced"
    assert page.oldest_label.text() == "Nothing is waiting."
