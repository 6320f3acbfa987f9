"""The Assessment page of a claim: wages and parameters, explained line items, four-eyes decision, payments."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from injury_desk.domain.compensation.wages import months_before
from injury_desk.services.assessments import AssessmentState, AssessmentView, PaymentView, result_record
from injury_desk.services.permissions import allowed
from injury_desk.ui.env import UiEnv
from injury_desk.ui.messages import error_text, rule_text, status_label
from injury_desk.ui.messages_formulas import basis_text, formula_text
from injury_desk.ui.widgets import date_edit, from_qdate

RELATIONS = ("spouse", "child", "parent", "other")


def _money(text: str | Decimal) -> str:
    return f"{Decimal(str(text)):,.2f}"


class AssessmentDialog(QDialog):
    """One claim's benefit assessment, guided by the claim's state; every change goes through a service."""

    def __init__(self, env: UiEnv, claim_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env = env
        self.claim_id = claim_id
        self.service = env.services.assessments
        self.state: AssessmentState | None = None
        self.stored: AssessmentView | None = None
        self.items: list[dict[str, Any]] = []
        self.payments: list[PaymentView] = []
        self.busy = False
        self.return_dialog: ReturnDialog | None = None
        self.payment_dialog: RecordPaymentDialog | None = None
        self.setWindowTitle(self.tr("Benefit assessment"))
        self.setMinimumSize(900, 600)
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
        self.tabs.addTab(self._inputs_tab(), self.tr("&Wages and parameters"))
        self.tabs.addTab(self._items_tab(), self.tr("&Line items"))
        self.tabs.addTab(self._payments_tab(), self.tr("&Payments"))
        self.tabs.currentChanged.connect(lambda *_: self.item_table.resizeRowsToContents())

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

    def _inputs_tab(self) -> QWidget:
        page = QWidget()
        row = QHBoxLayout(page)
        wages_box = QGroupBox(self.tr("Wages in the 12 months before the injury (yuan)"))
        wl = QVBoxLayout(wages_box)
        self.wage_table = QTableWidget(12, 2)
        self.wage_table.setHorizontalHeaderLabels([self.tr("Month"), self.tr("Wage")])
        self.wage_table.verticalHeader().setVisible(False)
        self.wage_table.verticalHeader().setDefaultSectionSize(26)
        self.wage_table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.wage_table.horizontalHeader().setStretchLastSection(True)
        self.wage_table.setMinimumHeight(26 * 12 + self.wage_table.horizontalHeader().sizeHint().height() + 6)
        wl.addWidget(self.wage_table)
        wage_note = QLabel(self.tr("Art. 64: the average of these months is bounded by 60% and 300% of the "
                                   "regional average wage. Saved with the proposal."))
        wage_note.setWordWrap(True)
        wl.addWidget(wage_note)
        wl.addStretch(1)
        wages_box.setFixedWidth(330)
        row.addWidget(wages_box)

        params_box = QGroupBox(self.tr("Parameters"))
        form = QFormLayout(params_box)
        self.region = QComboBox()
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.regional_wage = QLineEdit()
        self.minimum_wage = QLineEdit()
        self.figures_note = QLabel()
        self.figures_note.setWordWrap(True)
        self.figures_note.setStyleSheet("color: #8a5a00;")
        self.grade = QLabel()
        self.nursing = QLabel()
        self.cannot_arrange = QCheckBox(self.tr("Employer cannot arrange suitable work (grades 5–6)"))
        self.employment_ended = QCheckBox(self.tr("Employment has ended (grades 5–10)"))
        self.suspension = QSpinBox()
        self.suspension.setRange(0, 24)
        self.suspension.setSuffix(self.tr(" months"))
        self.extended = QCheckBox(self.tr("Extension beyond 12 months confirmed"))
        self.income = QLineEdit()
        self.dependants = QTableWidget(0, 2)
        self.dependants.setHorizontalHeaderLabels([self.tr("Relation"), self.tr("Lonely elderly or orphan")])
        self.dependants.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.dependants.verticalHeader().setVisible(False)
        self.dependants.setMinimumHeight(120)
        dep_buttons = QHBoxLayout()
        self.add_dependant = QPushButton(self.tr("Add dependant"))
        self.remove_dependant = QPushButton(self.tr("Remove"))
        self.add_dependant.clicked.connect(lambda: self._add_dependant("spouse", False))
        self.remove_dependant.clicked.connect(self._remove_dependant)
        dep_buttons.addWidget(self.add_dependant)
        dep_buttons.addWidget(self.remove_dependant)
        dep_buttons.addStretch(1)
        self.dependants_box = QWidget()
        db = QVBoxLayout(self.dependants_box)
        db.setContentsMargins(0, 0, 0, 0)
        db.addWidget(self.dependants)
        db.addLayout(dep_buttons)

        form.addRow(self.tr("Re&gion:"), self.region)
        form.addRow(self.tr("Statistics &year:"), self.year)
        form.addRow(self.tr("Regional average &wage:"), self.regional_wage)
        form.addRow(self.tr("&Minimum wage:"), self.minimum_wage)
        form.addRow("", self.figures_note)
        form.addRow(self.tr("Disability grade:"), self.grade)
        form.addRow(self.tr("Nursing dependency:"), self.nursing)
        form.addRow("", self.cannot_arrange)
        form.addRow("", self.employment_ended)
        form.addRow(self.tr("&Suspension with pay:"), self.suspension)
        form.addRow("", self.extended)
        self.income_label = QLabel(self.tr("National urban &disposable income:"))
        self.income_label.setBuddy(self.income)
        form.addRow(self.income_label, self.income)
        self.dependants_label = QLabel(self.tr("Dependants:"))
        form.addRow(self.dependants_label, self.dependants_box)
        self.region.currentTextChanged.connect(self._show_region_figures)
        self.year.valueChanged.connect(self._show_region_figures)

        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(params_box)
        row.addWidget(scroll, 1)
        return page

    def _items_tab(self) -> QWidget:
        page = QWidget()
        rl = QVBoxLayout(page)
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
        return page

    def _payments_tab(self) -> QWidget:
        page = QWidget()
        pl = QVBoxLayout(page)
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
        self.payment_table.itemSelectionChanged.connect(self._update_buttons)
        pl.addWidget(self.payment_table, 1)
        row = QHBoxLayout()
        self.record_payment_button = QPushButton(self.tr("Record &payment…"))
        self.record_payment_button.clicked.connect(self.open_record_payment)
        row.addWidget(self.record_payment_button)
        row.addStretch(1)
        pl.addLayout(row)
        return page

    # ------------------------------------------------------------------ labels

    def item_label(self, code: str) -> str:
        return {
            "wage_base": self.tr("Wage base (average monthly wage)"),
            "one_time_disability_subsidy": self.tr("One-time disability subsidy"),
            "monthly_disability_allowance": self.tr("Monthly disability allowance"),
            "pension_top_up": self.tr("Top-up of the basic pension to the disability allowance"),
            "nursing_care_allowance": self.tr("Nursing care allowance"),
            "one_time_medical_subsidy": self.tr("One-time medical subsidy"),
            "one_time_employment_subsidy": self.tr("One-time disability employment subsidy"),
            "work_suspension_wages": self.tr("Wages during suspension of work"),
            "hospital_meal_allowance": self.tr("Hospital meal allowance"),
            "funeral_subsidy": self.tr("Funeral subsidy"),
            "dependants_pension": self.tr("Dependants' pension"),
            "one_time_death_subsidy": self.tr("One-time death subsidy"),
        }.get(code, code)

    def period_label(self, period: str) -> str:
        return {"once": self.tr("Once"), "monthly": self.tr("Monthly")}.get(period, period)

    def payer_label(self, payer: str | None) -> str:
        if payer is None:
            return self.tr("(for information)")
        return {"fund": self.tr("Insurance fund"), "employer": self.tr("Employer")}.get(payer, payer)

    def nursing_label(self, level: str | None) -> str:
        return {None: self.tr("None"), "none": self.tr("None"), "partial": self.tr("Partial dependency"),
                "major": self.tr("Major dependency"), "full": self.tr("Full dependency")}.get(level, level or "")

    def relation_label(self, relation: str) -> str:
        return {"spouse": self.tr("Spouse"), "child": self.tr("Child"), "parent": self.tr("Parent"),
                "other": self.tr("Other dependant")}.get(relation, relation)

    def payment_status_label(self, status: str) -> str:
        return {"scheduled": self.tr("Scheduled"), "paid": self.tr("Paid"),
                "cancelled": self.tr("Cancelled")}.get(status, status)

    # ------------------------------------------------------------------ loading

    def reload(self) -> None:
        """Read the claim's state, stored assessment and payments (quick local reads) and fill the page."""
        actor = self.env.actor
        self.state = self.service.state(actor, self.claim_id)
        self.stored = self.service.get(actor, self.claim_id)
        self.payments = self.service.list_payments(actor, self.claim_id)
        st = self.state
        self.heading.setText(self.tr("Claim %1 · status: %2").replace("%1", st.claim_no)
                             .replace("%2", status_label(st.claim_status)))
        self.region.blockSignals(True)
        self.region.clear()
        for name in self.service.region_names(actor):
            self.region.addItem(name)
        self.region.blockSignals(False)
        if self.stored is not None and self.stored.status in ("proposed", "approved", "returned"):
            doc = self.stored.inputs
        else:
            doc = self.service.prefill(actor, self.claim_id)
        self._fill_inputs(doc)
        if self.stored is not None:
            self._show_items(self.stored.items, self.stored.total_once, self.stored.total_monthly,
                             bool(self.stored.result.get("versions", {}).get("illustrative_parameters")))
        else:
            self._show_items([], None, None, False)
        self._show_guidance()
        self._fill_payments()
        self._update_buttons()

    def _fill_inputs(self, doc: dict[str, Any]) -> None:
        st = self.state
        months = months_before(st.accident_date)
        by_month = {w["month"]: w["amount"] for w in self.service.list_wages(self.env.actor, self.claim_id)}
        stored_wages = doc.get("monthly_wages")
        for row, month in enumerate(months):
            cell = QTableWidgetItem(month)
            cell.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.wage_table.setItem(row, 0, cell)
            if stored_wages is not None and len(stored_wages) == len(months):
                value = stored_wages[row]
            else:
                value = by_month.get(month, "")
            amount = QTableWidgetItem("" if value is None else str(value))
            amount.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.wage_table.setItem(row, 1, amount)
        region = doc.get("region") or self.env.actor.office_region
        index = self.region.findText(region)
        if index < 0:
            self.region.addItem(region)
            index = self.region.findText(region)
        self.region.setCurrentIndex(index)
        self.year.setValue(int(doc.get("year") or st.accident_date.year - 1))
        self.regional_wage.setText(str(doc.get("regional_average_monthly_wage") or ""))
        self.minimum_wage.setText(str(doc.get("minimum_wage") or ""))
        self.grade.setText(str(st.disability_grade) if st.disability_grade else self.tr("None"))
        self.grade.setToolTip(self.tr("From the appraisal conclusion; change it there, not here"))
        self.nursing.setText(self.nursing_label(st.nursing_level))
        self.nursing.setToolTip(self.grade.toolTip())
        self.cannot_arrange.setChecked(bool(doc.get("employer_cannot_arrange_work")))
        self.employment_ended.setChecked(bool(doc.get("employment_ended")))
        self.suspension.setValue(int(doc.get("suspension_months") or 0))
        self.extended.setChecked(bool(doc.get("suspension_extended")))
        self.income.setText(str(doc.get("national_urban_disposable_income") or ""))
        self.dependants.setRowCount(0)
        for dep in doc.get("dependants") or []:
            self._add_dependant(dep.get("relation", "spouse"), bool(dep.get("lonely_elderly_or_orphan")))
        for w in (self.income_label, self.income, self.dependants_label, self.dependants_box):
            w.setVisible(st.fatal)
        for w in (self.cannot_arrange, self.employment_ended):
            w.setVisible(not st.fatal)
        self._show_region_figures()

    def _show_region_figures(self) -> None:
        figures = self.service.region_figures(self.env.actor, self.region.currentText(), self.year.value())
        if figures is None:
            self.regional_wage.setPlaceholderText(self.tr("no parameter file: enter the figure"))
            self.minimum_wage.setPlaceholderText("")
            self.figures_note.setText(self.tr("No parameter file for this region and year."))
            return
        self.regional_wage.setPlaceholderText(self.tr("%1 from the parameter file").replace(
            "%1", figures["average_monthly_wage"]))
        self.minimum_wage.setPlaceholderText(self.tr("%1 from the parameter file").replace(
            "%1", figures["minimum_wage"] or "—"))
        note = figures["name"]
        if figures["illustrative"]:
            note = self.tr("%1 — not for real decisions").replace("%1", figures["name"])
        self.figures_note.setText(note)

    def _add_dependant(self, relation: str, lonely: bool) -> None:
        row = self.dependants.rowCount()
        self.dependants.insertRow(row)
        combo = QComboBox()
        for code in RELATIONS:
            combo.addItem(self.relation_label(code), code)
        combo.setCurrentIndex(max(0, combo.findData(relation)))
        box = QCheckBox()
        box.setChecked(lonely)
        self.dependants.setCellWidget(row, 0, combo)
        self.dependants.setCellWidget(row, 1, box)

    def _remove_dependant(self) -> None:
        row = self.dependants.currentRow()
        if row < 0:
            row = self.dependants.rowCount() - 1
        if row >= 0:
            self.dependants.removeRow(row)

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
        elif s.status == "approved":
            lines.append(self.tr("Approved by %1 on %2. The figures are frozen as calculated with rules %3 and "
                                 "parameters %4.").replace("%1", s.decided_by_name).replace("%2", self._when(s.decided_at))
                         .replace("%3", s.rules_version).replace("%4", s.params_version or "—"))
        elif s.status == "returned":
            colour = "#b00020"
            lines.append(self.tr("Returned by %1 on %2: %3. Correct it and propose again.")
                         .replace("%1", s.decided_by_name).replace("%2", self._when(s.decided_at))
                         .replace("%3", s.return_reason))
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
        return self.stored is None or self.stored.status == "returned"

    def _update_buttons(self) -> None:
        actor = self.env.actor
        st = self.state
        open_proposal = self.stored is not None and self.stored.status == "proposed"
        editable = self._editable()
        ready = st is not None and "assessment.no_determination" not in st.missing
        self.calculate_button.setEnabled(not self.busy and editable and ready)
        self.propose_button.setVisible(allowed(actor, "assessment.propose"))
        self.propose_button.setEnabled(not self.busy and editable and ready and not st.missing)
        # Shown to everyone with an open proposal: the service decides who may approve and says why not.
        self.approve_button.setVisible(open_proposal)
        self.return_button.setVisible(open_proposal and allowed(actor, "assessment.approve"))
        self.approve_button.setEnabled(not self.busy)
        self.return_button.setEnabled(not self.busy)
        for w in (self.wage_table, self.region, self.year, self.regional_wage, self.minimum_wage,
                  self.cannot_arrange, self.employment_ended, self.suspension, self.extended, self.income,
                  self.dependants, self.add_dependant, self.remove_dependant):
            w.setEnabled(editable and not self.busy)
        payment = self._selected_payment()
        self.record_payment_button.setVisible(allowed(actor, "payment.record"))
        self.record_payment_button.setEnabled(not self.busy and payment is not None and payment.status == "scheduled")

    # ------------------------------------------------------------------ results

    def _show_items(self, items: list[dict[str, Any]], total_once, total_monthly, illustrative: bool) -> None:
        self.items = list(items)
        self.item_table.setRowCount(len(items))
        for row, item in enumerate(items):
            formula, basis = formula_text(item), basis_text(item)
            cells = [self.item_label(item["code"]), _money(item["amount"]), self.period_label(item["period"]),
                     self.payer_label(item.get("payer")), basis, formula]
            for col, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                cell.setToolTip(f"{self.item_label(item['code'])}\n{formula}\n{basis}")
                if col == 1:
                    cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.item_table.setItem(row, col, cell)
        self.item_table.resizeRowsToContents()
        self.details.clear()
        if total_once is None:
            self.totals.setText(self.tr("No calculation yet."))
        else:
            text = self.tr("Total once: %1 yuan · total monthly: %2 yuan (the wage base counts in neither)") \
                .replace("%1", _money(total_once)).replace("%2", _money(total_monthly))
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
        parts = [f"<h3>{esc(self.item_label(item['code']))}</h3>",
                 f"<p><b>{esc(amount)}:</b> {esc(_money(item['amount']))} · "
                 f"{esc(self.period_label(item['period']))} · {esc(self.payer_label(item.get('payer')))}</p>",
                 f"<p><b>{esc(formula)}:</b><br>{esc(formula_text(item))}</p>",
                 f"<p><b>{esc(basis)}:</b> {esc(basis_text(item))}</p>"]
        inputs = item.get("inputs") or {}
        if inputs:
            parts.append(f"<p><b>{esc(inputs_label)}:</b><br>"
                         + "<br>".join(f"{esc(k)} = {esc(str(v))}" for k, v in inputs.items()) + "</p>")
        self.details.setHtml("".join(parts))

    # ------------------------------------------------------------------ inputs

    def inputs(self) -> dict[str, Any]:
        """The engine input document as entered on the page."""
        st = self.state
        wages: list[str | None] = []
        for row in range(self.wage_table.rowCount()):
            cell = self.wage_table.item(row, 1)
            text = cell.text().strip() if cell is not None else ""
            wages.append(text or None)
        doc: dict[str, Any] = {
            "injury_date": st.accident_date.isoformat(),
            "region": self.region.currentText() or None,
            "year": self.year.value(),
            "regional_average_monthly_wage": self.regional_wage.text().strip() or None,
            "minimum_wage": self.minimum_wage.text().strip() or None,
            "disability_grade": None if st.fatal else st.disability_grade,
            "nursing_level": None if st.fatal else st.nursing_level,
            "fatal": st.fatal,
            "suspension_months": self.suspension.value(),
            "suspension_extended": self.extended.isChecked(),
        }
        if any(w is not None for w in wages):
            doc["monthly_wages"] = wages
        if st.fatal:
            doc["national_urban_disposable_income"] = self.income.text().strip() or None
            doc["dependants"] = [
                {"relation": self.dependants.cellWidget(r, 0).currentData(),
                 "lonely_elderly_or_orphan": self.dependants.cellWidget(r, 1).isChecked()}
                for r in range(self.dependants.rowCount())]
        else:
            doc["employer_cannot_arrange_work"] = self.cannot_arrange.isChecked()
            doc["employment_ended"] = self.employment_ended.isChecked()
        return {k: v for k, v in doc.items() if v is not None}

    def _wage_records(self) -> list[dict[str, str]]:
        """The wage table plus the claim's records of other months, which the table does not show."""
        shown = {self.wage_table.item(r, 0).text() for r in range(self.wage_table.rowCount())}
        records: list[dict[str, str]] = []
        for row in range(self.wage_table.rowCount()):
            cell = self.wage_table.item(row, 1)
            text = cell.text().strip() if cell is not None else ""
            if text:
                records.append({"month": self.wage_table.item(row, 0).text(), "amount": text})
        # table rows first, so an error's entry number matches the row the caseworker sees
        return records + [w for w in self.service.list_wages(self.env.actor, self.claim_id) if w["month"] not in shown]

    # ------------------------------------------------------------------ actions

    def show_message(self, text: str, error: bool = True) -> None:
        self.message.setText(text)
        self.message.setStyleSheet("color: #b00020;" if error else "color: #1b5e20;")
        self.message.show()

    def _run(self, work, done, *, write: bool) -> None:
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

        self.env.runner.submit(work, on_done=finished, on_error=failed, write=write)

    def calculate(self) -> None:
        doc = self.inputs()
        actor = self.env.actor

        def shown(result) -> None:
            # the same item records an assessment stores, so a preview reads exactly like a saved result
            self._show_items(result_record(result)["items"], result.total_once, result.total_monthly, result.illustrative_parameters)
            self.result_title.setText(self.tr("Line items (calculated now, not saved)"))
            self.tabs.setCurrentIndex(1)

        self._run(lambda: self.service.preview(actor, self.claim_id, doc), shown, write=False)

    def propose(self) -> None:
        doc = self.inputs()
        wages = self._wage_records()
        actor = self.env.actor

        def work() -> str:
            self.service.record_wages(actor, self.claim_id, wages)
            return self.service.propose(actor, self.claim_id, doc)

        self._run(work, lambda _id: self._changed(self.tr("Proposed. A supervisor must now approve it.")), write=True)

    def approve(self) -> None:
        if self.stored is None:
            return
        actor, assessment_id = self.env.actor, self.stored.id
        self._run(lambda: self.service.approve(actor, assessment_id),
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
        self._run(lambda: self.service.return_for_changes(actor, assessment_id, reason),
                  lambda _r: self._changed(self.tr("Returned to the caseworker.")), write=True)

    def _changed(self, text: str) -> None:
        self.env.bus.changed.emit("claims")
        self.result_title.setText(self.tr("Line items"))
        self.reload()
        self.show_message(text, error=False)

    # ------------------------------------------------------------------ payments

    def _fill_payments(self) -> None:
        self.payment_table.setRowCount(len(self.payments))
        for row, p in enumerate(self.payments):
            cells = [p.due_on.isoformat(), self.item_label(p.item_code), self.payer_label(p.payer), _money(p.amount),
                     self.payment_status_label(p.status), p.paid_on.isoformat() if p.paid_on else "", p.reference]
            for col, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                if col == 3:
                    cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.payment_table.setItem(row, col, cell)
        self.tabs.setTabText(2, self.tr("&Payments (%1)").replace("%1", str(len(self.payments))))

    def _selected_payment(self) -> PaymentView | None:
        rows = self.payment_table.selectionModel().selectedRows() if self.payment_table.selectionModel() else []
        if not rows or rows[0].row() >= len(self.payments):
            return None
        return self.payments[rows[0].row()]

    def open_record_payment(self) -> None:
        payment = self._selected_payment()
        if payment is None:
            return
        self.payment_dialog = RecordPaymentDialog(self, payment, self.env.services.ctx.today())
        self.payment_dialog.accepted.connect(self._payment_accepted)
        self.payment_dialog.open()

    def _payment_accepted(self) -> None:
        d = self.payment_dialog
        if d is None:
            return
        actor, payment_id = self.env.actor, d.payment.id
        paid_on, reference = from_qdate(d.paid_on.date()).isoformat(), d.reference.text()
        self._run(lambda: self.service.record_payment(actor, payment_id, paid_on, reference),
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


class RecordPaymentDialog(QDialog):
    """The date a scheduled payment was made and the bank or voucher reference."""

    def __init__(self, parent: QWidget, payment: PaymentView, today: date) -> None:
        super().__init__(parent)
        self.payment = payment
        self.setWindowTitle(self.tr("Record payment"))
        form = QFormLayout(self)
        form.addRow(self.tr("Amount:"), QLabel(_money(payment.amount)))
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


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
