"""Two `central serve` processes on one PostgreSQL, 20 desktops of 4 offices syncing at random through both
(through a proxy that picks a replica per request and injects faults), at once, for a bounded time: at the end
every desktop holds exactly its office's central projection, nothing lost, duplicated or skipped by a pull."""

from __future__ import annotations

import random
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
from sqlalchemy import select

from injury_desk.central.central_db import CentralStore, migrate
from injury_desk.domain.identifiers import make_credit_code
from injury_desk.store.models import Employer
from injury_desk.sync.errors import SyncError
from tests.conftest import employer_data
from tests.support.central_server import ProcessServer
from tests.support.fault_proxy import FaultProxy
from tests.support.postgres import fresh_database
from tests.sync.conftest import Central, central_writes

pytestmark = [pytest.mark.postgres, pytest.mark.slow]

OFFICES = ("RA", "RB", "RC", "RD")
PER_OFFICE = 5
RUN_SECONDS = 45  # the random phase's bound; each worker stops at its first step after it


def local_employers(d) -> dict[str, str]:
    with d.db.read() as s:
        return dict(s.execute(select(Employer.id, Employer.name)).tuples().all())


def push_pull(d) -> str | None:
    """A sync without the state check's repair (a row a pull skipped would stay missing and fail the end):
    None when done, else the retryable error's key."""
    engine = d.services.sync.engine_for(d.actor)
    transport = d.services.sync._transport()  # the desktop's own (kept open between syncs)
    try:
        engine.push(transport)
        engine.pull(transport)
        return None
    except SyncError as exc:
        assert exc.retryable, (exc.key, exc.params)  # every injected fault is a passing network problem
        return f"{exc.key} {exc.params}"


def test_twenty_desktops_through_two_replicas_converge_to_their_office(tmp_path, desktops):
    with fresh_database() as (admin_url, service_url):
        migrate(admin_url)
        central = Central("postgres", admin_url, service_url, admin=CentralStore(admin_url))
        try:
            for code in OFFICES:
                central.add_office(code)
            with ProcessServer(service_url, tmp_path / "replica-1") as one, \
                    ProcessServer(service_url, tmp_path / "replica-2") as two, \
                    FaultProxy([one.port, two.port], seed=19) as proxy:
                central.url = proxy.url
                fleet = [(code, desktops(central, code, f"{code}-{k}")) for code in OFFICES for k in range(PER_OFFICE)]
                created: dict[str, set[str]] = {code: set() for code in OFFICES}
                lock = threading.Lock()
                counter = iter(range(10**6))
                proxy.rate = 0.2
                deadline = time.monotonic() + RUN_SECONDS

                def work(worker: int) -> tuple[int, int]:
                    # Each worker drives its own desktops (a desktop's database is used by one thread at a time),
                    # of every office, so desktops of one office push through both replicas at the same time.
                    rng = random.Random(worker)
                    mine = fleet[worker::4]
                    syncs = failed = 0
                    while time.monotonic() < deadline:
                        code, d = rng.choice(mine)
                        known = sorted(local_employers(d))
                        if not known or rng.random() < 0.4:
                            with lock:
                                n = next(counter)
                            new_id = d.services.employers.create(d.actor, employer_data(
                                credit_code=make_credit_code(f"9144{worker:03d}{n:010d}"), name=f"企业{worker}-{n}"))
                            with lock:
                                created[code].add(new_id)
                        else:
                            employer_id = rng.choice(known)
                            view = d.services.employers.get(d.actor, employer_id)
                            data = employer_data(**{k: getattr(view, k) for k in (
                                "credit_code", "name", "industry", "risk_class", "headcount", "address",
                                "contact_name", "contact_phone")})
                            data["headcount"] = rng.randint(1, 5000)
                            d.services.employers.update(d.actor, employer_id, data, token=view.token)
                        if rng.random() < 0.5:
                            syncs += 1
                            failed += push_pull(d) is not None
                    return syncs, failed

                with ThreadPoolExecutor(4) as pool:
                    outcomes = list(pool.map(work, range(4)))
                assert sum(s for s, _f in outcomes) > 40 and sum(f for _s, f in outcomes) > 0, outcomes
                assert all(n > 0 for n in proxy.by_upstream.values()), proxy.by_upstream
                proxy.heal()
                for _round in range(3):  # everyone sends what is left; then everyone has heard of everything
                    for _code, d in fleet:
                        assert push_pull(d) is None
                for code, d in fleet:
                    status = d.services.sync.status(d.actor)
                    assert (status.pending, status.rejected) == (0, 0), code
                    # No repair allowed: the desktop's rows and versions are the office's central projection.
                    engine = d.services.sync.engine_for(d.actor)
                    transport = d.services.sync._transport()
                    assert engine.check_state(transport, repair=False).state_ok, code
                    # Counted over every row, not only kept as rows changed (sync/kept_state.py).
                    assert engine.counted_state_hash() == transport.state()["hash"], code
                    assert set(local_employers(d)) == created[code], code
                inserts = central_writes(central)
                everything = set().union(*created.values())
                assert set(inserts) == everything and set(inserts.values()) == {1}, "lost or duplicated"
        finally:
            central.admin.dispose()
