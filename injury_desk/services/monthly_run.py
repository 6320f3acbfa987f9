"""The monthly run (issue 15 item 5): who in the office is due which monthly benefit in a chosen month, computed
from each claim's approved assessment in force, the dependants register and the region's Art. 40 notices, each
line with its basis; read-only, and written to CSV through the guarded output path (never over the database)."""

from __future__ import annotations

import csv
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any, Mapping

from sqlalchemy import select

from injury_desk.domain.compensation import Adjustment, load_rules
from injury_desk.domain.compensation.adjustments import next_month
from injury_desk.domain.compensation.dependants import pension_for_month
from injury_desk.domain.errors import DomainError, FieldError, raise_if
from injury_desk.domain.monthly_run import ApprovedAssessment, adjusted, assessment_due, late_notice_back_pay
from injury_desk.domain.money import from_fen, parse_amount
from injury_desk.private_files import private_output
from injury_desk.services.actor import Actor
from injury_desk.services.assessments import AssessmentService
from injury_desk.services.context import ServiceContext
from injury_desk.services.fields import FieldReader
from injury_desk.services.dependants import register_person
from injury_desk.services.pension_window import PensionWindow, first_monthly_due, local_day, window_for
from injury_desk.services.permissions import require
from injury_desk.store.models import Assessment, Claim, Dependant, MissingWorker, Payment, Person
from injury_desk.store.own_files import refuse_own_file

PENSION = "dependants_pension"
# A claim pays monthly benefits while it is in payment; closing it is the caseworker's finding that they are done.
PAYING_STATUSES = ("payment",)
CSV_FIELDS = ("month", "claim_no", "worker", "payee", "item_code", "kind", "payer", "amount", "base",
              "assessment_id", "approved_on", "basis", "notices")


@dataclass(frozen=True)
class RunLine:
    """One payment due in the month: to ``payee`` (the worker, or a dependant's payee), ``amount`` with the
    notices applied; ``kind`` monthly or back_pay; the basis is the assessment (approved on ``approved_on``),
    the item's article and the adjustment notices."""

    month: date
    claim_id: str
    claim_no: str
    worker: str
    payee: str
    item_code: str
    kind: str
    payer: str
    amount: Decimal
    base: Decimal
    assessment_id: str
    approved_on: date
    basis: str
    notices: tuple[str, ...]
    dependant_id: str | None = None
    basis_message: Mapping[str, Any] | None = None  # the basis as a message key: the GUI shows it in its language
    # the stored payment of this month's line, when the schedule holds one (what "Mark paid" records against)
    payment_id: str | None = None
    payment_status: str | None = None  # scheduled, paid
    paid_on: date | None = None
    payment_amount: Decimal | None = None

    def record(self) -> dict[str, str]:
        """The line as text fields (CSV and JSON): amounts to the fen, notices joined by "; "."""
        return {"month": self.month.strftime("%Y-%m"), "claim_no": self.claim_no, "worker": self.worker,
                "payee": self.payee, "item_code": self.item_code, "kind": self.kind, "payer": self.payer,
                "amount": f"{self.amount:.2f}", "base": f"{self.base:.2f}", "assessment_id": self.assessment_id,
                "approved_on": self.approved_on.isoformat(), "basis": self.basis, "notices": "; ".join(self.notices)}


def parse_month(text: str) -> date:
    """``YYYY-MM`` (or a full date) → the first of that month; bad input names the field and the rule."""
    value = (text or "").strip()
    try:
        day = date.fromisoformat(value + "-01" if len(value) == 7 else value)
    except ValueError:
        raise_if([FieldError("month", "field.month_format", {"value": value})])
    return day.replace(day=1)


