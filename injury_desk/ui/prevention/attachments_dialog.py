"""The photos and documents of one hazard, inspection or incident: add from disk, save a copy, remove."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFileDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout

from injury_desk.ui.messages import error_text
from injury_desk.ui.pillar_widgets import Column, RowTable, RowTableModel, error_label
from injury_desk.ui.prevention.common import FILE_FILTER_SUFFIXES, file_error_text, size_text
from injury_desk.ui.operations import Changes


class AttachmentsDialog(QDialog):
    """Lists the attachments of one row with their size and content hash; changes go through the service."""

    def __init__(self, env, owner_table: str, owner_id: str, title: str, parent=None) -> None:
        super().__init__(parent)
        self.env = env
        self.owner_table = owner_table
        self.owner_id = owner_id
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
        self.refresh()

    def refresh(self) -> None:
        try:
            self.table.set_rows(self.env.services.attachments.list(self.env.actor, self.owner_table, self.owner_id))
        except Exception as exc:
            self._error(exc)
        self._update()

    def _update(self) -> None:
        chosen = self.table.current() is not None
        self.save_button.setEnabled(chosen)
        self.remove_button.setEnabled(chosen)

    def _error(self, exc: Exception | None) -> None:
        self.error.setText(error_text(exc) if exc else "")
        self.error.setVisible(exc is not None)

    def add_paths(self, paths: list[Path]) -> None:
        """Store each file; the first refusal (too large, wrong type, already attached) is shown."""
        problems = []
        for path in paths:
            try:
                self.env.services.attachments.add_file(self.env.actor, self.owner_table, self.owner_id, path)
            except Exception as exc:  # the other files are still added
                problems.append(file_error_text(exc))
        self.error.setText("\n".join(problems))
        self.error.setVisible(bool(problems))
        self.refresh()
        if len(problems) < len(paths):
            self.env.bus.changed.emit(Changes(inspections=True))

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
        if target:
            try:
                self.env.services.attachments.save_to(self.env.actor, att.id, target)
                self._error(None)
            except Exception as exc:
                self._error(exc)

    def remove(self) -> None:
        att = self.table.current()
        if att is None:
            return
        try:
            self.env.services.attachments.remove(self.env.actor, att.id)
            self._error(None)
        except Exception as exc:
            self._error(exc)
        self.refresh()
        self.env.bus.changed.emit(Changes(inspections=True))
