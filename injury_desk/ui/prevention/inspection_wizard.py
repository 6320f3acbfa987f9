"""The guided inspection: plan (or pick a planned inspection) → record the visit and its hazards with photos
and documents → give each hazard a corrective action with an owner and a due date; saved in one go."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from injury_desk.domain.errors import DomainError, FieldError
from injury_desk.domain.prevention import SEVERITIES
from injury_desk.placeholders import arg
from injury_desk.services.attachments import AttachmentFile, read_file
from injury_desk.services.inspections import InspectionView
from injury_desk.ui.messages import error_text, labelled, rule_text
from injury_desk.ui.form_dialog import FormDialog
from injury_desk.ui.widgets import date_edit
from injury_desk.ui.row_table import Column, RowTable, RowTableModel, error_label
from injury_desk.ui.prevention.common import (
    ACTION_DUE_DAYS,
    FILE_FILTER_SUFFIXES,
    EmployerChoices,
    LiveCheck,
    file_error_text,
    size_text,
    text_box,
)
from injury_desk.ui.widgets import from_qdate, to_qdate
from injury_desk.ui.operations import Changes, CollectionOp, QueryOp, show_failure


@dataclass
class HazardDraft:
    """A hazard entered in the wizard, not yet saved."""

    category: str
    severity: str
    location: str
    description: str
    files: list[AttachmentFile] = field(default_factory=list)

    @property
    def id(self) -> int:  # RowTable keeps the selection by ``id``
        return id(self)


def severity_labels() -> dict[str, str]:
    """The severity words, as the Inspections page says them."""
    return {"low": QCoreApplication.translate("InspectionsPage", "low"),
            "medium": QCoreApplication.translate("InspectionsPage", "medium"),
            "high": QCoreApplication.translate("InspectionsPage", "high"),
            "critical": QCoreApplication.translate("InspectionsPage", "critical")}


# ---------------------------------------------------------------- the hazard editor


class HazardDraftDialog(FormDialog):
    """One finding: category, severity, location, description and the photos or documents that show it."""

    def __init__(self, env, parent=None) -> None:
        super().__init__(env, "", parent)
        self.rules = LiveCheck(self, env)
        self.checking = False
        self.last_errors: list[FieldError] = []
        self.setWindowTitle(self.tr("Hazard found"))
        self.category_edit = self.add_field("category", self.tr("&Category"), QLineEdit())
        self.category_edit.setPlaceholderText(self.tr("e.g. machine guarding"))
        self.severity_combo = QComboBox()
        self.severity_combo.addItem(self.tr("— choose —"), None)
        labels = severity_labels()
        for key in SEVERITIES:
            self.severity_combo.addItem(labels[key], key)
        self.add_field("severity", self.tr("&Severity"), self.severity_combo)
        self.location_edit = self.add_field("location", self.tr("&Location"), QLineEdit())
        self.description_edit = self.add_field("description", self.tr("&Description"), text_box())
        self.files: list[AttachmentFile] = []
        self.file_list = QListWidget()
        self.file_list.setMaximumHeight(self.fontMetrics().lineSpacing() * 5 + 8)
        self.add_file_button = QPushButton(self.tr("Add &photo or document…"))
        self.remove_file_button = QPushButton(self.tr("Re&move"))
        self.remove_file_button.setEnabled(False)
        self.file_error = error_label()
        self.file_error.setObjectName("error_attachments")
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_file_button)
        buttons.addWidget(self.remove_file_button)
        buttons.addStretch(1)
        holder = QWidget()
        box = QVBoxLayout(holder)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(2)
        box.addWidget(self.file_list)
        box.addLayout(buttons)
        box.addWidget(self.file_error)
        self.form.addRow(self.tr("Attachments"), holder)
        self.add_file_button.clicked.connect(self.pick_files)
        self.remove_file_button.clicked.connect(self.remove_file)
        self.file_list.currentRowChanged.connect(lambda row: self.remove_file_button.setEnabled(row >= 0))
        self.rules.answered.connect(self.revalidate)
        self.revalidate()

    def data(self) -> dict[str, Any]:
        return {k: self.value(k) for k in ("category", "severity", "location", "description")}

    def check(self) -> list[FieldError]:
        """The service's rules for a hazard; until its answer for these values is there, the last ones shown."""
        data, actor = self.data(), self.env.actor
        errors = self.rules.errors(tuple(data.values()), lambda services: (
            services.inspections.check_wizard_section(actor, "hazard", data)))
        self.checking = errors is None
        if errors is not None:
            self.last_errors = errors
        return self.last_errors

    def revalidate(self) -> list[FieldError]:
        errors = super().revalidate()
        if self.checking:
            self.ok_button.setEnabled(False)
        return errors

    def pick_files(self) -> None:
        paths, _filter = QFileDialog.getOpenFileNames(
            self, self.tr("Attach photos or documents"), "",
            self.tr("Photos and documents") + f" ({FILE_FILTER_SUFFIXES})")
        if paths:
            self.add_paths([Path(p) for p in paths])

    def add_paths(self, paths: list[Path]) -> None:
        """Read and check each file now (off the GUI thread: photos are megabytes), so a file that is too large
        is named while the user is here."""

        def query(_services) -> list[AttachmentFile | Exception]:
            read: list[AttachmentFile | Exception] = []
            for path in paths:
                try:
                    read.append(read_file(path))
                except Exception as exc:  # noqa: BLE001 - named under the list; the other files are still added
                    read.append(exc)
            return read

        self.add_file_button.setEnabled(False)
        QueryOp(self, self.env, query=query, success=self._files_read).failure(self._files_failed).run()

    def _files_read(self, read: list[AttachmentFile | Exception]) -> None:
        problems: list[str] = []
        for file in read:
            if isinstance(file, Exception):
                problems.append(file_error_text(file))
                continue
            same = next((f for f in self.files if f.sha256 == file.sha256), None)
            if same is not None:
                problems.append(rule_text("attachment.duplicate",
                                          {"file_name": file.file_name, "existing": same.file_name}))
                continue
            self.files.append(file)
            item = QListWidgetItem(f"{file.file_name}  ({size_text(len(file.content))})")
            item.setToolTip("SHA-256 " + file.sha256)
            self.file_list.addItem(item)
        self.file_error.setText("\n".join(problems))
        self.file_error.setVisible(bool(problems))
        self.add_file_button.setEnabled(True)

    def _files_failed(self, exc: Exception) -> None:
        self.file_error.setText(file_error_text(exc))
        self.file_error.setVisible(True)
        self.add_file_button.setEnabled(True)

    def remove_file(self) -> None:
        row = self.file_list.currentRow()
        if row >= 0:
            self.file_list.takeItem(row)
            del self.files[row]

    def _ok(self) -> None:
        # Nothing is saved here: the wizard saves the whole inspection at the end.
        errors = self.check()
        if self.checking:  # OK comes back when the answer is there
            self.ok_button.setEnabled(False)
            return
        if errors:
            self.show_errors(errors, all_fields=True)
            self.ok_button.setEnabled(False)
            return
        d = self.data()
        self.result_value = HazardDraft(d["category"].strip(), d["severity"], d["location"].strip(),
                                        d["description"].strip(), list(self.files))
        self.accept()


