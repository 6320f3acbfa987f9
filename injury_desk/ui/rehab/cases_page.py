"""Rehabilitation → Cases: the office's referral cases, one case's plans and progress, and its editors."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from injury_desk.services.rehab import CaseDetail, CaseRow
from injury_desk.ui.claims.print_menu import print_actions_for
from injury_desk.ui.pillar_widgets import Column, FormDialog, RowTable, RowTableModel, any_error_text, error_label
from injury_desk.ui.rehab.case_dialogs import (
    CloseCaseDialog,
    GoalDialog,
    OpenCaseDialog,
    PlanDialog,
    ReturnToWorkDialog,
    SessionDialog,
    referral_labels,
    rtw_labels,
    status_labels,
)

REFRESH_ON = {"rehab", "claims"}


class RehabCasesPage(QWidget):
    """Case list with a status filter, the selected case's detail, and buttons for each editor."""

    def __init__(self, env, parent=None) -> None:
        super().__init__(parent)
        self.env = env
        self.dialog: FormDialog | None = None
        self.case: CaseDetail | None = None
        referrals, statuses = referral_labels(), status_labels()

        self.status_combo = QComboBox()
        self.status_combo.addItem(self.tr("Open"), "open")
        self.status_combo.addItem(self.tr("Closed"), "closed")
        self.status_combo.addItem(self.tr("All"), None)
        status_label = QLabel(self.tr("&Show:"))
        status_label.setBuddy(self.status_combo)

        self.open_button = QPushButton(self.tr("&Open case…"))
        self.plan_button = QPushButton(self.tr("Add &plan…"))
        self.goal_button = QPushButton(self.tr("Add &goal…"))
        self.session_button = QPushButton(self.tr("&Schedule session…"))
        self.rtw_button = QPushButton(self.tr("&Return to work…"))
        self.close_button = QPushButton(self.tr("&Close case…"))
        self.case_buttons = (self.plan_button, self.goal_button, self.session_button, self.rtw_button,
                             self.close_button)

        self.model = RowTableModel([
            Column(self.tr("Claim number"), lambda c: c.claim_no),
            Column(self.tr("Worker"), lambda c: c.worker_name),
            Column(self.tr("Referral"), lambda c: c.referral_type, text=lambda c: referrals.get(c.referral_type,
                                                                                               c.referral_type)),
            Column(self.tr("Provider"), lambda c: c.provider),
            Column(self.tr("Budget (yuan)"), lambda c: c.budget, right=True),
            Column(self.tr("Status"), lambda c: c.status, text=lambda c: statuses.get(c.status, c.status)),
            Column(self.tr("Opened on"), lambda c: c.opened_on),
        ], self)
        self.table = RowTable(self.model)
        self.table.sortByColumn(6, Qt.SortOrder.DescendingOrder)
        self.count_label = QLabel()
        self.error = error_label()
        self.detail = QTextBrowser()
        self.detail.setOpenLinks(False)
        self.detail.setPlaceholderText(self.tr("Select a case to see its details."))
        self.hint = QLabel()
        self.hint.setWordWrap(True)

        top = QHBoxLayout()
        top.addWidget(status_label)
        top.addWidget(self.status_combo)
        top.addStretch(1)
        top.addWidget(self.open_button)
        self.print_button = QPushButton(self.tr("&Print plan…"))
        self.print_button.setMenu(print_actions_for(
            env, self, "rehabilitation_plan", lambda: getattr(self.current_case(), "id", None)))
        top.addWidget(self.print_button)

        left = QWidget()
        left_box = QVBoxLayout(left)
        left_box.setContentsMargins(0, 0, 0, 0)
        left_box.addWidget(self.table)
        left_box.addWidget(self.count_label)
        right = QWidget()
        right_box = QVBoxLayout(right)
        right_box.setContentsMargins(0, 0, 0, 0)
        buttons = QGridLayout()
        for n, button in enumerate(self.case_buttons):
            buttons.addWidget(button, n // 2, n % 2)
        right_box.addLayout(buttons)
        right_box.addWidget(self.hint)
        right_box.addWidget(self.detail, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([770, 430])  # the list's seven columns fit at the usual window width
        splitter.setChildrenCollapsible(False)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.error)
        layout.addWidget(splitter, 1)

        order = [self.status_combo, self.open_button, self.table, *self.case_buttons, self.detail]
        for a, b in zip(order, order[1:]):
            self.setTabOrder(a, b)

        self.status_combo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.open_button.clicked.connect(lambda: self._open(OpenCaseDialog(self.env, self)))
        self.plan_button.clicked.connect(lambda: self._open_for_case(PlanDialog))
        self.goal_button.clicked.connect(lambda: self._open_for_case(GoalDialog))
        self.session_button.clicked.connect(lambda: self._open_for_case(SessionDialog))
        self.rtw_button.clicked.connect(lambda: self._open_for_case(ReturnToWorkDialog))
        self.close_button.clicked.connect(lambda: self._open_for_case(CloseCaseDialog))
        self.table.activated.connect(lambda _i: self.next_step())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._selection_changed())
        env.bus.changed.connect(lambda what: what in REFRESH_ON and self.refresh())
        self.refresh()

    # ---------------------------------------------------------------- loading

    def refresh(self) -> None:
        try:
            rows = self.env.services.rehab.list_cases(self.env.actor, status=self.status_combo.currentData())
        except Exception as exc:  # shown on the page; the list keeps what it had
            self.error.setText(any_error_text(exc))
            self.error.setVisible(True)
            return
        self.error.setVisible(False)
        self.table.set_rows(rows)
        self.count_label.setText(self.tr("%n case(s)", "", len(rows)))
        self._selection_changed()

    def current_case(self) -> CaseRow | None:
        return self.table.current()

    def _selection_changed(self) -> None:
        row = self.current_case()
        self.case = None
        if row is not None:
            try:
                self.case = self.env.services.rehab.get_case(self.env.actor, row.id)
            except Exception as exc:
                self.detail.setPlainText(any_error_text(exc))
        self._update_buttons()
        if self.case is None:
            if row is None:
                self.detail.clear()
            return
        self.detail.setHtml(self._detail_html(self.case))

    def _update_buttons(self) -> None:
        case = self.case
        is_open = case is not None and case.status == "open"
        has_plan = is_open and bool(case.plans)
        self.plan_button.setEnabled(is_open)
        self.goal_button.setEnabled(has_plan)
        self.session_button.setEnabled(has_plan)
        self.rtw_button.setEnabled(is_open)
        self.close_button.setEnabled(is_open and bool(case.rtw_outcome))
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
        self.hint.setText(hint)
        self.hint.setVisible(bool(hint))

    # ---------------------------------------------------------------- detail

    def _detail_html(self, c: CaseDetail) -> str:
        referrals, statuses, outcomes = referral_labels(), status_labels(), rtw_labels()
        parts = [
            f"<h3>{escape(c.claim_no)} · {escape(c.worker_name)}</h3>",
            "<p>" + escape(self.tr("{referral} rehabilitation at {provider}, opened {opened}, {status}").format(
                referral=referrals.get(c.referral_type, c.referral_type), provider=c.provider,
                opened=c.opened_on.isoformat(), status=statuses.get(c.status, c.status)))
            + (escape(self.tr(" on {date}").format(date=c.closed_on.isoformat())) if c.closed_on else "") + "</p>",
        ]
        budget_line = self.tr("Budget {budget} yuan · committed {spent} · left {remaining}").format(
            budget=f"{c.budget:,.2f}", spent=f"{c.spent:,.2f}", remaining=f"{c.remaining:,.2f}")
        overrun = c.remaining < 0
        parts.append(("<p style='color:#b00020'><b>" if overrun else "<p>") + escape(budget_line)
                     + (escape(self.tr(" (over budget)")) + "</b>" if overrun else "") + "</p>")

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
        for plan in reversed(c.plans):
            head = self.tr("Plan of {date}").format(date=plan.drawn_up_on.isoformat())
            if plan.review_on:
                head += " · " + self.tr("review {date}").format(date=plan.review_on.isoformat())
            parts.append(f"<p><b>{escape(head)}</b>" + (f"<br>{escape(plan.notes)}" if plan.notes else "") + "</p>")
            goals = []
            for g in plan.goals:
                text = self.tr("{goal} — {measure}: {baseline} → {target}").format(
                    goal=g.description, measure=g.measure, baseline=g.baseline or "?", target=g.target or "?")
                if g.target_date:
                    text += " " + self.tr("by {date}").format(date=g.target_date.isoformat())
                if g.measurements:
                    last = g.measurements[-1]
                    text += " · " + self.tr("latest {value} on {date}").format(value=last.value,
                                                                             date=last.measured_on.isoformat())
                goals.append(text)
            parts.append(escape(self.tr("Goals")) + ": " + (
                "<ul>" + "".join(f"<li>{escape(t)}</li>" for t in goals) + "</ul>" if goals
                else "<i>" + escape(self.tr("none")) + "</i><br>"))
            attended = {True: self.tr("attended"), False: self.tr("missed"), None: self.tr("booked")}
            sessions = [self.tr("{date} · {kind} · {cost} yuan · {state}").format(
                date=x.scheduled_on.isoformat(), kind=x.kind, cost=f"{x.cost:,.2f}", state=attended[x.attended])
                for x in plan.sessions]
            parts.append(escape(self.tr("Sessions")) + ": " + (
                "<ul>" + "".join(f"<li>{escape(t)}</li>" for t in sessions) + "</ul>" if sessions
                else "<i>" + escape(self.tr("none")) + "</i>"))
        return "".join(parts)

    # ---------------------------------------------------------------- editors

    def next_step(self) -> None:
        """Enter on a case opens the editor of its usual next step: a plan first, then sessions."""
        if self.plan_button.isEnabled() and not self.session_button.isEnabled():
            self.plan_button.click()
        elif self.session_button.isEnabled():
            self.session_button.click()

    def _open_for_case(self, dialog_class: type[FormDialog]) -> None:
        if self.case is None:
            return
        self._open(dialog_class(self.env, self.case, self))

    def _open(self, dialog: FormDialog) -> None:
        self.dialog = dialog
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        if isinstance(dialog, OpenCaseDialog):
            dialog.accepted.connect(lambda d=dialog: self._select(d.result_value))
        dialog.open()

    def _select(self, case_id: str | None) -> None:
        # A new case is open; show it even when the filter showed closed cases.
        if case_id and not self.table.select_where(lambda c: c.id == case_id):
            self.status_combo.setCurrentIndex(self.status_combo.findData("open"))
            self.table.select_where(lambda c: c.id == case_id)
