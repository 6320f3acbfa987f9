"""A sync transport that calls the central service's functions directly, JSON round trip included.

It lets the desktop's SyncEngine and the central push/pull code be tested without a web server in between."""

from __future__ import annotations

import json
from typing import Any

import pytest

from injury_desk.central import accounts, anchors, pull
from injury_desk.central.accounts import DeviceAuth
from injury_desk.central.central_db import CentralStore, default_url, migrate
from injury_desk.central.push import push
from injury_desk.protocol.messages import AnchorReply, AnchorRequest, PushReply, PushRequest

PASSWORD = "correct-horse-1"


@pytest.fixture
def store(tmp_path):
    """A central store on SQLite in tmp_path with office GZ01 and its caseworker cw.gz01 (no web server)."""
    url = default_url(tmp_path / "central")
    migrate(url)
    s = CentralStore(url)
    accounts.add_office(s, "GZ01", "Office GZ01")
    accounts.add_user(s, "GZ01", "cw.gz01", "Case Worker", "caseworker", PASSWORD)
    yield s
    s.dispose()


def _wire(value: Any) -> Any:
    """What the HTTP reply would have carried: JSON text read back."""
    return json.loads(json.dumps(value, ensure_ascii=False))


class InProcessTransport:
    def __init__(self, store: CentralStore, auth: DeviceAuth) -> None:
        self.store = store
        self.auth = auth
        self.pushes = 0

    def push(self, req: PushRequest) -> PushReply:
        self.pushes += 1
        wire = PushRequest.model_validate_json(req.model_dump_json())
        return PushReply.model_validate_json(push(self.store, self.auth, wire).model_dump_json())

    def anchor(self, req: AnchorRequest) -> AnchorReply:
        wire = AnchorRequest.model_validate_json(req.model_dump_json())
        return AnchorReply.model_validate_json(anchors.anchor(self.store, self.auth, wire).model_dump_json())

    def pull(self, cursor: int, limit: int) -> dict[str, Any]:
        return json.loads(pull.pull_page(self.store, self.auth, cursor, limit).body())

    def state(self) -> dict[str, Any]:
        return _wire(pull.state_hash(self.store, self.auth))

    def versions(self) -> list[list[Any]]:
        return _wire(pull.row_versions(self.store, self.auth))

    def rows(self, table: str, ids: list[str]) -> list[dict[str, Any]]:
        return _wire(pull.fetch_rows(self.store, self.auth, table, ids))