# ---------------------------------------------------------------- pages


class PlanPage(QWizardPage):
    """A new inspection (employer, date, inspector) or one planned earlier; and whether the visit took place."""

    def __init__(self, wizard: "InspectionWizard") -> None:
        super().__init__()
        self.w = wizard
        env = wizard.env
        self.setTitle(self.tr("Plan"))
        self.setSubTitle(self.tr("Plan a new inspection or pick one planned earlier. Tick the box when the "
                                 "visit took place, to record its findings now."))
        self.new_radio = QRadioButton(self.tr("&New inspection"))
        self.planned_radio = QRadioButton(self.tr("&Planned inspection:"))
        group = QButtonGroup(self)
        group.addButton(self.new_radio)
        group.addButton(self.planned_radio)
        self.planned_combo = QComboBox()
        self.planned: list[InspectionView] = []
        self.wanted_planned: str | None = None  # chosen before the planned inspections were read
        self.rules = LiveCheck(self, env)
        self.checking = False
        self.employer_combo = QComboBox()
        self.employer_combo.setObjectName("wizard_employer")
        self.employers = EmployerChoices(self.employer_combo, env, self.tr("— choose —"))
        self.planned_edit = date_edit(env.today())
        self.inspector_edit = QLineEdit()
        self.inspector_edit.setPlaceholderText(arg(self.tr("empty: %1"), env.actor.display_name))
        self.errors_label = {k: error_label() for k in ("employer_id", "planned_on", "inspector")}
        self.visited_check = QCheckBox(self.tr("The &visit took place: record its findings now"))
        self.visited_check.setChecked(True)

        form = QFormLayout()
        form.addRow(self.new_radio)
        form.addRow(self.tr("&Employer:"), self._with_error(self.employer_combo, "employer_id"))
        form.addRow(self.tr("Planned &on:"), self._with_error(self.planned_edit, "planned_on"))
        form.addRow(self.tr("&Inspector:"), self._with_error(self.inspector_edit, "inspector"))
        form.addRow(self.planned_radio, self.planned_combo)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addSpacing(8)
        layout.addWidget(self.visited_check)
        layout.addStretch(1)
        self.planned_radio.setEnabled(False)  # until the planned inspections are read
        self.new_radio.setChecked(True)
        self.errors: list[FieldError] = []
        for sig in (self.new_radio.toggled, self.employer_combo.currentIndexChanged,
                    self.planned_combo.currentIndexChanged, self.planned_edit.dateChanged,
                    self.inspector_edit.textChanged, self.visited_check.toggled):
            sig.connect(self.revalidate)
        self.rules.answered.connect(self.revalidate)
        actor = env.actor
        QueryOp(self, env, query=lambda services: services.inspections.list_inspections(actor, status="planned"),
                success=self._planned_read).failure(self._planned_failed).run()

    def _planned_failed(self, exc: Exception) -> None:
        # The page still works for a new inspection when the planned ones cannot be read (a refusal); a program
        # error goes to the one handler.
        if not isinstance(exc, DomainError):
            show_failure(self, exc)

    def _planned_read(self, planned: list[InspectionView]) -> None:
        self.planned = planned
        for i in sorted(self.planned, key=lambda i: (i.planned_on, i.employer_name)):
            self.planned_combo.addItem(arg(self.tr("%1 · planned %2"), i.employer_name, i.planned_on.isoformat()), i.id)
        self.planned_radio.setEnabled(bool(self.planned))
        if self.wanted_planned is not None:
            self.select_planned(self.wanted_planned)
        self.revalidate()

    def _with_error(self, widget: QWidget, key: str) -> QWidget:
        holder = QWidget()
        box = QVBoxLayout(holder)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(2)
        box.addWidget(widget)
        box.addWidget(self.errors_label[key])
        return holder

    def use_planned(self) -> bool:
        return self.planned_radio.isChecked()

    def plan_data(self) -> dict[str, Any]:
        return {"employer_id": self.employer_combo.currentData(),
                "planned_on": from_qdate(self.planned_edit.date()).isoformat(),
                "inspector": self.inspector_edit.text()}

    def planned_inspection(self) -> InspectionView | None:
        wanted = self.planned_combo.currentData()
        return next((i for i in self.planned if i.id == wanted), None) if self.use_planned() else None

    def select_planned(self, inspection_id: str) -> None:
        """Record ``inspection_id``, now or once the planned inspections are read."""
        index = self.planned_combo.findData(inspection_id)
        if index >= 0:
            self.wanted_planned = None
            self.planned_combo.setCurrentIndex(index)
            self.planned_radio.setChecked(True)
        elif not self.planned:
            self.wanted_planned = inspection_id

    def select_employer(self, employer_id: str) -> None:
        self.employers.select(employer_id)

    def revalidate(self) -> None:
        new = not self.use_planned()
        for w in (self.employer_combo, self.planned_edit, self.inspector_edit):
            w.setEnabled(new)
        self.planned_combo.setEnabled(not new)
        self.checking = False
        if new:
            data, actor = self.plan_data(), self.w.env.actor
            errors = self.rules.errors(tuple(data.values()), lambda services: (
                services.inspections.check_wizard_section(actor, "plan", data)))
            if errors is None:  # the last errors stay shown until the answer for these values is there
                self.checking = True
            else:
                self.errors = errors
        else:
            self.errors = [] if self.planned_inspection() else [FieldError("inspection_id", "field.required")]
        by_key: dict[str, list[str]] = {}
        for e in self.errors:
            by_key.setdefault(e.field, []).append(rule_text(e.rule, e.params))
        for key, label in self.errors_label.items():
            # An employer not chosen yet is said once the user has been to the list, not on arrival.
            texts = by_key.get(key, []) if (key != "employer_id" or self.employer_combo.currentIndex() > 0) else []
            label.setText("\n".join(texts))
            label.setVisible(bool(texts))
        self.setFinalPage(not self.visited_check.isChecked())
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return not self.errors and not self.checking and self.employers.ready

    def nextId(self) -> int:
        return self.w.visit_id if self.visited_check.isChecked() else -1

    def initializePage(self) -> None:
        self.revalidate()


