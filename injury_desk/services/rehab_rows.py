"""Rehabilitation's rows as plain data, and the cases list's read: shared by RehabService, the quick start and the GUI.

Nothing here loads SQLAlchemy, so the Rehabilitation page can show its cases from the quick start's connection
before the full services are open; RehabService.list_cases runs the same ``case_rows`` on its session's.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from injury_desk.domain.money import from_fen
from injury_desk.services.actor import Actor
from injury_desk.services.permissions import require
from injury_desk.store import cipher
from injury_desk.store.quick_rehab import case_list


@dataclass(frozen=True)
class CaseRow:
    id: str
    claim_id: str
    claim_no: str
    worker_name: str
    referral_type: str
    provider: str
    status: str
    opened_on: date
    closed_on: date | None
    budget: Decimal
    rtw_outcome: str | None
    token: str


@dataclass(frozen=True)
class MeasurementView:
    id: str
    goal_id: str
    measured_on: date
    value: str


@dataclass(frozen=True)
class GoalView:
    id: str
    plan_id: str
    description: str
    measure: str
    baseline: str
    target: str
    target_date: date | None
    measurements: tuple[MeasurementView, ...]
    token: str


@dataclass(frozen=True)
class SessionView:
    id: str
    plan_id: str
    scheduled_on: date
    kind: str
    attended: bool | None
    cost: Decimal
    notes: str
    token: str


@dataclass(frozen=True)
class PlanView:
    id: str
    case_id: str
    drawn_up_on: date
    review_on: date | None
    notes: str
    goals: tuple[GoalView, ...]
    sessions: tuple[SessionView, ...]
    token: str


@dataclass(frozen=True)
class CaseDetail:
    id: str
    claim_id: str
    claim_no: str
    worker_name: str
    referral_type: str
    provider: str
    status: str
    opened_on: date
    closed_on: date | None
    budget: Decimal
    spent: Decimal
    remaining: Decimal
    rtw_outcome: str | None
    rtw_date: date | None
    restrictions: str
    accommodations: str
    plans: tuple[PlanView, ...] = field(default_factory=tuple)
    token: str = ""
    office_id: str = ""


@dataclass(frozen=True)
class LatestMeasure:
    goal_id: str
    description: str
    measure: str
    baseline: str
    target: str
    value: str | None
    measured_on: date | None


@dataclass(frozen=True)
class CaseSummary:
    """One case as the claim page shows it."""

    id: str
    referral_type: str
    provider: str
    status: str
    opened_on: date
    closed_on: date | None
    budget: Decimal
    spent: Decimal
    rtw_outcome: str | None
    rtw_date: date | None
    latest: tuple[LatestMeasure, ...]


def case_rows(con: cipher.sqlite.Connection, actor: Actor, status: str | None = None) -> list[CaseRow]:
    """The cases list of the actor's office (only ``status`` when given), newest opened first: what
    RehabService.list_cases returns, read on ``con`` (the quick start's, or a service session's own)."""
    require(actor, "claim.view")
    return [CaseRow(*values[:9], from_fen(values[9]), *values[10:])
            for values in case_list(con, actor.office_id, status)]
