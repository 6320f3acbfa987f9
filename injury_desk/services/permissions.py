"""Who may do what: one table of permissions by role, checked by every service call."""

from __future__ import annotations

from injury_desk.domain.errors import DomainError
from injury_desk.services.actor import Actor

CASEWORK = frozenset({"caseworker", "supervisor"})
EVERYONE = frozenset({"caseworker", "supervisor", "administrator"})

PERMISSIONS: dict[str, frozenset[str]] = {
    "claim.view": EVERYONE,
    "claim.create": CASEWORK,
    "claim.edit": CASEWORK,
    "claim.delete": frozenset({"supervisor"}),
    "claim.decide": CASEWORK,
    "person.view_full_id": CASEWORK,
    "person.edit": CASEWORK,
    "employer.edit": CASEWORK,
    "prevention.edit": CASEWORK,
    "rehab.edit": CASEWORK,
    "rehab.stats": EVERYONE,  # aggregate figures only: no names or ID numbers in them
    "assessment.propose": CASEWORK,
    "assessment.approve": frozenset({"supervisor"}),
    "payment.record": CASEWORK,
    "user.manage": frozenset({"administrator"}),
    "database.export_key": frozenset({"administrator"}),
    "data.import": frozenset({"administrator", "supervisor"}),
    "data.export": EVERYONE,
    "demo.reset": EVERYONE,
    "demo.replace_office": frozenset({"administrator"}),  # the demo over a real office's database (--force)
    "tasks.office": frozenset({"supervisor", "administrator"}),
    "sync.run": EVERYONE,
    "sync.enrol": frozenset({"supervisor", "administrator"}),
    "sync.configure": frozenset({"administrator"}),
    "sync.resolve": CASEWORK,
}


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
