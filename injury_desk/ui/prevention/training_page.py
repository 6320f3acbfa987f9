"""Prevention → Training: the office's safety training sessions and an editor to add one."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from injury_desk.domain.errors import FieldError
from injury_desk.ui.pillar_widgets import Column, FormDialog, RowTable, RowTableModel, any_error_text, date_edit, error_label
from injury_desk.ui.prevention.inspections_page import fill_employers, text_box
from injury_desk.ui.rehab.case_dialogs import money_errors

REFRESH_ON = {"prevention", "employers", "all"}
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


class TrainingPage(QWidget):
    """The training list, newest first, with the editor to add a session."""

    def __init__(self, env, parent=None) -> None:
        super().__init__(parent)
        self.env = env
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
        self.table = RowTable(self.model)
        self.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        self.count_label = QLabel()
        self.error = error_label()

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.error)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count_label)
        self.setTabOrder(self.add_button, self.table)

        self.add_button.clicked.connect(self.add_training)
        env.bus.changed.connect(self._on_changed)
        self.refresh()

    def refresh(self) -> None:
        try:
            rows = self.env.services.prevention.list_training(self.env.actor)
        except Exception as exc:  # shown on the page; the list keeps what it had
            self.error.setText(any_error_text(exc))
            self.error.setVisible(True)
            return
        self.error.setVisible(False)
        self.table.set_rows(rows)
        self.count_label.setText(self.tr("%n training session(s)", "", len(rows)))

    def _on_changed(self, what: str) -> None:
        if what in REFRESH_ON:
            self.refresh()

    def add_training(self) -> None:
        dialog = TrainingDialog(self.env, self)
        self.dialog = dialog
        dialog.accepted.connect(lambda d=dialog: self._saved(d.result_value))
        dialog.open()

    def _saved(self, training_id: str | None) -> None:
        if training_id:
            self.table.select_where(lambda t: t.id == training_id)
