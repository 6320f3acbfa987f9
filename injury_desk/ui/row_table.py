"""Lists of plain rows: the table model and view every page's lists use, with their cell texts and labels."""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from datetime import date, datetime, timezone
from decimal import Decimal
from functools import cache
from typing import Any, NamedTuple

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QTableView

ERROR_COLOUR = "#b00020"
# What a wrapped line cannot break: a run of anything but spaces and CJK characters (those break anywhere).
_WORDS = re.compile(r"[^\s\u2e80-\u9fff\u3000-\u303f\uff00-\uffef]+")
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
TITLE_LINES = 2  # a wrapped list's column titles take this many lines, or one more where the pane is narrow
WORDS_WHOLE = 99  # as many lines as a title's words take, each whole
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
_FONT = int(Qt.ItemDataRole.FontRole)
_ANSWERED = frozenset((_DISPLAY, _TOOLTIP, _ALIGNMENT, _FOREGROUND, _FONT, int(SORT_ROLE)))
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


def as_utc(value: datetime) -> datetime:
    """Timestamps are stored in UTC; one that lost its zone on the way (an SQL aggregate) is UTC too."""
    return value if value.tzinfo is not None else value.replace(tzinfo=timezone.utc)


def display(value: Any) -> str:
    """How a plain value reads in a table cell."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "✔" if value else "✘"
    if isinstance(value, datetime):
        return as_utc(value).astimezone().strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return f"{value:,.2f}"
    return str(value)


def sort_key(value: Any) -> Any:
    # Mixed None and dates cannot be compared by the proxy; an empty string sorts them first.
    if value is None:
        return ""
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, Decimal):
        return float(value)
    return value


class Column(NamedTuple):
    """One column: its header, the value it shows, and optionally a different text for the value.

    A ``flexible`` column (long prose: a legal basis, a provider's name) gives up width so the list fits its
    window without scrolling sideways; its text is then cut with "…" and shown whole in the tooltip."""

    title: str
    value: Callable[[Any], Any]
    text: Callable[[Any], str] | None = None
    right: bool = False
    flexible: bool = False
    tooltip: Callable[[Any], str] | None = None  # more than the cell shows (by default, the cell's text)


class RowTableModel(QAbstractTableModel):
    """A read-only table over a list of plain dataclass rows (pillar lists are small: all rows in memory)."""

    def __init__(self, columns: Sequence[Column], parent=None) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self.rows: list[Any] = []
        # Rows that need attention (overdue, rejected) are marked in red *and* bold, not by colour alone.
        self.alert: Callable[[Any], bool] | None = None
        self.bold_column: int | None = None

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> Any:
        return self.rows[row]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role in (Qt.ItemDataRole.DisplayRole,
                                                                 Qt.ItemDataRole.ToolTipRole):
            return self.columns[section].title
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.TextAlignmentRole \
                and self.columns[section].flexible:
            # A flexible column may be narrower than its title: the title's start stays readable.
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = _DISPLAY):
        # Asked for the roles it never answers too (the size hint, a check state): those return before anything
        # else is looked at, and the roles are compared as plain ints.
        if role not in _ANSWERED or not index.isValid():
            return None
        return self.cell(index.row(), index.column(), role)

    def cell(self, row_number: int, column: int, role: int):
        """What cell (row_number, column) holds for ``role`` (one of _ANSWERED)."""
        row = self.rows[row_number]
        return self._value(row, column, role, role in (_FOREGROUND, _FONT) and self._needs_attention(row))

    def fill(self, row_number: int, column: int, span) -> None:
        """cell() for each role a view asks at once (a QModelRoleDataSpan), the row and whether it needs attention
        looked up once for all of them. Every role is set, the unanswered ones to nothing: a view may hand the same
        span from cell to cell (QStyledItemDelegate does), so a role left alone would keep the previous cell's
        value."""
        row = self.rows[row_number]
        alert = self._needs_attention(row)
        for wanted in span:
            role = wanted.role()
            value = self._value(row, column, role, alert) if role in _ANSWERED else None
            if value is None:
                wanted.clearData()
            else:
                wanted.setData(value)

    def _needs_attention(self, row: Any) -> bool:
        return self.alert is not None and bool(self.alert(row))

    def _value(self, row: Any, column: int, role: int, alert: bool):
        col = self.columns[column]
        if role == _DISPLAY:
            return col.text(row) if col.text else display(col.value(row))
        if role == SORT_ROLE:
            return sort_key(col.value(row))
        if role == _TOOLTIP:  # by default, the cell's text
            return col.tooltip(row) if col.tooltip is not None else self._value(row, column, _DISPLAY, alert)
        if role == _ALIGNMENT:
            return _RIGHT if col.right else None
        if not alert:
            return None
        if role == _FOREGROUND:
            return QBrush(QColor(ERROR_COLOUR))
        if column == self.bold_column:  # the font role
            font = QFont()
            font.setBold(True)
            return font
        return None


class _RowProxy(QSortFilterProxyModel):
    """The sorting and filtering proxy of a RowTable, answering a cell's roles in one call.

    A view measures and paints a cell with seven roles at once (QModelIndex.multiData); the plain proxy would ask
    the Python model once per role, which was most of a list's first layout."""

    wrap_titles = False  # a wrapped list's titles break into lines too (RowTable(wrap=True))

    def multiData(self, index: QModelIndex | QPersistentModelIndex, roleDataSpan) -> None:
        if index.isValid():
            source = self.mapToSource(index)
            self.sourceModel().fill(source.row(), source.column(), roleDataSpan)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        value = super().headerData(section, orientation, role)
        if self.wrap_titles and value is not None and role == Qt.ItemDataRole.TextAlignmentRole:
            return _wrapped_title(int(value))
        return value


def _wrapped_title(alignment: int) -> int:
    """A title's alignment made to wrap, from the top: a title cut at the header's last line shows its start."""
    vertical = int(Qt.AlignmentFlag.AlignVertical_Mask.value)
    return alignment & ~vertical | Qt.AlignmentFlag.AlignTop.value | Qt.TextFlag.TextWordWrap.value


@cache
def _text_margins() -> int:
    """What the style's cell size adds around a cell's text (QCommonStyle: the focus frame's margin plus one, each
    side): the size hint of an empty cell, asked of the delegate once. Reading the pixel metric itself would load
    QStyle's enums, which no list needs otherwise."""
    from PySide6.QtGui import QStandardItem, QStandardItemModel
    from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem

    probe = QStandardItemModel(1, 1)
    probe.setItem(0, 0, QStandardItem(""))
    return QStyledItemDelegate().sizeHint(QStyleOptionViewItem(), probe.index(0, 0)).width()


class RowTable(QTableView):
    """A sortable, row-selecting list over a RowTableModel, with the model reachable through ``current()``."""

    def __init__(self, model: RowTableModel, parent=None, *, wrap: bool = False) -> None:
        super().__init__(parent)
        self.source = model
        # wrap: the flexible columns break their text into lines (the rows grow) instead of cutting it with "…";
        # for the narrow panes (the claim's tabs), where a column may get only a few characters' width.
        self.wrap = wrap
        self.proxy = _RowProxy(self)
        self.proxy.setSourceModel(model)
        self.proxy.setSortRole(SORT_ROLE)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setFilterKeyColumn(-1)
        self.setModel(self.proxy)
        self.setSortingEnabled(True)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setTabKeyNavigation(False)  # Tab leaves the table for the buttons, arrows move inside it
        self.verticalHeader().setVisible(False)
        # A row list has no selected columns, but Qt calls every column selected when the list's one row is, and
        # draws their titles bold: wider than they were measured (a title cut as "Recordec").
        self.horizontalHeader().setHighlightSections(False)
        # With flexible columns those take up the slack (fit_flexible_columns), otherwise the last one does.
        self.horizontalHeader().setStretchLastSection(not any(c.flexible for c in model.columns))
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        # Column widths come from the first rows only, so a list of thousands sizes in milliseconds.
        self.horizontalHeader().setResizeContentsPrecision(50)
        self.setWordWrap(wrap)
        if wrap:  # a title breaks between its words too, rather than being cut (fit_header_height)
            self.proxy.wrap_titles = True
            header = self.horizontalHeader()
            header.setDefaultAlignment(Qt.AlignmentFlag(_wrapped_title(header.defaultAlignment().value)))
            header.sortIndicatorChanged.connect(lambda *_: self._sorted())
        self._wanted: dict[int, int] = {}  # flexible column → the width its contents asked for
        self._unbreakable: dict[int, int] = {}  # flexible column → its widest word (wrap: never cut below it)
        self._title_floors: dict[tuple[str, str, int], int] = {}  # (title, font, lines) → its text width
        self._viewport_width: int | None = None  # as of the viewport's last resize (resizeEvent)

    def set_rows(self, rows: Sequence[Any]) -> None:
        """Replace the rows, keeping the selected row (matched by ``id``) when it is still there."""
        keep = getattr(self.current(), "id", None)
        self.source.set_rows(rows)
        self.fit_to_contents()
        header = self.horizontalHeader()
        # What each flexible column asks for is what fit_to_contents just gave it (the larger of its contents'
        # and its header's width): read back rather than measured a second time.
        self._wanted = {i: header.sectionSize(i) for i in self._flexible()}
        if self.wrap:
            self._unbreakable = {i: self._widest_word(i) for i in self._flexible()}
        self.fit_flexible_columns()
        if keep is not None:
            self.select_where(lambda r: getattr(r, "id", None) == keep)

    def fit_to_contents(self) -> None:
        """Each column as wide as its header and its widest text among the first rows, as resizeColumnsToContents
        makes it, but measured from the texts alone: Qt asks the delegate for every cell's size hint (all its roles,
        then a text layout each), which was most of a list's first layout. A wrapped list keeps Qt's measure (its
        cells' height depends on their width)."""
        if self.wrap:
            self.resizeColumnsToContents()
            self._fit_fixed_columns()
            return
        from PySide6.QtGui import QFontMetricsF

        header = self.horizontalHeader()
        model = self.source
        proxy = self.proxy
        count = min(proxy.rowCount(), header.resizeContentsPrecision())
        order = [proxy.mapToSource(proxy.index(r, 0)).row() for r in range(count)]  # the first rows as sorted
        margin = _text_margins()
        grid = 1 if self.showGrid() else 0  # the grid line Qt adds to a column's size hint
        plain = QFontMetricsF(self.font())
        bold_font = QFont(self.font())
        bold_font.setBold(True)
        bold = QFontMetricsF(bold_font)
        bold_column = model.bold_column
        shown = [header.logicalIndex(v) for v in range(header.count())
                 if not header.isSectionHidden(header.logicalIndex(v))]
        for column in shown:
            # A stretched column takes what the others leave, however wide its texts (as with Qt's own measure).
            if (header.stretchLastSection() and column == shown[-1]
                    or header.sectionResizeMode(column) == QHeaderView.ResizeMode.Stretch):
                continue
            # What the delegate is given: the cell's text, and its font where the row is bold. A list repeats
            # most of its texts (a status, a kind, a name), so each distinct one is measured once.
            texts = {(column == bold_column and model.cell(row_number, column, _FONT) is not None,
                      model.cell(row_number, column, _DISPLAY)) for row_number in order}
            widest = max((metrics.horizontalAdvance(line) for is_bold, text in texts
                          for metrics in (bold if is_bold else plain,) for line in text.split("\n")), default=0.0)
            content = (math.ceil(widest) + margin + grid) if order else 0
            header.resizeSection(column, max(content, header.sectionSizeHint(column)))

    def _fit_fixed_columns(self) -> None:
        """A wrapped list's column of unbreakable values (an ID number, a share) is as wide as its widest value, its
        title wrapping above it, rather than as wide as the title on one line; a title that asks little more than
        the values keeps to one line."""
        header = self.horizontalHeader()
        flexible = set(self._flexible())
        for column in range(header.count()):
            if column not in flexible and not header.isSectionHidden(column):
                width = max(self.sizeHintForColumn(column), self._title_floor(column, TITLE_LINES))
                one_line = self._title_floor(column, 1)
                header.resizeSection(column, max(width, one_line) if one_line <= width * 6 // 5 else width)

    def _sorted(self) -> None:
        # Only the sorted column's title has the arrow beside it: the columns are fitted again when it moves.
        self._fit_fixed_columns()
        self.fit_flexible_columns()

    def _widest_word(self, column: int) -> int:
        """The width of the longest run a wrapped line cannot break (a date, a number, a Latin word; Chinese text
        breaks between any two characters), over the first rows, with the cell's margins."""
        from PySide6.QtWidgets import QStyle  # its dozen enums load only for a wrapped list (the claim's tabs)

        metrics = self.fontMetrics()
        widest = 0
        for r in range(min(self.proxy.rowCount(), 50)):
            text = self.proxy.index(r, column).data() or ""
            for word in _WORDS.findall(str(text)):
                widest = max(widest, metrics.horizontalAdvance(word))
        return widest + 2 * (self.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, self) + 1) + 2

    def _flexible(self) -> list[int]:
        header = self.horizontalHeader()
        return [i for i, c in enumerate(self.source.columns) if c.flexible and not header.isSectionHidden(i)]

    def fit_flexible_columns(self) -> None:
        """Size the flexible columns, in proportion to what their text wants, so that all columns together fill
        the visible width exactly: no sideways scrolling, no empty strip. The other columns keep their width."""
        flexible = self._flexible()
        wanted = self._wanted
        if not flexible or not wanted or self._viewport_width is None:
            return  # not laid out yet: the viewport's first resize fits them
        header = self.horizontalHeader()
        fixed = sum(header.sectionSize(i) for i in range(header.count())
                    if i not in flexible and not header.isSectionHidden(i))
        room = self._viewport_width - fixed
        # Never below the header's own width; when even that does not fit, down to a few characters (the
        # header is then cut with "…" and shows its title as a tooltip).
        unbreakable = {i: 0 for i in flexible}
        two = header.fontMetrics().horizontalAdvance("MM") + 8
        if self.wrap:
            # A wrapped list's titles wrap too: on two lines if the columns then fit, else on three, else with
            # their words whole on as many lines as that takes (the header shows three, from the top), else the
            # texts keep their words whole and the titles are cut (whole in their tooltips).
            for lines in (TITLE_LINES, TITLE_LINES + 1, WORDS_WHOLE, 0):
                unbreakable = {i: max(self._unbreakable.get(i, 0), self._title_floor(i, lines) if lines else 0)
                               for i in flexible}
                if sum(max(two, width) for width in unbreakable.values()) <= room:
                    break
        floors = {i: max(unbreakable[i], min(wanted.get(i, 0), header.sectionSizeHint(i))) for i in flexible}
        least = header.fontMetrics().horizontalAdvance("M") * 5
        if sum(floors.values()) > room:
            floors = {i: max(least, unbreakable[i]) for i in flexible}
        if self.wrap and sum(floors.values()) > room:
            # Wrapped text stays whole in a narrower column: down to its widest word (two characters for Chinese
            # text), and only when even that does not fit, an even share with the rest cut.
            floors = {i: max(two, unbreakable[i]) for i in flexible}
            if sum(floors.values()) > room:
                floors = {i: max(two, room // len(flexible)) for i in flexible}
        want = {i: max(wanted.get(i, 0), floors[i]) for i in flexible}
        if room >= sum(want.values()):  # room to spare: each grows in proportion to what it wants
            base, spare, weight = want, room - sum(want.values()), want
        else:  # too little: each keeps its floor and shares what is left by how much more it wants
            base, spare = floors, max(0, room - sum(floors.values()))
            weight = {i: want[i] - floors[i] for i in flexible}
        total = sum(weight.values()) or 1
        left = spare
        for n, i in enumerate(flexible):
            extra = left if n == len(flexible) - 1 else spare * weight[i] // total
            header.resizeSection(i, base[i] + extra)
            left -= extra
        if self.wrap:
            self.fit_header_height()
            self.resizeRowsToContents()

    def _title(self, column: int) -> str:
        return str(self.model().headerData(column, Qt.Orientation.Horizontal) or "")

    def _title_room(self, column: int) -> int:
        """What the header takes of a section beside its title's text: a margin each side and, in the sorted
        column, the arrow's place (QCommonStyle's SE_HeaderLabel), and a pixel each side for rounding. A title's
        text that would fit only without them would be cut, at its start in a centred title."""
        from PySide6.QtWidgets import QStyle

        header = self.horizontalHeader()
        margin = header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
        # The arrow's place is half the header's height, which the titles decide: that of the tallest header.
        tallest = (TITLE_LINES + 1) * header.fontMetrics().lineSpacing() + 2 * margin
        arrow = tallest // 2 + margin if header.sortIndicatorSection() == column else 0
        return 2 * margin + arrow + 2

    def _title_lines(self, column: int, width: int) -> int:
        from PySide6.QtCore import QRect

        metrics = self.horizontalHeader().fontMetrics()
        box = metrics.boundingRect(QRect(0, 0, max(1, width), 10_000), Qt.TextFlag.TextWordWrap.value,
                                   self._title(column))
        return max(1, round(box.height() / metrics.lineSpacing()))

    def _title_floor(self, column: int, lines: int) -> int:
        """The narrowest the column may be with its title on at most ``lines`` lines (in Chinese a title breaks
        between any two characters, so its widest word alone would stack it one character a line)."""
        title = self._title(column)
        key = (title, self.horizontalHeader().font().key(), lines)
        if key not in self._title_floors:
            metrics = self.horizontalHeader().fontMetrics()
            low = max((metrics.horizontalAdvance(w) for w in _WORDS.findall(title)), default=1)
            high = max(low, metrics.horizontalAdvance(title))
            while low < high:  # the narrowest text width that keeps the title within ``lines`` lines
                middle = (low + high) // 2
                if self._title_lines(column, middle) <= lines:
                    high = middle
                else:
                    low = middle + 1
            self._title_floors[key] = high
        return self._title_floors[key] + self._title_room(column)

    def fit_header_height(self) -> None:
        """The header as tall as its most wrapped title at the columns' widths (QTableView asks the header's
        minimum height; its size hint is one line)."""
        header = self.horizontalHeader()
        lines = max((self._title_lines(i, header.sectionSize(i) - self._title_room(i)) for i in range(header.count())
                     if not header.isSectionHidden(i)), default=1)
        # A column squeezed below its floor shows what fits of its title (whole in its tooltip).
        lines = min(lines, TITLE_LINES + 1)
        extra = (lines - 1) * header.fontMetrics().lineSpacing()
        header.setMinimumHeight(header.sizeHint().height() + extra if extra else 0)

    def resizeEvent(self, event) -> None:
        # A scroll area's resize events are its viewport's (QAbstractScrollArea): a scroll bar coming or going
        # sends one too. The width is kept from here rather than asked of viewport(): handing Python a widget it did
        # not make costs, the first time, a search through every widget class PySide6 knows (10 ms of start-up).
        super().resizeEvent(event)
        self._viewport_width = event.size().width()
        self.fit_flexible_columns()

    def current(self) -> Any:
        index = self.currentIndex()
        if not index.isValid() or not self.selectionModel().isRowSelected(index.row(), QModelIndex()):
            return None
        return self.source.row_at(self.proxy.mapToSource(index).row())

    def row_for(self, index: QModelIndex) -> Any:
        return self.source.row_at(self.proxy.mapToSource(index).row())

    def select_where(self, predicate: Callable[[Any], bool]) -> bool:
        for r in range(self.proxy.rowCount()):
            index = self.proxy.index(r, 0)
            if predicate(self.row_for(index)):
                self.setCurrentIndex(index)
                self.selectRow(r)
                self.scrollTo(index)
                return True
        return False


def error_label() -> QLabel:
    label = QLabel()
    label.setStyleSheet(f"color: {ERROR_COLOUR};")
    label.setWordWrap(True)
    label.setVisible(False)
    return label


def section_label(text: str) -> QLabel:
    label = QLabel(text)
    # A long heading wraps in a narrow window instead of making the window's least width its own length; in a row
    # with other widgets it must take the row's slack (stretch 1), or the row squeezes it onto two lines.
    label.setWordWrap(True)
    font = label.font()
    font.setBold(True)
    label.setFont(font)
    return label
