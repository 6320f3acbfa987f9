"""Prevention → Inspections: plan and record inspections, their hazards and the hazards' corrective actions."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from injury_desk.domain.errors import FieldError
from injury_desk.domain.prevention import SEVERITIES
from injury_desk.placeholders import arg
from injury_desk.services.inspections import HazardView, InspectionView
from injury_desk.ui.print_menu import print_actions_for
from injury_desk.ui.messages import error_text, labels, severity_labels
from injury_desk.ui.permissions import permit
from injury_desk.ui.form_dialog import FormDialog
from injury_desk.ui.widgets import date_edit
from injury_desk.ui.row_table import Column, RowTable, RowTableModel, error_label, section_label
from injury_desk.ui.prevention.common import (
    ACTION_DUE_DAYS,
    EmployerChoices,
    WaitsForEmployers,
    future_date_errors,
    text_box,
)
from injury_desk.ui.operations import Changes, CollectionOp, QueryOp

REFRESH_ON = ("prevention", "employers")
# ---------------------------------------------------------------- editors


class PlanInspectionDialog(WaitsForEmployers, FormDialog):
    """Plans an inspection of one employer; ``result_value`` is the new inspection's id."""

    changes = Changes(inspections=True)

    def __init__(self, env, parent=None) -> None:
        super().__init__(env, "", parent)
        self.setWindowTitle(self.tr("Plan inspection"))
        self.employer_combo = QComboBox()
        self.employers = EmployerChoices(self.employer_combo, env, self.tr("— choose —"))
        self.add_field("employer_id", self.tr("&Employer"), self.employer_combo)
        self.employers.loaded.connect(self.revalidate)
        self.planned_edit = self.add_field("planned_on", self.tr("&Planned on"), date_edit(env.today()))
        self.inspector_edit = self.add_field("inspector", self.tr("&Inspector"), QLineEdit())
        self.inspector_edit.setPlaceholderText(arg(self.tr("empty: %1"), env.actor.display_name))
        self.revalidate()

    def check(self) -> list[FieldError]:
        return self.required_errors("employer_id")

    def save(self) -> str:
        return self.env.services.inspections.plan_inspection(self.env.actor, self.values())


class RecordVisitDialog(FormDialog):
    """Records that a planned inspection took place (or corrects the record of a done one)."""

    changes = Changes(inspections=True)

    def __init__(self, env, inspection: InspectionView, parent=None) -> None:
        super().__init__(env, "", parent)
        self.setWindowTitle(self.tr("Record inspection visit"))
        self.inspection = inspection
        self.form.addRow(self.tr("Inspection"), QLabel(arg(self.tr("%1 · planned %2"), inspection.employer_name, inspection.planned_on.isoformat())))
        today = env.today()
        self.inspected_edit = self.add_field("inspected_on", self.tr("&Inspected on"),
                                             date_edit(inspection.inspected_on or min(today, inspection.planned_on)))
        self.summary_edit = self.add_field("summary", self.tr("&Summary"), text_box())
        if inspection.summary:
            self.summary_edit.setPlainText(inspection.summary)
        self.revalidate()

    def check(self) -> list[FieldError]:
        return self.required_errors("summary") + future_date_errors(
            "inspected_on", self.value("inspected_on"), self.env.today())

    def save(self) -> None:
        data = {k: self.value(k) for k in ("inspected_on", "summary")}
        self.env.services.inspections.record_inspection(self.env.actor, self.inspection.id, data,
                                                       token=self.inspection.token)
        return None


class HazardDialog(FormDialog):
    """Adds a hazard found on an inspection that took place; ``result_value`` is the hazard's id."""

    changes = Changes(hazards=True)

    def __init__(self, env, inspection: InspectionView, parent=None) -> None:
        super().__init__(env, "", parent)
        self.setWindowTitle(self.tr("Add hazard"))
        self.inspection = inspection
        self.form.addRow(self.tr("Inspection"), QLabel(arg(self.tr("%1 · inspected %2"), inspection.employer_name, (inspection.inspected_on or inspection.planned_on).isoformat())))
        self.category_edit = self.add_field("category", self.tr("&Category"), QLineEdit())
        self.category_edit.setPlaceholderText(self.tr("e.g. machine guarding"))
        self.severity_combo = QComboBox()
        self.severity_combo.addItem(self.tr("— choose —"), None)
        words = severity_labels()
        for key in SEVERITIES:
            self.severity_combo.addItem(words[key], key)
        self.add_field("severity", self.tr("&Severity"), self.severity_combo)
        self.location_edit = self.add_field("location", self.tr("&Location"), QLineEdit())
        self.description_edit = self.add_field("description", self.tr("&Description"), text_box())
        self.revalidate()

    def check(self) -> list[FieldError]:
        return self.required_errors("category", "severity")

    def save(self) -> str:
        return self.env.services.inspections.add_hazard(self.env.actor, self.inspection.id, self.values())


