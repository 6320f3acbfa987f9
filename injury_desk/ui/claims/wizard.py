"""The guided "New claim" wizard: worker, employer, accident, application; validates as the user types."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWizard,
    QWizardPage,
)

from injury_desk.domain.errors import DomainError, FieldError, ValidationFailed
from injury_desk.domain.identifiers import mask_credit_code
from injury_desk.placeholders import arg
from injury_desk.ui.env import UiEnv
from injury_desk.ui.messages import applicant_labels, error_text, field_error_text, sex_label
from injury_desk.ui.widgets import ErrorLabel, date_edit, from_qdate, with_error
from injury_desk.ui.operations import Changes, CollectionOp, QueryOp, show_failure


class _ValidatingPage(QWizardPage):
    """A page that asks the claim service which rules its section breaks, on every edit."""

    section = ""

    def __init__(self, wizard: "NewClaimWizard") -> None:
        super().__init__()
        self.claim_wizard = wizard
        self.errors: list[FieldError] = []
        self.validating = False  # the service is checking the latest edit
        self.error_labels: dict[str, ErrorLabel] = {}
        self.other_errors = ErrorLabel()

    def error_label(self, field: str) -> ErrorLabel:
        label = ErrorLabel(self)
        label.setObjectName(f"error_{field.replace('.', '_')}")
        self.error_labels[field] = label
        return label

    def revalidate(self) -> None:
        """Ask the claim service (off the GUI thread) which rules the section breaks; Next waits for the answer."""
        draft, env, section = self.claim_wizard.draft(), self.claim_wizard.env, self.section
        actor = env.actor
        was_complete = self.isComplete()
        self.validating = True
        if was_complete:
            self.completeChanged.emit()
        QueryOp(self, env, query=lambda services: services.claims.validate_draft(actor, draft, section=section),
                success=self._show_errors).failure(self._not_validated).superseding("validate").run()

    def _show_errors(self, errors: list[FieldError]) -> None:
        self.validating = False
        self.errors = [e for e in errors if self.owns(e.field)]
        by_field: dict[str, list[FieldError]] = {}
        for e in self.errors:
            key = e.field if e.field in self.error_labels else ""
            by_field.setdefault(key, []).append(e)
        for field, label in self.error_labels.items():
            label.show_errors(by_field.get(field, []))
        leftovers = by_field.get("", [])
        self.other_errors.setText("\n".join(self.claim_wizard.error_line(e, self) for e in leftovers))
        self.other_errors.setVisible(bool(leftovers))
        self.validated()
        self.completeChanged.emit()

    def _not_validated(self, exc: Exception) -> None:  # Next stays disabled; the page says why
        self.other_errors.setText(error_text(exc))
        self.other_errors.setVisible(True)

    def validated(self) -> None:
        """Called once the section's errors are shown (a page adds what depends on them)."""

    def owns(self, field: str) -> bool:
        """Whether an error of ``field`` from the section's check is shown on this page (all of them, here)."""
        return True

    def holds(self, field: str) -> bool:
        """Whether ``field`` of the draft is typed on this page (a section's fields are named "section.…")."""
        return bool(self.section) and field.startswith(f"{self.section}.")

    def isComplete(self) -> bool:
        return not self.validating and not self.errors


