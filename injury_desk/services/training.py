"""Safety training: the sessions an office holds or plans, and their spending against the prevention cap."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from injury_desk.domain.errors import FieldError, raise_if
from injury_desk.domain.money import from_fen
from injury_desk.domain.prevention_budget import PreventionBudget, load_budget_params, prevention_budget
from injury_desk.services.actor import Actor
from injury_desk.services.context import ServiceContext
from injury_desk.services.fields import FieldReader
from injury_desk.services.people import edit_token
from injury_desk.services.permissions import require
from injury_desk.services.references import editable_row, employer_names, load_row, reference_errors
from injury_desk.store.models import Office, PreventionSpend, TrainingSession


@dataclass(frozen=True)
class TrainingView:
    id: str
    employer_id: str | None
    employer_name: str
    topic: str
    held_on: date
    trainer: str
    attendee_count: int
    attendee_names: str
    cost: Decimal
    token: str


def training_view(t: TrainingSession, employer_name: str) -> TrainingView:
    return TrainingView(t.id, t.employer_id, employer_name, t.topic, t.held_on, t.trainer, t.attendee_count,
                        t.attendee_names, from_fen(t.cost_fen), edit_token(t))


def _read_training(data: dict[str, Any]) -> tuple[dict[str, Any], list[FieldError]]:
    r = FieldReader(data)
    clean = {
        "employer_id": r.text("employer_id", max_len=36) or None,
        "topic": r.text("topic", required=True, max_len=200),
        # Training is planned ahead too, so a future date is allowed here (unlike incidents).
        "held_on": r.date("held_on", required=True),
        "trainer": r.text("trainer", max_len=100),
        "attendee_count": r.integer("attendee_count", minimum=0, maximum=1_000_000, default=0),
        "attendee_names": r.text("attendee_names", max_len=20_000),
        "cost_fen": r.money_fen("cost"),
    }
    if clean["cost_fen"] is None:
        clean["cost_fen"] = 0
    return clean, r.errors


class TrainingService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def training_budget(self, actor: Actor, year: int) -> PreventionBudget:
        """This office's prevention spending planned for ``year`` against the cap (see domain.prevention_budget): the
        training sessions' cost and the funded projects and publicity recorded for the year."""
        require(actor, "claim.view")
        with self.ctx.read() as s:
            office = s.get(Office, actor.office_id)
            region, code = office.region, office.code
            planned_fen, sessions = s.execute(
                select(func.coalesce(func.sum(TrainingSession.cost_fen), 0), func.count())
                .where(TrainingSession.office_id == actor.office_id, TrainingSession.deleted.is_(False),
                       TrainingSession.held_on >= date(year, 1, 1),
                       TrainingSession.held_on <= date(year, 12, 31))).one()
            spending = {"training": from_fen(int(planned_fen))}
            for kind, fen in s.execute(
                    select(PreventionSpend.kind, func.coalesce(func.sum(PreventionSpend.amount_fen), 0))
                    .where(PreventionSpend.office_id == actor.office_id, PreventionSpend.deleted.is_(False),
                           PreventionSpend.spent_on.between(date(year, 1, 1), date(year, 12, 31)))
                    .group_by(PreventionSpend.kind)):
                spending[kind] = from_fen(int(fen))
        params = load_budget_params(Path(self.ctx.resources_dir) / "rules", region)
        return prevention_budget(year, region, code, spending, sessions, params)

    def list_training(self, actor: Actor, employer_id: str | None = None, year: int | None = None) -> list[TrainingView]:
        require(actor, "claim.view")
        q = select(TrainingSession).where(TrainingSession.deleted.is_(False),
                                          TrainingSession.office_id == actor.office_id)
        if employer_id:
            q = q.where(TrainingSession.employer_id == employer_id)
        if year:
            q = q.where(TrainingSession.held_on >= date(year, 1, 1), TrainingSession.held_on <= date(year, 12, 31))
        with self.ctx.read() as s:
            rows = s.scalars(q.order_by(TrainingSession.held_on.desc())).all()
            names = employer_names(s, {t.employer_id for t in rows})
            return [training_view(t, names.get(t.employer_id, "")) for t in rows]

    def get_training(self, actor: Actor, training_id: str) -> TrainingView:
        require(actor, "claim.view")
        with self.ctx.read() as s:
            t = load_row(s, TrainingSession, training_id, "training.not_found")
            return training_view(t, employer_names(s, {t.employer_id}).get(t.employer_id, ""))

    def _checked(self, actor: Actor, data: dict[str, Any]) -> dict[str, Any]:
        """The session as entered, checked (fields and the employer it names), or ValidationFailed."""
        require(actor, "prevention.edit")
        clean, errors = _read_training(data)
        if clean["employer_id"]:
            errors += reference_errors(self.ctx, actor, employer_id=clean["employer_id"])
        raise_if(errors)
        return clean

    def add_training(self, actor: Actor, data: dict[str, Any]) -> str:
        clean = self._checked(actor, data)
        with self.ctx.write(actor, "training.add") as s:
            row = TrainingSession(office_id=actor.office_id, **clean)
            s.add(row)
            s.flush()
            return row.id

    def update_training(self, actor: Actor, training_id: str, data: dict[str, Any], *, token: str) -> None:
        clean = self._checked(actor, data)
        with self.ctx.write(actor, "training.update") as s:
            row = editable_row(s, actor, TrainingSession, training_id, "training.not_found", token)
            for key, value in clean.items():
                setattr(row, key, value)
