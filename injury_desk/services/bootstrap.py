"""First set-up of a local database: its office and first users (demo, tests, enrolment)."""

from __future__ import annotations

from sqlalchemy import select

from injury_desk.services.actor import Actor
from injury_desk.services.auth import actor_for, make_hasher
from injury_desk.services.context import ServiceContext
from injury_desk.store.base import new_id
from injury_desk.store.models import Office, User

SYSTEM_USER_ID = "00000000-0000-0000-0000-000000000000"


def system_actor(office: Office) -> Actor:
    """The set-up itself as the actor of the office's first rows, so they are audited like any other."""
    return Actor(SYSTEM_USER_ID, "system", "system", "administrator", office.id, office.code, office.name, office.region)


def create_office(ctx: ServiceContext, *, code: str, name: str, region: str,
                  users: list[dict[str, str]]) -> dict[str, Actor]:
    """Create an office with users (username, display_name, role, password); returns actors by username."""
    office_id = new_id()
    office = Office(id=office_id, office_id=office_id, code=code, name=name, region=region)
    boot = system_actor(office)
    hasher = make_hasher()
    # Offices and accounts are made centrally (DESIGN.md); a local bootstrap stands in for their first
    # pull, so they are audited but not queued for upload.
    with ctx.write(boot, "office.bootstrap", applying_pulled=True) as s:
        if s.scalar(select(Office.id).where(Office.code == code)):
            raise ValueError(f"office {code} exists")
        s.add(office)
        created = []
        for u in users:
            user = User(office_id=office_id, username=u["username"], display_name=u["display_name"],
                        role=u["role"], password_hash=hasher.hash(u["password"]), active=True)
            s.add(user)
            created.append(user)
        s.flush()
        return {u.username: actor_for(u, office) for u in created}
