"""Builds the application: Qt, translations, database, services, login and the main window."""

from __future__ import annotations

import locale
import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QEventLoop, QLibraryInfo, QLocale, QSettings, QTranslator
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog

from injury_desk.domain.errors import DomainError
from injury_desk.resources import translations_dir
from injury_desk.services.container import Services
from injury_desk.ui.background import TaskRunner
from injury_desk.ui.env import ChangeBus, UiEnv
from injury_desk.ui.login import LoginDialog
from injury_desk.ui.main_window import MainWindow
from injury_desk.ui.messages import error_text

TRANSLATIONS = translations_dir()


def ui_language() -> str:
    """INJURY_DESK_LANG (zh_CN or en) wins; otherwise the system locale."""
    lang = os.environ.get("INJURY_DESK_LANG")
    if lang:
        return lang
    return QLocale.system().name() or (locale.getlocale()[0] or "en")


def compiled_translation(lang: str) -> Path | None:
    """The .qm for ``lang``, compiled from its .ts source when missing or older (a build does this ahead)."""
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
    return installed


def make_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    app.setOrganizationName("injury-desk")
    app.setApplicationName("injury_desk")
    return app


def _seed_demo(app: QApplication, services: Services, runner: TaskRunner) -> None:
    dialog = QProgressDialog(app.translate("App", "Creating the demo data set…"), "", 0, 0)
    dialog.setCancelButton(None)
    dialog.setMinimumDuration(0)
    dialog.show()
    loop = QEventLoop()
    failure: list[Exception] = []
    runner.submit(lambda: services.seed_demo(300), on_done=lambda _r: loop.quit(),
                  on_error=lambda e: (failure.append(e), loop.quit()), write=True)
    loop.exec()
    dialog.close()
    if failure:
        raise failure[0]


def start_main_window(data_dir: Path, username: str, password: str) -> MainWindow:
    """The main window for a user whose credentials are already known (benchmarks, scripted checks);
    the same objects run_gui builds after its login dialog."""
    app = make_application()
    services = Services.open(data_dir)
    actor = services.auth.login(username, password)
    settings = QSettings(str(Path(data_dir) / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(UiEnv(services, actor, TaskRunner(app), settings, ChangeBus(), Path(data_dir)))
    window.show()
    return window


def run_gui(data_dir: Path, *, demo: bool = False) -> int:
    app = make_application()
    install_translations(app, ui_language())
    try:
        services = Services.open(data_dir)
    except DomainError as exc:
        QMessageBox.critical(None, app.translate("App", "Cannot open the database"), error_text(exc))
        return 2
    runner = TaskRunner(app)
    try:
        if demo and not services.auth.has_users():
            _seed_demo(app, services, runner)
        # Without users (and not the demo), the login dialog offers to enrol this desktop first.
        hint = ""
        if demo:
            hint = app.translate("App", "Demo users: caseworker / demo-caseworker, supervisor / demo-supervisor, "
                                        "admin / demo-admin")
        login = LoginDialog(services, hint, runner=runner)
        if not login.exec() or login.actor is None:
            return 0
        settings = QSettings(str(Path(data_dir) / "settings.ini"), QSettings.Format.IniFormat)
        env = UiEnv(services, login.actor, runner, settings, ChangeBus(), Path(data_dir))
        window = MainWindow(env)
        window.show()
        return app.exec()
    finally:
        runner.wait(10_000)
        services.close()
