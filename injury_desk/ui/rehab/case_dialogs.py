"""Editors of a rehabilitation case: open from a claim, add a plan or goal, book a session, return to work, close."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QLineEdit, QPlainTextEdit

from injury_desk.domain.errors import DomainError, FieldError
from injury_desk.domain.money import parse_amount
from injury_desk.domain.rehab import (
    ELIGIBLE_OUTCOMES,
    MEASURE_SCALES,
    OVER_BUDGET_APPROVER,
    RTW_OUTCOMES,
    budget_outlook,
    measure_value_error,
)
from injury_desk.placeholders import arg
from injury_desk.services.claim_rows import ClaimQuery
from injury_desk.services.rehab_rows import CaseDetail, GoalView
from injury_desk.ui.operations import Changes, QueryOp, show_failure
from injury_desk.ui.messages import measure_label, measure_labels, outcome_labels, referral_labels, rtw_labels
from injury_desk.ui.form_dialog import FormDialog, money_errors
from injury_desk.ui.widgets import date_edit
from injury_desk.ui.row_table import ERROR_COLOUR

WARN_COLOUR = "#8a5a00"


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

    changes = Changes(rehab=True)

    def __init__(self, env, parent=None, claim_no: str = "") -> None:
        super().__init__(env, "", parent)
        self.setWindowTitle(self.tr("Open rehabilitation case"))
        self._lookups: dict[str, tuple[str | None, list[FieldError], str]] = {}
        self._asked: set[str] = set()  # claim numbers being looked up
        self.looking_up = False
        self.checked_claim_id: str | None = None
        self.claim_edit = self.add_field("claim_no", self.tr("&Claim number"), QLineEdit())
        # An example in this office's numbering (office code, year, desktop tag, number), as its claims are numbered.
        example = f"{env.actor.office_code}-{env.today().year}-AA27-000001"
        self.claim_edit.setPlaceholderText(arg(self.tr("e.g. %1"), example))
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
        self.opened_edit = self.add_field("opened_on", self.tr("&Opened on"), date_edit(env.today()))
        if claim_no:
            self.claim_edit.setText(claim_no)
        self.revalidate()

    def claim_id(self) -> str | None:
        """The eligible claim the typed number names, as last checked on the GUI thread (None: none yet)."""
        return self.checked_claim_id

    def _lookup(self) -> tuple[str | None, list[FieldError], str] | None:
        """(claim id, errors, description) for the typed claim number, asked of the services off the GUI thread
        once per text; None while the answer is on its way (the dialog is checked again when it comes)."""
        text = self.claim_edit.text().strip().upper()
        if text in self._lookups:
            return self._lookups[text]
        if not text:
            return None, [FieldError("claim_no", "field.required")], ""
        if text not in self._asked:
            self._asked.add(text)
            actor = self.env.actor
            QueryOp(self, self.env, query=lambda services: _find_claim(services, actor, text),
                    success=lambda found: self._found(text, found)).failure(
                lambda exc: self._lookup_failed(text, exc)).run()
        return None

    def _lookup_failed(self, text: str, exc: Exception) -> None:
        if isinstance(exc, DomainError):  # e.g. not permitted: said under the field
            self._found(text, (None, [FieldError("claim_no", exc.key, exc.params)], None))
            return
        self._asked.discard(text)  # asked again when the number is edited
        show_failure(self, exc)

    def _found(self, text: str, found: tuple[str | None, list[FieldError], tuple | None]) -> None:
        claim_id, errors, about = found
        info = ""
        if about is not None and len(about) == 1:
            info = about[0]
        elif about is not None:
            worker_name, outcome, decided_on = about
            info = arg(self.tr("%1 · injury %2 on %3"), worker_name, outcome_labels().get(outcome, outcome),
                       decided_on.isoformat())
        self._asked.discard(text)
        self._lookups[text] = (claim_id, errors, info)
        self.revalidate()

    def check(self) -> list[FieldError]:
        found = self._lookup()
        self.looking_up = found is None
        claim_id, errors, info = found if found is not None else (None, [], self.tr("Looking up the claim…"))
        self.checked_claim_id = claim_id
        self.claim_info.setText(info)
        self.claim_info.setVisible(bool(info))
        errors = list(errors) + self.required_errors("provider")
        return errors + money_errors("budget", self.budget_edit.text(), required=True)

    def revalidate(self) -> list[FieldError]:
        errors = super().revalidate()
        if self.looking_up:  # OK comes back with the answer
            self.ok_button.setEnabled(False)
        return errors

    def _ok(self) -> None:
        self.check()
        if self.looking_up:
            return
        super()._ok()

    def save(self) -> str:
        data = {k: self.value(k) for k in ("referral_type", "provider", "budget", "opened_on")}
        return self.env.services.rehab.open_case(self.env.actor, self.claim_id(), data)


def _find_claim(services, actor, text: str) -> tuple[str | None, list[FieldError], tuple | None]:
    """Off the GUI thread: the claim numbered ``text`` and whether its injury was recognised or deemed, as
    (claim id if eligible, errors, (worker name[, outcome, decided on]) or None)."""
    rows = services.claim_list.page(actor, ClaimQuery(text=text, sort="claim_no"), 0, 5)
    match = next((r for r in rows if r.claim_no.upper() == text), None)
    if match is None:
        return None, [FieldError("claim_no", "rehab.claim_no_unknown", {"claim_no": text})], None
    det = services.claims.get(actor, match.claim_id).determination
    if det is None or det["outcome"] not in ELIGIBLE_OUTCOMES:
        return None, [FieldError("claim_no", "rehab.claim_not_recognised", {"claim_no": match.claim_no})], (
            match.worker_name,)
    return match.claim_id, [], (match.worker_name, det["outcome"], det["decided_on"])


class _CaseDialog(FormDialog):
    """A dialog about one case, with a line saying which case it is."""

    changes = Changes(rehab=True)

    def __init__(self, env, case: CaseDetail, title: str, parent=None) -> None:
        super().__init__(env, title, parent)
        self.case = case
        self.form.addRow(self.tr("Case"), QLabel(arg(self.tr("%1 · %2 · %3"), case.claim_no, case.worker_name, case.provider)))

    def revalidate(self) -> list[FieldError]:
        errors = super().revalidate()
        QTimer.singleShot(0, self, self._fit)
        return errors

    def _fit(self) -> None:
        """Grow to fit rule and warning lines that wrapped (a dialog does not do it for wrapped labels)."""
        layout = self.layout()
        height = layout.totalHeightForWidth(self.width()) if layout.hasHeightForWidth() else layout.sizeHint().height()
        if height > self.height():
            self.resize(self.width(), height)

    def plan_combo(self) -> QComboBox:
        combo = QComboBox()
        # The newest plan is the one being worked on, so it comes first.
        for plan in reversed(self.case.plans):
            combo.addItem(arg(self.tr("Plan of %1"), plan.drawn_up_on.isoformat()), plan.id)
        return combo

    def goals(self) -> list[GoalView]:
        """The case's goals, those of the newest plan first."""
        return [g for plan in reversed(self.case.plans) for g in plan.goals]


