"""Drive the New claim wizard with keyboard and mouse to a saved claim, and find it in the list."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QSettings, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLabel, QWizard

from injury_desk.ui.background import TaskRunner
from injury_desk.ui.claims.claims_page import ClaimsPage
from injury_desk.ui.claims.wizard import NewClaimWizard
from injury_desk.ui.env import ChangeBus, UiEnv
from injury_desk.ui.operations import running


@pytest.fixture
def claims_env(qtbot, services, cw, tmp_path):
    runner = TaskRunner()
    env = UiEnv(services, cw, runner, QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat),
                ChangeBus(), Path(tmp_path))
    yield env
    runner.wait()


def visible_error(page, field: str) -> str:
    label = page.findChild(QLabel, f"error_{field.replace('.', '_')}")
    return label.text() if label is not None and label.isVisible() else ""


def type_into(qtbot, widget, text: str) -> None:
    """Type like a user; QTest only knows ASCII keys, so Chinese characters go in as key events with text.
    Then wait, as the user does, until the wizard has checked what was typed (off the GUI thread)."""
    widget.setFocus()
    for ch in text:
        if ch.isascii():
            qtbot.keyClicks(widget, ch)
        else:
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, ch))
    settle(qtbot)


def settle(qtbot) -> None:
    """Wait until the checks and look-ups the wizard started have been shown."""
    qtbot.waitUntil(lambda: running() == 0)


def test_wizard_to_saved_claim_visible_in_list(qtbot, claims_env):
    page = ClaimsPage(claims_env)
    qtbot.addWidget(page)
    page.show()
    assert page.model.rowCount() == 0

    wizard = NewClaimWizard(claims_env, page)
    qtbot.addWidget(wizard)
    wizard.show()
    next_button = wizard.button(QWizard.WizardButton.NextButton)
    finish_button = wizard.button(QWizard.WizardButton.FinishButton)

    # Worker: a wrong check digit is named next to the field and Next stays disabled.
    worker = wizard.worker_page
    type_into(qtbot, worker.id_number, "110105194912310021")
    type_into(qtbot, worker.name, "张伟")
    assert "check digit" in visible_error(worker, "worker.id_number")
    assert not next_button.isEnabled()
    worker.id_number.clear()
    settle(qtbot)
    type_into(qtbot, worker.id_number, "11010519491231002x")
    assert visible_error(worker, "worker.id_number") == ""
    assert "1949-12-31" in worker.derived.text()
    assert next_button.isEnabled()
    qtbot.mouseClick(next_button, Qt.MouseButton.LeftButton)
    settle(qtbot)

    # Employer: a new one, typed in full.
    employer = wizard.employer_page
    assert wizard.currentPage() is employer
    assert not next_button.isEnabled()
    type_into(qtbot, employer.code, "91350100M000100Y44")
    assert "check character" in visible_error(employer, "employer.credit_code")
    employer.code.clear()
    settle(qtbot)
    type_into(qtbot, employer.code, "91350100M000100Y43")
    type_into(qtbot, employer.name, "福州示例机械有限公司")
    employer.risk.setValue(3)
    settle(qtbot)
    assert next_button.isEnabled(), [e.rule for e in employer.errors]
    qtbot.keyClick(wizard, Qt.Key.Key_Return)  # Enter is the default button: Next
    settle(qtbot)
    assert wizard.currentPage() is wizard.accident_page

    # Accident: required fields are named until filled in.
    accident = wizard.accident_page
    assert "required" in visible_error(accident, "accident_place")
    type_into(qtbot, accident.place, "二号车间冲压线")
    type_into(qtbot, accident.circumstances, "操作冲压机时右手被压伤。")
    type_into(qtbot, accident.body_parts, "右手")
    type_into(qtbot, accident.diagnosis, "右手中指骨折")
    from datetime import date

    from injury_desk.ui.widgets import to_qdate

    accident.accident_date.setDate(to_qdate(date(2026, 12, 5)))  # after "today" (2026-11-28)
    settle(qtbot)
    assert "future" in visible_error(accident, "accident_date")
    assert not next_button.isEnabled()
    accident.accident_date.setDate(to_qdate(date(2026, 11, 1)))
    settle(qtbot)
    assert next_button.isEnabled()
    qtbot.mouseClick(next_button, Qt.MouseButton.LeftButton)
    settle(qtbot)

    # Application: received before the accident is refused; Finish only when valid.
    application = wizard.application_page
    assert wizard.currentPage() is application
    application.received.setDate(to_qdate(date(2026, 10, 30)))
    settle(qtbot)
    assert not finish_button.isEnabled()
    assert "before the accident" in visible_error(application, "application_received_on")
    application.received.setDate(to_qdate(date(2026, 11, 10)))
    settle(qtbot)
    assert finish_button.isEnabled()
    qtbot.mouseClick(finish_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    assert wizard.saved_claim_id is not None

    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    row = page.model.rows[0]
    assert row.worker_name == "张伟"
    assert row.id_number == "110105********002X"  # masked in the list
    assert row.claim_no.startswith("GZ01-2026-")
    page.filter.setText("张伟")
    qtbot.waitUntil(lambda: page.model.query.text == "张伟")
    assert page.model.rowCount() == 1
    page.filter.setText("李")
    qtbot.waitUntil(lambda: page.model.query.text == "李")
    assert page.model.rowCount() == 0


def test_duplicate_claim_is_refused_in_the_wizard(qtbot, claims_env, services, cw):
    from tests.conftest import claim_draft

    services.claims.create(cw, claim_draft())
    wizard = NewClaimWizard(claims_env)
    qtbot.addWidget(wizard)
    wizard.show()
    type_into(qtbot, wizard.worker_page.id_number, "11010519491231002X")
    assert "Registered person found" in wizard.worker_page.found.text()
    assert wizard.worker_page.name.text() == "张伟"
    wizard.next()
    settle(qtbot)
    type_into(qtbot, wizard.employer_page.code, "91350100M000100Y43")
    assert "Registered employer found" in wizard.employer_page.found.text()
    wizard.next()
    settle(qtbot)
    a = wizard.accident_page
    from datetime import date

    from injury_desk.ui.widgets import to_qdate

    a.accident_date.setDate(to_qdate(date(2026, 11, 1)))
    settle(qtbot)
    for edit, text in ((a.place, "车间"), (a.body_parts, "右手"), (a.diagnosis, "骨折")):
        type_into(qtbot, edit, text)
    type_into(qtbot, a.circumstances, "压伤")
    wizard.next()
    settle(qtbot)
    assert wizard.currentPage() is wizard.application_page
    assert not wizard.button(QWizard.WizardButton.FinishButton).isEnabled()
    assert "already has claim" in wizard.application_page.other_errors.text() or \
        "already has claim" in visible_error(wizard.application_page, "accident_date")


def test_the_last_page_names_the_page_of_each_error_from_another(qtbot, claims_env):
    """The last page checks the whole claim: an error of another page says which page, so the worker's and the
    employer's "Name: is required" no longer read the same."""
    wizard = NewClaimWizard(claims_env)
    qtbot.addWidget(wizard)
    wizard.show()
    page = wizard.application_page
    page.revalidate()  # as on entering the page: the whole draft, here with nothing typed
    qtbot.waitUntil(lambda: not page.validating)
    lines = page.other_errors.text().split("\n")
    assert "Injured worker – Name: is required" in lines
    assert "Employer – Name: is required" in lines
    assert "Accident – Accident place: is required" in lines
    assert not any(line.startswith("Name:") for line in lines)
