"""After the quick start's window is on the screen, the full services (SQLAlchemy and every service: a second or
more on an office's database) open off the GUI thread: the window keeps answering meanwhile, and the claims
list's count waits for them in the background instead of freezing the window (issue 16's start-up figure)."""

from __future__ import annotations

import threading
import time

from PySide6.QtCore import QTimer

from injury_desk.services import quick_start
from injury_desk.ui.app import start_main_window
from tests.conftest import claim_draft

SLOW_OPEN_S = 1.5


def test_the_window_answers_while_the_full_services_open_and_the_count_follows(qtbot, db, services, cw, monkeypatch):
    for day in ("2026-10-01", "2026-11-01"):
        services.claims.create(cw, claim_draft(accident_date=day, applicant_type="worker"))
    opened_on: list[str] = []
    original = quick_start.QuickStart.open_services

    def slow_open(self):
        opened_on.append(threading.current_thread().name)
        time.sleep(SLOW_OPEN_S)  # an office's database on a slow machine
        return original(self)

    monkeypatch.setattr(quick_start.QuickStart, "open_services", slow_open)
    window = start_main_window(db.path.parent, "cw", "cw-pass-123")
    qtbot.addWidget(window)
    counts: list[tuple[int, bool]] = []
    window.claims_page.model.count_changed.connect(lambda n, exact: counts.append((n, exact)))
    window.claims_page.model.count_delay_ms = 0  # the count is asked for while the services are still opening
    window.claims_page.model.reload()
    ticks: list[float] = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(time.monotonic()))
    timer.start(20)
    qtbot.waitExposed(window)
    started = time.monotonic()
    qtbot.waitUntil(lambda: window.env.services_ready, timeout=20_000)
    qtbot.waitUntil(lambda: (2, True) in counts, timeout=20_000)
    timer.stop()
    assert opened_on and opened_on[0] != threading.main_thread().name  # opened off the GUI thread
    during = [t for t in ticks if started <= t <= started + SLOW_OPEN_S]
    gaps = [b - a for a, b in zip(during, during[1:])]
    assert len(during) > 10 and max(gaps) < SLOW_OPEN_S / 2  # the window kept answering all along
    window.close()
    window.env.runner.wait()
    window.env.close()
