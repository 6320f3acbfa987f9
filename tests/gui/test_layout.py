"""Layout at 1366×768 (issue 14): claims columns keep their width when the detail pane moves, headers fit."""

from __future__ import annotations

from injury_desk.ui.claims.claims_page import ClaimsPage
from tests.conftest import claim_draft, worker_data


def page_with_one_claim(qtbot, env, services, cw, width: int) -> ClaimsPage:
    services.claims.create(cw, claim_draft())
    page = ClaimsPage(env)
    qtbot.addWidget(page)
    page.resize(width, 700)
    page.show()
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    return page

def test_claims_columns_fit_their_headers_and_do_not_move_with_the_detail_pane(qtbot, qapp, env, services, cw,
                                                                                language):
    page = page_with_one_claim(qtbot, env, services, cw, 1200)
    header = page.table.horizontalHeader()
    widths = [header.sectionSize(i) for i in range(header.count())]
    for i in range(header.count()):  # "Next deadlin": a header cut off
        text = page.model.headerData(i, header.orientation())
        needed = header.fontMetrics().horizontalAdvance(text)
        assert widths[i] >= needed, (text, widths[i], needed)
    page.splitter.setSizes([500, 700])  # the detail pane moves left
    assert [header.sectionSize(i) for i in range(header.count())] == widths
    page.splitter.setSizes([1000, 200])
    assert [header.sectionSize(i) for i in range(header.count())] == widths


def test_with_a_claim_open_at_1366_the_status_and_next_deadline_are_in_view(qtbot, qapp, env, services, cw,
                                                                              language):
    """The page at the width it gets in a 1366 px window: the detail pane takes two fifths, and the list scrolls
    sideways, but what a caseworker scans for is visible without scrolling; only the ID number and employer may not be."""
    from injury_desk.ui.claims.list_model import COLUMNS

    page = page_with_one_claim(qtbot, env, services, cw, 1180)
    page.table.selectRow(0)
    qtbot.waitUntil(lambda: page.detail is not None and page.detail.isVisible())
    header, viewport = page.table.horizontalHeader(), page.table.viewport().width()
    assert page.table.horizontalScrollBar().isVisible()  # the case: not everything fits
    for name in ("claim_no", "worker_name", "status", "next_deadline", "accident_date"):
        i = COLUMNS.index(name)
        assert 0 <= header.sectionViewportPosition(i) and \
            header.sectionViewportPosition(i) + header.sectionSize(i) <= viewport, (name, viewport)
    last = COLUMNS.index("id_number")  # last on screen: the one the sideways scrolling is for
    assert header.sectionViewportPosition(last) + header.sectionSize(last) > viewport
    # dragged by the user, the order is theirs and comes back with the page
    header.moveSection(header.visualIndex(COLUMNS.index("id_number")), 0)
    page.save_state()
    again = ClaimsPage(env)
    qtbot.addWidget(again)
    again.restore_state()
    assert again.table.horizontalHeader().logicalIndex(0) == COLUMNS.index("id_number")