class ActionDialog(FormDialog):
    """Adds a corrective action to a hazard; ``result_value`` is the action's id."""

    changes = Changes(hazards=True)

    def __init__(self, env, hazard: HazardView, parent=None) -> None:
        super().__init__(env, "", parent)
        self.setWindowTitle(self.tr("Add corrective action"))
        self.hazard = hazard
        self.form.addRow(self.tr("Hazard"), QLabel(arg(self.tr("%1 at %2"), hazard.category, hazard.location or "—")))
        self.description_edit = self.add_field("description", self.tr("&Action"), QLineEdit())
        self.owner_edit = self.add_field("owner", self.tr("&Owner"), QLineEdit())
        self.owner_edit.setPlaceholderText(self.tr("who at the employer does it"))
        due = env.today() + timedelta(days=ACTION_DUE_DAYS)
        self.due_edit = self.add_field("due_date", self.tr("&Due date"), date_edit(due))
        self.revalidate()

    def check(self) -> list[FieldError]:
        return self.required_errors("description", "owner")

    def save(self) -> str:
        return self.env.services.inspections.add_action(self.env.actor, self.hazard.id, self.values())


# ---------------------------------------------------------------- the page


class InspectionsPage(QWidget):
    """The office's inspections, the selected one's hazards, and buttons for each editor."""

    def __init__(self, env, parent=None) -> None:
        super().__init__(parent)
        self.env = env
        self.dialog = None  # the open editor, wizard or dialog (kept so it is not collected)
        self._hazards_of: str | None = None  # the inspection whose hazards the lower list shows
        self._select_after: str | None = None  # selected when the list next arrives (just saved)
        self._select_hazard_after: str | None = None
        self._opening = False  # an editor's inspection is being read
        self.statuses = labels("inspection_status")
        self.severities = severity_labels()
        self.hazard_statuses = labels("hazard_status")

        self.status_combo = QComboBox()
        self.status_combo.addItem(self.tr("All"), None)
        for key, text in self.statuses.items():
            self.status_combo.addItem(text, key)
        status_label = QLabel(self.tr("&Show:"))
        status_label.setBuddy(self.status_combo)
        self.plan_button = QPushButton(self.tr("&Plan inspection…"))
        self.record_button = QPushButton(self.tr("&Record visit…"))
        self.hazard_button = QPushButton(self.tr("Add &hazard…"))
        self.action_button = QPushButton(self.tr("Add corrective &action…"))

        top = QHBoxLayout()
        top.addWidget(status_label)
        top.addWidget(self.status_combo)
        top.addStretch(1)
        for button in (self.plan_button, self.record_button, self.hazard_button, self.action_button):
            top.addWidget(button)
        self.print_button = QPushButton(self.tr("Pr&int report…"))
        self.print_button.setMenu(print_actions_for(
            env, self, "inspection_report", lambda: getattr(self.current_inspection(), "id", None)))
        top.addWidget(self.print_button)
        # The guided way through an inspection, the follow-up of its actions, and its photos and documents.
        self.wizard_button = QPushButton(self.tr("Inspection &wizard…"))
        self.follow_up_button = QPushButton(self.tr("&Follow-up visit…"))
        self.attachments_button = QPushButton(self.tr("Attach&ments…"))
        # A planned visit that will not take place is cancelled, not deleted: the plan stays on record.
        self.cancel_button = QPushButton(self.tr("Ca&ncel inspection…"))
        second = QHBoxLayout()
        second.addWidget(self.wizard_button)
        second.addWidget(self.follow_up_button)
        second.addWidget(self.attachments_button)
        second.addWidget(self.cancel_button)
        second.addStretch(1)

        statuses, severities, hazard_statuses = self.statuses, self.severities, self.hazard_statuses
        self.model = RowTableModel([
            Column(self.tr("Employer"), lambda i: i.employer_name),
            Column(self.tr("Planned on"), lambda i: i.planned_on),
            Column(self.tr("Inspected on"), lambda i: i.inspected_on),
            Column(self.tr("Status"), lambda i: i.status, text=lambda i: statuses.get(i.status, i.status)),
            Column(self.tr("Open hazards"), lambda i: i.open_hazard_count, right=True),
            Column(self.tr("Inspector"), lambda i: i.inspector),
        ], self)
        self.table = RowTable(self.model)
        self.table.sortByColumn(1, Qt.SortOrder.DescendingOrder)
        self.count_label = QLabel()

        order = {sev: n for n, sev in enumerate(SEVERITIES)}
        self.hazard_model = RowTableModel([
            Column(self.tr("Severity"), lambda h: order.get(h.severity, -1),
                   text=lambda h: severities.get(h.severity, h.severity)),
            Column(self.tr("Category"), lambda h: h.category),
            Column(self.tr("Location"), lambda h: h.location),
            Column(self.tr("Status"), lambda h: h.status, text=lambda h: hazard_statuses.get(h.status, h.status)),
            Column(self.tr("Description"), lambda h: h.description, text=lambda h: " ".join(h.description.split())),
        ], self)
        # Open high and critical hazards are what a caseworker follows up first: marked in red and bold.
        self.hazard_model.alert = lambda h: h.status == "open" and h.severity in ("high", "critical")
        self.hazard_model.bold_column = 0
        self.hazard_table = RowTable(self.hazard_model)
        self.hazard_table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        self.hazard_title = section_label(self.tr("Hazards of the selected inspection"))
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.error = error_label()

        upper = QWidget()
        upper_box = QVBoxLayout(upper)
        upper_box.setContentsMargins(0, 0, 0, 0)
        upper_box.addWidget(self.table)
        upper_box.addWidget(self.count_label)
        lower = QWidget()
        lower_box = QVBoxLayout(lower)
        lower_box.setContentsMargins(0, 0, 0, 0)
        lower_box.addWidget(self.hazard_title)
        lower_box.addWidget(self.hint)
        lower_box.addWidget(self.hazard_table)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(upper)
        splitter.addWidget(lower)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(second)
        layout.addWidget(self.error)
        layout.addWidget(splitter, 1)

        tab_order = [self.status_combo, self.plan_button, self.record_button, self.hazard_button,
                     self.action_button, self.print_button, self.wizard_button, self.follow_up_button,
                     self.attachments_button, self.cancel_button, self.table, self.hazard_table]
        for a, b in zip(tab_order, tab_order[1:]):
            self.setTabOrder(a, b)

        self.status_combo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.plan_button.clicked.connect(lambda: self._open(PlanInspectionDialog(self.env, self)))
        permit(self.plan_button, self.env.actor, "prevention.edit")
        permit(self.wizard_button, self.env.actor, "prevention.edit")
        self.record_button.clicked.connect(self.record_visit)
        self.hazard_button.clicked.connect(self.add_hazard)
        self.action_button.clicked.connect(self.add_action)
        self.wizard_button.clicked.connect(self.open_wizard)
        self.follow_up_button.clicked.connect(self.follow_up)
        self.attachments_button.clicked.connect(self.show_attachments)
        self.cancel_button.clicked.connect(self.cancel_inspection)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._selection_changed())
        self.hazard_table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        env.bus.changed.connect(self._on_changed)
        self._update_buttons()  # nothing is selected until the list is read
        self.refresh()

    # ---------------------------------------------------------------- loading

    def refresh(self) -> None:
        """Read the inspections off the GUI thread; the list keeps what it had until they are there."""
        actor, status = self.env.actor, self.status_combo.currentData()
        QueryOp(self, self.env, query=lambda services: services.inspections.list_inspections(actor, status=status),
                success=self._show_list).failure(self._show_error).superseding("list").run()

    def _show_list(self, rows: list[InspectionView]) -> None:
        self.error.setVisible(False)
        self.table.set_rows(rows)
        self.count_label.setText(self.tr("%n inspection(s)", "", len(rows)))
        wanted = self._select_after
        if wanted is not None and self.table.select_where(lambda i: i.id == wanted):
            self._select_after = None
        self._selection_changed()

    def _on_changed(self, changes: Changes) -> None:
        if changes.touches(*REFRESH_ON):
            self.refresh()

    def _show_error(self, exc: Exception) -> None:
        self.error.setText(error_text(exc))
        self.error.setVisible(True)

    def current_inspection(self) -> InspectionView | None:
        return self.table.current()

    def current_hazard(self) -> HazardView | None:
        return self.hazard_table.current()

    def _selection_changed(self) -> None:
        inspection = self.current_inspection()
        if inspection is None:
            self._show_hazards([])
            return
        if self._hazards_of != inspection.id:  # another inspection's hazards must not stand under this one
            self._show_hazards([])
        else:
            self._update_buttons()  # the inspection's state may have changed; its hazards follow
        actor = self.env.actor

        def query(services) -> list[HazardView]:
            return [h for h in services.inspections.list_hazards(actor, employer_id=inspection.employer_id)
                    if h.inspection_id == inspection.id]

        def show(hazards: list[HazardView]) -> None:
            current = self.current_inspection()
            if current is not None and current.id == inspection.id:
                self._show_hazards(hazards, inspection.id)

        QueryOp(self, self.env, query=query, success=show).failure(self._show_error).superseding("hazards").run()

    def _show_hazards(self, hazards: list[HazardView], inspection_id: str | None = None) -> None:
        self._hazards_of = inspection_id
        self.hazard_table.set_rows(hazards)
        wanted = self._select_hazard_after
        if wanted is not None and self.hazard_table.select_where(lambda h: h.id == wanted):
            self._select_hazard_after = None
        self._update_buttons()

    def _update_buttons(self) -> None:
        inspection = self.current_inspection()
        actor = self.env.actor
        permit(self.record_button, actor, "prevention.edit",
               enabled=inspection is not None and inspection.status != "cancelled")
        permit(self.hazard_button, actor, "prevention.edit", enabled=inspection is not None and inspection.status == "done")
        permit(self.action_button, actor, "prevention.edit", enabled=self.current_hazard() is not None)
        permit(self.follow_up_button, actor, "prevention.edit", enabled=inspection is not None
               and inspection.status == "done" and inspection.open_hazard_count > 0)
        self.attachments_button.setEnabled(inspection is not None)
        # Only a visit still to come can be called off; one that took place has findings on record.
        if permit(self.cancel_button, actor, "prevention.edit",
                  enabled=inspection is not None and inspection.status == "planned"):
            self.cancel_button.setToolTip(self.tr("Only a planned inspection can be cancelled")
                                          if inspection is not None and inspection.status != "planned" else "")
        # Say why a button is greyed out, so it is never a puzzle.
        if inspection is None:
            hint = self.tr("Select an inspection to see its hazards.")
        elif inspection.status == "planned":
            hint = self.tr("Record the visit first: hazards are findings of an inspection that took place.")
        elif inspection.status == "cancelled":
            hint = self.tr("This inspection was cancelled.")
        elif self._hazards_of != inspection.id:
            hint = self.tr("Reading the hazards…")
        elif self.hazard_model.rowCount() == 0:
            hint = self.tr("No hazards recorded for this inspection.")
        elif self.current_hazard() is None:
            hint = self.tr("Select a hazard to add a corrective action to it.")
        else:
            hint = ""
        self.hint.setText(hint)
        self.hint.setVisible(bool(hint))

    # ---------------------------------------------------------------- editing

    def record_visit(self) -> None:
        self._with_fresh_inspection(lambda i: self._open(RecordVisitDialog(self.env, i, self)))

    def add_hazard(self) -> None:
        self._with_fresh_inspection(lambda i: self._open(HazardDialog(self.env, i, self)))

    def add_action(self) -> None:
        hazard = self.current_hazard()
        if hazard is not None:
            self._open(ActionDialog(self.env, hazard, self))

    def cancel_inspection(self) -> None:
        """Cancel the selected planned inspection, after asking (a cancelled one cannot be recorded)."""
        self._with_fresh_inspection(self._ask_cancel)

    def _ask_cancel(self, inspection: InspectionView) -> None:
        answer = QMessageBox.question(
            self, self.tr("Cancel inspection"),
            arg(self.tr("Cancel the inspection of %1 planned for %2? A cancelled inspection stays in the list "
                        "but its visit can no longer be recorded."),
                inspection.employer_name, inspection.planned_on.isoformat()),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return
        actor = self.env.actor
        self.cancel_button.setEnabled(False)
        CollectionOp(self, self.env,
                     op=lambda services: services.inspections.cancel_inspection(actor, inspection.id,
                                                                                token=inspection.token),
                     changes=Changes(inspections=True)).failure(self._cancel_failed).run()

    def _cancel_failed(self, exc: Exception) -> None:
        self._show_error(exc)
        self._update_buttons()

    def open_wizard(self) -> None:
        """The inspection wizard; a planned inspection selected here is the one it records."""
        from injury_desk.ui.prevention.inspection_wizard import InspectionWizard

        inspection = self.current_inspection()
        planned = inspection.id if inspection is not None and inspection.status == "planned" else None
        wizard = InspectionWizard(self.env, self, inspection_id=planned)
        self.dialog = wizard
        wizard.accepted.connect(lambda w=wizard: self._select_inspection(w.saved_id))
        wizard.open()

    def follow_up(self) -> None:
        """The follow-up visit of the selected inspection, opened once it and its open actions are read."""
        from injury_desk.ui.prevention.followup_dialog import FollowUpDialog

        def opened(found) -> None:
            inspection, actions = found
            self.dialog = FollowUpDialog(self.env, inspection, actions, self)
            self.dialog.open()

        actor = self.env.actor
        self._with_fresh_inspection(opened, lambda services, i: (i, services.inspections.open_actions(actor, i.id)))

    def show_attachments(self) -> None:
        """The selected hazard's attachments, or the inspection's when no hazard is selected."""
        from injury_desk.ui.prevention.attachments_dialog import AttachmentsDialog

        hazard, inspection = self.current_hazard(), self.current_inspection()
        if hazard is not None:
            title = arg(self.tr("Hazard: %1 at %2"), hazard.category, hazard.location or "—")
            self.dialog = AttachmentsDialog(self.env, "hazards", hazard.id, title, self)
        elif inspection is not None:
            title = arg(self.tr("Inspection: %1 · planned %2"), inspection.employer_name, inspection.planned_on.isoformat())
            self.dialog = AttachmentsDialog(self.env, "inspections", inspection.id, title, self)
        else:
            return
        self.dialog.open()

    def _with_fresh_inspection(self, then: Callable[[Any], None],
                               more: Callable[[Any, InspectionView], Any] | None = None) -> None:
        """Read the selected inspection as saved now (another user may have changed it since the list was
        read) off the GUI thread, then ``then(inspection)``, or ``then(more(services, inspection))``; one at
        a time, so a double click opens one editor."""
        inspection = self.current_inspection()
        if inspection is None or self._opening:
            return
        self._opening = True
        actor = self.env.actor

        def query(services):
            fresh = services.inspections.get_inspection(actor, inspection.id)
            return fresh if more is None else more(services, fresh)

        def done(found) -> None:
            self._opening = False
            then(found)

        def failed(exc: Exception) -> None:
            self._opening = False
            self._show_error(exc)

        QueryOp(self, self.env, query=query, success=done).failure(failed).run()

    def _open(self, dialog: FormDialog) -> None:
        self.dialog = dialog
        dialog.accepted.connect(lambda d=dialog: self._saved(d))
        dialog.open()

    def _saved(self, dialog: FormDialog) -> None:
        # The change notice started new reads; what was just made is selected when it arrives.
        if isinstance(dialog, PlanInspectionDialog) and dialog.result_value:
            self._select_inspection(dialog.result_value)
        elif isinstance(dialog, HazardDialog) and dialog.result_value:
            if not self.hazard_table.select_where(lambda h: h.id == dialog.result_value):
                self._select_hazard_after = dialog.result_value

    def _select_inspection(self, inspection_id: str | None) -> None:
        if inspection_id and not self.table.select_where(lambda i: i.id == inspection_id):
            self._select_after = inspection_id
