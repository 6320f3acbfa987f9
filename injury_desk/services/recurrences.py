"""Recurrence of the injury (Art. 38): a closed claim reopened with the day, the reason, who confirmed the need for
treatment and who recorded it; the recurrence's own suspension period and its wages (Art. 33), nursing during it.
Medical costs, the meal allowance, travel and assistive devices of the recurrence are the claim's costs against
receipts (services/claim_costs.py), proposed and approved as usual once the claim is open again."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from injury_desk.domain.deadlines import STOP_WORK_MONTHS, stop_work_end
from injury_desk.domain.errors import DomainError, raise_if
from injury_desk.domain.lifecycle import ClaimStatus
from injury_desk.domain.recurrence import SuspensionWages, reopen_errors, suspension_errors, suspension_wages
from injury_desk.services.actor import Actor
from injury_desk.services.claim_facts import office_claim, refresh_deadline
from injury_desk.services.context import ServiceContext
from injury_desk.services.dependants import wage_base_of
from injury_desk.services.fields import FieldReader
from injury_desk.services.people import check_token, edit_token
from injury_desk.services.permissions import require, require_office
from injury_desk.store.models import Recurrence, User


@dataclass(frozen=True)
class RecurrenceView:
    id: str
    claim_id: str
    occurred_on: date
    reason: str
    confirmed_by: str
    recorded_by_name: str
    stop_work_started_on: date | None
    stop_work_months: int
    stop_work_last_day: date | None  # the period's last allowed day (months from the start)
    stop_work_ended_on: date | None
    nursing_needed: bool
    wages: SuspensionWages | None  # once the period has ended and the assessment gives the wage base
    token: str


class RecurrenceService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def list(self, actor: Actor, claim_id: str) -> list[RecurrenceView]:
        """The claim's recurrences, oldest first, each with its suspension period and wages."""
        require(actor, "claim.view")
        with self.ctx.read() as s:
            claim = office_claim(s, actor, claim_id)
            base = wage_base_of(s, claim.id)
            rows = s.scalars(select(Recurrence).where(Recurrence.claim_id == claim.id, Recurrence.deleted.is_(False))
                             .order_by(Recurrence.occurred_on, Recurrence.id)).all()
            names = {u.id: u.display_name for u in s.scalars(select(User).where(
                User.id.in_([r.recorded_by for r in rows if r.recorded_by])))}
            return [self._view(r, base, names) for r in rows]

    @staticmethod
    def _view(r: Recurrence, base: Decimal | None, names: dict[str, str]) -> RecurrenceView:
        wages = None
        if r.stop_work_started_on and r.stop_work_ended_on and base is not None:
            wages = suspension_wages(r.stop_work_started_on, r.stop_work_ended_on, base)
        last = stop_work_end(r.stop_work_started_on, r.stop_work_months) if r.stop_work_started_on else None
        return RecurrenceView(r.id, r.claim_id, r.occurred_on, r.reason, r.confirmed_by,
                              names.get(r.recorded_by or "", ""), r.stop_work_started_on, r.stop_work_months, last,
                              r.stop_work_ended_on, r.nursing_needed, wages, edit_token(r))

    def reopen(self, actor: Actor, claim_id: str, data: dict[str, Any]) -> str:
        """Reopen a closed claim for a recurrence (Art. 38): ``occurred_on``, ``reason``, ``confirmed_by`` (who
        confirmed the need for treatment), ``nursing_needed``; optionally ``stop_work_started_on`` and
        ``stop_work_months`` (12 by default). The claim returns to payment."""
        require(actor, "claim.edit")
        today = self.ctx.today()
        r = FieldReader(data)
        occurred = r.date("occurred_on", required=True)
        reason = r.text("reason", required=True, max_len=2000)
        confirmed = r.text("confirmed_by", required=True, max_len=200)
        nursing = r.boolean("nursing_needed")
        started = r.date("stop_work_started_on")
        months = r.integer("stop_work_months", minimum=1, maximum=24)
        raise_if(r.errors)
        months = months or STOP_WORK_MONTHS
        with self.ctx.write(actor, "claim.reopen_recurrence") as s:
            claim = office_claim(s, actor, claim_id)
            errors = reopen_errors(claim.status, claim.accident_date, occurred, today)
            if started is not None:
                errors += suspension_errors(occurred, started, None, months, today)
            raise_if(errors)
            row = Recurrence(office_id=claim.office_id, claim_id=claim.id, occurred_on=occurred, reason=reason,
                             confirmed_by=confirmed, recorded_by=actor.user_id, nursing_needed=nursing,
                             stop_work_started_on=started, stop_work_months=months)
            s.add(row)
            claim.status = ClaimStatus.PAYMENT.value
            s.flush()
            refresh_deadline(s, claim)
            return row.id

    def _editable(self, s: Session, actor: Actor, recurrence_id: str, token: str | None) -> Recurrence:
        row = s.get(Recurrence, recurrence_id)
        if row is None or row.deleted:
            raise DomainError("recurrence.not_found", id=recurrence_id)
        require_office(actor, row.office_id)
        if token is not None:
            check_token(row, token)
        return row

    def record_suspension(self, actor: Actor, recurrence_id: str, data: dict[str, Any], *,
                          token: str | None = None) -> None:
        """The recurrence's suspension period (Art. 33): ``started_on``, ``months`` (up to 24 on the committee's
        confirmation), ``ended_on`` when it has ended; ``nursing_needed`` during it (para. 3)."""
        require(actor, "claim.edit")
        today = self.ctx.today()
        r = FieldReader(data)
        started = r.date("started_on", required=True)
        months = r.integer("months", minimum=1, maximum=24)
        ended = r.date("ended_on")
        nursing = r.boolean("nursing_needed") if "nursing_needed" in data else None
        raise_if(r.errors)
        months = months or STOP_WORK_MONTHS
        with self.ctx.write(actor, "claim.recurrence_suspension") as s:
            row = self._editable(s, actor, recurrence_id, token)
            if row.stop_work_ended_on is not None:
                raise DomainError("recurrence.suspension_ended", ended_on=row.stop_work_ended_on.isoformat())
            raise_if(suspension_errors(row.occurred_on, started, ended, months, today))
            row.stop_work_started_on, row.stop_work_months, row.stop_work_ended_on = started, months, ended
            if nursing is not None:
                row.nursing_needed = nursing
