"""The claim page's Recurrence tab (Art. 38) through real widgets: a closed claim reopened through the dialog (OK
disabled until the reason and the confirmation are given), the claim in payment again, the recurrence's suspension
period ended through its dialog and its wages shown (pytest-qt, offscreen)."""

from __future__ import annotations

from PySide6.QtCore import QDate, Qt

from tests.gui.test_claim_case_file import shown, texts
from tests.integration.test_recurrence import closed_claim


def test_reopen_a_closed_claim_and_end_the_recurrences_suspension_period(qtbot, env, services, cw, sup):
    claim_id = closed_claim(services, cw, sup)
    view = shown(qtbot, env, services, claim_id, "recurrences")
    tab = view.case_tabs["recurrences"]
    assert tab.reopen_button.isEnabled() and tab.model.rowCount() == 0
    dialog = tab.reopen()
    assert not dialog.ok_button.isEnabled()  # no reason, no confirmation yet
    dialog.fields["occurred_on"][0].setDate(QDate(2026, 11, 20))
    dialog.fields["reason"][0].setText("内固定松动，疼痛复发")
    assert not dialog.ok_button.isEnabled()  # Art. 38: the need for treatment is confirmed by someone
    dialog.fields["confirmed_by"][0].setText("榕劳鉴复〔2026〕7号")
    dialog.suspension.setChecked(True)
    dialog.fields["stop_work_started_on"][0].setDate(QDate(2026, 11, 20))
    assert dialog.ok_button.isEnabled()
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1)
    assert services.claims.get(cw, claim_id).status == "payment"
    assert not tab.reopen_button.isEnabled()  # open again: nothing to reopen
    assert texts(tab.table, 1) == ["内固定松动，疼痛复发\nconfirmed by 榕劳鉴复〔2026〕7号"]
    assert texts(tab.table, 2) == ["Case Worker"]
    # 12 months from 20 November 2026 (the first day counts) run to 19 November 2027
    assert texts(tab.table, 3) == ["2026-11-20 to \n2027-11-19\n(last day, not ended)"]  # the last day under the first

    tab.table.selectRow(0)
    end = tab.suspension_selected()
    end.ended.setChecked(True)
    end.fields["ended_on"][0].setDate(QDate(2026, 11, 28))
    qtbot.mouseClick(end.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not end.isVisible())
    # 20–28 November: a month begun → 1 × 6,000.00 = 6,000.00 by the employer (Art. 33)
    qtbot.waitUntil(lambda: texts(tab.table, 4) == ["1 months × 6,000.00 = 6,000.00"])
    assert texts(tab.table, 3) == ["2026-11-20 to \n2026-11-28\n(ended)"]


def test_an_open_claim_cannot_be_reopened(qtbot, env, services, cw):
    from tests.integration.test_assessment_services import decided_claim

    view = shown(qtbot, env, services, decided_claim(services, cw), "recurrences")
    assert not view.case_tabs["recurrences"].reopen_button.isEnabled()
