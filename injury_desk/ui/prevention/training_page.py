"""Prevention → Training: the office's safety training sessions and an editor to add or correct one."""

from __future__ import annotations

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QSpinBox

from injury_desk.domain.errors import DomainError, FieldError
from injury_desk.domain.money import parse_amount
from injury_desk.domain.prevention_budget import PreventionBudget
from injury_desk.placeholders import arg
from injury_desk.services.training import TrainingView
from injury_desk.ui.messages import error_text
from injury_desk.ui.messages_formulas import rule_file_text
from injury_desk.ui.permissions import permit
from injury_desk.ui.add_list_page import AddListPage
from injury_desk.ui.form_dialog import FormDialog, money_errors
from injury_desk.ui.widgets import date_edit
from injury_desk.ui.row_table import Column, RowTableModel, display
from injury_desk.ui.prevention.common import EmployerChoices, WaitsForEmployers, text_box
from injury_desk.ui.operations import Changes, QueryOp, show_failure

MAX_ATTENDEES = 1_000_000
WARNING_STYLE = "color: #8a5a00; font-weight: bold;"
ERROR_STYLE = "color: #b00020; font-weight: bold;"


class TrainingDialog(WaitsForEmployers, FormDialog):
    """Adds a training session (held or planned), or corrects ``training``; ``result_value`` is the session's id."""

    changes = Changes(training=True)

    def __init__(self, env, parent=None, training: TrainingView | None = None) -> None:
        super().__init__(env, "", parent)
        self.training = training
        self.setWindowTitle(self.tr("Add training") if training is None else self.tr("Edit training"))
        self.topic_edit = self.add_field("topic", self.tr("&Topic"), QLineEdit())
        self.topic_edit.setPlaceholderText(self.tr("e.g. safe use of punch presses"))
        self.held_edit = self.add_field("held_on", self.tr("&Held on"), date_edit(env.today()))
        self.trainer_edit = self.add_field("trainer", self.tr("T&rainer"), QLineEdit())
        self.count_spin = QSpinBox()
        self.count_spin.setRange(0, MAX_ATTENDEES)
        self.add_field("attendee_count", self.tr("&Attendees"), self.count_spin)
        self.names_edit = self.add_field("attendee_names", self.tr("Attendee &names"), text_box())
        self.names_edit.setPlaceholderText(self.tr("optional, one per line"))
        self.cost_edit = self.add_field("cost", self.tr("&Cost (yuan)"), QLineEdit())
        self.cost_edit.setPlaceholderText("0.00")
        self.employer_combo = QComboBox()
        self.employers = EmployerChoices(self.employer_combo, env, self.tr("— none (open to all) —"))
        self.add_field("employer_id", self.tr("&Employer"), self.employer_combo)
        self.employers.loaded.connect(self.revalidate)
        # Each year's planned spending against the cap, read off the GUI thread once per year shown.
        self.budgets: dict[int, PreventionBudget | None] = {}
        # Over the cap is a warning, not a refusal: the region may approve more, but the plan must say so.
        self.budget_warning = QLabel()
        self.budget_warning.setWordWrap(True)
        self.budget_warning.setStyleSheet(WARNING_STYLE)
        self.budget_warning.setVisible(False)
        self.layout().insertWidget(1, self.budget_warning)
        if training is not None:
            self._load(training)
            self.touched.update(self.fields)  # an existing record shows every rule it breaks at once
        self.revalidate()

    def _load(self, t: TrainingView) -> None:
        self.topic_edit.setText(t.topic)
        self.held_edit.setDate(QDate(t.held_on.year, t.held_on.month, t.held_on.day))
        self.trainer_edit.setText(t.trainer)
        self.count_spin.setValue(t.attendee_count)
        self.names_edit.setPlainText(t.attendee_names)
        self.cost_edit.setText(f"{t.cost:.2f}")
        self.employers.select(t.employer_id)

    def check(self) -> list[FieldError]:
        errors = self.required_errors("topic") + money_errors("cost", self.cost_edit.text(), required=False)
        self._warn_budget(errors)
        return errors

    def _warn_budget(self, errors: list[FieldError]) -> None:
        if not hasattr(self, "budget_warning"):
            return
        text = ""
        if not any(e.field == "cost" for e in errors) and self.cost_edit.text().strip():
            year = self.held_edit.date().year()
            cost = parse_amount(self.cost_edit.text(), grouping=True)
            b = self.budget(year)
            # A corrected session is already in the year's planned spending: only the difference is new.
            if self.training is not None and self.training.held_on.year == year:
                cost -= self.training.cost
            if b is not None and b.over_with(cost):
                text = arg(self.tr("This session takes the planned spending for %1 to %2 yuan, over the "
                               "cap of %3 yuan by %4 yuan."), year, display(b.planned + cost), display(b.cap), display(b.planned + cost - b.cap))
        self.budget_warning.setText(text)
        self.budget_warning.setVisible(bool(text))

    def budget(self, year: int) -> PreventionBudget | None:
        """The year's budget when it has been read; None until then (the warning follows when it arrives)."""
        if year not in self.budgets:
            self.budgets[year] = None
            actor = self.env.actor

            def arrived(b: PreventionBudget | None) -> None:
                self.budgets[year] = b
                self.revalidate()

            def failed(exc: Exception) -> None:
                # The warning is advice: a budget that cannot be read (a refusal) leaves it out, and saving does
                # not depend on it; a program error still goes to the one handler.
                if not isinstance(exc, DomainError):
                    show_failure(self, exc)

            QueryOp(self, self.env, query=lambda services: services.training.training_budget(actor, year),
                    success=arrived).failure(failed).run()
        return self.budgets[year]

    def save(self) -> str:
        services, actor = self.env.services, self.env.actor
        if self.training is None:
            return services.training.add_training(actor, self.values())
        services.training.update_training(actor, self.training.id, self.values(), token=self.training.token)
        return self.training.id


