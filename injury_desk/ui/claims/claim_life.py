"""The claim's later life on the claim page: the dependants register of a deceased worker (with the pensions of
the coming months) and the costs paid against receipts (proposed by one person, approved by another)."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from injury_desk.domain.costs import COST_KINDS
from injury_desk.domain.errors import FieldError
from injury_desk.placeholders import arg
from injury_desk.services.permissions import allowed
from injury_desk.ui.claims.tab_layout import button_row, table_with_buttons
from injury_desk.ui.messages import error_text, field_label, label, labels
from injury_desk.ui.operations import Changes, CollectionOp, QueryOp
from injury_desk.ui.form_dialog import FormDialog, money_errors
from injury_desk.ui.widgets import date_edit
from injury_desk.ui.row_table import Column, RowTable, RowTableModel, error_label, section_label

SCHEDULE_MONTHS = 12


def _yuan(amount) -> str:
    return f"{amount:,.2f}"


# ---------------------------------------------------------------- dependants


class DependantDialog(FormDialog):
    """One relative of the deceased worker: relation, the Art. 3 condition, ID number (or sex and birth date)."""

    changes = Changes(claims=True)

    def __init__(self, env, claim_id: str, parent=None) -> None:
        super().__init__(env, QCoreApplication.translate("DependantDialog", "Enter a dependant"), parent)
        self.claim_id = claim_id
        self.add_field("name", field_label("name"), QLineEdit())
        relation = QComboBox()
        for code, text in labels("register_relation").items():
            relation.addItem(text, code)
        self.add_field("relation", field_label("relation"), relation)
        condition = QComboBox()
        for code, text in labels("register_condition").items():
            condition.addItem(text, code)
        self.add_field("condition", field_label("condition"), condition)
        id_number = QLineEdit()
        id_number.setPlaceholderText(self.tr("Sex and birth date come from the number"))
        self.add_field("id_number", field_label("id_number"), id_number)
        sex = QComboBox()
        sex.addItem(self.tr("(from the ID number)"), None)
        for code, text in labels("sex").items():
            sex.addItem(text, code)
        self.add_field("sex", field_label("sex"), sex)
        self.birth = QCheckBox(self.tr("No ID number yet: enter the birth date"))
        self.form.addRow("", self.birth)
        self.add_field("birth_date", field_label("birth_date"), date_edit(env.today()))
        self.birth.toggled.connect(lambda _on: self.revalidate())
        self.add_field("lost_capacity", field_label("lost_capacity"), QCheckBox())
        self.add_field("lonely_elderly_or_orphan", field_label("lonely_elderly_or_orphan"), QCheckBox())
        payee = QLineEdit()
        payee.setPlaceholderText(self.tr("Empty: paid to the person (a guardian for a child)"))
        self.add_field("payee", field_label("payee"), payee)
        self.revalidate()

    def check(self) -> list[FieldError]:
        errors = self.required_errors("name")
        if not self.value("id_number").strip() and not self.birth.isChecked():
            errors.append(FieldError("id_number", "field.required"))
        if not self.value("id_number").strip() and self.value("sex") is None:
            errors.append(FieldError("sex", "field.required"))
        return errors

    def shape(self, v: dict[str, Any]) -> dict[str, Any]:
        if not self.birth.isChecked():
            v.pop("birth_date")
        return v

    def save(self) -> Any:
        return self.env.services.dependants.add(self.env.actor, self.claim_id, self.values())


class EndPensionDialog(FormDialog):
    """An event of Art. 4 of the Provisions that ends one person's pension, with its date."""

    changes = Changes(claims=True)

    def __init__(self, env, dependant, parent=None) -> None:
        super().__init__(env, arg(QCoreApplication.translate("EndPensionDialog", "End the pension of %1"),
                                  dependant.name), parent)
        self.dependant = dependant
        event = QComboBox()
        for code, text in labels("register_ending").items():
            if code != "age_limit":  # the 18th birthday ends it by itself
                event.addItem(text, code)
        self.add_field("ended_by", field_label("ended_by"), event)
        self.add_field("ended_on", field_label("ended_on"), date_edit(env.today()))
        self.revalidate()

    def save(self) -> Any:
        return self.env.services.dependants.record_end(self.env.actor, self.dependant.id, self.values(),
                                                       token=self.dependant.token)


