"""The New claim wizard in Simplified Chinese: a late application is shown, not a crash (issue 14)."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QWizard

from injury_desk.ui.claims.wizard import NewClaimWizard
from injury_desk.ui.widgets import to_qdate
from tests.gui.test_claims_wizard import settle, type_into


def test_late_application_page_in_chinese(qtbot, zh_cn, env):
    """The translation puts the deadline before the days late; %1/%2 let it, where "%d … %s" raised."""
    wizard = NewClaimWizard(env)
    qtbot.addWidget(wizard)
    wizard.show()
    type_into(qtbot, wizard.worker_page.id_number, "11010519491231002X")
    type_into(qtbot, wizard.worker_page.name, "张伟")
    wizard.next()
    settle(qtbot)
    employer = wizard.employer_page
    type_into(qtbot, employer.code, "91350100M000100Y43")
    type_into(qtbot, employer.name, "福州示例机械有限公司")
    employer.risk.setValue(3)
    settle(qtbot)
    wizard.next()
    settle(qtbot)
    accident = wizard.accident_page
    accident.accident_date.setDate(to_qdate(date(2026, 9, 1)))
    settle(qtbot)
    for edit, text in ((accident.place, "车间"), (accident.circumstances, "压伤"), (accident.body_parts, "右手"),
                       (accident.diagnosis, "骨折")):
        type_into(qtbot, edit, text)
    wizard.next()
    settle(qtbot)
    page = wizard.application_page
    assert wizard.currentPage() is page  # initializePage ran in Chinese
    page.applicant.setCurrentIndex(page.applicant.findData("employer"))
    settle(qtbot)
    page.received.setDate(to_qdate(date(2026, 11, 10)))
    settle(qtbot)
    # Art. 17: the employer applies within 30 days: 2026-09-01 + 30 = 2026-10-01; 2026-11-10 is 40 days later.
    assert page.warning.text() == "注意：申请在第十七条规定的时限（2026-10-01）后 40 天才收到。申请照常接收，逾期情况将予记录。"
    assert wizard.button(QWizard.WizardButton.FinishButton).isEnabled()
