"""Who may do what: one table of permissions by role, checked by every service call."""

from __future__ import annotations

from injury_desk.domain.errors import DomainError
from injury_desk.domain.permissions import CASEWORK, EVERYONE, PERMISSIONS  # noqa: F401 - re-exported
from injury_desk.services.actor import Actor

# The table itself is domain/permissions.py: the central service decides sync changes from the same one.


def allowed(actor: Actor, permission: str) -> bool:
    return actor.role in PERMISSIONS[permission]


def require(actor: Actor, permission: str) -> None:
    """Raise ``permission.denied`` unless the actor's role holds the permission."""
    if not allowed(actor, permission):
        raise DomainError("permission.denied", permission=permission, role=actor.role)


def require_office(actor: Actor, office_id: str) -> None:
    """A row of another office is out of this actor's jurisdiction."""
    if office_id != actor.office_id:
        raise DomainError("permission.other_office", office_id=office_id)
