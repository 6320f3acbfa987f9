"""Reopening on Tasks: the page shows its three lists from the quick start before the full services open, starts
no background read before them, and shows the rows the services give once they are up."""

from __future__ import annotations

import threading

import pytest

from injury_desk.domain.identifiers import make_credit_code
from injury_desk.ui import operations
from injury_desk.ui.app import start_main_window
from injury_desk.ui.operations import Changes
from injury_desk.ui.tasks_page import TasksPage
from tests.conftest import claim_draft, decided_claim, employer_data, worker_data
from tests.support.fresh_imports import loaded_by
from tests.support.reopen import reopen_slowly

SLOW_OPEN_S = 3.0
TASKS_SECTION = 3


def some_tasks(services, cw) -> None:
    """One of each list: an application overdue, a session not recorded and a plan review, an action overdue."""
    services.claims.create(cw, claim_draft(accident_date="2025-06-01", applicant_type=None,
                                           application_received_on=None))
    claim_id = decided_claim(services, cw, worker=worker_data(id_number="110105198005060125", name="李娜"))
    case_id = services.rehab.open_case(cw, claim_id, {"referral_type": "medical", "provider": "市康复医院",
                                                      "budget": "1000.00", "opened_on": "2026-11-21"})
    plan = services.rehab.add_plan(cw, case_id, {"drawn_up_on": "2026-11-22", "review_on": "2026-12-01"})
    services.rehab.schedule_session(cw, plan, {"scheduled_on": "2026-11-25", "kind": "理疗"})
    employer = services.employers.create(cw, employer_data(credit_code=make_credit_code("91350100M000200Y8"), name="福州示例电子有限公司"))
    insp = services.inspections.plan_inspection(cw, {"employer_id": employer, "planned_on": "2026-10-01"})
    services.inspections.record_inspection(cw, insp, {"inspected_on": "2026-10-02", "summary": "检查完成"})
    hazard = services.inspections.add_hazard(cw, insp, {"category": "机械防护", "severity": "high"})
    services.inspections.add_action(cw, hazard, {"description": "加装防护罩", "owner": "王工", "due_date": "2026-11-01"})


def shown_rows(page: TasksPage) -> tuple[list, list, list]:
    return list(page.deadline_model.rows), list(page.rehab_model.rows), list(page.action_model.rows)


def test_tasks_reopened_shows_its_rows_before_the_services_open(qtbot, db, services, cw, monkeypatch):
    some_tasks(services, cw)
    folder = db.path.parent
    opened_on = reopen_slowly(folder, TASKS_SECTION, monkeypatch, SLOW_OPEN_S)  # the window was closed on Tasks

    reads: list[bool] = []  # for each background read of the page: were the services up when it started?
    original_run = operations._Op.run

    def run(op):
        if isinstance(op._parent, TasksPage):
            reads.append(op._env.services_ready)
        return original_run(op)

    monkeypatch.setattr(operations._Op, "run", run)
    window = start_main_window(folder, "cw", "cw-pass-123")
    qtbot.addWidget(window)
    lazy = window.pages["tasks"]
    assert window.stack.currentWidget() is lazy
    page = lazy.page
    # built and filled with the window, from the quick start: nothing opened the services before it was shown
    assert isinstance(page, TasksPage) and page.first_shown
    assert opened_on == [] and not window.env.services_ready and reads == []
    quick = shown_rows(page)
    assert [len(rows) for rows in quick] == [1, 2, 1]
    assert page.summary.text().endswith("later")  # the summary line is written with the lists

    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: window.env.services_ready, timeout=SLOW_OPEN_S * 1000 + 20_000)
    assert opened_on == [opened_on[0]] and opened_on[0] != threading.main_thread().name
    assert reads == []  # the page read nothing in the background before the services were up
    s, actor = window.env.services, window.env.actor
    assert quick == (s.tasks.claim_deadlines(actor), s.tasks.rehab_tasks(actor), s.inspections.overdue_actions(actor))

    # from now on a change is read through the services, off the GUI thread, and gives the same rows
    for table in (page.deadlines, page.rehab, page.actions):
        table.set_rows([])
    window.env.bus.changed.emit(Changes(claims=True))
    assert reads == [True]
    window.env.runner.wait()
    qtbot.waitUntil(lambda: shown_rows(page) == quick)
    window.close()
    window.env.runner.wait()
    window.env.close()


