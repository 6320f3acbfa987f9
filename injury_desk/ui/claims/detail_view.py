"""The claim detail panel: the facts, the next deadline, and the next step with its button."""

from __future__ import annotations

from decimal import Decimal
from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTextBrowser, QVBoxLayout, QWidget

from injury_desk.placeholders import arg
from injury_desk.ui.messages import (
    applicant_labels,
    deadline_kind_label,
    error_text,
    label,
    labels,
    next_step_label,
    outcome_labels,
    rule_text,
    sex_label,
    status_label,
)
from injury_desk.ui.operations import QueryOp
from injury_desk.ui.permissions import permit
from injury_desk.ui.section_tabs import SectionTabs

if TYPE_CHECKING:  # a type only: the view must not pull SQLAlchemy in before the first paint
    from injury_desk.services.claims import ClaimDetail


class ClaimDetailView(QWidget):
    step_requested = Signal(str)
    advance_requested = Signal(str)

    def __init__(self, parent=None, env=None) -> None:
        super().__init__(parent)
        self.env = env
        self.claim: ClaimDetail | None = None
        # The money and rehabilitation blocks of the shown claim, read off the GUI thread after its facts
        # (each the value read, or the exception that reading it raised); None until they arrive.
        self.extras: dict | None = None
        self.rehab_window = None  # the rehabilitation case or editor opened from the summary
        self.browser = QTextBrowser()
        self.browser.setObjectName("claim_detail")
        self.browser.setOpenLinks(False)
        self.browser.anchorClicked.connect(self._link)
        # The text wraps to the pane's width (anywhere, if need be), so nothing needs sideways scrolling; Qt's
        # table layout rounds some widths one pixel over the viewport, which alone showed a horizontal scrollbar.
        self.browser.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.next_label = QLabel()
        self.next_label.setObjectName("next_step")
        self.next_label.setWordWrap(True)
        self.step_button = QPushButton(self.tr("Do &next step…"))
        self.step_button.setObjectName("next_step_button")
        self.step_button.clicked.connect(self._step)
        self.extend_button = QPushButton(self.tr("E&xtend appraisal (+30 days)"))
        self.extend_button.clicked.connect(lambda: self.step_requested.emit("extend_appraisal"))
        self.assessment_button = QPushButton(self.tr("Benefit &assessment…"))
        self.assessment_button.setObjectName("assessment_button")
        self.assessment_button.clicked.connect(lambda: self.step_requested.emit("assessment"))
        self.print_button = QPushButton(self.tr("&Print…"))
        self.print_button.setObjectName("print_button")
        self.advance_buttons: dict[str, QPushButton] = {}
        bar = QHBoxLayout()
        bar.addWidget(self.step_button)
        bar.addWidget(self.extend_button)
        bar.addWidget(self.assessment_button)
        for target, text in (("assessment", self.tr("Move to a&ssessment")), ("payment", self.tr("Move to pa&yment")),
                             ("closed", self.tr("C&lose claim"))):
            b = QPushButton(text)
            b.setObjectName(f"advance_{target}")
            b.clicked.connect(lambda _=False, t=target: self.advance_requested.emit(t))
            self.advance_buttons[target] = b
            bar.addWidget(b)
        bar.addStretch(1)
        bar.addWidget(self.print_button)
        # The summary first; the case file's tabs join it once the services are known (_case_file). Their titles
        # wrap onto a second row in the pane a 1366 px window leaves (SectionTabs).
        self.tabs = SectionTabs()
        self.tabs.setObjectName("claim_tabs")
        self.tabs.addTab(self.browser, self.tr("S&ummary"))
        self.case_tabs: dict[str, QWidget] = {}
        self.tabs.currentChanged.connect(lambda _i: self._load_tab())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.next_label)
        layout.addLayout(bar)
        self.show_claim(None)

    def _step(self) -> None:
        if self.claim:
            self.step_requested.emit(self.claim.next_step)

    def show_claim(self, claim: ClaimDetail | None) -> None:
        self.claim = claim
        self.extras = None
        has = claim is not None
        if not has:
            hint = self.tr("Select a claim to see its details.")
            self.browser.setHtml(f"<p>{escape(hint)}</p>")
            self.next_label.setText("")
        else:
            self._case_file()
            self.browser.setHtml(self._html(claim))
            self.next_label.setText(arg(self.tr("Next step: %1"), next_step_label(claim.next_step)))
            self._read_extras(claim)
        dialog_steps = {"next.record_application", "next.accept_application", "next.decide",
                        "next.request_appraisal", "next.record_appraisal", "next.propose_assessment",
                        "next.approve_assessment", "next.record_payments"}
        self.step_button.setVisible(has and claim.next_step in dialog_steps)
        self.extend_button.setVisible(has and claim.status == "appraisal" and claim.appraisal is not None
                                      and not claim.appraisal["extended"] and claim.appraisal["appraised_on"] is None)
        for target, button in self.advance_buttons.items():
            # Assessment and payment are reached through the assessment dialog (propose, approve).
            button.setVisible(has and target in claim.allowed_transitions and target == "closed")
        self.assessment_button.setVisible(has and claim.status in ("determination", "appraisal", "assessment",
                                                                   "payment", "closed")
                                          and claim.determination is not None)
        self.print_button.setEnabled(has)
        if self.env is not None:  # the steps change the claim: a role without the permission sees why not
            permit(self.step_button, self.env.actor, "claim.decide")
            permit(self.extend_button, self.env.actor, "claim.edit")
            for button in self.advance_buttons.values():
                permit(button, self.env.actor, "claim.edit")
        self._load_tab()

    def _case_file(self) -> None:
        """Deadlines, documents, notes and history as tabs, made once the environment is known."""
        env = self._env()
        if self.case_tabs or env is None:
            return
        from injury_desk.ui.claims.case_file import DeadlinesTab, DocumentsTab, HistoryTab, NotesTab
        from injury_desk.ui.claims.claim_life import (AdvancesTab, CostsTab, DependantsTab, MissingWorkerTab,
                                                     RecurrencesTab)

        for key, widget, title in (("deadlines", DeadlinesTab(env), self.tr("&Deadlines")),
                                   ("documents", DocumentsTab(env), self.tr("D&ocuments")),
                                   ("costs", CostsTab(env), self.tr("&Costs")),
                                   ("dependants", DependantsTab(env), self.tr("D&ependants")),
                                   ("recurrences", RecurrencesTab(env), self.tr("&Recurrence")),
                                   ("advances", AdvancesTab(env), self.tr("Un&insured employer")),
                                   ("missing", MissingWorkerTab(env), self.tr("&Missing worker")),
                                   ("notes", NotesTab(env), self.tr("No&tes")),
                                   ("history", HistoryTab(env), self.tr("&History"))):
            widget.setObjectName(f"claim_{key}")
            self.case_tabs[key] = widget
            self.tabs.addTab(widget, title)

    def _load_tab(self) -> None:
        """Only the tab in view reads its rows (selecting claims in the list stays quick)."""
        widget = self.tabs.currentWidget()
        if widget is self.browser or widget is None:
            return
        try:
            widget.show_claim(self.claim)
        except Exception as exc:  # the tab says what went wrong; the claim stays shown
            error = getattr(widget, "error", None)
            if error is None:
                raise
            error.setText(error_text(exc))
            error.setVisible(True)

    def _read_extras(self, claim: ClaimDetail) -> None:
        env = self._env()
        if env is None:
            return
        actor = env.actor

        def read(services) -> dict:
            def part(fn):
                try:
                    return fn()
                except Exception as exc:  # the claim still shows; its block says what went wrong
                    return exc
            return {"money": part(lambda: (services.case_file.money(actor, claim.id),
                                           services.costs.totals(actor, claim.id),
                                           services.assessments.history(actor, claim.id))),
                    "rehab": part(lambda: services.rehab.claim_summary(actor, claim.id))}

        def shown(extras: dict) -> None:
            if self.claim is claim:
                self.extras = extras
                self.browser.setHtml(self._html(claim))

        QueryOp(self, env, query=read, success=shown).superseding("extras").run()

    def _html(self, c: ClaimDetail) -> str:
        row = _fact_row

        w, e = c.worker, c.employer
        deadline = ""
        if c.next_deadline:
            deadline = f"{c.next_deadline.isoformat()} — {deadline_kind_label(c.next_deadline_kind)}"
        rows = [
            row(self.tr("Claim no."), c.claim_no),
            row(self.tr("Status"), status_label(c.status)),
            row(self.tr("Next deadline"), deadline),
            row(self.tr("Worker"), arg(self.tr("%1 (%2, born %3)"), w.name, sex_label(w.sex), w.birth_date.isoformat())),
            row(self.tr("ID number"), w.id_number),
            row(self.tr("Employer"), e.name),
            row(self.tr("Credit code"), c.extra.get("employer_code_masked", "")),
            row(self.tr("Accident"), f"{c.accident_date.isoformat()} {c.accident_time}"),
            row(self.tr("Place"), c.accident_place),
            row(self.tr("Injured body parts"), c.body_parts),
            row(self.tr("Diagnosis"), c.diagnosis),
        ]
        if c.fatal:
            # Art. 39 counts from the death, which may follow the accident
            rows.append(row(self.tr("Date of death"), (c.death_date or c.accident_date).isoformat()))
        rows += [
            row(self.tr("Applicant"), applicant_labels().get(c.applicant_type or "", "")),
            row(self.tr("Application received"), c.application_received_on),
            row(self.tr("Accepted"), c.accepted_on),
        ]
        if c.determination:
            d = c.determination
            rows.append(row(self.tr("Determination"),
                            arg(self.tr("%1, %2, decision %3"), outcome_labels().get(d['outcome'], d['outcome']),
                                d['decided_on'], d['decision_no'])))
            rows.append(row(self.tr("Legal basis"), d["basis"]))
        if c.appraisal:
            a = c.appraisal
            grade = a["disability_grade"]
            requested = arg(self.tr("requested %1"), a["requested_on"])
            if a["appraised_on"]:
                concluded = arg(self.tr("concluded %1, grade %2"), a["appraised_on"], grade or "—")
            else:
                concluded = self.tr("pending")
            rows.append(row(self.tr("Appraisal"), arg(self.tr("%1; %2"), requested, concluded)))
        sw = c.extra.get("stop_work")
        if sw:
            if sw["ended_on"] is not None:
                text = arg(self.tr("%1 to %2: %3 month(s) of wages"), sw["started_on"].isoformat(),
                           sw["ended_on"].isoformat(), sw["months_paid"])
            else:
                text = arg(self.tr("from %1, at most %2 months"), sw["started_on"].isoformat(), sw["months"])
            if sw["extension_ref"]:
                text += " · " + arg(self.tr("extended to %1 months, confirmed by %2"), sw["months"],
                                    sw["extension_ref"])
            rows.append(row(self.tr("Suspension period (Art. 33)"), text))
        warn = "".join(f"<p style='color:#8a5a00'>{escape(rule_text(w.rule, w.params))}</p>" for w in c.warnings)
        circumstances = escape(c.circumstances).replace("\n", "<br>")
        heading = self.tr("Circumstances")
        return (f"{_FACTS_TABLE}{''.join(rows)}</table>{warn}{self._money_html(c)}{self._deadlines_html(c)}"
                f"{self._rehab_html(c)}"
                f"<h4>{escape(heading)}</h4><p>{circumstances}</p>")

    def _money_html(self, c: ClaimDetail) -> str:
        """The current assessment, the payments made and due, and the costs paid against receipts."""
        money = self.extras["money"] if self.extras is not None else None
        if money is None:
            return ""
        if isinstance(money, Exception):
            return f"<p style='color:#b00020'>{escape(error_text(money))}</p>"
        m, costs, history = money
        has_costs = bool(costs.approved_fund or costs.approved_employer or costs.proposed)
        if m.assessment_status is None and not m.paid_fen and not m.due_fen and not has_costs:
            return ""

        def yuan(fen: int) -> str:
            return f"{fen // 100:,}.{fen % 100:02d}"

        states = {"proposed": self.tr("proposed, awaiting approval"), "approved": self.tr("approved"),
                  "returned": self.tr("returned for changes")}
        rows = []
        if m.assessment_status is not None:
            rows.append((self.tr("Current assessment"),
                         arg(self.tr("%1: %2 yuan once, %3 yuan a month"), states.get(m.assessment_status, ""),
                             yuan(m.once_fen), yuan(m.monthly_fen))))
        rows += self._supersession_rows(history)
        rows.append((self.tr("Paid"), arg(self.tr("%1 yuan in %2 payment(s)"), yuan(m.paid_fen), m.payments_paid)))
        due = arg(self.tr("%1 yuan in %2 payment(s)"), yuan(m.due_fen), m.payments_due)
        if m.next_due_on is not None:
            due += " · " + arg(self.tr("next on %1"), m.next_due_on.isoformat())
        rows.append((self.tr("Due"), due))
        if m.overdue_fen:
            rows.append((self.tr("Overdue"), arg(self.tr("%1 yuan"), yuan(m.overdue_fen))))
        if has_costs:
            rows.append((self.tr("Costs against receipts"), arg(
                self.tr("%1 yuan approved from the fund, %2 yuan by the employer, %3 yuan awaiting approval"),
                f"{costs.approved_fund:,.2f}", f"{costs.approved_employer:,.2f}", f"{costs.proposed:,.2f}")))
        title = self.tr("Money")
        return f"<h4>{escape(title)}</h4>{_FACTS_TABLE}{''.join(_fact_row(k, v) for k, v in rows)}</table>"

    def _supersession_rows(self, history) -> list[tuple[str, str]]:
        """Arts. 26, 28: every superseded assessment (never edited) and the settlement of the one in force."""
        rows: list[tuple[str, str]] = []
        by_id = {a.id: a for a in history}
        for a in history:
            if a.status != "approved":
                continue
            if a.superseded_by and a.superseded_by in by_id:
                successor = by_id[a.superseded_by]
                rows.append((self.tr("Superseded assessment"), arg(
                    self.tr("%1 yuan once, %2 yuan a month; superseded from %3"), f"{a.total_once:,.2f}",
                    f"{a.total_monthly:,.2f}", successor.effective_from.isoformat() if successor.effective_from
                    else "")))
            elif a.effective_from is not None:
                rows.append((self.tr("In force from"), a.effective_from.isoformat()))
                for line in a.settlement:
                    what = label("benefit_item", line["item_code"])
                    title = self.tr("Arrears") if line["kind"] == "arrears" else self.tr("Overpayment to recover")
                    amount = f"{abs(Decimal(line['difference'])):,.2f}"
                    text = arg(self.tr("%1: %2 yuan"), what, amount)
                    if line["period"] == "monthly":
                        step = abs(Decimal(line["new_amount"]) - Decimal(line["old_amount"]))
                        text += " " + arg(self.tr("(%1 month(s) × %2)"), line["months"], f"{step:,.2f}")
                    rows.append((title, text))
        return rows

    def _deadlines_html(self, c: ClaimDetail) -> str:
        """Every running clock with its legal basis and what it means today; colour only for overdue work."""
        if not c.deadlines:
            return ""
        recipients = labels("recipient")
        head = "".join(f"<th align='left' style='padding-right:10px'>{escape(h)}</th>" for h in (
            self.tr("Deadline"), self.tr("Due date"), self.tr("State"), self.tr("Legal basis")))
        body = []
        for d, status in zip(c.deadlines, c.deadline_status):
            name = deadline_kind_label(d.kind)
            if d.recipient:
                name += f" — {recipients.get(d.recipient, d.recipient)}"
            state = label("deadline_status", status)
            if d.paused_since is not None:
                state = arg(self.tr("Paused since %1"), d.paused_since.isoformat())
            style = " style='color:#b00020;font-weight:bold'" if status == "overdue" else ""
            basis = label("deadline_basis", d.kind)
            body.append(f"<tr><td>{escape(name)}</td><td>{d.due.isoformat()}</td><td{style}>{escape(state)}</td>"
                        f"<td>{escape(basis)}</td></tr>")
        title = self.tr("Open tasks: statutory deadlines")
        # The width of the pane, not of the longest legal basis: the cells wrap instead of scrolling sideways.
        return f"<h4>{escape(title)}</h4><table width='100%'><tr>{head}</tr>{''.join(body)}</table>"

    # ---------------------------------------------------------------- rehabilitation summary

    def _env(self):
        """The UiEnv given, or the one of the page this view sits in (the claims page)."""
        widget = self
        while widget is not None and self.env is None:
            self.env = getattr(widget, "env", None)
            widget = widget.parentWidget()
        return self.env

    def _rehab_html(self, c: ClaimDetail) -> str:
        env = self._env()
        if env is None:
            return ""
        from injury_desk.domain.rehab import ELIGIBLE_OUTCOMES
        from injury_desk.services.permissions import allowed
        from injury_desk.ui.rehab.claim_summary import claim_rehab_html

        cases = self.extras["rehab"] if self.extras is not None else None
        if cases is None:
            return ""
        if isinstance(cases, Exception):
            return f"<p style='color:#b00020'>{escape(error_text(cases))}</p>"
        eligible = c.determination is not None and c.determination["outcome"] in ELIGIBLE_OUTCOMES
        return claim_rehab_html(cases, eligible=eligible, can_open=allowed(env.actor, "rehab.edit"))

    def _link(self, url: QUrl) -> None:
        from injury_desk.ui.rehab.case_dialogs import OpenCaseDialog
        from injury_desk.ui.rehab.case_window import CaseWindow
        from injury_desk.ui.rehab.claim_summary import CASE_LINK, OPEN_LINK

        env, link = self._env(), url.toString()
        if env is None or self.claim is None:
            return
        if link.startswith(CASE_LINK):
            self.rehab_window = CaseWindow(env, link[len(CASE_LINK):], self)
        elif link.startswith(OPEN_LINK):
            self.rehab_window = OpenCaseDialog(env, self, claim_no=self.claim.claim_no)
        else:
            return
        # What was done in the window shows in the summary once it closes.
        self.rehab_window.finished.connect(lambda _r, claim=self.claim: self.claim is claim and self.show_claim(claim))
        self.rehab_window.open()


# The facts and the money are two tables with one label column: the same share of the pane, so their values line up.
_FACTS_TABLE = "<table width='100%'>"


def _fact_row(label: str, value) -> str:
    return (f"<tr><th align='left' width='34%' style='padding-right:12px'>{escape(label)}</th>"
            f"<td>{escape(str(value or ''))}</td></tr>")
