"""Enrolment: the central address and one-time code form, and the dialog a fresh desktop's login offers."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from injury_desk.domain.errors import DomainError, ValidationFailed
from injury_desk.services.new_desktop import NewDesktop
from injury_desk.ui.row_table import error_label
from injury_desk.ui.messages import error_text, labelled, rule_text
from injury_desk.ui.operations import CollectionOp, QueryOp, show_failure
from injury_desk.ui.sync.common import sync_service


class EnrolForm(QWidget):
    """Central URL, one-time code and (administrators only) permission for plain HTTP; errors under fields."""

    submitted = Signal(str, str, bool)  # central URL, code, allow plain HTTP

    def __init__(self, *, allow_insecure_option: bool = False, button: bool = True, parent=None) -> None:
        super().__init__(parent)
        self.url_edit = QLineEdit()
        self.url_edit.setObjectName("enrol_url")
        self.url_edit.setPlaceholderText("https://sync.example.org")
        self.code_edit = QLineEdit()
        self.code_edit.setObjectName("enrol_code")
        self.code_edit.setPlaceholderText(self.tr("as printed by the central administrator, e.g. GZ01-1A2B3C4D5E6F7A8B"))
        self.insecure = QCheckBox(self.tr("Allow plain HTTP to this address (unencrypted; only on a trusted network)"))
        self.insecure.setObjectName("enrol_insecure")
        self.insecure.setVisible(allow_insecure_option)
        self.errors = {"central_url": error_label(), "code": error_label()}
        self.banner = error_label()
        self.banner.setObjectName("enrol_error")
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setTextVisible(False)
        self.busy.setMaximumHeight(12)
        self.busy.setVisible(False)
        self.button = QPushButton(self.tr("&Enrol"))
        self.button.setObjectName("enrol_button")
        self.button.clicked.connect(self._submit)
        self.button.setVisible(button)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.addRow(self.tr("Central service &address:"), self._with_error(self.url_edit, "central_url"))
        form.addRow(self.tr("One-time enrolment &code:"), self._with_error(self.code_edit, "code"))
        form.addRow("", self.insecure)
        self.insecure.setVisible(allow_insecure_option)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        layout.addWidget(self.banner)
        layout.addWidget(self.busy)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.button)
        layout.addLayout(row)
        self.url_edit.returnPressed.connect(self.code_edit.setFocus)
        self.code_edit.returnPressed.connect(self._submit)

    def _with_error(self, edit: QLineEdit, key: str) -> QWidget:
        holder = QWidget()
        box = QVBoxLayout(holder)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(2)
        box.addWidget(edit)
        self.errors[key].setObjectName(f"enrol_error_{key}")
        box.addWidget(self.errors[key])
        return holder

    def values(self) -> tuple[str, str, bool]:
        return self.url_edit.text().strip(), self.code_edit.text().strip(), self.insecure.isChecked()

    def _submit(self) -> None:
        if self.busy.isVisible():
            return
        self.clear_errors()
        self.submitted.emit(*self.values())

    def clear_errors(self) -> None:
        for label in (*self.errors.values(), self.banner):
            label.setText("")
            label.setVisible(False)

    def show_error(self, exc: BaseException) -> None:
        """Field rules go under their field (the sentence names the field too); anything else above the button."""
        self.clear_errors()
        if isinstance(exc, ValidationFailed):
            stray = []
            for e in exc.errors:
                label = self.errors.get(e.field)
                if label is None:
                    stray.append(e)
                    continue
                name = self.tr("Central service address") if e.field == "central_url" else self.tr("Enrolment code")
                label.setText(labelled(name, rule_text(e.rule, e.params)))
                label.setVisible(True)
            if stray:
                self.banner.setText(error_text(ValidationFailed(stray)))
                self.banner.setVisible(True)
            (self.url_edit if exc.errors[0].field == "central_url" else self.code_edit).setFocus()
            return
        self.banner.setText(error_text(exc))
        self.banner.setVisible(True)

    def set_busy(self, busy: bool) -> None:
        self.busy.setVisible(busy)
        for w in (self.url_edit, self.code_edit, self.insecure, self.button):
            w.setEnabled(not busy)


class _BeforeLogin:
    """What the operations need from a UiEnv, before anyone has logged in: the services and the task runner.
    Nothing is open yet that a change notice would refresh, so there is no bus and writes announce nothing."""

    def __init__(self, services, runner) -> None:
        self.services = services
        self.runner = runner


class EnrolDialog(QDialog):
    """For a fresh desktop with no users yet: enrol with the one-time code, then bring the office down,
    both off the GUI thread; afterwards the login dialog takes the user's central account."""

    def __init__(self, services, runner, parent=None) -> None:
        super().__init__(parent)
        self.env = _BeforeLogin(services, runner)
        self.services = services  # once a NewDesktop has enrolled: the services of the database it made
        self.device_tag = ""
        self.report = None
        self.setObjectName("enrol_dialog")
        self.setWindowTitle(self.tr("Enrol this desktop"))
        self.intro = QLabel(self.tr(
            "Enter the address of your central sync service and the one-time enrolment code the central "
            "administrator gave you. The desktop then receives your office, its user accounts and its records, "
            "so you can log in with your usual user name and password, also when offline later."))
        self.intro.setWordWrap(True)
        self.form = EnrolForm(button=False)
        self.form.submitted.connect(self._start)
        self.pull_only = False  # enrolled before, but the office never arrived: only fetch it (read below)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("&Enrol"))
        self.ok_button.setObjectName("enrol_dialog_ok")
        self.buttons.accepted.connect(self._accepted)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.form)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(560)
        self.running = False
        if isinstance(services, NewDesktop):  # no database yet: nothing was enrolled before
            self._enrolment_read(False)
            return
        # Whether an earlier enrolment went through is read off the GUI thread; OK waits for the answer.
        self.ok_button.setEnabled(False)
        QueryOp(self, self.env, query=lambda services: sync_service(services).is_enrolled(),
                success=self._enrolment_read).failure(self._enrolment_unknown).run()

    def _enrolment_unknown(self, exc: Exception) -> None:
        # Offered as a first enrolment: the central service refuses a second one, saying so.
        if not isinstance(exc, DomainError):
            show_failure(self, exc)
        self._enrolment_read(False)

    def _enrolment_read(self, enrolled: bool) -> None:
        self.pull_only = enrolled
        if enrolled:
            self.intro.setText(self.tr("This desktop is enrolled, but it has not yet received its office and its "
                                       "user accounts. Receive them now."))
            self.form.setVisible(False)
            self.ok_button.setText(self.tr("&Receive"))
        self.ok_button.setEnabled(True)

    def _accepted(self) -> None:
        if not self.ok_button.isEnabled():
            return
        if self.pull_only:
            self._start("", "", False)
        else:
            self.form._submit()

    def _start(self, url: str, code: str, _allow: bool) -> None:
        if self.running:
            return
        self.running = True
        self.form.set_busy(True)
        self.buttons.setEnabled(False)
        self.status.setText(self.tr("Enrolling and receiving the office's data…"))
        pull_only = self.pull_only

        def op(services):
            if isinstance(services, NewDesktop):
                # Makes the database and, if the enrolment fails, removes it and its keys again (as `sync enrol`).
                first = services.enrol(url, code)
                return first.device_tag, first.report, first.problem, first.services
            sync = sync_service(services)
            try:
                tag = "" if pull_only else sync.enrol(None, url, code)
                return tag, sync.first_pull(None), None, services
            except Exception as exc:
                if not sync.is_enrolled():
                    raise
                # Enrolled, but the first pull failed: the login dialog says so; a later sync brings the rest.
                return "", None, exc, services

        # Nothing is open yet that would need telling (the login dialog reads the accounts afterwards).
        CollectionOp(self, self.env, op=op, success=self._done).failure(self._failed).run()

    def _done(self, result) -> None:
        self.running = False
        self.form.set_busy(False)
        self.buttons.setEnabled(True)
        self.device_tag, self.report, problem, self.services = result
        if problem is not None:
            self.status.setText(error_text(problem))
        self.accept()

    def _failed(self, exc: Exception) -> None:
        self.running = False
        self.form.set_busy(False)
        self.buttons.setEnabled(True)
        self.status.setText("")
        self.form.show_error(exc)
        self.adjustSize()  # room for the wrapped error lines under the fields

    def reject(self) -> None:
        if self.running:
            return  # the one-time code is being used: wait for the answer rather than lose it
        super().reject()
