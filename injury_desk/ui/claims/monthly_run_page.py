"""Compensation → Monthly run: who in the office is due which monthly benefit in a chosen month, each line with its
basis (the assessment in force, the article, the Art. 40 notices applied), computed by the services; CSV export; a
line's stored payment marked paid; the notices written into the stored payments (a supervisor)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate, Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from injury_desk.placeholders import arg
from injury_desk.services.permissions import allowed
from injury_desk.ui.claims.assessment_items import money_text
from injury_desk.ui.messages import error_text, field_label, label, labelled, listed
from injury_desk.ui.messages_formulas import message_text, rule_file_text
from injury_desk.ui.operations import Changes, CollectionOp, QueryOp
from injury_desk.ui.form_dialog import FormDialog
from injury_desk.ui.widgets import date_edit
from injury_desk.ui.row_table import Column, RowTable, RowTableModel, error_label

REFRESH_ON = ("claims", "payments")


class MarkPaidDialog(FormDialog):
    """A run line's stored payment paid: the day and the bank's or the payment order's reference."""

    changes = Changes(payments=True)

    def __init__(self, env, line, parent=None) -> None:
        super().__init__(env, QCoreApplication.translate("MarkPaidDialog", "Mark the payment paid"), parent)
        self.line = line
        what = QLabel(arg(self.tr("%1: %2, %3 yuan to %4"), line.claim_no, label("benefit_item", line.item_code),
                          money_text(line.payment_amount), line.payee))
        self.form.addRow(what)
        self.add_field("paid_on", field_label("paid_on"), date_edit(env.today()))
        self.add_field("reference", field_label("reference"), QLineEdit())
        self.revalidate()

    def check(self):
        return self.required_errors("reference")

    def save(self):
        return self.env.services.monthly_run.mark_paid(self.env.actor, self.line.payment_id, self.values())


