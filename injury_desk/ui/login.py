"""The login dialog: user name and password, checked against the local password hashes; a fresh desktop
with no users yet is enrolled from here first."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout

from injury_desk.domain.errors import DomainError
from injury_desk.placeholders import arg
from injury_desk.services.actor import Actor
from injury_desk.services.new_desktop import NewDesktop
from injury_desk.services.quick_start import QuickStart
from injury_desk.ui.messages import error_text
from injury_desk.ui.operations import QueryOp, show_failure

if TYPE_CHECKING:
    from injury_desk.services.container import Services


class LoginDialog(QDialog):
    def __init__(self, services: Services | QuickStart | NewDesktop, office_hint: str = "", parent=None, *,
                 runner=None) -> None:
        super().__init__(parent)
        # At start-up a QuickStart logs in the same way before the full services have loaded (then there
        # are users, so no enrolment, which needs the full services). A data folder without a database is a
        # NewDesktop: its first enrolment makes the database, and ``services`` are then that database's.
        self.services = services
        self.auth = services if isinstance(services, (QuickStart, NewDesktop)) else services.auth
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
        self.login_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.login_button.setText(self.tr("&Log in"))
        self.checking = False  # a password check is running
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
        if self.enrol_dialog.services is not self.services:  # the first enrolment made the database
            self.services = self.enrol_dialog.services
            self.auth = self.services.auth
        # Enrolment needs the full services (a fresh desktop has no quick start): asked off the GUI thread.
        QueryOp(self, _LoginEnv(self.services, self._runner()), query=lambda services: services.auth.has_users(),
                success=self._show_enrolled).run()

    def _show_enrolled(self, has_users: bool) -> None:
        dialog = self.enrol_dialog
        if has_users:
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
        """The password is checked off the GUI thread (the hash takes a good part of a second by design)."""
        if self.checking:
            return
        username, password = self.username.text(), self.password.text()
        if isinstance(self.services, NewDesktop):  # no database yet, so no account to check the password against
            self.error.setText(self.tr("There is no account on this desktop yet: enrol it first."))
            self.error.show()
            self.adjustSize()  # the wrapped labels below keep their full height
            self.enrol_button.setFocus()
            return
        if isinstance(self.services, QuickStart):
            # The quick start's connection belongs to this thread: the user's row is read here, and only the
            # hashing runs in its thread (PendingLogin), waited for off the GUI thread.
            pending = self.services.begin_login(username, password)
            check = lambda _services: pending.result()  # noqa: E731
        else:
            check = lambda services: services.auth.login(username, password)  # noqa: E731
        self.checking = True
        self.login_button.setEnabled(False)
        QueryOp(self, _LoginEnv(self.services, self._runner()), query=check, success=self._logged_in).failure(
            self._refused).run()

    def _logged_in(self, actor: Actor) -> None:
        self.checking = False
        self.login_button.setEnabled(True)
        self.actor = actor
        self.accept()

    def _refused(self, exc: Exception) -> None:
        self.checking = False
        self.login_button.setEnabled(True)
        if not isinstance(exc, DomainError):
            show_failure(self, exc)
            return
        self.error.setText(error_text(exc))
        self.error.show()
        self.password.selectAll()
        self.password.setFocus()


class _LoginEnv:
    """What the operations need of a UiEnv, before there is one: the services (or quick start) and a runner."""

    def __init__(self, services, runner) -> None:
        self.services = services
        self.runner = runner
        self.bus = None  # the login only reads
