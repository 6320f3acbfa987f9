"""Compensation → Monthly run: who in the office is due which monthly benefit in a chosen month, each line with its
basis (the assessment in force, the article, the Art. 40 notices applied), computed by the services; CSV export."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import QDateEdit, QFileDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from injury_desk.placeholders import arg
from injury_desk.services.permissions import allowed
from injury_desk.ui.claims.assessment_items import money_text
from injury_desk.ui.messages import error_text, label
from injury_desk.ui.messages_formulas import message_text
from injury_desk.ui.pillar_widgets import Column, RowTable, RowTableModel, error_label

REFRESH_ON = ("claims", "payments")


class MonthlyRunPage(QWidget):
    """The month's run; Enter or double-click on a line emits ``open_claim`` with its claim."""

    open_claim = Signal(str)  # claim id

    def __init__(self, env, parent=None) -> None:
        super().__init__(parent)
        self.env = env
        self.loading = False
        self.month_edit = QDateEdit()
        self.month_edit.setDisplayFormat("yyyy-MM")
        self.month_edit.setCalendarPopup(False)
        today = env.services.ctx.today()
        self.month_edit.setDate(QDate(today.year, today.month, 1))
        month_label = QLabel(self.tr("&Month:"))
        month_label.setBuddy(self.month_edit)
        self.export_button = QPushButton(self.tr("&Export CSV…"))
        self.export_button.setEnabled(allowed(env.actor, "data.export"))
        self.summary = QLabel()
        self.status = QLabel()
        self.error = error_label()
        back_pay = self.tr("Back pay (late notice)")
        self.model = RowTableModel([
            Column(self.tr("Claim number"), lambda x: x.claim_no),
            Column(self.tr("Worker"), lambda x: x.worker),
            Column(self.tr("Paid to"), lambda x: x.payee),
            Column(self.tr("Benefit"), lambda x: x.item_code, text=lambda x: label("benefit_item", x.item_code) + (
                f" — {back_pay}" if x.kind == "back_pay" else "")),
            Column(self.tr("Payer"), lambda x: x.payer, text=lambda x: label("payer", x.payer)),
            Column(self.tr("Amount (yuan)"), lambda x: x.amount, text=lambda x: money_text(x.amount), right=True),
            Column(self.tr("Before adjustments"), lambda x: x.base,
                   text=lambda x: money_text(x.base) if x.kind == "monthly" else "", right=True),
            Column(self.tr("Approved on"), lambda x: x.approved_on),
            Column(self.tr("Legal basis"), lambda x: message_text(x.basis_message, x.basis), flexible=True),
            Column(self.tr("Adjustment notices"), lambda x: "; ".join(x.notices), flexible=True),
        ], self)
        self.model.alert = lambda x: x.amount < 0  # an overpayment to recover needs a decision
        self.model.bold_column = 5
        self.table = RowTable(self.model)
        self.table.setToolTip(self.tr("Press Enter or double-click to open the claim."))

        top = QHBoxLayout()
        top.addWidget(month_label)
        top.addWidget(self.month_edit)
        top.addWidget(self.export_button)
        top.addStretch(1)
        top.addWidget(self.summary)
        note = QLabel(self.tr(
            "Computed from each claim in payment: the approved assessment in force pays its monthly benefits from the "
            "month after its approval, raised by the region's adjustment notices published by the first of the "
            "month (Art. 40); a notice published since the last run adds its back pay. Each dependant's pension "
            "is paid to that person's payee."))
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(note)
        layout.addWidget(self.error)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)

        self.month_edit.dateChanged.connect(lambda _d: self.refresh())
        self.export_button.clicked.connect(self.export)
        self.table.activated.connect(lambda index: self.open_claim.emit(self.table.row_for(index).claim_id))
        env.bus.changed.connect(lambda changes: changes.touches(*REFRESH_ON) and self.refresh())
        self.refresh()

    def month(self) -> date:
        d = self.month_edit.date()
        return date(d.year(), d.month(), 1)

    def set_month(self, month: date) -> None:
        self.month_edit.setDate(QDate(month.year, month.month, 1))

    def refresh(self) -> None:
        run, actor, month = self.env.services.monthly_run, self.env.actor, self.month()
        self.loading = True
        self.env.runner.submit(lambda: run.due(actor, month), on_done=self._loaded, on_error=self._failed)

    def _loaded(self, lines) -> None:
        self.loading = False
        self.error.setVisible(False)
        self.table.set_rows(lines)
        total = sum((x.amount for x in lines), Decimal("0.00"))
        self.summary.setText(arg(self.tr("%1 payments, %2 yuan in all"), len(lines), money_text(total)))

    def _failed(self, exc: Exception) -> None:
        self.loading = False
        self.status.setText("")
        self.export_button.setEnabled(allowed(self.env.actor, "data.export"))
        self.error.setText(error_text(exc))
        self.error.setVisible(True)

    def export(self) -> None:
        name = f"monthly-run-{self.month().strftime('%Y-%m')}.csv"
        target, _f = QFileDialog.getSaveFileName(self, self.tr("Export CSV"), str(Path.home() / name),
                                                 self.tr("CSV files (*.csv)"))
        if target:
            self.export_to(target)

    def export_to(self, target: str) -> None:
        run, actor, month = self.env.services.monthly_run, self.env.actor, self.month()
        self.export_button.setEnabled(False)
        self.status.setText(self.tr("Exporting…"))
        self.env.runner.submit(lambda: run.export_csv(actor, target, month),
                               on_done=lambda n: self._exported(n, target), on_error=self._failed)

    def _exported(self, count: int, target: str) -> None:
        self.export_button.setEnabled(True)
        self.status.setText(arg(self.tr("%1 payments written to %2"), count, target))
