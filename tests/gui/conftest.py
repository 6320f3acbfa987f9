"""GUI test fixtures: a UiEnv over the test database, Qt warnings turned into test failures, and the GUI-thread
guard (tests/support/gui_guard.py): a service called on the GUI thread, or the GUI thread blocked longer than
100 ms during a test's flow, fails the test."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import QSettings, QtMsgType, qInstallMessageHandler

from injury_desk.ui.background import TaskRunner
from injury_desk.ui.env import ChangeBus, UiEnv
from tests.support import gui_guard

_recorded: list[str] = []
# The offscreen platform says this whenever a dialog is shown; it reports a missing plugin feature, not a bug.
IGNORED = ("This plugin does not support propagateSizeHints()",)


def _record(mode, context, message) -> None:
    if mode == QtMsgType.QtFatalMsg:
        sys.stderr.write(f"Qt fatal: {message}\n")  # the process aborts next: say why first
        sys.stderr.flush()
    if message in IGNORED:
        return
    if mode in (QtMsgType.QtWarningMsg, QtMsgType.QtCriticalMsg, QtMsgType.QtFatalMsg):
        _recorded.append(message)


@pytest.fixture(autouse=True)
def fail_on_qt_warnings():
    previous = qInstallMessageHandler(_record)  # noqa
    _recorded.clear()
    yield
    qInstallMessageHandler(previous)
    warnings = list(_recorded)
    _recorded.clear()
    assert not warnings, "Qt warnings: " + "; ".join(warnings)


# Modules of injury_desk.ui not yet converted to ui/operations.py: their GUI-thread service calls are allowed,
# and a block during which they called a service is excused. This list only shrinks; a new module never
# joins it.
LEGACY = (
)


@pytest.fixture(scope="session", autouse=True)
def _warm_widgets(qapp):
    """Qt loads a widget kind's style, icons and fonts the first time one is shown in the process, once (the
    application pays it while it starts). Done here, so that it is not charged to whichever test happens to
    show the first message box or table as a GUI-thread block."""
    from PySide6.QtGui import QStandardItemModel
    from PySide6.QtWidgets import QMessageBox, QTableView, QWizard, QWizardPage

    box = QMessageBox(QMessageBox.Icon.Warning, "warm", "warm 中文", QMessageBox.StandardButton.Ok)
    wizard = QWizard()
    wizard.addPage(QWizardPage())
    table = QTableView()
    table.setModel(QStandardItemModel(3, 3, table))
    for widget in (box, wizard, table):
        widget.show()
        widget.grab()
        widget.close()
        widget.deleteLater()
    qapp.processEvents()


@pytest.fixture(autouse=True)
def gui_thread_guard(monkeypatch, qapp):
    """Every UiEnv hands out its services through the guard's proxy; the test fails if converted code called
    one on the GUI thread (checked after the test body, and again after teardown)."""
    # A QApplication made before the qapp fixture (by a test elsewhere) would leave the watchdog blind.
    assert isinstance(qapp, gui_guard.GuardedApplication), f"the QApplication is a {type(qapp).__name__}"
    state = gui_guard.STATE
    state.reset()
    state.legacy = LEGACY
    plain = UiEnv.services

    def guarded(self):
        services = plain.fget(self)
        proxy = self.__dict__.get("_guard_proxy")
        if proxy is None or object.__getattribute__(proxy, "_services") is not services:
            proxy = self.__dict__["_guard_proxy"] = gui_guard.ServicesProxy(services)
        return proxy

    monkeypatch.setattr(UiEnv, "services", property(guarded))
    yield state
    calls = list(state.calls)
    state.reset()
    assert not calls, "service calls on the GUI thread (use ui/operations.py):\n" + "\n".join(calls)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item):
    """The test body is the measured flow: events handled on the GUI thread while it runs are timed."""
    state = gui_guard.STATE
    state.measuring = "gui_thread_guard" in item.fixturenames
    try:
        result = yield
    finally:
        state.measuring = False
    problems = list(state.calls) + list(state.blocks)
    state.calls.clear()
    state.blocks.clear()
    assert not problems, "GUI thread guard:\n" + "\n".join(problems)
    return result


def make_env(services, actor, tmp_path) -> UiEnv:
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    return UiEnv(services, actor, TaskRunner(), settings, ChangeBus(), tmp_path)


@pytest.fixture
def env(qapp, services, cw, tmp_path):
    ui_env = make_env(services, cw, tmp_path)
    yield ui_env
    ui_env.runner.wait()


@pytest.fixture
def sup_env(qapp, services, sup, tmp_path):
    ui_env = make_env(services, sup, tmp_path / "sup")
    yield ui_env
    ui_env.runner.wait()


@pytest.fixture(params=["en", "zh_CN"])
def language(request, qapp):
    """Each language in turn (a test parametrised with ``language``), installed for the test and English after it."""
    from injury_desk.ui.app import install_translations

    install_translations(qapp, request.param)
    yield request.param
    install_translations(qapp, "en")


@pytest.fixture
def zh_cn(qapp):
    """The Simplified Chinese translation installed for one test, removed after it."""
    from injury_desk.ui.app import install_translations

    installed = install_translations(qapp, "zh_CN")
    assert installed, "the zh_CN translation did not load"
    yield installed
    for translator in installed:
        qapp.removeTranslator(translator)
