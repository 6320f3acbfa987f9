"""Employers: find by credit code or name, create and edit, with the GB 32100 check character."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from injury_desk.domain.errors import DomainError, FieldError, ValidationFailed, raise_if
from injury_desk.domain.identifiers import credit_code_errors, parse_credit_code
from injury_desk.domain.insurance import insurance_errors
from injury_desk.domain.prevention import SEVERITIES
from injury_desk.services.actor import Actor
from injury_desk.services.context import ServiceContext
from injury_desk.services.employer_rows import EmployerView, employer_list
from injury_desk.services.fields import FieldReader
from injury_desk.services.incidents import incident_views
from injury_desk.services.inspections import hazard_view, inspection_views
from injury_desk.services.people import check_token, edit_token
from injury_desk.services.permissions import require, require_office
from injury_desk.services.references import load_row
from injury_desk.services.training import training_view
from injury_desk.store.models import Claim, Employer, Hazard, Incident, Inspection, Person, TrainingSession
from injury_desk.store.quick_read import driver_connection

# The employer page shows the latest few of each kind of record; the lists behind it show all.
OVERVIEW_LIST_LENGTH = 5


def employer_view(e: Employer) -> EmployerView:
    return EmployerView(e.id, e.name, e.credit_code, e.industry, e.risk_class, e.headcount, e.address,
                        e.contact_name, e.contact_phone, edit_token(e), e.insured is not False, e.insured_from,
                        e.insured_to)


def read_employer(data: dict[str, Any], prefix: str = "employer.") -> tuple[dict[str, Any], list[FieldError]]:
    r = FieldReader(data, prefix)
    errors = credit_code_errors(data.get("credit_code"), field=f"{prefix}credit_code")
    clean: dict[str, Any] = {
        "name": r.text("name", required=True, max_len=200),
        "industry": r.text("industry", max_len=100),
        "risk_class": r.integer("risk_class", required=True, minimum=1, maximum=8),
        "headcount": r.integer("headcount", minimum=0, maximum=10_000_000, default=0),
        "address": r.text("address", max_len=300),
        "contact_name": r.text("contact_name", max_len=100),
        "contact_phone": r.text("contact_phone", max_len=40),
    }
    if "insured" in data or "insured_from" in data or "insured_to" in data:
        # only when given: a form without them (the claim wizard's new employer) leaves them as they are
        insured = r.boolean("insured", default=True)
        start, end = r.date("insured_from"), r.date("insured_to")
        errors += [FieldError(f"{prefix}{e.field}", e.rule, e.params) for e in insurance_errors(insured, start, end)]
        clean.update(insured=insured, insured_from=start, insured_to=end)
    if not errors:
        clean["credit_code"] = parse_credit_code(data.get("credit_code"), field=f"{prefix}credit_code")
    return clean, errors + r.errors


def add_employer(s: Session, actor: Actor, clean: dict[str, Any], prefix: str) -> Employer:
    if s.scalar(select(Employer.id).where(Employer.credit_code == clean["credit_code"])):
        raise ValidationFailed([FieldError(f"{prefix}credit_code", "employer.credit_code_taken")])
    employer = Employer(office_id=actor.office_id, **clean)
    s.add(employer)
    s.flush()
    return employer


class EmployerService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def search(self, actor: Actor, text: str = "", *, industry: str = "", risk_class: int | None = None,
               limit: int = 200) -> list[EmployerView]:
        require(actor, "claim.view")  # before the session opens (employer_list checks it again for the quick start)
        with self.ctx.read() as s:
            # the Employers page's first rows are this same read on the quick start's connection
            return employer_list(driver_connection(s), actor, text, industry, risk_class, limit)

    def count(self, actor: Actor) -> int:
        require(actor, "claim.view")
        with self.ctx.read() as s:
            return s.scalar(select(func.count()).select_from(Employer).where(Employer.deleted.is_(False)))

    def find_by_credit_code(self, actor: Actor, code: str) -> EmployerView | None:
        require(actor, "claim.view")
        with self.ctx.read() as s:
            e = s.scalar(select(Employer).where(Employer.credit_code == (code or "").strip().upper(),
                                                Employer.deleted.is_(False)))
            return employer_view(e) if e else None

    def get(self, actor: Actor, employer_id: str) -> EmployerView:
        require(actor, "claim.view")
        with self.ctx.read() as s:
            e = s.get(Employer, employer_id)
            if e is None or e.deleted:
                raise DomainError("employer.unknown", id=employer_id)
            return employer_view(e)

    def validate(self, data: dict[str, Any], prefix: str = "employer.") -> list[FieldError]:
        return read_employer(data, prefix)[1]

    def create(self, actor: Actor, data: dict[str, Any]) -> str:
        require(actor, "employer.edit")
        clean, errors = read_employer(data, prefix="")
        raise_if(errors)
        with self.ctx.write(actor, "employer.create") as s:
            return add_employer(s, actor, clean, prefix="").id

    def update(self, actor: Actor, employer_id: str, data: dict[str, Any], *, token: str) -> None:
        require(actor, "employer.edit")
        clean, errors = read_employer(data, prefix="")
        raise_if(errors)
        with self.ctx.write(actor, "employer.update") as s:
            e = s.get(Employer, employer_id)
            if e is None or e.deleted:
                raise DomainError("employer.unknown", id=employer_id)
            require_office(actor, e.office_id)
            check_token(e, token)
            if clean["credit_code"] != e.credit_code and s.scalar(
                select(Employer.id).where(Employer.credit_code == clean["credit_code"])
            ):
                raise ValidationFailed([FieldError("credit_code", "employer.credit_code_taken")])
            for key, value in clean.items():
                setattr(e, key, value)

    def overview(self, actor: Actor, employer_id: str) -> dict[str, Any]:
        """Counts and the latest few rows of each kind for one employer's page."""
        require(actor, "claim.view")
        n = OVERVIEW_LIST_LENGTH
        with self.ctx.read() as s:
            e = load_row(s, Employer, employer_id, "employer.unknown")

            def count(model: type, *where: Any) -> int:
                return s.scalar(select(func.count()).select_from(model).where(
                    model.employer_id == e.id, model.deleted.is_(False), *where))

            inspections = s.scalars(select(Inspection).where(Inspection.employer_id == e.id,
                                                             Inspection.deleted.is_(False))
                                    .order_by(Inspection.planned_on.desc()).limit(n)).all()
            hazards = s.scalars(select(Hazard).where(Hazard.employer_id == e.id, Hazard.deleted.is_(False),
                                                     Hazard.status == "open")).all()
            order = {sev: k for k, sev in enumerate(reversed(SEVERITIES))}
            hazards = sorted(hazards, key=lambda h: order.get(h.severity, 99))[:n]
            training = s.scalars(select(TrainingSession).where(TrainingSession.employer_id == e.id,
                                                               TrainingSession.deleted.is_(False))
                                 .order_by(TrainingSession.held_on.desc()).limit(n)).all()
            incidents = s.scalars(select(Incident).where(Incident.employer_id == e.id, Incident.deleted.is_(False))
                                  .order_by(Incident.occurred_on.desc()).limit(n)).all()
            claims = s.execute(select(Claim.id, Claim.claim_no, Claim.status, Claim.accident_date, Person.name)
                               .join(Person, Claim.worker_id == Person.id)
                               .where(Claim.employer_id == e.id, Claim.deleted.is_(False))
                               .order_by(Claim.accident_date.desc()).limit(n)).all()
            return {
                "employer_id": e.id,
                "employer_name": e.name,
                "counts": {
                    "inspections": count(Inspection),
                    "inspections_planned": count(Inspection, Inspection.status == "planned"),
                    "open_hazards": count(Hazard, Hazard.status == "open"),
                    "training": count(TrainingSession),
                    "incidents": count(Incident),
                    "claims": count(Claim),
                },
                "inspections": inspection_views(s, list(inspections)),
                "open_hazards": [hazard_view(h, e.name) for h in hazards],
                "training": [training_view(t, e.name) for t in training],
                "incidents": incident_views(s, list(incidents)),
                "claims": [{"id": c.id, "claim_no": c.claim_no, "status": c.status,
                            "accident_date": c.accident_date, "worker_name": c.name} for c in claims],
            }
