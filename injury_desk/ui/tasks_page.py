"""Tasks: statutory claim deadlines, rehabilitation follow-ups, and overdue corrective actions of employers."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QLabel, QRadioButton, QSplitter, QVBoxLayout, QWidget

from injury_desk.placeholders import arg
from injury_desk.services.permissions import allowed
from injury_desk.domain.deadlines import THIS_WEEK_DAYS
from injury_desk.services.task_rows import GROUPS, few_enough_claims, task_lists
from injury_desk.ui.operations import QueryOp
from injury_desk.ui.messages import deadline_kind_label, error_text, label, rehab_task_labels, severity_labels
from injury_desk.ui.row_table import Column, RowTable, RowTableModel, error_label, section_label

REFRESH_ON = ("claims", "prevention", "employers", "rehab", "tasks")


class TasksPage(QWidget):
    """Deadlines for the user or the whole office; Enter or double-click on a claim emits ``open_claim``."""

    open_claim = Signal(str)  # claim id

    def __init__(self, env, parent=None) -> None:
        super().__init__(parent)
        self.env = env
        self.mine_radio = QRadioButton(self.tr("&My tasks"))
        self.office_radio = QRadioButton(self.tr("&Office"))
        self.mine_radio.setChecked(True)
        self.scope_group = QButtonGroup(self)
        self.scope_group.addButton(self.mine_radio)
        self.scope_group.addButton(self.office_radio)
        if not allowed(env.actor, "tasks.office"):
            # The permission table reserves the office view for supervisors and administrators.
            self.office_radio.setEnabled(False)
            self.office_radio.setToolTip(self.tr("Only supervisors and administrators see the whole office's tasks."))
        self.summary = QLabel()
        self.error = error_label()

        overdue_text, due_text = self.tr("Overdue"), self.tr("Due")
        group_order = {g: i for i, g in enumerate(GROUPS)}
        self.deadline_model = RowTableModel([
            # Grouped by urgency: the first column sorts overdue, this week, later, then by date.
            Column(self.tr("Urgency"), lambda t: (group_order[t.group], t.due),
                   text=lambda t: label("deadline_status", t.group)),
            Column(self.tr("Due date"), lambda t: t.due),
            Column(self.tr("Days left"), lambda t: t.days_left, right=True),
            Column(self.tr("Deadline"), lambda t: t.kind, text=lambda t: deadline_kind_label(t.kind) + (
                f" — {t.subject}" if t.subject else "")),  # a dependant's pension: whose
            Column(self.tr("Claim number"), lambda t: t.claim_no),
            Column(self.tr("Worker"), lambda t: t.worker_name),
            Column(self.tr("ID number"), lambda t: t.id_number),
            Column(self.tr("Assigned to"), lambda t: t.assigned_to),
            Column(self.tr("Legal basis"), lambda t: t.kind, text=lambda t: label("deadline_basis", t.kind),
                   flexible=True),
        ], self)
        # Colour (with bold words) only for what needs attention: work that is overdue.
        self.deadline_model.alert = lambda t: t.attention
        self.deadline_model.bold_column = 0
        self.deadlines = RowTable(self.deadline_model)
        self.deadlines.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.deadlines.setToolTip(self.tr("Press Enter or double-click to open the claim."))

        severities = severity_labels()
        self.action_model = RowTableModel([
            Column(self.tr("Due date"), lambda a: a.due_date),
            Column(self.tr("Days overdue"), lambda a: a.days_overdue, right=True),
            Column(self.tr("Employer"), lambda a: a.employer_name),
            Column(self.tr("Hazard"), lambda a: a.hazard_category),
            Column(self.tr("Severity"), lambda a: a.severity, text=lambda a: severities.get(a.severity, a.severity)),
            Column(self.tr("Action"), lambda a: a.description, flexible=True),
            Column(self.tr("Owner"), lambda a: a.owner),
        ], self)
        self.action_model.alert = lambda a: True
        self.action_model.bold_column = 1
        self.actions = RowTable(self.action_model)
        self.actions.sortByColumn(0, Qt.SortOrder.AscendingOrder)

        rehab_kinds = rehab_task_labels()
        self.rehab_model = RowTableModel([
            Column(self.tr("State"), lambda t: t.overdue, text=lambda t: overdue_text if t.overdue else due_text),
            Column(self.tr("Date"), lambda t: t.due),
            Column(self.tr("Days left"), lambda t: t.days_left, right=True),
            Column(self.tr("Follow-up"), lambda t: t.kind, text=lambda t: rehab_kinds.get(t.kind, t.kind)),
            Column(self.tr("About"), lambda t: t.subject),
            Column(self.tr("Claim number"), lambda t: t.claim_no),
            Column(self.tr("Worker"), lambda t: t.worker_name),
            Column(self.tr("Provider"), lambda t: t.provider, flexible=True),
        ], self)
        self.rehab_model.alert = lambda t: t.overdue
        self.rehab_model.bold_column = 0
        self.rehab = RowTable(self.rehab_model)
        self.rehab.sortByColumn(1, Qt.SortOrder.AscendingOrder)
        self.rehab.setToolTip(self.tr("Press Enter or double-click to open the rehabilitation case."))
        self.case_window = None

        scope = QHBoxLayout()
        scope.addWidget(QLabel(self.tr("Show:")))
        scope.addWidget(self.mine_radio)
        scope.addWidget(self.office_radio)
        scope.addStretch(1)
        scope.addWidget(self.summary)

        top = QWidget()
        top_box = QVBoxLayout(top)
        top_box.setContentsMargins(0, 0, 0, 0)
        top_box.addWidget(section_label(self.tr("Statutory claim deadlines: overdue, this week, and the next 30 days")))
        top_box.addWidget(self.deadlines)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(top)
        middle = QWidget()
        middle_box = QVBoxLayout(middle)
        middle_box.setContentsMargins(0, 0, 0, 0)
        middle_box.addWidget(section_label(self.tr(
            "Rehabilitation: sessions in the next two weeks, unrecorded or missed sessions, goals past their date, "
            "plans due for review")))
        middle_box.addWidget(self.rehab)
        splitter.addWidget(middle)
        bottom = QWidget()
        bottom_box = QVBoxLayout(bottom)
        bottom_box.setContentsMargins(0, 0, 0, 0)
        bottom_box.addWidget(section_label(self.tr("Overdue corrective actions of employers")))
        bottom_box.addWidget(self.actions)
        splitter.addWidget(bottom)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 3)
        splitter.setStretchFactor(2, 2)
        splitter.setChildrenCollapsible(False)

        layout = QVBoxLayout(self)
        layout.addLayout(scope)
        layout.addWidget(self.error)
        layout.addWidget(splitter, 1)
        self.setTabOrder(self.mine_radio, self.office_radio)
        self.setTabOrder(self.office_radio, self.deadlines)
        self.setTabOrder(self.deadlines, self.rehab)
        self.setTabOrder(self.rehab, self.actions)

        self.scope_group.buttonToggled.connect(lambda _b, on: on and self.refresh())
        self.deadlines.activated.connect(lambda index: self.open_claim.emit(self.deadlines.row_for(index).claim_id))
        self.rehab.activated.connect(lambda index: self.open_case(self.rehab.row_for(index).case_id))
        env.bus.changed.connect(lambda changes: changes.touches(*REFRESH_ON) and self.refresh())
        self.first_shown = False  # every list filled with its rows (the start-up benchmark waits for it)
        self.refresh()

    def scope(self) -> str:
        return "office" if self.office_radio.isChecked() else "mine"

    def refresh(self) -> None:
        actor, scope, today = self.env.actor, self.scope(), self.env.today()

        def read(services):
            return (services.tasks.claim_deadlines(actor, scope=scope), services.tasks.rehab_tasks(actor, scope=scope),
                    services.inspections.overdue_actions(actor))

        # Reopened on this page, the rows come at once from the quick start, read by the functions the services
        # run (services.task_rows), unless there are too many claims to check on the GUI thread.
        quick = self.env.quick
        few = quick is not None and quick.read(few_enough_claims, actor, scope, today)
        QueryOp(self, self.env, query=read, success=self._show,
                quick=(lambda q: q.read(task_lists, actor, scope, today)) if few else None).failure(
                    self._failed).superseding("tasks").run()

    def _failed(self, exc: Exception) -> None:  # shown on the page; the tables keep what they had
        self.error.setText(error_text(exc))
        self.error.setVisible(True)

    def _show(self, result) -> None:
        rows, rehab, actions = result
        self.error.setVisible(False)
        self.deadlines.set_rows(rows)
        self.rehab.set_rows(rehab)
        self.actions.set_rows(actions)
        overdue = sum(1 for r in rows if r.overdue) + sum(1 for r in rehab if r.overdue)
        week = sum(1 for r in rows if r.group == "this_week") + sum(
            1 for r in rehab if not r.overdue and r.days_left <= THIS_WEEK_DAYS)
        later = len(rows) + len(rehab) - overdue - week
        self.summary.setText(arg(self.tr("%1 overdue, %2 due this week, %3 later"), overdue, week, later))
        self.first_shown = True

    def open_case(self, case_id: str) -> None:
        """A rehabilitation follow-up opens its case in a window with all the case's editors."""
        from injury_desk.ui.rehab.case_window import CaseWindow

        self.case_window = CaseWindow(self.env, case_id, self)
        self.case_window.open()
