"""Editors of a rehabilitation case: open from a claim, add a plan or goal, book a session, return to work, close."""

from __future__ import annotations

from datetime import date
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QLineEdit, QPlainTextEdit

from injury_desk.domain.errors import FieldError
from injury_desk.domain.money import parse_amount
from injury_desk.services.claim_list import ClaimQuery
from injury_desk.services.rehab import ELIGIBLE_OUTCOMES, OVER_BUDGET_APPROVER, REFERRAL_TYPES, RTW_OUTCOMES, CaseDetail
from injury_desk.ui.pillar_widgets import FormDialog, date_edit


def referral_labels() -> dict[str, str]:
    return {"medical": QCoreApplication.translate("Rehab", "Medical"), "vocational": QCoreApplication.translate("Rehab", "Vocational"), "social": QCoreApplication.translate("Rehab", "Social")}


def rtw_labels() -> dict[str, str]:
    return {
        "same_job": QCoreApplication.translate("Rehab", "Back in the same job"),
        "modified_job": QCoreApplication.translate("Rehab", "Back in a modified job"),
        "other_job_same_employer": QCoreApplication.translate("Rehab", "Other job, same employer"),
        "new_employer": QCoreApplication.translate("Rehab", "Works for a new employer"),
        "not_returned": QCoreApplication.translate("Rehab", "Has not returned to work"),
    }


def status_labels() -> dict[str, str]:
    return {"open": QCoreApplication.translate("Rehab", "open"), "closed": QCoreApplication.translate("Rehab", "closed")}


def money_errors(key: str, text: str, *, required: bool) -> list[FieldError]:
    """The service's money rules, checked while typing so OK can stay disabled."""
    text = (text or "").strip()
    if not text:
        return [FieldError(key, "field.required")] if required else []
    try:
        amount = parse_amount(text)
    except ValueError:
        return [FieldError(key, "money.format", {"value": text})]
    if amount < 0:
        return [FieldError(key, "money.negative", {"value": str(amount)})]
    if amount != amount.quantize(amount.__class__("0.01")):
        return [FieldError(key, "money.fen_precision", {"value": text})]
    return []


def optional_date_errors(key: str, text: str) -> list[FieldError]:
    text = (text or "").strip()
    if not text:
        return []
    try:
        date.fromisoformat(text)
    except ValueError:
        return [FieldError(key, "field.date_format", {"value": text})]
    return []


def date_line(placeholder: str) -> QLineEdit:
    # Optional dates are text fields: a date picker cannot be left empty.
    edit = QLineEdit()
    edit.setPlaceholderText(placeholder)
    return edit


class OpenCaseDialog(FormDialog):
    """Opens a case for a claim found by its number; only a recognised or deemed injury is eligible."""

    bus_topic = "rehab"

    def __init__(self, env, parent=None) -> None:
        super().__init__(env, "", parent)
        self.setWindowTitle(self.tr("Open rehabilitation case"))
        self._lookups: dict[str, tuple[str | None, list[FieldError], str]] = {}
        self.claim_edit = self.add_field("claim_no", self.tr("&Claim number"), QLineEdit())
        self.claim_edit.setPlaceholderText(self.tr("e.g. GZ01-2026-AA27-000001"))
        self.claim_info = QLabel()
        self.claim_info.setWordWrap(True)
        self.form.addRow("", self.claim_info)
        self.referral_combo = QComboBox()
        for key, text in referral_labels().items():
            self.referral_combo.addItem(text, key)
        self.add_field("referral_type", self.tr("&Referral type"), self.referral_combo)
        self.provider_edit = self.add_field("provider", self.tr("&Provider"), QLineEdit())
        self.budget_edit = self.add_field("budget", self.tr("&Budget (yuan)"), QLineEdit())
        self.budget_edit.setPlaceholderText("5000.00")
        self.opened_edit = self.add_field("opened_on", self.tr("&Opened on"), date_edit(env.services.ctx.today()))
        self.revalidate()

    def claim_id(self) -> str | None:
        return self._lookup()[0]

    def _lookup(self) -> tuple[str | None, list[FieldError], str]:
        """(claim id, errors, description) for the typed claim number, asked of the services once per text."""
        text = self.claim_edit.text().strip().upper()
        if text in self._lookups:
            return self._lookups[text]
        if not text:
            found: tuple[str | None, list[FieldError], str] = (None, [FieldError("claim_no", "field.required")], "")
        else:
            services, actor = self.env.services, self.env.actor
            rows = services.claim_list.page(actor, ClaimQuery(text=text, sort="claim_no"), 0, 5)
            match = next((r for r in rows if r.claim_no.upper() == text), None)
            if match is None:
                found = (None, [FieldError("claim_no", "rehab.claim_no_unknown", {"claim_no": text})], "")
            else:
                detail = services.claims.get(actor, match.claim_id)
                det = detail.determination
                if det is None or det["outcome"] not in ELIGIBLE_OUTCOMES:
                    found = (None, [FieldError("claim_no", "rehab.claim_not_recognised",
                                               {"claim_no": match.claim_no})], match.worker_name)
                else:
                    found = (match.claim_id, [], self.tr("{worker} · injury {outcome} on {date}").format(
                        worker=match.worker_name, outcome=det["outcome"], date=det["decided_on"].isoformat()))
        self._lookups[text] = found
        return found

    def check(self) -> list[FieldError]:
        _claim, errors, info = self._lookup()
        self.claim_info.setText(info)
        self.claim_info.setVisible(bool(info))
        errors = list(errors) + self.required_errors("provider")
        return errors + money_errors("budget", self.budget_edit.text(), required=True)

    def save(self) -> str:
        data = {k: self.value(k) for k in ("referral_type", "provider", "budget", "opened_on")}
        return self.env.services.rehab.open_case(self.env.actor, self.claim_id(), data)


