"""Reopening on the Sync page: its state and lists come from the quick start (sqlite3 alone) before the full services
open, the page starts no background read before they do, and once they are up it shows what they say."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import Qt

from injury_desk.ui import operations
from injury_desk.ui.app import start_main_window
from tests.conftest import decided_claim, worker_data
from tests.support.fresh_imports import loaded_by
from tests.support.reopen import reopen_slowly

SLOW_OPEN_S = 3.0
SYNC_SECTION = 4


@pytest.fixture
def queued(db, services, cw):
    """Two decided claims waiting to be sent (claims, people, employers, determinations …), one change refused."""
    first = decided_claim(services, cw)
    decided_claim(services, cw, "not_recognised", worker=worker_data(id_number="110105198005060125", name="李娜"))
    con = db.raw_connection()
    with con:
        con.execute("UPDATE outbox SET state = 'rejected', reject_reason = '{\"key\": \"sync.field_too_long\"}'"
                    " WHERE seq = (SELECT min(seq) FROM outbox WHERE table_name = 'people')")
    con.close()
    return first


def _cells(model) -> list[list[str]]:
    return [[model.data(model.index(r, c)) for c in range(model.columnCount())] for r in range(model.rowCount())]


def _shown_numbers(page) -> list[int]:
    proxy = page.pending.proxy
    return [int(proxy.index(r, 0).data()) for r in range(proxy.rowCount())]


def test_the_sync_page_reopens_on_its_rows_before_the_services_open(qtbot, db, services, cw, queued, monkeypatch):
    folder = db.path.parent
    opened_on = reopen_slowly(folder, SYNC_SECTION, monkeypatch, SLOW_OPEN_S)  # the window was closed on Sync

    started: list[object] = []  # the parent of every background operation started before the services were up
    plain_run = operations._Op.run

    def run(op):
        if not window_env or not window_env[0].services_ready:
            started.append(op._parent)
        return plain_run(op)

    window_env: list[object] = []
    monkeypatch.setattr(operations._Op, "run", run)
    window = start_main_window(folder, "cw", "cw-pass-123")
    qtbot.addWidget(window)
    window_env.append(window.env)
    lazy = window.pages["sync"]
    assert window.stack.currentWidget() is lazy and lazy.quick
    page = lazy.page
    # built and filled at once, from the quick start: the services were not asked for before the window showed
    assert page is not None and page.first_shown
    assert not opened_on and not window.env.services_ready
    expected = services.outbox.list(cw)
    assert page.pending_model.rows == expected and len(expected) > 5
    assert page.rejected.model.rows == services.sync.rejected(cw) and len(page.rejected.model.rows) == 1
    assert page.conflicts.model.rows == []
    claim_no = services.claims.get(cw, queued).claim_no
    records = [row[1] for row in _cells(page.pending_model)]
    assert any(text.endswith(" 李娜") for text in records)
    assert any(text.endswith(" " + claim_no) for text in records)  # a claim and its determination alike
    fields = {row[4] for row in _cells(page.pending_model)}
    assert all("_" not in text for text in fields)  # field labels, not column names
    status = services.sync.status(cw)
    assert page.pending_count == status.pending == len(expected)
    assert page.pending_label.text() and str(status.pending) in page.pending_label.text()
    assert not status.enrolled and page.enrol_box.isVisibleTo(page) and page.central_label.text()
    assert str(status.pending) in page.tabs.tabText(0) and "1" in page.tabs.tabText(2)
    page_before = _cells(page.pending_model)

    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: bool(opened_on), timeout=5_000)  # after the first paint, off the GUI thread
    assert opened_on[0] != threading.main_thread().name
    assert not window.env.services_ready
    # nothing of the page (nor its controller) went to the pool before the services were up
    ours = {page, page.controller, page.conflicts, page.rejected, page.enrol_form}
    assert not [parent for parent in started if parent in ours]
    assert page.pending_model.rows == expected

    qtbot.waitUntil(lambda: window.env.services_ready, timeout=20_000)
    qtbot.waitUntil(lambda: operations.running() == 0, timeout=20_000)
    page.reload_lists()  # now through the full services
    qtbot.waitUntil(lambda: operations.running() == 0, timeout=20_000)
    live = window.env.services
    assert page.pending_model.rows == live.outbox.list(window.env.actor) == expected
    assert page.rejected.model.rows == live.sync.rejected(window.env.actor)
    assert _cells(page.pending_model) == page_before
    assert page.controller.state.status == live.sync.status(window.env.actor) == status
    # shown in queue order, as the header says, and in the user's order once they pick one, read after read
    header = page.pending.horizontalHeader()
    assert (header.sortIndicatorSection(), header.sortIndicatorOrder()) == (0, Qt.SortOrder.AscendingOrder)
    assert _shown_numbers(page) == sorted(row.seq for row in expected)
    page.pending.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    assert _shown_numbers(page) == sorted((row.seq for row in expected), reverse=True)
    page.reload_lists()
    qtbot.waitUntil(lambda: operations.running() == 0, timeout=20_000)
    assert _shown_numbers(page) == sorted((row.seq for row in expected), reverse=True)
    window.close()
    window.env.runner.wait()
    window.env.close()


def test_the_sync_page_module_loads_no_sqlalchemy():
    assert loaded_by("injury_desk.ui.sync.page") == []


def test_the_sync_page_loads_no_editing_dialog():
    assert loaded_by("injury_desk.ui.sync.page", ("injury_desk.ui.form_dialog", "injury_desk.ui.sync.correct_dialog")) == []
