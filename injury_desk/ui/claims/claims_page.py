"""Compensation → Claims: instant filter, the lazy list, the detail view and the lifecycle actions."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from injury_desk.placeholders import arg
from injury_desk.ui.claims.list_model import COLUMNS, ClaimListModel
from injury_desk.ui.env import UiEnv
from injury_desk.ui.permissions import permit
from injury_desk.ui.operations import Changes, CollectionOp, QueryOp, show_failure

FILTER_DELAY_MS = 60  # coalesces fast typing; each query itself is a few milliseconds
FIT_ROWS = 60  # rows measured when the columns are fitted: two screens of the list


# The columns' default order on screen (the model's own order, COLUMNS, stays: sorting and the settings use it).
VISUAL_ORDER = ("claim_no", "worker_name", "status", "next_deadline", "accident_date", "employer_name", "id_number")


class ClaimsPage(QWidget):
    def __init__(self, env: UiEnv, parent=None) -> None:
        super().__init__(parent)
        self.env = env
        self.filter = QLineEdit()
        self.filter.setObjectName("claims_filter")
        self.filter.setClearButtonEnabled(True)
        self.filter.setPlaceholderText(self.tr("Filter by claim number, worker name, ID number or employer"))
        self.count_label = QLabel()
        self.count_label.setObjectName("claims_count")
        self.new_button = QPushButton(self.tr("&New claim…"))
        self.new_button.setObjectName("new_claim_button")
        self.new_button.clicked.connect(self.new_claim)
        permit(self.new_button, env.actor, "claim.create")
        top = QHBoxLayout()
        filter_label = QLabel(self.tr("&Filter:"))
        filter_label.setBuddy(self.filter)
        top.addWidget(filter_label)
        top.addWidget(self.filter, 1)
        top.addWidget(self.count_label)
        top.addWidget(self.new_button)

        # The detail view (with its dialogs and print menu) needs the claim services: at start-up it takes
        # its place once they are up, just after the window is first painted (_add_detail).
        self.detail = None
        self._wanted: str | None = None  # the claim to select once the list's rows are there
        self._search_number = False  # and, if it is not among them, to look for by its number (once)
        self.model = ClaimListModel(env, self)
        self.model.count_changed.connect(self._show_count)
        self.model.loaded_query.connect(self._select_wanted)
        self.table = QTableView()
        self.table.setObjectName("claims_table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        # The indicator only: sorting is enabled when the page is first shown, which reads the list once, in the
        # default order or the user's restored one.
        self.table.horizontalHeader().setSortIndicator(COLUMNS.index("accident_date"), Qt.SortOrder.DescendingOrder)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(24)
        header = self.table.horizontalHeader()
        # Every column keeps its width when the detail pane moves (a stretched column shrank to "福州远航…");
        # the list scrolls sideways instead. Widths fit the header and the first rows, in either language.
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        header.setMinimumSectionSize(60)
        # What a caseworker scans the list for comes first: with a claim open at 1366×768 the list keeps about
        # 660 px, enough for the claim, the worker, the status, the next deadline and the accident date; the ID
        # number and the employer (both in the detail pane too) scroll sideways. Users may reorder the columns
        # (saved with their widths).
        for visual, column in enumerate(VISUAL_ORDER):
            header.moveSection(header.visualIndex(COLUMNS.index(column)), visual)
        header.setSectionsMovable(True)
        self._header_restored = False
        self._fit_columns()
        self.model.modelReset.connect(self._fit_columns_once)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.table.activated.connect(lambda _i: self.detail is not None and self.detail.step_button.setFocus())

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("claims_splitter")
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(QWidget())
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        # The split follows the page's size until the user moves it or their own split is restored.
        self._auto_split = True
        self.splitter.splitterMoved.connect(self._stop_auto_split)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.splitter, 1)
        self.setFocusProxy(self.filter)

        self._filter_timer = QTimer(self)
        self._filter_timer.setSingleShot(True)
        self._filter_timer.setInterval(FILTER_DELAY_MS)
        self._filter_timer.timeout.connect(lambda: self.model.set_filter(self.filter.text()))
        self.filter.textChanged.connect(lambda _t: self._filter_timer.start())
        self.filter.returnPressed.connect(self._focus_table)
        env.bus.changed.connect(self._on_changed)
        # The rows are read when the page is first shown: a window reopening on another page does not pay for
        # reading and measuring a list it does not show.
        self._first_load_pending = True
        env.when_services(self._add_detail)

    def showEvent(self, event) -> None:
        if self._first_load_pending:
            self._load_first()
        super().showEvent(event)

    def _load_first(self) -> None:
        self._first_load_pending = False
        self.table.setSortingEnabled(True)  # sorts by the indicator: the first read
        if not self.model.loaded:
            self.model.reload()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)  # the layout has already given the splitter its new width
        if self._auto_split:
            self._size_panes()

    def _stop_auto_split(self, *_args) -> None:
        self._auto_split = False

    def _size_panes(self) -> None:
        """The list as wide as its columns, the detail pane the rest but never under two fifths: its
        deadline table needs the room in Chinese."""
        total = self.splitter.width()
        columns = sum(self.table.columnWidth(i) for i in range(self.model.columnCount()))
        list_width = columns + self.table.verticalScrollBar().sizeHint().width() + 2 * self.table.frameWidth()
        list_width = min(list_width, total * 3 // 5)
        self.splitter.setSizes([list_width, total - list_width])

    def _fit_columns(self) -> None:
        """Each column as wide as its header and its widest value among the first rows (the employer at most
        260 px)."""
        # Qt measures the first 1,000 rows by default: every loaded row, each column, at start-up; the first
        # screens' worth gives the same widths for this list's fixed-format columns at a fraction of the cost.
        self.table.horizontalHeader().setResizeContentsPrecision(FIT_ROWS)
        self.table.resizeColumnsToContents()
        employer = COLUMNS.index("employer_name")
        self.table.setColumnWidth(employer, min(self.table.columnWidth(employer), 260))

    def _fit_columns_once(self) -> None:
        # after the first rows arrive, unless the user's own widths were restored
        if not self._header_restored and self.model.rowCount():
            self._header_restored = True
            self._fit_columns()
            if self._auto_split:  # the list as wide as its fitted columns allow
                self._size_panes()

    def _add_detail(self) -> None:
        from injury_desk.ui.claims.detail_view import ClaimDetailView
        from injury_desk.ui.print_menu import print_actions

        detail = ClaimDetailView(env=self.env)
        detail.print_button.setMenu(print_actions(self.env, self, self.current_claim_id))
        detail.step_requested.connect(self.do_step)
        detail.advance_requested.connect(self.advance)
        sizes = self.splitter.sizes()
        self.splitter.replaceWidget(1, detail).deleteLater()
        self.splitter.setSizes(sizes)  # the list keeps its width: nothing moves
        self.detail = detail

    def refresh(self) -> None:
        current = self.current_claim_id()
        if current:
            self._wanted = current  # kept selected once the reloaded rows are there
        self._search_number = False
        if self._first_load_pending:
            return  # never shown yet: read when it is
        self.model.reload()

    def _on_changed(self, changes: Changes) -> None:
        if changes.touches("claims", "employers"):
            self.refresh()

    def _focus_table(self) -> None:
        self._filter_timer.stop()
        self.model.set_filter(self.filter.text())
        self.table.setFocus()
        if self.model.rowCount() and not self.table.currentIndex().isValid():
            self.table.setCurrentIndex(self.model.index(0, 0))

    def _show_count(self, n: int, exact: bool = True) -> None:
        if exact:
            self.count_label.setText(self.tr("%n claim(s)", "", n))
        else:
            self.count_label.setText(self.tr("at least %n claim(s), counting…", "", n))

    def current_claim_id(self) -> str | None:
        index = self.table.currentIndex()
        return self.model.claim_id_at(index.row()) if index.isValid() else None

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid() and self._wanted is not None:
            return  # the list is being reloaded and the claim is selected again in a moment
        claim_id = self.model.claim_id_at(current.row()) if current.isValid() else None
        self.show_detail(claim_id)

    def show_detail(self, claim_id: str | None) -> None:
        if self.detail is None and claim_id is None:
            return  # nothing shown yet
        if self.detail is None:  # the user is quicker than the start-up: shown once the services are up
            self.env.when_services(lambda: self.show_detail(claim_id), owner=self)
            # Asking for the services opens them, off the GUI thread, if the start-up has not begun to yet.
            QueryOp(self, self.env, query=lambda services: None).run()
            return
        if claim_id is None:
            self.detail.show_claim(None)
            QueryOp(self, self.env, query=lambda services: None).superseding("detail").run()  # drops a pending read
            return
        actor = self.env.actor

        def failed(exc: Exception) -> None:
            self.detail.show_claim(None)
            show_failure(self, exc)

        QueryOp(self, self.env, query=lambda services: services.claims.get(actor, claim_id),
                success=self.detail.show_claim).failure(failed).superseding("detail").run()

    def select_claim(self, claim_id: str) -> None:
        """Select the claim in the list and show it: at once when its row is loaded, otherwise once the list
        has been cleared of its filter, or filtered to the claim's number (read off the GUI thread)."""
        self._wanted = claim_id
        self._search_number = True
        if not self._select_loaded():
            self.filter.setText("")
            self._filter_timer.stop()
            if self._first_load_pending:
                self._load_first()
            elif self.model.query.text or not self.model.loaded:
                self.model.set_filter("")
            else:
                self._select_wanted()

    def _select_loaded(self) -> bool:
        claim_id = self._wanted
        row = self.model.row_of(claim_id) if claim_id else None
        if row is None:
            return False
        self._wanted = None
        self.table.scrollTo(self._select_row(row))
        self.show_detail(claim_id)
        return True

    def _select_row(self, row: int) -> QModelIndex:
        index = self.model.index(row, 0)
        self.table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        return index

    def _follow_list(self) -> None:
        """After a new filter's rows arrive: the claim on the detail pane stays selected when the list still
        holds it, and leaves the pane when it does not. A model reset clears the selection without a signal, so
        the pane kept a claim no row was selected for, its Next step button acting on it."""
        shown = self.detail.claim if self.detail is not None else None
        if shown is None or self.table.currentIndex().isValid():
            return
        row = self.model.row_of(shown.id)
        if row is None:
            self.show_detail(None)
        else:
            self._select_row(row)

    def _select_wanted(self) -> None:
        """The list has new rows: select the wanted claim if it is among them, else look for it by number."""
        claim_id = self._wanted
        if claim_id is None:
            self._follow_list()
            return
        if self._select_loaded() or not self._search_number:
            return
        self._search_number = False  # once: a claim that is not found by its number is not in the list
        actor = self.env.actor

        def filter_to(number: str) -> None:
            if self._wanted == claim_id:
                self.filter.setText(number)
                self._filter_timer.stop()
                self.model.set_filter(number)

        QueryOp(self, self.env, query=lambda services: services.claims.get(actor, claim_id).claim_no,
                success=filter_to).failure(lambda _exc: None).run()  # gone or not of this office: nothing selected

    def new_claim(self, prefill: dict | None = None) -> str | None:
        from injury_desk.ui.claims.wizard import NewClaimWizard

        wizard = NewClaimWizard(self.env, self, prefill=prefill if isinstance(prefill, dict) else None)
        if wizard.exec() and wizard.saved_claim_id:
            self.select_claim(wizard.saved_claim_id)
            return wizard.saved_claim_id
        return None

    def do_step(self, step: str) -> None:
        claim = self.detail.claim
        if claim is None:
            return
        from injury_desk.ui.claims.assessment_dialog import AssessmentDialog
        from injury_desk.ui.claims.step_dialog import build_step_dialog

        if step in ("assessment", "next.propose_assessment", "next.approve_assessment", "next.record_payments"):
            dialog = AssessmentDialog(self.env, claim.id, self)
            dialog.exec()
            self.env.bus.changed.emit(Changes(claims=True))
            return
        if step == "extend_appraisal":
            actor = self.env.actor
            CollectionOp(self, self.env, op=lambda services: services.claims.extend_appraisal(actor, claim.id),
                         changes=Changes(claims=True)).run()
            return
        dialog = build_step_dialog(self.env, claim, step, self)
        if dialog is not None:
            dialog.exec()

    def advance(self, target: str) -> None:
        claim = self.detail.claim
        if claim is None:
            return
        if target == "closed":  # irreversible: asked first; the service refuses while anything is outstanding
            answer = QMessageBox.question(
                self, self.tr("Close claim"),
                arg(self.tr("Close claim %1 for good? A closed claim cannot be reopened, and it leaves the "
                            "lists of open work."), claim.claim_no),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel)
            if answer != QMessageBox.StandardButton.Yes:
                return
        actor = self.env.actor
        CollectionOp(self, self.env, op=lambda services: services.claims.advance(actor, claim.id, target),
                     changes=Changes(claims=True, payments=True, tasks=True)).run()

    def save_state(self) -> None:
        self.env.settings.setValue("claims/splitter", self.splitter.saveState())
        self.env.settings.setValue("claims/header", self.table.horizontalHeader().saveState())

    def restore_state(self) -> None:
        splitter = self.env.settings.value("claims/splitter")
        if splitter is not None:
            self.splitter.restoreState(splitter)
            self._auto_split = False
        header = self.env.settings.value("claims/header")
        if header is not None:
            self.table.horizontalHeader().restoreState(header)
            self._header_restored = True
