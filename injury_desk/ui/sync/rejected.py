"""Changes the central service refused: the list with its reason in words, Correct… (edit and resend) and Discard."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMessageBox, QPushButton, QVBoxLayout, QWidget

from injury_desk.placeholders import arg
from injury_desk.services.permissions import allowed
from injury_desk.ui.operations import Changes, CollectionOp
from injury_desk.ui.row_table import Column, RowTable, RowTableModel, error_label
from injury_desk.ui.messages import error_text, field_label, labelled, op_label, table_label
from injury_desk.ui.sync.common import BOOKKEEPING, SECRET, local_time, reason_text, sync_service, value_text



def changes_text(changes: dict) -> str:
    parts = []
    for name, pair in sorted(changes.items()):
        if name in BOOKKEEPING:
            continue
        before, after = (list(pair) + [None, None])[:2] if isinstance(pair, (list, tuple)) else (None, pair)
        if name in SECRET:
            parts.append(f"{field_label(name)}: ••••")
            continue
        parts.append(labelled(field_label(name), f"{value_text(before)} → {value_text(after)}"))
    return QCoreApplication.translate("Messages", "; ").join(parts)


class RejectedView(QWidget):
    """Refused changes stay here, visible, until someone corrects or discards them."""

    stale = Signal()  # the list is out of date without anything changed here (discarded elsewhere meanwhile)
    corrected = Signal()  # a corrected change is queued again: the page sends it right away

    def __init__(self, env, parent=None) -> None:
        super().__init__(parent)
        self.env = env
        self.dialog = None
        self.busy = False
        self.names: dict[tuple[str, str], str] = {}  # (table, row id) -> readable record name
        columns = [
            Column(self.tr("No."), lambda r: r.seq, right=True),
            Column(self.tr("Record"), lambda r: self.names.get((r.table, r.row_id), table_label(r.table))),
            Column(self.tr("Change"), lambda r: op_label(r.op)),
            Column(self.tr("Reason"), lambda r: reason_text(r.reason_key, r.reason_params)),
            Column(self.tr("Made"), lambda r: local_time(r.created_at)),
            Column(self.tr("Values"), lambda r: changes_text(r.changes)),
        ]
        self.model = RowTableModel(columns, self)
        self.model.alert = lambda r: True
        self.model.bold_column = 3
        self.table = RowTable(self.model)
        self.table.setObjectName("rejected_table")
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._selection_changed())
        self.table.doubleClicked.connect(lambda _i: self.correct())
        self.explain = QLabel(self.tr(
            "The central service refused these changes. They stay on this desktop and never block the rest of "
            "the queue. Correct a change to send it again, or discard it to put the record back as it was."))
        self.explain.setWordWrap(True)
        self.empty = QLabel(self.tr("No refused changes."))
        self.correct_button = QPushButton(self.tr("C&orrect…"))
        self.correct_button.setObjectName("correct_rejected")
        self.discard_button = QPushButton(self.tr("&Discard"))
        self.discard_button.setObjectName("discard_rejected")
        self.correct_button.clicked.connect(self.correct)
        self.discard_button.clicked.connect(self.discard)
        self.error = error_label()
        self.error.setObjectName("rejected_error")
        # The reason and values of the selected change in full (the table cells are cut to fit).
        self.detail = QLabel()
        self.detail.setObjectName("rejected_detail")
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.may_resolve = allowed(env.actor, "sync.resolve")
        if not self.may_resolve:
            for button in (self.correct_button, self.discard_button):
                button.setToolTip(self.tr("Only a caseworker or a supervisor can correct or discard a change."))
        self.confirm_discard = True
        buttons = QHBoxLayout()
        buttons.addWidget(self.correct_button)
        buttons.addWidget(self.discard_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.explain)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addWidget(self.detail)
        layout.addLayout(buttons)
        layout.addWidget(self.error)
        self._selection_changed()

    def set_rows(self, rows) -> None:
        keep = getattr(self.table.current(), "seq", None)
        self.table.set_rows(rows)
        for column in (3, 5):  # the long ones: cut to fit, the full text is below and in the tooltip
            if self.table.columnWidth(column) > 360:
                self.table.setColumnWidth(column, 360)
        if keep is not None:
            self.table.select_where(lambda r: r.seq == keep)
        if rows and self.table.current() is None:
            self.table.selectRow(0)
        self.empty.setVisible(not rows)
        self._selection_changed()

    def _selection_changed(self) -> None:
        entry = self.table.current()
        has = entry is not None and not self.busy and self.may_resolve
        self.correct_button.setEnabled(has)
        self.discard_button.setEnabled(has)
        self.detail.setVisible(entry is not None)
        if entry is not None:
            self.detail.setText(arg(self.tr("Reason: %1\nValues: %2"), reason_text(entry.reason_key, entry.reason_params), changes_text(entry.changes)))

    def correct(self) -> None:
        entry = self.table.current()
        if entry is None or self.busy:
            return
        self.error.setVisible(False)
        from injury_desk.ui.sync.correct_dialog import CorrectDialog  # the editing widgets load when first needed

        self.dialog = CorrectDialog(self.env, entry, self, self.names.get((entry.table, entry.row_id), ""))
        self.dialog.accepted.connect(self.corrected.emit)
        self.dialog.open()

    def discard(self) -> None:
        entry = self.table.current()
        if entry is None or self.busy:
            return
        if self.confirm_discard:
            answer = QMessageBox.question(
                self, self.tr("Discard the refused change"),
                arg(self.tr("Discard change no. %1 to %2? The record goes back to its values before the "
                        "change (a new record is withdrawn). This is recorded in the audit log."), entry.seq, table_label(entry.table)))
            if answer != QMessageBox.StandardButton.Yes:
                return
        actor = self.env.actor
        self.busy = True
        self.error.setVisible(False)
        self._selection_changed()
        # The record goes back to its values before the change: every page refreshes.
        CollectionOp(self, self.env, op=lambda services: sync_service(services).discard_rejected(actor, entry.seq),
                     changes=Changes.everything(), success=lambda _r: self._done()).failure(self._failed).run()

    def _done(self) -> None:
        self.busy = False
        self._selection_changed()

    def _failed(self, exc: Exception) -> None:
        self.busy = False
        self.error.setText(error_text(exc))
        self.error.setVisible(True)
        self._selection_changed()
        self.stale.emit()  # e.g. discarded elsewhere meanwhile: the list is read again
