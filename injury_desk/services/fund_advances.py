"""An uninsured employer's claim (Regulation Art. 62 para. 2; Social Insurance Law Arts. 41, 42): whether the
employer was insured on the accident day, the fund's advance payments (先行支付) where the employer does not pay, the
recoveries from the employer, and the amount still to recover."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from injury_desk.domain.errors import DomainError, FieldError, raise_if
from injury_desk.domain.insurance import insured_on, to_recover
from injury_desk.domain.money import from_fen
from injury_desk.services.actor import Actor
from injury_desk.services.claim_facts import office_claim
from injury_desk.services.context import ServiceContext
from injury_desk.services.fields import FieldReader
from injury_desk.services.permissions import require
from injury_desk.store.models import Claim, Employer, FundAdvance, User

KINDS = ("advance", "recovery")


def employer_insured_at_accident(s: Session, claim: Claim) -> bool:
    """Whether the claim's employer was insured on the accident day (Art. 62: if not, it pays every item)."""
    e = s.get(Employer, claim.employer_id)
    if e is None:
        return True
    return insured_on(e.insured is not False, e.insured_from, e.insured_to, claim.accident_date)


@dataclass(frozen=True)
class AdvanceLine:
    id: str
    kind: str  # advance, recovery
    dated_on: date
    amount: Decimal
    reference: str
    note: str
    recorded_by_name: str


@dataclass(frozen=True)
class AdvancesView:
    claim_id: str
    employer_name: str
    insured: bool  # on the accident day
    advanced: Decimal
    recovered: Decimal
    to_recover: Decimal
    lines: list[AdvanceLine]


def advances_view(s: Session, claim: Claim) -> AdvancesView:
    """The claim's advances and repayments with the totals and whether the employer was insured on the accident day."""
    rows = s.scalars(select(FundAdvance).where(FundAdvance.claim_id == claim.id, FundAdvance.deleted.is_(False))
                     .order_by(FundAdvance.dated_on, FundAdvance.updated_at, FundAdvance.id)).all()
    names = {u.id: u.display_name for u in s.scalars(select(User).where(
        User.id.in_([r.recorded_by for r in rows if r.recorded_by])))}
    lines = [AdvanceLine(r.id, r.kind, r.dated_on, from_fen(r.amount_fen), r.reference, r.note,
                         names.get(r.recorded_by or "", "")) for r in rows]
    advanced = sum((x.amount for x in lines if x.kind == "advance"), Decimal("0.00"))
    recovered = sum((x.amount for x in lines if x.kind == "recovery"), Decimal("0.00"))
    employer = s.get(Employer, claim.employer_id)
    return AdvancesView(claim.id, employer.name if employer else "", employer_insured_at_accident(s, claim),
                        advanced, recovered, to_recover(advanced, recovered), lines)


class FundAdvanceService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def view(self, actor: Actor, claim_id: str) -> AdvancesView:
        require(actor, "claim.view")
        with self.ctx.read() as s:
            claim = office_claim(s, actor, claim_id)
            return advances_view(s, claim)

    def record(self, actor: Actor, claim_id: str, data: dict[str, Any]) -> str:
        """``kind`` advance (the fund pays what the uninsured employer does not: a supervisor decides) or recovery
        (the employer repays), ``dated_on``, ``amount``, ``reference``, ``note``."""
        r = FieldReader(data)
        kind = r.choice("kind", KINDS, required=True)
        require(actor, "assessment.approve" if kind == "advance" else "payment.record")
        on = r.date("dated_on", required=True, not_after=self.ctx.today())
        fen = r.money_fen("amount", required=True)
        reference = r.text("reference", required=True, max_len=100)
        note = r.text("note", max_len=2000)
        raise_if(r.errors)
        if fen == 0:
            raise_if([FieldError("amount", "cost.amount_positive")])
        amount = from_fen(fen)
        with self.ctx.write(actor, f"claim.fund_{kind}") as s:
            claim = office_claim(s, actor, claim_id)
            if employer_insured_at_accident(s, claim):
                raise DomainError("advance.employer_insured", accident_date=claim.accident_date.isoformat())
            if on < claim.accident_date:
                raise_if([FieldError("dated_on", "cost.before_accident",
                                     {"accident_date": claim.accident_date.isoformat()})])
            if kind == "recovery":
                owed = advances_view(s, claim).to_recover
                if amount > owed:
                    raise_if([FieldError("amount", "advance.recovery_exceeds", {"to_recover": f"{owed:,.2f}"})])
            row = FundAdvance(office_id=claim.office_id, claim_id=claim.id, kind=kind, dated_on=on,
                              amount_fen=fen, reference=reference, note=note, recorded_by=actor.user_id)
            s.add(row)
            s.flush()
            return row.id
