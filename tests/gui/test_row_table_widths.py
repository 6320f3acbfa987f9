"""A list sizes its columns from their texts (RowTable.fit_to_contents) to exactly the widths Qt's own
resizeColumnsToContents gives them through the delegate: headers wider than their values, Latin, Chinese and
rare-character names, money, dates, bold rows that need attention, and only the first rows measured (a value
further down does not widen its column, as with Qt)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHeaderView

from injury_desk.ui.row_table import Column, RowTable, RowTableModel

NAMES = ["张伟", "Wang Xiaoming-Ouyang", "欧阳娜娜", "𠀀䶮", "Li"]


def _rows(count: int, far_down: str) -> list[tuple]:
    rows = [(f"GS-2026-{i:05d}", NAMES[i % len(NAMES)], Decimal(i * 1234567) / 100, date(2026, 1 + i % 12, 1 + i % 28),
             i % 7 == 3) for i in range(count)]
    rows[-1] = (rows[-1][0], far_down, *rows[-1][2:])
    return rows


def _widths(table: RowTable) -> list[int]:
    header = table.horizontalHeader()
    last = table.source.columnCount() - 1
    return [table.columnWidth(c) for c in range(table.source.columnCount())
            if not (header.stretchLastSection() and c == last)
            and header.sectionResizeMode(c) != QHeaderView.ResizeMode.Stretch]


@pytest.mark.parametrize("count", [3, 80])
def test_columns_are_as_wide_as_qt_measures_them(qtbot, count):
    model = RowTableModel([
        Column("Claim number (statutory)", lambda r: r[0]),
        Column("Worker", lambda r: r[1]),
        Column("Amount", lambda r: r[2], right=True),
        Column("Due", lambda r: r[3]),
        Column("Overdue", lambda r: r[4]),
    ])
    model.alert = lambda r: r[4]
    model.bold_column = 1
    table = RowTable(model)
    qtbot.addWidget(table)
    table.sortByColumn(0, Qt.SortOrder.AscendingOrder)  # the claim numbers in order: the last row is last
    table.resize(900, 400)
    table.show()
    far_down = "A name far down the list that no first row comes near in width"
    table.set_rows(_rows(count, far_down))
    ours = _widths(table)
    table.resizeColumnsToContents()
    assert ours == _widths(table)
    # 80 rows: the last is beyond the rows measured, so its long name does not widen the column (3 rows: it does)
    widened = table.columnWidth(1) > table.fontMetrics().horizontalAdvance(far_down)
    assert widened == (count == 3)


def test_a_bold_row_is_measured_in_bold(qtbot):
    model = RowTableModel([Column("No.", lambda r: r[0]), Column("W", lambda r: r[1]), Column("x", lambda r: "")])
    model.alert = lambda r: r[2]
    model.bold_column = 1
    table = RowTable(model)
    qtbot.addWidget(table)
    name = "WWWWWWWWWWWWWWWWWWWWWWWWWWWWWW"
    table.set_rows([("1", name, False)])
    plain = table.columnWidth(1)
    table.set_rows([("1", name, True)])
    assert table.columnWidth(1) > plain  # bold text is wider: the column follows it
    bold = table.columnWidth(1)
    table.resizeColumnsToContents()
    assert table.columnWidth(1) == bold


def test_a_long_last_column_fills_the_list_without_scrolling_sideways(qtbot):
    # No flexible column: the last one stretches over what the others leave, however long its text (the Sync
    # page's changed fields), as with Qt's own measure; sized to its text it pushed the list into sideways scrolling.
    fields = "，".join(["受理日期", "事故日期", "事故地点", "事故时间", "申请人", "收到申请日期"] * 6)
    model = RowTableModel([Column("No.", lambda r: r[0]), Column("Record", lambda r: r[1]),
                           Column("Fields", lambda r: r[2])])
    table = RowTable(model)
    qtbot.addWidget(table)
    table.resize(700, 300)
    table.show()
    table.set_rows([(1, "工伤申报 DM01-2026-3619-000160", fields)])
    qtbot.waitUntil(lambda: table.horizontalHeader().length() > 0)
    assert table.horizontalHeader().length() <= table.viewport().width()
    assert table.horizontalScrollBar().maximum() == 0