class _CaseDialog(FormDialog):
    """A dialog about one case, with a line saying which case it is."""

    bus_topic = "rehab"

    def __init__(self, env, case: CaseDetail, title: str, parent=None) -> None:
        super().__init__(env, title, parent)
        self.case = case
        self.form.addRow(self.tr("Case"), QLabel(self.tr("{claim_no} · {worker} · {provider}").format(
            claim_no=case.claim_no, worker=case.worker_name, provider=case.provider)))

    def plan_combo(self) -> QComboBox:
        combo = QComboBox()
        # The newest plan is the one being worked on, so it comes first.
        for plan in reversed(self.case.plans):
            combo.addItem(self.tr("Plan of {date}").format(date=plan.drawn_up_on.isoformat()), plan.id)
        return combo


class PlanDialog(_CaseDialog):
    def __init__(self, env, case: CaseDetail, parent=None) -> None:
        super().__init__(env, case, "", parent)
        self.setWindowTitle(self.tr("Add rehabilitation plan"))
        self.drawn_up_edit = self.add_field("drawn_up_on", self.tr("&Drawn up on"),
                                            date_edit(env.services.ctx.today()))
        self.review_edit = self.add_field("review_on", self.tr("&Review on"), date_line(self.tr("optional, yyyy-mm-dd")))
        self.notes_edit = self.add_field("notes", self.tr("&Notes"), QPlainTextEdit())
        self.notes_edit.setTabChangesFocus(True)
        self.revalidate()

    def check(self) -> list[FieldError]:
        return optional_date_errors("review_on", self.review_edit.text())

    def save(self) -> str:
        data = {k: self.value(k) for k in ("drawn_up_on", "review_on", "notes")}
        return self.env.services.rehab.add_plan(self.env.actor, self.case.id, data)


class GoalDialog(_CaseDialog):
    def __init__(self, env, case: CaseDetail, parent=None) -> None:
        super().__init__(env, case, "", parent)
        self.setWindowTitle(self.tr("Add goal"))
        self.plan = self.add_field("plan_id", self.tr("P&lan"), self.plan_combo())
        self.description_edit = self.add_field("description", self.tr("&Goal"), QLineEdit())
        self.measure_edit = self.add_field("measure", self.tr("&Measure"), QLineEdit())
        self.measure_edit.setPlaceholderText(self.tr("e.g. grip strength (kg)"))
        self.baseline_edit = self.add_field("baseline", self.tr("&Baseline"), QLineEdit())
        self.target_edit = self.add_field("target", self.tr("&Target"), QLineEdit())
        self.target_date_edit = self.add_field("target_date", self.tr("Target &date"),
                                               date_line(self.tr("optional, yyyy-mm-dd")))
        self.revalidate()

    def check(self) -> list[FieldError]:
        return (self.required_errors("plan_id", "description", "measure")
                + optional_date_errors("target_date", self.target_date_edit.text()))

    def save(self) -> str:
        data = {k: self.value(k) for k in ("description", "measure", "baseline", "target", "target_date")}
        return self.env.services.rehab.add_goal(self.env.actor, self.value("plan_id"), data)


