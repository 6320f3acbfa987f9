"""A death after the approved assessment through real widgets (Art. 39): the Deadlines tab's Record menu records it
and proposes the death's assessment at once (a grade 4 worker after the suspension period: the funeral subsidy only
in the figures, no death subsidy), superseding the approved one from the day of death for a supervisor to approve;
where a figure is missing the Assessment page says the death's assessment is due and the caseworker proposes it
(pytest-qt, offscreen)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from injury_desk.ui.widgets import to_qdate
from tests.gui.test_assessment_dialog import click, open_dialog
from tests.gui.test_claim_case_file import settle, shown
from tests.integration.test_reappraisal import approved_grade_4


def record_death(qtbot, env, services, claim_id, day: date) -> None:
    view = shown(qtbot, env, services, claim_id, "deadlines")
    dialog = view.case_tabs["deadlines"].open_action("record_death")
    dialog.fields["death_date"][0].setDate(to_qdate(day))
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    settle(qtbot)
    assert services.claims.get(env.actor, claim_id).death_date == day


def labels(page) -> list[str]:
    return [page.item_table.item(r, 0).text() for r in range(page.item_table.rowCount())]


def test_recording_the_death_proposes_the_superseding_assessment(qtbot, env, services, sup, ctx):
    claim_id, first = approved_grade_4(services, env.actor, sup)  # grade 4 from 2026-11-20, approved 2026-11-28
    ctx.today = lambda: date(2027, 2, 10)
    january = next(p for p in services.assessments.list_payments(sup, claim_id) if p.due_on == date(2027, 1, 1))
    services.assessments.record_payment(sup, january.id, "2027-01-01", "bank")  # paid after the death
    record_death(qtbot, env, services, claim_id, date(2026, 12, 20))
    stored = services.assessments.get(env.actor, claim_id)
    assert (stored.status, stored.supersedes_id, stored.effective_from) == ("proposed", first, date(2026, 12, 20))
    assert stored.inputs["death_after_suspension"] is True and stored.inputs["disability_grade"] == 4

    page = open_dialog(qtbot, env, claim_id)
    # after the suspension period (it ended with the appraisal on 2026-11-20): 6 × 7,800 = 46,800.00 only
    assert labels(page)[1:] == ["Funeral subsidy"] and page.item_table.item(1, 1).text() == "46,800.00"
    assert "waiting for a supervisor" in page.guidance.text()
    assert page.approve_button.isVisible() and not page.approve_button.isEnabled()  # four eyes

    # once a supervisor approves it, the claim page shows the superseded assessment and January's allowance
    # (4,500.00, paid after the death of 20 December) as an overpayment to recover
    services.assessments.approve(sup, stored.id)
    view = shown(qtbot, env, services, claim_id, "deadlines")
    text = view.browser.toPlainText()
    assert "superseded from 2026-12-20" in text and "In force from" in text
    assert "Monthly disability allowance: 4,500.00 yuan (1 month(s) × 4,500.00)" in text


def test_a_missing_figure_leaves_the_proposal_to_the_assessment_page(qtbot, env, services, sup, ctx):
    claim_id, first = approved_grade_4(services, env.actor, sup)
    ctx.today = lambda: date(2026, 11, 30)
    record_death(qtbot, env, services, claim_id, date(2026, 11, 20))  # the period's last day: all three benefits
    assert services.assessments.get(env.actor, claim_id).id == first  # the 2025 national figure is not shipped

    page = open_dialog(qtbot, env, claim_id)
    assert "The worker died on 2026-11-20" in page.guidance.text()
    assert page.propose_button.isEnabled() and page.wages_tab.income.isVisible()
    page.wages_tab.income.setText("54188")
    click(qtbot, page.propose_button)
    qtbot.waitUntil(lambda: page.message.isVisible())
    assert page.message.text() == "Proposed. A supervisor must now approve it."
    stored = services.assessments.get(env.actor, claim_id)
    assert (stored.supersedes_id, stored.effective_from) == (first, date(2026, 11, 20))
    # funeral 6 × 7,800 = 46,800.00 and the death subsidy 20 × 54,188 = 1,083,760.00
    assert {i["code"]: i["amount"] for i in stored.items if not i.get("informational")} == {
        "funeral_subsidy": "46800.00", "one_time_death_subsidy": "1083760.00"}

