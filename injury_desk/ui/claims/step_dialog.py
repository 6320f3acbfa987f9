"""Dialogs for the claim's lifecycle steps: application, acceptance, decision, appraisal, moving on."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
)

from injury_desk.domain.errors import DomainError, ValidationFailed
from injury_desk.domain.legal_basis import codes_for
from injury_desk.placeholders import arg
from injury_desk.services.claims import ClaimDetail
from injury_desk.ui.env import UiEnv
from injury_desk.ui.messages import applicant_labels, error_text, field_error_text, label, outcome_labels
from injury_desk.ui.widgets import ErrorLabel, date_edit, from_qdate
from injury_desk.ui.operations import Changes, CollectionOp, show_failure


class StepDialog(QDialog):
    """One lifecycle step: a few fields, a save through the claim service, errors shown in place."""

    def __init__(self, env: UiEnv, claim: ClaimDetail, title: str, parent=None) -> None:
        super().__init__(parent)
        self.env = env
        self.claim = claim
        self.setWindowTitle(title)
        self.form = QFormLayout()
        self.errors = ErrorLabel()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        intro = QLabel(arg(self.tr("Claim %1"), claim.claim_no))
        intro.setStyleSheet("font-weight: bold;")
        layout.addWidget(intro)
        layout.addLayout(self.form)
        layout.addWidget(self.errors)
        layout.addWidget(self.buttons)
        # Reads the fields (here, on the GUI thread) and returns the service call to run with the services.
        self.action: Callable[[], Callable[[Any], Any]] = lambda: (lambda _services: None)
        self.saving = False

    def save(self) -> None:
        if self.saving:
            return
        self.saving = True
        self.buttons.setEnabled(False)
        CollectionOp(self, self.env, op=self.action(), changes=Changes(claims=True, tasks=True),
                     success=lambda _r: self.accept()).failure(self._refused).run()

    def _refused(self, exc: Exception) -> None:
        self.saving = False
        self.buttons.setEnabled(True)
        if isinstance(exc, ValidationFailed):
            self.errors.setText("\n".join(field_error_text(e) for e in exc.errors))
        elif isinstance(exc, DomainError):
            self.errors.setText(error_text(exc))
        else:
            show_failure(self, exc)
            return
        self.errors.show()


def _call(env: UiEnv, method: str, claim: ClaimDetail, data: dict[str, Any]) -> Callable[[Any], Any]:
    """The step's service call with the data read from the dialog, to run off the GUI thread."""
    actor, claim_id, token = env.actor, claim.id, claim.token
    return lambda services: getattr(services.claims, method)(actor, claim_id, data, token=token)


def build_step_dialog(env: UiEnv, claim: ClaimDetail, step: str, parent=None) -> StepDialog | None:
    """The dialog for a next-step key, or None when the step needs no input (handled by the caller)."""
    today = env.today()
    if step == "next.record_application":
        d = StepDialog(env, claim, QCoreApplication.translate("StepDialog", "Record the application"), parent)
        applicant = QComboBox()
        for code, text in applicant_labels().items():
            applicant.addItem(text, code)
        received = date_edit(today)
        d.form.addRow(QCoreApplication.translate("StepDialog", "&Applicant:"), applicant)
        d.form.addRow(QCoreApplication.translate("StepDialog", "&Received on:"), received)
        d.action = lambda: _call(env, "record_application", claim, {
            "applicant_type": applicant.currentData(),
            "application_received_on": from_qdate(received.date()).isoformat()})
        return d
    if step == "next.accept_application":
        d = StepDialog(env, claim, QCoreApplication.translate("StepDialog", "Accept the application"), parent)
        accepted = date_edit(today)
        clear = QCheckBox(QCoreApplication.translate("StepDialog", "&Clear case: facts clear, rights and duties clear (decision within 15 days)"))
        d.form.addRow(QCoreApplication.translate("StepDialog", "&Accepted on:"), accepted)
        d.form.addRow("", clear)
        d.action = lambda: _call(env, "accept", claim, {
            "accepted_on": from_qdate(accepted.date()).isoformat(), "clear_case": clear.isChecked()})
        return d
    if step == "next.decide":
        d = StepDialog(env, claim, QCoreApplication.translate("StepDialog", "Record the injury determination"), parent)
        outcome = QComboBox()
        for code, text in outcome_labels().items():
            outcome.addItem(text, code)
        decided = date_edit(today)
        # The article and item are chosen, never typed; the choices follow the outcome (Art. 14, 15 or 16).
        basis = QComboBox()
        basis.setObjectName("basis_code")
        basis.setMinimumContentsLength(30)
        basis.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)

        def fill_basis() -> None:
            basis.clear()
            for code in codes_for(outcome.currentData()):
                basis.addItem(label("legal_basis", code), code)
                basis.setItemData(basis.count() - 1, label("legal_basis", code), Qt.ItemDataRole.ToolTipRole)

        outcome.currentIndexChanged.connect(lambda _i: fill_basis())
        fill_basis()
        number = QLabel(QCoreApplication.translate("StepDialog", "assigned when saved, in the office's pattern"))
        needs = QCheckBox(QCoreApplication.translate("StepDialog", "A disability &appraisal is needed"))
        needs.setChecked(True)
        d.form.addRow(QCoreApplication.translate("StepDialog", "&Outcome:"), outcome)
        d.form.addRow(QCoreApplication.translate("StepDialog", "&Decided on:"), decided)
        d.form.addRow(QCoreApplication.translate("StepDialog", "Legal &basis:"), basis)
        d.form.addRow(QCoreApplication.translate("StepDialog", "Decision &number:"), number)
        d.form.addRow("", needs)
        d.action = lambda: _call(env, "decide", claim, {
            "outcome": outcome.currentData(), "decided_on": from_qdate(decided.date()).isoformat(),
            "basis_code": basis.currentData(), "needs_appraisal": needs.isChecked()})
        return d
    if step == "next.request_appraisal":
        d = StepDialog(env, claim, QCoreApplication.translate("StepDialog", "Request the disability appraisal"), parent)
        requested = date_edit(today)
        d.form.addRow(QCoreApplication.translate("StepDialog", "&Requested on:"), requested)
        d.action = lambda: _call(env, "request_appraisal", claim, {
            "appraisal_requested_on": from_qdate(requested.date()).isoformat()})
        return d
    if step == "next.record_appraisal":
        d = StepDialog(env, claim, QCoreApplication.translate("StepDialog", "Record the appraisal conclusion"), parent)
        appraised = date_edit(today)
        grade = QSpinBox()
        grade.setRange(0, 10)
        grade.setSpecialValueText(QCoreApplication.translate("StepDialog", "No disability grade"))
        nursing = QComboBox()
        for code, text in (("none", QCoreApplication.translate("StepDialog", "None")), ("partial", QCoreApplication.translate("StepDialog", "Partial dependency")),
                            ("major", QCoreApplication.translate("StepDialog", "Major dependency")), ("full", QCoreApplication.translate("StepDialog", "Full dependency"))):
            nursing.addItem(text, code)
        d.form.addRow(QCoreApplication.translate("StepDialog", "&Appraised on:"), appraised)
        d.form.addRow(QCoreApplication.translate("StepDialog", "Disability &grade:"), grade)
        d.form.addRow(QCoreApplication.translate("StepDialog", "&Nursing dependency:"), nursing)
        d.action = lambda: _call(env, "record_appraisal", claim, {
            "appraised_on": from_qdate(appraised.date()).isoformat(),
            "disability_grade": grade.value() or None, "nursing_level": nursing.currentData()})
        return d
    return None
