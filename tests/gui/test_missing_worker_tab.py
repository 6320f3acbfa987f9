"""The claim page's Missing worker tab (Art. 41) through real widgets: a caseworker records the disappearance, the
tab shows the wage months and the pension's first month; a supervisor advances from the death subsidy (OK disabled
until the payment order is given; more than half refused with the field named); the court's declaration of death
through its dialog (the judgment required as typed) and the amounts then due (pytest-qt, offscreen)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.gui.conftest import make_env
from tests.gui.test_claim_case_file import shown
from tests.integration.test_assessment_services import decided_claim, proposal_inputs, with_wages


def approved_death_claim(services, cw, sup) -> str:
    claim_id = decided_claim(services, cw, fatal=True)  # accident 2026-11-01
    with_wages(services, cw, claim_id)
    services.assessments.approve(sup, services.assessments.propose(cw, claim_id, proposal_inputs(
        services, cw, claim_id, dependants=[{"relation": "spouse"}], national_urban_disposable_income="54188")))
    return claim_id


def ok(qtbot, dialog) -> None:
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible())


def test_record_the_disappearance_the_advance_and_the_declared_death(qtbot, env, services, cw, sup, tmp_path):
    claim_id = approved_death_claim(services, cw, sup)
    view = shown(qtbot, env, services, claim_id, "missing")
    tab = view.case_tabs["missing"]
    qtbot.waitUntil(tab.record_button.isEnabled)  # read off the GUI thread
    assert not tab.advance_button.isEnabled()
    dialog = tab.record()
    dialog.fields["circumstance"][0].setCurrentIndex(dialog.fields["circumstance"][0].findData("away_on_work"))
    ok(qtbot, dialog)
    # accident 1 November 2026: wages November to January, the pension from February 2027
    qtbot.waitUntil(lambda: "2026-11 to 2027-01" in tab.details.text())
    assert "from 2027-02" in tab.details.text()
    assert not tab.record_button.isEnabled() and not tab.advance_button.isEnabled()  # a caseworker does not advance

    sup_view = shown(qtbot, make_env(services, sup, tmp_path / "sup"), services, claim_id, "missing")
    sup_tab = sup_view.case_tabs["missing"]
    # 20 × 54,188 = 1,083,760.00; half is 541,880.00
    qtbot.waitUntil(lambda: "at most 541,880.00 yuan" in sup_tab.details.text())
    assert sup_tab.advance_button.isEnabled()
    advance = sup_tab.advance()
    advance.fields["amount"][0].setText("541,880.01")
    assert not advance.ok_button.isEnabled()  # the payment order is required
    advance.fields["advance_ref"][0].setText("榕社保预支〔2026〕1号")
    qtbot.mouseClick(advance.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: advance.fields["amount"][1].isVisible())  # refused: more than half, on the amount
    assert "541,880.00" in advance.fields["amount"][1].text()
    assert services.missing.view(cw, claim_id).advance is None
    advance.fields["amount"][0].setText("300000")
    ok(qtbot, advance)
    qtbot.waitUntil(lambda: "300,000.00 yuan" in sup_tab.details.text())
    assert not sup_tab.advance_button.isEnabled()  # decided once

    end = sup_tab.outcome()
    end.fields["ended_as"][0].setCurrentIndex(end.fields["ended_as"][0].findData("declared_dead"))
    assert not end.ok_button.isEnabled()  # the court's judgment is required
    end.fields["outcome_ref"][0].setText("（2026）闽0102民特12号")
    ok(qtbot, end)
    # the one-time death subsidy less the advance: 1,083,760.00 − 300,000.00 = 783,760.00
    qtbot.waitUntil(lambda: "783,760.00" in sup_tab.details.text())
    assert not sup_tab.outcome_button.isEnabled()


def test_a_claim_not_recorded_as_a_death_cannot_record_a_disappearance(qtbot, env, services, cw):
    claim_id = decided_claim(services, cw)
    tab = shown(qtbot, env, services, claim_id, "missing").case_tabs["missing"]
    qtbot.waitUntil(lambda: "not recorded as a death" in tab.details.text())
    assert not tab.record_button.isEnabled()
