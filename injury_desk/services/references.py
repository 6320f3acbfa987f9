"""Look-ups the prevention services share: referenced employers and people, rows loaded for reading or editing."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from injury_desk.domain.errors import DomainError, FieldError
from injury_desk.services.actor import Actor
from injury_desk.services.context import ServiceContext
from injury_desk.services.people import check_token
from injury_desk.services.permissions import require_office
from injury_desk.store.models import Employer, Person


def reference_errors(ctx: ServiceContext, actor: Actor, *, employer_id: str | None = None,
                     person_id: str | None = None, employer_required: bool = True) -> list[FieldError]:
    """Existence of referenced rows, checked in a read before the write opens (field errors, not crashes)."""
    errors: list[FieldError] = []
    with ctx.read() as s:
        if employer_id or employer_required:
            e = s.get(Employer, employer_id) if employer_id else None
            if e is None or e.deleted:
                errors.append(FieldError("employer_id", "employer.unknown", {"id": employer_id}))
            else:
                # Prevention work is done for the office's own employers only: their jurisdiction.
                require_office(actor, e.office_id)
        if person_id:
            p = s.get(Person, person_id)
            if p is None or p.deleted:
                errors.append(FieldError("person_id", "person.not_found", {"id": person_id}))
    return errors


def load_row(s: Session, model: type, row_id: str, key: str) -> Any:
    """The live row ``row_id`` of ``model``; ``key`` is the refusal when it is missing or a tombstone."""
    row = s.get(model, row_id)
    if row is None or row.deleted:
        raise DomainError(key, id=row_id)
    return row


def editable_row(s: Session, actor: Actor, model: type, row_id: str, key: str, token: str | None) -> Any:
    """``load_row`` for a change: the actor's office, and the edit token when the caller read one."""
    row = load_row(s, model, row_id, key)
    require_office(actor, row.office_id)
    if token is not None:
        check_token(row, token)
    return row


def employer_names(s: Session, ids: set[str | None]) -> dict[str, str]:
    """Employer id → name for the given ids, in one query."""
    ids = {i for i in ids if i}
    if not ids:
        return {}
    return dict(s.execute(select(Employer.id, Employer.name).where(Employer.id.in_(ids))).all())
