"""Builds the application: Qt, translations, database, services, login and the main window."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QSettings, Signal
from PySide6.QtWidgets import QApplication

from injury_desk.domain.errors import DomainError
from injury_desk.placeholders import arg
from injury_desk.resources import translations_dir
from injury_desk.services.quick_start import OpeningLogin, QuickStart
from injury_desk.ui.background import TaskRunner
from injury_desk.ui.env import ChangeBus, UiEnv

if TYPE_CHECKING:
    from PySide6.QtCore import QTranslator

    from injury_desk.services.container import Services
    from injury_desk.ui.main_window import MainWindow

# Start-up order: the window is shown from a QuickStart (login and the claims list's first rows, read with
# sqlite3 alone); SQLAlchemy and the full Services load once it is painted (UiEnv.load_services). The
# password check starts as soon as start_main_window is called, so whatever only the later steps need
# (the main window, the Services container, dialogs, translation helpers) is imported where it is used.

TRANSLATIONS = translations_dir()
# Checking a build (the frozen bundle in CI): with this set to a file name, the GUI writes the login dialog's
# title there once the dialog is on screen and closes it, so a missing module fails before anyone logs in.
LOGIN_PROBE_ENV = "INJURY_DESK_LOGIN_PROBE"


def ui_language(settings: QSettings | None = None, username: str | None = None) -> str:
    """The user's saved choice, INJURY_DESK_LANG, or the system's language (see ui/language.py)."""
    from injury_desk.ui.language import ui_language as chosen

    return chosen(settings, username)


def compiled_translation(lang: str) -> Path | None:
    """The .qm for ``lang``, compiled from its .ts source when missing or older (a build does this ahead)."""
    import subprocess

    ts = TRANSLATIONS / f"injury_desk_{lang}.ts"
    qm = ts.with_suffix(".qm")
    if ts.exists() and (not qm.exists() or qm.stat().st_mtime < ts.stat().st_mtime):
        lrelease = Path(sys.executable).with_name("pyside6-lrelease" + (".exe" if os.name == "nt" else ""))
        try:
            subprocess.run([str(lrelease), "-silent", str(ts), "-qm", str(qm)], check=True, timeout=60)
        except (OSError, subprocess.SubprocessError):
            return qm if qm.exists() else None
    return qm if qm.exists() else None


def install_translations(app: QApplication, lang: str) -> list[QTranslator]:
    """Our and Qt's translators for ``lang``, replacing any installed before (a language switch)."""
    from PySide6.QtCore import QLibraryInfo, QTranslator

    for previous in app.findChildren(QTranslator, "injury_desk_translator"):
        app.removeTranslator(previous)
        previous.deleteLater()
    installed = []
    if lang.startswith("zh"):
        qt = QTranslator(app)
        if qt.load("qtbase_zh_CN", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            app.installTranslator(qt)
            installed.append(qt)
        qm = compiled_translation("zh_CN")
        ours = QTranslator(app)
        if qm and ours.load(str(qm)):
            app.installTranslator(ours)
            installed.append(ours)
    for translator in installed:
        translator.setObjectName("injury_desk_translator")
    return installed


def make_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    app.setOrganizationName("injury-desk")
    app.setApplicationName("injury_desk")
    return app


def _seed_demo(app: QApplication, services: Services, runner: TaskRunner) -> None:
    from PySide6.QtCore import QEventLoop
    from PySide6.QtWidgets import QProgressDialog

    dialog = QProgressDialog(app.translate("App", "Creating the demo data set…"), "", 0, 0)
    dialog.setCancelButton(None)
    dialog.setMinimumDuration(0)
    dialog.show()
    loop = QEventLoop()
    failure: list[Exception] = []
    from injury_desk.services.demo import seed_demo

    runner.submit(lambda: seed_demo(services, 300), on_done=lambda _r: loop.quit(),
                  on_error=lambda e: (failure.append(e), loop.quit()), write=True)
    loop.exec()
    dialog.close()
    if failure:
        raise failure[0]


def _open_services(data_dir: Path) -> Services:
    """The full services straight away: for a database that must first be created or migrated."""
    from injury_desk.services.container import Services

    return Services.open(data_dir)


class OpeningProgress(QObject):
    """The progress dialog of Services.open for the GUI: hidden unless the database reports progress, which only
    the one-time encryption of a plain database from an earlier version does (minutes on a big database)."""

    reported = Signal(object)  # (step, done, total, file): byte counts may pass 2**31, so no int signal

    def __init__(self, app: QApplication) -> None:
        super().__init__()
        from PySide6.QtWidgets import QProgressDialog

        self.app = app
        self.dialog = QProgressDialog()
        self.dialog.setObjectName("opening_database_progress")
        self.dialog.setWindowTitle(QCoreApplication.translate("App", "Opening the database"))
        self.dialog.setCancelButton(None)  # stopping half-way would only throw the work away (the plain file stays)
        self.dialog.setMinimumDuration(0)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        self.dialog.setMinimumWidth(480)
        self.dialog.hide()
        self.reported.connect(self._show)

    def report(self, step: str, done: int, total: int, name: str) -> None:
        """Called on the opening thread (store/encrypt_plain.py's ``progress``)."""
        self.reported.emit((step, done, total, name))

    def _show(self, report: tuple[str, int, int, str]) -> None:
        step, done, total, name = report
        if step == "encrypt":
            text = arg(QCoreApplication.translate(
                "App", "Encrypting the database %1: the first start of this version encrypts it. The unencrypted "
                       "database stays as it is until the encrypted copy is complete and checked.\n%2 of %3 MiB"),
                name, f"{done / 2**20:,.0f}", f"{total / 2**20:,.0f}")
        elif step == "check":
            text = arg(QCoreApplication.translate("App", "Checking the encrypted copy of %1…"), name)
        else:
            text = arg(QCoreApplication.translate("App", "Copying the encrypted %1 to the backups folder…"), name)
        self.dialog.setLabelText(text)
        if total:
            self.dialog.setRange(0, 1000)
            self.dialog.setValue(min(1000, done * 1000 // total))
        else:
            self.dialog.setRange(0, 0)  # no measure for the check: a busy bar
        if not self.dialog.isVisible():
            self.dialog.show()

    def close(self) -> None:
        self.dialog.close()
        self.dialog.deleteLater()


def open_services_showing_progress(app: QApplication, data_dir: Path, runner: TaskRunner) -> Services:
    """Services.open off the GUI thread, the window system kept responsive, with OpeningProgress on screen while
    a plain database is encrypted. Raises what the opening raised."""
    from PySide6.QtCore import QEventLoop

    from injury_desk.services.container import Services

    shown = OpeningProgress(app)
    loop = QEventLoop()
    outcome: list[object] = []
    runner.submit(lambda: Services.open(data_dir, progress=shown.report),
                  on_done=lambda r: (outcome.append(r), loop.quit()),
                  on_error=lambda e: (outcome.append(e), loop.quit()), write=True)
    loop.exec()
    shown.close()
    if isinstance(outcome[0], BaseException):
        raise outcome[0]
    return outcome[0]  # type: ignore[return-value]


def _settings(data_dir: Path) -> QSettings:
    """The data folder's settings.ini, made private to the user before Qt writes to it: Qt replaces the file
    on every save (QSaveFile) and keeps the mode of the file it replaces, which would otherwise be 0644."""
    from injury_desk.private_files import SETTINGS_FILE, create_private_file, private_dir

    path = private_dir(Path(data_dir)) / SETTINGS_FILE  # store/own_files.py guards it: no output may replace it
    create_private_file(path)
    return QSettings(str(path), QSettings.Format.IniFormat)


def start_main_window(data_dir: Path, username: str, password: str) -> MainWindow:
    """The main window for a user whose credentials are already known (benchmarks, scripted checks);
    the same objects run_gui builds after its login dialog. The password is checked in a thread while
    the (hidden) window is built; it is shown only once the password is confirmed."""
    app = make_application()
    opening = OpeningLogin(data_dir, username, password)
    from injury_desk.ui.main_window import MainWindow, import_section_page  # imported while the database opens

    settings = _settings(data_dir)
    import_section_page(settings)  # the page it reopens on, too
    quick, login = opening.result()
    if quick is None or login is None:
        services = _open_services(data_dir)
        env = UiEnv(services, services.auth.login(username, password), TaskRunner(app), settings,
                    ChangeBus(), Path(data_dir))
        return _show_window(env)
    window = None
    try:
        # An unknown or inactive user has no candidate: result() refuses them (after the same hashing
        # cost). For anyone else the window is built, hidden, while the password is being checked.
        env = UiEnv(None, login.candidate or login.result(), TaskRunner(app), settings, ChangeBus(),
                    Path(data_dir), quick=quick)
        window = MainWindow(env)
        window.build_page_in_view()
        opening.confirm()  # the file's check, run beside the reads: nothing is shown before it passed
        env.actor = login.result()
    except DomainError:
        if window is not None:
            window.deleteLater()
        quick.close()
        raise
    window.show()
    return window


def _import_window(settings: QSettings) -> None:
    from injury_desk.ui.main_window import import_section_page

    import_section_page(settings)


def _show_window(env: UiEnv) -> MainWindow:
    from injury_desk.ui.main_window import MainWindow

    window = MainWindow(env)
    window.show()
    return window


class WindowKeeper:
    """Holds the main window; a language chosen in View → Language is saved for the user and the window is
    rebuilt in it (widgets translate their texts once, when built)."""

    def __init__(self, app: QApplication, env: UiEnv) -> None:
        self.app = app
        self.env = env
        self.window = self._show()

    def _show(self) -> MainWindow:
        window = _show_window(self.env)
        window.language_chosen.connect(self.switch_language)
        return window

    def switch_language(self, language: str) -> None:
        from injury_desk.ui.language import save_language

        save_language(self.env.settings, self.env.actor.username, language)
        install_translations(self.app, language)
        old = self.window
        old.save_layout()
        self.window = self._show()
        old.hide()
        old.deleteLater()


def _probe_login(login, probe: Path) -> None:
    """Once the login dialog is shown, write its title to ``probe`` and close it (see LOGIN_PROBE_ENV)."""
    from PySide6.QtCore import QTimer

    def shown() -> None:
        if not login.isVisible():
            QTimer.singleShot(50, shown)
            return
        probe.write_text(login.windowTitle(), encoding="utf-8")
        login.reject()

    QTimer.singleShot(0, shown)


def run_gui(data_dir: Path, *, demo: bool = False) -> int:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QMessageBox

    from injury_desk.ui.error_handler import ErrorHandler
    from injury_desk.ui.login import LoginDialog
    from injury_desk.ui.messages import error_text

    app = make_application()
    try:
        settings = _settings(data_dir)
    except DomainError as exc:  # a data folder that cannot be made or written: said in a window, not on a terminal
        install_translations(app, ui_language())
        QMessageBox.critical(None, app.translate("App", "Cannot open the database"), error_text(exc))
        raise
    language = ui_language(settings)  # the last user's language until someone logs in
    install_translations(app, language)
    errors = ErrorHandler(data_dir, app).install()
    runner = TaskRunner(app)
    new = None
    try:
        quick = QuickStart.open(data_dir)
        if quick is not None and not quick.has_users():  # demo seeding or enrolment: the full services do it
            quick.close()
            quick = None
        services = None
        if quick is None and not demo:
            from injury_desk.services.new_desktop import NewDesktop, has_database

            if not has_database(data_dir):
                # A first run: the enrolment makes the database, and a failed one leaves none behind.
                new = NewDesktop(data_dir)
        if quick is None and new is None:
            # Created, migrated or (from an earlier version) encrypted first: with a progress dialog for the latter.
            services = open_services_showing_progress(app, data_dir, runner)
    except DomainError as exc:
        QMessageBox.critical(None, app.translate("App", "Cannot open the database"), error_text(exc))
        return 2
    env = None
    try:
        if services is not None and demo and not services.auth.has_users():
            _seed_demo(app, services, runner)
        # Without users (and not the demo), the login dialog offers to enrol this desktop first.
        hint = ""
        if demo:
            hint = app.translate("App", "Demo users: caseworker / demo-caseworker, supervisor / demo-supervisor, "
                                        "admin / demo-admin")
        login = LoginDialog(new or services or quick, hint, runner=runner)
        probe = os.environ.get(LOGIN_PROBE_ENV)
        if probe:
            _probe_login(login, Path(probe))
        # The window's modules and the page it reopens on load while the user types (0.1-0.2 s of imports).
        QTimer.singleShot(0, login, lambda: _import_window(settings))
        accepted = login.exec()
        if new is not None and login.services is not new:
            services = login.services  # the database its first enrolment made
        if not accepted or login.actor is None:
            return 0
        own = ui_language(settings, login.actor.username)
        if own != language:
            install_translations(app, own)
        env = UiEnv(services, login.actor, runner, settings, ChangeBus(), Path(data_dir), quick=quick)
        keeper = WindowKeeper(app, env)  # noqa: F841 - keeps the window referenced while the application runs
        return app.exec()
    finally:
        runner.wait(10_000)
        errors.uninstall()
        if env is not None:
            env.close()
        elif services is not None:
            services.close()
        elif quick is not None:
            quick.close()