def scale_errors(key: str, measure: str, text: str) -> list[FieldError]:
    """A value on a standard scale, checked as the service checks it; empty is left to the caller."""
    text = (text or "").strip()
    broken = measure_value_error(measure, text) if text else None
    return [FieldError(key, broken[0], broken[1])] if broken else []


def scale_hint(measure: str) -> str:
    """The range of a standard scale, e.g. "0–100"."""
    scale = MEASURE_SCALES[measure]
    return f"{scale.low}–{scale.high}"


class PlanDialog(_CaseDialog):
    def __init__(self, env, case: CaseDetail, parent=None) -> None:
        super().__init__(env, case, "", parent)
        self.setWindowTitle(self.tr("Add rehabilitation plan"))
        self.drawn_up_edit = self.add_field("drawn_up_on", self.tr("&Drawn up on"),
                                            date_edit(env.today()))
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
    """A goal: what should improve, on which measure, from which baseline to which target, by when."""

    def __init__(self, env, case: CaseDetail, parent=None) -> None:
        super().__init__(env, case, "", parent)
        self.setWindowTitle(self.tr("Add goal"))
        self.plan = self.add_field("plan_id", self.tr("P&lan"), self.plan_combo())
        self.description_edit = self.add_field("description", self.tr("&Goal"), QLineEdit())
        self.description_edit.setPlaceholderText(self.tr("e.g. dress and wash without help"))
        self.measure_combo = QComboBox()
        for key, text in measure_labels().items():
            self.measure_combo.addItem(text, key)
        self.measure_combo.addItem(self.tr("Another measure…"), "")
        self.add_field("measure", self.tr("&Measure"), self.measure_combo)
        self.measure_edit = self.add_field("measure_name", self.tr("Measure &name"), QLineEdit())
        self.measure_edit.setPlaceholderText(self.tr("e.g. grip strength (kg)"))
        self.baseline_edit = self.add_field("baseline", self.tr("&Baseline"), QLineEdit())
        self.target_edit = self.add_field("target", self.tr("&Target"), QLineEdit())
        self.target_date_edit = self.add_field("target_date", self.tr("Target &date"),
                                               date_line(self.tr("optional, yyyy-mm-dd")))
        self.measure_combo.currentIndexChanged.connect(lambda _i: self._measure_changed())
        self._measure_changed()

    def measure(self) -> str:
        return self.value("measure") or self.value("measure_name").strip()

    def _measure_changed(self) -> None:
        custom = not self.measure_combo.currentData()
        self.measure_edit.setEnabled(custom)
        hint = self.tr("free text, e.g. 12 kg") if custom else arg(self.tr("a value from %1"), scale_hint(self.measure_combo.currentData()))
        for edit in (self.baseline_edit, self.target_edit):
            edit.setPlaceholderText(hint)
        self.revalidate()

    def check(self) -> list[FieldError]:
        errors = self.required_errors("plan_id", "description")
        if not self.measure_combo.currentData() and not self.measure_edit.text().strip():
            errors.append(FieldError("measure_name", "field.required"))
        if self.measure_combo.currentData():
            errors += scale_errors("baseline", self.measure(), self.baseline_edit.text())
            errors += scale_errors("target", self.measure(), self.target_edit.text())
        return errors + optional_date_errors("target_date", self.target_date_edit.text())

    def save(self) -> str:
        data = {k: self.value(k) for k in ("description", "baseline", "target", "target_date")}
        data["measure"] = self.measure()
        return self.env.services.rehab.add_goal(self.env.actor, self.value("plan_id"), data)