def test_a_long_legal_basis_gives_way_instead_of_scrolling_sideways(qtbot, qapp):
    """A RowTable with one flexible column (the legal basis) in a 700 px window: every column fits, the fixed
    columns keep the width of their text, the long text is cut and shown whole in its tooltip."""
    from dataclasses import dataclass

    from PySide6.QtCore import Qt

    from injury_desk.ui.row_table import Column, RowTable, RowTableModel

    @dataclass
    class Row:
        claim_no: str
        basis: str

    basis = "Regulation Art. 20: 60 days from acceptance (15 for clear cases), suspensions added " * 3
    model = RowTableModel([Column("Claim number", lambda r: r.claim_no),
                           Column("Legal basis", lambda r: r.basis, flexible=True),
                           Column("Worker", lambda r: "林鹏勇")])
    table = RowTable(model)
    qtbot.addWidget(table)
    table.resize(700, 300)
    table.show()
    table.set_rows([Row("DM01-2026-D5EE-000006", basis)])
    header = table.horizontalHeader()
    qtbot.waitUntil(lambda: sum(header.sectionSize(i) for i in range(3)) == table.viewport().width())
    assert not table.horizontalScrollBar().isVisible()
    # The claim number and the worker are wide enough for their text; the basis took what was left.
    for column in (0, 2):
        text = model.data(model.index(0, column))
        assert header.sectionSize(column) >= table.fontMetrics().horizontalAdvance(text), text
    assert header.sectionSize(1) < table.fontMetrics().horizontalAdvance(basis)
    assert model.data(model.index(0, 1), Qt.ItemDataRole.ToolTipRole) == basis

    # Wider than everything wants: no sideways scrolling either, and no empty strip after the last column.
    table.resize(9000, 300)
    qtbot.waitUntil(lambda: sum(header.sectionSize(i) for i in range(3)) == table.viewport().width())
    assert header.sectionSize(1) >= table.fontMetrics().horizontalAdvance(basis)


def test_tasks_page_fits_1366_without_scrolling_sideways(qtbot, qapp, env, services, cw, language):
    """The Tasks page at the width it gets in a 1366 px window (the navigation list takes ~185 px)."""
    from injury_desk.ui.tasks_page import TasksPage
    late = claim_draft(accident_date="2025-06-01", applicant_type=None, application_received_on=None)
    services.claims.create(cw, late)
    # Accepted: its Art. 20 decision deadline carries the longest legal basis of all.
    accepted = services.claims.create(cw, claim_draft(worker=worker_data(id_number="110105198005060125")))
    services.claims.accept(cw, accepted, {"accepted_on": "2026-11-20", "clear_case": True})
    page = TasksPage(env)
    qtbot.addWidget(page)
    page.resize(1180, 700)
    page.show()
    qtbot.waitUntil(lambda: page.deadline_model.rowCount() == 2)
    table = page.deadlines
    qtbot.waitUntil(lambda: table.horizontalHeader().length() == table.viewport().width())
    assert not table.horizontalScrollBar().isVisible()
    header = table.horizontalHeader()
    for i in range(header.count() - 1):  # every column but the legal basis shows its header whole
        text = page.deadline_model.headerData(i, header.orientation())
        assert header.sectionSize(i) >= header.fontMetrics().horizontalAdvance(text), text


def test_the_tasks_page_headings_wrap_instead_of_widening_the_window(qtbot, qapp, env, services, cw, language):
    # Its long bold headings once set the window's least width to 973 pixels, more than the 800-pixel offscreen
    # screen: a window resized narrower by the user came back wider on the next start.
    from injury_desk.ui.main_window import MainWindow
    window = MainWindow(env)
    qtbot.addWidget(window)
    window.show()
    window.show_section(3)
    qtbot.waitUntil(lambda: window.tasks_page.page is not None and window.tasks_page.page.first_shown)
    qapp.processEvents()
    screen = window.screen().availableGeometry().width()
    assert window.minimumSizeHint().width() <= screen
    window.resize(701, 503)
    assert window.width() == 701
    window.close()


def test_a_heading_beside_buttons_stays_on_one_line_in_a_wide_window(qtbot, qapp, env, language):
    # Headings wrap (a narrow window), but one in a row with buttons once got only the width a wrapped label asks
    # for: "Funded projects and / publicity" on two lines with empty space beside it.
    from PySide6.QtWidgets import QLabel

    from injury_desk.ui.prevention.spending_list import SpendingList
    spending = SpendingList(env)
    qtbot.addWidget(spending)
    spending.resize(1000, 400)
    spending.show()
    qtbot.waitExposed(spending)
    heading = next(w for w in spending.findChildren(QLabel) if w.text() == spending.tr("Funded projects and publicity"))
    assert heading.width() >= heading.fontMetrics().horizontalAdvance(heading.text())
    assert heading.height() < 2 * heading.fontMetrics().lineSpacing()