class DependantsTab(QWidget):
    """The register of a fatal claim: each person with share, payee and ending; the next twelve months' pensions."""

    def __init__(self, env, parent=None) -> None:
        super().__init__(parent)
        self.env = env
        self.claim = None
        relations, endings = labels("register_relation"), labels("register_ending")
        self.model = RowTableModel([
            Column(self.tr("Name"), lambda d: d.name, flexible=True),
            Column(self.tr("Relation"), lambda d: d.relation, text=lambda d: relations.get(d.relation, d.relation)),
            # One column for both (the number holds the birth date): seven columns do not fit the narrow pane.
            Column(self.tr("ID number and birth date"), lambda d: d.id_number or d.birth_date, text=lambda d: "\n".join(
                t for t in (d.id_number, d.birth_date.isoformat() if d.birth_date else "") if t)),
            Column(self.tr("Share"), lambda d: d.share, text=lambda d: f"{d.share * 100:.0f}%", right=True),
            Column(self.tr("Payee"), lambda d: d.payee, flexible=True),
            Column(self.tr("Pension ends"), lambda d: d.ends_on, text=lambda d: (
                f"{d.ends_on.isoformat()} — {endings.get(d.end_reason, d.end_reason)}" if d.ends_on else ""),
                   flexible=True),
        ], self)
        # The claim's tabs sit in the narrow detail pane: the text columns wrap instead of scrolling sideways.
        self.table = RowTable(self.model, wrap=True)
        self.schedule_model = RowTableModel([
            Column(self.tr("Month"), lambda r: r.month, text=lambda r: r.month.strftime("%Y-%m")),
            Column(self.tr("Dependant"), lambda r: r.name, flexible=True),
            Column(self.tr("Paid to"), lambda r: r.payee, flexible=True),
            Column(self.tr("Amount"), lambda r: r.amount, text=lambda r: _yuan(r.amount), right=True),
            Column(self.tr("Before adjustments (Art. 40)"), lambda r: r.base, text=lambda r: _yuan(r.base),
                   right=True, flexible=True),
            Column(self.tr("Cut to the cap"), lambda r: r.capped, flexible=True),
        ], self)
        self.schedule = RowTable(self.schedule_model, wrap=True)
        self.schedule.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.info = QLabel()
        self.info.setWordWrap(True)
        self.add_button = QPushButton(self.tr("&Enter a dependant…"))
        self.add_button.clicked.connect(self.add)
        self.end_button = QPushButton(self.tr("E&nd the selected pension…"))
        self.end_button.clicked.connect(self.end_selected)
        self.error = error_label()
        layout = QVBoxLayout(self)
        layout.addWidget(self.info)
        layout.addWidget(self.table, 2)
        layout.addLayout(button_row([self.add_button, self.end_button]))
        schedule_title = section_label(self.tr("Pensions of the next 12 months (Art. 39(2): the total never above "
                                               "the worker's wage)"))
        schedule_title.setWordWrap(True)  # unwrapped, its width was the detail pane's minimum (580 px in English)
        layout.addWidget(schedule_title)
        layout.addWidget(self.schedule, 3)
        layout.addWidget(self.error)
        self.dialog: FormDialog | None = None

    def show_claim(self, claim) -> None:
        self.claim = claim
        self.error.setVisible(False)
        fatal = claim is not None and claim.fatal
        can = fatal and allowed(self.env.actor, "claim.edit")
        self.add_button.setEnabled(can)
        self.end_button.setEnabled(can)
        if not fatal:
            self.info.setText(self.tr("Only the claim of a worker who died of the injury has dependants (Art. 39)."))
            self.table.set_rows([])
            self.schedule.set_rows([])
            return
        actor, claim_id, today = self.env.actor, claim.id, self.env.today()

        def read(services):
            register = services.dependants.register(actor, claim_id)
            if register.wage_base is None:
                return register, []
            return register, services.dependants.schedule(actor, claim_id, date(today.year, today.month, 1),
                                                          SCHEDULE_MONTHS)

        QueryOp(self, self.env, query=read, success=self._show).failure(self._failed).superseding("rows").run()

    def _failed(self, exc: Exception) -> None:
        self.error.setText(error_text(exc))
        self.error.setVisible(True)

    def _show(self, read) -> None:
        register, schedule = read
        self.table.set_rows(register.dependants)
        if register.wage_base is None:
            self.info.setText(self.tr("The pensions are worked out once the assessment is approved (its wage base "
                                      "is the cap)."))
            self.schedule.set_rows([])
            return
        self.info.setText(arg(self.tr("Worker's wage base, the cap of all pensions together: %1 yuan a month"),
                              _yuan(register.wage_base)))
        self.schedule.set_rows(schedule)

    def add(self) -> DependantDialog:
        self.dialog = DependantDialog(self.env, self.claim.id, self)
        self.dialog.accepted.connect(lambda: self.show_claim(self.claim))
        self.dialog.open()
        return self.dialog

    def end_selected(self) -> EndPensionDialog | None:
        chosen = self.table.current()
        if chosen is None:
            self.error.setText(self.tr("Select the dependant whose pension ends."))
            self.error.setVisible(True)
            return None
        self.dialog = EndPensionDialog(self.env, chosen, self)
        self.dialog.accepted.connect(lambda: self.show_claim(self.claim))
        self.dialog.open()
        return self.dialog


# ---------------------------------------------------------------- costs


