"""The login dialog: user name and password, checked against the local password hashes."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout

from injury_desk.domain.errors import DomainError
from injury_desk.services.actor import Actor
from injury_desk.services.container import Services
from injury_desk.ui.messages import error_text


class LoginDialog(QDialog):
    def __init__(self, services: Services, office_hint: str = "", parent=None) -> None:
        super().__init__(parent)
        self.services = services
        self.actor: Actor | None = None
        self.setWindowTitle(self.tr("injury_desk — log in"))
        self.setObjectName("login_dialog")
        self.username = QLineEdit()
        self.username.setObjectName("login_username")
        self.password = QLineEdit()
        self.password.setObjectName("login_password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.error = QLabel()
        self.error.setObjectName("login_error")
        self.error.setStyleSheet("color: #b00020;")
        self.error.setWordWrap(True)
        self.error.hide()
        form = QFormLayout()
        form.addRow(self.tr("&User name:"), self.username)
        form.addRow(self.tr("&Password:"), self.password)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Log in"))
        buttons.accepted.connect(self.try_login)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        if office_hint:
            hint = QLabel(office_hint)
            hint.setWordWrap(True)
            layout.addWidget(hint)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.setMinimumWidth(380)

    def try_login(self) -> None:
        try:
            self.actor = self.services.auth.login(self.username.text(), self.password.text())
        except DomainError as exc:
            self.error.setText(error_text(exc))
            self.error.show()
            self.password.selectAll()
            self.password.setFocus()
            return
        self.accept()