class MonthlyRunService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def _adjustments(self, actor: Actor) -> tuple[Adjustment, ...]:
        try:
            return load_rules(self.ctx.resources_dir / "rules").adjustments(actor.office_region)
        except DomainError:
            return ()

    def due(self, actor: Actor, month: date) -> list[RunLine]:
        """Every monthly benefit due in ``month`` in the actor's office, by claim number: the worker's own
        benefits from the assessment in force, each dependant's pension to that person's payee."""
        require(actor, "claim.view")
        month = month.replace(day=1)
        adjustments = self._adjustments(actor)
        book = load_rules(self.ctx.resources_dir / "rules")
        out: list[RunLine] = []
        with self.ctx.read() as s:
            claims = list(s.execute(
                select(Claim, Person.name).join(Person, Person.id == Claim.worker_id)
                .where(Claim.office_id == actor.office_id, Claim.deleted.is_(False),
                       Claim.status.in_(PAYING_STATUSES)).order_by(Claim.claim_no)))
            ids = [c.id for c, _ in claims]
            claim_dates = {c.id: (c.accident_date, c.death_date) for c, _ in claims}
            rows = list(s.scalars(select(Assessment).where(Assessment.claim_id.in_(ids), Assessment.deleted.is_(False),
                                                           Assessment.status == "approved",
                                                           Assessment.decided_at.is_not(None))))
            first_due = first_monthly_due(s, rows)
            approved: dict[str, list[ApprovedAssessment]] = {}
            for a in rows:
                # the approval's day as shown to the office: the UTC timestamp in local time
                approved.setdefault(a.claim_id, []).append(ApprovedAssessment(
                    a.id, local_day(a.decided_at), tuple((a.result or {}).get("items", [])), first_due.get(a.id)))
            stored: dict[tuple[str, str, str | None], Payment] = {}
            for p in s.scalars(select(Payment).where(Payment.claim_id.in_(ids), Payment.deleted.is_(False),
                                                     Payment.due_on == month, Payment.status.in_(("scheduled", "paid")))
                               .order_by(Payment.id)):
                stored.setdefault((p.claim_id, p.item_code, p.dependant_id), p)
            registers: dict[str, list] = {}
            for d in s.scalars(select(Dependant).where(Dependant.claim_id.in_(ids), Dependant.deleted.is_(False))
                               .order_by(Dependant.birth_date, Dependant.id)):
                registers.setdefault(d.claim_id, []).append(register_person(d))
            windows = {row.claim_id: window_for(*claim_dates[row.claim_id], row) for row in s.scalars(
                select(MissingWorker).where(MissingWorker.claim_id.in_(ids), MissingWorker.deleted.is_(False)))}
        for claim, worker in claims:
            window = windows.get(claim.id) or window_for(claim.accident_date, claim.death_date, None)
            people = registers.get(claim.id, []) if claim.fatal else []
            # Art. 41: a missing worker's dependants are paid from the 4th month and while he is missing
            leave_out = frozenset({PENSION}) if people or not window.due(month) else frozenset()
            if not window.due(month):
                people = []
            current, lines = assessment_due(approved.get(claim.id, []), month, adjustments, leave_out=leave_out)
            if current is None:
                continue

            def line(code, kind, payer, amount, base, basis, notices, payee=worker, dependant_id=None,
                     basis_message=None, claim=claim, worker=worker, current=current):
                return RunLine(month, claim.id, claim.claim_no, worker, payee, code, kind, payer, amount, base,
                               current.assessment_id, current.approved_on, basis, notices, dependant_id,
                               basis_message)

            for d in lines:
                out.append(line(d.item_code, d.kind, d.payer, d.amount, d.base, d.basis, d.notices,
                                basis_message=d.basis_message))
            if people:
                out.extend(line(*x) for x in self._pensions(claim, current, people, month, adjustments, book, window))
        return [self._with_payment(x, stored) for x in out]

    @staticmethod
    def _with_payment(line: RunLine, stored: dict) -> RunLine:
        """A monthly line with the stored payment of its month (a computed back-pay line has none)."""
        if line.kind != "monthly":
            return line
        p = stored.get((line.claim_id, line.item_code, line.dependant_id))
        if p is None:
            return line
        return replace(line, payment_id=p.id, payment_status=p.status, paid_on=p.paid_on,
                       payment_amount=from_fen(p.amount_fen))

    def mark_paid(self, actor: Actor, payment_id: str, data: dict[str, Any]) -> None:
        """Record a run line's stored payment as paid: ``paid_on`` (not in the future) and ``reference`` (the bank's
        or the payment order's, required here); a payment is paid once (payment.record, audited)."""
        require(actor, "payment.record")
        r = FieldReader(data)
        paid_on = r.date("paid_on", required=True, not_after=self.ctx.today())
        reference = r.text("reference", required=True, max_len=100)
        raise_if(r.errors)
        AssessmentService(self.ctx).record_payment(actor, payment_id, paid_on.isoformat(), reference)

    @staticmethod
    def _pensions(claim: Claim, current: ApprovedAssessment, people, month: date, adjustments, book,
                  window: PensionWindow):
        """Each dependant's pension in ``month`` (Art. 39(2)): the register's share of the wage base of the
        assessment in force, cut to the cap, with the notices; and a late notice's back pay for that person."""
        base_item = next((i for i in current.items if i.get("code") == "wage_base"), None)
        pension_item = next((i for i in current.items if i.get("code") == PENSION), {})
        if base_item is None:
            return []
        wage_base = parse_amount(base_item["amount"])
        rules = book.national_for(claim.accident_date).register_rules
        basis = pension_item.get("basis", "Regulation on Work-Related Injury Insurance (2010) Art. 39(2)")
        message = pension_item.get("basis_message")
        started = window.first_month
        amounts: dict[date, dict[str, Decimal]] = {}

        def month_amounts(m: date) -> dict[str, Decimal]:
            if m not in amounts:
                amounts[m] = {x.dependant.key: x.amount
                              for x in pension_for_month(people, m, window.after, wage_base, rules).lines
                              } if window.due(m) else {}
            return amounts[m]

        out = []
        for x in pension_for_month(people, month, window.after, wage_base, rules).lines:
            d = x.dependant
            # a child born after the death draws the pension from the month after the birth
            since = max(next_month(d.birth_date), started) if d.birth_date > window.death_date else started
            amount, notices = adjusted(PENSION, x.amount, since, month, adjustments, month)
            out.append((PENSION, "monthly", "fund", amount, x.amount, basis, notices, d.paid_to, d.key, message))
            first = max(since, current.first_month)
            owed, news = late_notice_back_pay(
                PENSION, lambda m, key=d.key, first=first: month_amounts(m).get(key, Decimal(0)) if m >= first
                else Decimal(0), since, month, adjustments)
            if owed:
                out.append((PENSION, "back_pay", "fund", owed, Decimal("0.00"), basis, news, d.paid_to, d.key,
                            message))
        return out

    def export_csv(self, actor: Actor, path: Path | str, month: date) -> int:
        """Write the month's run to a CSV file (never over the database or its journals); returns the lines."""
        require(actor, "data.export")
        refuse_own_file(Path(path), self.ctx.db.path, field="file")
        lines = self.due(actor, month)
        write_run_csv(Path(path), lines)
        return len(lines)


def write_run_csv(path: Path, lines: list[RunLine]) -> None:
    """UTF-8 with a BOM, so that spreadsheet programs read the Chinese names."""
    with private_output(path, "w", unwritable="stats.export_failed", encoding="utf-8-sig", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=CSV_FIELDS)
        w.writeheader()
        w.writerows(line.record() for line in lines)
