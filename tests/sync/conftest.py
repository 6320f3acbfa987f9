"""Sync fixtures: a real central service (uvicorn on loopback) over SQLite or PostgreSQL, and desktops."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pytest

from injury_desk.central import accounts
from injury_desk.central.central_db import CentralStore, default_url, migrate
from injury_desk.services.actor import Actor
from injury_desk.services.container import Services
from injury_desk.services.context import ServiceContext
from injury_desk.store.database import open_database
from tests.support.central_server import ThreadServer
from tests.support.postgres import fresh_database

TODAY = date(2026, 11, 28)
REPO = Path(__file__).resolve().parents[2]
PASSWORD = "correct-horse-1"


@pytest.fixture(autouse=True)
def quick_hashes(monkeypatch):
    """Cheap argon2 parameters for accounts made in tests (the hash carries them; verifying is unchanged)."""
    from argon2 import PasswordHasher

    monkeypatch.setattr(accounts, "password_hasher", lambda: PasswordHasher(time_cost=1, memory_cost=1024))


@dataclass
class Central:
    kind: str
    admin_url: str
    service_url: str
    url: str = ""
    admin: CentralStore | None = None
    service: CentralStore | None = None
    offices: dict[str, str] = field(default_factory=dict)

    def add_office(self, code: str, users: tuple[tuple[str, str], ...] = (("cw", "caseworker"),
                                                                        ("sup", "supervisor"))) -> str:
        office_id = accounts.add_office(self.admin, code, f"Office {code}")
        for username, role in users:
            accounts.add_user(self.admin, code, f"{username}.{code.lower()}", f"{username} {code}", role, PASSWORD)
        self.offices[code] = office_id
        return office_id

    def code(self, office_code: str) -> str:
        return accounts.make_enrolment_code(self.admin, office_code)


def _central_stores(kind: str, tmp_path: Path) -> Iterator[tuple[str, str]]:
    if kind == "sqlite":
        url = default_url(tmp_path / "central")
        yield url, url
    else:
        with fresh_database() as urls:
            yield urls


# The PostgreSQL half is slow (a fresh database per test): `pytest -m "not slow"` leaves it out.
@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=[pytest.mark.postgres, pytest.mark.slow])])
def central(request, tmp_path) -> Iterator[Central]:
    """The real service on 127.0.0.1, its store migrated by the administrator; it serves as the service role."""
    gen = _central_stores(request.param, tmp_path)
    admin_url, service_url = next(gen)
    try:
        migrate(admin_url)
        c = Central(request.param, admin_url, service_url)
        c.admin = CentralStore(admin_url)
        with ThreadServer(service_url) as server:
            c.url = server.url
            c.service = server.store
            yield c
        c.admin.dispose()
    finally:
        gen.close()


@dataclass
class Desktop:
    services: Services
    path: Path
    actor: Actor | None = None
    tampered: bool = False  # the test edits the file behind the application's back (check then reports it)

    @property
    def db(self):
        return self.services.ctx.db

    def login(self, username: str) -> Actor:
        self.actor = self.services.auth.login(username, PASSWORD)
        return self.actor

    def close(self) -> None:
        self.services.close()


@pytest.fixture
def desktops(tmp_path):
    """make(central, office_code, name) -> an enrolled desktop with the office pulled down."""
    made: list[Desktop] = []

    def make(central: Central, office_code: str, name: str, *, login: str | None = "cw") -> Desktop:
        path = tmp_path / f"desktop-{name}"
        services = Services.build(ServiceContext(db=open_database(path), today=lambda: TODAY))
        d = Desktop(services, path)
        made.append(d)
        services.sync.enrol(None, central.url, central.code(office_code))
        services.sync.first_pull(None)
        if login:
            d.login(f"{login}.{office_code.lower()}")
        return d

    yield make
    try:
        for d in made:
            if not d.tampered:
                # Whatever a sync wrote (pulled rows, rows the service sent back, refused changes) is audited:
                # a desktop that only ever synced checks clean.
                from injury_desk.services.integrity import check_database

                problems = check_database(d.db).problems
                assert not problems, problems
    finally:
        for d in made:
            d.close()


def central_writes(central: Central, table: str = "employers", op: str = "insert") -> dict[str, int]:
    """Row id -> how many pushed mutations of ``op`` wrote that row of ``table``, from the batch audit events
    (each mutation that wrote a row has its entry there, with what it changed)."""
    from collections import Counter

    from injury_desk.central.integrity import mutation_entries

    with central.admin.transaction(write=False) as conn:
        entries = mutation_entries(conn)
    return dict(Counter(e["row_id"] for e in entries if e["table"] == table and e["op"] == op
                        and e["after"] is not None))
