"""The photos and documents of one hazard, inspection or incident: add from disk, save a copy, remove."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFileDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout

from injury_desk.ui.messages import error_text
from injury_desk.ui.row_table import Column, RowTable, RowTableModel, error_label
from injury_desk.ui.prevention.common import FILE_FILTER_SUFFIXES, file_error_text, size_text
from injury_desk.ui.operations import Changes, CollectionOp, QueryOp

# What adding or removing a file changes: the kind of row it belongs to.
OWNER_CHANGES = {"inspections": Changes(inspections=True), "hazards": Changes(hazards=True),
                 "incidents": Changes(incidents=True)}


class AttachmentsDialog(QDialog):
    """Lists the attachments of one row with their size and content hash; changes go through the service."""

    def __init__(self, env, owner_table: str, owner_id: str, title: str, parent=None) -> None:
        super().__init__(parent)
        self.env = env
        self.owner_table = owner_table
        self.owner_id = owner_id
        self.busy = False  # a file is being added, saved or removed
        self.setWindowTitle(self.tr("Attachments"))
        self.setModal(True)
        heading = QLabel(title)
        heading.setWordWrap(True)
        self.model = RowTableModel([
            Column(self.tr("File"), lambda a: a.file_name),
            Column(self.tr("Size"), lambda a: a.size, text=lambda a: size_text(a.size), right=True),
            Column(self.tr("Type"), lambda a: a.media_type),
            Column(self.tr("SHA-256"), lambda a: a.sha256, text=lambda a: a.sha256[:16] + "…"),
            Column(self.tr("Note"), lambda a: a.note),
        ], self)
        self.table = RowTable(self.model)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.add_button = QPushButton(self.tr("&Add…"))
        self.save_button = QPushButton(self.tr("&Save a copy…"))
        self.remove_button = QPushButton(self.tr("&Remove"))
        self.error = error_label()
        buttons = QHBoxLayout()
        for b in (self.add_button, self.save_button, self.remove_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.error)
        layout.addWidget(close)
        self.add_button.clicked.connect(self.pick)
        self.save_button.clicked.connect(self.save_copy)
        self.remove_button.clicked.connect(self.remove)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update())
        self.resize(720, 360)
        self._update()  # nothing is chosen until the list is read
        self.refresh()

    def refresh(self) -> None:
        """Read the list off the GUI thread."""
        actor, owner_table, owner_id = self.env.actor, self.owner_table, self.owner_id
        QueryOp(self, self.env, query=lambda services: services.attachments.list(actor, owner_table, owner_id),
                success=self._loaded).failure(self._error).run()

    def _loaded(self, rows) -> None:
        self.table.set_rows(rows)
        self._update()

    def _update(self) -> None:
        chosen = self.table.current() is not None
        self.save_button.setEnabled(chosen and not self.busy)
        self.remove_button.setEnabled(chosen and not self.busy)
        self.add_button.setEnabled(not self.busy)

    def _error(self, exc: Exception | None) -> None:
        self.error.setText(error_text(exc) if exc else "")
        self.error.setVisible(exc is not None)

    def _changes(self) -> Changes:
        return OWNER_CHANGES.get(self.owner_table, Changes(inspections=True, hazards=True, incidents=True))

    def _start(self) -> None:
        self.busy = True
        self._update()

    def _finish(self) -> None:
        self.busy = False
        self.refresh()

    def add_paths(self, paths: list[Path]) -> None:
        """Store each file (one write, off the GUI thread); every refusal (too large, wrong type, already
        attached) is shown by its file name, and the other files are still added."""
        actor, owner_table, owner_id = self.env.actor, self.owner_table, self.owner_id

        def op(services) -> list[Exception]:
            problems = []
            for path in paths:
                try:
                    services.attachments.add_file(actor, owner_table, owner_id, path)
                except Exception as exc:  # noqa: BLE001 - said per file; the other files are still added
                    problems.append(exc)
            return problems

        def done(problems: list[Exception]) -> None:
            self.error.setText("\n".join(file_error_text(exc) for exc in problems))
            self.error.setVisible(bool(problems))
            self._finish()

        def failed(exc: Exception) -> None:
            self._error(exc)
            self._finish()

        self._start()
        changes = self._changes()
        CollectionOp(self, self.env, op=op, success=done,
                     changes=lambda problems: changes if len(problems) < len(paths) else Changes(),
                     ).failure(failed).run()

    def pick(self) -> None:
        paths, _f = QFileDialog.getOpenFileNames(self, self.tr("Attach photos or documents"), "",
                                                 self.tr("Photos and documents") + f" ({FILE_FILTER_SUFFIXES})")
        if paths:
            self.add_paths([Path(p) for p in paths])

    def save_copy(self) -> None:
        att = self.table.current()
        if att is None:
            return
        target, _f = QFileDialog.getSaveFileName(self, self.tr("Save a copy"), str(Path.home() / att.file_name))
        if not target:
            return
        actor = self.env.actor

        def done(_path) -> None:
            self._error(None)
            self.busy = False
            self._update()

        def failed(exc: Exception) -> None:
            self._error(exc)
            self.busy = False
            self._update()

        self._start()
        # Reads the stored file and writes the user's copy: no record changes, so a query.
        QueryOp(self, self.env, query=lambda services: services.attachments.save_to(actor, att.id, target),
                success=done).failure(failed).run()

    def remove(self) -> None:
        att = self.table.current()
        if att is None:
            return
        actor = self.env.actor

        def done(_r) -> None:
            self._error(None)
            self._finish()

        def failed(exc: Exception) -> None:
            self._error(exc)
            self._finish()

        self._start()
        CollectionOp(self, self.env, op=lambda services: services.attachments.remove(actor, att.id),
                     changes=self._changes(), success=done).failure(failed).run()
