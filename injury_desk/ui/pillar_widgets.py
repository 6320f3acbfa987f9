"""Building blocks shared by the pillar pages: a table model over plain rows, a list view, a form dialog."""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timezone
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QDate, QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QStyle,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from injury_desk.domain.errors import FieldError, ValidationFailed
from injury_desk.domain.money import MAX_AMOUNT, AmountError, parse_amount
from injury_desk.ui.messages import error_text, field_label, labelled, rule_text
from injury_desk.ui.permissions import permit
from injury_desk.ui.operations import Changes, CollectionOp, QueryOp

ERROR_COLOUR = "#b00020"
# What a wrapped line cannot break: a run of anything but spaces and CJK characters (those break anywhere).
_WORDS = re.compile(r"[^\s\u2e80-\u9fff\u3000-\u303f\uff00-\uffef]+")
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
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


@dataclass(frozen=True)
class Column:
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
        # Asked for every role of every cell it measures or paints (eight per cell): the roles it never answers
        # return before anything else is looked at, and the roles are compared as plain ints.
        if role not in _ANSWERED or not index.isValid():
            return None
        row = self.rows[index.row()]
        if role == _DISPLAY:
            col = self.columns[index.column()]
            return col.text(row) if col.text else display(col.value(row))
        if role == SORT_ROLE:
            return sort_key(self.columns[index.column()].value(row))
        if role == _TOOLTIP:
            col = self.columns[index.column()]
            if col.tooltip is not None:
                return col.tooltip(row)
            return col.text(row) if col.text else display(col.value(row))
        if role == _ALIGNMENT:
            return _RIGHT if self.columns[index.column()].right else None
        if self.alert is None or not self.alert(row):
            return None
        if role == _FOREGROUND:
            return QBrush(QColor(ERROR_COLOUR))
        if index.column() == self.bold_column:  # the font role
            font = QFont()
            font.setBold(True)
            return font
        return None


class RowTable(QTableView):
    """A sortable, row-selecting list over a RowTableModel, with the model reachable through ``current()``."""

    def __init__(self, model: RowTableModel, parent=None, *, wrap: bool = False) -> None:
        super().__init__(parent)
        self.source = model
        # wrap: the flexible columns break their text into lines (the rows grow) instead of cutting it with "…";
        # for the narrow panes (the claim's tabs), where a column may get only a few characters' width.
        self.wrap = wrap
        self.proxy = QSortFilterProxyModel(self)
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
        # With flexible columns those take up the slack (fit_flexible_columns), otherwise the last one does.
        self.horizontalHeader().setStretchLastSection(not any(c.flexible for c in model.columns))
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        # Column widths come from the first rows only, so a list of thousands sizes in milliseconds.
        self.horizontalHeader().setResizeContentsPrecision(50)
        self.setWordWrap(wrap)
        self._wanted: dict[int, int] = {}  # flexible column → the width its contents asked for
        self._unbreakable: dict[int, int] = {}  # flexible column → its widest word (wrap: never cut below it)

    def set_rows(self, rows: Sequence[Any]) -> None:
        """Replace the rows, keeping the selected row (matched by ``id``) when it is still there."""
        keep = getattr(self.current(), "id", None)
        self.source.set_rows(rows)
        self.resizeColumnsToContents()
        header = self.horizontalHeader()
        # What each flexible column asks for is what resizeColumnsToContents just gave it (the larger of its
        # contents' and its header's width): read back rather than measured a second time.
        self._wanted = {i: header.sectionSize(i) for i in self._flexible()}
        if self.wrap:
            self._unbreakable = {i: self._widest_word(i) for i in self._flexible()}
        self.fit_flexible_columns()
        if keep is not None:
            self.select_where(lambda r: getattr(r, "id", None) == keep)

    def _widest_word(self, column: int) -> int:
        """The width of the longest run a wrapped line cannot break (a date, a number, a Latin word; Chinese text
        breaks between any two characters), over the first rows, with the cell's margins."""
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
        if not flexible or not wanted:
            return
        header = self.horizontalHeader()
        fixed = sum(header.sectionSize(i) for i in range(header.count())
                    if i not in flexible and not header.isSectionHidden(i))
        room = self.viewport().width() - fixed
        # Never below the header's own width; when even that does not fit, down to a few characters (the
        # header is then cut with "…" and shows its title as a tooltip).
        unbreakable = {i: self._unbreakable.get(i, 0) if self.wrap else 0 for i in flexible}
        floors = {i: max(unbreakable[i], min(wanted.get(i, 0), header.sectionSizeHint(i))) for i in flexible}
        least = header.fontMetrics().horizontalAdvance("M") * 5
        if sum(floors.values()) > room:
            floors = {i: max(least, unbreakable[i]) for i in flexible}
        if self.wrap and sum(floors.values()) > room:
            # Wrapped text stays whole in a narrower column: down to its widest word (two characters for Chinese
            # text), and only when even that does not fit, an even share with the rest cut.
            two = header.fontMetrics().horizontalAdvance("MM") + 8
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
            self.resizeRowsToContents()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
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


