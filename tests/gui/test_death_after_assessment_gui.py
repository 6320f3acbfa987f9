"""A death after the approved assessment through real widgets (Art. 39): the Deadlines tab's Record menu records it,
the Assessment page says the death's assessment is due, shows the grade 4 worker's Art. 39 last-paragraph figures
(funeral subsidy only, no death subsidy) and proposes it superseding the approved one from the day of death, for a
supervisor to approve (pytest-qt, offscreen)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from injury_desk.ui.widgets import to_qdate
from tests.gui.test_assessment_dialog import click, open_dialog
from tests.gui.test_claim_case_file import settle, shown
from tests.integration.test_reappraisal import approved_grade_4


def test_recording_the_death_leads_to_a_superseding_proposal(qtbot, env, services, sup, ctx):
    claim_id, first = approved_grade_4(services, env.actor, sup)  # grade 4 from 2026-11-20, approved 2026-11-28
    ctx.today = lambda: date(2027, 2, 10)
    view = shown(qtbot, env, services, claim_id, "deadlines")
    dialog = view.case_tabs["deadlines"].open_action("record_death")
    dialog.fields["death_date"][0].setDate(to_qdate(date(2026, 12, 20)))
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    settle(qtbot)
    assert services.claims.get(env.actor, claim_id).death_date == date(2026, 12, 20)

    page = open_dialog(qtbot, env, claim_id)
    assert "The worker died on 2026-12-20" in page.guidance.text()
    assert page.propose_button.isEnabled() and page.grade.text() == "4"
    click(qtbot, page.calculate_button)

    def labels() -> list[str]:
        return [page.item_table.item(r, 0).text() for r in range(page.item_table.rowCount())]

    assert "Monthly disability allowance" in labels()  # the approved assessment's items until the calculation
    qtbot.waitUntil(lambda: "Funeral subsidy" in labels() or page.message.isVisible())
    assert not page.message.isVisible(), page.message.text()
    # after the suspension period (it ended with the appraisal on 2026-11-20): 6 × 7,800 = 46,800.00 only
    assert labels()[1:] == ["Funeral subsidy"] and page.item_table.item(1, 1).text() == "46,800.00"
    click(qtbot, page.propose_button)
    qtbot.waitUntil(lambda: page.stored is not None and page.stored.status == "proposed")
    stored = services.assessments.get(env.actor, claim_id)
    assert (stored.supersedes_id, stored.effective_from) == (first, date(2026, 12, 20))
    assert stored.inputs["death_after_suspension"] is True and stored.inputs["disability_grade"] == 4
    assert "waiting for a supervisor" in page.guidance.text()
    assert page.approve_button.isVisible() and not page.approve_button.isEnabled()  # four eyes
