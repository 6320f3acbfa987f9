"""The Tasks page: statutory deadlines due soon or overdue and rehabilitation follow-ups, per caseworker and office.

The rows are computed by services.task_rows from plain reads on this session's connection: the same functions the
Tasks page runs on the quick start's connection before the full services are open."""

from __future__ import annotations

from datetime import date

from injury_desk.domain.errors import FieldError, ValidationFailed
from injury_desk.services.actor import Actor
from injury_desk.services.context import ServiceContext
from injury_desk.services.permissions import require
from injury_desk.services.task_rows import (
    DEADLINE_HORIZON_DAYS,
    DUE_SOON_DAYS,
    RehabTaskRow,
    TaskRow,
    deadline_rows,
    deadline_user,
    rehab_task_rows,
)
from injury_desk.store.quick_read import driver_connection


# The days a to-do list may be asked for: the agency's records begin in the last century, and no claim's clock runs
# past the next one.
EARLIEST_DAY, LATEST_DAY = date(1900, 1, 1), date(2199, 12, 31)
MAX_HORIZON_DAYS = 3660  # ten years ahead


class TaskService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def claim_deadlines(self, actor: Actor, *, scope: str = "mine", on: date | None = None,
                        horizon_days: int = DEADLINE_HORIZON_DAYS) -> list[TaskRow]:
        """The statutory clocks due by urgency for ``on`` (default today); ``scope`` is mine or office."""
        user_id = deadline_user(actor, scope)  # who may ask first: a refusal says nothing of the input
        day = on or self.ctx.today()
        errors = []
        if not EARLIEST_DAY <= day <= LATEST_DAY:  # a horizon past year 9999 is no date at all
            errors.append(FieldError("on", "field.range", {"min": EARLIEST_DAY.isoformat(),
                                                           "max": LATEST_DAY.isoformat(), "value": day.isoformat()}))
        if isinstance(horizon_days, bool) or not isinstance(horizon_days, int) \
                or not 0 <= horizon_days <= MAX_HORIZON_DAYS:
            errors.append(FieldError("days", "field.range", {"min": 0, "max": MAX_HORIZON_DAYS,
                                                             "value": horizon_days}))
        if errors:
            raise ValidationFailed(errors)
        with self.ctx.read() as s:
            return deadline_rows(driver_connection(s), actor.office_id, user_id, day, horizon_days)

    def rehab_tasks(self, actor: Actor, *, scope: str = "mine",
                    horizon_days: int = DUE_SOON_DAYS) -> list[RehabTaskRow]:
        """Follow-ups of the office's open rehabilitation cases (``scope`` mine: cases of claims assigned to me)."""
        require(actor, "claim.view")
        with self.ctx.read() as s:
            return rehab_task_rows(driver_connection(s), actor.office_id, actor.user_id if scope == "mine" else None,
                                   self.ctx.today(), horizon_days)
