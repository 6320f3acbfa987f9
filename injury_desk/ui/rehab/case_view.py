"""One rehabilitation case: its summary, goals with their progress chart, sessions with attendance, editors.

It loads no SQLAlchemy (the Rehabilitation page shows it at start-up from the quick start): a case is read through
the full services, once they are open, and the editors' module loads when the first editor opens."""

from __future__ import annotations

from typing import TYPE_CHECKING

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from injury_desk.domain.rehab import BUDGET_WARN_SHARE
from injury_desk.placeholders import arg
from injury_desk.services.rehab_rows import CaseDetail, GoalView, SessionView
from injury_desk.ui.messages import (
    attendance_labels,
    error_text,
    labelled,
    listed,
    measure_label,
    referral_labels,
    rehab_status_labels,
    rtw_labels,
)
from injury_desk.ui.permissions import permit
from injury_desk.ui.row_table import Column, RowTable, RowTableModel, error_label
from injury_desk.ui.operations import Changes, CollectionOp, QueryOp

if TYPE_CHECKING:  # the editors' base class loads with the first editor opened
    from injury_desk.ui.form_dialog import FormDialog


def _dialogs():
    """The editors' module (and their colours), loaded when first needed rather than with the page."""
    from injury_desk.ui.rehab import case_dialogs

    return case_dialogs


CHART_MIN_HEIGHT = 220  # the goal chart's least height on the progress tab


class _ChartSlot(QWidget):
    """Where the goal chart goes on the progress tab: the chart (and Qt Charts, 20 ms to load) is built the first
    time the tab is shown, or asked for, with the goal chosen then."""

    def __init__(self, current_goal) -> None:
        super().__init__()
        self.current_goal = current_goal
        self.chart = None
        self.setMinimumHeight(CHART_MIN_HEIGHT)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)

    def ensure(self):
        if self.chart is None:
            from injury_desk.ui.rehab.progress_chart import GoalChart

            self.chart = GoalChart()
            self.chart.set_goal(self.current_goal())
            self._layout.addWidget(self.chart)
            if self.isVisible():
                self.chart.show()
        return self.chart

    def show_goal(self, goal) -> None:
        if self.chart is not None:
            self.chart.set_goal(goal)

    def showEvent(self, event) -> None:
        self.ensure()
        super().showEvent(event)


