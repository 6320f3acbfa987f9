"""A list's cells answer the view's all-roles-at-once request (multiData) exactly as they answer one role at a time."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from PySide6.QtCore import QModelRoleData, QModelRoleDataSpan, Qt
from PySide6.QtGui import QBrush, QFont

from injury_desk.ui.row_table import SORT_ROLE, Column, RowTable, RowTableModel

ROLES = [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.TextAlignmentRole,
         Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.FontRole, Qt.ItemDataRole.DecorationRole,
         Qt.ItemDataRole.CheckStateRole, Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.SizeHintRole, SORT_ROLE]


def _plain(value):
    if isinstance(value, QBrush):
        return ("brush", value.color().name())
    if isinstance(value, QFont):
        return ("font", value.bold())
    return value


def _at_once(proxy, index, role):
    wanted = QModelRoleData(int(role))
    proxy.multiData(index, QModelRoleDataSpan(wanted))
    return _plain(wanted.data())


def test_every_cell_gives_the_same_value_for_every_role_either_way(qtbot):
    model = RowTableModel([
        Column("Due", lambda r: r[0]),
        Column("Amount", lambda r: r[1], right=True),
        Column("Kind", lambda r: r[2], text=lambda r: r[2].upper(), tooltip=lambda r: f"kind {r[2]}"),
        Column("Note", lambda r: r[3], flexible=True),
    ])
    model.alert = lambda r: r[2] == "late"
    model.bold_column = 0
    table = RowTable(model)
    qtbot.addWidget(table)
    table.set_rows([(date(2026, 12, 1), Decimal("1234.5"), "late", "a long note"),
                    (None, Decimal("0"), "soon", None)])
    seen = set()
    for r in range(table.proxy.rowCount()):
        for c in range(table.proxy.columnCount()):
            index = table.proxy.index(r, c)
            for role in ROLES:
                one = _plain(table.proxy.data(index, role))
                assert _at_once(table.proxy, index, role) == one, (r, c, role)
                seen.add((role, one is not None))
    # the comparison covered answers, not only empty ones: text, alignment, red and bold for the late row
    assert {(Qt.ItemDataRole.DisplayRole, True), (Qt.ItemDataRole.TextAlignmentRole, True),
            (Qt.ItemDataRole.ForegroundRole, True), (Qt.ItemDataRole.FontRole, True),
            (Qt.ItemDataRole.ForegroundRole, False)} <= seen
    row = next(r for r in range(2) if table.proxy.index(r, 2).data() == "LATE")
    assert _at_once(table.proxy, table.proxy.index(row, 1), Qt.ItemDataRole.DisplayRole) == "1,234.50"
    assert _at_once(table.proxy, table.proxy.index(row, 0), Qt.ItemDataRole.FontRole) == ("font", True)
    assert _at_once(table.proxy, table.proxy.index(row, 1), Qt.ItemDataRole.FontRole) is None  # bold: one column


def test_the_view_draws_each_cell_with_its_own_roles_cell_after_cell(qtbot):
    # The delegate hands one span of roles from cell to cell: a role a cell does not answer must not keep the
    # previous cell's value (every cell of a late row once came out right-aligned and bold).
    from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem

    model = RowTableModel([Column("Kind", lambda r: r[0]), Column("Days", lambda r: r[1], right=True)])
    model.alert = lambda r: r[0] == "late"
    model.bold_column = 0
    table = RowTable(model)
    qtbot.addWidget(table)
    table.set_rows([("soon", 2), ("late", 1)])
    delegate = QStyledItemDelegate()
    drawn = {}
    for r in range(2):
        for c in range(2):
            option = QStyleOptionViewItem()
            delegate.initStyleOption(option, table.proxy.index(r, c))
            right = bool(option.displayAlignment & Qt.AlignmentFlag.AlignRight)
            palette = option.palette
            drawn[(option.text, c)] = (right, option.font.bold(), palette.text().color().name())
    black = table.palette().text().color().name()
    assert drawn == {("soon", 0): (False, False, black), ("2", 1): (True, False, black),
                     ("late", 0): (False, True, "#b00020"), ("1", 1): (True, False, "#b00020")}
