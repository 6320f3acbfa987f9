"""Prevention → Incidents: accidents and near misses reported by employers, and an editor to record or correct one."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLineEdit, QPushButton, QSpinBox

from injury_desk.domain.errors import FieldError
from injury_desk.domain.prevention import INCIDENT_KINDS
from injury_desk.placeholders import arg
from injury_desk.services.incidents import IncidentView
from injury_desk.ui.messages import labels
from injury_desk.ui.permissions import permit
from injury_desk.ui.add_list_page import AddListPage
from injury_desk.ui.form_dialog import FormDialog
from injury_desk.ui.widgets import date_edit
from injury_desk.ui.row_table import Column, RowTableModel
from injury_desk.ui.prevention.common import (
    EmployerChoices,
    WaitsForEmployers,
    future_date_errors,
    text_box,
)
from injury_desk.ui.operations import Changes

MAX_DAYS_LOST = 100_000


class IncidentDialog(WaitsForEmployers, FormDialog):
    """Records an accident or near miss at an employer, or corrects ``incident``; ``result_value`` is its id."""

    changes = Changes(incidents=True)

    def __init__(self, env, parent=None, incident: IncidentView | None = None) -> None:
        super().__init__(env, "", parent)
        self.incident = incident
        self.setWindowTitle(self.tr("Record incident") if incident is None else self.tr("Edit incident"))
        self.employer_combo = QComboBox()
        self.employers = EmployerChoices(self.employer_combo, env, self.tr("— choose —"))
        self.add_field("employer_id", self.tr("&Employer"), self.employer_combo)
        self.employers.loaded.connect(self.revalidate)
        self.kind_combo = QComboBox()
        words = labels("incident_kind")
        for key in INCIDENT_KINDS:
            self.kind_combo.addItem(words[key], key)
        self.add_field("kind", self.tr("&Kind"), self.kind_combo)
        self.occurred_edit = self.add_field("occurred_on", self.tr("&Occurred on"),
                                            date_edit(env.today()))
        self.place_edit = self.add_field("place", self.tr("&Place"), QLineEdit())
        self.description_edit = self.add_field("description", self.tr("&Description"), text_box())
        self.days_spin = QSpinBox()
        self.days_spin.setRange(0, MAX_DAYS_LOST)
        self.add_field("days_lost", self.tr("Days &lost"), self.days_spin)
        if incident is not None:
            self._load(incident)
            self.touched.update(self.fields)  # an existing record shows every rule it breaks at once
        self.revalidate()

    def _load(self, i: IncidentView) -> None:
        self.employers.select(i.employer_id)
        self.kind_combo.setCurrentIndex(max(0, self.kind_combo.findData(i.kind)))
        self.occurred_edit.setDate(QDate(i.occurred_on.year, i.occurred_on.month, i.occurred_on.day))
        self.place_edit.setText(i.place)
        self.description_edit.setPlainText(i.description)
        self.days_spin.setValue(i.days_lost)

    def data(self) -> dict[str, Any]:
        data = self.values()
        # The injured person is named where the incident came from (import, sync); this form keeps it.
        if self.incident is not None:
            data["person_id"] = self.incident.person_id
        return data

    def check(self) -> list[FieldError]:
        return self.required_errors("employer_id") + future_date_errors(
            "occurred_on", self.value("occurred_on"), self.env.today())

    def save(self) -> str:
        services, actor = self.env.services, self.env.actor
        if self.incident is None:
            return services.incidents.add_incident(actor, self.data())
        services.incidents.update_incident(actor, self.incident.id, self.data(), token=self.incident.token)
        return self.incident.id


class IncidentsPage(AddListPage):
    """The incident list, newest first, with the editor to record one or correct the selected one."""

    def __init__(self, env, parent=None) -> None:
        super().__init__(parent)
        self.dialog: IncidentDialog | None = None
        kinds = labels("incident_kind")

        self.add_button = QPushButton(self.tr("&Record incident…"))
        self.edit_button = QPushButton(self.tr("&Edit incident…"))
        self.edit_button.setEnabled(False)
        self.claim_button = QPushButton(self.tr("Create &claim from incident…"))
        self.claim_button.setEnabled(False)
        self.attachments_button = QPushButton(self.tr("Attach&ments…"))
        self.attachments_button.setToolTip(self.tr("Photos and documents of the selected incident"))
        self.attachments_button.setEnabled(False)
        self.attachments_dialog = None
        self.filter_edit = QLineEdit()
        self.filter_edit.setPlaceholderText(self.tr("Filter: employer, place, description"))
        self.filter_edit.setClearButtonEnabled(True)
        self.wizard = None
        top = QHBoxLayout()
        top.addWidget(self.filter_edit, 1)
        top.addWidget(self.add_button)
        top.addWidget(self.edit_button)
        top.addWidget(self.claim_button)
        top.addWidget(self.attachments_button)

        self.model = RowTableModel([
            Column(self.tr("Date"), lambda i: i.occurred_on),
            Column(self.tr("Employer"), lambda i: i.employer_name),
            Column(self.tr("Kind"), lambda i: i.kind, text=lambda i: kinds.get(i.kind, i.kind)),
            Column(self.tr("Place"), lambda i: i.place),
            Column(self.tr("Days lost"), lambda i: i.days_lost, right=True),
            Column(self.tr("Claim"), lambda i: i.claim_no),
            Column(self.tr("Description"), lambda i: i.description, text=lambda i: " ".join(i.description.split())),
        ], self)
        self.setup_list(env, top, self.model, self.add_button)
        self.setTabOrder(self.add_button, self.edit_button)
        self.setTabOrder(self.edit_button, self.claim_button)
        self.setTabOrder(self.claim_button, self.attachments_button)
        self.setTabOrder(self.attachments_button, self.table)
        self.filter_edit.textChanged.connect(self.table.proxy.setFilterFixedString)
        self.edit_button.clicked.connect(self.edit)
        self.table.activated.connect(lambda _i: self.edit())
        self.claim_button.clicked.connect(self.create_claim)
        self.attachments_button.clicked.connect(self.show_attachments)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_claim_button())
        self.refresh_on = (*self.refresh_on, "claims")
        self._update_claim_button()

    def rows_shown(self) -> None:
        self._update_claim_button()

    def _update_claim_button(self) -> None:
        incident: IncidentView | None = self.table.current()
        self.attachments_button.setEnabled(incident is not None)
        permit(self.edit_button, self.env.actor, "prevention.edit", enabled=incident is not None)
        # Only an accident injures someone, and one claim per incident.
        can = incident is not None and incident.kind == "accident" and not incident.claim_no
        if not permit(self.claim_button, self.env.actor, "claim.create", enabled=can):
            return  # the tooltip says which role may
        if incident is not None and incident.claim_no:
            self.claim_button.setToolTip(arg(self.tr("Claim %1 was made from this incident"), incident.claim_no))
        elif incident is not None and incident.kind != "accident":
            self.claim_button.setToolTip(self.tr("A near miss injured nobody: there is nothing to claim"))
        else:
            self.claim_button.setToolTip("")

    def edit(self) -> None:
        """Correct the selected incident, as saved now (another user may have changed it since the list loaded):
        the editor opens once it is read."""
        current = self.table.current()
        if current is None or not self.edit_button.isEnabled():
            return
        actor = self.env.actor
        self.open_when_read(lambda services: services.incidents.get_incident(actor, current.id), self._edit)

    def _edit(self, incident: IncidentView) -> None:
        dialog = IncidentDialog(self.env, self, incident=incident)
        self.dialog = dialog
        dialog.accepted.connect(lambda d=dialog: self._saved(d.result_value))
        dialog.open()

    def create_claim(self) -> None:
        """Open the new-claim wizard filled in from the selected accident, once its draft is read."""
        incident = self.table.current()
        if incident is None:
            return
        actor = self.env.actor
        self.open_when_read(lambda services: services.incidents.claim_draft_from_incident(actor, incident.id),
                            self._claim_wizard)

    def _claim_wizard(self, draft) -> None:
        from injury_desk.ui.claims.wizard import NewClaimWizard

        self.wizard = NewClaimWizard(self.env, self, prefill=draft)
        self.wizard.open()

    def show_attachments(self) -> None:
        """The selected incident's photos and documents (stored by content hash, synced like any row)."""
        from injury_desk.ui.prevention.attachments_dialog import AttachmentsDialog

        incident = self.table.current()
        if incident is None:
            return
        title = arg(self.tr("Incident of %1 at %2: %3"), incident.occurred_on.isoformat(), incident.employer_name, incident.place)
        self.attachments_dialog = AttachmentsDialog(self.env, "incidents", incident.id, title, self)
        self.attachments_dialog.open()

    def rows_query(self):
        actor = self.env.actor
        return lambda services: services.incidents.list_incidents(actor)

    def count_text(self, count: int) -> str:
        return self.tr("%n incident(s)", "", count)

    def make_dialog(self) -> IncidentDialog:
        return IncidentDialog(self.env, self)
