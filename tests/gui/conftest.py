"""GUI test fixtures: a UiEnv over the test database, and Qt warnings turned into test failures."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import QSettings, QtMsgType, qInstallMessageHandler

from injury_desk.ui.background import TaskRunner
from injury_desk.ui.env import ChangeBus, UiEnv

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


@pytest.fixture
def zh_cn(qapp):
    """The Simplified Chinese translation installed for one test, removed after it."""
    from injury_desk.ui.app import install_translations

    installed = install_translations(qapp, "zh_CN")
    assert installed, "the zh_CN translation did not load"
    yield installed
    for translator in installed:
        qapp.removeTranslator(translator)