def test_the_tasks_are_read_while_the_password_is_checked_and_a_wrong_one_shows_nothing(qtbot, db, services, cw,
                                                                                        monkeypatch):
    from PySide6.QtWidgets import QApplication

    from injury_desk.domain.errors import DomainError
    from injury_desk.services import quick_start
    from injury_desk.ui.main_window import MainWindow

    some_tasks(services, cw)
    folder = db.path.parent
    reopen_slowly(folder, TASKS_SECTION, monkeypatch, SLOW_OPEN_S)
    seen: list[tuple[int, bool]] = []  # when the password's answer was asked for: rows shown, any window visible
    original = quick_start.PendingLogin.result
    earlier = set(QApplication.topLevelWidgets())  # other tests' windows, not yet deleted

    def result(login):
        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w not in earlier]
        built = [w.pages["tasks"].page for w in windows if w.pages["tasks"].page is not None]
        seen.append((sum(p.deadline_model.rowCount() for p in built), any(w.isVisible() for w in windows)))
        return original(login)

    monkeypatch.setattr(quick_start.PendingLogin, "result", result)
    window = start_main_window(folder, "cw", "cw-pass-123")
    qtbot.addWidget(window)
    # the lists were filled, hidden, before the password's check was waited for; the window showed them after it
    assert seen and seen[-1][0] > 0 and not seen[-1][1]
    assert window.isVisible() and window.pages["tasks"].page.deadline_model.rowCount() == seen[-1][0]
    window.close()
    window.env.close()

    seen.clear()
    earlier.add(window)
    with pytest.raises(DomainError) as caught:
        start_main_window(folder, "cw", "wrong-password")
    assert caught.value.key == "auth.invalid_credentials"
    assert seen and seen[-1][0] > 0  # read for the candidate, as above ...
    # ... and never shown: no window of the refused login is on screen
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]


def test_more_claims_than_the_gui_thread_may_check_wait_for_the_services(qtbot, db, services, cw, monkeypatch):
    from injury_desk.services import task_rows

    some_tasks(services, cw)
    # two claims of the caseworker to check: over a limit of one, the lists are read off the GUI thread
    monkeypatch.setattr(task_rows, "QUICK_CLAIM_LIMIT", 1)
    opened_on = reopen_slowly(db.path.parent, TASKS_SECTION, monkeypatch, SLOW_OPEN_S)
    window = start_main_window(db.path.parent, "cw", "cw-pass-123")
    qtbot.addWidget(window)
    page = window.pages["tasks"].page
    assert isinstance(page, TasksPage) and not page.first_shown and page.deadline_model.rowCount() == 0
    qtbot.waitUntil(lambda: page.first_shown, timeout=SLOW_OPEN_S * 1000 + 20_000)
    assert opened_on and opened_on[0] != threading.main_thread().name
    s, actor = window.env.services, window.env.actor
    assert shown_rows(page) == (s.tasks.claim_deadlines(actor), s.tasks.rehab_tasks(actor),
                                s.inspections.overdue_actions(actor))
    assert page.deadline_model.rowCount() == 1
    window.close()
    window.env.runner.wait()
    window.env.close()


def test_the_tasks_page_loads_no_sqlalchemy():
    assert loaded_by("injury_desk.ui.tasks_page") == []


def test_the_tasks_page_loads_neither_the_benefit_engine_nor_the_prevention_figures_nor_the_dialogs():
    # What the page needs of them is the register's part of the national rules (dependants' pension endings, read
    # when an office has dependants) and a constant: the rest would only lengthen the start-up that reopens on Tasks.
    watched = ("injury_desk.domain.compensation.engine", "injury_desk.domain.compensation.inputs",
               "injury_desk.domain.compensation.adjustments", "injury_desk.domain.compensation.rules",
               "injury_desk.domain.prevention_figures", "injury_desk.domain.prevention_budget",
               "injury_desk.ui.form_dialog", "PySide6.QtCharts")
    assert loaded_by("injury_desk.ui.tasks_page", watched) == []
    # ... while the package still gives every name it gave (loaded on first use)
    assert loaded_by("injury_desk.domain.compensation", ("injury_desk.domain.compensation.engine",)) == []
    from injury_desk.domain import compensation
    from injury_desk.domain.compensation.engine import calculate

    assert compensation.calculate is calculate and "calculate" in dir(compensation)
