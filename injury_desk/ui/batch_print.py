"""Batch printing of one claim form for many claims into a folder, off the GUI thread, with progress and cancel."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from injury_desk.domain.errors import DomainError
from injury_desk.placeholders import arg
from injury_desk.ui.background import Progress
from injury_desk.ui.env import UiEnv
from injury_desk.ui.messages import error_text
from injury_desk.ui.operations import QueryOp
from injury_desk.ui.print_preview import LANGUAGE_SETTING, language_combo, show_form_title

FOLDER_SETTING = "printing/batch_dir"
SKIPPED_SHOWN = 10  # the rest are counted; a list of hundreds of reasons helps nobody in a dialog


class BatchPrintDialog(QDialog):
    """Writes one PDF of ``form_id`` per claim of ``claim_ids`` into a chosen folder."""

    batch_finished = Signal(object)  # the service's PrintBatchOutcome
    batch_failed = Signal(str)

    def __init__(self, env: UiEnv, form_id: str, claim_ids: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env = env
        self.form_id = form_id
        self.claim_ids = list(claim_ids)
        self.handle = None
        self.outcome = None
        self._alive = True
        self.setObjectName("batch_print")
        self.setWindowTitle(self.tr("Batch print"))

        what = QLabel()
        what.setWordWrap(True)
        show_form_title(self, env, form_id, lambda title: what.setText(
            arg(self.tr("%1: %n claim(s)", "", len(self.claim_ids)), title)))
        default = env.settings.value(FOLDER_SETTING, "") or QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation)
        self.folder = QLineEdit(str(default))
        self.folder.setObjectName("batch_folder")
        self.choose_button = QPushButton(self.tr("C&hoose…"))
        self.choose_button.clicked.connect(self.choose_folder)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(self.choose_button)
        self.language = language_combo(self, env)
        form = QFormLayout()
        # A row holding a layout gets no buddy from QFormLayout, so the mnemonic needs its own label.
        folder_label = QLabel(self.tr("Output &folder:"))
        folder_label.setBuddy(self.folder)
        form.addRow(folder_label, folder_row)
        form.addRow(self.tr("&Labels:"), self.language)

        self.progress = QProgressBar()
        self.progress.setObjectName("batch_progress")
        self.progress.setRange(0, max(len(self.claim_ids), 1))
        self.progress.setValue(0)
        self.status = QLabel()
        self.status.setObjectName("batch_status")
        self.status.setWordWrap(True)

        self.start_button = QPushButton(self.tr("&Print"))
        self.start_button.setObjectName("batch_start")
        self.start_button.setDefault(True)
        self.start_button.setEnabled(bool(self.claim_ids))
        self.start_button.clicked.connect(lambda: self.start())
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setObjectName("batch_cancel")
        self.cancel_button.clicked.connect(self.cancel)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.start_button)
        buttons.addWidget(self.cancel_button)

        layout = QVBoxLayout(self)
        layout.addWidget(what)
        layout.addLayout(form)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addStretch(1)
        layout.addLayout(buttons)
        self.resize(560, 240)

    @property
    def running(self) -> bool:
        return self.handle is not None

    def choose_folder(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, self.tr("Output folder"), self.folder.text())
        if chosen:
            self.folder.setText(chosen)

    def start(self, folder: Path | str | None = None) -> None:
        if self.running:
            return
        if folder is not None:
            self.folder.setText(str(folder))
        text = self.folder.text().strip()
        if not text:
            QMessageBox.warning(self, self.tr("No folder"), self.tr("Choose the folder to write the PDF files to."))
            return
        out_dir = Path(text)
        self.env.settings.setValue(FOLDER_SETTING, str(out_dir))
        self.env.settings.setValue(LANGUAGE_SETTING, self.language.currentData())
        self.start_button.setEnabled(False)
        for widget in (self.folder, self.choose_button, self.language):
            widget.setEnabled(False)
        self.progress.setValue(0)
        self.status.setText(self.tr("Printing…"))
        actor, form_id, ids, language = self.env.actor, self.form_id, list(self.claim_ids), self.language.currentData()

        def work(services, progress: Progress):
            # The service asks cancelled() before each claim and stops cleanly there, so progress is
            # only shown, never interrupted mid-file.
            return services.printing.print_claims(actor, form_id, ids, out_dir, progress.show,
                                                  lambda: progress.cancelled, language=language)

        self.handle = QueryOp(self, self.env, query=work, success=self._done).failure(self._failed).with_progress(
            self._progress).run()

    def cancel(self) -> None:
        if self.running:
            self.handle.cancel()
            self.cancel_button.setEnabled(False)
            self.status.setText(self.tr("Cancelling after the current file…"))
        else:
            self.reject()

    def _progress(self, done: int, total: int, _text: str) -> None:
        if self._alive:
            self.progress.setMaximum(max(total, 1))
            self.progress.setValue(done)

    def _finished(self) -> None:
        self.handle = None
        self.cancel_button.setEnabled(True)
        self.cancel_button.setText(self.tr("Close"))
        self.start_button.setEnabled(False)

    def _done(self, outcome) -> None:
        if not self._alive:
            return
        self._finished()
        self.outcome = outcome
        lines = [arg(self.tr("%n file(s) written to %1.", "", len(outcome.written)), self.folder.text())]
        if outcome.cancelled:
            lines.append(self.tr("Cancelled: %n claim(s) not printed.", "",
                                 outcome.total - len(outcome.written) - len(outcome.skipped)))
        if outcome.skipped:
            lines.append(self.tr("%n claim(s) skipped:", "", len(outcome.skipped)))
            for _claim_id, key, params in outcome.skipped[:SKIPPED_SHOWN]:
                lines.append("• " + error_text(DomainError(key, **params)))
            if len(outcome.skipped) > SKIPPED_SHOWN:
                lines.append(self.tr("… and %n more", "", len(outcome.skipped) - SKIPPED_SHOWN))
        self.status.setText("\n".join(lines))
        self.batch_finished.emit(outcome)

    def _failed(self, exc: Exception) -> None:
        if not self._alive:
            return
        self._finished()
        text = error_text(exc)
        self.status.setText(arg(self.tr("Batch stopped: %1"), text))
        self.batch_failed.emit(text)

    def reject(self) -> None:
        # Closing the window stops the work too: nobody would see where the rest of the files went.
        if self.running:
            self.handle.cancel()
        self._alive = False
        super().reject()