class MonthlyRunPage(QWidget):
    """The month's run; Enter or double-click on a line emits ``open_claim`` with its claim."""

    open_claim = Signal(str)  # claim id

    def __init__(self, env, parent=None) -> None:
        super().__init__(parent)
        self.env = env
        self.loading = False
        today = env.today()
        self.month_edit = date_edit(today.replace(day=1))  # the application's date field (its range), by month
        self.month_edit.setDisplayFormat("yyyy-MM")
        self.month_edit.setCalendarPopup(False)
        month_label = QLabel(self.tr("&Month:"))
        month_label.setBuddy(self.month_edit)
        self.export_button = QPushButton(self.tr("&Export CSV…"))
        self.export_button.setEnabled(allowed(env.actor, "data.export"))
        self.paid_button = QPushButton(self.tr("Mark &paid…"))
        self.paid_button.setEnabled(False)
        self.apply_button = QPushButton(self.tr("Write the &notices into the payments"))
        self.apply_button.setToolTip(self.tr(
            "Give every unpaid stored payment of an adjusted benefit its amount with the notices published by today "
            "and schedule the back pay of the months already paid (Art. 40). Applying twice changes nothing."))
        self.apply_button.setEnabled(allowed(env.actor, "assessment.approve"))
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
            Column(self.tr("Stored payment"), lambda x: x.payment_status or "", text=lambda x: (
                arg(self.tr("paid %1"), x.paid_on.isoformat()) if x.payment_status == "paid" and x.paid_on
                else label("payment_status", x.payment_status) if x.payment_status else "")),
        ], self)
        self.model.alert = lambda x: x.amount < 0  # an overpayment to recover needs a decision
        self.model.bold_column = 5
        self.table = RowTable(self.model)
        self.table.setToolTip(self.tr("Press Enter or double-click to open the claim."))
        # The selected line's legal basis and adjustment notices, whole, under the list: as columns they left
        # no room at 1366 px for the amounts a caseworker compares.
        self.basis = QLabel()
        self.basis.setObjectName("line_basis")
        self.basis.setWordWrap(True)
        self.basis.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        top = QHBoxLayout()
        top.addWidget(month_label)
        top.addWidget(self.month_edit)
        top.addWidget(self.export_button)
        top.addWidget(self.paid_button)
        top.addWidget(self.apply_button)
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
        layout.addWidget(self.basis)
        layout.addWidget(self.status)

        self.month_edit.dateChanged.connect(lambda _d: self.refresh())
        self.export_button.clicked.connect(self.export)
        self.paid_button.clicked.connect(self.mark_paid)
        self.apply_button.clicked.connect(self.apply_notices)
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._selection_changed())
        self.table.selectionModel().currentChanged.connect(lambda *_a: self._selection_changed())
        self.dialog: MarkPaidDialog | None = None
        self.table.activated.connect(lambda index: self.open_claim.emit(self.table.row_for(index).claim_id))
        env.bus.changed.connect(lambda changes: changes.touches(*REFRESH_ON) and self.refresh())
        self.refresh()

    def month(self) -> date:
        d = self.month_edit.date()
        return date(d.year(), d.month(), 1)

    def set_month(self, month: date) -> None:
        self.month_edit.setDate(QDate(month.year, month.month, 1))

    def refresh(self) -> None:
        actor, month = self.env.actor, self.month()
        self.loading = True
        QueryOp(self, self.env, query=lambda services: services.monthly_run.due(actor, month),
                success=self._loaded).failure(self._failed).superseding("rows").run()

    def _loaded(self, lines) -> None:
        self.loading = False
        self.error.setVisible(False)
        self.table.set_rows(lines)
        self._selection_changed()
        total = sum((x.amount for x in lines), Decimal("0.00"))
        self.summary.setText(arg(self.tr("%1 payments, %2 yuan in all"), len(lines), money_text(total)))

    def _selection_changed(self) -> None:
        line = self.table.current()
        self.basis.setText(self.basis_text(line))
        self.paid_button.setEnabled(line is not None and line.payment_status == "scheduled"
                                    and allowed(self.env.actor, "payment.record"))

    def basis_text(self, line) -> str:
        if line is None:
            return self.tr("Select a line to see its legal basis and the adjustment notices applied.")
        text = labelled(self.tr("Legal basis"), message_text(line.basis_message, line.basis))
        notices = listed([rule_file_text(n) for n in line.notices]) if line.notices else self.tr("none")
        return text + "\n" + labelled(self.tr("Adjustment notices"), notices)

    def mark_paid(self) -> MarkPaidDialog | None:
        line = self.table.current()
        if line is None or line.payment_status != "scheduled":
            return None
        self.dialog = MarkPaidDialog(self.env, line, self)
        self.dialog.open()
        return self.dialog

    def apply_notices(self) -> None:
        actor = self.env.actor
        self.apply_button.setEnabled(False)
        self.status.setText(self.tr("Writing the notices into the payments…"))
        CollectionOp(self, self.env, op=lambda services: services.schedule_adjustments.apply(actor),
                     changes=Changes(payments=True), success=self._applied).failure(self._failed).run()

    def _applied(self, report) -> None:
        self.apply_button.setEnabled(allowed(self.env.actor, "assessment.approve"))
        text = arg(self.tr("%1 payments given their adjusted amount; %2 back-pay payments of %3 yuan scheduled."),
                   report.updated, report.back_pay_payments, money_text(report.back_pay_total))
        if report.overpaid_total > 0:
            text += " " + arg(self.tr("Overpaid by a lowering notice: %1 yuan (not scheduled)."),
                              money_text(report.overpaid_total))
        self.status.setText(text)

    def _failed(self, exc: Exception) -> None:
        self.loading = False
        self.status.setText("")
        self.export_button.setEnabled(allowed(self.env.actor, "data.export"))
        self.apply_button.setEnabled(allowed(self.env.actor, "assessment.approve"))
        self.error.setText(error_text(exc))
        self.error.setVisible(True)

    def export(self) -> None:
        name = f"monthly-run-{self.month().strftime('%Y-%m')}.csv"
        target, _f = QFileDialog.getSaveFileName(self, self.tr("Export CSV"), str(Path.home() / name),
                                                 self.tr("CSV files (*.csv)"))
        if target:
            self.export_to(target)

    def export_to(self, target: str) -> None:
        actor, month = self.env.actor, self.month()
        self.export_button.setEnabled(False)
        self.status.setText(self.tr("Exporting…"))
        QueryOp(self, self.env, query=lambda services: services.monthly_run.export_csv(actor, target, month),
                success=lambda n: self._exported(n, target)).failure(self._failed).run()

    def _exported(self, count: int, target: str) -> None:
        self.export_button.setEnabled(True)
        self.status.setText(arg(self.tr("%1 payments written to %2"), count, target))
