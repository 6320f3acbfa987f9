"""Reopening on a page other than Claims: the window is on screen before the full services open, the page says it
is waiting for them, and it is built, off a GUI thread that never opened the services itself, once they arrive."""

from __future__ import annotations

import threading
import time

from PySide6.QtCore import QSettings

from injury_desk.services import quick_start
from injury_desk.ui.app import start_main_window

SLOW_OPEN_S = 3.0


def test_a_page_reopened_before_the_services_waits_for_them_instead_of_opening_them(qtbot, db, monkeypatch):
    folder = db.path.parent
    settings = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
    settings.setValue("main/section", 2)  # the window was closed on Rehabilitation
    settings.sync()
    opened_on: list[str] = []
    original = quick_start.QuickStart.open_services

    def slow_open(self):
        opened_on.append(threading.current_thread().name)
        time.sleep(SLOW_OPEN_S)
        return original(self)

    monkeypatch.setattr(quick_start.QuickStart, "open_services", slow_open)
    window = start_main_window(folder, "cw", "cw-pass-123")
    qtbot.addWidget(window)
    lazy = window.pages["rehabilitation"]
    assert window.stack.currentWidget() is lazy
    # shown at once, built later: the page waits, it has not opened the services on the GUI thread
    assert lazy.page is None and lazy.waiting is not None
    qtbot.waitUntil(lambda: lazy.waiting is not None and lazy.waiting.isVisible(), timeout=SLOW_OPEN_S * 500)
    assert not window.env.services_ready and lazy.page is None
    # this page cannot show anything without them: they were asked for at once, not after the first paint
    assert opened_on
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: lazy.page is not None and lazy.page.isVisible(), timeout=20_000)
    assert opened_on == [opened_on[0]] and opened_on[0] != threading.main_thread().name
    assert lazy.waiting is None
    window.close()
    window.env.runner.wait()
    window.env.close()


def test_a_page_shown_once_the_services_are_open_is_built_at_once(qtbot, db):
    window = start_main_window(db.path.parent, "cw", "cw-pass-123")
    qtbot.addWidget(window)
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: window.env.services_ready, timeout=20_000)
    window.show_section(3)  # Tasks
    lazy = window.pages["tasks"]
    assert lazy.page is not None and lazy.waiting is None
    window.close()
    window.env.runner.wait()
    window.env.close()


def test_the_print_dialogs_and_the_renderer_load_on_the_first_click_not_with_the_pages():
    # A fresh interpreter: whether a module was imported is only known for a process that imported nothing else.
    import subprocess
    import sys

    code = ("import sys; import injury_desk.ui.print_menu, injury_desk.printing.definition; "
            "from injury_desk.printing import load_all, forms_dir; load_all(forms_dir()); "
            "print(sorted(m for m in ('PySide6.QtPdfWidgets', 'reportlab.pdfgen.canvas') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
    late = subprocess.run([sys.executable, "-c", "import sys; from injury_desk.printing import render_pdf; "
                           "print('reportlab.pdfgen.canvas' in sys.modules)"], capture_output=True, text=True, check=True)
    assert late.stdout.strip() == "True"
