"""Start-up tests' setting: the window was last closed on a given section, and the full services open slowly."""

from __future__ import annotations

import threading
import time
from pathlib import Path

from PySide6.QtCore import QSettings

from injury_desk.services import quick_start

SLOW_OPEN_S = 3.0


def closed_on_section(folder: Path, section: int) -> None:
    """The data folder's settings say the window was last closed on navigation row ``section``."""
    settings = QSettings(str(Path(folder) / "settings.ini"), QSettings.Format.IniFormat)
    settings.setValue("main/section", section)
    settings.sync()


def slow_services(monkeypatch, seconds: float = SLOW_OPEN_S, folder: Path | None = None) -> list[str]:
    """The full services take ``seconds`` longer to open; the names of the threads that opened them (those of
    ``folder``'s database only, when given: a window an earlier test left behind may still be opening its own).
    An opening that failed is listed with its error, so that a test counting openings says why."""
    opened_on: list[str] = []
    original = quick_start.QuickStart.open_services

    def slow_open(self):
        if folder is not None and Path(self.data_dir) != Path(folder):
            return original(self)
        opened_on.append(threading.current_thread().name)
        time.sleep(seconds)
        try:
            return original(self)
        except BaseException as exc:
            opened_on.append(f"{threading.current_thread().name} failed: {exc!r}")
            raise

    monkeypatch.setattr(quick_start.QuickStart, "open_services", slow_open)
    return opened_on


def reopen_slowly(folder: Path, section: int, monkeypatch, seconds: float = SLOW_OPEN_S) -> list[str]:
    """Both: closed on ``section``, services slow to open. The threads that opened them."""
    closed_on_section(folder, section)
    return slow_services(monkeypatch, seconds, folder)
