"""The login dialog: user name and password, checked against the local password hashes; a fresh desktop
with no users yet is enrolled from here first."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout

from injury_desk.domain.errors import DomainError
from injury_desk.placeholders import arg
from injury_desk.services.actor import Actor
from injury_desk.services.quick_start import QuickStart
from injury_desk.ui.messages import error_text

if TYPE_CHECKING:
    from injury_desk.services.container import Services


class LoginDialog(QDialog):
    def __init__(self, services: Services | QuickStart, office_hint: str = "", parent=None, *, runner=None) -> None:
        super().__init__(parent)
        self.services = services
        # At start-up a QuickStart logs in the same way before the full services have loaded (then there
        # are users, so no enrolment, which needs the full services).
        self.auth = services if isinstance(services, QuickStart) else services.auth
        self.runner = runner
        self.enrol_dialog = None
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
        # A fresh desktop (no users: not the demo, never enrolled) gets its office and accounts by enrolling.
        self.enrol_info = QLabel()
        self.enrol_info.setObjectName("login_enrol_info")
        self.enrol_info.setWordWrap(True)
        self.enrol_button = QPushButton(self.tr("&Enrol this desktop…"))
        self.enrol_button.setObjectName("login_enrol")
        self.enrol_button.clicked.connect(self.enrol)
        layout.addWidget(self.enrol_info)
        layout.addWidget(self.enrol_button)
        layout.addWidget(buttons)
        self.setMinimumWidth(380)
        self.fresh = not self.auth.has_users()
        self.enrol_button.setVisible(self.fresh)
        self.enrol_info.setVisible(self.fresh)
        if self.fresh:
            self.enrol_info.setText(self.tr(
                "This desktop has no user accounts yet. Enrol it with the central sync service first: "
                "your office and its accounts then come down, and you log in with your usual account."))

    def _runner(self):
        if self.runner is None:
            from injury_desk.ui.background import TaskRunner

            self.runner = TaskRunner(self)
        return self.runner

    def enrol(self) -> None:
        """Enrol (or, when enrolment went through but the office did not arrive, fetch it again)."""
        from injury_desk.ui.sync.enrol import EnrolDialog

        self.error.hide()
        self.enrol_dialog = EnrolDialog(self.services, self._runner(), self)
        self.enrol_dialog.accepted.connect(self._enrolled)
        self.enrol_dialog.open()

    def _enrolled(self) -> None:
        dialog = self.enrol_dialog
        if self.auth.has_users():
            self.enrol_button.hide()
            self.enrol_info.setText(arg(self.tr(
                "This desktop is enrolled (device %1) and has received its office. Log in with your "
                "account."), dialog.device_tag))
            self.username.setFocus()
        else:
            self.enrol_info.setText(arg(self.tr(
                "This desktop is enrolled, but the office's data did not arrive: %1"), dialog.status.text()))
            self.enrol_button.setText(self.tr("&Receive the office's data"))

    def done(self, result: int) -> None:
        if self.runner is not None:
            self.runner.wait()
        super().done(result)

    def try_login(self) -> None:
        try:
            self.actor = self.auth.login(self.username.text(), self.password.text())
        except DomainError as exc:
            self.error.setText(error_text(exc))
            self.error.show()
            self.password.selectAll()
            self.password.setFocus()
            return
        self.accept()
