"""Network faults between desktops and the service, and a randomised multi-office run that must converge."""

from __future__ import annotations

import random

from sqlalchemy import select

from injury_desk.domain.errors import DomainError
from injury_desk.domain.identifiers import make_credit_code
from injury_desk.store.models import Employer
from tests.conftest import employer_data
from tests.support.fault_proxy import FAULTS, FaultProxy
from tests.sync.conftest import central_writes

RETRYABLE = {"sync.network", "sync.timeout", "sync.server_error", "sync.bad_reply", "sync.http_error"}


def try_sync(d) -> bool:
    try:
        d.services.sync.sync_now(d.actor)
        return True
    except DomainError as exc:
        assert exc.key in RETRYABLE, exc  # a fault is reported as a passing network problem
        return False


def new_employer(d, n: int) -> str:
    return d.services.employers.create(d.actor, employer_data(credit_code=make_credit_code(f"9144000{n:010d}"),
                                                              name=f"企业{n}", headcount=10))


def edit(d, employer_id: str, rng: random.Random) -> None:
    view = d.services.employers.get(d.actor, employer_id)
    data = employer_data(**{k: getattr(view, k) for k in ("credit_code", "name", "industry", "risk_class", "headcount",
                                                          "address", "contact_name", "contact_phone")})
    field = rng.choice(("headcount", "address", "contact_name"))
    data[field] = rng.randint(1, 5000) if field == "headcount" else f"{field}-{rng.randint(1, 4)}"
    d.services.employers.update(d.actor, employer_id, data, token=view.token)


def drain(desktops_list, rounds: int = 4) -> None:
    for _ in range(rounds):
        for d in desktops_list:
            assert try_sync(d)
    for d in desktops_list:
        st = d.services.sync.status(d.actor)
        assert (st.pending, st.rejected) == (0, 0)


def central_inserts(central) -> dict[str, int]:
    return central_writes(central)


def local_employers(d) -> set[str]:
    with d.db.read() as s:
        return set(s.scalars(select(Employer.id)))


def test_the_queue_drains_once_the_network_heals_and_nothing_is_lost_or_duplicated(central, desktops):
    central.add_office("GZ01")
    upstream = int(central.url.rsplit(":", 1)[1])
    with FaultProxy(upstream, seed=11) as proxy:
        central.url = proxy.url  # the desktops know the service only through the faulty network
        a, b = desktops(central, "GZ01", "a"), desktops(central, "GZ01", "b")
        proxy.rate = 0.6
        rng = random.Random(5)
        created: list[str] = []
        failed = 0
        for n in range(40):
            d = (a, b)[n % 2]
            created.append(new_employer(d, n))
            mine = [e for e in created if e in local_employers(d)]
            edit(d, rng.choice(mine), rng)
            failed += not try_sync(d)
        assert failed > 0
        assert all(proxy.counts[f] > 0 for f in FAULTS), proxy.counts
        proxy.heal()
        drain([a, b])
        inserts = central_inserts(central)
        assert all(inserts.get(e) == 1 for e in created), "lost or duplicated"
        assert set(inserts) == set(created)
        for d in (a, b):
            assert local_employers(d) == set(created)
            assert d.services.sync.sync_now(d.actor).state_ok


def test_a_randomised_run_of_several_offices_with_faults_converges(central, desktops):
    rng = random.Random(2026)
    upstream = int(central.url.rsplit(":", 1)[1])
    offices = [f"OF{i}" for i in range(rng.randint(3, 5))]
    for code in offices:
        central.add_office(code)
    with FaultProxy(upstream, seed=3) as proxy:
        central.url = proxy.url
        fleet = {code: [desktops(central, code, f"{code}-{k}") for k in range(rng.randint(1, 2))]
                 for code in offices}
        proxy.rate = 0.35
        everyone = [d for ds in fleet.values() for d in ds]
        n = 0
        for _step in range(60):
            d = rng.choice(everyone)
            known = sorted(local_employers(d))
            if not known or rng.random() < 0.35:
                n += 1
                new_employer(d, 1000 + n)
            else:
                edit(d, rng.choice(known), rng)
            if rng.random() < 0.5:
                try_sync(d)
        proxy.heal()
        drain(everyone)
        drain(everyone, rounds=1)  # a quiet round: everything already agrees
        for code, ds in fleet.items():
            hashes = set()
            for d in ds:
                engine = d.services.sync.engine_for(d.actor)
                transport = d.services.sync._transport()
                assert transport.state()["hash"] == engine.local_state_hash(), code  # the office projection
                assert engine.counted_state_hash() == engine.local_state_hash(), code  # the kept hash, counted
                hashes.add(engine.local_state_hash())
                with d.db.read() as s:  # nothing of another office ever reached this desktop
                    assert set(s.scalars(select(Employer.office_id))) <= {central.offices[code]}
            assert len(hashes) == 1
