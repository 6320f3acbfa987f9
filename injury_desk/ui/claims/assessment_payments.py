"""The Assessment page's third tab: the payment schedule of an approved assessment, and recording a payment."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from injury_desk.services.assessments import PaymentView
from injury_desk.ui.claims.assessment_items import money_text
from injury_desk.placeholders import arg
from injury_desk.ui.messages import label
from injury_desk.ui.widgets import date_edit, from_qdate


class PaymentsTab(QWidget):
    """The scheduled and paid payments; ``record_requested`` carries (payment id, paid on, reference)."""

    record_requested = Signal(str, str, str)

    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.today = today
        self.payments: list[PaymentView] = []
        self.payment_dialog: RecordPaymentDialog | None = None
        pl = QVBoxLayout(self)
        self.payment_note = QLabel(self.tr("The schedule is made when a supervisor approves the assessment: "
                                           "one-time benefits are due on the approval day, monthly benefits on the "
                                           "first of each of the following 12 months."))
        self.payment_note.setWordWrap(True)
        pl.addWidget(self.payment_note)
        self.payment_table = QTableWidget(0, 7)
        self.payment_table.setHorizontalHeaderLabels([self.tr("Due on"), self.tr("Benefit"), self.tr("Payer"),
                                                      self.tr("Amount (yuan)"), self.tr("Status"), self.tr("Paid on"),
                                                      self.tr("Reference")])
        self.payment_table.verticalHeader().setVisible(False)
        self.payment_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.payment_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.payment_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.payment_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.payment_table.horizontalHeader().setStretchLastSection(True)
        pl.addWidget(self.payment_table, 1)
        row = QHBoxLayout()
        self.record_payment_button = QPushButton(self.tr("Record &payment…"))
        self.record_payment_button.clicked.connect(self.open_record_payment)
        row.addWidget(self.record_payment_button)
        row.addStretch(1)
        pl.addLayout(row)

    def fill(self, payments: list[PaymentView]) -> None:
        self.payments = list(payments)
        # Sized to the contents once, after all rows: sizing on every cell measured every row again each time
        # (a quarter of a second for 26 payments, the window frozen meanwhile).
        header = self.payment_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        try:
            self._fill_rows(payments)
        finally:
            header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)

    def _fill_rows(self, payments: list[PaymentView]) -> None:
        self.payment_table.setRowCount(len(payments))
        for row, p in enumerate(payments):
            name = label("benefit_item", p.item_code)
            if p.item_code.startswith("arrears:"):  # a re-appraisal's settlement (domain/reappraisal.py)
                name = arg(self.tr("Arrears: %1"), label("benefit_item", p.item_code.split(":", 1)[1]))
            elif p.item_code.startswith("back_pay:"):  # an Art. 40 notice written into the schedule late
                name = arg(self.tr("Back pay (Art. 40 notice): %1"), label("benefit_item", p.item_code.split(":", 1)[1]))
            if p.dependant_name:  # each dependant's pension is paid to that person
                name = f"{name} — {p.dependant_name}"
            cells = [p.due_on.isoformat(), name, label("payer", p.payer),
                     money_text(p.amount), label("payment_status", p.status),
                     p.paid_on.isoformat() if p.paid_on else "", p.reference]
            for col, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                if col == 3:
                    cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.payment_table.setItem(row, col, cell)

    def selected_payment(self) -> PaymentView | None:
        rows = self.payment_table.selectionModel().selectedRows() if self.payment_table.selectionModel() else []
        if not rows or rows[0].row() >= len(self.payments):
            return None
        return self.payments[rows[0].row()]

    def update_button(self, *, visible: bool, busy: bool) -> None:
        payment = self.selected_payment()
        self.record_payment_button.setVisible(visible)
        self.record_payment_button.setEnabled(not busy and payment is not None and payment.status == "scheduled")

    def open_record_payment(self) -> None:
        payment = self.selected_payment()
        if payment is None:
            return
        self.payment_dialog = RecordPaymentDialog(self, payment, self.today)
        self.payment_dialog.accepted.connect(self._payment_accepted)
        self.payment_dialog.open()

    def _payment_accepted(self) -> None:
        d = self.payment_dialog
        if d is None:
            return
        self.record_requested.emit(d.payment.id, from_qdate(d.paid_on.date()).isoformat(), d.reference.text())


class RecordPaymentDialog(QDialog):
    """The date a scheduled payment was made and the bank or voucher reference."""

    def __init__(self, parent: QWidget, payment: PaymentView, today: date) -> None:
        super().__init__(parent)
        self.payment = payment
        self.setWindowTitle(self.tr("Record payment"))
        form = QFormLayout(self)
        form.addRow(self.tr("Amount:"), QLabel(money_text(payment.amount)))
        form.addRow(self.tr("Due on:"), QLabel(payment.due_on.isoformat()))
        self.paid_on = date_edit(today)
        self.paid_on.setMaximumDate(self.paid_on.date())
        self.reference = QLineEdit()
        self.reference.setMaxLength(100)
        form.addRow(self.tr("&Paid on:"), self.paid_on)
        form.addRow(self.tr("&Reference:"), self.reference)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
