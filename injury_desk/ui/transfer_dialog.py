"""File → Import records… and Export records…: JSON Lines through the transfer service, off the GUI thread,
with progress, Cancel (an import cancelled changes nothing) and the same line-numbered error list as the CLI."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from injury_desk.domain.errors import FieldError
from injury_desk.placeholders import arg
from injury_desk.services.transfer import ImportFailed, TransferCancelled
from injury_desk.ui.env import UiEnv
from injury_desk.ui.messages import error_text, field_error_text
from injury_desk.ui.operations import Changes, CollectionOp, QueryOp


class TransferDialog(QDialog):
    """Runs one import or export of ``path`` as soon as it opens and shows how it went."""

    def __init__(self, env: UiEnv, mode: str, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env = env
        self.mode = mode
        self.path = Path(path)
        self.setWindowTitle(self.tr("Import records") if mode == "import" else self.tr("Export records"))
        self.status = QLabel(arg(self.tr("Reading %1…") if mode == "import" else self.tr("Writing %1…"),
                                 self.path.name))
        self.status.setObjectName("transfer_status")
        self.status.setWordWrap(True)
        self.bar = QProgressBar()
        self.bar.setObjectName("transfer_progress")
        self.errors = QListWidget()
        self.errors.setObjectName("transfer_errors")
        self.errors.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setObjectName("transfer_cancel")
        self.buttons.rejected.connect(self._cancel_or_close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(self.bar)
        layout.addWidget(self.errors, 1)
        layout.addWidget(self.buttons)
        self.resize(640, 240)
        self.finished_ok: bool | None = None  # None while running
        actor, path = env.actor, self.path

        def work(services, progress):
            call = services.transfer.import_jsonl if mode == "import" else services.transfer.export_jsonl
            return call(actor, path, progress=lambda _stage, done, total: progress.show(done, total),
                        cancelled=lambda: progress.cancelled)

        if mode == "import":  # records of every kind may arrive: every page refreshes
            op = CollectionOp(self, env, op=work, changes=Changes.everything(), success=self._done)
        else:
            op = QueryOp(self, env, query=work, success=self._done)
        self.handle = op.failure(self._failed).with_progress(self._progress).run()

    def _progress(self, done: int, total: int, _text: str) -> None:
        self.bar.setMaximum(max(total, 1))
        self.bar.setValue(min(done, max(total, 1)))

    def _cancel_or_close(self) -> None:
        if self.finished_ok is None:
            self.cancel_button.setEnabled(False)
            self.status.setText(self.tr("Cancelling…"))
            self.handle.cancel()
        else:
            self.reject()

    def _finish(self, ok: bool, text: str) -> None:
        self.finished_ok = ok
        self.status.setText(text)
        self.buttons.clear()
        close = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setObjectName("transfer_close")
        close.clicked.connect(self.accept if ok else self.reject)

    def _done(self, result) -> None:
        self.bar.setValue(self.bar.maximum())
        if self.mode == "import":
            self._finish(True, arg(self.tr("Imported %1 records from %2."), sum(result.values()), self.path.name))
        else:
            self._finish(True, arg(self.tr("Exported %1 records to %2."), result, self.path.name))

    def _failed(self, exc: Exception) -> None:
        if isinstance(exc, TransferCancelled):
            self._finish(False, self.tr("Cancelled: nothing was imported.") if self.mode == "import"
                         else self.tr("Cancelled: no file was written."))
            return
        if isinstance(exc, ImportFailed):
            for e in exc.errors:
                self.errors.addItem(arg(self.tr("line %1: %2"), e.line,
                                        field_error_text(FieldError(e.field, e.rule, e.params))))
            self.errors.show()
            self._finish(False, arg(self.tr("%1 problem(s) in %2; nothing was imported."), len(exc.errors) + exc.more,
                                    self.path.name))
            return
        self._finish(False, error_text(exc))
