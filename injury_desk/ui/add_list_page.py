"""A page of one list with its "add" editor (training, incidents, ...): rows read off the GUI thread."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from injury_desk.ui.messages import error_text
from injury_desk.ui.operations import Changes, QueryOp
from injury_desk.ui.permissions import permit
from injury_desk.ui.row_table import RowTable, RowTableModel, error_label

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
