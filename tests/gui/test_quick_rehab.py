"""Rehabilitation is a quick page: reopened on it, the window lists the cases from the quick start (sqlite3 alone)
before the full services open; the selected case and the statistics follow once they are up."""

from __future__ import annotations

import threading

import shiboken6
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication

from injury_desk.ui.app import start_main_window
from injury_desk.ui.rehab.case_window import CaseWindow
from tests.conftest import decided_claim
from tests.support.fresh_imports import loaded_by
from tests.support.reopen import reopen_slowly

SLOW_OPEN_S = 2.0
CASE = {"referral_type": "medical", "provider": "市康复医院", "budget": "1000", "opened_on": "2026-11-21"}


def _cases(services, cw) -> dict[str, str]:
    """Two open cases and a closed one, case ids by name."""
    claims = [decided_claim(services, cw, accident_date=day) for day in ("2026-11-01", "2026-10-20", "2026-10-05")]
    made = {"older": services.rehab.open_case(cw, claims[0], CASE),
            "newer": services.rehab.open_case(cw, claims[1], {**CASE, "budget": "2500.50", "opened_on": "2026-11-24"}),
            "closed": services.rehab.open_case(cw, claims[2], {**CASE, "referral_type": "social"})}
    services.rehab.record_return_to_work(cw, made["closed"], {"outcome": "same_job", "rtw_date": "2026-11-26"})
    services.rehab.close_case(cw, made["closed"], "2026-11-27")
    return made


def _claim_numbers(page) -> list[str]:
    """The list as it is on the screen, top to bottom."""
    table = page.table
    return [table.model().index(row, 0).data() for row in range(table.model().rowCount())]


def test_reopened_on_rehabilitation_the_cases_are_listed_before_the_services_open(qtbot, db, services, cw,
                                                                                  monkeypatch):
    cases = _cases(services, cw)
    opened_on = reopen_slowly(db.path.parent, 2, monkeypatch, SLOW_OPEN_S)
    window = start_main_window(db.path.parent, "cw", "cw-pass-123")
    qtbot.addWidget(window)
    lazy = window.pages["rehabilitation"]
    page = lazy.page
    assert window.isVisible() and window.stack.currentWidget() is lazy
    # built at once from the quick start: no waiting label, the open cases listed, the services not asked for yet
    assert page is not None and lazy.waiting is None
    assert not window.env.services_ready and opened_on == []
    assert page.first_shown
    open_cases = services.rehab.list_cases(cw, status="open")
    assert page.model.rows == open_cases and [c.id for c in open_cases] == [cases["newer"], cases["older"]]
    assert _claim_numbers(page) == [c.claim_no for c in open_cases]  # newest opened first
    assert page.count_label.text() == "2 case(s)"
    assert page.model.index(0, 4).data() == "2,500.50"

    # Another filter before the services are up is read from the quick start as well.
    page.status_combo.setCurrentIndex(page.status_combo.findData(None))
    assert page.model.rows == services.rehab.list_cases(cw) and page.count_label.text() == "3 case(s)"
    page.status_combo.setCurrentIndex(page.status_combo.findData("open"))
    assert page.model.rows == open_cases and not window.env.services_ready

    # A case selected meanwhile, and the statistics tab, wait for the services instead of opening them.
    assert page.table.select_where(lambda c: c.id == cases["older"])
    view = page.view
    assert view.case is None and view.detail.toPlainText() == "Reading the case…"
    assert not any(b.isEnabled() for b in view.case_buttons)
    page.tabs.setCurrentWidget(page.stats_holder)
    assert page.stats_page is None and page.stats_waiting is not None
    # A case in its own window (as the Tasks page opens one) waits too, and one gone meanwhile is not read.
    case_window, gone = CaseWindow(window.env, cases["newer"]), CaseWindow(window.env, cases["older"])
    qtbot.addWidget(case_window)
    gone.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert not shiboken6.isValid(gone)
    assert case_window.view.detail.toPlainText() == "Reading the case…"
    assert not window.env.services_ready and opened_on == []

    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: window.env.services_ready, timeout=SLOW_OPEN_S * 1000 + 20_000)
    assert opened_on == [opened_on[0]] and opened_on[0] != threading.main_thread().name
    qtbot.waitUntil(lambda: page.stats_page is not None and page.stats_page.isVisible(), timeout=10_000)
    assert page.stats_waiting is None
    page.tabs.setCurrentIndex(0)
    qtbot.waitUntil(lambda: view.case is not None and view.case.id == cases["older"], timeout=10_000)
    assert open_cases[1].claim_no in view.detail.toPlainText() and view.plan_button.isEnabled()
    # The list from the quick start is what the full services list.
    with qtbot.waitSignal(page.model.modelReset, timeout=10_000):
        page.refresh()  # now through RehabService.list_cases, off the GUI thread
    assert page.model.rows == open_cases and not page.error.isVisible()
    assert page.current_case().id == cases["older"]
    qtbot.waitUntil(lambda: open_cases[0].claim_no in case_window.windowTitle(), timeout=10_000)
    window.close()
    window.env.runner.wait()
    window.env.close()


def test_the_cases_page_and_the_case_view_load_no_sqlalchemy():
    for module in ("injury_desk.ui.rehab.cases_page", "injury_desk.ui.rehab.case_window"):
        assert loaded_by(module) == [], module


def test_the_rehabilitation_page_loads_neither_the_charts_nor_the_editors():
    # The goal chart is on a tab not in view at start, the editors open on a click: neither belongs in start-up.
    watched = ("PySide6.QtCharts", "injury_desk.ui.form_dialog", "injury_desk.ui.rehab.case_dialogs")
    assert loaded_by("injury_desk.ui.rehab.cases_page", watched) == []
