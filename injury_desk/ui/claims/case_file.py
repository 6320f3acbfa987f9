"""The claim's case file beside its summary: statutory deadlines with the facts that move them, documents with
the checklist of what is still missing, notes, and the history timeline."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from injury_desk.catalogue import FIELDS
from injury_desk.domain.errors import FieldError
from injury_desk.placeholders import arg
from injury_desk.services.permissions import allowed
from injury_desk.ui.operations import Changes, CollectionOp, QueryOp
from injury_desk.ui.claims.record_dialog import ACTIONS, RecordDialog
from injury_desk.ui.claims.tab_layout import table_with_buttons
from injury_desk.ui.messages import deadline_kind_label, error_text, field_label, label, labels
from injury_desk.ui.form_dialog import FormDialog
from injury_desk.ui.widgets import date_edit
from injury_desk.ui.row_table import Column, RowTable, RowTableModel, error_label


def fit_last_column(table: RowTable, minimum: int = 150) -> None:
    """The first columns as wide as their contents; the last (a sentence) takes the rest of the panel, at least
    ``minimum`` pixels, and wraps, so a long legal basis or a longer language is never cut off."""
    header = table.horizontalHeader()
    last = table.model().columnCount() - 1
    table.setWordWrap(True)
    header.setStretchLastSection(False)
    for i in range(last):
        table.resizeColumnToContents(i)
    used = sum(table.columnWidth(i) for i in range(last))
    table.setColumnWidth(last, max(minimum, table.viewport().width() - used))
    table.resizeRowsToContents()


def _local(at: datetime) -> str:
    return at.astimezone().strftime("%Y-%m-%d %H:%M")


class DeadlinesTab(QWidget):
    """Every running clock of the claim with its basis, and the Record menu for what starts or pauses one."""

    def __init__(self, env, parent=None) -> None:
        super().__init__(parent)
        self.env = env
        self.claim = None
        recipients = labels("recipient")
        # Narrow panel: the dates first, then the deadline's name with its legal basis under it (wrapping).
        self.model = RowTableModel([
            Column(self.tr("Due date"), lambda r: r[0].due),
            Column(self.tr("State"), lambda r: r[1], text=lambda r: label("deadline_status", r[1])),
            Column(self.tr("Deadline and legal basis"), lambda r: r[0].kind, text=lambda r: "\n".join((
                deadline_kind_label(r[0].kind) + (f" — {recipients.get(r[0].recipient, r[0].recipient)}"
                                                  if r[0].recipient else ""),
                label("deadline_basis", r[0].kind)))),
        ], self)
        self.model.alert = lambda r: r[1] == "overdue"
        self.model.bold_column = 1
        self.table = RowTable(self.model)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.record_button = QToolButton()
        self.record_button.setText(self.tr("&Record…"))
        self.record_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.menu = QMenu(self)
        self.record_button.setMenu(self.menu)
        self.error = error_label()
        table_with_buttons(self, self.table, [self.record_button], below=[self.error])
        self.dialog: RecordDialog | None = None

    def show_claim(self, claim) -> None:
        self.claim = claim
        self.table.set_rows(list(zip(claim.deadlines, claim.deadline_status)) if claim else [])
        fit_last_column(self.table)
        self.menu.clear()
        names = labels("clock_action")
        for action in ACTIONS:
            if claim is not None and claim.status in action.statuses and allowed(self.env.actor, action.permission):
                self.menu.addAction(names[action.key], lambda a=action: self.open_action(a.key))
        self.record_button.setEnabled(not self.menu.isEmpty())

    def open_action(self, key: str) -> RecordDialog:
        action = next(a for a in ACTIONS if a.key == key)
        self.dialog = RecordDialog(self.env, action, self.claim.id, label("clock_action", key).rstrip("…"), self)
        self.dialog.open()
        return self.dialog


class AddDocumentDialog(FormDialog):
    """A file for the claim's file: its type and the date it was received."""

    changes = Changes(claims=True)

    def __init__(self, env, claim_id: str, parent=None) -> None:
        super().__init__(env, QCoreApplication.translate("AddDocumentDialog", "Add a document"), parent)
        self.claim_id = claim_id
        self.path = QLineEdit()
        browse = QPushButton(self.tr("&Browse…"))
        browse.clicked.connect(self.pick)
        self.add_field("file", self.tr("File"), self.path)
        self.form.addRow("", browse)  # under the file name
        doc_type = QComboBox()
        for code, text in labels("document_type").items():
            doc_type.addItem(text, code)
        self.add_field("doc_type", field_label("doc_type"), doc_type)
        self.add_field("received_on", field_label("received_on"), date_edit(env.today()))
        self.add_field("note", self.tr("Note"), QLineEdit())
        self.revalidate()

    def pick(self) -> None:
        path, _f = QFileDialog.getOpenFileName(self, self.tr("Add a document"), "")
        if path:
            self.path.setText(path)

    def check(self) -> list[FieldError]:
        return self.required_errors("file")

    def save(self) -> Any:
        v = self.values()
        return self.env.services.case_file.add_document(self.env.actor, self.claim_id, v, path=Path(v["file"]))


