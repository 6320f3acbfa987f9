"""sync/engine.py against the central functions in process: push, pull, held rows, conflicts, state checks."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from injury_desk.central import accounts
from injury_desk.central.accounts import DeviceAuth
from injury_desk.central.central_db import CentralStore
from injury_desk.protocol.messages import SCHEMA_VERSION, EnrollRequest
from injury_desk.services.container import Services
from injury_desk.services.context import ServiceContext
from injury_desk.store.database import open_database
from injury_desk.store.models import Employer, OutboxEntry, SyncConflict
from injury_desk.sync.engine import SyncEngine
from tests.conftest import employer_data
from tests.sync.in_process import PASSWORD, InProcessTransport, store  # noqa: F401 - store is a fixture


class Desk:
    """One enrolled desktop: its services, its engine and its in-process line to the central store."""

    def __init__(self, store: CentralStore, path) -> None:
        self.services = Services.build(ServiceContext(db=open_database(path), today=lambda: date(2026, 11, 28)))
        db = self.services.ctx.db
        reply = accounts.enrol(store, EnrollRequest(code=accounts.make_enrolment_code(store, "GZ01"),
                                                    device_id=db.device_id, schema_version=SCHEMA_VERSION))
        self.engine = SyncEngine(db, reply.office_id)
        self.transport = InProcessTransport(store, DeviceAuth(db.device_id, reply.office_id))
        self.engine.sync(self.transport)  # the office and its users come down first
        self.actor = self.services.auth.login("cw.gz01", PASSWORD)

    def sync(self):
        return self.engine.sync(self.transport)

    def employer(self, employer_id: str):
        return self.services.employers.get(self.actor, employer_id)

    def count(self, model) -> int:
        with self.services.ctx.db.read() as s:
            return s.scalar(select(func.count()).select_from(model))


@pytest.fixture
def desks(store, tmp_path):
    made = []

    def make(name: str) -> Desk:
        made.append(Desk(store, tmp_path / name))
        return made[-1]

    yield make
    for d in made:
        d.services.close()


def test_a_change_is_pushed_once_and_pulled_by_the_other_desktop(desks):
    a, b = desks("a"), desks("b")
    employer_id = a.services.employers.create(a.actor, employer_data())
    report = a.sync()
    assert (report.pushed, report.applied, report.rejected) == (1, 1, 0)
    assert a.count(OutboxEntry) == 0 and a.employer(employer_id).name == employer_data()["name"]
    assert a.sync().pushed == 0  # nothing is sent twice
    pulled = b.sync()
    assert pulled.pulled >= 1 and pulled.state_ok
    assert b.employer(employer_id).name == employer_data()["name"]


def test_a_row_with_unsent_local_changes_is_not_overwritten_by_a_pull(desks):
    a, b = desks("a"), desks("b")
    employer_id = a.services.employers.create(a.actor, employer_data())
    a.sync()
    b.sync()
    token = b.employer(employer_id).token
    b.services.employers.update(b.actor, employer_id, {**employer_data(), "headcount": 200}, token=token)
    a.services.employers.update(a.actor, employer_id, {**employer_data(), "address": "厦门市"},
                                token=a.employer(employer_id).token)
    a.sync()
    report = b.engine.pull(b.transport)  # a pull alone, with b's edit still unsent
    assert report.held_back == 1
    assert b.employer(employer_id).headcount == 200 and b.employer(employer_id).address == "福州市"
    b.sync()  # disjoint fields merge centrally, and both come back
    after = b.employer(employer_id)
    assert (after.headcount, after.address) == (200, "厦门市")


def test_the_same_field_changed_on_two_desktops_becomes_a_conflict_on_the_later_one(desks):
    a, b = desks("a"), desks("b")
    employer_id = a.services.employers.create(a.actor, employer_data())
    a.sync()
    b.sync()
    a.services.employers.update(a.actor, employer_id, {**employer_data(), "name": "甲"}, token=a.employer(employer_id).token)
    b.services.employers.update(b.actor, employer_id, {**employer_data(), "name": "乙"}, token=b.employer(employer_id).token)
    a.sync()
    report = b.sync()
    assert report.conflicts == 1 and b.count(SyncConflict) == 1
    assert b.employer(employer_id).name == "甲"  # the central value, until a person resolves it


def test_a_state_check_finds_a_row_the_desktop_lost_and_repairs_it(desks):
    a = desks("a")
    employer_id = a.services.employers.create(a.actor, employer_data())
    a.sync()
    with a.services.ctx.db.write_pulled(a.engine.actor, "test.lose_row") as s:
        s.execute(Employer.__table__.delete().where(Employer.__table__.c.id == employer_id))
    report = a.engine.check_state(a.transport, repair=True)
    assert report.repaired == 1 and a.employer(employer_id).name == employer_data()["name"]
    assert a.engine.check_state(a.transport).state_ok


def test_the_head_goes_once_and_a_service_that_cannot_take_it_does_not_fail_the_sync(desks):
    from injury_desk.store.audit_key import load_anchor
    from injury_desk.sync.errors import SyncError

    a = desks("a")
    assert a.sync().anchor == "unchanged"  # the first sync anchored this head; nothing was written since
    a.services.employers.create(a.actor, employer_data())

    def busy(_req):
        raise SyncError("sync.server_error", retryable=True, status=500)

    real, a.transport.anchor = a.transport.anchor, busy
    before = load_anchor(a.services.ctx.db.device_id)
    report = a.sync()
    assert (report.applied, report.anchor) == (1, "not_anchored")  # the work is synced all the same
    assert load_anchor(a.services.ctx.db.device_id) == before
    a.transport.anchor = real
    assert a.sync().anchor == "extends"
    assert load_anchor(a.services.ctx.db.device_id).seq > before.seq