class WorkerPage(_ValidatingPage):
    section = "worker"

    def __init__(self, wizard: "NewClaimWizard") -> None:
        super().__init__(wizard)
        self.setTitle(self.tr("Injured worker"))
        self.setSubTitle(self.tr("Enter the resident ID number: a registered person is found automatically, "
                                 "otherwise enter the person's details."))
        self.existing = None
        self.id_number = QLineEdit()
        self.id_number.setObjectName("worker_id_number")
        self.id_number.setMaxLength(18)
        self.id_number.setPlaceholderText(self.tr("18 characters, e.g. 11010519491231002X"))
        self.found = QLabel()
        self.found.setObjectName("worker_found")
        self.found.setWordWrap(True)
        self.name = QLineEdit()
        self.name.setObjectName("worker_name")
        self.derived = QLabel()
        self.phone = QLineEdit()
        self.phone.setObjectName("worker_phone")
        self.address = QLineEdit()
        form = QFormLayout()
        form.addRow(self.tr("&ID number:"), with_error(self.id_number, self.error_label("worker.id_number")))
        form.addRow("", self.found)
        form.addRow(self.tr("&Name:"), with_error(self.name, self.error_label("worker.name")))
        form.addRow(self.tr("Sex and birth date:"), self.derived)
        form.addRow(self.tr("&Phone:"), with_error(self.phone, self.error_label("worker.phone")))
        form.addRow(self.tr("A&ddress:"), with_error(self.address, self.error_label("worker.address")))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.other_errors)
        for edit in (self.id_number, self.name, self.phone, self.address):
            edit.textChanged.connect(self.on_edit)

    def on_edit(self) -> None:
        number = self.id_number.text().strip().upper()
        if len(number) != 18:
            self._found(None)
            return
        env = self.claim_wizard.env
        actor = env.actor
        QueryOp(self, env, query=lambda services: services.people.find_by_id_number(actor, number),
                success=self._found).superseding("find").run()

    def _found(self, existing) -> None:
        self.existing = existing
        for edit in (self.name, self.phone, self.address):
            edit.setReadOnly(self.existing is not None)
        if self.existing:
            self.found.setText(arg(self.tr("Registered person found: %1. The claim will use this record."), self.existing.name))
            if self.name.text() != self.existing.name:
                self.name.blockSignals(True)
                self.name.setText(self.existing.name)
                self.phone.setText(self.existing.phone)
                self.address.setText(self.existing.address)
                self.name.blockSignals(False)
        else:
            self.found.setText("")
        self.revalidate()

    def validated(self) -> None:
        number = self.id_number.text().strip().upper()
        if not any(e.field == "worker.id_number" for e in self.errors) and len(number) == 18:
            sex = "M" if int(number[16]) % 2 else "F"
            self.derived.setText(f"{sex_label(sex)}, {number[6:10]}-{number[10:12]}-{number[12:14]}")
        else:
            self.derived.setText("")

    def data(self) -> dict[str, Any]:
        if self.existing:
            return {"worker_id": self.existing.id}
        return {"worker": {"id_number": self.id_number.text(), "name": self.name.text(),
                           "phone": self.phone.text(), "address": self.address.text()}}

    def initializePage(self) -> None:
        self.revalidate()