class DocumentsTab(QWidget):
    def __init__(self, env, parent=None) -> None:
        super().__init__(parent)
        self.env = env
        self.claim_id: str | None = None
        types = labels("document_type")
        self.model = RowTableModel([
            Column(self.tr("Type"), lambda d: d.doc_type, text=lambda d: types.get(d.doc_type, d.doc_type)),
            Column(self.tr("Received"), lambda d: d.received_on),
            Column(self.tr("File"), lambda d: d.file_name),
            Column(self.tr("Note"), lambda d: d.note),
        ], self)
        self.table = RowTable(self.model)
        self.checklist = QLabel()
        self.checklist.setWordWrap(True)
        self.add_button = QPushButton(self.tr("&Add…"))
        self.add_button.clicked.connect(self.add)
        self.save_button = QPushButton(self.tr("&Save a copy…"))
        self.save_button.clicked.connect(self.save_copy)
        self.error = error_label()
        table_with_buttons(self, self.table, [self.add_button, self.save_button], above=[self.checklist],
                           below=[self.error])
        self.dialog: AddDocumentDialog | None = None

    def show_claim(self, claim) -> None:
        self.claim_id = claim.id if claim else None
        self.add_button.setEnabled(claim is not None and allowed(self.env.actor, "claim.edit"))
        if claim is None:
            self.model.set_rows([])
            self.checklist.setText("")
            return
        actor, claim_id = self.env.actor, claim.id
        QueryOp(self, self.env, query=lambda services: (services.case_file.documents(actor, claim_id),
                                                        services.case_file.checklist(actor, claim_id)),
                success=self._show).failure(self._failed).superseding("rows").run()

    def _failed(self, exc: Exception) -> None:  # shown under the list
        self.error.setText(error_text(exc))
        self.error.setVisible(True)

    def _show(self, read) -> None:
        documents, items = read
        self.error.setVisible(False)
        self.table.set_rows(documents)
        fit_last_column(self.table)
        types = labels("document_type")
        missing = [types.get(i.doc_type, i.doc_type) for i in items if not i.present]
        if not items:
            self.checklist.setText(self.tr("No documents are required for this step."))
            self.checklist.setStyleSheet("")
        elif missing:
            self.checklist.setText(arg(self.tr("Still missing for this step: %1"), self.tr(", ").join(missing)))
            self.checklist.setStyleSheet("color: #8a5a00;")
        else:
            self.checklist.setText(self.tr("Every document this step needs is on file."))
            self.checklist.setStyleSheet("")

    def add(self) -> AddDocumentDialog:
        self.dialog = AddDocumentDialog(self.env, self.claim_id, self)
        self.dialog.open()
        return self.dialog

    def save_copy(self) -> None:
        doc = self.table.current()
        if doc is None:
            return
        target, _f = QFileDialog.getSaveFileName(self, self.tr("Save a copy"), str(Path.home() / doc.file_name))
        if target:
            actor = self.env.actor
            QueryOp(self, self.env, query=lambda services: services.attachments.save_to(actor, doc.id, target),
                    success=lambda _r: self.error.setVisible(False)).failure(self._failed).run()