class CostDialog(FormDialog):
    """A cost against its receipt: kind, date, receipt, payer and amount (the meal allowance: days × standard)."""

    changes = Changes(claims=True)

    def __init__(self, env, claim_id: str, parent=None) -> None:
        super().__init__(env, QCoreApplication.translate("CostDialog", "Propose a cost against a receipt"), parent)
        self.claim_id = claim_id
        kind = QComboBox()
        for code, text in labels("cost_kind").items():
            kind.addItem(text, code)
        self.add_field("kind", field_label("kind"), kind)
        self.basis = QLabel()
        self.basis.setWordWrap(True)
        self.form.addRow("", self.basis)
        self.add_field("incurred_on", field_label("incurred_on"), date_edit(env.today()))
        self.add_field("receipt_ref", field_label("receipt_ref"), QLineEdit())
        self.add_field("provider", field_label("provider"), QLineEdit())
        payer = QComboBox()
        for code in ("fund", "employer"):
            payer.addItem(label("payer", code), code)
        self.add_field("payer", field_label("payer"), payer)
        self.add_field("amount", field_label("amount"), QLineEdit())
        days = QSpinBox()
        days.setRange(0, 3660)
        self.add_field("days", field_label("days"), days)
        rate = QLineEdit()
        rate.setPlaceholderText(self.tr("Empty: the region's daily standard"))
        self.add_field("daily_rate", field_label("daily_rate"), rate)
        kind.currentIndexChanged.connect(lambda _i: self._kind_changed())
        self._kind_changed()

    def per_day(self) -> bool:
        return COST_KINDS[self.value("kind")].per_day

    def _kind_changed(self) -> None:
        self.basis.setText(label("cost_basis", self.value("kind")))
        for key, shown in (("amount", not self.per_day()), ("days", self.per_day()), ("daily_rate", self.per_day())):
            widget = self.fields[key][0]
            widget.setEnabled(shown)
        self.revalidate()

    def check(self) -> list[FieldError]:
        errors = self.required_errors("receipt_ref")
        if self.per_day():
            if self.value("days") < 1:
                errors.append(FieldError("days", "field.required"))
            errors += money_errors("daily_rate", self.value("daily_rate"), required=False)
        else:
            errors += money_errors("amount", self.value("amount"), required=True)
        return errors

    def shape(self, v: dict[str, Any]) -> dict[str, Any]:
        for key in (("amount",) if self.per_day() else ("days", "daily_rate")):
            v.pop(key)
        return v

    def save(self) -> Any:
        return self.env.services.costs.propose(self.env.actor, self.claim_id, self.values())


