"""The one handler for exceptions raised in Qt slots and virtual methods: log, tell the user, keep running."""

from __future__ import annotations

import sys
import threading
import traceback
from datetime import datetime, timezone
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from injury_desk.domain.errors import DomainError
from injury_desk.placeholders import arg
from injury_desk.private_files import GUI_LOG_FILE, append_private_text


def append_to_log(log: Path, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> bool:
    """The traceback with a UTC time stamp at the end of ``log``; False when the file cannot be written."""
    stamp = datetime.now(timezone.utc).isoformat(timespec="seconds")
    text = "".join(traceback.format_exception(exc_type, exc, tb))
    try:
        append_private_text(log, f"--- {stamp}\n{text}\n")  # tracebacks may quote personal data: 0600
    except (OSError, DomainError):
        return False
    return True


class ErrorHandler(QObject):
    """Installed as sys.excepthook: PySide6 passes every exception that escapes a slot or an overridden
    virtual method (paintEvent, initializePage, data, ...) to it and then carries on with the event loop.

    Without it PySide6 prints to a console nobody sees, and an exception inside a C++ call can leave Qt
    in a state that crashes later; with it the user learns that something failed, the traceback goes to
    errors.log in the data folder for support, and the application keeps running. One message box at a
    time: an exception repeated on every repaint is logged each time but shown once.
    """

    def __init__(self, data_dir: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.log = Path(data_dir) / GUI_LOG_FILE
        self.box: QMessageBox | None = None
        self.shown = 0
        self._previous = sys.excepthook
        self._previous_thread_hook = threading.excepthook

    def install(self) -> ErrorHandler:
        sys.excepthook = self.handle
        threading.excepthook = self._thread_hook
        return self

    def uninstall(self) -> None:
        sys.excepthook = self._previous
        threading.excepthook = self._previous_thread_hook

    def _thread_hook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_type is SystemExit:
            return
        self.handle(args.exc_type, args.exc_value or args.exc_type(), args.exc_traceback)

    def handle(self, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            self._previous(exc_type, exc, tb)
            return
        logged = append_to_log(self.log, exc_type, exc, tb)
        # A slot may run on another thread's event loop: the message box is made on the GUI thread.
        QTimer.singleShot(0, QCoreApplication.instance(), lambda: self._tell(exc, logged))

    def _tell(self, exc: BaseException, logged: bool) -> None:
        if self.box is not None and self.box.isVisible():
            return
        detail = str(exc) or type(exc).__name__
        if logged:
            where = arg(QCoreApplication.translate(
                "ErrorHandler", "The details were written to %1 for support."), str(self.log))
        else:
            where = arg(QCoreApplication.translate(
                "ErrorHandler", "The details could not be written to %1."), str(self.log))
        text = arg(QCoreApplication.translate(
            "ErrorHandler", "Something went wrong in the program (%1). What you were doing may not have been "
                            "completed; nothing else was changed, and you can go on working."), detail)
        box = QMessageBox(QMessageBox.Icon.Critical, QCoreApplication.translate("ErrorHandler", "Program error"),
                          text, QMessageBox.StandardButton.Ok, QApplication.activeWindow())
        box.setObjectName("program_error")
        box.setInformativeText(where)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.setWindowModality(Qt.WindowModality.ApplicationModal)
        box.destroyed.connect(self._forget)
        self.box = box
        self.shown += 1
        box.open()  # not exec(): no nested event loop inside an exception hook

    def _forget(self) -> None:
        self.box = None