class MeasurementDialog(_CaseDialog):
    """One measurement of a goal's measure, checked against the goal's scale while typing."""

    def __init__(self, env, case: CaseDetail, parent=None, goal_id: str | None = None) -> None:
        super().__init__(env, case, "", parent)
        self.setWindowTitle(self.tr("Record measurement"))
        self.goal_combo = QComboBox()
        for g in self.goals():
            self.goal_combo.addItem(f"{g.description} — {measure_label(g.measure)}", g.id)
        if goal_id:
            self.goal_combo.setCurrentIndex(max(0, self.goal_combo.findData(goal_id)))
        self.add_field("goal_id", self.tr("&Goal"), self.goal_combo)
        self.goal_info = QLabel()
        self.goal_info.setWordWrap(True)
        self.form.addRow("", self.goal_info)
        self.date_edit = self.add_field("measured_on", self.tr("&Measured on"), date_edit(env.today()))
        self.value_edit = self.add_field("value", self.tr("&Value"), QLineEdit())
        self.goal_combo.currentIndexChanged.connect(lambda _i: self._goal_changed())
        self._goal_changed()

    def goal(self) -> GoalView | None:
        return next((g for g in self.goals() if g.id == self.goal_combo.currentData()), None)

    def _goal_changed(self) -> None:
        g = self.goal()
        if g is not None:
            info = arg(self.tr("Baseline %1 · target %2"), g.baseline or "—", g.target or "—")
            if g.measurements:
                last = g.measurements[-1]
                info += " · " + arg(self.tr("latest %1 on %2"), last.value, last.measured_on.isoformat())
            self.goal_info.setText(info)
            self.value_edit.setPlaceholderText(scale_hint(g.measure) if g.measure in MEASURE_SCALES
                                               else self.tr("a number"))
        self.revalidate()

    def check(self) -> list[FieldError]:
        errors = self.required_errors("goal_id", "value")
        g = self.goal()
        if g is not None and self.value_edit.text().strip():
            broken = measure_value_error(g.measure, self.value_edit.text())
            if broken:
                errors.append(FieldError("value", broken[0], broken[1]))
        return errors

    def save(self) -> str:
        return self.env.services.rehab.record_measurement(self.env.actor, self.value("goal_id"),
                                                          self.value("measured_on"), self.value("value"))


class ReviewPlanDialog(_CaseDialog):
    """A plan review: when it took place, what was found, and when the next review is due."""

    def __init__(self, env, case: CaseDetail, parent=None) -> None:
        super().__init__(env, case, "", parent)
        self.setWindowTitle(self.tr("Review plan"))
        self.plan = self.add_field("plan_id", self.tr("P&lan"), self.plan_combo())
        self.due_label = QLabel()
        self.form.addRow(self.tr("Review due"), self.due_label)
        self.reviewed_edit = self.add_field("reviewed_on", self.tr("Reviewed &on"),
                                            date_edit(env.today()))
        self.next_edit = self.add_field("next_review_on", self.tr("&Next review on"),
                                        date_line(self.tr("optional, yyyy-mm-dd")))
        self.notes_edit = self.add_field("notes", self.tr("&Findings"), QPlainTextEdit())
        self.notes_edit.setTabChangesFocus(True)
        self.plan.currentIndexChanged.connect(lambda _i: self._plan_changed())
        self._plan_changed()

    def _plan_changed(self) -> None:
        plan = next((p for p in self.case.plans if p.id == self.plan.currentData()), None)
        due = plan.review_on.isoformat() if plan and plan.review_on else self.tr("not planned")
        self.due_label.setText(due)
        self.revalidate()

    def check(self) -> list[FieldError]:
        return self.required_errors("plan_id") + optional_date_errors("next_review_on", self.next_edit.text())

    def save(self) -> None:
        plan = next(p for p in self.case.plans if p.id == self.value("plan_id"))
        data = {k: self.value(k) for k in ("reviewed_on", "next_review_on", "notes")}
        self.env.services.rehab.review_plan(self.env.actor, plan.id, data, token=plan.token)