class SessionDialog(_CaseDialog):
    def __init__(self, env, case: CaseDetail, parent=None) -> None:
        super().__init__(env, case, "", parent)
        self.setWindowTitle(self.tr("Schedule session"))
        self.form.addRow(self.tr("Budget"), QLabel(self.tr("{remaining} of {budget} yuan left").format(
            remaining=f"{case.remaining:,.2f}", budget=f"{case.budget:,.2f}")))
        self.plan = self.add_field("plan_id", self.tr("P&lan"), self.plan_combo())
        self.date_edit = self.add_field("scheduled_on", self.tr("&Date"), date_edit(env.services.ctx.today()))
        self.kind_edit = self.add_field("kind", self.tr("&Kind"), QLineEdit())
        self.kind_edit.setPlaceholderText(self.tr("e.g. physiotherapy"))
        self.cost_edit = self.add_field("cost", self.tr("&Cost (yuan)"), QLineEdit())
        self.notes_edit = self.add_field("notes", self.tr("&Notes"), QLineEdit())
        self.approve_box = QCheckBox(self.tr("&Approve going over the budget"))
        # Only the role the service accepts as approver sees the box; for others it would do nothing.
        if env.actor.role == OVER_BUDGET_APPROVER:
            self.add_field("approve", "", self.approve_box)
        self.revalidate()

    def check(self) -> list[FieldError]:
        return self.required_errors("plan_id", "kind") + money_errors("cost", self.cost_edit.text(), required=False)

    def save(self) -> str:
        data = {k: self.value(k) for k in ("scheduled_on", "kind", "cost", "notes")}
        return self.env.services.rehab.schedule_session(self.env.actor, self.value("plan_id"), data,
                                                        approve_over_budget=self.approve_box.isChecked())


class ReturnToWorkDialog(_CaseDialog):
    def __init__(self, env, case: CaseDetail, parent=None) -> None:
        super().__init__(env, case, "", parent)
        self.setWindowTitle(self.tr("Record return to work"))
        self.outcome_combo = QComboBox()
        self.outcome_combo.addItem(self.tr("— choose —"), None)
        for key in RTW_OUTCOMES:
            self.outcome_combo.addItem(rtw_labels()[key], key)
        self.add_field("outcome", self.tr("&Outcome"), self.outcome_combo)
        self.date_edit = self.add_field("rtw_date", self.tr("&Back at work on"), date_line(self.tr("yyyy-mm-dd")))
        self.restrictions_edit = self.add_field("restrictions", self.tr("&Restrictions"), QPlainTextEdit())
        self.accommodations_edit = self.add_field("accommodations", self.tr("&Accommodations"), QPlainTextEdit())
        for edit in (self.restrictions_edit, self.accommodations_edit):
            edit.setTabChangesFocus(True)
        if case.rtw_outcome:
            self.outcome_combo.setCurrentIndex(max(0, self.outcome_combo.findData(case.rtw_outcome)))
            self.date_edit.setText(case.rtw_date.isoformat() if case.rtw_date else "")
            self.restrictions_edit.setPlainText(case.restrictions)
            self.accommodations_edit.setPlainText(case.accommodations)
        self.revalidate()

    def check(self) -> list[FieldError]:
        errors = self.required_errors("outcome")
        outcome = self.value("outcome")
        # As in the service: "not returned" is a finding without a date; every other outcome has one.
        if outcome and outcome != "not_returned":
            self.touched.add("rtw_date")  # the choice just made it required: say so at once
            errors += self.required_errors("rtw_date")
        return errors + optional_date_errors("rtw_date", self.date_edit.text())

    def save(self) -> None:
        data = {k: self.value(k) for k in ("outcome", "rtw_date", "restrictions", "accommodations")}
        self.env.services.rehab.record_return_to_work(self.env.actor, self.case.id, data, token=self.case.token)


class CloseCaseDialog(_CaseDialog):
    def __init__(self, env, case: CaseDetail, parent=None) -> None:
        super().__init__(env, case, "", parent)
        self.setWindowTitle(self.tr("Close case"))
        self.closed_edit = self.add_field("closed_on", self.tr("&Closed on"), date_edit(env.services.ctx.today()))
        if not case.rtw_outcome:
            note = QLabel(self.tr("Record the return-to-work outcome first: a case closes with its outcome."))
            note.setWordWrap(True)
            self.form.addRow("", note)
        self.revalidate()

    def save(self) -> None:
        self.env.services.rehab.close_case(self.env.actor, self.case.id, self.value("closed_on"),
                                           token=self.case.token)

