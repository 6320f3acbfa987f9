"""The case file on the claim page: deadlines with their basis and the Record menu, documents with the missing
checklist, notes that are never edited, the history timeline, and money in the summary (pytest-qt, offscreen)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from injury_desk.ui.claims.detail_view import ClaimDetailView
from injury_desk.ui.operations import running
from tests.conftest import claim_draft


def texts(table, column: int) -> list[str]:
    model = table.model()
    return [model.data(model.index(r, column)) for r in range(model.rowCount())]


def shown(qtbot, env, services, claim_id, tab: str) -> ClaimDetailView:
    view = ClaimDetailView(env=env)
    qtbot.addWidget(view)
    view.resize(900, 600)
    view.show()
    view.show_claim(services.claims.get(env.actor, claim_id))
    view.tabs.setCurrentWidget(view.case_tabs[tab])
    settle(qtbot)
    return view


def settle(qtbot) -> None:
    """Wait until every read and write the GUI started has been shown (they run off the GUI thread)."""
    qtbot.waitUntil(lambda: running() == 0)


def test_deadlines_tab_lists_clocks_and_records_a_missing_documents_notice(qtbot, sup_env, services, sup):
    claim_id = services.claims.create(sup, claim_draft(application_received_on="2026-11-20"))
    view = shown(qtbot, sup_env, services, claim_id, "deadlines")
    tab = view.case_tabs["deadlines"]
    assert texts(tab.table, 0) == ["2026-12-05"]  # received 20 Nov + 15 days
    assert texts(tab.table, 1) == ["This week"]
    name, basis = texts(tab.table, 2)[0].split("\n")
    assert name == "Acceptance (Measures Art. 8)" and basis.startswith("Determination Measures Art. 8")
    actions = [a.text() for a in tab.menu.actions()]
    assert "Notice of missing documents…" in actions and "Application not accepted…" in actions
    assert "Suspend the determination (Art. 20)…" not in actions  # not in this status
    dialog = tab.open_action("request_documents")
    assert not dialog.ok_button.isEnabled()  # no document ticked yet
    box = dialog.fields["documents"][0]
    for i in range(box.count()):
        if box.item(i).data(Qt.ItemDataRole.UserRole) in ("labour_contract", "id_copy"):
            box.item(i).setCheckState(Qt.CheckState.Checked)
    assert dialog.ok_button.isEnabled()
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    view.show_claim(services.claims.get(sup_env.actor, claim_id))
    assert texts(tab.table, 2) == []  # waiting for the applicant: no clock runs
    assert services.claims.get(sup_env.actor, claim_id).next_step == "next.await_documents"


def test_record_dialog_shows_the_service_refusal_next_to_the_field(qtbot, sup_env, services, sup):
    claim_id = services.claims.create(sup, claim_draft(application_received_on="2026-11-20"))
    services.claims.accept(sup, claim_id, {"accepted_on": "2026-11-21"})
    view = shown(qtbot, sup_env, services, claim_id, "deadlines")
    dialog = view.case_tabs["deadlines"].open_action("start_suspension")
    from injury_desk.ui.widgets import to_qdate
    from datetime import date

    dialog.fields["started_on"][0].setDate(to_qdate(date(2026, 11, 1)))
    dialog.fields["reason"][0].setPlainText("法院审理劳动关系")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    error = dialog.fields["started_on"][1]
    qtbot.waitUntil(lambda: error.isVisible())
    assert "before the acceptance (2026-11-21)" in error.text()
    assert dialog.isVisible()


def test_documents_tab_adds_a_file_and_updates_the_checklist(qtbot, env, services, cw, tmp_path):
    claim_id = services.claims.create(cw, claim_draft())
    view = shown(qtbot, env, services, claim_id, "documents")
    tab = view.case_tabs["documents"]
    assert tab.checklist.text() == ("Still missing for this step: Application form, ID card copy, "
                                    "Labour contract or proof of employment, Medical record or diagnosis")
    scan = tmp_path / "合同.pdf"
    scan.write_bytes(b"%PDF-1.4 contract")
    dialog = tab.add()
    dialog.path.setText(str(scan))
    combo = dialog.fields["doc_type"][0]
    combo.setCurrentIndex(combo.findData("labour_contract"))
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    tab.show_claim(services.claims.get(env.actor, claim_id))
    qtbot.waitUntil(lambda: texts(tab.table, 0) == ["Labour contract or proof of employment"])
    assert texts(tab.table, 1) == ["2026-11-28"] and texts(tab.table, 2) == ["合同.pdf"]
    assert "Labour contract" not in tab.checklist.text() and "ID card copy" in tab.checklist.text()


def test_notes_tab_adds_and_corrects_never_edits(qtbot, env, services, cw):
    claim_id = services.claims.create(cw, claim_draft())
    view = shown(qtbot, env, services, claim_id, "notes")
    tab = view.case_tabs["notes"]
    tab.text.setPlainText("已电话通知用人单位补交材料。")
    qtbot.mouseClick(tab.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: texts(tab.table, 2) == ["已电话通知用人单位补交材料。"])
    assert texts(tab.table, 1) == ["Case Worker"]
    assert tab.text.toPlainText() == ""
    tab.text.setPlainText("更正：通知的是工会。")
    qtbot.mouseClick(tab.correct_button, Qt.MouseButton.LeftButton)
    assert "Select the note to correct" in tab.error.text()
    tab.table.selectRow(0)
    qtbot.mouseClick(tab.correct_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: texts(tab.table, 2) == ["已电话通知用人单位补交材料。", "[correction] 更正：通知的是工会。"])
    assert tab.table.editTriggers() == tab.table.EditTrigger.NoEditTriggers


def test_history_tab_in_plain_words_with_who(qtbot, sup_env, services, cw, sup):
    claim_id = services.claims.create(cw, claim_draft())
    services.claims.accept(sup, claim_id, {"accepted_on": "2026-11-11"})
    services.case_file.add_note(cw, claim_id, "备注")
    view = shown(qtbot, sup_env, services, claim_id, "history")
    tab = view.case_tabs["history"]
    assert [t.split("\n")[0] for t in texts(tab.table, 2)] == ["Claim registered", "Application accepted", "Note added"]
    assert texts(tab.table, 1) == ["Case Worker", "Super Visor", "Case Worker"]
    assert "accepted_on" not in texts(tab.table, 2)[1]  # field names in words, not codes
    assert texts(tab.table, 0)[0][:4] == "2026" or texts(tab.table, 0)[0][:2] == "20"


def test_summary_shows_money_and_open_tasks(qtbot, sup_env, services, cw, sup):
    from tests.integration.test_assessment_services import appraised_claim, proposal_inputs, with_wages

    claim_id = appraised_claim(services, cw)
    with_wages(services, cw, claim_id)
    services.assessments.approve(sup, services.assessments.propose(
        cw, claim_id, proposal_inputs(services, cw, claim_id, suspension_months=6)))
    view = shown(qtbot, sup_env, services, claim_id, "deadlines")
    view.tabs.setCurrentIndex(0)
    qtbot.waitUntil(lambda: "Money" in view.browser.toPlainText())  # read after the claim's facts
    html = view.browser.toPlainText()
    assert "Money" in html and "approved:" in html and "Paid" in html and "0.00 yuan in 0 payment(s)" in html
    assert "next on 2026-11-28" in html
    assert "Open tasks: statutory deadlines" in html and "Review possible (Art. 28)" in html
    # The money's values start where the facts' values do (two tables, one column of labels).
    claim_no = services.claims.get(sup, claim_id).claim_no
    assert value_x(view.browser, claim_no) == value_x(view.browser, "0.00 yuan in 0 payment(s)")


def value_x(browser, text: str) -> int:
    """Where ``text`` starts in the browser, in pixels from its left edge."""
    found = browser.document().find(text)
    assert not found.isNull(), text
    found.setPosition(found.selectionStart())
    return browser.cursorRect(found).x()


def test_delivery_of_an_issued_decision_opens_the_appeal_windows(qtbot, sup_env, services, sup):
    claim_id = services.claims.create(sup, claim_draft())
    services.claims.accept(sup, claim_id, {"accepted_on": "2026-11-11"})
    services.claims.decide(sup, claim_id, {"outcome": "not_recognised", "decided_on": "2026-11-20",
                                           "basis_code": "art16_3"})
    number = services.claims.get(sup, claim_id).determination["decision_no"]
    view = shown(qtbot, sup_env, services, claim_id, "deadlines")
    tab = view.case_tabs["deadlines"]
    dialog = tab.open_action("record_delivery")
    combo = dialog.fields["document_kind"][0]
    # the issued number, never typed (the claim's documents are listed once read)
    qtbot.waitUntil(lambda: combo.itemText(0) == f"{number} — Not-recognised decision")
    assert combo.currentIndex() == 0
    dialog.fields["recipient_name"][0].setText("张伟")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    view.show_claim(services.claims.get(sup_env.actor, claim_id))
    rows = {name.split("\n")[0]: due for name, due in zip(texts(tab.table, 2), texts(tab.table, 0))}
    # delivered 2026-11-28 to the worker: 60 days -> 2027-01-27, 6 months -> 2027-05-28
    assert rows == {"Administrative reconsideration — The injured worker": "2027-01-27",
                    "Administrative lawsuit — The injured worker": "2027-05-28"}


def test_summary_in_chinese_uses_chinese_punctuation(qtbot, sup_env, services, cw, sup, zh_cn):
    """The worker line and the appraisal line were joined in code with ", " and "; " (issue 14)."""
    from tests.integration.test_assessment_services import appraised_claim

    claim_id = appraised_claim(services, cw)
    view = shown(qtbot, sup_env, services, claim_id, "deadlines")
    view.tabs.setCurrentIndex(0)
    claim = services.claims.get(cw, claim_id)
    qtbot.waitUntil(lambda: claim.worker.name in view.browser.toPlainText())
    text = view.browser.toPlainText()
    born = claim.worker.birth_date.isoformat()
    assert f"{claim.worker.name}（男，{born} 出生）" in text or f"{claim.worker.name}（女，{born} 出生）" in text
    assert "；结论于" in text
    assert ", " not in text and "; " not in text
