"""The Conflicts view: each open conflict with its base, central and local values side by side, and the
caseworker's choice per field (keep central, take local, or type a new value the service validates)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from injury_desk.domain.errors import ValidationFailed
from injury_desk.services.permissions import allowed
from injury_desk.ui.row_table import Column, RowTable, RowTableModel, error_label
from injury_desk.ui.messages import error_text, field_label, table_label
from injury_desk.ui.operations import Changes, CollectionOp
from injury_desk.ui.sync.common import edit_text, local_time, parse_typed, sync_service, value_text


class ConflictsView(QWidget):
    """Lists open conflicts; the buttons act on the selected one. A settled conflict announces
    ``Changes.everything()`` on the bus (the page reads its lists again then); ``stale`` says the list is out
    of date without anything changed here (settled elsewhere meanwhile)."""

    stale = Signal()

    def __init__(self, env, parent=None) -> None:
        super().__init__(parent)
        self.env = env
        self.busy = False
        self.names: dict[tuple[str, str], str] = {}  # (table, row id) -> readable record name
        columns = [
            Column(self.tr("Record"), lambda c: self.names.get((c.table, c.row_id), table_label(c.table))),
            Column(self.tr("Field"), lambda c: field_label(c.field)),
            Column(self.tr("Base (before both edits)"), lambda c: value_text(c.base)),
            Column(self.tr("Central value"), lambda c: value_text(c.central)),
            Column(self.tr("This desktop's value"), lambda c: value_text(c.local)),
            Column(self.tr("Found"), lambda c: local_time(c.detected_at)),
        ]
        self.model = RowTableModel(columns, self)
        self.table = RowTable(self.model)
        self.table.setObjectName("conflicts_table")
        self.table.sortByColumn(5, Qt.SortOrder.AscendingOrder)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._selection_changed())
        self.explain = QLabel(self.tr(
            "The same field was changed here and centrally. The central value is in force until you choose: "
            "keep it, take this desktop's value, or type a new one. Your choice is sent with the next sync."))
        self.explain.setWordWrap(True)
        self.empty = QLabel()
        self.set_synced(False)
        self.keep_central = QPushButton(self.tr("Keep &central value"))
        self.keep_central.setObjectName("keep_central")
        self.take_local = QPushButton(self.tr("Use &this desktop's value"))
        self.take_local.setObjectName("take_local")
        self.new_value = QLineEdit()
        self.new_value.setObjectName("conflict_new_value")
        self.new_value.setPlaceholderText(self.tr("or type a new value"))
        self.use_new = QPushButton(self.tr("Use &new value"))
        self.use_new.setObjectName("use_new_value")
        self.error = error_label()
        self.error.setObjectName("conflict_error")
        self.may_resolve = allowed(env.actor, "sync.resolve")
        if not self.may_resolve:
            self.explain.setText(self.explain.text() + " " + self.tr(
                "Only a caseworker or a supervisor can settle a conflict."))
        self.keep_central.clicked.connect(lambda: self.resolve("central"))
        self.take_local.clicked.connect(lambda: self.resolve("local"))
        self.use_new.clicked.connect(lambda: self.resolve("new"))
        self.new_value.returnPressed.connect(lambda: self.resolve("new"))
        self.table.doubleClicked.connect(self._prefill)

        buttons = QHBoxLayout()
        buttons.addWidget(self.keep_central)
        buttons.addWidget(self.take_local)
        buttons.addSpacing(12)
        buttons.addWidget(self.new_value, 1)
        buttons.addWidget(self.use_new)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.explain)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addLayout(buttons)
        layout.addWidget(self.error)
        self.setTabOrder(self.table, self.keep_central)
        self._selection_changed()

    def set_synced(self, ever: bool) -> None:
        """Only a desktop that has synced can say its changes merged; before that there is nothing to merge."""
        self.empty.setText(self.tr("No conflicts: every change merged.") if ever else self.tr(
            "No conflicts. This desktop has not synced yet: conflicts can only appear once it has."))

    def set_rows(self, rows) -> None:
        self.table.set_rows(rows)
        self.empty.setVisible(not rows)
        if rows and self.table.current() is None:
            self.table.selectRow(0)
        self._selection_changed()

    def _selection_changed(self) -> None:
        has = self.table.current() is not None and not self.busy and self.may_resolve
        for w in (self.keep_central, self.take_local, self.use_new, self.new_value):
            w.setEnabled(has)

    def _prefill(self, index) -> None:
        c = self.table.row_for(index)
        value = {2: c.base, 3: c.central, 4: c.local}.get(index.column(), c.local)
        self.new_value.setText(edit_text(value))
        self.new_value.setFocus()

    def resolve(self, choice: str) -> None:
        c = self.table.current()
        if c is None or self.busy:
            return
        value = None
        if choice == "new":
            value = parse_typed(self.new_value.text(), [c.base, c.central, c.local])
        actor = self.env.actor
        self.busy = True
        self.error.setVisible(False)
        self._selection_changed()
        # The settled value is an ordinary change of whatever record it belongs to: every page refreshes.
        CollectionOp(self, self.env,
                     op=lambda services: sync_service(services).resolve_conflict(actor, c.id, choice, value),
                     changes=Changes.everything(), success=lambda _r: self._done()).failure(self._failed).run()

    def _done(self) -> None:
        self.busy = False
        self.new_value.clear()
        self._selection_changed()

    def _failed(self, exc: Exception) -> None:
        self.busy = False
        if isinstance(exc, ValidationFailed):
            self.new_value.setFocus()
            self.new_value.selectAll()
        self.error.setText(error_text(exc))
        self.error.setVisible(True)
        self._selection_changed()
        if not isinstance(exc, ValidationFailed):
            self.stale.emit()  # e.g. settled elsewhere meanwhile: the list is read again