class CostsTab(QWidget):
    """The claim's costs with their receipts and who proposed and decided each; approve or return a proposal."""

    def __init__(self, env, parent=None) -> None:
        super().__init__(parent)
        self.env = env
        self.claim = None
        kinds, states = labels("cost_kind"), labels("cost_status")
        self.model = RowTableModel([
            Column(self.tr("Incurred"), lambda c: c.incurred_on),
            # The legal basis of a kind is a paragraph: in the narrow pane it is the kind's tooltip, not a column.
            Column(self.tr("Kind"), lambda c: c.kind, text=lambda c: kinds.get(c.kind, c.kind), flexible=True,
                   tooltip=lambda c: "\n".join((kinds.get(c.kind, c.kind), label("cost_basis", c.kind)))),
            Column(self.tr("Receipt"), lambda c: c.receipt_ref, flexible=True),
            Column(self.tr("Payer"), lambda c: c.payer, text=lambda c: label("payer", c.payer), flexible=True),
            Column(self.tr("Amount"), lambda c: c.amount, text=lambda c: _yuan(c.amount), right=True),
            # A state is a few words ("Proposed, awaiting approval"): it wraps like the other text columns. Who
            # proposed and who decided go under it (a column of their own left the pane too narrow for its title).
            Column(self.tr("State"), lambda c: c.status, text=lambda c: "\n".join(
                [states.get(c.status, c.status), arg(self.tr("proposed by %1"), c.proposed_by_name)]
                + ([arg(self.tr("decided by %1"), c.decided_by_name)] if c.decided_by_name else [])), flexible=True),
        ], self)
        self.model.alert = lambda c: c.status == "returned"
        self.model.bold_column = 5
        self.table = RowTable(self.model, wrap=True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.totals = QLabel()
        self.totals.setWordWrap(True)
        self.add_button = QPushButton(self.tr("&Propose a cost…"))
        self.add_button.clicked.connect(self.add)
        self.approve_button = QPushButton(self.tr("&Approve the selected cost"))
        self.approve_button.clicked.connect(self.approve_selected)
        self.return_button = QPushButton(self.tr("&Return the selected cost…"))
        self.return_button.clicked.connect(self.return_selected)
        self.error = error_label()
        table_with_buttons(self, self.table, [self.add_button, self.approve_button, self.return_button],
                           below=[self.totals, self.error])
        self.dialog: CostDialog | None = None

    def show_claim(self, claim) -> None:
        self.claim = claim
        self.error.setVisible(False)
        self.add_button.setEnabled(claim is not None and allowed(self.env.actor, "assessment.propose"))
        may_decide = claim is not None and allowed(self.env.actor, "assessment.approve")
        self.approve_button.setEnabled(may_decide)
        self.return_button.setEnabled(may_decide)
        if claim is None:
            self.table.set_rows([])
            self.totals.setText("")
            return
        actor, claim_id = self.env.actor, claim.id
        QueryOp(self, self.env, query=lambda services: (services.costs.list(actor, claim_id),
                                                        services.costs.totals(actor, claim_id)),
                success=self._show).failure(self._failed).superseding("rows").run()

    def _failed(self, exc: Exception) -> None:  # the refusal (four eyes, wrong state) is shown under the list
        self.error.setText(error_text(exc))
        self.error.setVisible(True)

    def _show(self, read) -> None:
        rows, t = read
        self.table.set_rows(rows)
        self.totals.setText(arg(self.tr("Approved: %1 yuan from the fund, %2 yuan by the employer; %3 yuan awaiting "
                                        "approval"), _yuan(t.approved_fund), _yuan(t.approved_employer),
                                _yuan(t.proposed)))

    def add(self) -> CostDialog:
        self.dialog = CostDialog(self.env, self.claim.id, self)
        self.dialog.accepted.connect(lambda: self.show_claim(self.claim))
        self.dialog.open()
        return self.dialog

    def _selected(self):
        chosen = self.table.current()
        if chosen is None:
            self.error.setText(self.tr("Select a cost first."))
            self.error.setVisible(True)
        return chosen

    def _run(self, call) -> None:
        CollectionOp(self, self.env, op=call, changes=Changes(claims=True),
                     success=lambda _r: self.show_claim(self.claim)).failure(self._failed).run()

    def approve_selected(self) -> None:
        chosen = self._selected()
        if chosen is not None:
            actor = self.env.actor
            self._run(lambda services: services.costs.approve(actor, chosen.id, token=chosen.token))

    def return_selected(self, reason: str | None = None) -> None:
        chosen = self._selected()
        if chosen is None:
            return
        if reason is None:
            reason, ok = QInputDialog.getText(self, self.tr("Return for changes"), self.tr("Reason:"))
            if not ok:
                return
        actor = self.env.actor
        self._run(lambda services: services.costs.return_for_changes(actor, chosen.id, reason, token=chosen.token))


# ---------------------------------------------------------------- recurrence (Art. 38)


class RecurrenceDialog(FormDialog):
    """Reopen a closed claim for a recurrence: the day, the reason, who confirmed the need for treatment, nursing,
    and the start of the recurrence's suspension period (optional)."""

    changes = Changes(claims=True)

    def __init__(self, env, claim_id: str, parent=None) -> None:
        super().__init__(env, QCoreApplication.translate("RecurrenceDialog", "Reopen the claim for a recurrence"),
                         parent)
        self.claim_id = claim_id
        basis = QLabel(self.tr("Art. 38: a recurrence confirmed to need treatment pays medical treatment (Art. 30), "
                               "assistive devices (Art. 32) and the suspension period with its wages and nursing "
                               "(Art. 33) again; a changed grade is a re-appraisal or review."))
        basis.setWordWrap(True)
        self.form.addRow("", basis)
        self.add_field("occurred_on", field_label("occurred_on"), date_edit(env.today()))
        self.add_field("reason", field_label("reason"), QLineEdit())
        confirmed = QLineEdit()
        confirmed.setPlaceholderText(self.tr("The hospital or appraisal committee, and its reference"))
        self.add_field("confirmed_by", field_label("confirmed_by"), confirmed)
        self.add_field("nursing_needed", field_label("nursing_needed"), QCheckBox())
        self.suspension = QCheckBox(self.tr("A suspension period starts with the recurrence"))
        self.form.addRow("", self.suspension)
        self.add_field("stop_work_started_on", field_label("stop_work_started_on"), date_edit(env.today()))
        months = QSpinBox()
        months.setRange(1, 24)
        months.setValue(12)
        self.add_field("stop_work_months", field_label("stop_work_months"), months)
        self.suspension.toggled.connect(lambda _on: self.revalidate())
        self.revalidate()

    def check(self) -> list[FieldError]:
        return self.required_errors("reason", "confirmed_by")

    def shape(self, v: dict[str, Any]) -> dict[str, Any]:
        if not self.suspension.isChecked():
            v.pop("stop_work_started_on")
            v.pop("stop_work_months")
        return v

    def save(self) -> Any:
        return self.env.services.recurrences.reopen(self.env.actor, self.claim_id, self.values())


class RecurrenceSuspensionDialog(FormDialog):
    """The recurrence's suspension period (Art. 33): its start, its months and, once it has ended, its last day."""

    changes = Changes(claims=True)

    def __init__(self, env, recurrence, parent=None) -> None:
        super().__init__(env, QCoreApplication.translate("RecurrenceSuspensionDialog",
                                                         "Suspension period of the recurrence"), parent)
        self.recurrence = recurrence
        self.add_field("started_on", field_label("started_on"),
                       date_edit(recurrence.stop_work_started_on or recurrence.occurred_on))
        months = QSpinBox()
        months.setRange(1, 24)
        months.setValue(recurrence.stop_work_months)
        self.add_field("months", field_label("months"), months)
        self.ended = QCheckBox(self.tr("The period has ended"))
        self.form.addRow("", self.ended)
        self.add_field("ended_on", field_label("ended_on"), date_edit(env.today()))
        self.add_field("nursing_needed", field_label("nursing_needed"), QCheckBox())
        self.fields["nursing_needed"][0].setChecked(recurrence.nursing_needed)
        self.ended.toggled.connect(lambda _on: self.revalidate())
        self.revalidate()

    def shape(self, v: dict[str, Any]) -> dict[str, Any]:
        if not self.ended.isChecked():
            v.pop("ended_on")
        return v

    def save(self) -> Any:
        return self.env.services.recurrences.record_suspension(self.env.actor, self.recurrence.id, self.values(),
                                                               token=self.recurrence.token)


class RecurrencesTab(QWidget):
    """The claim's recurrences (Art. 38): when, why, who confirmed and recorded it, the suspension period and its
    wages; reopen a closed claim, record the recurrence's suspension period."""

    def __init__(self, env, parent=None) -> None:
        super().__init__(parent)
        self.env = env
        self.claim = None
        yes, no = self.tr("yes"), self.tr("no")
        self.model = RowTableModel([
            Column(self.tr("Occurred on"), lambda r: r.occurred_on),
            # Eight columns did not fit the pane a 1366 px window leaves: who confirmed the need for treatment goes
            # under the reason, and whether the period has ended under the period.
            Column(self.tr("Reason"), lambda r: r.reason, text=lambda r: r.reason + "\n" + arg(
                self.tr("confirmed by %1"), r.confirmed_by), flexible=True),
            Column(self.tr("Recorded by"), lambda r: r.recorded_by_name, flexible=True),
            Column(self.tr("Suspension period"), lambda r: r.stop_work_started_on, text=lambda r: (
                # the second day under the first: a date does not wrap, and the pane is narrow
                arg(self.tr("%1 to %2"), r.stop_work_started_on.isoformat(),
                    "\n" + (r.stop_work_ended_on or r.stop_work_last_day).isoformat()) + "\n"
                + (self.tr("(ended)") if r.stop_work_ended_on else self.tr("(last day, not ended)"))
                if r.stop_work_started_on else ""), flexible=True),
            Column(self.tr("Suspension wages (employer)"), lambda r: r.wages.amount if r.wages else None,
                   text=lambda r: arg(self.tr("%1 months × %2 = %3"), r.wages.months, _yuan(r.wages.wage_base),
                                      _yuan(r.wages.amount)) if r.wages else "", right=True, flexible=True),
            Column(self.tr("Nursing (Art. 33)"), lambda r: r.nursing_needed,
                   text=lambda r: yes if r.nursing_needed else no, flexible=True),
        ], self)
        # The narrow detail pane: the text columns wrap instead of scrolling sideways.
        self.table = RowTable(self.model, wrap=True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.info = QLabel()
        self.info.setWordWrap(True)
        self.reopen_button = QPushButton(self.tr("&Reopen for a recurrence…"))
        self.reopen_button.clicked.connect(self.reopen)
        self.suspension_button = QPushButton(self.tr("&Suspension period of the selected recurrence…"))
        self.suspension_button.clicked.connect(self.suspension_selected)
        self.error = error_label()
        table_with_buttons(self, self.table, [self.reopen_button, self.suspension_button], above=[self.info],
                           below=[self.error])
        self.dialog: FormDialog | None = None

    def show_claim(self, claim) -> None:
        self.claim = claim
        self.error.setVisible(False)
        can = claim is not None and allowed(self.env.actor, "claim.edit")
        self.reopen_button.setEnabled(can and claim.status == "closed")
        self.suspension_button.setEnabled(can)
        if claim is None:
            self.table.set_rows([])
            self.info.setText("")
            return
        actor, claim_id = self.env.actor, claim.id
        QueryOp(self, self.env, query=lambda services: services.recurrences.list(actor, claim_id),
                success=self.table.set_rows).failure(self._failed).superseding("rows").run()
        self.info.setText(self.tr("A closed claim is reopened when the injury recurs and treatment is confirmed as "
                                  "needed (Art. 38). The recurrence's medical and other costs are proposed on the "
                                  "Costs tab."))

    def reopen(self) -> RecurrenceDialog:
        self.dialog = RecurrenceDialog(self.env, self.claim.id, self)
        self.dialog.accepted.connect(self._reload)
        self.dialog.open()
        return self.dialog

    def _reload(self) -> None:
        actor, claim_id = self.env.actor, self.claim.id
        QueryOp(self, self.env, query=lambda services: services.claims.get(actor, claim_id),
                success=self.show_claim).failure(self._failed).run()

    def _failed(self, exc: Exception) -> None:
        self.error.setText(error_text(exc))
        self.error.setVisible(True)

    def suspension_selected(self) -> RecurrenceSuspensionDialog | None:
        chosen = self.table.current()
        if chosen is None:
            self.error.setText(self.tr("Select the recurrence first."))
            self.error.setVisible(True)
            return None
        self.dialog = RecurrenceSuspensionDialog(self.env, chosen, self)
        self.dialog.accepted.connect(self._reload)
        self.dialog.open()
        return self.dialog


# ---------------------------------------------------------------- uninsured employer (Art. 62; SIL Art. 41)


class AdvanceDialog(FormDialog):
    """The fund's advance payment (先行支付) or the employer's repayment of it: day, amount, reference."""

    changes = Changes(claims=True)

    def __init__(self, env, claim_id: str, kind: str, parent=None) -> None:
        title = (QCoreApplication.translate("AdvanceDialog", "Record the fund's advance payment") if kind == "advance"
                 else QCoreApplication.translate("AdvanceDialog", "Record a repayment by the employer"))
        super().__init__(env, title, parent)
        self.claim_id, self.kind = claim_id, kind
        self.add_field("dated_on", field_label("dated_on"), date_edit(env.today()))
        self.add_field("amount", field_label("amount"), QLineEdit())
        reference = QLineEdit()
        reference.setPlaceholderText(self.tr("The payment order, or the employer's transfer"))
        self.add_field("reference", field_label("reference"), reference)
        self.add_field("note", field_label("note"), QLineEdit())
        self.revalidate()

    def check(self) -> list[FieldError]:
        return self.required_errors("reference") + money_errors("amount", self.value("amount"), required=True)

    def save(self) -> Any:
        return self.env.services.advances.record(self.env.actor, self.claim_id, {**self.values(), "kind": self.kind})


class AdvancesTab(QWidget):
    """Whether the employer was insured on the accident day; if not, the fund's advances, the employer's
    repayments and the amount still to recover (SIL Art. 41: 应当由用人单位偿还)."""

    def __init__(self, env, parent=None) -> None:
        super().__init__(parent)
        self.env = env
        self.claim = None
        advance, recovery = self.tr("Advance by the fund"), self.tr("Repaid by the employer")
        self.model = RowTableModel([
            Column(self.tr("Date"), lambda x: x.dated_on),
            Column(self.tr("Kind"), lambda x: x.kind, text=lambda x: advance if x.kind == "advance" else recovery,
                   flexible=True),
            Column(self.tr("Amount"), lambda x: x.amount, text=lambda x: _yuan(x.amount), right=True),
            Column(self.tr("Reference"), lambda x: x.reference, flexible=True),
            Column(self.tr("Recorded by"), lambda x: x.recorded_by_name, flexible=True),
            Column(self.tr("Note"), lambda x: x.note, flexible=True),
        ], self)
        # The narrow detail pane: the text columns wrap instead of scrolling sideways.
        self.table = RowTable(self.model, wrap=True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.info = QLabel()
        self.info.setWordWrap(True)
        self.totals = QLabel()
        self.totals.setWordWrap(True)  # one long sentence: unwrapped, it widened the pane and narrowed the list
        self.advance_button = QPushButton(self.tr("Record the fund's &advance…"))
        self.advance_button.clicked.connect(lambda: self.record("advance"))
        self.recovery_button = QPushButton(self.tr("Record a &repayment…"))
        self.recovery_button.clicked.connect(lambda: self.record("recovery"))
        self.error = error_label()
        table_with_buttons(self, self.table, [self.advance_button, self.recovery_button], above=[self.info],
                           below=[self.totals, self.error])
        self.dialog: AdvanceDialog | None = None

    def show_claim(self, claim) -> None:
        self.claim = claim
        self.error.setVisible(False)
        if claim is None:
            self.table.set_rows([])
            self.info.setText("")
            self.totals.setText("")
            return
        self.advance_button.setEnabled(False)  # until the claim's advances are read
        self.recovery_button.setEnabled(False)
        actor, claim_id = self.env.actor, claim.id
        QueryOp(self, self.env, query=lambda services: services.advances.view(actor, claim_id),
                success=self._show).failure(self._failed).superseding("rows").run()

    def _failed(self, exc: Exception) -> None:
        self.error.setText(error_text(exc))
        self.error.setVisible(True)

    def _show(self, view) -> None:
        uninsured = not view.insured
        self.advance_button.setEnabled(uninsured and allowed(self.env.actor, "assessment.approve"))
        self.recovery_button.setEnabled(uninsured and view.to_recover > 0
                                        and allowed(self.env.actor, "payment.record"))
        self.table.set_rows(view.lines)
        if view.insured:
            self.info.setText(arg(self.tr("%1 was insured on the accident day: the fund pays the benefits."),
                                  view.employer_name))
            self.totals.setText("")
            return
        self.info.setText(arg(self.tr("%1 was not insured on the accident day: it pays every item at the "
                                      "Regulation's standards (Art. 62). Where it does not pay, the fund advances the "
                                      "payment and recovers it from the employer (Social Insurance Law Art. 41)."),
                              view.employer_name))
        self.totals.setText(arg(self.tr("Advanced: %1 yuan; repaid: %2 yuan; to recover from the employer: %3 yuan"),
                                _yuan(view.advanced), _yuan(view.recovered), _yuan(view.to_recover)))

    def record(self, kind: str) -> AdvanceDialog:
        self.dialog = AdvanceDialog(self.env, self.claim.id, kind, self)
        self.dialog.accepted.connect(lambda: self.show_claim(self.claim))
        self.dialog.open()
        return self.dialog


# ---------------------------------------------------------------- missing worker (Art. 41)


class MissingDialog(FormDialog):
    """The worker went missing in the claim's accident: how, and the day it was reported."""

    changes = Changes(claims=True)

    def __init__(self, env, claim_id: str, parent=None) -> None:
        super().__init__(env, QCoreApplication.translate("MissingDialog", "Record the worker as missing"), parent)
        self.claim_id = claim_id
        circumstance = QComboBox()
        for code, text in labels("missing_circumstance").items():
            circumstance.addItem(text, code)
        self.add_field("circumstance", field_label("circumstance"), circumstance)
        self.add_field("reported_on", field_label("reported_on"), date_edit(env.today()))
        self.add_field("note", field_label("note"), QLineEdit())
        self.revalidate()

    def save(self) -> Any:
        return self.env.services.missing.record(self.env.actor, self.claim_id, self.values())


class MissingAdvanceDialog(FormDialog):
    """The fund's advance of at most half the one-time death subsidy to a family in hardship (Art. 41)."""

    changes = Changes(claims=True)

    def __init__(self, env, view, parent=None) -> None:
        super().__init__(env, QCoreApplication.translate("MissingAdvanceDialog", "Advance from the death subsidy"),
                         parent)
        self.view = view
        amount = QLineEdit()
        if view.advance_cap is not None:
            amount.setPlaceholderText(arg(self.tr("At most %1 yuan"), _yuan(view.advance_cap)))
        self.add_field("amount", field_label("amount"), amount)
        self.add_field("advance_on", field_label("advance_on"), date_edit(env.today()))
        self.add_field("advance_ref", field_label("advance_ref"), QLineEdit())
        self.revalidate()

    def check(self) -> list[FieldError]:
        return self.required_errors("advance_ref") + money_errors("amount", self.value("amount"), required=True)

    def save(self) -> Any:
        return self.env.services.missing.record_advance(self.env.actor, self.view.claim_id, self.values(),
                                                        token=self.view.token)


class MissingOutcomeDialog(FormDialog):
    """How the case ended: the worker reappeared (on a day), or a court declared him dead (its judgment)."""

    changes = Changes(claims=True)

    def __init__(self, env, view, parent=None) -> None:
        super().__init__(env, QCoreApplication.translate("MissingOutcomeDialog", "How the case ended"), parent)
        self.view = view
        ended = QComboBox()
        for code, text in labels("missing_outcome").items():
            ended.addItem(text, code)
        self.add_field("ended_as", field_label("ended_as"), ended)
        self.add_field("outcome_on", field_label("outcome_on"), date_edit(env.today()))
        reference = QLineEdit()
        reference.setPlaceholderText(self.tr("The judgment declaring the death"))
        self.add_field("outcome_ref", field_label("outcome_ref"), reference)
        self.revalidate()

    def check(self) -> list[FieldError]:
        if self.value("ended_as") == "declared_dead" and not self.value("outcome_ref").strip():
            return [FieldError("outcome_ref", "missing.judgment_required")]
        return []

    def save(self) -> Any:
        return self.env.services.missing.record_outcome(self.env.actor, self.view.claim_id, self.values(),
                                                        token=self.view.token)


class MissingWorkerTab(QWidget):
    """A worker missing after an accident away on work or in rescue work (Art. 41): the wage months, the pension
    from the 4th month, the advance from the death subsidy, and how the case ended with what follows."""

    def __init__(self, env, parent=None) -> None:
        super().__init__(parent)
        self.env = env
        self.claim = None
        self.view = None
        self.info = QLabel()
        self.info.setWordWrap(True)
        self.details = QLabel()
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.record_button = QPushButton(self.tr("Record the worker as missin&g…"))
        self.record_button.clicked.connect(self.record)
        self.advance_button = QPushButton(self.tr("Ad&vance from the death subsidy…"))
        self.advance_button.clicked.connect(self.advance)
        self.outcome_button = QPushButton(self.tr("Ho&w the case ended…"))
        self.outcome_button.clicked.connect(self.outcome)
        # Text, not a table: the lines follow the explanation and the spare height goes under them (as the
        # table's stretch it pushed the lines to the middle of the tab, far from both).
        layout = QVBoxLayout(self)
        layout.addWidget(self.info)
        layout.addWidget(self.details)
        layout.addStretch(1)
        # Two rows: side by side the three were 600 px, the widest tab's minimum and so the detail pane's, which
        # left the claims list too little of a 1366 px screen.
        layout.addLayout(button_row([self.record_button, self.advance_button]))
        layout.addLayout(button_row([self.outcome_button]))
        self.dialog: FormDialog | None = None

    def show_claim(self, claim) -> None:
        self.claim = claim
        self.view = None
        for button in (self.record_button, self.advance_button, self.outcome_button):
            button.setEnabled(False)
        if claim is None:
            self.info.setText("")
            self.details.setText("")
            return
        self.info.setText(self.tr("A worker missing after an accident while away on work, or in rescue or disaster "
                                  "relief work: wages as before for three months from the accident month; from the "
                                  "4th month the fund pays the dependants' pension; a family in hardship may be "
                                  "advanced up to half of the one-time death subsidy; once a court declares the "
                                  "death, the death benefits apply (Art. 41)."))
        actor, claim_id = self.env.actor, claim.id
        QueryOp(self, self.env, query=lambda services: services.missing.view(actor, claim_id),
                success=lambda view: self._show(claim, view)).superseding("missing").run()

    def _show(self, claim, view) -> None:
        if self.claim is not claim:
            return
        self.view = view
        if view is None:
            self.record_button.setEnabled(claim.fatal and allowed(self.env.actor, "claim.edit"))
            self.details.setText(self.tr("The worker is not recorded as missing.") if claim.fatal else self.tr(
                "The claim is not recorded as a death: Art. 41 pays the dependants' pension of a death."))
            return
        self.advance_button.setEnabled(view.outcome is None and view.advance is None and view.advance_cap is not None
                                       and allowed(self.env.actor, "assessment.approve"))
        self.outcome_button.setEnabled(view.outcome is None and allowed(self.env.actor, "claim.edit"))
        lines = [
            arg(self.tr("Missing since the accident (%1), reported on %2; recorded by %3."),
                label("missing_circumstance", view.circumstance), view.reported_on.isoformat(), view.recorded_by_name),
            arg(self.tr("Wages as before, paid by the employer: %1 to %2 (the accident month and the two after it)."),
                view.wage_months[0].strftime("%Y-%m"), view.wage_months[-1].strftime("%Y-%m")),
            arg(self.tr("Dependants' pension paid by the fund from %1 (the 4th month)."),
                view.pension_from.strftime("%Y-%m")),
        ]
        if view.advance is not None:
            lines.append(arg(self.tr("Advanced from the one-time death subsidy: %1 yuan on %2 (%3), decided by %4."),
                             _yuan(view.advance), view.advance_on.isoformat(), view.advance_ref,
                             view.advance_by_name))
        elif view.advance_cap is not None:
            lines.append(arg(self.tr("Nothing advanced; at most %1 yuan, half of the one-time death subsidy of %2 "
                                     "yuan."), _yuan(view.advance_cap), _yuan(view.death_subsidy)))
        else:
            lines.append(self.tr("Nothing can be advanced before an assessment with the one-time death subsidy is "
                                 "approved."))
        settled = view.settlement
        if view.outcome == "declared_dead":
            lines.append(arg(self.tr("Declared dead by the court on %1 (%2): the death benefits apply (Art. 39); due "
                                     "now: funeral subsidy %3 yuan, one-time death subsidy less the advance %4 yuan."),
                             view.outcome_on.isoformat(), view.outcome_ref, _yuan(settled.funeral_subsidy),
                             _yuan(settled.death_subsidy_due)))
        elif view.outcome == "reappeared":
            lines.append(arg(self.tr("The worker reappeared on %1: the pension stops. To recover: pensions paid %2 "
                                     "yuan and the advance, %3 yuan in all."),
                             view.outcome_on.isoformat(), _yuan(view.pensions_paid), _yuan(settled.to_recover)))
        self.details.setText("\n".join(lines))

    def _open(self, dialog: FormDialog) -> FormDialog:
        self.dialog = dialog
        dialog.accepted.connect(lambda: self.show_claim(self.claim))
        dialog.open()
        return dialog

    def record(self) -> MissingDialog:
        return self._open(MissingDialog(self.env, self.claim.id, self))

    def advance(self) -> MissingAdvanceDialog:
        return self._open(MissingAdvanceDialog(self.env, self.view, self))

    def outcome(self) -> MissingOutcomeDialog:
        return self._open(MissingOutcomeDialog(self.env, self.view, self))
