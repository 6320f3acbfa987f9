"""Prevention → Incidents: accidents and near misses reported by employers, and an editor to record one."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSpinBox,
)

from injury_desk.domain.errors import FieldError
from injury_desk.services.prevention import INCIDENT_KINDS
from injury_desk.ui.pillar_widgets import AddListPage, Column, FormDialog, RowTableModel, date_edit
from injury_desk.ui.prevention.inspections_page import fill_employers, future_date_errors, text_box

MAX_DAYS_LOST = 100_000


class IncidentDialog(FormDialog):
    """Records an accident or near miss at an employer; ``result_value`` is the incident's id."""

    bus_topic = "prevention"

    def __init__(self, env, parent=None) -> None:
        super().__init__(env, "", parent)
        self.setWindowTitle(self.tr("Record incident"))
        self.employer_combo = QComboBox()
        fill_employers(self.employer_combo, env, self.tr("— choose —"))
        self.add_field("employer_id", self.tr("&Employer"), self.employer_combo)
        self.kind_combo = QComboBox()
        labels = {"accident": self.tr("accident"), "near_miss": self.tr("near miss")}
        for key in INCIDENT_KINDS:
            self.kind_combo.addItem(labels[key], key)
        self.add_field("kind", self.tr("&Kind"), self.kind_combo)
        self.occurred_edit = self.add_field("occurred_on", self.tr("&Occurred on"),
                                            date_edit(env.services.ctx.today()))
        self.place_edit = self.add_field("place", self.tr("&Place"), QLineEdit())
        self.description_edit = self.add_field("description", self.tr("&Description"), text_box())
        self.days_spin = QSpinBox()
        self.days_spin.setRange(0, MAX_DAYS_LOST)
        self.add_field("days_lost", self.tr("Days &lost"), self.days_spin)
        self.revalidate()

    def check(self) -> list[FieldError]:
        return self.required_errors("employer_id") + future_date_errors(
            "occurred_on", self.value("occurred_on"), self.env.services.ctx.today())

    def save(self) -> str:
        return self.env.services.prevention.add_incident(self.env.actor, self.values())


class IncidentsPage(AddListPage):
    """The incident list, newest first, with the editor to record one."""

    def __init__(self, env, parent=None) -> None:
        super().__init__(parent)
        self.dialog: IncidentDialog | None = None
        kinds = {"accident": self.tr("accident"), "near_miss": self.tr("near miss")}

        self.add_button = QPushButton(self.tr("&Record incident…"))
        top = QHBoxLayout()
        top.addStretch(1)
        top.addWidget(self.add_button)

        self.model = RowTableModel([
            Column(self.tr("Date"), lambda i: i.occurred_on),
            Column(self.tr("Employer"), lambda i: i.employer_name),
            Column(self.tr("Kind"), lambda i: i.kind, text=lambda i: kinds.get(i.kind, i.kind)),
            Column(self.tr("Place"), lambda i: i.place),
            Column(self.tr("Days lost"), lambda i: i.days_lost, right=True),
            Column(self.tr("Description"), lambda i: i.description, text=lambda i: " ".join(i.description.split())),
        ], self)
        self.setup_list(env, top, self.model, self.add_button)

    def load_rows(self) -> list:
        return self.env.services.prevention.list_incidents(self.env.actor)

    def count_text(self, count: int) -> str:
        return self.tr("%n incident(s)", "", count)

    def make_dialog(self) -> IncidentDialog:
        return IncidentDialog(self.env, self)
