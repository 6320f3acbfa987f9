"""What a role may not do is disabled with the reason, from the services' permissions table (issue 14)."""

from __future__ import annotations

from PySide6.QtGui import QAction

from injury_desk.domain.errors import DomainError
from injury_desk.services.permissions import PERMISSIONS
from injury_desk.ui.claims.claims_page import ClaimsPage
from injury_desk.ui.main_window import MainWindow
from injury_desk.ui.messages import error_text, label
from tests.gui.conftest import make_env


def test_an_administrator_cannot_start_a_claim_and_is_told_why(qtbot, services, adm, tmp_path):
    env = make_env(services, adm, tmp_path)
    window = MainWindow(env)
    qtbot.addWidget(window)
    page = window.claims_page
    reason = "your role (Administrator) may not create claims"
    assert not page.new_button.isEnabled() and page.new_button.toolTip() == reason
    new_claim = next(a for a in window.findChildren(QAction) if a.text() == "&New claim…")
    assert not new_claim.isEnabled() and new_claim.toolTip() == reason
    env.runner.wait()


def test_a_caseworker_can_start_a_claim(qtbot, env):
    page = ClaimsPage(env)
    qtbot.addWidget(page)
    assert page.new_button.isEnabled()


def test_a_refusal_names_the_action_in_words_never_the_internal_key(qapp):
    text = error_text(DomainError("permission.denied", permission="assessment.approve", role="caseworker"))
    assert text == "your role (Caseworker) may not approve benefit assessments"
    assert "assessment.approve" not in text and "caseworker" not in text


def test_every_permission_has_words():
    assert all(label("permission", key) != key for key in PERMISSIONS)


def test_an_administrator_sees_prevention_and_rehabilitation_entry_points_disabled_with_the_reason(
        qtbot, services, adm, tmp_path):
    from injury_desk.ui.prevention.employers_page import EmployersPage
    from injury_desk.ui.prevention.incidents_page import IncidentsPage
    from injury_desk.ui.rehab.cases_page import RehabCasesPage

    env = make_env(services, adm, tmp_path)
    employers, incidents, rehab = EmployersPage(env), IncidentsPage(env), RehabCasesPage(env)
    for page in (employers, incidents, rehab):
        qtbot.addWidget(page)
    for button, words in ((employers.new_button, "change employers"),
                          (incidents.add_button, "record inspections, training and incidents"),
                          (rehab.open_button, "change rehabilitation cases")):
        assert not button.isEnabled() and button.toolTip() == f"your role (Administrator) may not {words}"
    env.runner.wait()


def test_an_administrator_sees_why_the_claim_steps_are_disabled(qtbot, services, cw, adm, tmp_path):
    from tests.conftest import claim_draft

    claim_id = services.claims.create(cw, claim_draft())
    env = make_env(services, adm, tmp_path)
    page = ClaimsPage(env)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.detail is not None)
    page.select_claim(claim_id)
    qtbot.waitUntil(lambda: page.detail.claim is not None)
    step = page.detail.step_button
    assert not step.isEnabled() and step.toolTip() == "your role (Administrator) may not take the steps of a claim"
    env.runner.wait()
