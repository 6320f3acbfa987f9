"""Compensation → Monthly run through real widgets: the month's lines with their basis, a month chosen, CSV export
through the service's guarded path (the database refused, the page says so), and a line opening its claim."""

from __future__ import annotations

import csv
from datetime import date

from injury_desk.ui.claims.monthly_run_page import MonthlyRunPage
from tests.integration.test_monthly_run import grade_4


def test_the_months_run_shows_each_payment_with_its_basis_and_exports(qtbot, env, services, cw, sup, tmp_path):
    claim_id = grade_4(services, cw, sup)  # approved 2026-11-28 (today): monthly benefits from December
    page = MonthlyRunPage(env)
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: not page.loading)
    assert page.month() == date(2026, 11, 1) and page.model.rowCount() == 0  # nothing due in the approval month
    page.set_month(date(2026, 12, 1))
    qtbot.waitUntil(lambda: not page.loading and page.model.rowCount() == 2)

    def row(benefit: str) -> list[str]:
        for r in range(page.model.rowCount()):
            cells = [page.model.data(page.model.index(r, c)) for c in range(page.model.columnCount())]
            if benefit in cells[3]:
                return cells
        raise AssertionError(benefit)

    allowance = row("disability allowance")
    # Art. 35: grade 4, 75 % × 6,000 = 4,500.00, paid by the fund to the worker
    approved = services.assessments.get(cw, claim_id).decided_at.astimezone().date()  # the clock's day, local
    assert allowance[5] == "4,500.00" and allowance[2] == allowance[1] and allowance[7] == approved.isoformat()
    page.table.selectRow(next(r for r in range(2) if "disability allowance" in page.model.data(page.model.index(r, 3))))
    assert "Art. 35" in page.basis.text()
    assert "2 payments" in page.summary.text() and "6,840.00" in page.summary.text()  # + nursing 2,340.00

    target = tmp_path / "run.csv"
    page.export_to(str(target))
    qtbot.waitUntil(lambda: page.export_button.isEnabled() and "written" in page.status.text())
    rows = list(csv.DictReader(target.open(encoding="utf-8-sig")))
    assert sorted(r["amount"] for r in rows) == ["2340.00", "4500.00"]

    page.export_to(str(env.services.ctx.db.path))  # the database itself: refused, nothing written over it
    qtbot.waitUntil(lambda: not page.error.isHidden() and page.error.text() != "")
    assert page.export_button.isEnabled() and "written" not in page.status.text()

    with qtbot.waitSignal(page.open_claim) as opened:
        page.table.activated.emit(page.table.model().index(0, 0))
    assert opened.args == [claim_id]


def test_the_legal_basis_is_shown_in_the_readers_language(qtbot, env, services, cw, sup, zh_cn):
    grade_4(services, cw, sup)
    page = MonthlyRunPage(env)
    qtbot.addWidget(page)
    page.set_month(date(2026, 12, 1))
    qtbot.waitUntil(lambda: not page.loading and page.model.rowCount() == 2)
    bases = []
    for r in range(page.model.rowCount()):  # each line selected: its basis shows whole under the list
        page.table.selectRow(r)
        bases.append(page.basis.text())
    # the Chinese window names the regulation in Chinese, never the English text the CSV carries
    assert all(b.startswith("法律依据：") and "工伤保险条例" in b and "Regulation" not in b for b in bases), bases
    assert all("调整通知：无" in b for b in bases), bases  # no notice applies in December 2026


def test_mark_a_line_paid_and_write_the_notices_into_the_payments(qtbot, env, sup_env, services, cw, sup, ctx,
                                                                   tmp_path):
    from PySide6.QtCore import Qt

    from tests.integration.test_monthly_run import with_notice
    from tests.integration.test_schedule_adjustments import NOTICE

    claim_id = grade_4(services, cw, sup)
    with_notice(ctx, tmp_path, NOTICE)  # +2 % on the allowance from January 2027, published 10 February
    ctx.today = lambda: date(2027, 2, 15)
    for p in services.assessments.list_payments(cw, claim_id):
        if p.due_on < date(2027, 2, 1):
            services.assessments.record_payment(cw, p.id, p.due_on.isoformat(), "代发")
    page = MonthlyRunPage(env)
    qtbot.addWidget(page)
    page.set_month(date(2027, 2, 1))
    qtbot.waitUntil(lambda: not page.loading and page.model.rowCount() == 2)
    assert not page.paid_button.isEnabled() and not page.apply_button.isEnabled()  # a caseworker applies nothing
    row = next(r for r in range(2) if "disability allowance" in page.model.data(page.model.index(r, 3)))
    assert page.model.data(page.model.index(row, 8)) == "Scheduled"
    page.table.selectRow(row)
    assert page.paid_button.isEnabled()
    dialog = page.mark_paid()
    assert not dialog.ok_button.isEnabled()  # the reference is required
    dialog.fields["reference"][0].setText("工行代发 0215")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    qtbot.waitUntil(lambda: not page.loading and page.model.data(page.model.index(row, 8)) == "paid 2027-02-15")
    page.table.selectRow(row)
    assert not page.paid_button.isEnabled()  # paid once

    sup_page = MonthlyRunPage(sup_env)
    qtbot.addWidget(sup_page)
    assert sup_page.apply_button.isEnabled()
    sup_page.apply_notices()
    # January and February paid 4,500.00 each: 2 × 90.00 = 180.00 back pay; March to November 4,590.00 (9 payments)
    qtbot.waitUntil(lambda: "180.00" in sup_page.status.text())
    assert sup_page.status.text().startswith("9 payments")
