"""File → Export database key…: only administrators see it; the dialog warns first and writes the file."""

from __future__ import annotations

import json

from PySide6.QtWidgets import QMenu, QMessageBox

from injury_desk.store import db_key
from injury_desk.ui.key_export_dialog import KeyExportDialog
from injury_desk.ui.main_window import MainWindow
from tests.gui.conftest import make_env


def _menu_actions(window: MainWindow) -> set[str]:
    return {a.objectName() for menu in window.menuBar().findChildren(QMenu) for a in menu.actions()}


def test_only_an_administrator_gets_the_menu_entry(qtbot, services, adm, cw, tmp_path):
    for actor, expected in ((adm, True), (cw, False)):
        env = make_env(services, actor, tmp_path / actor.username)
        window = MainWindow(env)
        qtbot.addWidget(window)
        assert ("export_key_action" in _menu_actions(window)) is expected
        env.runner.wait()


def test_the_dialog_says_what_losing_both_means_refuses_a_short_passphrase_then_exports(
        qtbot, services, adm, db, tmp_path, monkeypatch):
    env = make_env(services, adm, tmp_path)
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _parent, _title, text: told.append(text))
    dialog = KeyExportDialog(env)
    qtbot.addWidget(dialog)
    assert "both the key in the keyring and this export are lost, the data is lost" in dialog.warning.text()
    target = tmp_path / "office-key.json"
    dialog.file_edit.setText(str(target))
    dialog.passphrase.setText("short")
    dialog.repeated.setText("short")
    dialog.export_button.click()
    qtbot.waitUntil(lambda: dialog.error.text() != "", timeout=10_000)
    assert "12" in dialog.error.text() and not target.exists()
    dialog.passphrase.setText("a long enough passphrase")
    dialog.repeated.setText("a long enough passphrase")
    dialog.export_button.click()
    qtbot.waitUntil(lambda: dialog.written is not None, timeout=20_000)
    assert json.loads(target.read_text())["key_id"] == db_key.read_key_id(db.path)
    assert told and str(target) in told[0] and "loses the data" in told[0]
    env.runner.wait()


def test_the_suggested_file_is_shown_whole_in_chinese(qtbot, services, adm, tmp_path, zh_cn):
    """The Chinese dialog is narrower (its labels are shorter): the suggested path still shows from its folder to
    its name, not scrolled to "/injury-desk-key.json"."""
    env = make_env(services, adm, tmp_path)
    dialog = KeyExportDialog(env)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    edit = dialog.file_edit
    assert edit.cursorRect().right() < edit.width()  # the caret after the last character is inside the field
    assert edit.contentsRect().width() >= edit.fontMetrics().horizontalAdvance(edit.text())
    env.runner.wait()
