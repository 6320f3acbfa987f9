"""The Tasks page: statutory deadlines due soon or overdue, per caseworker and for the office."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import select

from injury_desk.domain.identifiers import mask_resident_id
from injury_desk.services.actor import Actor
from injury_desk.services.context import ServiceContext
from injury_desk.services.permissions import require
from injury_desk.store.models import Claim, User, claim_list

DUE_SOON_DAYS = 14
DEADLINE_BASIS = {"application": "Regulation Art. 17", "decision": "Regulation Art. 20",
                  "appraisal": "Regulation Art. 25"}


@dataclass(frozen=True)
class TaskRow:
    kind: str  # deadline kind: application, decision, appraisal (others from the pillars later)
    due: date
    days_left: int
    overdue: bool
    claim_id: str
    claim_no: str
    worker_name: str
    id_number: str  # masked
    assigned_to: str  # display name
    basis: str


class TaskService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def claim_deadlines(self, actor: Actor, *, scope: str = "mine", horizon_days: int = DUE_SOON_DAYS,
                        limit: int = 2000) -> list[TaskRow]:
        """Claims whose next deadline is overdue or within ``horizon_days``; ``scope`` is mine or office."""
        require(actor, "claim.view")
        today = self.ctx.today()
        until = today + timedelta(days=horizon_days)
        t = claim_list.c
        with self.ctx.read() as s:
            names = dict(s.execute(select(User.id, User.display_name)).all())
            stmt = (
                select(t.claim_id, t.claim_no, t.worker_name, t.id_number, t.next_deadline, t.assigned_to,
                       Claim.next_deadline_kind)
                .join(Claim, Claim.id == t.claim_id)
                .where(t.deleted == False, t.office_id == actor.office_id,  # noqa: E712
                       t.next_deadline.is_not(None), t.next_deadline <= until)
                .order_by(t.next_deadline, t.rid)
                .limit(limit)
            )
            if scope == "mine":
                stmt = stmt.where(t.assigned_to == actor.user_id)
            rows = []
            for r in s.execute(stmt):
                kind = r.next_deadline_kind or ""
                rows.append(TaskRow(
                    kind=kind, due=r.next_deadline, days_left=(r.next_deadline - today).days,
                    overdue=r.next_deadline < today, claim_id=r.claim_id, claim_no=r.claim_no,
                    worker_name=r.worker_name, id_number=mask_resident_id(r.id_number),
                    assigned_to=names.get(r.assigned_to, ""), basis=DEADLINE_BASIS.get(kind, ""),
                ))
            return rows
