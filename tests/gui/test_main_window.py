"""The main window: login, navigation, the status bar, and the remembered layout."""

from __future__ import annotations

from PySide6.QtCore import Qt

from injury_desk.ui.login import LoginDialog
from injury_desk.ui.main_window import MainWindow
from tests.conftest import claim_draft


def test_login_refuses_a_wrong_password_then_lets_the_user_in(qtbot, services, cw):
    dialog = LoginDialog(services)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.username, "cw")
    qtbot.keyClicks(dialog.password, "wrong-password")
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    assert dialog.actor is None
    assert "wrong password" in dialog.error.text()
    dialog.password.clear()
    qtbot.keyClicks(dialog.password, "cw-pass-123")
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    assert dialog.actor is not None and dialog.actor.username == "cw"
    assert dialog.result() == LoginDialog.DialogCode.Accepted


def test_status_bar_navigation_and_remembered_layout(qtbot, env, services, cw):
    window = MainWindow(env)
    qtbot.addWidget(window)
    window.show()
    assert "GZ01" in window.office_label.text()
    assert "Case Worker" in window.user_label.text()
    assert window.pending_label.text().endswith(": 0")
    services.claims.create(cw, claim_draft())
    env.bus.changed.emit("claims")
    assert window.pending_label.text().endswith(": 3")  # claim, worker and employer wait for sync
    qtbot.waitUntil(lambda: window.claims_page.model.rowCount() == 1)

    # Ctrl+4 opens Tasks; the page is built when first shown.
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window.claims_page.filter, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    assert window.nav.currentRow() == 3
    assert window.tasks_page.page is not None
    window.resize(701, 503)  # the offscreen screen is 800×800; restoring clamps to it
    window.close()

    again = MainWindow(env)
    qtbot.addWidget(again)
    assert (again.width(), again.height()) == (701, 503)
    assert again.nav.currentRow() == 3  # the section the user left open
