"""Incidents: accidents and near misses at employers, and the claim draft an accident starts."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from injury_desk.domain.errors import DomainError, FieldError, raise_if
from injury_desk.domain.prevention import INCIDENT_KINDS
from injury_desk.services.actor import Actor
from injury_desk.services.context import ServiceContext
from injury_desk.services.fields import FieldReader
from injury_desk.services.people import edit_token
from injury_desk.services.permissions import require
from injury_desk.services.references import editable_row, employer_names, load_row, reference_errors
from injury_desk.store.models import Claim, Incident, Person


@dataclass(frozen=True)
class IncidentView:
    id: str
    employer_id: str
    employer_name: str
    person_id: str | None
    person_name: str
    kind: str
    occurred_on: date
    place: str
    description: str
    days_lost: int
    token: str
    claim_no: str = ""  # the claim made from this incident, if any


def _incident_view(i: Incident, employer_name: str, person_name: str, claim_no: str = "") -> IncidentView:
    return IncidentView(i.id, i.employer_id, employer_name, i.person_id, person_name, i.kind, i.occurred_on,
                        i.place, i.description, i.days_lost, edit_token(i), claim_no)


def _read_incident(data: dict[str, Any], today: date) -> tuple[dict[str, Any], list[FieldError]]:
    r = FieldReader(data)
    clean = {
        "employer_id": r.text("employer_id", required=True, max_len=36),
        "person_id": r.text("person_id", max_len=36) or None,
        "kind": r.choice("kind", INCIDENT_KINDS, required=True),
        "occurred_on": r.date("occurred_on", required=True, not_after=today),
        "place": r.text("place", max_len=200),
        "description": r.text("description", max_len=20_000),
        "days_lost": r.integer("days_lost", minimum=0, maximum=100_000, default=0),
    }
    return clean, r.errors


def incident_views(s: Session, rows: list[Incident]) -> list[IncidentView]:
    names = employer_names(s, {i.employer_id for i in rows})
    person_ids = {i.person_id for i in rows if i.person_id}
    people = dict(s.execute(select(Person.id, Person.name).where(Person.id.in_(person_ids))).all()) \
        if person_ids else {}
    ids = [i.id for i in rows]
    claims = dict(s.execute(select(Claim.incident_id, Claim.claim_no).where(
        Claim.incident_id.in_(ids), Claim.deleted.is_(False))).all()) if ids else {}
    return [_incident_view(i, names.get(i.employer_id, ""), people.get(i.person_id, ""), claims.get(i.id, ""))
            for i in rows]


class IncidentService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def list_incidents(self, actor: Actor, employer_id: str | None = None) -> list[IncidentView]:
        require(actor, "claim.view")
        q = select(Incident).where(Incident.deleted.is_(False), Incident.office_id == actor.office_id)
        if employer_id:
            q = q.where(Incident.employer_id == employer_id)
        with self.ctx.read() as s:
            rows = s.scalars(q.order_by(Incident.occurred_on.desc())).all()
            return incident_views(s, rows)

    def get_incident(self, actor: Actor, incident_id: str) -> IncidentView:
        require(actor, "claim.view")
        with self.ctx.read() as s:
            return incident_views(s, [load_row(s, Incident, incident_id, "incident.not_found")])[0]

    def _checked(self, actor: Actor, data: dict[str, Any]) -> dict[str, Any]:
        """The incident as entered, checked (fields, employer and person it names), or ValidationFailed."""
        require(actor, "prevention.edit")
        clean, errors = _read_incident(data, self.ctx.today())
        if clean["employer_id"]:
            errors += reference_errors(self.ctx, actor, employer_id=clean["employer_id"], person_id=clean["person_id"])
        raise_if(errors)
        return clean

    def add_incident(self, actor: Actor, data: dict[str, Any]) -> str:
        clean = self._checked(actor, data)
        with self.ctx.write(actor, "incident.add") as s:
            row = Incident(office_id=actor.office_id, **clean)
            s.add(row)
            s.flush()
            return row.id

    def update_incident(self, actor: Actor, incident_id: str, data: dict[str, Any], *, token: str) -> None:
        clean = self._checked(actor, data)
        with self.ctx.write(actor, "incident.update") as s:
            row = editable_row(s, actor, Incident, incident_id, "incident.not_found", token)
            for key, value in clean.items():
                setattr(row, key, value)

    def claim_draft_from_incident(self, actor: Actor, incident_id: str) -> dict[str, Any]:
        """A claim-wizard draft pre-filled from an accident (keys as ClaimService.create reads them)."""
        require(actor, "claim.create")
        with self.ctx.read() as s:
            i = load_row(s, Incident, incident_id, "incident.not_found")
            # A near miss injured nobody, so there is nothing to claim for.
            if i.kind != "accident":
                raise DomainError("incident.not_an_accident", id=incident_id, kind=i.kind)
            existing = s.scalar(select(Claim.claim_no).where(Claim.incident_id == i.id, Claim.deleted.is_(False)))
            if existing:
                raise DomainError("incident.already_claimed", id=incident_id, claim_no=existing)
            draft: dict[str, Any] = {
                "employer_id": i.employer_id,
                "accident_date": i.occurred_on.isoformat(),
                "accident_place": i.place,
                "circumstances": i.description,
                "incident_id": i.id,
            }
            if i.person_id:
                draft["worker_id"] = i.person_id
            return draft
