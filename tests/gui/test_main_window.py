"""The main window: login, navigation, the status bar, and the remembered layout."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from injury_desk.ui.login import LoginDialog
from injury_desk.ui.main_window import MainWindow
from tests.conftest import claim_draft
from injury_desk.ui.operations import Changes


def test_login_refuses_a_wrong_password_then_lets_the_user_in(qtbot, services, cw):
    dialog = LoginDialog(services)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.username, "cw")
    qtbot.keyClicks(dialog.password, "wrong-password")
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "wrong password" in dialog.error.text())
    assert dialog.actor is None
    dialog.password.clear()
    qtbot.keyClicks(dialog.password, "cw-pass-123")
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.actor is not None)
    assert dialog.actor.username == "cw"
    assert dialog.result() == LoginDialog.DialogCode.Accepted


def test_status_bar_navigation_and_remembered_layout(qtbot, env, services, cw):
    window = MainWindow(env)
    qtbot.addWidget(window)
    window.show()
    assert "GZ01" in window.office_label.text()
    assert "Case Worker" in window.user_label.text()
    qtbot.waitUntil(lambda: window.pending_label.text().endswith(": 0"))
    services.claims.create(cw, claim_draft())
    env.bus.changed.emit(Changes(claims=True))
    qtbot.waitUntil(lambda: window.pending_label.text().endswith(": 3"))  # claim, worker and employer wait for sync
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


# ---------------------------------------------------------------------------- start-up from the quick start


def _three_claims(services, cw) -> dict[str, str]:
    """claim id by accident date, for one worker"""
    return {day: services.claims.create(cw, claim_draft(accident_date=day, applicant_type="worker"))
            for day in ("2026-10-01", "2026-11-01", "2026-09-15")}


def _claim_numbers(window) -> list[str]:
    model = window.claims_page.model
    return [model.index(row, 0).data() for row in range(model.rowCount())]


def test_the_window_shows_the_list_first_and_the_full_services_follow_without_a_jump(qtbot, db, services, cw):
    from injury_desk.ui.app import start_main_window

    claims = _three_claims(services, cw)
    number = {day: services.claims.get(cw, claim_id).claim_no for day, claim_id in claims.items()}
    window = start_main_window(db.path.parent, "cw", "cw-pass-123")
    qtbot.addWidget(window)
    page = window.claims_page
    resets = []
    page.model.modelReset.connect(lambda: resets.append(True))

    assert window.isVisible() and not window.env.services_ready
    assert _claim_numbers(window) == [number["2026-11-01"], number["2026-10-01"], number["2026-09-15"]]
    assert page.model.index(0, 2).data() == "110105********002X"
    assert "GZ01" in window.office_label.text() and "Case Worker" in window.user_label.text()
    assert page.detail is None and window.pending_label.text() == ""

    qtbot.waitExposed(window)
    list_width = page.table.width()
    qtbot.waitUntil(lambda: window.env.services_ready)  # opened once the window has been painted
    qtbot.waitUntil(lambda: window.pending_label.text().startswith("Unsynced changes: "))
    assert resets == []  # the rows on the screen stay as they are
    assert page.table.width() == list_width  # the detail view takes the place kept for it
    assert page.detail.isVisible()

    # Selection and sorting work as ever, now through the full services.
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton,
                     pos=page.table.visualRect(page.model.index(1, 0)).center())
    qtbot.waitUntil(lambda: number["2026-10-01"] in page.detail.browser.toPlainText())
    qtbot.mouseClick(page.table.horizontalHeader().viewport(), Qt.MouseButton.LeftButton,
                     pos=_header_center(page.table, 4))  # accident date: newest first becomes oldest first
    qtbot.waitUntil(lambda: _claim_numbers(window) == [
        number["2026-09-15"], number["2026-10-01"], number["2026-11-01"]])
    window.close()
    window.env.close()


def _header_center(table, section: int):
    from PySide6.QtCore import QPoint

    header = table.horizontalHeader()
    return QPoint(header.sectionViewportPosition(section) + header.sectionSize(section) // 2, header.height() // 2)


def test_a_user_quicker_than_the_start_up_gets_the_claim_once_the_services_are_up(qtbot, db, services, cw):
    from injury_desk.ui.app import start_main_window

    claims = _three_claims(services, cw)
    window = start_main_window(db.path.parent, "cw", "cw-pass-123")
    qtbot.addWidget(window)
    assert not window.env.services_ready
    window.claims_page.select_claim(claims["2026-09-15"])  # before the first paint: the services open off the GUI thread
    assert window.claims_page.current_claim_id() == claims["2026-09-15"]  # its row is already in the list
    number = services.claims.get(cw, claims["2026-09-15"]).claim_no
    qtbot.waitUntil(lambda: window.claims_page.detail is not None
                    and number in window.claims_page.detail.browser.toPlainText())
    assert window.env.services_ready
    window.close()
    window.env.close()


def test_a_wrong_password_shows_no_window(qtbot, db):
    from PySide6.QtWidgets import QApplication

    from injury_desk.domain.errors import DomainError
    from injury_desk.ui.app import start_main_window

    for username, password in (("cw", "wrong-password"), ("nobody", "cw-pass-123")):
        with pytest.raises(DomainError) as caught:
            start_main_window(db.path.parent, username, password)
        assert caught.value.key == "auth.invalid_credentials"
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]


def test_the_login_dialog_works_from_the_quick_start(qtbot, db):
    from injury_desk.services.quick_start import QuickStart

    quick = QuickStart.open(db.path.parent)
    dialog = LoginDialog(quick)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.enrol_button.isVisible()
    qtbot.keyClicks(dialog.username, "cw")
    qtbot.keyClicks(dialog.password, "wrong-password")
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "wrong password" in dialog.error.text())
    assert dialog.actor is None
    dialog.password.clear()
    qtbot.keyClicks(dialog.password, "cw-pass-123")
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.actor is not None)
    assert dialog.actor.office_code == "GZ01"
    quick.close()


def test_if_the_full_services_cannot_open_after_the_first_paint_the_user_is_told(qtbot, db, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from injury_desk.domain.errors import DomainError
    from injury_desk.ui.app import start_main_window

    window = start_main_window(db.path.parent, "cw", "cw-pass-123")
    qtbot.addWidget(window)
    told = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _parent, title, text: told.append((title, text)))

    def broken():
        raise DomainError("store.damaged", path="injury_desk.sqlite3", detail="disk I/O error")

    monkeypatch.setattr(window.env.quick, "open_services", broken)
    qtbot.waitUntil(lambda: bool(told))
    assert told == [("Cannot open the database", "The database injury_desk.sqlite3 is damaged (disk I/O error). "
                                                 "It was left untouched: restore a backup.")]
    assert not window.isVisible()
    window.env.close()


def test_a_data_folder_that_cannot_be_written_is_told_in_a_window_not_only_on_a_terminal(qtbot, tmp_path,
                                                                                         monkeypatch):
    # Started from the Start menu there is no terminal: before, the refusal (then a traceback) was seen nowhere.
    from PySide6.QtWidgets import QMessageBox

    from injury_desk.domain.errors import DomainError
    from injury_desk.ui.app import run_gui
    from tests.integration.test_unwritable_places import unwritable

    told = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _parent, title, text: told.append((title, text)))
    parent = tmp_path / "shared"
    parent.mkdir()
    with unwritable(parent), pytest.raises(DomainError) as refused:
        run_gui(parent / "office")
    assert refused.value.key == "store.folder_unwritable"
    assert len(told) == 1 and told[0][0] == "Cannot open the database"
    assert told[0][1].startswith(f"The folder {parent} cannot be written (")
    assert list(parent.iterdir()) == []


def test_language_chosen_in_the_view_menu_is_remembered_for_the_user(qtbot, qapp, env, cw):
    from PySide6.QtGui import QAction

    from injury_desk.ui.app import WindowKeeper, install_translations, ui_language
    from injury_desk.ui.language import saved_language

    keeper = WindowKeeper(qapp, env)
    qtbot.addWidget(keeper.window)
    try:
        assert keeper.window.menuBar().actions()[0].text() == "&File"
        chinese = keeper.window.findChild(QAction, "language_zh_CN")
        assert chinese.text() == "简体中文" and not chinese.isChecked()
        chinese.trigger()
        qtbot.addWidget(keeper.window)
        assert keeper.window.menuBar().actions()[0].text() == "文件(&F)"
        assert keeper.window.findChild(QAction, "language_zh_CN").isChecked()
        assert ui_language(env.settings, cw.username) == "zh_CN"  # the next start, for this user
        assert saved_language(env.settings, "someone-else") is None  # another user keeps their own
        keeper.window.findChild(QAction, "language_en").trigger()
        qtbot.addWidget(keeper.window)
        assert keeper.window.menuBar().actions()[0].text() == "&File"
    finally:
        install_translations(qapp, "en")


def test_window_opens_within_a_small_screen(qtbot, env):
    window = MainWindow(env)  # no saved geometry: the default 1280×800 must shrink to the 800×800 offscreen screen
    qtbot.addWidget(window)
    free = window.screen().availableGeometry()
    assert window.frameGeometry().width() <= free.width() and window.frameGeometry().height() <= free.height()
    assert free.contains(window.frameGeometry().topLeft())


@pytest.mark.parametrize("saved", ["abc", "99", "-1", ""])
def test_a_section_setting_edited_into_nonsense_opens_on_claims(qtbot, env, saved):
    env.settings.setValue("main/section", saved)
    window = MainWindow(env)
    qtbot.addWidget(window)
    window.show()
    assert window.nav.currentRow() == 1 and window.stack.currentWidget() is window.pages["compensation"]


def test_start_up_imports_the_page_it_reopens_on_while_the_login_runs(tmp_path):
    # A fresh interpreter: which modules a call imported is only known in a process that imported nothing else.
    import subprocess
    import sys

    code = ("import sys; from PySide6.QtCore import QSettings; "
            "from injury_desk.ui.main_window import import_section_page; "
            f"s = QSettings({str(tmp_path / 'settings.ini')!r}, QSettings.Format.IniFormat); "
            "s.setValue('main/section', sys.argv[1]); import_section_page(s); "
            "print(sorted(m for m in ('injury_desk.ui.tasks_page', 'injury_desk.ui.sync.page') if m in sys.modules))")
    seen = {section: subprocess.run([sys.executable, "-c", code, section], capture_output=True, text=True,
                                    check=True).stdout.strip() for section in ("3", "4", "1", "x")}
    assert seen == {"3": "['injury_desk.ui.tasks_page']", "4": "['injury_desk.ui.sync.page']", "1": "[]", "x": "[]"}


def test_a_closed_window_asks_nothing_more_of_the_database(qtbot, db, monkeypatch):
    # It lives on until Qt deletes it: its status-bar poll (every 30 s) and the change bus once opened the full
    # services of a window closed before they were up, half a minute later.
    from injury_desk.ui import operations
    from injury_desk.ui.app import start_main_window

    window = start_main_window(db.path.parent, "cw", "cw-pass-123")
    qtbot.addWidget(window)
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: window.env.services_ready, timeout=20_000)
    window.env.runner.wait()
    window.close()
    started = []
    monkeypatch.setattr(operations._Op, "run", lambda op: started.append(op))
    window._timer.timeout.emit()  # the poll's next tick
    window.env.bus.changed.emit(Changes(claims=True))
    assert [op for op in started if op._parent is window] == []
    window.env.runner.wait()
    window.env.close()
