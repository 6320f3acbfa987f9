"""Read-only view of the local changes waiting to be synced (for the Sync page and the status bar)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select

from injury_desk.services.actor import Actor
from injury_desk.services.context import ServiceContext
from injury_desk.services.permissions import require
from injury_desk.store.models import OutboxEntry


@dataclass(frozen=True)
class PendingChange:
    seq: int
    table: str
    row_id: str
    op: str
    fields: tuple[str, ...]
    created_at: datetime
    state: str
    reject_reason: str


class OutboxViewService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def pending_count(self, actor: Actor) -> int:
        require(actor, "claim.view")
        with self.ctx.read() as s:
            return s.scalar(select(func.count()).select_from(OutboxEntry).where(OutboxEntry.state == "pending"))

    def oldest_pending(self, actor: Actor) -> datetime | None:
        require(actor, "claim.view")
        with self.ctx.read() as s:
            return s.scalar(select(func.min(OutboxEntry.created_at)).where(OutboxEntry.state == "pending"))

    def list(self, actor: Actor, *, state: str = "pending", limit: int = 1000) -> list[PendingChange]:
        require(actor, "claim.view")
        with self.ctx.read() as s:
            rows = s.scalars(select(OutboxEntry).where(OutboxEntry.state == state)
                             .order_by(OutboxEntry.seq).limit(limit))
            return [PendingChange(r.seq, r.table_name, r.row_id, r.op, tuple(sorted(r.changes)), r.created_at,
                                  r.state, r.reject_reason) for r in rows]
