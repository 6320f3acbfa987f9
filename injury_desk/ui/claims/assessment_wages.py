"""The Assessment page's first tab: the wages of the 12 months before the injury and the calculation parameters."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from injury_desk.domain.compensation.wages import months_before
from injury_desk.services.assessments import AssessmentState
from injury_desk.ui.env import UiEnv
from injury_desk.ui.messages import label, labels
from injury_desk.ui.messages_formulas import rule_file_text
from injury_desk.ui.operations import QueryOp


class WagesTab(QWidget):
    """Wages and parameters as entered; ``inputs()`` is the engine's input document."""

    def __init__(self, env: UiEnv, claim_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.after_suspension = False  # Art. 39 last paragraph, from the pre-filled or stored inputs
        self.env = env
        self.claim_id = claim_id
        self.wages: list[dict[str, str]] = []  # the claim's wage records, as last read
        row = QHBoxLayout(self)
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
        # a region's name can be long ("Example Province (illustrative figures, not official)"): the box keeps a
        # modest width and elides it, the list shows it whole, the note below repeats it
        self.region.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.region.setMinimumContentsLength(16)
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
        self.hospital_days = QSpinBox()
        self.hospital_days.setRange(0, 36500)
        self.hospital_days.setSuffix(self.tr(" days"))
        self.meal_rate = QLineEdit()
        self.basic_pension = QLineEdit()
        self.basic_pension.setToolTip(self.tr("After retirement the basic pension replaces the disability "
                                              "allowance; the fund pays the difference when it is lower (Art. 35)"))
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
        form.addRow(self.tr("Days in &hospital:"), self.hospital_days)
        form.addRow(self.tr("Hospital meal &allowance per day:"), self.meal_rate)
        self.pension_label = QLabel(self.tr("&Basic pension after retirement:"))
        self.pension_label.setBuddy(self.basic_pension)
        form.addRow(self.pension_label, self.basic_pension)
        self.income_label = QLabel(self.tr("National urban &disposable income:"))
        self.income_label.setBuddy(self.income)
        form.addRow(self.income_label, self.income)
        self.dependants_label = QLabel(self.tr("Dependants:"))
        form.addRow(self.dependants_label, self.dependants_box)
        self.region.currentIndexChanged.connect(self._show_region_figures)
        self.year.valueChanged.connect(self._show_region_figures)

        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(params_box)
        row.addWidget(scroll, 1)

    def set_editable(self, editable: bool) -> None:
        for w in (self.wage_table, self.region, self.year, self.regional_wage, self.minimum_wage,
                  self.cannot_arrange, self.employment_ended, self.suspension, self.extended, self.income,
                  self.hospital_days, self.meal_rate, self.basic_pension,
                  self.dependants, self.add_dependant, self.remove_dependant):
            w.setEnabled(editable)

    # ------------------------------------------------------------------ filling

    def fill(self, st: AssessmentState, doc: dict[str, Any], regions: list[tuple[str, str]],
             wages: list[dict[str, str]]) -> None:
        """Show ``doc`` (a stored or pre-filled input document) for the claim described by ``st``, with the
        regions that have parameter files and the claim's wage records (read by the dialog)."""
        actor = self.env.actor
        self.wages = list(wages)
        self.region.blockSignals(True)
        self.region.clear()
        for code, name in regions:
            self.region.addItem(rule_file_text(name), code)  # the file's name for it, in the user's language
            self.region.setItemData(self.region.count() - 1, code, Qt.ItemDataRole.ToolTipRole)
        self.region.blockSignals(False)
        months = months_before(st.accident_date)
        by_month = {w["month"]: w["amount"] for w in self.wages}
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
        region = doc.get("region") or actor.office_region
        index = self.region.findData(region)
        if index < 0:  # a stored document's region without a parameter file here: shown by its code
            self.region.addItem(region, region)
            index = self.region.count() - 1
        self.region.setCurrentIndex(index)
        self.year.setValue(int(doc.get("year") or st.accident_date.year - 1))
        self.regional_wage.setText(str(doc.get("regional_average_monthly_wage") or ""))
        self.minimum_wage.setText(str(doc.get("minimum_wage") or ""))
        self.grade.setText(str(st.disability_grade) if st.disability_grade else label("nursing_level", None))
        self.grade.setToolTip(self.tr("From the appraisal conclusion; change it there, not here"))
        self.nursing.setText(label("nursing_level", st.nursing_level))
        self.nursing.setToolTip(self.grade.toolTip())
        self.cannot_arrange.setChecked(bool(doc.get("employer_cannot_arrange_work")))
        self.employment_ended.setChecked(bool(doc.get("employment_ended")))
        self.suspension.setValue(int(doc.get("suspension_months") or 0))
        self.extended.setChecked(bool(doc.get("suspension_extended")))
        self.income.setText(str(doc.get("national_urban_disposable_income") or ""))
        self.hospital_days.setValue(int(doc.get("hospital_days") or 0))
        self.meal_rate.setText(str(doc.get("hospital_meal_allowance_per_day") or ""))
        self.basic_pension.setText(str(doc.get("basic_pension") or ""))
        for w in (self.pension_label, self.basic_pension):
            w.setVisible(st.basic_pension_applies)
        # Art. 39 last paragraph: decided by the service from the suspension period's dates, kept as proposed
        self.after_suspension = bool(doc.get("death_after_suspension"))
        self.dependants.setRowCount(0)
        for dep in doc.get("dependants") or []:
            self._add_dependant(dep.get("relation", "spouse"), bool(dep.get("lonely_elderly_or_orphan")))
        for w in (self.income_label, self.income, self.dependants_label, self.dependants_box):
            w.setVisible(st.fatal)
        for w in (self.cannot_arrange, self.employment_ended):
            w.setVisible(not st.fatal)
        self._show_region_figures()

    def _show_region_figures(self) -> None:
        actor, region, year = self.env.actor, self.region.currentData() or "", self.year.value()
        QueryOp(self, self.env, query=lambda services: services.assessments.region_figures(actor, region, year),
                success=self._figures).superseding("figures").run()

    def _figures(self, figures: dict[str, Any] | None) -> None:
        if figures is None:
            self.regional_wage.setPlaceholderText(self.tr("no parameter file: enter the figure"))
            self.minimum_wage.setPlaceholderText("")
            self.meal_rate.setPlaceholderText(self.tr("no parameter file: enter the figure"))
            self.figures_note.setText(self.tr("No parameter file for this region and year."))
            return
        self.regional_wage.setPlaceholderText(self.tr("%1 from the parameter file").replace(
            "%1", figures["average_monthly_wage"]))
        self.minimum_wage.setPlaceholderText(self.tr("%1 from the parameter file").replace(
            "%1", figures["minimum_wage"] or "—"))
        meal = figures["hospital_meal_allowance_per_day"]
        self.meal_rate.setPlaceholderText(
            self.tr("%1 from the parameter file").replace("%1", meal) if meal
            else self.tr("not in the parameter file: enter the figure"))
        note = rule_file_text(figures["name"])
        if figures["illustrative"]:
            note = self.tr("%1 — not for real decisions").replace("%1", note)
        self.figures_note.setText(note)

    def _add_dependant(self, relation: str, lonely: bool) -> None:
        row = self.dependants.rowCount()
        self.dependants.insertRow(row)
        combo = QComboBox()
        for code, word in labels("dependant_relation").items():
            combo.addItem(word, code)
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

    # ------------------------------------------------------------------ reading

    def inputs(self, st: AssessmentState) -> dict[str, Any]:
        """The engine input document as entered on the page."""
        wages: list[str | None] = []
        for row in range(self.wage_table.rowCount()):
            cell = self.wage_table.item(row, 1)
            text = cell.text().strip() if cell is not None else ""
            wages.append(text or None)
        doc: dict[str, Any] = {
            "injury_date": st.accident_date.isoformat(),
            "region": self.region.currentData() or None,
            "year": self.year.value(),
            "regional_average_monthly_wage": self.regional_wage.text().strip() or None,
            "minimum_wage": self.minimum_wage.text().strip() or None,
            "disability_grade": None if st.fatal else st.disability_grade,
            "nursing_level": None if st.fatal else st.nursing_level,
            "fatal": st.fatal,
            "suspension_months": self.suspension.value(),
            "suspension_extended": self.extended.isChecked(),
        }
        if self.hospital_days.value():
            # Art. 30: days × the daily standard, the region file's unless one is entered
            doc["hospital_days"] = self.hospital_days.value()
            doc["hospital_meal_allowance_per_day"] = self.meal_rate.text().strip() or None
        if st.basic_pension_applies:
            doc["basic_pension"] = self.basic_pension.text().strip() or None
        if any(w is not None for w in wages):
            doc["monthly_wages"] = wages
        if st.fatal and self.after_suspension:
            doc["death_after_suspension"] = True
            doc["disability_grade"] = st.disability_grade
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

    def wage_records(self) -> list[dict[str, str]]:
        """The wage table plus the claim's records of other months, which the table does not show."""
        shown = {self.wage_table.item(r, 0).text() for r in range(self.wage_table.rowCount())}
        records: list[dict[str, str]] = []
        for row in range(self.wage_table.rowCount()):
            cell = self.wage_table.item(row, 1)
            text = cell.text().strip() if cell is not None else ""
            if text:
                records.append({"month": self.wage_table.item(row, 0).text(), "amount": text})
        # table rows first, so an error's entry number matches the row the caseworker sees
        return records + [w for w in self.wages if w["month"] not in shown]
