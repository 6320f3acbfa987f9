"""The Assessment page's second tab: the calculated line items, each with its formula, inputs and legal basis."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from injury_desk.ui.messages import label
from injury_desk.ui.messages_formulas import basis_text, formula_text


def money_text(text: str | Decimal) -> str:
    """An amount in yuan with thousands separators, as the Assessment page shows every amount."""
    return f"{Decimal(str(text)):,.2f}"


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class LineItemsTab(QWidget):
    """The line items of a calculation (previewed or stored), their totals and the selected item's details."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.items: list[dict[str, Any]] = []
        rl = QVBoxLayout(self)
        self.result_title = QLabel(self.tr("Line items"))
        self.result_title.setStyleSheet("font-weight: bold;")
        rl.addWidget(self.result_title)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setChildrenCollapsible(False)
        self.item_table = QTableWidget(0, 6)
        self.item_table.setHorizontalHeaderLabels([self.tr("Benefit"), self.tr("Amount (yuan)"), self.tr("Period"),
                                                   self.tr("Payer"), self.tr("Legal basis"), self.tr("Formula")])
        self.item_table.verticalHeader().setVisible(False)
        self.item_table.setWordWrap(True)
        self.item_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.item_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.item_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.item_table.horizontalHeader()
        for col in (1, 2, 3):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        self.item_table.setColumnWidth(0, 190)
        self.item_table.setColumnWidth(4, 230)
        self.item_table.itemSelectionChanged.connect(self._show_details)
        splitter.addWidget(self.item_table)
        lower = QWidget()
        ll = QVBoxLayout(lower)
        ll.setContentsMargins(0, 0, 0, 0)
        self.totals = QLabel()
        self.totals.setObjectName("assessment_totals")
        self.totals.setWordWrap(True)
        self.totals.setStyleSheet("font-weight: bold;")
        ll.addWidget(self.totals)
        self.details = QTextBrowser()
        self.details.setObjectName("assessment_details")
        self.details.setPlaceholderText(self.tr("Select a line item to see its full formula, inputs and legal basis."))
        ll.addWidget(self.details, 1)
        splitter.addWidget(lower)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([380, 200])
        # wrapped formulas need their rows re-measured whenever a column's width changes
        header.sectionResized.connect(lambda *_: self.item_table.resizeRowsToContents())
        rl.addWidget(splitter, 1)

    def show_items(self, items: list[dict[str, Any]], total_once, total_monthly, illustrative: bool) -> None:
        self.items = list(items)
        self.item_table.setRowCount(len(items))
        for row, item in enumerate(items):
            formula, basis = formula_text(item), basis_text(item)
            name = label("benefit_item", item["code"])
            cells = [name, money_text(item["amount"]), label("benefit_period", item["period"]),
                     label("payer", item.get("payer")), basis, formula]
            for col, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                cell.setToolTip(f"{name}\n{formula}\n{basis}")
                if col == 1:
                    cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.item_table.setItem(row, col, cell)
        self.item_table.resizeRowsToContents()
        self.details.clear()
        if total_once is None:
            self.totals.setText(self.tr("No calculation yet."))
        else:
            text = self.tr("Total once: %1 yuan · total monthly: %2 yuan (the wage base counts in neither)") \
                .replace("%1", money_text(total_once)).replace("%2", money_text(total_monthly))
            if illustrative:
                text += "\n" + self.tr("Calculated with illustrative parameters, not official figures.")
            self.totals.setText(text)
        if items:
            self.item_table.selectRow(0)

    def _show_details(self) -> None:
        rows = self.item_table.selectionModel().selectedRows()
        if not rows:
            return
        item = self.items[rows[0].row()]
        esc = _escape
        amount, formula, basis, inputs_label = (self.tr("Amount"), self.tr("Formula"), self.tr("Legal basis"),
                                                self.tr("Inputs"))
        parts = [f"<h3>{esc(label('benefit_item', item['code']))}</h3>",
                 f"<p><b>{esc(amount)}:</b> {esc(money_text(item['amount']))} · "
                 f"{esc(label('benefit_period', item['period']))} · {esc(label('payer', item.get('payer')))}</p>",
                 f"<p><b>{esc(formula)}:</b><br>{esc(formula_text(item))}</p>",
                 f"<p><b>{esc(basis)}:</b> {esc(basis_text(item))}</p>"]
        inputs = item.get("inputs") or {}
        if inputs:
            parts.append(f"<p><b>{esc(inputs_label)}:</b><br>"
                         + "<br>".join(f"{esc(k)} = {esc(str(v))}" for k, v in inputs.items()) + "</p>")
        self.details.setHtml("".join(parts))
