"""Employers' headcounts by year, each with its source: the denominators of a year's injury rates."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from injury_desk.domain.errors import DomainError, FieldError, raise_if
from injury_desk.domain.prevention import FIRST_YEAR, MAX_HEADCOUNT
from injury_desk.services.actor import Actor
from injury_desk.services.context import ServiceContext
from injury_desk.services.fields import FieldReader
from injury_desk.services.people import check_token, edit_token
from injury_desk.services.permissions import require, require_office
from injury_desk.store.models import Employer, EmployerHeadcount



@dataclass(frozen=True)
class HeadcountView:
    id: str
    employer_id: str
    year: int
    headcount: int
    source: str
    token: str


def _view(h: EmployerHeadcount) -> HeadcountView:
    return HeadcountView(h.id, h.employer_id, h.year, h.headcount, h.source, edit_token(h))


class HeadcountService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def list(self, actor: Actor, employer_id: str) -> list[HeadcountView]:
        """The employer's headcounts, latest year first."""
        require(actor, "claim.view")
        with self.ctx.read() as s:
            rows = s.scalars(select(EmployerHeadcount).where(
                EmployerHeadcount.employer_id == employer_id, EmployerHeadcount.office_id == actor.office_id,
                EmployerHeadcount.deleted.is_(False)).order_by(EmployerHeadcount.year.desc())).all()
            return [_view(h) for h in rows]

    def _read(self, data: dict[str, Any]) -> dict[str, Any]:
        r = FieldReader(data)
        clean = {"year": r.integer("year", required=True, minimum=FIRST_YEAR, maximum=self.ctx.today().year),
                 "headcount": r.integer("headcount", required=True, minimum=1, maximum=MAX_HEADCOUNT),
                 "source": r.text("source", required=True, max_len=200)}
        raise_if(r.errors)
        return clean

    def record(self, actor: Actor, employer_id: str, data: dict[str, Any], *, token: str | None = None) -> str:
        """Record the headcount of one year (``year``, ``headcount`` 1 or more, ``source``); the year's
        existing figure is replaced, which needs the ``token`` it was shown with."""
        require(actor, "employer.edit")
        clean = self._read(data)
        with self.ctx.write(actor, "employer.headcount") as s:
            employer = s.get(Employer, employer_id)
            if employer is None or employer.deleted:
                raise DomainError("employer.unknown", id=employer_id)
            require_office(actor, employer.office_id)
            row = s.scalar(select(EmployerHeadcount).where(
                EmployerHeadcount.employer_id == employer_id, EmployerHeadcount.year == clean["year"],
                EmployerHeadcount.deleted.is_(False)))
            if row is None:
                row = EmployerHeadcount(office_id=employer.office_id, employer_id=employer_id, **clean)
                s.add(row)
            else:
                if token is None:
                    raise_if([FieldError("year", "headcount.year_recorded", {"year": clean["year"]})])
                check_token(row, token)
                row.headcount, row.source = clean["headcount"], clean["source"]
            s.flush()
            return row.id

    def remove(self, actor: Actor, headcount_id: str, *, token: str) -> None:
        """Take a year's headcount back (a tombstone, as every synced row); the year then has no rate."""
        require(actor, "employer.edit")
        with self.ctx.write(actor, "employer.headcount_remove") as s:
            row = s.get(EmployerHeadcount, headcount_id)
            if row is None or row.deleted:
                raise DomainError("headcount.not_found", id=headcount_id)
            require_office(actor, row.office_id)
            check_token(row, token)
            row.deleted = True
