"""A lazy table model over the claims list service: pages of rows fetched as the view scrolls."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QFont

from injury_desk.services.claim_rows import ClaimQuery, ClaimRow
from injury_desk.ui.env import UiEnv
from injury_desk.ui.messages import status_label
from injury_desk.ui.operations import QueryOp, show_failure

PAGE_SIZE = 200
COLUMNS = ("claim_no", "worker_name", "id_number", "employer_name", "accident_date", "status", "next_deadline")


class ClaimListModel(QAbstractTableModel):
    """Rows arrive a page at a time (canFetchMore/fetchMore), so a million claims cost one page of memory."""

    count_changed = Signal(int, bool)  # the number, and whether it is exact or only what is loaded so far
    loaded_query = Signal()  # the rows of the latest query arrived (a page selects a claim once it is there)

    def __init__(self, env: UiEnv, parent=None) -> None:
        super().__init__(parent)
        self.env = env
        self.query = ClaimQuery()
        self.rows: list[ClaimRow] = []
        self.exhausted = False
        # False while the first page shows a broad filter's matches in index order; the exactly
        # sorted page replaces it from the background.
        self.exact = True
        self.loaded = False  # no query has run yet
        self.today = env.today()
        self._count_generation = 0
        self._fetching = False  # a further page is on its way
        self._counted: int | None = None  # the exact count of the current query, once known
        # An exact count of a broad filter can scan the whole list; it runs once typing pauses.
        self.count_delay_ms = 300
        self._count_timer = QTimer(self)
        self._count_timer.setSingleShot(True)
        self._count_timer.timeout.connect(self._run_count)
        self._headers = (
            self.tr("Claim no."), self.tr("Worker"), self.tr("ID number"), self.tr("Employer"),
            self.tr("Accident date"), self.tr("Status"), self.tr("Next deadline"),
        )

    # ---------------------------------------------------------------- Qt model API

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        column = COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            value = getattr(row, column)
            if column == "status":
                return status_label(value)
            if isinstance(value, date):
                return value.isoformat()
            return "" if value is None else value
        if role == Qt.ItemDataRole.UserRole:
            return row.claim_id
        if column == "next_deadline" and row.next_deadline is not None and row.next_deadline < self.today:
            if role == Qt.ItemDataRole.ForegroundRole:
                return QBrush(QColor("#b00020"))
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setBold(True)
                return font
            if role == Qt.ItemDataRole.ToolTipRole:
                return self.tr("Overdue")
        return None

    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> bool:
        # nothing more before the first query ran (the view asks as soon as it is laid out, shown or not)
        return not parent.isValid() and self.loaded and not self.exhausted and self.exact

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> None:
        if not self.canFetchMore(parent) or self._fetching:
            return
        page = self._quick_page(self.query, len(self.rows))
        if page is not None:
            self._append(page)
            return
        generation, query, offset, actor = self._count_generation, self.query, len(self.rows), self.env.actor
        self._fetching = True

        def done(page: list[ClaimRow]) -> None:
            self._fetching = False
            if generation == self._count_generation and offset == len(self.rows):
                self._append(page)

        def failed(exc: Exception) -> None:
            self._fetching = False
            show_failure(self, exc)

        QueryOp(self, self.env, query=lambda services: services.claim_list.page(actor, query, offset, PAGE_SIZE),
                success=done).failure(failed).run()

    def _append(self, page: list[ClaimRow]) -> None:
        if len(page) < PAGE_SIZE:
            self.exhausted = True
        if page:
            self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows) + len(page) - 1)
            self.rows.extend(page)
            self.endInsertRows()
        if self._counted is None:  # the count beside the list grows with it until the exact one is known
            self.count_changed.emit(len(self.rows), self.exhausted)

    def _quick_page(self, query: ClaimQuery, offset: int) -> list[ClaimRow] | None:
        """While the window starts, before the full services are up, the unfiltered list comes from the
        quick start (the same read); None otherwise."""
        quick = self.env.quick
        if quick is None or query.text.strip():
            return None
        return quick.claims_page(self.env.actor, query, offset, PAGE_SIZE)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        query = ClaimQuery(self.query.text, COLUMNS[column], order == Qt.SortOrder.DescendingOrder)
        if query != self.query or not self.loaded:  # the view re-sorts when a header state is restored
            self.set_query(query)

    # ---------------------------------------------------------------- our API

    def set_filter(self, text: str) -> None:
        if text != self.query.text:
            self.set_query(ClaimQuery(text, self.query.sort, self.query.descending))

    def set_query(self, query: ClaimQuery) -> None:
        """Show the rows of ``query``: at once from the quick start while the window opens, otherwise when the
        read pool has them (the old rows stay until then; a newer query drops an older one's answer)."""
        self._count_generation += 1
        generation = self._count_generation
        self._fetching = False
        rows = self._quick_page(query, 0)
        if rows is not None:
            self._replace(query, rows, True)
            self._start_count()
            return
        env, actor = self.env, self.env.actor

        def first(services):
            return services.claim_list.first_page(actor, query, PAGE_SIZE)

        def shown(result) -> None:
            rows, exact = result
            if generation != self._count_generation:
                return
            self._replace(query, rows, exact)
            if not exact:
                QueryOp(self, env, query=lambda services: services.claim_list.page(
                    actor, query, 0, PAGE_SIZE, cancelled=lambda: generation != self._count_generation),
                    success=sorted_page).run()
            self._start_count()

        def sorted_page(page) -> None:
            # Stopped as soon as the user types on, so stale sorts never pile up.
            if page is not None and generation == self._count_generation:
                self._replace(query, page, True)
                self.loaded_query.emit()

        QueryOp(self, env, query=first, success=shown).run()

    def _replace(self, query: ClaimQuery, rows: list[ClaimRow], exact: bool) -> None:
        self.beginResetModel()
        self.query = query
        self.rows = list(rows)
        self.exact = exact
        self.exhausted = len(rows) < PAGE_SIZE
        self.loaded = True
        self.today = self.env.today()
        self.endResetModel()
        self.loaded_query.emit()

    def reload(self) -> None:
        self.set_query(self.query)

    def claim_id_at(self, row: int) -> str | None:
        return self.rows[row].claim_id if 0 <= row < len(self.rows) else None

    def row_of(self, claim_id: str) -> int | None:
        for i, r in enumerate(self.rows):
            if r.claim_id == claim_id:
                return i
        return None

    def _start_count(self) -> None:
        self._counted = len(self.rows) if self.exhausted else None
        if self.exhausted:
            self._count_timer.stop()
            self.count_changed.emit(len(self.rows), True)
            return
        # With the rows, at once: never the previous filter's number while the exact count runs.
        self.count_changed.emit(len(self.rows), False)
        self._count_timer.start(self.count_delay_ms)

    def _run_count(self) -> None:
        # Off the GUI thread; a result for a filter the user has since changed is dropped.
        generation = self._count_generation
        query = self.query
        actor = self.env.actor

        def count(services) -> int | None:
            if generation != self._count_generation:
                return None
            return services.claim_list.count(actor, query)

        def done(n: int | None) -> None:
            if n is not None and generation == self._count_generation:
                self._counted = n
                self.count_changed.emit(n, True)

        QueryOp(self, self.env, query=count, success=done).run()