class EmployerPage(_ValidatingPage):
    section = "employer"

    def __init__(self, wizard: "NewClaimWizard") -> None:
        super().__init__(wizard)
        self.setTitle(self.tr("Employer"))
        self.setSubTitle(self.tr("Enter the unified social credit code: a registered employer is found "
                                 "automatically, otherwise enter the employer's details."))
        self.existing = None
        self.code = QLineEdit()
        self.code.setObjectName("employer_credit_code")
        self.code.setMaxLength(18)
        self.found = QLabel()
        self.found.setObjectName("employer_found")
        self.found.setWordWrap(True)
        self.name = QLineEdit()
        self.name.setObjectName("employer_name")
        self.industry = QLineEdit()
        self.risk = QSpinBox()
        self.risk.setObjectName("employer_risk_class")
        self.risk.setRange(1, 8)
        self.headcount = QSpinBox()
        self.headcount.setRange(0, 10_000_000)
        self.address = QLineEdit()
        self.contact = QLineEdit()
        self.contact_phone = QLineEdit()
        form = QFormLayout()
        form.addRow(self.tr("&Credit code:"), with_error(self.code, self.error_label("employer.credit_code")))
        form.addRow("", self.found)
        form.addRow(self.tr("&Name:"), with_error(self.name, self.error_label("employer.name")))
        form.addRow(self.tr("&Industry:"), with_error(self.industry, self.error_label("employer.industry")))
        form.addRow(self.tr("&Risk class (1–8):"), with_error(self.risk, self.error_label("employer.risk_class")))
        form.addRow(self.tr("&Headcount:"), with_error(self.headcount, self.error_label("employer.headcount")))
        form.addRow(self.tr("A&ddress:"), with_error(self.address, self.error_label("employer.address")))
        form.addRow(self.tr("C&ontact person:"), with_error(self.contact, self.error_label("employer.contact_name")))
        form.addRow(self.tr("Contact &phone:"),
                    with_error(self.contact_phone, self.error_label("employer.contact_phone")))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.other_errors)
        self.employer_id_error = self.error_label("employer_id")
        layout.addWidget(self.employer_id_error)
        for edit in (self.code, self.name, self.industry, self.address, self.contact, self.contact_phone):
            edit.textChanged.connect(self.on_edit)
        self.risk.valueChanged.connect(self.on_edit)
        self.headcount.valueChanged.connect(self.on_edit)

    def on_edit(self) -> None:
        code = self.code.text().strip().upper()
        if len(code) != 18:
            self._found(None)
            return
        env = self.claim_wizard.env
        actor = env.actor
        QueryOp(self, env, query=lambda services: services.employers.find_by_credit_code(actor, code),
                success=self._found).superseding("find").run()

    def _found(self, existing) -> None:
        self.existing = existing
        for w in (self.name, self.industry, self.address, self.contact, self.contact_phone):
            w.setReadOnly(self.existing is not None)
        self.risk.setEnabled(self.existing is None)
        self.headcount.setEnabled(self.existing is None)
        if self.existing:
            self.found.setText(arg(self.tr("Registered employer found: %1 (%2)."), self.existing.name, mask_credit_code(self.existing.credit_code)))
        else:
            self.found.setText("")
        self.revalidate()

    def data(self) -> dict[str, Any]:
        if self.existing:
            return {"employer_id": self.existing.id}
        return {"employer": {"credit_code": self.code.text(), "name": self.name.text(),
                             "industry": self.industry.text(), "risk_class": self.risk.value(),
                             "headcount": self.headcount.value(), "address": self.address.text(),
                             "contact_name": self.contact.text(), "contact_phone": self.contact_phone.text()}}

    def initializePage(self) -> None:
        self.revalidate()


class AccidentPage(_ValidatingPage):
    section = "accident"
    FIELDS = ("accident_date", "accident_time", "accident_place", "circumstances", "body_parts", "diagnosis",
              "fatal", "death_date")

    def __init__(self, wizard: "NewClaimWizard") -> None:
        super().__init__(wizard)
        self.setTitle(self.tr("Accident"))
        self.setSubTitle(self.tr("When and where it happened, what happened, and the injury."))
        today = wizard.env.today()
        self.accident_date = date_edit(today)
        self.accident_date.setObjectName("accident_date")
        self.accident_time = QTimeEdit(QTime(9, 0))
        self.accident_time.setDisplayFormat("HH:mm")
        self.place = QLineEdit()
        self.place.setObjectName("accident_place")
        self.circumstances = QPlainTextEdit()
        self.circumstances.setObjectName("circumstances")
        self.circumstances.setTabChangesFocus(True)
        self.circumstances.setMinimumHeight(80)
        self.body_parts = QLineEdit()
        self.body_parts.setObjectName("body_parts")
        self.diagnosis = QLineEdit()
        self.diagnosis.setObjectName("diagnosis")
        self.fatal = QCheckBox(self.tr("The worker &died of the injury"))
        # Art. 39 counts from the death, which may follow the accident by days or months
        self.death_date = date_edit(today)
        self.death_date.setObjectName("death_date")
        self.death_date.setEnabled(False)
        form = QFormLayout()
        form.addRow(self.tr("Accident &date:"), with_error(self.accident_date, self.error_label("accident_date")))
        form.addRow(self.tr("Accident &time:"), with_error(self.accident_time, self.error_label("accident_time")))
        form.addRow(self.tr("&Place:"), with_error(self.place, self.error_label("accident_place")))
        form.addRow(self.tr("&Circumstances:"), with_error(self.circumstances, self.error_label("circumstances")))
        form.addRow(self.tr("Injured &body parts:"), with_error(self.body_parts, self.error_label("body_parts")))
        form.addRow(self.tr("Dia&gnosis:"), with_error(self.diagnosis, self.error_label("diagnosis")))
        form.addRow("", with_error(self.fatal, self.error_label("fatal")))
        form.addRow(self.tr("Date of d&eath:"), with_error(self.death_date, self.error_label("death_date")))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.other_errors)
        self.accident_date.dateChanged.connect(self.revalidate)
        self.accident_time.timeChanged.connect(self.revalidate)
        for edit in (self.place, self.body_parts, self.diagnosis):
            edit.textChanged.connect(self.revalidate)
        self.circumstances.textChanged.connect(self.revalidate)
        self.fatal.toggled.connect(self.death_date.setEnabled)
        self.fatal.toggled.connect(self._death_from_accident)
        self.fatal.toggled.connect(self.revalidate)
        self.death_date.dateChanged.connect(self.revalidate)

    def _death_from_accident(self, died: bool) -> None:
        # most deaths are on the accident day: start there, the caseworker moves it when death followed later
        if died:
            self.death_date.setDate(self.accident_date.date())

    def owns(self, field: str) -> bool:
        return self.holds(field)

    def holds(self, field: str) -> bool:
        return field in self.FIELDS

    def data(self) -> dict[str, Any]:
        return {
            "accident_date": from_qdate(self.accident_date.date()).isoformat(),
            "accident_time": self.accident_time.time().toString("HH:mm"),
            "accident_place": self.place.text(),
            "circumstances": self.circumstances.toPlainText(),
            "body_parts": self.body_parts.text(),
            "diagnosis": self.diagnosis.text(),
            "fatal": self.fatal.isChecked(),
            "death_date": from_qdate(self.death_date.date()).isoformat() if self.fatal.isChecked() else None,
        }

    def initializePage(self) -> None:
        self.revalidate()


