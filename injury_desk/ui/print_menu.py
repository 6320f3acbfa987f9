"""The "Print…" menus: claim forms, blanks and today's decision letters, and one form for rehabilitation plans or inspections."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QMenu, QMessageBox, QWidget

from injury_desk.ui.env import UiEnv
from injury_desk.ui.messages import error_text
from injury_desk.ui.operations import QueryOp

CLAIM_FORMS = ("claim_application", "determination_decision", "not_recognised_decision", "missing_documents_notice",
               "not_accepted_notice", "appraisal_request", "reappraisal_request", "benefit_calculation")
BATCH_FORM = "determination_decision"


class _PrintMenu(QMenu):
    """Opens the preview and batch dialogs; keeps the last one so callers and tests can reach it."""

    def __init__(self, env: UiEnv, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.env = env
        self.owner = parent
        self.last_dialog: QDialog | None = None
        self.setTitle(self.tr("&Print"))

    def form_label(self, form_id: str) -> str:
        labels = {
            "claim_application": self.tr("Application form (工伤认定申请表)…"),
            "determination_decision": self.tr("Decision letter (认定决定书)…"),
            "missing_documents_notice": self.tr("Notice of missing documents (补正材料通知书)…"),
            "not_recognised_decision": self.tr("Not-recognised decision (不予认定工伤决定书)…"),
            "not_accepted_notice": self.tr("Not-accepted notice (不予受理决定书)…"),
            "appraisal_request": self.tr("Appraisal request (劳动能力鉴定申请书)…"),
            "reappraisal_request": self.tr("Re-appraisal request (再次鉴定申请书)…"),
            "benefit_calculation": self.tr("Benefit calculation sheet (待遇核定表)…"),
            "rehabilitation_plan": self.tr("Rehabilitation plan (康复计划)…"),
            "inspection_report": self.tr("Inspection report (检查报告)…"),
        }
        return labels.get(form_id, form_id)

    def _show(self, dialog: QDialog) -> QDialog:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.last_dialog = dialog
        dialog.open()
        return dialog

    # The dialogs load Qt's PDF viewer (about half a second of imports): on the first click, not when a page
    # with a Print menu is built at start-up.
    def open_preview(self, form_id: str, record_id: str | None) -> QDialog:
        from injury_desk.ui.print_preview import PrintPreviewDialog

        return self._show(PrintPreviewDialog(self.env, form_id, record_id, self.owner))

    def open_batch(self, form_id: str, claim_ids: list[str]) -> QDialog:
        from injury_desk.ui.batch_print import BatchPrintDialog

        return self._show(BatchPrintDialog(self.env, form_id, claim_ids, self.owner))


class ClaimPrintMenu(_PrintMenu):
    def __init__(self, env: UiEnv, parent: QWidget | None, claim_id_getter: Callable[[], str | None]) -> None:
        super().__init__(env, parent)
        self.claim_id_getter = claim_id_getter
        self.record_actions = []
        for form_id in CLAIM_FORMS:
            action = self.addAction(self.form_label(form_id))
            action.setObjectName(f"print_{form_id}")
            action.triggered.connect(lambda _checked=False, f=form_id: self._print_selected(f))
            self.record_actions.append(action)
        self.addSeparator()
        blank = self.addAction(self.tr("Blank application form, to fill in by hand…"))
        blank.setObjectName("print_blank_claim_application")
        blank.triggered.connect(lambda: self.open_preview("claim_application", None))
        self.addSeparator()
        batch = self.addAction(self.tr("Batch: decision letters decided today…"))
        batch.setObjectName("print_batch_decisions_today")
        batch.triggered.connect(self.batch_decided_today)
        # Forms of one claim need a selected claim; the blank and the batch do not.
        self.aboutToShow.connect(self._update_enabled)

    def _update_enabled(self) -> None:
        selected = self.claim_id_getter() is not None
        for action in self.record_actions:
            action.setEnabled(selected)

    def _print_selected(self, form_id: str) -> None:
        claim_id = self.claim_id_getter()
        if claim_id is None:
            QMessageBox.information(self.owner, self.tr("Print"), self.tr("Select a claim first."))
            return
        self.open_preview(form_id, claim_id)

    def batch_decided_today(self) -> None:
        actor = self.env.actor
        QueryOp(self, self.env, query=lambda services: services.printing.decision_letters_approved_on(actor),
                success=self._batch_ids).failure(self._batch_error).run()

    def _batch_ids(self, claim_ids: list[str]) -> None:
        if not claim_ids:
            QMessageBox.information(self.owner, self.tr("Batch print"),
                                    self.tr("No injury determination of this office was decided today."))
            return
        self.open_batch(BATCH_FORM, claim_ids)

    def _batch_error(self, exc: Exception) -> None:
        QMessageBox.warning(self.owner, self.tr("Batch print"), error_text(exc))


class RecordPrintMenu(_PrintMenu):
    def __init__(self, env: UiEnv, parent: QWidget | None, form_id: str, id_getter: Callable[[], str | None]) -> None:
        super().__init__(env, parent)
        self.form_id = form_id
        self.id_getter = id_getter
        self.record_action = self.addAction(self.form_label(form_id))
        self.record_action.setObjectName(f"print_{form_id}")
        self.record_action.triggered.connect(self._print_selected)
        # Whether the form has a blank to fill in by hand is in its definition, read off the GUI thread (the
        # first read loads the PDF libraries); an unknown form id is reported by the preview when it is chosen.
        # Asked once the full services are up: a page built from the quick start must not open them early.
        env.when_services(self._ask_fill_in)
        self.aboutToShow.connect(lambda: self.record_action.setEnabled(self.id_getter() is not None))

    def _ask_fill_in(self) -> None:
        form_id = self.form_id
        QueryOp(self, self.env, query=lambda services: services.printing.form(form_id).fill_in,
                success=self._add_blank).failure(lambda _exc: None).run()

    def _add_blank(self, fill_in: bool) -> None:
        if fill_in:
            blank = self.addAction(self.tr("Blank form, to fill in by hand…"))
            blank.setObjectName(f"print_blank_{self.form_id}")
            blank.triggered.connect(lambda: self.open_preview(self.form_id, None))

    def _print_selected(self) -> None:
        record_id = self.id_getter()
        if record_id is None:
            QMessageBox.information(self.owner, self.tr("Print"), self.tr("Select a record first."))
            return
        self.open_preview(self.form_id, record_id)


def print_actions(env: UiEnv, parent: QWidget | None, claim_id_getter: Callable[[], str | None]) -> QMenu:
    """The Print menu of the claims page: each claim form for the selected claim, the blank, and today's letters."""
    return ClaimPrintMenu(env, parent, claim_id_getter)


def print_actions_for(env: UiEnv, parent: QWidget | None, form_id: str, id_getter: Callable[[], str | None]) -> QMenu:
    """A Print menu for one form of another record kind (``rehabilitation_plan`` for a case id, ``inspection_report``)."""
    return RecordPrintMenu(env, parent, form_id, id_getter)