class CaseView(QWidget):
    """Shows the case given to ``show_case`` and offers the editors its state allows."""

    shown = Signal()  # the case asked for is on screen

    def __init__(self, env, parent=None) -> None:
        super().__init__(parent)
        self.env = env
        self.case: CaseDetail | None = None  # the case on screen
        self.case_id: str | None = None  # the case asked for (read off the GUI thread)
        self._waiting = False  # a case was asked for before the full services were open
        self.dialog: FormDialog | None = None
        self.error = error_label()

        self.plan_button = QPushButton(self.tr("Add &plan…"))
        self.review_button = QPushButton(self.tr("Re&view plan…"))
        self.rtw_button = QPushButton(self.tr("&Return to work…"))
        self.close_button = QPushButton(self.tr("&Close case…"))
        self.goal_button = QPushButton(self.tr("Add &goal…"))
        self.measure_button = QPushButton(self.tr("Record &measurement…"))
        self.session_button = QPushButton(self.tr("&Schedule session…"))
        self.attended_button = QPushButton(self.tr("Mark &attended"))
        self.missed_button = QPushButton(self.tr("Mark m&issed"))
        self.case_buttons = (self.plan_button, self.review_button, self.rtw_button, self.close_button,
                             self.goal_button, self.measure_button, self.session_button, self.attended_button,
                             self.missed_button)
        self.hint = QLabel()
        self.hint.setWordWrap(True)

        # Summary
        self.detail = QTextBrowser()
        self.detail.setOpenLinks(False)
        self.detail.setPlaceholderText(self.tr("Select a case to see its details."))

        # Progress: one goal at a time, its chart, and its measurements in words
        self.goal_combo = QComboBox()
        self.goal_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.goal_combo.setMinimumContentsLength(16)
        goal_label = QLabel(self.tr("G&oal:"))
        goal_label.setBuddy(self.goal_combo)
        self.chart_slot = _ChartSlot(self.current_goal)
        self.measurements = QLabel()
        self.measurements.setWordWrap(True)
        self.measurements.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        progress = QWidget()
        progress_box = QVBoxLayout(progress)
        goal_row = QHBoxLayout()
        goal_row.addWidget(goal_label)
        goal_row.addWidget(self.goal_combo, 1)
        progress_box.addLayout(goal_row)
        progress_buttons = QHBoxLayout()
        progress_buttons.addWidget(self.goal_button)
        progress_buttons.addWidget(self.measure_button)
        progress_buttons.addStretch(1)
        progress_box.addLayout(progress_buttons)
        progress_box.addWidget(self.chart_slot, 1)
        progress_box.addWidget(self.measurements)

        # Sessions
        states = attendance_labels()
        unrecorded = self.tr("not recorded")
        today = env.today

        def state(x: SessionView) -> str:
            return unrecorded if x.attended is None and x.scheduled_on < today() else states[x.attended]

        self.session_model = RowTableModel([
            Column(self.tr("Date"), lambda x: x.scheduled_on),
            Column(self.tr("Kind"), lambda x: x.kind),
            Column(self.tr("Cost (yuan)"), lambda x: x.cost, right=True),
            Column(self.tr("Attendance"), state),
        ], self)
        self.session_model.alert = lambda x: x.attended is None and x.scheduled_on < today()
        self.session_model.bold_column = 3
        self.sessions = RowTable(self.session_model)
        self.sessions.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        sessions = QWidget()
        sessions_box = QVBoxLayout(sessions)
        session_buttons = QHBoxLayout()
        session_buttons.addWidget(self.session_button)
        session_buttons.addStretch(1)
        session_buttons.addWidget(self.attended_button)
        session_buttons.addWidget(self.missed_button)
        sessions_box.addLayout(session_buttons)
        sessions_box.addWidget(self.sessions, 1)

        self.tabs = QTabWidget()
        self.tabs.addTab(self.detail, self.tr("Summary"))
        self.tabs.addTab(progress, self.tr("Goals and progress"))
        self.tabs.addTab(sessions, self.tr("Sessions"))

        buttons = QGridLayout()
        for n, button in enumerate((self.plan_button, self.review_button, self.rtw_button, self.close_button)):
            buttons.addWidget(button, n // 2, n % 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(buttons)
        layout.addWidget(self.hint)
        layout.addWidget(self.error)
        layout.addWidget(self.tabs, 1)

        self.plan_button.clicked.connect(lambda: self.open_editor(_dialogs().PlanDialog))
        self.review_button.clicked.connect(lambda: self.open_editor(_dialogs().ReviewPlanDialog))
        self.goal_button.clicked.connect(lambda: self.open_editor(_dialogs().GoalDialog))
        self.measure_button.clicked.connect(self._measure)
        self.session_button.clicked.connect(lambda: self.open_editor(_dialogs().SessionDialog))
        self.rtw_button.clicked.connect(lambda: self.open_editor(_dialogs().ReturnToWorkDialog))
        self.close_button.clicked.connect(lambda: self.open_editor(_dialogs().CloseCaseDialog))
        self.attended_button.clicked.connect(lambda: self._attendance(True))
        self.missed_button.clicked.connect(lambda: self._attendance(False))
        self.goal_combo.currentIndexChanged.connect(lambda _i: self._show_goal())
        self.sessions.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        env.bus.changed.connect(self._on_changed)
        self.show_case(None)

    # ---------------------------------------------------------------- loading

    def _on_changed(self, changes: Changes) -> None:
        if changes.rehab and self.case_id is not None:
            self.show_case(self.case_id)

    def show_case(self, case_id: str | None) -> None:
        """Show ``case_id`` (None: no case), read off the GUI thread; ``shown`` is emitted once it is there.
        Another case is cleared at once, so that its buttons never act on the wrong one; the same case (read
        again after a change) stays on screen until the new reading replaces it."""
        self.case_id = case_id
        self.error.setVisible(False)
        if case_id is None or self.case is None or self.case.id != case_id:
            self._show(None)
            if case_id is not None:
                self.detail.setPlainText(self.tr("Reading the case…"))
        if case_id is None:
            return
        if not self.env.services_ready:
            # Selected while the window opens: read once the full services are up (a read now would open them
            # in the read pool, competing with the first paint); the newest case asked for by then is read.
            if not self._waiting:
                self._waiting = True
                self.env.when_services(self._services_open)
            return
        actor = self.env.actor

        def read(case: CaseDetail) -> None:
            if self.case_id == case_id:
                self._show(case)
                self.shown.emit()

        def failed(exc: Exception) -> None:  # shown in place; the rest of the page keeps working
            if self.case_id == case_id:
                self._show(None)
                self.error.setText(error_text(exc))
                self.error.setVisible(True)

        QueryOp(self, self.env, query=lambda services: services.rehab.get_case(actor, case_id),
                success=read).failure(failed).superseding("case").run()

    def _services_open(self) -> None:
        self._waiting = False
        if self.case_id is not None:
            self.show_case(self.case_id)

    def _show(self, c: CaseDetail | None) -> None:
        self.case = c
        if c is None:
            self.detail.clear()
        else:
            self.detail.setHtml(self._detail_html(c))
        self.sessions.set_rows([x for plan in c.plans for x in plan.sessions] if c else [])
        keep = self.goal_combo.currentData()
        self.goal_combo.blockSignals(True)
        self.goal_combo.clear()
        for g in self.goals():
            self.goal_combo.addItem(g.description, g.id)
        index = self.goal_combo.findData(keep) if keep else -1
        self.goal_combo.setCurrentIndex(index if index >= 0 else (0 if self.goal_combo.count() else -1))
        self.goal_combo.blockSignals(False)
        self._show_goal()
        self._update_buttons()

    @property
    def chart(self):
        """The goal chart (a GoalChart), built now if its tab was not shown yet."""
        return self.chart_slot.ensure()

    def goals(self) -> list[GoalView]:
        """Goals of the newest plan first: that plan is the one being worked on."""
        return [g for plan in reversed(self.case.plans) for g in plan.goals] if self.case else []

    def current_goal(self) -> GoalView | None:
        return next((g for g in self.goals() if g.id == self.goal_combo.currentData()), None)

    def _show_goal(self) -> None:
        goal = self.current_goal()
        self.chart_slot.show_goal(goal)
        if goal is None:
            self.measurements.setText("")
            return
        text = arg(self.tr("Measure: %1 · baseline %2 · target %3"), measure_label(goal.measure), goal.baseline or "—", goal.target or "—")
        if goal.target_date:
            text += " " + arg(self.tr("by %1"), goal.target_date.isoformat())
        if goal.measurements:
            text += "\n" + arg(self.tr("Measured: %1"), listed(labelled(m.measured_on.isoformat(), m.value) for m in goal.measurements))
        self.measurements.setText(text)

    def _update_buttons(self) -> None:
        case = self.case
        is_open = case is not None and case.status == "open"
        has_plan = is_open and bool(case.plans)
        has_goal = has_plan and bool(self.goals())
        self.plan_button.setEnabled(is_open)
        self.review_button.setEnabled(has_plan)
        self.goal_button.setEnabled(has_plan)
        self.measure_button.setEnabled(has_goal)
        self.session_button.setEnabled(has_plan)
        self.rtw_button.setEnabled(is_open)
        self.close_button.setEnabled(is_open and bool(case.rtw_outcome))
        session = self.sessions.current()
        past = session is not None and session.scheduled_on <= self.env.today()
        self.attended_button.setEnabled(is_open and past)
        self.missed_button.setEnabled(is_open and past)
        # Say why a button is disabled, so a greyed-out button is never a puzzle.
        if case is None:
            hint = ""
        elif not is_open:
            hint = self.tr("This case is closed; it can no longer be changed.")
        elif not case.plans:
            hint = self.tr("Add a plan first: goals and sessions belong to a plan.")
        elif not case.rtw_outcome:
            hint = self.tr("Record the return-to-work outcome before closing the case.")
        else:
            hint = ""
        if self.env is not None:  # a role without rehab.edit sees why every change is greyed out
            for button in (self.plan_button, self.review_button, self.goal_button, self.measure_button,
                           self.session_button, self.rtw_button, self.close_button, self.attended_button,
                           self.missed_button):
                permit(button, self.env.actor, "rehab.edit", enabled=button.isEnabled())
        self.hint.setText(hint)
        self.hint.setVisible(bool(hint))
        if session is not None and not past and is_open:
            self.attended_button.setToolTip(self.tr("Attendance can be recorded on the day of the session or later."))
        else:
            self.attended_button.setToolTip("")

    # ---------------------------------------------------------------- summary

    def _detail_html(self, c: CaseDetail) -> str:
        referrals, statuses, outcomes = referral_labels(), rehab_status_labels(), rtw_labels()
        parts = [
            f"<h3>{escape(c.claim_no)} · {escape(c.worker_name)}</h3>",
            "<p>" + escape(arg(self.tr("%1 rehabilitation at %2, opened %3 · %4"), referrals.get(c.referral_type, c.referral_type), c.provider, c.opened_on.isoformat(), statuses.get(c.status, c.status)))
            + (escape(arg(self.tr(" on %1"), c.closed_on.isoformat())) if c.closed_on else "") + "</p>",
        ]
        budget_line = arg(self.tr("Budget %1 yuan · committed %2 · left %3"), f"{c.budget:,.2f}", f"{c.spent:,.2f}", f"{c.remaining:,.2f}")
        if c.remaining < 0:
            parts.append("<p style='color:#b00020'><b>" + escape(budget_line) + escape(self.tr(" (over budget)"))
                         + "</b></p>")
        elif c.budget > 0 and c.spent >= c.budget * BUDGET_WARN_SHARE:
            parts.append(f"<p style='color:{_dialogs().WARN_COLOUR}'><b>" + escape(budget_line) + "</b> "
                         + escape(arg(self.tr("(%1 % committed)"), f"{c.spent / c.budget * 100:.0f}"))
                         + "</p>")
        else:
            parts.append("<p>" + escape(budget_line) + "</p>")

        parts.append("<h4>" + escape(self.tr("Return to work")) + "</h4>")
        if c.rtw_outcome:
            line = outcomes.get(c.rtw_outcome, c.rtw_outcome)
            if c.rtw_date:
                line += " · " + c.rtw_date.isoformat()
            parts.append(f"<p>{escape(line)}</p>")
            for title, text in ((self.tr("Restrictions"), c.restrictions), (self.tr("Accommodations"),
                                                                            c.accommodations)):
                if text:
                    parts.append(f"<p><b>{escape(title)}:</b> {escape(text)}</p>")
        else:
            parts.append("<p><i>" + escape(self.tr("Not recorded yet")) + "</i></p>")

        parts.append("<h4>" + escape(self.tr("Plans (%n)", "", len(c.plans))) + "</h4>")
        if not c.plans:
            parts.append("<p><i>" + escape(self.tr("No plan yet")) + "</i></p>")
        attended = attendance_labels()
        for plan in reversed(c.plans):
            head = arg(self.tr("Plan of %1"), plan.drawn_up_on.isoformat())
            if plan.review_on:
                head += " · " + arg(self.tr("review %1"), plan.review_on.isoformat())
            notes = escape(plan.notes).replace("\n", "<br>")
            parts.append(f"<p><b>{escape(head)}</b>" + (f"<br>{notes}" if plan.notes else "") + "</p>")
            goals = []
            for g in plan.goals:
                text = arg(self.tr("%1 — %2: %3 → %4"), g.description, measure_label(g.measure), g.baseline or "?", g.target or "?")
                if g.target_date:
                    text += " " + arg(self.tr("by %1"), g.target_date.isoformat())
                if g.measurements:
                    last = g.measurements[-1]
                    text += " · " + arg(self.tr("latest %1 on %2"), last.value, last.measured_on.isoformat())
                goals.append(text)
            parts.append(escape(self.tr("Goals")) + ": " + (
                "<ul>" + "".join(f"<li>{escape(t)}</li>" for t in goals) + "</ul>" if goals
                else "<i>" + escape(self.tr("none")) + "</i><br>"))
            sessions = [arg(self.tr("%1 · %2 · %3 yuan · %4"), x.scheduled_on.isoformat(), x.kind, f"{x.cost:,.2f}", attended[x.attended])
                for x in plan.sessions]
            parts.append(escape(self.tr("Sessions")) + ": " + (
                "<ul>" + "".join(f"<li>{escape(t)}</li>" for t in sessions) + "</ul>" if sessions
                else "<i>" + escape(self.tr("none")) + "</i>"))
        return "".join(parts)

    # ---------------------------------------------------------------- editors

    def open_editor(self, dialog_class: type[FormDialog], **kwargs) -> FormDialog | None:
        if self.case is None:
            return None
        dialog = dialog_class(self.env, self.case, self, **kwargs)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _measure(self) -> None:
        self.open_editor(_dialogs().MeasurementDialog, goal_id=self.goal_combo.currentData())

    def _attendance(self, attended: bool) -> None:
        session = self.sessions.current()
        if session is None:
            return
        actor = self.env.actor
        self.attended_button.setEnabled(False)
        self.missed_button.setEnabled(False)
        CollectionOp(self, self.env, op=lambda services: services.rehab.record_attendance(actor, session.id, attended),
                     changes=Changes(rehab=True)).failure(self._failed).run()

    def _failed(self, exc: Exception) -> None:
        self.error.setText(error_text(exc))
        self.error.setVisible(True)
        self._update_buttons()
