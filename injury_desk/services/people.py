"""Injured workers and other people: find by resident ID, create, edit, with ID cross-checks."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from injury_desk.domain.errors import DomainError, FieldError, raise_if
from injury_desk.domain.identifiers import (
    check_person_against_id,
    mask_resident_id,
    parse_resident_id,
    resident_id_errors,
)
from injury_desk.domain.errors import ValidationFailed
from injury_desk.services.actor import Actor
from injury_desk.services.context import ServiceContext
from injury_desk.services.fields import FieldReader
from injury_desk.services.permissions import allowed, require
from injury_desk.store.models import Person


@dataclass(frozen=True)
class PersonView:
    id: str
    id_number: str  # masked unless the actor may see the full number
    name: str
    sex: str
    birth_date: date
    phone: str
    address: str
    token: str  # concurrency token for editors: the row's last-change time


def person_view(actor: Actor, p: Person) -> PersonView:
    shown = p.id_number if allowed(actor, "person.view_full_id") else mask_resident_id(p.id_number)
    return PersonView(p.id, shown, p.name, p.sex, p.birth_date, p.phone, p.address, edit_token(p))


def read_person(data: dict[str, Any], today: date, prefix: str = "worker.") -> tuple[dict[str, Any], list[FieldError]]:
    """Validate a person's fields; sex and birth date come from the ID number and must agree with it."""
    r = FieldReader(data, prefix)
    errors: list[FieldError] = []
    raw_id = data.get("id_number")
    id_errors = resident_id_errors(raw_id, field=f"{prefix}id_number", today=today)
    errors += id_errors
    clean: dict[str, Any] = {
        "name": r.text("name", required=True, max_len=100),
        "phone": r.text("phone", max_len=40),
        "address": r.text("address", max_len=300),
    }
    given_sex = r.choice("sex", ("M", "F"))
    given_birth = r.date("birth_date")
    if not id_errors:
        rid = parse_resident_id(raw_id, field=f"{prefix}id_number", today=today)
        clean.update(id_number=rid.number, sex=rid.sex, birth_date=rid.birth_date)
        errors += check_person_against_id(rid, sex=given_sex, birth_date=given_birth, field_prefix=prefix)
    return clean, errors + r.errors


class PeopleService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def find_by_id_number(self, actor: Actor, id_number: str) -> PersonView | None:
        require(actor, "claim.view")
        number = (id_number or "").strip().upper()
        with self.ctx.read() as s:
            p = s.scalar(select(Person).where(Person.id_number == number, Person.deleted.is_(False)))
            return person_view(actor, p) if p else None

    def get(self, actor: Actor, person_id: str) -> PersonView:
        require(actor, "claim.view")
        with self.ctx.read() as s:
            p = s.get(Person, person_id)
            if p is None or p.deleted:
                raise DomainError("person.not_found", id=person_id)
            return person_view(actor, p)

    def validate(self, data: dict[str, Any], prefix: str = "worker.") -> list[FieldError]:
        return read_person(data, self.ctx.today(), prefix)[1]

    def create(self, actor: Actor, data: dict[str, Any]) -> str:
        require(actor, "person.edit")
        clean, errors = read_person(data, self.ctx.today(), prefix="")
        raise_if(errors)
        with self.ctx.write(actor, "person.create") as s:
            return add_person(s, actor, clean, prefix="").id

    def update(self, actor: Actor, person_id: str, data: dict[str, Any], *, token: str) -> None:
        require(actor, "person.edit")
        clean, errors = read_person(data, self.ctx.today(), prefix="")
        raise_if(errors)
        with self.ctx.write(actor, "person.update") as s:
            p = s.get(Person, person_id)
            if p is None or p.deleted:
                raise DomainError("person.not_found", id=person_id)
            check_token(p, token)
            if clean["id_number"] != p.id_number and _id_taken(s, clean["id_number"]):
                raise ValidationFailed([FieldError("id_number", "person.id_number_taken")])
            for key, value in clean.items():
                setattr(p, key, value)


def _id_taken(s: Session, number: str) -> bool:
    return s.scalar(select(Person.id).where(Person.id_number == number)) is not None


def add_person(s: Session, actor: Actor, clean: dict[str, Any], prefix: str) -> Person:
    if _id_taken(s, clean["id_number"]):
        raise ValidationFailed([FieldError(f"{prefix}id_number", "person.id_number_taken")])
    person = Person(office_id=actor.office_id, **clean)
    s.add(person)
    s.flush()
    return person


def edit_token(row: Any) -> str:
    return row.updated_at.isoformat()


def check_token(row: Any, token: str) -> None:
    """Refuse to overwrite a row somebody else changed since the editor loaded it."""
    if edit_token(row) != token:
        raise DomainError("record.changed_since_loaded", table=row.__tablename__, id=row.id)
