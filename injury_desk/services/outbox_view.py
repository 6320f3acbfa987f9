"""Read-only view of the local changes waiting to be synced (for the Sync page and the status bar).

The reads are store.quick_sync's plain ones, on the session's own connection: the Sync page's quick start runs the
same functions before the services are open."""

from __future__ import annotations

from datetime import datetime

from injury_desk.services.actor import Actor
from injury_desk.services.context import ServiceContext
from injury_desk.services.permissions import require
from injury_desk.services.sync_rows import LIST_LIMIT
from injury_desk.store.quick_read import driver_connection
from injury_desk.store.quick_sync import PendingChange, outbox_changes, pending_summary, record_names

__all__ = ["OutboxViewService", "PendingChange"]


class OutboxViewService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def pending_count(self, actor: Actor) -> int:
        require(actor, "claim.view")
        with self.ctx.read() as s:
            return pending_summary(driver_connection(s))[0]

    def oldest_pending(self, actor: Actor) -> datetime | None:
        require(actor, "claim.view")
        with self.ctx.read() as s:
            return pending_summary(driver_connection(s))[1]

    def list(self, actor: Actor, *, state: str = "pending", limit: int = LIST_LIMIT) -> list[PendingChange]:
        require(actor, "claim.view")
        with self.ctx.read() as s:
            return outbox_changes(driver_connection(s), state, limit)

    def record_names(self, actor: Actor, keys: list[tuple[str, str]]) -> dict[tuple[str, str], str]:
        """What a caseworker calls each (table, row id): the claim number for a claim and anything of a
        claim (a payment, a determination, a rehabilitation session), a person's or employer's name. A row
        that is gone, or of a table without such a name, is left out (the page shows its kind alone)."""
        require(actor, "claim.view")
        with self.ctx.read() as s:
            return record_names(driver_connection(s), keys)