class VisitPage(QWizardPage):
    """The visit: date, summary, and the hazards found (each with its photos and documents)."""

    def __init__(self, wizard: "InspectionWizard") -> None:
        super().__init__()
        self.w = wizard
        env = wizard.env
        self.setTitle(self.tr("Visit and findings"))
        self.setSubTitle(self.tr("When the visit took place, what was seen, and each hazard found. An "
                                 "inspection without findings is finished here."))
        self.inspected_edit = date_edit(env.today())
        self.summary_edit = text_box()
        self.summary_edit.setObjectName("wizard_summary")
        self.inspected_error = error_label()
        self.summary_error = error_label()
        labels = severity_labels()
        self.hazards: list[HazardDraft] = []
        self.model = RowTableModel([
            Column(self.tr("Severity"), lambda h: labels.get(h.severity, h.severity)),
            Column(self.tr("Category"), lambda h: h.category),
            Column(self.tr("Location"), lambda h: h.location),
            Column(self.tr("Attachments"), lambda h: len(h.files), right=True),
        ], self)
        self.table = RowTable(self.model)
        self.table.setMinimumHeight(120)
        self.add_button = QPushButton(self.tr("&Add hazard…"))
        self.remove_button = QPushButton(self.tr("&Remove hazard"))
        self.remove_button.setEnabled(False)
        self.dialog: HazardDraftDialog | None = None

        form = QFormLayout()
        holder = QWidget()
        box = QVBoxLayout(holder)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.inspected_edit)
        box.addWidget(self.inspected_error)
        form.addRow(self.tr("&Inspected on:"), holder)
        holder2 = QWidget()
        box2 = QVBoxLayout(holder2)
        box2.setContentsMargins(0, 0, 0, 0)
        box2.addWidget(self.summary_edit)
        box2.addWidget(self.summary_error)
        form.addRow(self.tr("&Summary:"), holder2)
        buttons = QHBoxLayout()
        buttons.addWidget(QLabel(self.tr("Hazards found:")))
        buttons.addStretch(1)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        self.errors: list[FieldError] = []
        self.rules = LiveCheck(self, env)
        self.checking = False
        self.rules.answered.connect(self.revalidate)
        self.summary_touched = False
        self.inspected_edit.dateChanged.connect(self.revalidate)
        self.summary_edit.textChanged.connect(self._summary_changed)
        self.add_button.clicked.connect(self.add_hazard)
        self.remove_button.clicked.connect(self.remove_hazard)
        self.table.selectionModel().selectionChanged.connect(
            lambda *_: self.remove_button.setEnabled(self.table.current() is not None))

    def _summary_changed(self) -> None:
        self.summary_touched = True
        self.revalidate()

    def visit_data(self) -> dict[str, Any]:
        return {"inspected_on": from_qdate(self.inspected_edit.date()).isoformat(),
                "summary": self.summary_edit.toPlainText()}

    def found_on(self) -> date:
        return from_qdate(self.inspected_edit.date())

    def revalidate(self) -> None:
        data, actor = self.visit_data(), self.w.env.actor
        errors = self.rules.errors(tuple(data.values()), lambda services: (
            services.inspections.check_wizard_section(actor, "visit", data)))
        self.checking = errors is None
        if errors is not None:  # else the last errors stay shown until the answer for these values is there
            self.errors = errors
        for key, label in (("inspected_on", self.inspected_error), ("summary", self.summary_error)):
            texts = [rule_text(e.rule, e.params) for e in self.errors if e.field == key]
            if key == "summary" and not self.summary_touched:
                texts = []
            label.setText("\n".join(texts))
            label.setVisible(bool(texts))
        self.setFinalPage(not self.hazards)
        self.completeChanged.emit()

    def add_hazard(self) -> None:
        self.dialog = HazardDraftDialog(self.w.env, self)
        self.dialog.accepted.connect(lambda d=self.dialog: self._hazard_added(d.result_value))
        self.dialog.open()

    def _hazard_added(self, hazard: HazardDraft | None) -> None:
        if hazard is None:
            return
        self.hazards.append(hazard)
        self.table.set_rows(self.hazards)
        self.revalidate()

    def remove_hazard(self) -> None:
        hazard = self.table.current()
        if hazard is not None:
            self.hazards.remove(hazard)
            self.table.set_rows(self.hazards)
            self.revalidate()

    def isComplete(self) -> bool:
        return not self.errors and not self.checking

    def nextId(self) -> int:
        return self.w.actions_id if self.hazards else -1

    def initializePage(self) -> None:
        inspection = self.w.plan_page.planned_inspection()
        if inspection is not None:
            self.inspected_edit.setDate(to_qdate(min(self.w.env.today(), inspection.planned_on)))
        else:
            planned = from_qdate(self.w.plan_page.planned_edit.date())
            self.inspected_edit.setDate(to_qdate(min(self.w.env.today(), planned)))
        self.revalidate()


