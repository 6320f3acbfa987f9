"""An exception in a Qt slot or virtual method: a message, the traceback in errors.log, and work goes on."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton, QWidget, QWizard, QWizardPage

from injury_desk.ui.error_handler import ErrorHandler


class _BrokenPage(QWizardPage):
    def initializePage(self) -> None:  # a virtual method Qt calls from C++
        raise RuntimeError("page broke")


def _boxes() -> list[QMessageBox]:
    return [w for w in QApplication.topLevelWidgets()
            if isinstance(w, QMessageBox) and w.objectName() == "program_error" and w.isVisible()]


@pytest.fixture
def handler(qapp, tmp_path):
    installed = ErrorHandler(tmp_path, qapp).install()
    yield installed
    installed.uninstall()
    for box in _boxes():
        box.close()


@pytest.mark.qt_no_exception_capture
def test_slot_exception_is_logged_and_shown_and_the_button_still_works(qtbot, handler, tmp_path):
    clicks = []

    def slot() -> None:
        clicks.append(1)
        if len(clicks) == 1:
            raise ValueError("bad value in slot")

    button = QPushButton("go")
    qtbot.addWidget(button)
    button.clicked.connect(slot)
    button.click()
    qtbot.waitUntil(lambda: len(_boxes()) == 1)
    box = _boxes()[0]
    assert "bad value in slot" in box.text()
    assert str(tmp_path / "errors.log") in box.informativeText()
    log = (tmp_path / "errors.log").read_text(encoding="utf-8")
    assert "Traceback" in log and "ValueError: bad value in slot" in log and "in slot" in log
    box.close()
    button.click()  # the application is still running and the same slot works again
    assert clicks == [1, 1]
    assert (tmp_path / "errors.log").read_text(encoding="utf-8") == log


@pytest.mark.qt_no_exception_capture
def test_virtual_method_exception_is_handled(qtbot, handler, tmp_path):
    wizard = QWizard()
    qtbot.addWidget(wizard)
    wizard.addPage(QWizardPage())
    wizard.addPage(_BrokenPage())
    wizard.show()
    QTimer.singleShot(0, wizard.next)  # from the event loop, as a click would: Qt calls initializePage from C++
    qtbot.waitUntil(lambda: len(_boxes()) == 1)
    assert "page broke" in _boxes()[0].text()
    assert "page broke" in (tmp_path / "errors.log").read_text(encoding="utf-8")
    assert wizard.isVisible()


class _BrokenPaint(QWidget):
    def paintEvent(self, event) -> None:
        raise ZeroDivisionError("paint broke")


@pytest.mark.qt_no_exception_capture
def test_an_error_on_every_repaint_is_logged_each_time_but_shown_once(qtbot, handler, tmp_path):
    widget = _BrokenPaint()
    qtbot.addWidget(widget)
    widget.show()
    for _ in range(3):
        widget.update()
        qtbot.wait(20)
    qtbot.waitUntil(lambda: len(_boxes()) == 1)
    assert handler.shown == 1
    assert (tmp_path / "errors.log").read_text(encoding="utf-8").count("paint broke") >= 3
