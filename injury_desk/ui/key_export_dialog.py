"""File → Export database key…: an administrator writes the key's passphrase-protected recovery file."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from injury_desk.placeholders import arg
from injury_desk.ui.env import UiEnv
from injury_desk.ui.messages import error_text
from injury_desk.ui.operations import CollectionOp


class KeyExportDialog(QDialog):
    """Where to write the recovery file and its passphrase (typed twice); the warning comes first."""

    def __init__(self, env: UiEnv, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env = env
        self.setWindowTitle(self.tr("Export database key"))
        self.warning = QLabel(self.tr(
            "The database and its backups are encrypted with a key kept in this computer's keyring. This "
            "export lets you open them on another computer, or after the keyring is lost. Keep the file and its "
            "passphrase apart from this computer. If both the key in the keyring and this export are lost, the "
            "data is lost: no one can read the database or its backups again."))
        self.warning.setObjectName("key_export_warning")
        self.warning.setWordWrap(True)
        self.file_edit = QLineEdit(str(Path.home() / "injury-desk-key.json"))
        self.file_edit.setObjectName("key_export_file")
        # The suggested path is shown whole (the Chinese dialog was narrow enough to hide its folder), within reason.
        needed = self.file_edit.fontMetrics().horizontalAdvance(self.file_edit.text()) + 24
        self.file_edit.setMinimumWidth(min(needed, 520))
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.file_edit, 1)
        row.addWidget(browse)
        self.passphrase = QLineEdit()
        self.passphrase.setObjectName("key_export_passphrase")
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeated = QLineEdit()
        self.repeated.setObjectName("key_export_passphrase_again")
        self.repeated.setEchoMode(QLineEdit.EchoMode.Password)
        form = QFormLayout()
        form.addRow(self.tr("File"), row)
        form.addRow(self.tr("Passphrase (at least 12 characters)"), self.passphrase)
        form.addRow(self.tr("Passphrase again"), self.repeated)
        self.error = QLabel()
        self.error.setObjectName("key_export_error")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.export_button = self.buttons.addButton(self.tr("Export"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.export_button.setObjectName("key_export_button")
        self.buttons.accepted.connect(self.export)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.warning)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.written: Path | None = None

    def _browse(self) -> None:
        target, _f = QFileDialog.getSaveFileName(self, self.tr("Export database key"), self.file_edit.text(),
                                                 self.tr("Key exports (*.json)"))
        if target:
            self.file_edit.setText(target)

    def export(self) -> None:
        """Seals the key off the GUI thread (the passphrase's Argon2id takes about a second)."""
        self.export_button.setEnabled(False)
        self.error.clear()
        actor, target = self.env.actor, self.file_edit.text().strip()
        passphrase, repeated = self.passphrase.text(), self.repeated.text()
        # A write (the export is audited) that changes nothing any page shows.
        CollectionOp(self, self.env, op=lambda services: services.database_key.export_key(
            actor, target, passphrase, repeated), success=self._exported).failure(self._failed).run()

    def _exported(self, written: Path) -> None:
        self.written = Path(written)
        QMessageBox.information(self, self.tr("Database key exported"), arg(self.tr(
            "The key was written to %1. Store it apart from this computer, with its passphrase kept "
            "separately: losing both the keyring's key and this file loses the data."), str(written)))
        self.accept()

    def _failed(self, exc: Exception) -> None:
        self.export_button.setEnabled(True)
        self.error.setText(error_text(exc))