class ActionRow:
    """The widgets of one hazard's corrective action on the actions page."""

    def __init__(self, hazard: HazardDraft, due: date) -> None:
        self.hazard = hazard
        self.description = QLineEdit()
        self.owner = QLineEdit()
        self.due = date_edit(due)
        self.error = error_label()
        self.touched = False


class ActionsPage(QWizardPage):
    """One corrective action for each hazard: what is to be done, who at the employer does it, and by when."""

    def __init__(self, wizard: "InspectionWizard") -> None:
        super().__init__()
        self.w = wizard
        self.setTitle(self.tr("Corrective actions"))
        self.setSubTitle(self.tr("Give each hazard an action, the person at the employer who does it, and the "
                                 "due date. More actions can be added later on the Inspections page."))
        self.rows: list[ActionRow] = []
        self.area = QScrollArea()
        self.area.setWidgetResizable(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.area)
        self.errors: list[FieldError] = []
        self.rules = LiveCheck(self, wizard.env)
        self.checking = False
        self.rules.answered.connect(self.revalidate)

    def initializePage(self) -> None:
        hazards = self.w.visit_page.hazards
        old = {id(r.hazard): r for r in self.rows}
        due = self.w.env.today() + timedelta(days=ACTION_DUE_DAYS)
        self.rows = []
        for h in hazards:
            row = old.get(id(h))
            if row is None:
                row = ActionRow(h, due)
                for sig in (row.description.textChanged, row.owner.textChanged, row.due.dateChanged):
                    sig.connect(lambda *_a, rr=row: self._edited(rr))
            self.rows.append(row)
        labels = severity_labels()
        inner = QWidget()
        grid = QGridLayout(inner)
        for col, title in enumerate((self.tr("Hazard"), self.tr("Action"), self.tr("Owner"), self.tr("Due date"))):
            header = QLabel(f"<b>{title}</b>")
            grid.addWidget(header, 0, col)
        for n, row in enumerate(self.rows):
            r = 1 + n * 2
            text = arg(self.tr("%1: %2 at %3"), labels.get(row.hazard.severity, row.hazard.severity), row.hazard.category, row.hazard.location or "—")
            label = QLabel(text)
            label.setWordWrap(True)
            grid.addWidget(label, r, 0)
            grid.addWidget(row.description, r, 1)
            grid.addWidget(row.owner, r, 2)
            grid.addWidget(row.due, r, 3)
            grid.addWidget(row.error, r + 1, 1, 1, 3)
            row.description.setPlaceholderText(self.tr("what is to be done"))
            row.owner.setPlaceholderText(self.tr("who at the employer"))
        grid.setColumnStretch(0, 2)
        grid.setColumnStretch(1, 3)
        grid.setColumnStretch(2, 2)
        grid.setRowStretch(len(self.rows) * 2 + 1, 1)
        self.area.setWidget(inner)  # the previous widget (and its labels) is deleted; rows are reparented
        self.revalidate()

    def _edited(self, row: ActionRow) -> None:
        row.touched = True
        self.revalidate()

    def action_data(self, row: ActionRow) -> dict[str, Any]:
        return {"description": row.description.text(), "owner": row.owner.text(),
                "due_date": from_qdate(row.due.date()).isoformat()}

    def revalidate(self) -> None:
        found_on, actor = self.w.visit_page.found_on(), self.w.env.actor
        self.errors = []
        self.checking = False
        for row in self.rows:
            data = self.action_data(row)
            errors = self.rules.errors((*data.values(), found_on), lambda services, data=data: (
                services.inspections.check_wizard_section(actor, "action", data, found_on=found_on)))
            if errors is None:  # the row's last errors stay shown until the answer for these values is there
                self.checking = True
                continue
            self.errors += errors
            shown = errors if row.touched else [e for e in errors if e.rule != "field.required"]
            labels = {"description": self.tr("Action"), "owner": self.tr("Owner"), "due_date": self.tr("Due date")}
            row.error.setText("\n".join(labelled(labels.get(e.field, e.field), rule_text(e.rule, e.params))
                                        for e in shown))
            row.error.setVisible(bool(shown))
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return not self.errors and not self.checking