class TrainingPage(AddListPage):
    """The training list, newest first, with the editor to add a session or correct the selected one."""

    def __init__(self, env, parent=None) -> None:
        super().__init__(parent)
        self.dialog: TrainingDialog | None = None

        self.add_button = QPushButton(self.tr("&Add training…"))
        self.edit_button = QPushButton(self.tr("&Edit training…"))
        self.edit_button.setEnabled(False)
        self.env = env
        self.year_spin = QSpinBox()
        self.year_spin.setRange(2000, 2100)
        self.year_spin.setValue(env.today().year)
        year_label = QLabel(self.tr("&Year:"))
        year_label.setBuddy(self.year_spin)
        self.filter_edit = QLineEdit()
        self.filter_edit.setPlaceholderText(self.tr("Filter: topic, trainer, employer"))
        self.filter_edit.setClearButtonEnabled(True)
        self.budget_label = QLabel()
        self.budget_label.setWordWrap(True)
        self.budget_label.setObjectName("budget_label")
        top = QHBoxLayout()
        top.addWidget(year_label)
        top.addWidget(self.year_spin)
        top.addWidget(self.filter_edit, 1)
        top.addWidget(self.add_button)
        top.addWidget(self.edit_button)

        self.model = RowTableModel([
            Column(self.tr("Date"), lambda t: t.held_on),
            Column(self.tr("Topic"), lambda t: t.topic),
            Column(self.tr("Trainer"), lambda t: t.trainer),
            Column(self.tr("Attendees"), lambda t: t.attendee_count, right=True),
            Column(self.tr("Cost (yuan)"), lambda t: t.cost, right=True),
            Column(self.tr("Employer"), lambda t: t.employer_name),
        ], self)
        self.setup_list(env, top, self.model, self.add_button)
        self.layout().insertWidget(1, self.budget_label)
        self.setTabOrder(self.add_button, self.edit_button)
        self.setTabOrder(self.edit_button, self.table)
        self.year_spin.valueChanged.connect(lambda _v: self.refresh())
        self.filter_edit.textChanged.connect(self.table.proxy.setFilterFixedString)
        self.edit_button.clicked.connect(self.edit)
        self.table.activated.connect(lambda _i: self.edit())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self._update_buttons()

    def _update_buttons(self) -> None:
        permit(self.edit_button, self.env.actor, "prevention.edit", enabled=self.table.current() is not None)

    def edit(self) -> None:
        """Correct the selected session, as saved now (another user may have changed it since the list loaded):
        the editor opens once it is read."""
        current = self.table.current()
        if current is None or not self.edit_button.isEnabled():
            return
        actor = self.env.actor
        self.open_when_read(lambda services: services.training.get_training(actor, current.id), self._edit)

    def _edit(self, training: TrainingView) -> None:
        dialog = TrainingDialog(self.env, self, training=training)
        self.dialog = dialog
        dialog.accepted.connect(lambda d=dialog: self._saved(d.result_value))
        dialog.open()

    def rows_shown(self) -> None:
        self._update_buttons()

    def refresh(self) -> None:
        """The year's sessions and its spending against the cap, read together off the GUI thread so that the
        list and the budget line change together."""
        actor, year = self.env.actor, self.year_spin.value()

        def query(services) -> tuple[list[TrainingView], PreventionBudget | DomainError]:
            rows = services.training.list_training(actor, year=year)
            try:
                budget: PreventionBudget | DomainError = services.training.training_budget(actor, year)
            except DomainError as exc:  # a broken parameter file is named on the page; the list still shows
                budget = exc
            return rows, budget

        QueryOp(self, self.env, query=query, success=self._show).failure(self.show_error).superseding("rows").run()

    def _show(self, result: tuple[list[TrainingView], PreventionBudget | DomainError]) -> None:
        rows, budget = result
        if isinstance(budget, DomainError):
            self.budget_label.setText(error_text(budget))
            self.budget_label.setStyleSheet(ERROR_STYLE)
        else:
            self.budget = budget
            self.budget_label.setText(self.budget_text(budget))
            self.budget_label.setStyleSheet(ERROR_STYLE if budget.over_cap else "")
        self.show_rows(rows)

    def count_text(self, count: int) -> str:
        return self.tr("%n training session(s)", "", count)

    def make_dialog(self) -> TrainingDialog:
        return TrainingDialog(self.env, self)

    def budget_text(self, b: PreventionBudget) -> str:
        """One line on the year's prevention spending of every kind and the cap."""
        spent = arg(self.tr("Prevention spending %1: %2 yuan (training %3 in %4 session(s), funded projects %5, "
                            "publicity %6)."), b.year, display(b.planned), display(b.training), b.sessions,
                    display(b.projects), display(b.publicity))
        if b.cap is None:
            return spent + " " + arg(self.tr("Cap unknown: no %1 contribution income for region %2 in rules/%3."),
                                     b.income_year, b.region, b.params_file)
        text = spent + " " + arg(self.tr("Cap %1 yuan (%2 % of the %3 contribution income of %4 yuan)."),
                                 display(b.cap), display(b.cap_share * 100), b.income_year,
                                 display(b.contribution_income))
        if b.approval:
            text += " " + arg(self.tr("Share approved by the province: %1."), b.approval)
        if b.over_cap:
            text += " " + arg(self.tr("Over the cap by %1 yuan."), display(b.planned - b.cap))
        else:
            text += " " + arg(self.tr("Remaining: %1 yuan."), display(b.remaining))
        if b.label:
            text += " (" + rule_file_text(b.label) + ")"
        return text
