"""A follow-up visit: for each open corrective action of an inspection, record it done or extend its due date."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from injury_desk.domain.errors import ValidationFailed
from injury_desk.placeholders import arg
from injury_desk.services.inspections import InspectionView, OpenActionView
from injury_desk.ui.messages import error_text, rule_text, severity_labels
from injury_desk.ui.widgets import date_edit
from injury_desk.ui.row_table import error_label
from injury_desk.ui.widgets import from_qdate, to_qdate
from injury_desk.ui.operations import Changes, CollectionOp

EXTEND_DAYS = 30


class FollowUpDialog(QDialog):
    """Each open action gets a choice: leave it, done on the visit date, or extend to a new due date."""

    def __init__(self, env, inspection: InspectionView, actions: list[OpenActionView], parent=None) -> None:
        super().__init__(parent)
        self.env = env
        self.inspection = inspection
        self.actions = actions
        self.saving = False
        self.setWindowTitle(self.tr("Follow-up visit"))
        self.setModal(True)
        today = env.today()
        self.visited_edit = date_edit(today)
        self.visited_error = error_label()
        form = QFormLayout()
        form.addRow(self.tr("Inspection"), QLabel(arg(self.tr("%1 · inspected %2"), inspection.employer_name, (inspection.inspected_on or inspection.planned_on).isoformat())))
        holder = QWidget()
        box = QVBoxLayout(holder)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.visited_edit)
        box.addWidget(self.visited_error)
        form.addRow(self.tr("&Visited on"), holder)

        severities = severity_labels()
        inner = QWidget()
        grid = QGridLayout(inner)
        for col, title in enumerate((self.tr("Hazard"), self.tr("Action"), self.tr("Owner"), self.tr("Due"),
                                     self.tr("Outcome"), self.tr("New due date"))):
            grid.addWidget(QLabel(f"<b>{title}</b>"), 0, col)
        self.outcomes: list[QComboBox] = []
        self.new_dues = []
        self.row_errors = []
        for n, a in enumerate(actions):
            r = 1 + 2 * n
            overdue = a.due_date < today
            hazard = QLabel(arg(self.tr("%1: %2"), severities.get(a.severity, a.severity), a.hazard_category))
            due = QLabel(a.due_date.isoformat() + (" " + self.tr("(overdue)") if overdue else ""))
            if overdue:
                due.setStyleSheet("color: #b00020; font-weight: bold;")
            outcome = QComboBox()
            outcome.addItem(self.tr("leave open"), None)
            outcome.addItem(self.tr("done"), "done")
            outcome.addItem(self.tr("extend to"), "extend")
            new_due = date_edit(max(a.due_date, today) + timedelta(days=EXTEND_DAYS))
            new_due.setEnabled(False)
            err = error_label()
            for col, w in enumerate((hazard, QLabel(a.description), QLabel(a.owner), due, outcome, new_due)):
                grid.addWidget(w, r, col)
            grid.addWidget(err, r + 1, 1, 1, 5)
            outcome.currentIndexChanged.connect(lambda _i, o=outcome, d=new_due: d.setEnabled(o.currentData() == "extend"))
            outcome.currentIndexChanged.connect(lambda _i: self.revalidate())
            new_due.dateChanged.connect(lambda _d: self.revalidate())
            self.outcomes.append(outcome)
            self.new_dues.append(new_due)
            self.row_errors.append(err)
        grid.setRowStretch(len(actions) * 2 + 1, 1)
        area = QScrollArea()
        area.setWidgetResizable(True)
        area.setWidget(inner)
        self.empty = QLabel(self.tr("No open corrective actions: everything found on this inspection is fixed."))
        self.empty.setVisible(not actions)
        area.setVisible(bool(actions))
        self.banner = error_label()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self._ok)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(area, 1)
        layout.addWidget(self.empty)
        layout.addWidget(self.banner)
        layout.addWidget(self.buttons)
        self.visited_edit.dateChanged.connect(lambda _d: self.revalidate())
        self.resize(900, 420)
        self.revalidate()

    @property
    def ok_button(self):
        return self.buttons.button(QDialogButtonBox.StandardButton.Ok)

    def set_outcome(self, row: int, outcome: str | None, new_due=None) -> None:
        self.outcomes[row].setCurrentIndex(self.outcomes[row].findData(outcome))
        if new_due is not None:
            self.new_dues[row].setDate(to_qdate(new_due))

    def decisions(self) -> list[dict[str, Any]]:
        out = []
        for a, outcome, due in zip(self.actions, self.outcomes, self.new_dues):
            if outcome.currentData() is None:
                continue
            d = {"action_id": a.id, "token": a.token, "outcome": outcome.currentData()}
            if outcome.currentData() == "extend":
                d["date"] = from_qdate(due.date()).isoformat()
            out.append(d)
        return out

    def revalidate(self) -> None:
        """The rules that can be seen while choosing: a date in the future, an extension that is not later."""
        today = self.env.today()
        visited = from_qdate(self.visited_edit.date())
        ok = bool(self.decisions())
        if visited > today:
            self.visited_error.setText(rule_text("field.date_in_future",
                                                     {"value": visited.isoformat(), "today": today.isoformat()}))
            ok = False
        self.visited_error.setVisible(visited > today)
        for a, outcome, due, err in zip(self.actions, self.outcomes, self.new_dues, self.row_errors):
            text = ""
            if outcome.currentData() == "extend" and from_qdate(due.date()) <= a.due_date:
                text = rule_text("action.extension_not_later", {"due_date": a.due_date.isoformat()})
                ok = False
            elif outcome.currentData() == "done" and visited < (self.inspection.inspected_on or visited):
                text = rule_text("action.closed_before_inspection",
                                     {"inspected_on": self.inspection.inspected_on.isoformat()})
                ok = False
            err.setText(text)
            err.setVisible(bool(text))
        self.ok_button.setEnabled(ok and not self.saving)

    def _ok(self) -> None:
        if self.saving:
            return
        self.saving = True
        self.ok_button.setEnabled(False)
        visited = from_qdate(self.visited_edit.date()).isoformat()
        decisions = self.decisions()
        actor, inspection_id = self.env.actor, self.inspection.id
        CollectionOp(self, self.env,
                     op=lambda services: services.inspections.follow_up(actor, inspection_id, visited, decisions),
                     changes=Changes(inspections=True, hazards=True), success=self._saved,
                     ).failure(self._failed).run()

    def _saved(self, _result) -> None:
        self.saving = False
        self.accept()

    def _failed(self, exc: Exception) -> None:
        self.saving = False
        self.banner.setText(error_text(exc))
        self.banner.setVisible(True)
        if isinstance(exc, ValidationFailed):
            rows = {n: [] for n in range(len(self.actions))}
            chosen = [n for n, o in enumerate(self.outcomes) if o.currentData() is not None]
            for e in exc.errors:
                parts = e.field.split(".")
                if len(parts) == 3 and parts[0] == "actions" and parts[1].isdigit() and int(parts[1]) < len(chosen):
                    rows[chosen[int(parts[1])]].append(rule_text(e.rule, e.params))
            for n, texts in rows.items():
                if texts:
                    self.row_errors[n].setText("\n".join(texts))
                    self.row_errors[n].setVisible(True)
        self.ok_button.setEnabled(True)