class ApplicationPage(_ValidatingPage):
    section = None  # the last page checks the whole claim, across pages

    def __init__(self, wizard: "NewClaimWizard") -> None:
        super().__init__(wizard)
        self.setTitle(self.tr("Application"))
        self.setSubTitle(self.tr("Who applies for the injury determination, and when the application arrived."))
        self.applicant = QComboBox()
        self.applicant.setObjectName("applicant_type")
        for code, label in applicant_labels().items():
            self.applicant.addItem(label, code)
        self.received = date_edit(wizard.env.today())
        self.received.setObjectName("application_received_on")
        self.warning = QLabel()
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet("color: #8a5a00;")
        form = QFormLayout()
        form.addRow(self.tr("&Applicant:"), with_error(self.applicant, self.error_label("applicant_type")))
        form.addRow(self.tr("&Received on:"), with_error(self.received, self.error_label("application_received_on")))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.warning)
        layout.addWidget(self.other_errors)
        self.applicant.currentIndexChanged.connect(self.revalidate)
        self.received.dateChanged.connect(self.revalidate)
        self.setFinalPage(True)

    def data(self) -> dict[str, Any]:
        return {"applicant_type": self.applicant.currentData(),
                "application_received_on": from_qdate(self.received.date()).isoformat()}

    def validated(self) -> None:
        self._late_warning()

    def _late_warning(self) -> None:
        from datetime import timedelta

        from injury_desk.domain.deadlines import application_deadline

        try:
            accident = date.fromisoformat(self.claim_wizard.draft()["accident_date"])
            received = from_qdate(self.received.date())
            due = application_deadline(accident, self.applicant.currentData())
        except (ValueError, KeyError):
            self.warning.setText("")
            return
        if received > due:
            self.warning.setText(arg(self.tr("Note: the application arrived %1 days after the Art. 17 deadline "
                                         "(%2). It is received, and the lateness is recorded."), (received - due).days, due.isoformat()))
        else:
            self.warning.setText(arg(self.tr("The Art. 17 deadline for this applicant is %1."), due.isoformat()))
        del timedelta

    def initializePage(self) -> None:
        self.revalidate()