class InspectionWizard(QWizard):
    """Finish saves the whole inspection in one transaction (off the GUI thread); a refusal keeps it open."""

    def __init__(self, env, parent=None, *, employer_id: str | None = None, inspection_id: str | None = None) -> None:
        super().__init__(parent)
        self.env = env
        self.saving = False
        self.saved_id: str | None = None
        self.setWindowTitle(self.tr("Inspection"))
        self.setObjectName("inspection_wizard")
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.plan_page = PlanPage(self)
        self.visit_page = VisitPage(self)
        self.actions_page = ActionsPage(self)
        self.plan_id = self.addPage(self.plan_page)
        self.visit_id = self.addPage(self.visit_page)
        self.actions_id = self.addPage(self.actions_page)
        # A refused save is shown on the page the user is on (each page has its own line for it).
        self.page_errors = {p: error_label() for p in (self.plan_page, self.visit_page, self.actions_page)}
        for page, label in self.page_errors.items():
            label.setObjectName("wizard_error")
            page.layout().addWidget(label)
        if employer_id:
            self.plan_page.select_employer(employer_id)
        if inspection_id:
            self.plan_page.select_planned(inspection_id)
        self.resize(820, 600)
        self.currentIdChanged.connect(lambda _id: self._show_error(""))

    def data(self) -> dict[str, Any]:
        """What the prevention service's ``inspect`` takes, from the pages as they are."""
        plan = self.plan_page
        data: dict[str, Any] = {}
        inspection = plan.planned_inspection()
        if inspection is not None:
            data.update(inspection_id=inspection.id, token=inspection.token)
        else:
            data["plan"] = plan.plan_data()
        if not plan.visited_check.isChecked():
            data["visit"] = None
            return data
        data["visit"] = self.visit_page.visit_data()
        rows = {id(r.hazard): r for r in self.actions_page.rows}
        data["hazards"] = [{"category": h.category, "severity": h.severity, "location": h.location,
                            "description": h.description, "attachments": list(h.files),
                            "actions": [self.actions_page.action_data(rows[id(h)])] if id(h) in rows else []}
                           for h in self.visit_page.hazards]
        return data

    def error_text(self) -> str:
        label = self.page_errors.get(self.currentPage())
        return label.text() if label is not None and label.isVisible() else ""

    def _show_error(self, text: str) -> None:
        for page, label in self.page_errors.items():
            shown = bool(text) and page is self.currentPage()
            label.setText(text if shown else "")
            label.setVisible(shown)

    def accept(self) -> None:
        if self.saving:
            return
        self.saving = True
        self.button(QWizard.WizardButton.FinishButton).setEnabled(False)
        data, actor = self.data(), self.env.actor
        CollectionOp(self, self.env, op=lambda services: services.inspections.inspect(actor, data),
                     changes=Changes(inspections=True, hazards=True), success=self._saved,
                     ).failure(self._failed).run()

    def _saved(self, inspection_id: str) -> None:
        self.saving = False
        self.saved_id = inspection_id
        super().accept()

    def _failed(self, exc: Exception) -> None:
        self.saving = False
        self.button(QWizard.WizardButton.FinishButton).setEnabled(True)
        self._show_error(error_text(exc))

