"""Rehabilitation: the office's referral cases with the selected case's view, and the statistics tab.

A quick page (see ui.main_window.LazyPage): it loads no SQLAlchemy, and reopened at start-up it lists the cases
from the quick start's connection, read by the same function as RehabService.list_cases (services.rehab_rows)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from injury_desk.services.rehab_rows import CaseRow, case_rows
from injury_desk.ui.print_menu import print_actions_for
from injury_desk.ui.messages import error_text, referral_labels, rehab_status_labels
from injury_desk.ui.operations import QueryOp
from injury_desk.ui.permissions import permit
from injury_desk.ui.row_table import Column, RowTable, RowTableModel, error_label
from injury_desk.ui.rehab.case_view import CaseView

if TYPE_CHECKING:  # the editors' base class loads with the first editor opened
    from injury_desk.ui.form_dialog import FormDialog

REFRESH_ON = ("rehab", "claims")


class RehabCasesPage(QWidget):
    """Rehabilitation: the Cases tab (list with a status filter, the selected case and its editors) and the
    Statistics tab (return to work), built when first shown."""

    def __init__(self, env, parent=None) -> None:
        super().__init__(parent)
        self.env = env
        self.dialog: FormDialog | None = None
        self.stats_page = None
        self._select_after: str | None = None  # a case just opened, selected when the list has it
        self.first_shown = False  # the list the page opens with is filled (bench/startup_pages waits for it)
        self.stats_waiting: QLabel | None = None  # said on the statistics tab until the services are up
        referrals, statuses = referral_labels(), rehab_status_labels()

        self.status_combo = QComboBox()
        self.status_combo.addItem(self.tr("Open"), "open")
        self.status_combo.addItem(self.tr("Closed"), "closed")
        self.status_combo.addItem(self.tr("All"), None)
        status_label = QLabel(self.tr("&Show:"))
        status_label.setBuddy(self.status_combo)

        self.open_button = QPushButton(self.tr("&Open case…"))
        self.view = CaseView(env)

        self.model = RowTableModel([
            Column(self.tr("Claim number"), lambda c: c.claim_no),
            Column(self.tr("Worker"), lambda c: c.worker_name),
            Column(self.tr("Referral"), lambda c: c.referral_type, text=lambda c: referrals.get(c.referral_type,
                                                                                               c.referral_type)),
            Column(self.tr("Provider"), lambda c: c.provider, flexible=True),
            Column(self.tr("Budget (yuan)"), lambda c: c.budget, right=True),
            Column(self.tr("Status"), lambda c: c.status, text=lambda c: statuses.get(c.status, c.status)),
            Column(self.tr("Opened on"), lambda c: c.opened_on),
        ], self)
        self.table = RowTable(self.model)
        self.table.sortByColumn(6, Qt.SortOrder.DescendingOrder)
        self.count_label = QLabel()
        self.error = error_label()

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
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self.view)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([720, 480])
        splitter.setChildrenCollapsible(False)

        cases = QWidget()
        cases_box = QVBoxLayout(cases)
        cases_box.addLayout(top)
        cases_box.addWidget(self.error)
        cases_box.addWidget(splitter, 1)
        self.tabs = QTabWidget()
        self.tabs.addTab(cases, self.tr("Cases"))
        self.stats_holder = QWidget()
        self.stats_box = QVBoxLayout(self.stats_holder)
        self.stats_box.setContentsMargins(0, 0, 0, 0)
        self.tabs.addTab(self.stats_holder, self.tr("Return-to-work statistics"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)

        order = [self.status_combo, self.open_button, self.table, *self.view.case_buttons[:4], self.view.tabs]
        for a, b in zip(order, order[1:]):
            self.setTabOrder(a, b)

        self.status_combo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.open_button.clicked.connect(self._open_case)
        permit(self.open_button, self.env.actor, "rehab.edit")
        self.table.activated.connect(lambda _i: self.next_step())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._selection_changed())
        self.tabs.currentChanged.connect(self._tab_changed)
        env.bus.changed.connect(lambda changes: changes.touches(*REFRESH_ON) and self.refresh())
        self.refresh()

    # ---------------------------------------------------------------- loading

    def _tab_changed(self, index: int) -> None:
        if self.tabs.widget(index) is self.stats_holder:
            if not self.env.services_ready:  # the statistics read through the full services: built when they are up
                if self.stats_waiting is None:
                    self.stats_waiting = QLabel(self.tr("Opening the database…"))
                    self.stats_waiting.setAlignment(Qt.AlignmentFlag.AlignCenter)
                    self.stats_box.addWidget(self.stats_waiting)
                    self.env.when_services(self._services_open)
                return
            if self.stats_page is None:
                from injury_desk.ui.rehab.stats_page import RehabStatsPage

                if self.stats_waiting is not None:
                    self.stats_waiting.deleteLater()
                    self.stats_waiting = None
                self.stats_page = RehabStatsPage(self.env)
                self.stats_box.addWidget(self.stats_page)
            else:
                self.stats_page.refresh()

    def _services_open(self) -> None:
        self._tab_changed(self.tabs.currentIndex())

    def refresh(self) -> None:
        """Read the cases off the GUI thread; the list keeps what it had until they are there. Before the full
        services are open, read them at once from the quick start instead (a small indexed read)."""
        actor, status = self.env.actor, self.status_combo.currentData()
        QueryOp(self, self.env, query=lambda services: services.rehab.list_cases(actor, status=status),
                success=self._show_list, quick=lambda q: q.read(case_rows, actor, status)).failure(
                    self._show_error).superseding("list").run()

    def _show_list(self, rows: list[CaseRow]) -> None:
        self.error.setVisible(False)
        self.table.set_rows(rows)
        self.count_label.setText(self.tr("%n case(s)", "", len(rows)))
        self.first_shown = True
        wanted = self._select_after
        if wanted is not None and self.table.select_where(lambda c: c.id == wanted):
            self._select_after = None
        self._selection_changed()

    def _show_error(self, exc: Exception) -> None:  # shown on the page; the list keeps what it had
        self.error.setText(error_text(exc))
        self.error.setVisible(True)

    def current_case(self) -> CaseRow | None:
        return self.table.current()

    def _selection_changed(self) -> None:
        row = self.current_case()
        self.view.show_case(row.id if row is not None else None)

    # ---------------------------------------------------------------- editors

    def next_step(self) -> None:
        """Enter on a case opens the editor of its usual next step: a plan first, then sessions."""
        if self.view.plan_button.isEnabled() and not self.view.session_button.isEnabled():
            self.view.plan_button.click()
        elif self.view.session_button.isEnabled():
            self.view.session_button.click()

    def _open_case(self) -> None:
        from injury_desk.ui.rehab.case_dialogs import OpenCaseDialog  # loaded on the first click, not at start-up

        dialog = OpenCaseDialog(self.env, self)
        dialog.accepted.connect(lambda: self._select(dialog.result_value))
        self.dialog = dialog
        dialog.open()

    def _select(self, case_id: str | None) -> None:
        # A new case is open: selected when the list that has it arrives, even when the filter showed closed cases.
        if case_id and not self.table.select_where(lambda c: c.id == case_id):
            self._select_after = case_id
            if self.status_combo.currentData() == "closed":
                self.status_combo.setCurrentIndex(self.status_combo.findData("open"))
