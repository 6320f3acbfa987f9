"""Applying the region's Art. 40 adjustment notices to the stored payment schedules (issue 15): unpaid payments of
the adjusted monthly benefits take their month's amount with the notices published by today, and paid months get
their back pay scheduled, once (domain/schedule_adjustment.py); audited like every write, idempotent."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from injury_desk.domain.compensation import load_rules
from injury_desk.domain.compensation.adjustments import ADJUSTABLE_ITEMS, next_month
from injury_desk.domain.compensation.dependants import pension_for_month
from injury_desk.domain.errors import DomainError
from injury_desk.domain.money import from_fen, parse_amount, to_fen
from injury_desk.domain.schedule_adjustment import (
    BACK_PAY_PREFIX,
    StoredPayment,
    back_pay_to_schedule,
    owed_for_paid,
    revisions,
)
from injury_desk.services.actor import Actor
from injury_desk.services.claim_facts import office_claim
from injury_desk.services.context import ServiceContext
from injury_desk.services.dependants import register_person, wage_base_of
from injury_desk.services.pension_window import pension_window
from injury_desk.services.permissions import require
from injury_desk.store.models import Assessment, Claim, Dependant, Payment

LIVE = ("scheduled", "paid")


@dataclass(frozen=True)
class ApplyReport:
    """What applying the notices changed: payments given a new amount, back-pay payments scheduled and their
    total, and the overpayments found (a notice that lowered a benefit; never scheduled)."""

    updated: int = 0
    back_pay_payments: int = 0
    back_pay_total: Decimal = Decimal("0.00")
    overpaid_total: Decimal = Decimal("0.00")


class ScheduleAdjustmentService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def apply(self, actor: Actor, claim_id: str | None = None) -> ApplyReport:
        """Bring the office's stored payments (or one claim's) in line with the notices published by today."""
        require(actor, "assessment.approve")
        today = self.ctx.today()
        book = load_rules(self.ctx.resources_dir / "rules")
        try:
            adjustments = book.adjustments(actor.office_region)
        except DomainError:
            adjustments = ()
        total = ApplyReport()
        with self.ctx.write(actor, "payments.apply_adjustments") as s:
            if claim_id is not None:
                claims = [office_claim(s, actor, claim_id)]
            else:
                ids = s.scalars(select(Payment.claim_id).where(
                    Payment.office_id == actor.office_id, Payment.deleted.is_(False),
                    Payment.item_code.in_(ADJUSTABLE_ITEMS), Payment.status.in_(LIVE)).distinct()).all()
                claims = [s.get(Claim, i) for i in sorted(ids)]
            for claim in claims:
                report = self._apply_claim(s, claim, adjustments, book, today)
                total = ApplyReport(total.updated + report.updated,
                                    total.back_pay_payments + report.back_pay_payments,
                                    total.back_pay_total + report.back_pay_total,
                                    total.overpaid_total + report.overpaid_total)
        return total

    def _apply_claim(self, s: Session, claim: Claim, adjustments, book, today: date) -> ApplyReport:
        rows = list(s.scalars(select(Payment).where(Payment.claim_id == claim.id, Payment.deleted.is_(False))))
        stored = [p for p in rows if p.item_code in ADJUSTABLE_ITEMS and p.status in LIVE]
        if not stored:
            return ApplyReport()
        # the first month each assessment paid each benefit (cancelled payments count: the schedule began there)
        first: dict[tuple[str, str], date] = {}
        for p in rows:
            key = (p.assessment_id, p.item_code)
            if p.item_code in ADJUSTABLE_ITEMS and (key not in first or p.due_on < first[key]):
                first[key] = p.due_on
        items = {a.id: {i.get("code"): i for i in (a.result or {}).get("items", [])}
                 for a in s.scalars(select(Assessment).where(Assessment.id.in_({p.assessment_id for p in stored})))}
        people = [register_person(d) for d in s.scalars(select(Dependant).where(
            Dependant.claim_id == claim.id, Dependant.deleted.is_(False)))]
        window = pension_window(s, claim)
        wage_base = wage_base_of(s, claim.id)
        register_rules = book.national_for(claim.accident_date).register_rules

        def as_stored(p: Payment) -> StoredPayment | None:
            if p.dependant_id:
                if wage_base is None:
                    return None
                line = next((x for x in pension_for_month(people, p.due_on, window.after, wage_base,
                                                          register_rules).lines if x.dependant.key == p.dependant_id),
                            None)
                if line is None:
                    return None  # the register no longer pays this person this month: rescheduling decides
                d = line.dependant
                since = (max(next_month(d.birth_date), window.first_month) if d.birth_date > window.death_date
                         else window.first_month)
                base = line.amount
            else:
                item = items.get(p.assessment_id, {}).get(p.item_code)
                if item is None:
                    return None
                base, since = parse_amount(item["amount"]), first[(p.assessment_id, p.item_code)]
            return StoredPayment(p.id, p.item_code, p.due_on, from_fen(p.amount_fen), p.status == "paid", base, since)

        by_id = {p.id: p for p in stored}
        groups: dict[tuple[str, str | None], list[StoredPayment]] = defaultdict(list)
        for p in stored:
            x = as_stored(p)
            if x is not None:
                groups[(p.item_code, p.dependant_id)].append(x)
        updated = scheduled = 0
        back_total = overpaid = Decimal("0.00")
        for (code, dependant_id), payments in groups.items():
            for r in revisions(payments, adjustments, today):
                by_id[r.key].amount_fen = to_fen(r.after)
                updated += 1
            owed = owed_for_paid(payments, adjustments, today)
            already = sum((from_fen(p.amount_fen) for p in rows if p.item_code == BACK_PAY_PREFIX + code
                           and p.dependant_id == dependant_id and p.status in LIVE), Decimal("0.00"))
            overpaid += max(already - owed, Decimal("0.00"))
            due = back_pay_to_schedule(owed, already)
            if due > 0:
                model = max((by_id[p.key] for p in payments), key=lambda p: p.due_on)
                s.add(Payment(office_id=claim.office_id, claim_id=claim.id, assessment_id=model.assessment_id,
                              item_code=BACK_PAY_PREFIX + code, payer=model.payer, due_on=today,
                              amount_fen=to_fen(due), dependant_id=dependant_id))
                scheduled += 1
                back_total += due
        return ApplyReport(updated, scheduled, back_total, overpaid)
