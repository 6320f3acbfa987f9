"""A faithful HTTP client of the central service: enrols, takes a token and pushes raw mutations, no desktop."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from typing import Any

import httpx
from sqlalchemy import select

from injury_desk.protocol.messages import SCHEMA_VERSION
from injury_desk.store.models import User


@dataclass
class RawDevice:
    url: str
    device_id: str
    office_id: str
    headers: dict[str, str]
    users: dict[str, str]  # username -> user id
    seq: int = 0
    sent: list[dict[str, Any]] = field(default_factory=list)

    @classmethod
    def enrol(cls, central, office_code: str) -> "RawDevice":
        device_id = str(uuid.uuid4())
        r = httpx.post(f"{central.url}/v1/enroll", json={"code": central.code(office_code), "device_id": device_id,
                                                         "schema_version": SCHEMA_VERSION})
        r.raise_for_status()
        enrolled = r.json()
        r = httpx.post(f"{central.url}/v1/token", json={"device_id": device_id,
                                                        "device_secret": enrolled["device_secret"]})
        r.raise_for_status()
        office_id = enrolled["office_id"]
        u = User.__table__.c
        with central.admin.transaction(office_id, write=False) as conn:
            users = {r.username: r.id for r in conn.execute(select(u.username, u.id).where(u.office_id == office_id))}
        return cls(central.url, device_id, office_id, {"Authorization": f"Bearer {r.json()['token']}"}, users)

    def mutation(self, table: str, row_id: str | None = None, *, op: str = "insert", base_version: int = 0,
                 user: str | None = None, seq: int | None = None, **values: Any) -> dict[str, Any]:
        """The next mutation of this device (its own sequence); an insert's values become [None, value]."""
        if seq is None:
            self.seq += 1
            seq = self.seq
        username = user or next(name for name in self.users if name.startswith("cw."))
        return {"mutation_id": str(uuid.uuid4()), "seq": seq, "table": table, "row_id": row_id or str(uuid.uuid4()),
                "op": op, "base_version": base_version, "user_id": self.users[username],
                "changes": {k: [None, v] for k, v in values.items()}}

    def push(self, *mutations: dict[str, Any], **extra: Any) -> httpx.Response:
        body = {"schema_version": SCHEMA_VERSION, "device_id": self.device_id, "mutations": list(mutations), **extra}
        return httpx.post(f"{self.url}/v1/push", headers=self.headers, json=body, timeout=60)

    def results(self, *mutations: dict[str, Any]) -> list[dict[str, Any]]:
        r = self.push(*mutations)
        assert r.status_code == 200, r.text
        return r.json()["results"]