class SessionDialog(_CaseDialog):
    """Books a session; says before saving what it does to the budget, and who may approve an overrun."""

    def __init__(self, env, case: CaseDetail, parent=None) -> None:
        super().__init__(env, case, "", parent)
        self.setWindowTitle(self.tr("Schedule session"))
        self.form.addRow(self.tr("Budget"), QLabel(arg(self.tr("%1 of %2 yuan left"), f"{case.remaining:,.2f}", f"{case.budget:,.2f}")))
        self.plan = self.add_field("plan_id", self.tr("P&lan"), self.plan_combo())
        self.date_edit = self.add_field("scheduled_on", self.tr("&Date"), date_edit(env.today()))
        self.kind_edit = self.add_field("kind", self.tr("&Kind"), QLineEdit())
        self.kind_edit.setPlaceholderText(self.tr("e.g. physiotherapy"))
        self.cost_edit = self.add_field("cost", self.tr("&Cost (yuan)"), QLineEdit())
        self.outlook = QLabel()
        self.outlook.setWordWrap(True)
        self.form.addRow("", self.outlook)
        self.notes_edit = self.add_field("notes", self.tr("&Notes"), QLineEdit())
        self.approve_box = QCheckBox(self.tr("&Approve going over the budget"))
        # Only the role the service accepts as approver sees the box; for others it would do nothing.
        self.can_approve = env.actor.role == OVER_BUDGET_APPROVER
        if self.can_approve:
            self.add_field("approve", self.tr("Approval"), self.approve_box)
        self.revalidate()

    def cost(self) -> Decimal | None:
        if money_errors("cost", self.cost_edit.text(), required=False):
            return None
        text = self.cost_edit.text().strip()
        return parse_amount(text, grouping=True) if text else Decimal(0)

    def check(self) -> list[FieldError]:
        errors = self.required_errors("plan_id", "kind") + money_errors("cost", self.cost_edit.text(), required=False)
        cost = self.cost()
        outlook = "ok" if cost is None else budget_outlook(self.case.budget, self.case.spent, cost)
        total = self.case.spent + (cost or Decimal(0))
        share = (total / self.case.budget * 100) if self.case.budget else Decimal(0)
        if outlook == "over":
            text = arg(self.tr("This session takes the case %1 yuan over its budget of %2 yuan."), f"{total - self.case.budget:,.2f}", f"{self.case.budget:,.2f}")
            if not self.can_approve:
                errors.append(FieldError("cost", "rehab.over_budget_needs_supervisor", {}))
            elif not self.approve_box.isChecked():
                self.touched.add("approve")  # the cost just made the approval necessary: say so at once
                errors.append(FieldError("approve", "rehab.over_budget_tick_approval", {}))
            colour = ERROR_COLOUR
        elif outlook == "warn":
            text = arg(self.tr("Careful: with this session %1 % of the budget is committed "
                           "(%2 yuan left)."), f"{share:.0f}", f"{self.case.budget - total:,.2f}")
            colour = WARN_COLOUR
        else:
            text = ""
            colour = ""
        self.outlook.setText(text)
        self.outlook.setStyleSheet(f"color: {colour};" if colour else "")
        self.outlook.setVisible(bool(text))
        if self.can_approve:
            self.approve_box.setEnabled(outlook == "over" or self.approve_box.isChecked())
        return errors

    def save(self) -> str:
        data = {k: self.value(k) for k in ("scheduled_on", "kind", "cost", "notes")}
        return self.env.services.rehab.schedule_session(self.env.actor, self.value("plan_id"), data,
                                                        approve_over_budget=self.can_approve and self.value("approve"))


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
        self.closed_edit = self.add_field("closed_on", self.tr("&Closed on"), date_edit(env.today()))
        if not case.rtw_outcome:
            note = QLabel(self.tr("Record the return-to-work outcome first: a case closes with its outcome."))
            note.setWordWrap(True)
            self.form.addRow("", note)
        self.revalidate()

    def save(self) -> None:
        self.env.services.rehab.close_case(self.env.actor, self.case.id, self.value("closed_on"),
                                           token=self.case.token)

