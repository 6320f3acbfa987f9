"""Prevention spending besides training: funded projects and publicity, recorded so that every spend counts
against the year's cap (training sessions carry their own cost)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import select

from injury_desk.domain.errors import DomainError, raise_if
from injury_desk.domain.money import from_fen
from injury_desk.services.actor import Actor
from injury_desk.services.context import ServiceContext
from injury_desk.services.fields import FieldReader
from injury_desk.services.people import check_token, edit_token
from injury_desk.services.permissions import require, require_office
from injury_desk.store.models import Employer, PreventionSpend

KINDS = ("project", "publicity")


@dataclass(frozen=True)
class SpendView:
    id: str
    kind: str
    title: str
    spent_on: date
    amount: Decimal
    employer_id: str | None
    reference: str
    token: str


def _view(r: PreventionSpend) -> SpendView:
    return SpendView(r.id, r.kind, r.title, r.spent_on, from_fen(r.amount_fen), r.employer_id, r.reference,
                     edit_token(r))


class PreventionSpendingService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def list(self, actor: Actor, year: int | None = None) -> list[SpendView]:
        require(actor, "claim.view")
        q = select(PreventionSpend).where(PreventionSpend.office_id == actor.office_id,
                                          PreventionSpend.deleted.is_(False))
        if year is not None:
            q = q.where(PreventionSpend.spent_on.between(date(year, 1, 1), date(year, 12, 31)))
        with self.ctx.read() as s:
            return [_view(r) for r in s.scalars(q.order_by(PreventionSpend.spent_on.desc()))]

    def _read(self, actor: Actor, data: dict[str, Any]) -> dict[str, Any]:
        r = FieldReader(data)
        clean = {"kind": r.choice("kind", KINDS, required=True), "title": r.text("title", required=True, max_len=200),
                 "spent_on": r.date("spent_on", required=True), "amount_fen": r.money_fen("amount", required=True),
                 "employer_id": r.text("employer_id", max_len=36) or None,
                 "reference": r.text("reference", max_len=200)}
        if clean["employer_id"]:
            with self.ctx.read() as s:
                e = s.get(Employer, clean["employer_id"])
                if e is None or e.deleted or e.office_id != actor.office_id:
                    r.error("employer_id", "employer.unknown", id=clean["employer_id"])
        raise_if(r.errors)
        return clean

    def add(self, actor: Actor, data: dict[str, Any]) -> str:
        """Record a funded project or a publicity spend (``kind``, ``title``, ``spent_on``, ``amount`` in yuan,
        optional ``employer_id`` and ``reference``)."""
        require(actor, "prevention.edit")
        clean = self._read(actor, data)
        with self.ctx.write(actor, "prevention_spend.add") as s:
            row = PreventionSpend(office_id=actor.office_id, **clean)
            s.add(row)
            s.flush()
            return row.id

    def _editable(self, s, actor: Actor, spend_id: str, token: str) -> PreventionSpend:
        row = s.get(PreventionSpend, spend_id)
        if row is None or row.deleted:
            raise DomainError("prevention_spend.not_found", id=spend_id)
        require_office(actor, row.office_id)
        check_token(row, token)
        return row

    def update(self, actor: Actor, spend_id: str, data: dict[str, Any], *, token: str) -> None:
        require(actor, "prevention.edit")
        clean = self._read(actor, data)
        with self.ctx.write(actor, "prevention_spend.update") as s:
            row = self._editable(s, actor, spend_id, token)
            for key, value in clean.items():
                setattr(row, key, value)

    def remove(self, actor: Actor, spend_id: str, *, token: str) -> None:
        require(actor, "prevention.edit")
        with self.ctx.write(actor, "prevention_spend.remove") as s:
            self._editable(s, actor, spend_id, token).deleted = True
