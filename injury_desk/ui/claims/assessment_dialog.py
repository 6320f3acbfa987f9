"""The Assessment page of a claim: wages and parameters, explained line items, four-eyes decision, payments."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from injury_desk.services.assessments import AssessmentState, AssessmentView, PaymentView, result_record
from injury_desk.services.permissions import allowed
from injury_desk.ui.claims.assessment_items import LineItemsTab
from injury_desk.ui.claims.assessment_payments import PaymentsTab, RecordPaymentDialog
from injury_desk.ui.claims.assessment_wages import WagesTab
from injury_desk.ui.env import UiEnv
from injury_desk.ui.messages import error_text, rule_text, status_label
from injury_desk.ui.permissions import permit
from injury_desk.ui.operations import Changes, CollectionOp, QueryOp


class AssessmentDialog(QDialog):
    """One claim's benefit assessment, guided by the claim's state; every change goes through a service."""

    def __init__(self, env: UiEnv, claim_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env = env
        self.claim_id = claim_id
        self.state: AssessmentState | None = None
        self.stored: AssessmentView | None = None
        self.busy = False  # a calculation or a change is running
        self.loading = False  # the page is being (re)read
        self.return_dialog: ReturnDialog | None = None
        self.setWindowTitle(self.tr("Benefit assessment"))
        self.setMinimumSize(1000, 600)
        self._build()
        self.reload()

    # ------------------------------------------------------------------ layout

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        self.heading = QLabel()
        self.heading.setStyleSheet("font-weight: bold; font-size: 14px;")
        self.guidance = QLabel()
        self.guidance.setWordWrap(True)
        self.guidance.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.heading)
        layout.addWidget(self.guidance)

        self.tabs = QTabWidget()
        layout.addWidget(self.tabs, 1)
        self.wages_tab = WagesTab(self.env, self.claim_id)
        self.items_tab = LineItemsTab()
        self.payments_tab = PaymentsTab(self.env.today())
        self.tabs.addTab(self.wages_tab, self.tr("&Wages and parameters"))
        self.tabs.addTab(self.items_tab, self.tr("&Line items"))
        self.tabs.addTab(self.payments_tab, self.tr("&Payments"))
        self.tabs.currentChanged.connect(lambda *_: self.item_table.resizeRowsToContents())
        self.payments_tab.payment_table.itemSelectionChanged.connect(self._update_buttons)
        self.payments_tab.record_requested.connect(self._record_payment)
        # The widgets a caseworker works with most, named on the page itself.
        self.wage_table, self.grade, self.suspension = (self.wages_tab.wage_table, self.wages_tab.grade,
                                                        self.wages_tab.suspension)
        self.item_table, self.details, self.totals = (self.items_tab.item_table, self.items_tab.details,
                                                      self.items_tab.totals)
        self.payment_table = self.payments_tab.payment_table
        self.record_payment_button = self.payments_tab.record_payment_button

        self.message = QLabel()
        self.message.setObjectName("assessment_message")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.hide()
        layout.addWidget(self.message)

        buttons = QHBoxLayout()
        self.calculate_button = QPushButton(self.tr("Calc&ulate"))
        self.propose_button = QPushButton(self.tr("P&ropose"))
        self.approve_button = QPushButton(self.tr("&Approve"))
        self.return_button = QPushButton(self.tr("Re&turn…"))
        self.close_button = QPushButton(self.tr("Close"))
        self.calculate_button.setToolTip(self.tr("Calculate with the figures above; nothing is saved"))
        self.propose_button.setToolTip(self.tr("Save the wages and propose this calculation for approval"))
        self.approve_button.setToolTip(self.tr("A supervisor other than the proposer approves the figures as proposed"))
        self.return_button.setToolTip(self.tr("Send the proposal back to the caseworker with a reason"))
        self.calculate_button.clicked.connect(self.calculate)
        self.propose_button.clicked.connect(self.propose)
        self.approve_button.clicked.connect(self.approve)
        self.return_button.clicked.connect(self.open_return)
        self.close_button.clicked.connect(self.accept)
        for b in (self.calculate_button, self.propose_button, self.approve_button, self.return_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout.addLayout(buttons)

    # ------------------------------------------------------------------ loading

    def reload(self) -> None:
        """Read the claim's state, stored assessment, payments and wage records off the GUI thread, then fill
        the page (the buttons wait meanwhile)."""
        actor, claim_id = self.env.actor, self.claim_id

        def read(services) -> dict[str, Any]:
            service = services.assessments
            state, stored = service.state(actor, claim_id), service.get(actor, claim_id)
            if stored is not None and stored.status in ("proposed", "approved", "returned") \
                    and state.reassessment_from is None:
                doc = stored.inputs
            else:
                doc = service.prefill(actor, claim_id)
            return {"state": state, "stored": stored, "doc": doc, "payments": service.list_payments(actor, claim_id),
                    "regions": service.regions(actor), "wages": service.list_wages(actor, claim_id)}

        self.loading = True
        self._update_buttons()
        QueryOp(self, self.env, query=read, success=self._fill).failure(self._not_loaded).superseding("load").run()

    def _not_loaded(self, exc: Exception) -> None:
        self.loading = False
        self.show_message(error_text(exc))

    def _fill(self, read: dict[str, Any]) -> None:
        self.loading = False
        self.state, self.stored = read["state"], read["stored"]
        st = self.state
        self.heading.setText(self.tr("Claim %1 · status: %2").replace("%1", st.claim_no)
                             .replace("%2", status_label(st.claim_status)))
        self.wages_tab.fill(st, read["doc"], read["regions"], read["wages"])
        if self.stored is not None:
            self.items_tab.show_items(self.stored.items, self.stored.total_once, self.stored.total_monthly,
                                      bool(self.stored.result.get("versions", {}).get("illustrative_parameters")))
        else:
            self.items_tab.show_items([], None, None, False)
        self._show_guidance()
        self._fill_payments(read["payments"])
        self._update_buttons()

    def _show_guidance(self) -> None:
        st = self.state
        lines: list[str] = []
        colour = "#1b5e20"
        for key in st.missing:
            lines.append("• " + rule_text(key))
            colour = "#b00020"
        s = self.stored
        if s is None:
            if not st.missing:
                lines.append(self.tr("Check the wages and parameters, calculate, then propose the assessment."))
        elif s.status == "proposed":
            colour = "#8a5a00"
            lines.append(self.tr("Proposed by %1 on %2; waiting for a supervisor (not the proposer) to approve or "
                                 "return it.").replace("%1", s.proposed_by_name).replace("%2", self._when(s.proposed_at)))
        elif s.status == "approved" and st.death_supersession and st.reassessment_from is not None:
            colour = "#8a5a00"
            lines.append(self.tr("The worker died on %1, after this assessment was approved: calculate and propose "
                                 "the death's assessment (Art. 39). Once approved it supersedes this one from that "
                                 "day; the monthly benefits stop with the month of death, later unpaid payments are "
                                 "cancelled and paid ones are shown as overpayments to recover.")
                         .replace("%1", st.reassessment_from.isoformat()))
        elif s.status == "approved" and st.reassessment_from is not None:
            colour = "#8a5a00"
            lines.append(self.tr("A new appraisal conclusion was recorded after this assessment was approved: "
                                 "calculate and propose the new assessment. Once approved it supersedes this one "
                                 "from %1, and the arrears or overpayment are settled.")
                         .replace("%1", st.reassessment_from.isoformat()))
        elif s.status == "approved":
            lines.append(self.tr("Approved by %1 on %2. The figures are frozen as calculated with rules %3 and "
                                 "parameters %4.").replace("%1", s.decided_by_name).replace("%2", self._when(s.decided_at))
                         .replace("%3", s.rules_version).replace("%4", s.params_version or "—"))
        elif s.status == "returned":
            colour = "#b00020"
            lines.append(self.tr("Returned by %1 on %2: %3. Correct it and propose again.")
                         .replace("%1", s.decided_by_name).replace("%2", self._when(s.decided_at))
                         .replace("%3", s.return_reason.rstrip("。. ")))  # the sentence brings its own stop
        self.guidance.setText("\n".join(lines))
        self.guidance.setStyleSheet(f"color: {colour};")

    @staticmethod
    def _when(value: Any) -> str:
        if value is None:
            return ""
        try:
            return value.astimezone().strftime("%Y-%m-%d %H:%M")
        except (AttributeError, ValueError):
            return str(value)

    def _editable(self) -> bool:
        reassess = self.state is not None and self.state.reassessment_from is not None
        return self.stored is None or self.stored.status == "returned" or reassess

    def _update_buttons(self) -> None:
        actor = self.env.actor
        busy = self.busy or self.loading  # nothing is clicked while the page is being read or changed
        st = self.state
        open_proposal = self.stored is not None and self.stored.status == "proposed"
        editable = self._editable()
        ready = st is not None and "assessment.no_determination" not in st.missing
        self.calculate_button.setEnabled(not busy and editable and ready)
        self.propose_button.setVisible(allowed(actor, "assessment.propose"))
        self.propose_button.setEnabled(not busy and editable and ready and not st.missing)
        # Shown to everyone with an open proposal; disabled, saying why, for whoever may not approve it.
        self.approve_button.setVisible(open_proposal)
        self.return_button.setVisible(open_proposal and allowed(actor, "assessment.approve"))
        if permit(self.approve_button, actor, "assessment.approve", enabled=not busy):
            own = open_proposal and self.stored.proposed_by == actor.user_id
            self.approve_button.setEnabled(not busy and not own)
            self.approve_button.setToolTip(rule_text("assessment.same_person") if own else self.tr(
                "A supervisor other than the proposer approves the figures as proposed"))
        self.return_button.setEnabled(not busy)
        self.wages_tab.set_editable(editable and not busy)
        self.payments_tab.update_button(visible=allowed(actor, "payment.record"), busy=busy)

    # ------------------------------------------------------------------ actions

    def show_message(self, text: str, error: bool = True) -> None:
        self.message.setText(text)
        self.message.setStyleSheet("color: #b00020;" if error else "color: #1b5e20;")
        self.message.show()

    def _run(self, work, done, *, write: bool) -> None:
        """``work(services)`` off the GUI thread: a write on the writer (announcing that the claim and its
        payments changed), a calculation on the read pool; ``done(result)`` back here."""
        self.busy = True
        self._update_buttons()
        self.message.hide()

        def finished(result) -> None:
            self.busy = False
            done(result)
            self._update_buttons()

        def failed(exc: Exception) -> None:
            self.busy = False
            self.show_message(error_text(exc))
            self._update_buttons()

        if write:
            op = CollectionOp(self, self.env, op=work, changes=Changes(claims=True, payments=True, tasks=True),
                              success=finished)
        else:
            op = QueryOp(self, self.env, query=work, success=finished)
        op.failure(failed).run()

    def calculate(self) -> None:
        doc = self.wages_tab.inputs(self.state)
        actor = self.env.actor

        def shown(result) -> None:
            # the same item records an assessment stores, so a preview reads exactly like a saved result
            self.items_tab.show_items(result_record(result)["items"], result.total_once, result.total_monthly,
                                      result.illustrative_parameters)
            self.items_tab.result_title.setText(self.tr("Line items (calculated now, not saved)"))
            self.tabs.setCurrentIndex(1)

        claim_id = self.claim_id
        self._run(lambda services: services.assessments.preview(actor, claim_id, doc), shown, write=False)

    def propose(self) -> None:
        doc = self.wages_tab.inputs(self.state)
        wages = self.wages_tab.wage_records()
        actor = self.env.actor

        claim_id = self.claim_id

        def work(services) -> str:
            services.assessments.record_wages(actor, claim_id, wages)
            return services.assessments.propose(actor, claim_id, doc)

        self._run(work, lambda _id: self._changed(self.tr("Proposed. A supervisor must now approve it.")), write=True)

    def approve(self) -> None:
        if self.stored is None:
            return
        actor, assessment_id = self.env.actor, self.stored.id
        self._run(lambda services: services.assessments.approve(actor, assessment_id),
                  lambda _r: self._changed(self.tr("Approved. The payment schedule is on the Payments tab.")),
                  write=True)

    def open_return(self) -> None:
        self.return_dialog = ReturnDialog(self)
        self.return_dialog.accepted.connect(self._return_accepted)
        self.return_dialog.open()

    def _return_accepted(self) -> None:
        if self.stored is None or self.return_dialog is None:
            return
        reason = self.return_dialog.reason.toPlainText()
        actor, assessment_id = self.env.actor, self.stored.id
        self._run(lambda services: services.assessments.return_for_changes(actor, assessment_id, reason),
                  lambda _r: self._changed(self.tr("Returned to the caseworker.")), write=True)

    def _changed(self, text: str) -> None:
        self.items_tab.result_title.setText(self.tr("Line items"))
        self.reload()
        self.show_message(text, error=False)

    # ------------------------------------------------------------------ payments

    @property
    def payments(self) -> list[PaymentView]:
        return self.payments_tab.payments

    @property
    def payment_dialog(self) -> RecordPaymentDialog | None:
        return self.payments_tab.payment_dialog

    def _fill_payments(self, payments: list[PaymentView]) -> None:
        self.payments_tab.fill(payments)
        self.tabs.setTabText(2, self.tr("&Payments (%1)").replace("%1", str(len(payments))))

    def _record_payment(self, payment_id: str, paid_on: str, reference: str) -> None:
        actor = self.env.actor
        self._run(lambda services: services.assessments.record_payment(actor, payment_id, paid_on, reference),
                  lambda _r: self._changed(self.tr("Payment recorded.")), write=True)


class ReturnDialog(QDialog):
    """Asks the supervisor why the proposal goes back; the reason is required."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Return the proposal"))
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("&Reason (the caseworker sees it):")))
        self.reason = QPlainTextEdit()
        layout.addWidget(self.reason)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(False)
        self.reason.textChanged.connect(lambda: ok.setEnabled(bool(self.reason.toPlainText().strip())))
        layout.addWidget(self.buttons)