class NotesTab(QWidget):
    """Dated notes by user; a saved note is never edited, a correction is a new note naming it."""

    def __init__(self, env, parent=None) -> None:
        super().__init__(parent)
        self.env = env
        self.claim_id: str | None = None
        self.model = RowTableModel([
            Column(self.tr("Written"), lambda n: n.written_at, text=lambda n: _local(n.written_at)),
            Column(self.tr("By"), lambda n: n.author),
            Column(self.tr("Note"), lambda n: n.text, text=lambda n: (
                self.tr("[correction] ") if n.corrects_id else "") + n.text),
        ], self)
        self.table = RowTable(self.model)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setWordWrap(True)
        self.text = QPlainTextEdit()
        self.text.setPlaceholderText(self.tr("New note (saved notes cannot be changed; correct one with a new note)"))
        self.text.setMaximumHeight(70)
        self.add_button = QPushButton(self.tr("Add &note"))
        self.add_button.clicked.connect(lambda: self.add())
        self.correct_button = QPushButton(self.tr("Add as &correction of the selected note"))
        self.correct_button.clicked.connect(lambda: self.add(correct=True))
        self.error = error_label()
        table_with_buttons(self, self.table, [self.add_button, self.correct_button], below=[self.text, self.error])

    def show_claim(self, claim) -> None:
        self.claim_id = claim.id if claim else None
        can = claim is not None and allowed(self.env.actor, "claim.edit")
        self.add_button.setEnabled(can)
        self.correct_button.setEnabled(can)
        self.text.setEnabled(can)
        self._load()

    def _load(self) -> None:
        if self.claim_id is None:
            self.table.set_rows([])
            return
        actor, claim_id = self.env.actor, self.claim_id
        QueryOp(self, self.env, query=lambda services: services.case_file.notes(actor, claim_id),
                success=self._show).failure(self._failed).superseding("rows").run()

    def _show(self, notes) -> None:
        self.table.set_rows(notes)
        fit_last_column(self.table)

    def _failed(self, exc: Exception) -> None:  # shown above the buttons; the text stays for another try
        self.error.setText(error_text(exc))
        self.error.setVisible(True)

    def add(self, correct: bool = False) -> None:
        corrects = self.table.current() if correct else None
        if correct and corrects is None:
            self.error.setText(self.tr("Select the note to correct."))
            self.error.setVisible(True)
            return
        actor, claim_id, text = self.env.actor, self.claim_id, self.text.toPlainText()
        corrects_id = corrects.id if corrects else None
        CollectionOp(self, self.env, op=lambda services: services.case_file.add_note(
            actor, claim_id, text, corrects_id=corrects_id), changes=Changes(claims=True),
            success=self._added).failure(self._failed).run()

    def _added(self, _note) -> None:
        self.error.setVisible(False)
        self.text.clear()
        self._load()


class HistoryTab(QWidget):
    """The audit events of the claim and its children, oldest first, in plain words with who and when."""

    def __init__(self, env, parent=None) -> None:
        super().__init__(parent)
        self.env = env
        self.model = RowTableModel([
            Column(self.tr("When"), lambda h: h.at, text=lambda h: _local(h.at)),
            Column(self.tr("Who"), lambda h: h.who),
            Column(self.tr("What"), lambda h: h.action, text=lambda h: "\n".join(
                t for t in (label("audit_action", h.action), self._changed(h)) if t)),
        ], self)
        self.table = RowTable(self.model)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)

    def show_claim(self, claim) -> None:
        if claim is None:
            self.table.set_rows([])
            return
        actor, claim_id = self.env.actor, claim.id
        QueryOp(self, self.env, query=lambda services: services.case_file.history(actor, claim_id),
                success=self._show).superseding("rows").run()

    def _show(self, events) -> None:
        self.table.set_rows(events)
        fit_last_column(self.table)

    def _changed(self, h) -> str:
        """The fields a person recognises (ids and bookkeeping columns have no label and are left out)."""
        named = [field_label(f) for f in h.fields if f in FIELDS]
        return self.tr(", ").join(named[:6]) + ("…" if len(named) > 6 else "")
