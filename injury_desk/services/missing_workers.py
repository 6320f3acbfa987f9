"""A missing worker's claim (Regulation Art. 41): the disappearance recorded, the wage months and the pension from
the 4th month, the fund's advance of up to half the one-time death subsidy, and the end of the case (reappeared:
what was paid is to be recovered; declared dead by a court: Art. 39, the rest of the subsidy and the funeral
subsidy scheduled)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from injury_desk.domain.errors import DomainError, FieldError, raise_if
from injury_desk.domain.missing_worker import (
    CIRCUMSTANCES,
    DEATH_ITEMS,
    OUTCOMES,
    Settlement,
    advance_cap,
    advance_errors,
    outcome_errors,
    pension_first_month,
    report_errors,
    settle,
    wage_months,
)
from injury_desk.domain.money import from_fen, parse_amount, to_fen
from injury_desk.services.actor import Actor
from injury_desk.services.claim_facts import approved_assessment, office_claim
from injury_desk.services.context import ServiceContext
from injury_desk.services.dependants import reschedule_pensions, wage_base_of
from injury_desk.services.fields import FieldReader
from injury_desk.services.pension_window import PENSION, held_back, missing_row
from injury_desk.services.people import check_token, edit_token
from injury_desk.services.permissions import require
from injury_desk.store.models import Assessment, Claim, Dependant, MissingWorker, Payment, User


def _item(a: Assessment | None, code: str) -> Decimal | None:
    for item in ((a.result or {}).get("items", []) if a else []):
        if item.get("code") == code:
            return parse_amount(item["amount"])
    return None


@dataclass(frozen=True)
class MissingView:
    id: str
    claim_id: str
    circumstance: str
    reported_on: date
    recorded_by_name: str
    note: str
    wage_months: list[date]  # the employer pays the wages as before (Art. 41)
    wage_base: Decimal | None
    pension_from: date
    death_subsidy: Decimal | None  # of the approved assessment
    advance_cap: Decimal | None
    advance: Decimal | None
    advance_on: date | None
    advance_ref: str
    advance_by_name: str
    outcome: str | None
    outcome_on: date | None
    outcome_ref: str
    outcome_by_name: str
    pensions_paid: Decimal
    settlement: Settlement | None
    token: str


def missing_view(s: Session, claim: Claim) -> MissingView | None:
    row = missing_row(s, claim.id)
    if row is None:
        return None
    names = {u.id: u.display_name for u in s.scalars(select(User).where(User.id.in_(
        [x for x in (row.recorded_by, row.advance_by, row.outcome_by) if x])))}
    approved = approved_assessment(s, claim.id)
    subsidy = _item(approved, "one_time_death_subsidy")
    paid = sum((from_fen(p.amount_fen) for p in s.scalars(select(Payment).where(
        Payment.claim_id == claim.id, Payment.deleted.is_(False), Payment.item_code == PENSION,
        Payment.status == "paid"))), Decimal("0.00"))
    advance = from_fen(row.advance_fen) if row.advance_fen else None
    settlement = None
    if row.outcome:
        settlement = settle(row.outcome, advance=advance or Decimal("0.00"), pensions_paid=paid,
                            funeral_subsidy=_item(approved, "funeral_subsidy"), death_subsidy=subsidy)
    return MissingView(
        row.id, claim.id, row.circumstance, row.reported_on, names.get(row.recorded_by or "", ""), row.note,
        wage_months(claim.accident_date), wage_base_of(s, claim.id), pension_first_month(claim.accident_date),
        subsidy, advance_cap(subsidy) if subsidy is not None else None, advance, row.advance_on, row.advance_ref,
        names.get(row.advance_by or "", ""), row.outcome, row.outcome_on, row.outcome_ref,
        names.get(row.outcome_by or "", ""), paid, settlement, edit_token(row))


def _cancel_not_due(s: Session, claim: Claim) -> None:
    """Scheduled payments Art. 41 does not pay (yet) are cancelled, whatever their day: a month before the 4th or
    after the reappearance was never owed. A paid one stays (what is to be recovered)."""
    for p in s.scalars(select(Payment).where(Payment.claim_id == claim.id, Payment.deleted.is_(False),
                                             Payment.status == "scheduled")):
        if held_back(s, claim, p.item_code, p.due_on):
            p.status = "cancelled"


class MissingWorkerService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def view(self, actor: Actor, claim_id: str) -> MissingView | None:
        require(actor, "claim.view")
        with self.ctx.read() as s:
            return missing_view(s, office_claim(s, actor, claim_id))

    def _row(self, s: Session, claim: Claim, token: str | None) -> MissingWorker:
        row = missing_row(s, claim.id)
        if row is None:
            raise DomainError("missing.not_recorded", claim_no=claim.claim_no)
        if token is not None:
            check_token(row, token)
        return row

    def record(self, actor: Actor, claim_id: str, data: dict[str, Any]) -> str:
        """The worker went missing in the claim's accident: ``circumstance`` (away_on_work, rescue), ``reported_on``,
        ``note``. The claim must be recorded as a death (Art. 41 pays the pension of Art. 39(2)); payments the
        approval scheduled that Art. 41 does not pay yet are cancelled."""
        require(actor, "claim.edit")
        today = self.ctx.today()
        r = FieldReader(data)
        circumstance = r.choice("circumstance", CIRCUMSTANCES, required=True)
        reported = r.date("reported_on", required=True)
        note = r.text("note", max_len=2000)
        raise_if(r.errors)
        with self.ctx.write(actor, "claim.missing_worker") as s:
            claim = office_claim(s, actor, claim_id)
            errors = report_errors(circumstance, claim.accident_date, reported, today,
                                   missing_row(s, claim.id) is not None)
            if not claim.fatal:
                errors.append(FieldError("circumstance", "missing.claim_not_fatal", {"claim_no": claim.claim_no}))
            elif claim.death_date is not None and claim.death_date != claim.accident_date:
                # a known day of death after the accident: the worker is not missing
                errors.append(FieldError("circumstance", "missing.death_recorded",
                                         {"death_date": claim.death_date.isoformat()}))
            raise_if(errors)
            row = MissingWorker(office_id=claim.office_id, claim_id=claim.id, circumstance=circumstance,
                                reported_on=reported, note=note, recorded_by=actor.user_id, advance_ref="",
                                outcome_ref="")
            s.add(row)
            s.flush()
            _cancel_not_due(s, claim)
            self._reschedule(s, actor, claim, today)
            return row.id

    def record_advance(self, actor: Actor, claim_id: str, data: dict[str, Any], *, token: str | None = None) -> None:
        """The fund advances up to half of the one-time death subsidy to a family in hardship (Art. 41):
        ``amount``, ``advance_on``, ``advance_ref`` (the payment order); a supervisor decides."""
        require(actor, "assessment.approve")
        today = self.ctx.today()
        r = FieldReader(data)
        fen = r.money_fen("amount", required=True)
        on = r.date("advance_on", required=True)
        reference = r.text("advance_ref", required=True, max_len=100)
        raise_if(r.errors)
        with self.ctx.write(actor, "claim.missing_advance") as s:
            claim = office_claim(s, actor, claim_id)
            row = self._row(s, claim, token)
            subsidy = _item(approved_assessment(s, claim.id), "one_time_death_subsidy")
            raise_if(advance_errors(from_fen(fen), subsidy, on, claim.accident_date, today,
                                    already_advanced=row.advance_fen is not None, outcome=row.outcome))
            row.advance_fen, row.advance_on, row.advance_ref, row.advance_by = fen, on, reference, actor.user_id

    def record_outcome(self, actor: Actor, claim_id: str, data: dict[str, Any], *, token: str | None = None) -> None:
        """The case ends: ``ended_as`` reappeared (on ``outcome_on``: the pension stops, what was paid is to be
        recovered) or declared_dead (the court's judgment of ``outcome_on``, reference ``outcome_ref``: Art. 39
        applies, the funeral subsidy and the one-time death subsidy less the advance are scheduled today)."""
        require(actor, "claim.edit")
        today = self.ctx.today()
        r = FieldReader(data)
        outcome = r.choice("ended_as", OUTCOMES, required=True)
        on = r.date("outcome_on", required=True)
        reference = r.text("outcome_ref", max_len=100)
        raise_if(r.errors)
        with self.ctx.write(actor, f"claim.missing_{outcome}") as s:
            claim = office_claim(s, actor, claim_id)
            row = self._row(s, claim, token)
            raise_if(outcome_errors(outcome, on, claim.accident_date, today, row.outcome, reference))
            row.outcome, row.outcome_on, row.outcome_ref, row.outcome_by = outcome, on, reference, actor.user_id
            s.flush()
            _cancel_not_due(s, claim)
            if outcome == "declared_dead":
                self._schedule_death_items(s, claim, row, today)
            else:
                self._reschedule(s, actor, claim, today)

    @staticmethod
    def _schedule_death_items(s: Session, claim: Claim, row: MissingWorker, today: date) -> None:
        """Art. 39 on the declared death: the funeral subsidy and the one-time death subsidy less the advance,
        due today, from the approved assessment (an assessment approved later schedules them itself)."""
        approved = approved_assessment(s, claim.id)
        if approved is None:
            return
        advance = from_fen(row.advance_fen) if row.advance_fen else Decimal("0.00")
        for item in approved.result.get("items", []):
            code = item.get("code")
            if code not in DEATH_ITEMS:
                continue
            amount = parse_amount(item["amount"]) - (advance if code == "one_time_death_subsidy" else 0)
            if amount > 0:
                s.add(Payment(office_id=claim.office_id, claim_id=claim.id, assessment_id=approved.id,
                              item_code=code, payer=item.get("payer") or "fund", due_on=today,
                              amount_fen=to_fen(amount)))

    def _reschedule(self, s: Session, actor: Actor, claim: Claim, today: date) -> None:
        if s.scalar(select(Dependant.id).where(Dependant.claim_id == claim.id, Dependant.deleted.is_(False)).limit(1)):
            reschedule_pensions(s, claim, today, self.ctx.resources_dir / "rules", actor.office_region)
