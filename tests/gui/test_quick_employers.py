"""Reopening on Prevention → Employers: the list and the industry choices come from the quick start before the full
services are open (which then open after the first paint, not before it), the overview waits for them, and once they
are up the page shows what the service says."""

from __future__ import annotations

import threading

from PySide6.QtCore import QSettings

from injury_desk.ui.app import start_main_window
from injury_desk.ui import operations
from injury_desk.ui.prevention import employers_page
from tests.conftest import claim_draft, employer_data
from tests.support.fresh_imports import loaded_by
from tests.support.reopen import closed_on_section, reopen_slowly

SLOW_OPEN_S = 2.0


def _names(page) -> list[str]:
    return [page.model.rows[r].name for r in range(page.model.rowCount())]


def _industries(page) -> list[str]:
    return [page.industry_combo.itemData(i) for i in range(page.industry_combo.count())]


def test_the_page_reopened_shows_its_rows_before_the_services_and_the_same_rows_after(qtbot, db, services, cw,
                                                                                       monkeypatch):
    services.claims.create(cw, claim_draft())  # 福州示例机械有限公司, 制造业, with a claim for its overview
    services.employers.create(cw, employer_data(credit_code="91350100M000200Y3P", name="榕城物流公司",
                                                industry="交通运输业", risk_class=5, headcount=40))
    services.employers.create(cw, employer_data(credit_code="91350100M000300Y2C", name="闽江建筑工程公司",
                                                industry="", risk_class=6, headcount=300))
    folder = db.path.parent
    opened_on = reopen_slowly(folder, 0, monkeypatch, SLOW_OPEN_S)  # closed on Prevention (its first tab: Employers)

    early_queries: list[str] = []  # the page's reads sent to the pool (which opens the services) before they are up
    pool_run = operations._Op.run

    def watched_pool_run(op):
        if isinstance(op._parent, employers_page.EmployersPage) and not op._env.services_ready:
            early_queries.append(repr(op._work))
        return pool_run(op)

    monkeypatch.setattr(operations._Op, "run", watched_pool_run)

    window = start_main_window(folder, "cw", "cw-pass-123")
    qtbot.addWidget(window)
    lazy = window.stack.currentWidget().currentWidget()
    page = lazy.page
    # Built and filled when the window was shown, from the quick start: the services were not asked for.
    assert page is not None and lazy.waiting is None
    assert page.first_shown and not window.env.services_ready and opened_on == []
    assert _names(page) == ["榕城物流公司", "福州示例机械有限公司", "闽江建筑工程公司"]  # by name (code point order)
    assert _industries(page) == ["", "交通运输业", "制造业"]  # All, then the industries of the rows, no blank
    assert page.count_label.text() == "3 employer(s)"
    assert early_queries == []

    # A user quicker than the start-up: the search is answered from the quick start too, the overview waits.
    page.search_edit.insert("物流")
    qtbot.waitUntil(lambda: _names(page) == ["榕城物流公司"])
    page.search_edit.clear()
    qtbot.waitUntil(lambda: len(_names(page)) == 3)
    assert page.table.select_where(lambda e: e.name == "福州示例机械有限公司")
    assert page.detail.toPlainText() == "Loading the overview…"
    assert early_queries == []

    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: window.env.services_ready, timeout=int(SLOW_OPEN_S * 1000) + 20_000)
    # opened once, after the first paint, off the GUI thread
    assert opened_on == [opened_on[0]] and opened_on[0] != threading.main_thread().name
    assert early_queries == []
    qtbot.waitUntil(lambda: "Claims (1)" in page.detail.toPlainText())  # the overview, now the services are up

    # The rows shown are the service's rows, field for field (the edit token too).
    fresh = window.env.services.employers.search(cw, "", limit=employers_page.SEARCH_LIMIT)
    assert page.model.rows == fresh
    # Refreshed now through the services, off the GUI thread: nothing changes.
    listed, industries = [], []
    page.model.modelReset.connect(lambda: listed.append(True))
    show_industries = page._show_industries
    monkeypatch.setattr(page, "_show_industries", lambda found: (industries.append(found), show_industries(found)))
    page.refresh()
    qtbot.waitUntil(lambda: bool(listed and industries))
    assert industries == [["交通运输业", "制造业"]]
    assert page.model.rows == fresh and _industries(page) == ["", "交通运输业", "制造业"]
    window.close()
    window.env.runner.wait()
    window.env.close()


def test_importing_the_page_loads_no_sqlalchemy():
    watched = ("sqlalchemy", "injury_desk.services.employers", "injury_desk.ui.prevention.employer_dialog")
    assert loaded_by("injury_desk.ui.prevention.employers_page", watched) == []


def test_the_claims_list_behind_another_page_is_built_and_read_only_when_first_shown(qtbot, db, services, cw):
    services.claims.create(cw, claim_draft())
    folder = db.path.parent
    closed_on_section(folder, 0)
    window = start_main_window(folder, "cw", "cw-pass-123")
    qtbot.addWidget(window)
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: window.env.services_ready, timeout=20_000)
    assert window.claims_tab.page is None  # start-up neither built nor read a list that is not shown
    window.show_section(1)
    qtbot.waitUntil(lambda: window.claims_tab.page is not None and window.claims_tab.page.model.rowCount() == 1,
                    timeout=10_000)
    window.close()
    window.env.runner.wait()
    window.env.close()


def test_a_window_closed_before_the_claims_list_was_shown_keeps_its_saved_layout(qtbot, db, services, cw):
    folder = db.path.parent
    closed_on_section(folder, 0)
    settings = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
    settings.setValue("claims/header", b"a header layout saved earlier")
    settings.sync()
    window = start_main_window(folder, "cw", "cw-pass-123")
    qtbot.addWidget(window)
    qtbot.waitExposed(window)
    window.close()
    window.env.runner.wait()
    window.env.close()
    assert window.claims_tab.page is None
    settings.sync()
    assert settings.value("claims/header") == b"a header layout saved earlier"
    assert int(settings.value("main/section")) == 0
