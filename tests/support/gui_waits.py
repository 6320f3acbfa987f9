"""Waits for GUI tests of pages that read and write off the GUI thread: on what the user would see."""

from __future__ import annotations

import shiboken6


def opened(qtbot, holder, cls, attr: str = "dialog", timeout: int = 5000):
    """The ``cls`` window kept in ``holder.<attr>``, once it is open (editors open once their record is read)."""

    def shown() -> bool:
        window = getattr(holder, attr, None)
        return isinstance(window, cls) and shiboken6.isValid(window) and window.isVisible()

    qtbot.waitUntil(shown, timeout=timeout)
    return getattr(holder, attr)


def employers_listed(qtbot, combo, *employer_ids: str) -> None:
    """An employer picker once the office's employers are in it (they are read off the GUI thread)."""
    qtbot.waitUntil(lambda: all(combo.findData(e) >= 0 for e in employer_ids))