def date_edit(value: date | None = None) -> QDateEdit:
    edit = QDateEdit()
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    d = value or date.today()
    edit.setDate(QDate(d.year, d.month, d.day))
    return edit


@dataclass(frozen=True)
class _Sent:
    """What OK sent to save(), read on the GUI thread at the click: each field as ``value()`` reads it, and the
    form's ``values()`` (shaped by the editor)."""

    fields: dict[str, Any]
    values: dict[str, Any]


class FormDialog(QDialog):
    """A dialog of labelled fields, each with a red rule line under it; OK stays disabled while a rule is broken.

    Subclasses add fields with ``add_field``, implement ``check()`` (the live rules) and ``save()`` (the
    service call run off the GUI thread), and may override ``shape()`` (what ``values()`` sends) and ``read()``
    (a widget kind of their own). Rules show only for fields the user has touched, so an empty new form is not a
    wall of red; OK still counts every rule.
    """

    changes = Changes()  # what a successful save announces on the bus

    def __init_subclass__(cls, **kwargs) -> None:
        super().__init_subclass__(**kwargs)
        if "bus_topic" in cls.__dict__:  # a string topic would be ignored without a word: refuse it at import
            raise TypeError(f"{cls.__name__}: bus_topic was replaced by changes = Changes(...) (ui/operations.py)")

    def __init__(self, env, title: str, parent=None) -> None:
        super().__init__(parent)
        self.env = env
        self._gui_thread = threading.get_ident()
        self._sent: _Sent | None = None  # while a save runs: what OK sent to it
        self.setWindowTitle(title)
        self.setModal(True)
        self.fields: dict[str, tuple[QWidget, QLabel]] = {}
        self.touched: set[str] = set()
        self.saving = False
        self.result_value: Any = None
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.banner = error_label()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self._ok)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.banner)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(480)

    @property
    def ok_button(self):
        return self.buttons.button(QDialogButtonBox.StandardButton.Ok)

    # ---------------------------------------------------------------- fields

    def add_field(self, key: str, label: str, widget: QWidget) -> QWidget:
        holder = QWidget()
        box = QVBoxLayout(holder)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(2)
        box.addWidget(widget)
        err = error_label()
        err.setObjectName(f"error_{key}")
        box.addWidget(err)
        self.form.addRow(label, holder)
        self.form.labelForField(holder).setBuddy(widget)
        self.fields[key] = (widget, err)
        self._watch(key, widget)
        return widget

    def _watch(self, key: str, widget: QWidget) -> None:
        def changed(*_args, k=key):
            self.touched.add(k)
            self.revalidate()

        if isinstance(widget, QLineEdit):
            widget.textChanged.connect(changed)
        elif isinstance(widget, QPlainTextEdit):
            widget.textChanged.connect(changed)
        elif isinstance(widget, QComboBox):
            widget.currentIndexChanged.connect(changed)
        elif isinstance(widget, QDateEdit):
            widget.dateChanged.connect(changed)
        elif isinstance(widget, QSpinBox):
            widget.valueChanged.connect(changed)
        elif isinstance(widget, QCheckBox):
            widget.toggled.connect(changed)

    def _sent_here(self) -> _Sent | None:
        """The snapshot, when asked from the writer thread during a save; None on the GUI thread."""
        # save() runs on the writer thread: it gets the values as they were when OK was pressed, never a
        # widget (widgets belong to the GUI thread, and the user may type on, or close the dialog, meanwhile).
        # On the GUI thread a value is the widget's, as ever.
        sent = self._sent
        return sent if sent is not None and threading.get_ident() != self._gui_thread else None

    def value(self, key: str) -> Any:
        sent = self._sent_here()
        return sent.fields[key] if sent is not None else self.read(key)

    def read(self, key: str) -> Any:
        """The field's value from its widget (GUI thread only); override for a widget kind of your own."""
        widget = self.fields[key][0]
        if isinstance(widget, QLineEdit):
            return widget.text()
        if isinstance(widget, QPlainTextEdit):
            return widget.toPlainText()
        if isinstance(widget, QComboBox):
            return widget.currentData()
        if isinstance(widget, QDateEdit):
            return widget.date().toString(Qt.DateFormat.ISODate)
        if isinstance(widget, QSpinBox):
            return widget.value()
        if isinstance(widget, QCheckBox):
            return widget.isChecked()
        raise TypeError(type(widget))

    def values(self) -> dict[str, Any]:
        """What save() sends to its service: every field, as ``shape()`` leaves them."""
        sent = self._sent_here()
        if sent is not None:
            return dict(sent.values)
        return self.shape({k: self.value(k) for k in self.fields})

    def shape(self, values: dict[str, Any]) -> dict[str, Any]:
        """Override: drop or reword the fields that do not apply (read on the GUI thread, widgets allowed)."""
        return values

    def required_errors(self, *keys: str) -> list[FieldError]:
        return [FieldError(k, "field.required") for k in keys if self.value(k) in (None, "")]

    # ---------------------------------------------------------------- rules

    def check(self) -> list[FieldError]:
        """The rules that can be checked while typing; override."""
        return []

    def show_errors(self, errors: list[FieldError], *, all_fields: bool = False) -> None:
        by_field: dict[str, list[str]] = {}
        stray: list[str] = []
        for e in errors:
            key = e.field.rsplit(".", 1)[-1]
            text = rule_text(e.rule, e.params)
            if key in self.fields:
                by_field.setdefault(key, []).append(text)
            else:
                stray.append(labelled(field_label(e.field), text))
        for key, (_widget, label) in self.fields.items():
            texts = by_field.get(key, [])
            visible = bool(texts) and (all_fields or key in self.touched)
            label.setText("\n".join(texts) if visible else "")
            label.setVisible(visible)
        if stray and all_fields:
            self.set_banner("\n".join(stray))

    def set_banner(self, text: str) -> None:
        self.banner.setText(text)
        self.banner.setVisible(bool(text))

    def revalidate(self) -> list[FieldError]:
        errors = self.check()
        self.show_errors(errors)
        if not self.saving:
            self.set_banner("")
        self.ok_button.setEnabled(not errors and not self.saving)
        return errors

    # ---------------------------------------------------------------- saving

    def save(self) -> Any:
        """Runs on the writer thread: call the service and return what it returned (each editor defines it)."""
        raise TypeError(f"{type(self).__name__} must define save()")

    def _ok(self) -> None:
        errors = self.check()
        if errors:
            self.show_errors(errors, all_fields=True)
            self.ok_button.setEnabled(False)
            return
        self.saving = True
        self.ok_button.setEnabled(False)
        # save() is each editor's call of its service; the op runs it on the writer thread and announces
        # self.changes once it succeeded (also if the dialog was closed meanwhile). The fields are read here,
        # on the GUI thread: while the save runs, value() and values() answer there with what they held now.
        self._sent = _Sent({k: self.value(k) for k in self.fields}, self.values())
        CollectionOp(self, self.env, op=lambda _services: self.save(), changes=self.changes,
                     success=self._saved).failure(self._failed).run()

    def _saved(self, result: Any) -> None:
        self._sent = None
        self.saving = False
        self.result_value = result
        self.accept()

    def _failed(self, exc: Exception) -> None:
        self._sent = None
        self.saving = False
        if isinstance(exc, ValidationFailed):
            self.touched.update(self.fields)
            self.show_errors(exc.errors, all_fields=True)
            shown = {e.field.rsplit(".", 1)[-1] for e in exc.errors} & set(self.fields)
            if len(shown) < len(exc.errors):
                self.set_banner(error_text(exc))
        else:
            self.set_banner(error_text(exc))
        self.ok_button.setEnabled(True)


