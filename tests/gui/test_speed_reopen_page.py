"""Reopening on a page other than Claims: the window is on screen before the full services open. A quick page
(Rehabilitation) shows its rows from the quick start at once; a page that reads through the full services says it
is waiting for them, and it is built, off a GUI thread that never opened the services itself, once they arrive."""

from __future__ import annotations

import threading

from injury_desk.ui.app import start_main_window
from tests.conftest import decided_claim
from tests.support.reopen import SLOW_OPEN_S, closed_on_section, slow_services


def test_a_quick_page_reopened_before_the_services_shows_its_rows_without_them(qtbot, db, services, cw,
                                                                               monkeypatch):
    case_id = services.rehab.open_case(cw, decided_claim(services, cw), {
        "referral_type": "medical", "provider": "市康复医院", "budget": "1000", "opened_on": "2026-11-21"})
    folder = db.path.parent
    closed_on_section(folder, 2)  # the window was closed on Rehabilitation
    opened_on = slow_services(monkeypatch, folder=folder)
    window = start_main_window(folder, "cw", "cw-pass-123")
    qtbot.addWidget(window)
    lazy = window.pages["rehabilitation"]
    assert window.stack.currentWidget() is lazy and window.isVisible()
    # built at once from the quick start, its list filled; the services were not opened before the window was shown
    assert lazy.page is not None and lazy.waiting is None and lazy.page.first_shown
    assert [c.id for c in lazy.page.model.rows] == [case_id]
    assert not window.env.services_ready and opened_on == []
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: window.env.services_ready, timeout=SLOW_OPEN_S * 1000 + 20_000)
    # opened after the first paint, once, off the GUI thread
    assert opened_on == [opened_on[0]] and opened_on[0] != threading.main_thread().name
    window.close()
    window.env.runner.wait()
    window.env.close()


def test_a_page_shown_before_the_services_waits_for_them_instead_of_opening_them(qtbot, db, monkeypatch):
    opened_on = slow_services(monkeypatch, folder=db.path.parent)
    window = start_main_window(db.path.parent, "cw", "cw-pass-123")  # opens on Claims, a quick page
    qtbot.addWidget(window)
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: bool(opened_on), timeout=10_000)  # asked for after the first paint, still opening
    assert not window.env.services_ready
    window.show_section(0)  # Prevention
    prevention = window.pages["prevention"]
    prevention.setCurrentIndex(1)  # Inspections: it reads through the full services
    lazy = prevention.widget(1)
    assert prevention.tabText(1) == "Inspections"
    # shown at once, built later: the page waits, it has not opened the services on the GUI thread
    assert lazy.page is None and lazy.waiting is not None
    qtbot.waitUntil(lambda: lazy.waiting is not None and lazy.waiting.isVisible(), timeout=SLOW_OPEN_S * 500)
    assert not window.env.services_ready and lazy.page is None
    qtbot.waitUntil(lambda: lazy.page is not None and lazy.page.isVisible(), timeout=SLOW_OPEN_S * 1000 + 20_000)
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
