"""Read-only view of the local changes waiting to be synced (for the Sync page and the status bar)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select, text

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

    def record_names(self, actor: Actor, keys: list[tuple[str, str]]) -> dict[tuple[str, str], str]:
        """What a caseworker calls each (table, row id): the claim number for a claim and anything of a
        claim (a payment, a determination, a rehabilitation session), a person's or employer's name. A row
        that is gone, or of a table without such a name, is left out (the page shows its kind alone)."""
        require(actor, "claim.view")
        names: dict[tuple[str, str], str] = {}
        with self.ctx.read() as s:
            for table, row_id in dict.fromkeys(keys):
                query = _NAME_QUERIES.get(table)
                if query is None:
                    continue
                name = s.execute(text(query), {"id": row_id}).scalar()
                if name:
                    names[(table, row_id)] = str(name)
        return names


# One query per table, from the row to its name; fixed SQL over our own schema, the id is a parameter.
_CLAIM_OF_CASE = "(SELECT claim_id FROM rehab_cases WHERE id = {case})"
_NAME_QUERIES = {
    "claims": "SELECT claim_no FROM claims WHERE id = :id",
    "people": "SELECT name FROM people WHERE id = :id",
    "employers": "SELECT name FROM employers WHERE id = :id",
    **{table: f"SELECT c.claim_no FROM claims c JOIN {table} t ON t.claim_id = c.id WHERE t.id = :id"
       for table in ("determinations", "appraisals", "wage_records", "assessments", "payments", "rehab_cases")},
    "rehab_plans": "SELECT claim_no FROM claims WHERE id = " + _CLAIM_OF_CASE.format(
        case="(SELECT case_id FROM rehab_plans WHERE id = :id)"),
    "rehab_sessions": "SELECT claim_no FROM claims WHERE id = " + _CLAIM_OF_CASE.format(
        case="(SELECT p.case_id FROM rehab_plans p JOIN rehab_sessions x ON x.plan_id = p.id WHERE x.id = :id)"),
    "rehab_goals": "SELECT claim_no FROM claims WHERE id = " + _CLAIM_OF_CASE.format(
        case="(SELECT p.case_id FROM rehab_plans p JOIN rehab_goals g ON g.plan_id = p.id WHERE g.id = :id)"),
    "rehab_measurements": "SELECT claim_no FROM claims WHERE id = " + _CLAIM_OF_CASE.format(
        case="(SELECT p.case_id FROM rehab_plans p JOIN rehab_goals g ON g.plan_id = p.id "
             "JOIN rehab_measurements m ON m.goal_id = g.id WHERE m.id = :id)"),
    "inspections": "SELECT e.name FROM employers e JOIN inspections i ON i.employer_id = e.id WHERE i.id = :id",
    "incidents": "SELECT e.name FROM employers e JOIN incidents i ON i.employer_id = e.id WHERE i.id = :id",
    "training_sessions": "SELECT topic FROM training_sessions WHERE id = :id",
    "attachments": "SELECT file_name FROM attachments WHERE id = :id",
    "users": "SELECT display_name FROM users WHERE id = :id",
    "offices": "SELECT name FROM offices WHERE id = :id",
}
