"""The date of death through real widgets (Art. 39 counts from the death): the New claim wizard's date, enabled by
"died of the injury" and refused before the accident beside its field; the Deadlines tab's Record menu records a
death that followed the accident, and the summary shows it (pytest-qt, offscreen)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from injury_desk.ui.claims.wizard import NewClaimWizard
from injury_desk.ui.widgets import to_qdate
from tests.conftest import claim_draft
from tests.gui.test_claim_case_file import shown
from tests.gui.test_claims_wizard import claims_env, type_into, visible_error  # noqa: F401 - the fixture


def test_the_wizard_takes_a_date_of_death_not_before_the_accident(qtbot, claims_env):  # noqa: F811
    wizard = NewClaimWizard(claims_env)
    qtbot.addWidget(wizard)
    wizard.show()
    type_into(qtbot, wizard.worker_page.id_number, "11010519491231002X")
    wizard.next()
    type_into(qtbot, wizard.employer_page.code, "91350100M000100Y43")
    wizard.next()
    a = wizard.accident_page
    assert not a.death_date.isEnabled()  # only for a death
    a.accident_date.setDate(to_qdate(date(2026, 11, 10)))
    for edit, text in ((a.place, "车间"), (a.body_parts, "头部"), (a.diagnosis, "颅脑损伤"), (a.circumstances, "坠落")):
        type_into(qtbot, edit, text)
    a.fatal.setChecked(True)
    assert a.death_date.isEnabled() and a.death_date.date() == to_qdate(date(2026, 11, 10))  # from the accident day
    a.death_date.setDate(to_qdate(date(2026, 11, 9)))  # the day before the accident
    qtbot.waitUntil(lambda: "before the accident" in visible_error(a, "death_date"))
    a.death_date.setDate(to_qdate(date(2026, 11, 25)))  # 15 days after it
    qtbot.waitUntil(lambda: visible_error(a, "death_date") == "")
    assert a.data()["death_date"] == "2026-11-25"


def test_the_record_menu_records_a_later_death(qtbot, sup_env, services, sup):
    claim_id = services.claims.create(sup, claim_draft(application_received_on="2026-11-20"))
    view = shown(qtbot, sup_env, services, claim_id, "deadlines")
    tab = view.case_tabs["deadlines"]
    assert "Death of the worker (Art. 39)…" in [x.text() for x in tab.menu.actions()]
    dialog = tab.open_action("record_death")
    dialog.fields["death_date"][0].setDate(to_qdate(date(2026, 10, 31)))  # before the accident of 1 November
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.fields["death_date"][1].isVisible())
    assert "before the accident" in dialog.fields["death_date"][1].text()
    assert services.claims.get(sup, claim_id).fatal is False  # nothing changed
    dialog.fields["death_date"][0].setDate(to_qdate(date(2026, 11, 20)))
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    claim = services.claims.get(sup, claim_id)
    assert (claim.fatal, claim.death_date) == (True, date(2026, 11, 20))
    view.show_claim(claim)
    assert "2026-11-20" in view.browser.toPlainText() and "Date of death" in view.browser.toPlainText()
