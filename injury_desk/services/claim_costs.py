"""Costs paid against receipts (Arts. 30, 32; SIL Art. 38): a caseworker proposes an item with its receipt, payer
and amount, another person approves it (the four-eyes rule of assessments: the proposer never approves), or
returns it with a reason. An approved item is never changed; a returned one stays as a record."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from injury_desk.domain.compensation import load_rules
from injury_desk.domain.costs import COST_KINDS, PAYERS, cost_errors, meal_allowance
from injury_desk.domain.errors import DomainError, FieldError, raise_if
from injury_desk.domain.money import from_fen, to_fen
from injury_desk.services.actor import Actor
from injury_desk.services.claim_facts import office_claim
from injury_desk.services.context import ServiceContext
from injury_desk.services.fund_advances import employer_insured_at_accident
from injury_desk.services.fields import FieldReader
from injury_desk.services.people import check_token, edit_token
from injury_desk.services.permissions import require, require_office
from injury_desk.store.base import utcnow
from injury_desk.store.models import Assessment, Claim, ClaimCost, User

ZERO = Decimal("0.00")


@dataclass(frozen=True)
class CostView:
    id: str
    claim_id: str
    kind: str
    basis: str
    incurred_on: date
    receipt_ref: str
    provider: str
    payer: str
    amount: Decimal
    days: int | None
    daily_rate: Decimal | None
    status: str
    proposed_by: str | None
    proposed_by_name: str
    proposed_at: datetime | None
    decided_by_name: str
    decided_at: datetime | None
    return_reason: str
    note: str
    token: str


@dataclass(frozen=True)
class CostTotals:
    """Approved and proposed amounts by payer, in yuan."""

    approved_fund: Decimal
    approved_employer: Decimal
    proposed: Decimal


class ClaimCostService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    # ---------------------------------------------------------------- reading

    def list(self, actor: Actor, claim_id: str) -> list[CostView]:
        """The claim's cost items, oldest first (returned ones included, as records)."""
        require(actor, "claim.view")
        with self.ctx.read() as s:
            office_claim(s, actor, claim_id)
            names = dict(s.execute(select(User.id, User.display_name)).all())
            rows = s.scalars(select(ClaimCost).where(ClaimCost.claim_id == claim_id, ClaimCost.deleted.is_(False))
                             .order_by(ClaimCost.incurred_on, ClaimCost.proposed_at)).all()
            return [self._view(r, names) for r in rows]

    @staticmethod
    def _view(r: ClaimCost, names: dict[str, str]) -> CostView:
        return CostView(
            id=r.id, claim_id=r.claim_id, kind=r.kind, basis=COST_KINDS[r.kind].basis, incurred_on=r.incurred_on,
            receipt_ref=r.receipt_ref, provider=r.provider, payer=r.payer, amount=from_fen(r.amount_fen),
            days=r.days, daily_rate=None if r.daily_rate_fen is None else from_fen(r.daily_rate_fen),
            status=r.status, proposed_by=r.proposed_by, proposed_by_name=names.get(r.proposed_by or "", ""),
            proposed_at=r.proposed_at, decided_by_name=names.get(r.decided_by or "", ""), decided_at=r.decided_at,
            return_reason=r.return_reason, note=r.note, token=edit_token(r))

    def totals(self, actor: Actor, claim_id: str) -> CostTotals:
        items = self.list(actor, claim_id)

        def total(keep) -> Decimal:
            return sum((i.amount for i in items if keep(i)), ZERO)

        return CostTotals(approved_fund=total(lambda i: i.status == "approved" and i.payer == "fund"),
                          approved_employer=total(lambda i: i.status == "approved" and i.payer == "employer"),
                          proposed=total(lambda i: i.status == "proposed"))

    def region_meal_rate(self, actor: Actor, incurred_on: date) -> Decimal | None:
        """The region's daily hospital meal standard for the year before ``incurred_on`` (as the calculation
        takes its figures), or the latest year on file; None when the region has none."""
        require(actor, "claim.view")
        book = load_rules(self.ctx.resources_dir / "rules")
        try:
            years = [y for y in book.region_years(actor.office_region) if y < incurred_on.year] or list(
                book.region_years(actor.office_region))
            if not years:
                return None
            return book.region_params(actor.office_region, max(years)).hospital_meal_allowance_per_day
        except DomainError:
            return None

    # ---------------------------------------------------------------- the four eyes

    def _read(self, actor: Actor, claim: Claim, data: dict[str, Any]) -> dict[str, Any]:
        r = FieldReader(data)
        kind = r.choice("kind", tuple(COST_KINDS), required=True)
        incurred = r.date("incurred_on", required=True, not_after=self.ctx.today())
        clean: dict[str, Any] = {
            "kind": kind, "incurred_on": incurred,
            "receipt_ref": r.text("receipt_ref", required=True, max_len=100),
            "provider": r.text("provider", max_len=200),
            "payer": r.choice("payer", PAYERS, default="fund"),
            "note": r.text("note", max_len=2000),
        }
        errors: list[FieldError] = []
        if kind is not None and COST_KINDS[kind].per_day:
            days = r.integer("days", required=True)
            rate_fen = r.money_fen("daily_rate")
            if rate_fen is None and "daily_rate" not in {e.field for e in r.errors} and incurred is not None:
                region_rate = self.region_meal_rate(actor, incurred)
                rate_fen = None if region_rate is None else to_fen(region_rate)
            rate = None if rate_fen is None else from_fen(rate_fen)
            if kind is not None and not r.errors:
                errors += cost_errors(kind, incurred_on=incurred, accident_date=claim.accident_date, amount=None,
                                      days=days, daily_rate=rate)
            if not errors and not r.errors:
                clean.update(days=days, daily_rate_fen=rate_fen, amount_fen=to_fen(meal_allowance(days, rate)))
        else:
            if data.get("days") not in (None, "", 0):
                errors.append(FieldError("days", "cost.days_only_for_meals", {}))
            fen = r.money_fen("amount", required=True)
            if kind is not None and not r.errors:
                errors += cost_errors(kind, incurred_on=incurred, accident_date=claim.accident_date,
                                      amount=None if fen is None else from_fen(fen))
            clean.update(days=None, daily_rate_fen=None, amount_fen=fen)
        raise_if(r.errors + errors)
        return clean

    def propose(self, actor: Actor, claim_id: str, data: dict[str, Any]) -> str:
        """Record an item against its receipt (``kind``, ``incurred_on``, ``receipt_ref``, ``payer``, ``amount``
        in yuan; for the meal allowance ``days`` and optionally ``daily_rate``, else the region's)."""
        require(actor, "assessment.propose")
        with self.ctx.read() as s:
            claim = office_claim(s, actor, claim_id)
        clean = self._read(actor, claim, data)
        with self.ctx.write(actor, "cost.propose") as s:
            claim = office_claim(s, actor, claim_id)
            self._not_in_assessment(s, claim, clean["kind"])
            if clean["payer"] == "fund" and not employer_insured_at_accident(s, claim):
                # Art. 62 para. 2: the uninsured employer pays every item; the fund only advances (SIL Art. 41)
                raise_if([FieldError("payer", "cost.employer_uninsured",
                                     {"accident_date": claim.accident_date.isoformat()})])
            row = ClaimCost(office_id=claim.office_id, claim_id=claim.id, status="proposed",
                            proposed_by=actor.user_id, proposed_at=utcnow(), **clean)
            s.add(row)
            s.flush()
            return row.id

    @staticmethod
    def _not_in_assessment(s: Session, claim: Claim, kind: str) -> None:
        """The meal allowance is paid once: as a cost here, or as the calculation's item (hospital days on the
        Assessment page), never both."""
        if kind != "hospital_meal":
            return
        for a in s.scalars(select(Assessment).where(Assessment.claim_id == claim.id, Assessment.deleted.is_(False),
                                                    Assessment.status.in_(("proposed", "approved")))):
            if any(i.get("code") == "hospital_meal_allowance" for i in (a.result or {}).get("items", [])):
                raise_if([FieldError("kind", "cost.meal_in_assessment", {})])

    def _open(self, s: Session, actor: Actor, cost_id: str, token: str | None) -> ClaimCost:
        row = s.get(ClaimCost, cost_id)
        if row is None or row.deleted:
            raise DomainError("cost.not_found", id=cost_id)
        require_office(actor, row.office_id)
        if token is not None:
            check_token(row, token)
        if row.status != "proposed":
            raise DomainError("cost.not_proposed", status=row.status)
        return row

    def update(self, actor: Actor, cost_id: str, data: dict[str, Any], *, token: str | None = None) -> None:
        """Correct an open proposal (an approved item is never changed)."""
        require(actor, "assessment.propose")
        with self.ctx.read() as s:
            row = self._open(s, actor, cost_id, token)
            claim = office_claim(s, actor, row.claim_id)
        clean = self._read(actor, claim, data)
        with self.ctx.write(actor, "cost.update") as s:
            row = self._open(s, actor, cost_id, token)
            self._not_in_assessment(s, office_claim(s, actor, row.claim_id), clean["kind"])
            for key, value in clean.items():
                setattr(row, key, value)
            row.proposed_by, row.proposed_at = actor.user_id, utcnow()

    def approve(self, actor: Actor, cost_id: str, *, token: str | None = None) -> None:
        """A second person approves the item as proposed: the proposer cannot (four eyes)."""
        require(actor, "assessment.approve")
        with self.ctx.write(actor, "cost.approve") as s:
            row = self._open(s, actor, cost_id, token)
            if row.proposed_by == actor.user_id:
                raise DomainError("cost.same_person")
            row.status, row.decided_by, row.decided_at = "approved", actor.user_id, utcnow()

    def return_for_changes(self, actor: Actor, cost_id: str, reason: str, *, token: str | None = None) -> None:
        """Send the item back with the reason (it stays as a record; a corrected one is a new proposal)."""
        require(actor, "assessment.approve")
        r = FieldReader({"reason": reason})
        text = r.text("reason", required=True, max_len=2000)
        raise_if(r.errors)
        with self.ctx.write(actor, "cost.return") as s:
            row = self._open(s, actor, cost_id, token)
            row.status, row.return_reason = "returned", text
            row.decided_by, row.decided_at = actor.user_id, utcnow()