class NewClaimWizard(QWizard):
    """Finish stays disabled until the whole claim is valid; a refused save keeps the wizard open."""

    def __init__(self, env: UiEnv, parent=None, prefill: dict[str, Any] | None = None) -> None:
        super().__init__(parent)
        self.env = env
        self.saved_claim_id: str | None = None
        self.saving = False  # the claim is being saved
        self.setWindowTitle(self.tr("New claim"))
        self.setObjectName("new_claim_wizard")
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.worker_page = WorkerPage(self)
        self.employer_page = EmployerPage(self)
        self.accident_page = AccidentPage(self)
        self.application_page = ApplicationPage(self)
        for page in (self.worker_page, self.employer_page, self.accident_page, self.application_page):
            self.addPage(page)
        self.resize(720, 620)
        self.incident_id = None
        if prefill:
            self.apply_prefill(prefill)

    def apply_prefill(self, prefill: dict[str, Any]) -> None:
        from injury_desk.ui.widgets import to_qdate

        self.incident_id = prefill.get("incident_id")
        if prefill.get("accident_date"):
            self.accident_page.accident_date.setDate(to_qdate(date.fromisoformat(str(prefill["accident_date"]))))
        self.accident_page.place.setText(prefill.get("accident_place", ""))
        self.accident_page.circumstances.setPlainText(prefill.get("circumstances", ""))
        actor, employer_id, worker_id = self.env.actor, prefill.get("employer_id"), prefill.get("worker_id")

        def read(services):
            return (services.employers.get(actor, employer_id) if employer_id else None,
                    services.people.get(actor, worker_id) if worker_id else None)

        def fill(found) -> None:
            emp, person = found
            if emp is not None:
                self.employer_page.code.setText(emp.credit_code)
            # The registered person is found from the ID number, as when typed; a masked number is not typed.
            if person is not None and "*" not in person.id_number:
                self.worker_page.id_number.setText(person.id_number)

        if employer_id or worker_id:
            QueryOp(self, self.env, query=read, success=fill).run()

    def page_of(self, field: str) -> QWizardPage | None:
        """The page where a field of the draft is typed (None for one of no page)."""
        return next((page for page in (self.worker_page, self.employer_page, self.accident_page)
                     if page.holds(field)), None)

    def error_line(self, error: FieldError, shown_on: QWizardPage) -> str:
        """A field's error in a page's list: one of another page says which page (the worker's and the employer's
        "Name: is required" read the same otherwise)."""
        text = field_error_text(error)
        page = self.page_of(error.field)
        if page is None or page is shown_on:
            return text
        return arg(self.tr("%1 – %2"), page.title(), text)

    def draft(self) -> dict[str, Any]:
        d: dict[str, Any] = {}
        d.update(self.worker_page.data())
        d.update(self.employer_page.data())
        d.update(self.accident_page.data())
        d.update(self.application_page.data())
        if self.incident_id:
            d["incident_id"] = self.incident_id
        return d

    def accept(self) -> None:
        if self.saving:
            return
        self.saving = True
        self.button(QWizard.WizardButton.FinishButton).setEnabled(False)
        actor, draft = self.env.actor, self.draft()
        CollectionOp(self, self.env, op=lambda services: services.claims.create(actor, draft),
                     changes=Changes(claims=True, employers=True, tasks=True),
                     success=self._saved).failure(self._refused).run()

    def _saved(self, claim_id: str) -> None:
        self.saving = False
        self.saved_claim_id = claim_id
        super().accept()

    def _refused(self, exc: Exception) -> None:
        self.saving = False
        self.button(QWizard.WizardButton.FinishButton).setEnabled(True)
        if isinstance(exc, ValidationFailed):
            self.application_page.errors = list(exc.errors)
            page = self.application_page
            page.other_errors.setText("\n".join(self.error_line(e, page) for e in exc.errors))
        elif isinstance(exc, DomainError):
            self.application_page.other_errors.setText(error_text(exc))
        else:
            show_failure(self, exc)
            return
        self.application_page.other_errors.show()
        self.application_page.completeChanged.emit()
