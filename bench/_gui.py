"""The GUI benchmarks' shared start: the demo database's main window, offscreen, and a wait that idles as Qt does."""

from __future__ import annotations

import os
import time
from collections.abc import Callable


class DemoWindow:
    """The main window on a demo database of ``claims`` claims, logged in as the demo caseworker."""

    def __init__(self, folder) -> None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        from injury_desk.ui.app import make_application, start_main_window

        self.app = make_application()
        self.window = start_main_window(folder, "caseworker", "demo-caseworker")
        self.env = self.window.env

    def wait(self, predicate: Callable[[], bool], seconds: float = 60.0, what: str = "") -> None:
        """Process events until ``predicate`` holds. Sleeps between events as the application's own event loop
        does: a loop spinning on processEvents would hold the interpreter lock against the worker threads that
        read and render (a 20 ms timer wakes it to look)."""
        from PySide6.QtCore import QEventLoop, QTimer

        deadline = time.monotonic() + seconds
        tick = QTimer()
        tick.start(20)
        while not predicate():
            if time.monotonic() > deadline:
                raise SystemExit(f"timed out waiting for the GUI: {what or predicate}")
            self.app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)
        tick.stop()