def section_label(text: str) -> QLabel:
    label = QLabel(text)
    # A long heading wraps in a narrow window instead of making the window's least width its own length.
    label.setWordWrap(True)
    font = label.font()
    font.setBold(True)
    label.setFont(font)
    return label


class AddListPage(QWidget):
    """A page with one list and one "add" editor, its rows read off the GUI thread; subclasses give
    ``rows_query()`` (a function of the services, with the filters it needs taken from the widgets on the GUI
    thread), the count line and the dialog. Only the answer to the latest read is shown, the list keeps what
    it showed until then, and a row just saved in the editor is selected once the list that has it arrives."""

    refresh_on: tuple[str, ...] = ("prevention", "employers")  # Changes flags that make the list refresh
    _select_after: str | None = None  # a row just saved, selected when the list has it
    _opening = False  # an editor's record is being read

    def setup_list(self, env, top: QHBoxLayout, model: RowTableModel, add_button: QPushButton,
                   sort_column: int = 0) -> None:
        self.env = env
        self.dialog = None
        self.model = model
        self.add_button = add_button
        self.table = RowTable(model)
        self.table.sortByColumn(sort_column, Qt.SortOrder.DescendingOrder)
        self.count_label = QLabel()
        self.error = error_label()
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.error)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count_label)
        self.setTabOrder(add_button, self.table)
        add_button.clicked.connect(self.add)
        permit(add_button, env.actor, "prevention.edit")
        env.bus.changed.connect(self._on_changed)
        self.refresh()

    def rows_query(self) -> Callable[[Any], list[Any]]:
        raise TypeError(f"{type(self).__name__} must define rows_query()")

    def rows_shown(self) -> None:
        """After the rows changed: subclasses update what depends on the selection."""

    def count_text(self, count: int) -> str:
        raise TypeError(f"{type(self).__name__} must define count_text()")

    def make_dialog(self) -> QDialog:
        raise TypeError(f"{type(self).__name__} must define make_dialog()")

    def refresh(self) -> None:
        QueryOp(self, self.env, query=self.rows_query(), success=self.show_rows,
                ).failure(self.show_error).superseding("rows").run()

    def show_rows(self, rows: Sequence[Any]) -> None:
        self.error.setVisible(False)
        self.table.set_rows(rows)
        self.count_label.setText(self.count_text(len(rows)))
        wanted = self._select_after
        if wanted is not None and self.table.select_where(lambda r: r.id == wanted):
            self._select_after = None
        self.rows_shown()

    def show_error(self, exc: Exception) -> None:  # shown on the page; the list keeps what it had
        self.error.setText(error_text(exc))
        self.error.setVisible(True)

    def _on_changed(self, changes: Changes) -> None:
        if changes.touches(*self.refresh_on):
            self.refresh()

    def add(self) -> None:
        dialog = self.make_dialog()
        self.dialog = dialog
        dialog.accepted.connect(lambda d=dialog: self._saved(d.result_value))
        dialog.open()

    def _saved(self, row_id: str | None) -> None:
        # The save's change notice started a new read: the row is selected when it arrives.
        if row_id and not self.table.select_where(lambda r: r.id == row_id):
            self._select_after = row_id

    def open_when_read(self, query: Callable[[Any], Any], opened: Callable[[Any], None]) -> None:
        """Read a record off the GUI thread, then open its editor with ``opened(record)``; one at a time, so a
        double click opens one editor."""
        if self._opening:
            return
        self._opening = True

        def done(record: Any) -> None:
            self._opening = False
            opened(record)

        def failed(exc: Exception) -> None:
            self._opening = False
            self.show_error(exc)

        QueryOp(self, self.env, query=query, success=done).failure(failed).run()


def money_errors(key: str, text: str, *, required: bool) -> list[FieldError]:
    """The service's money rules, checked while typing so OK can stay disabled."""
    text = (text or "").strip()
    if not text:
        return [FieldError(key, "field.required")] if required else []
    try:
        amount = parse_amount(text, grouping=True)
    except AmountError as exc:
        return [FieldError(key, exc.rule, {"value": text, "max": str(MAX_AMOUNT)})]
    if amount < 0:
        return [FieldError(key, "money.negative", {"value": str(amount)})]
    if amount != amount.quantize(amount.__class__("0.01")):
        return [FieldError(key, "money.fen_precision", {"value": text})]
    return []
