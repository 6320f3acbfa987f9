"""Prevention → Training: the office's safety training sessions and an editor to add one."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSpinBox,
)

from injury_desk.domain.errors import FieldError
from injury_desk.ui.pillar_widgets import AddListPage, Column, FormDialog, RowTableModel, date_edit
from injury_desk.ui.prevention.inspections_page import fill_employers, text_box
from injury_desk.ui.rehab.case_dialogs import money_errors

MAX_ATTENDEES = 1_000_000


class TrainingDialog(FormDialog):
    """Adds a training session (held or planned); ``result_value`` is the session's id."""

    bus_topic = "prevention"

    def __init__(self, env, parent=None) -> None:
        super().__init__(env, "", parent)
        self.setWindowTitle(self.tr("Add training"))
        self.topic_edit = self.add_field("topic", self.tr("&Topic"), QLineEdit())
        self.topic_edit.setPlaceholderText(self.tr("e.g. safe use of punch presses"))
        self.held_edit = self.add_field("held_on", self.tr("&Held on"), date_edit(env.services.ctx.today()))
        self.trainer_edit = self.add_field("trainer", self.tr("T&rainer"), QLineEdit())
        self.count_spin = QSpinBox()
        self.count_spin.setRange(0, MAX_ATTENDEES)
        self.add_field("attendee_count", self.tr("&Attendees"), self.count_spin)
        self.names_edit = self.add_field("attendee_names", self.tr("Attendee &names"), text_box())
        self.names_edit.setPlaceholderText(self.tr("optional, one per line"))
        self.cost_edit = self.add_field("cost", self.tr("&Cost (yuan)"), QLineEdit())
        self.cost_edit.setPlaceholderText("0.00")
        self.employer_combo = QComboBox()
        fill_employers(self.employer_combo, env, self.tr("— none (open to all) —"))
        self.add_field("employer_id", self.tr("&Employer"), self.employer_combo)
        self.revalidate()

    def check(self) -> list[FieldError]:
        return self.required_errors("topic") + money_errors("cost", self.cost_edit.text(), required=False)

    def save(self) -> str:
        return self.env.services.prevention.add_training(self.env.actor, self.values())


class TrainingPage(AddListPage):
    """The training list, newest first, with the editor to add a session."""

    def __init__(self, env, parent=None) -> None:
        super().__init__(parent)
        self.dialog: TrainingDialog | None = None

        self.add_button = QPushButton(self.tr("&Add training…"))
        top = QHBoxLayout()
        top.addStretch(1)
        top.addWidget(self.add_button)

        self.model = RowTableModel([
            Column(self.tr("Date"), lambda t: t.held_on),
            Column(self.tr("Topic"), lambda t: t.topic),
            Column(self.tr("Trainer"), lambda t: t.trainer),
            Column(self.tr("Attendees"), lambda t: t.attendee_count, right=True),
            Column(self.tr("Cost (yuan)"), lambda t: t.cost, right=True),
            Column(self.tr("Employer"), lambda t: t.employer_name),
        ], self)
        self.setup_list(env, top, self.model, self.add_button)

    def load_rows(self) -> list:
        return self.env.services.prevention.list_training(self.env.actor)

    def count_text(self, count: int) -> str:
        return self.tr("%n training session(s)", "", count)

    def make_dialog(self) -> TrainingDialog:
        return TrainingDialog(self.env, self)
