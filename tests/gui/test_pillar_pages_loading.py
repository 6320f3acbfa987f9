"""Prevention, rehabilitation and sync windows while their reads are still on their way: shown at once, saying
they are reading, and nothing can be saved half-loaded (issue 14 section 3: the GUI never waits for a service).

The reads are held back by occupying every thread of the task runner's read pool, so what the user sees
before the answer arrives is checked deterministically, then the pool is released."""

from __future__ import annotations

import threading
from contextlib import contextmanager

from PySide6.QtCore import Qt

from injury_desk.ui.prevention.incidents_page import IncidentDialog, IncidentsPage
from injury_desk.ui.prevention.training_page import TrainingDialog
from injury_desk.ui.rehab.case_window import CaseWindow
from injury_desk.ui.sync.page import SyncPage
from tests.conftest import decided_claim, employer_data
from tests.support.gui_waits import opened


@contextmanager
def reads_held(env):
    """Every read-pool thread waits until the block ends: reads queue behind them, the GUI thread goes on."""
    release = threading.Event()
    started = threading.Semaphore(0)

    def hold() -> None:
        started.release()
        release.wait(20)

    threads = env.runner.pool.maxThreadCount()
    for _ in range(threads):
        env.runner.submit(hold)
    for _ in range(threads):
        assert started.acquire(timeout=10)  # each thread is taken, so the next read has to wait
    try:
        yield
    finally:
        release.set()


def test_an_editor_opens_once_its_record_is_read_and_one_click_is_one_editor(qtbot, env, services, cw):
    employer_id = services.employers.create(cw, employer_data())
    incident_id = services.incidents.add_incident(cw, {"employer_id": employer_id, "kind": "accident",
                                                       "occurred_on": "2026-11-01", "days_lost": 4})
    page = IncidentsPage(env)
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: page.table.select_where(lambda i: i.id == incident_id))
    with reads_held(env):
        qtbot.mouseClick(page.edit_button, Qt.MouseButton.LeftButton)
        qtbot.wait(50)
        assert page.dialog is None  # the incident is being read as saved now
        qtbot.mouseClick(page.edit_button, Qt.MouseButton.LeftButton)  # impatient: a second click
    dialog = opened(qtbot, page, IncidentDialog)
    qtbot.waitUntil(lambda: dialog.employer_combo.currentData() == employer_id)
    assert [d for d in page.findChildren(IncidentDialog) if d.isVisible()] == [dialog]  # one editor, not two
    dialog.reject()


def test_an_editor_cannot_save_its_employer_as_none_while_the_employers_are_read(qtbot, env, services, cw):
    employer_id = services.employers.create(cw, employer_data())
    # A training session's employer is optional, so no rule would stop OK: only the wait for the list does.
    training_id = services.training.add_training(cw, {"topic": "消防", "held_on": "2026-11-02",
                                                      "employer_id": employer_id})
    training = services.training.get_training(cw, training_id)
    with reads_held(env):
        dialog = TrainingDialog(env, training=training)
        qtbot.addWidget(dialog)
        dialog.show()
        assert dialog.employer_combo.currentText() == "Loading employers…"
        assert dialog.employer_combo.currentData() is None
        assert not dialog.ok_button.isEnabled()
    qtbot.waitUntil(dialog.ok_button.isEnabled)
    assert dialog.employer_combo.currentData() == employer_id  # chosen as soon as the list arrived
    assert dialog.employer_combo.itemText(0) == "— none (open to all) —"


def test_a_case_window_opens_at_once_and_names_the_case_when_it_is_read(qtbot, env, services, cw):
    claim_id = decided_claim(services, cw)
    case_id = services.rehab.open_case(cw, claim_id, {"referral_type": "medical", "provider": "市康复医院",
                                                      "budget": "1000", "opened_on": "2026-11-21"})
    claim_no = services.claims.get(cw, claim_id).claim_no
    with reads_held(env):
        window = CaseWindow(env, case_id)
        qtbot.addWidget(window)
        window.show()
        assert window.windowTitle() == "Rehabilitation case"
        assert window.view.detail.toPlainText() == "Reading the case…"
        # Nothing to act on yet: every editor is off until the case is there.
        assert not any(b.isEnabled() for b in window.view.case_buttons)
    qtbot.waitUntil(lambda: window.windowTitle() == f"Rehabilitation case {claim_no} · 张伟")
    assert "市康复医院" in window.view.detail.toPlainText()
    assert window.view.plan_button.isEnabled()  # an open case without a plan: a plan comes first


def test_the_sync_page_shows_no_enrolment_form_before_it_knows(qtbot, env):
    with reads_held(env):
        page = SyncPage(env)
        qtbot.addWidget(page)
        page.show()
        # The state is being read: neither the enrolment form nor Sync now, nothing to press by mistake.
        assert not page.enrol_box.isVisible()
        assert not page.sync_button.isEnabled()
    # This test desktop is not enrolled: once that is read, the page says who may enrol it.
    qtbot.waitUntil(page.enrol_box.isVisible)
    assert page.enrol_note.isVisible() and page.central_label.text() == "not enrolled"
