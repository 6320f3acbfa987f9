"""A push that takes its sequence numbers and commits late is never skipped by a device pulling meanwhile."""

from __future__ import annotations

import threading
import time

from sqlalchemy import select

from injury_desk.central import office_log
from injury_desk.domain.identifiers import make_credit_code
from injury_desk.store.models import Employer
from tests.conftest import employer_data


def test_a_late_commit_is_never_skipped_by_a_concurrent_puller(central, desktops, monkeypatch):
    central.add_office("GZ01")
    slow, fast, reader = (desktops(central, "GZ01", name) for name in ("slow", "fast", "reader"))
    slow_id = slow.services.employers.create(slow.actor, employer_data(credit_code=make_credit_code("91440000000000001"),
                                                                       name="慢公司"))
    fast_id = fast.services.employers.create(fast.actor, employer_data(credit_code=make_credit_code("91440000000000002"),
                                                                       name="快公司"))
    holding = threading.Event()
    release = threading.Event()
    original = office_log.OfficeLog.flush
    slow_office_rows = {}

    def flush_then_wait(self):
        staged = dict(self.rows.get("employers", {}))
        original(self)
        if slow_id in staged and not holding.is_set():
            # The slow push has its versions (sequence numbers) and has written them: now it dawdles before
            # its commit, while another device pushes and a third one pulls.
            slow_office_rows["version"] = staged[slow_id]["version"]
            holding.set()
            release.wait(20)

    monkeypatch.setattr(office_log.OfficeLog, "flush", flush_then_wait)
    errors: list[BaseException] = []

    def run(d):
        try:
            d.services.sync.sync_now(d.actor)
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    t_slow = threading.Thread(target=run, args=(slow,))
    t_slow.start()
    assert holding.wait(20)
    t_fast = threading.Thread(target=run, args=(fast,))
    t_fast.start()
    time.sleep(0.5)  # time enough for the fast push to commit, were it allowed to overtake
    reader.services.sync.sync_now(reader.actor)
    cursor_during = reader.services.sync.status(reader.actor).cursor
    assert cursor_during < slow_office_rows["version"]  # the reader did not move past the uncommitted version
    release.set()
    t_slow.join(30)
    t_fast.join(30)
    assert not errors, errors
    report = reader.services.sync.sync_now(reader.actor)
    assert report.state_ok
    with reader.db.read() as s:
        names = set(s.scalars(select(Employer.name).where(Employer.id.in_((slow_id, fast_id)))))
    assert names == {"慢公司", "快公司"}
