"""An office's day of work reaching the other desktop: 5,000 changes made on desktop A1 through the services
(new claims with their workers, applications accepted, determinations decided: the claims list, outbox, audit
and decision numbers as in the GUI), then `sync now` on A1, then `sync now` on A2 — the services' own
SyncService.sync_now, keyring and all, against `central serve` in a subprocess over HTTP on 127.0.0.1 with a
PostgreSQL store. Prints the wall time of each sync; the goal is that the day's work is on A2 within 10 s of
both syncs starting (their sum, since A2 starts once A1 is done).
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from bench import _sync_data as d

TODAY = date(2026, 11, 28)


def make_changes(services, actor, count: int) -> tuple[int, int]:
    """Claims taken from report to determination through the services until ``count`` changes wait in the
    outbox; returns (changes, claims)."""
    from injury_desk.domain.identifiers import make_credit_code, make_resident_id

    employer_ids = [services.employers.create(actor, {
        "credit_code": make_credit_code(f"91350102MA{n:07d}"), "name": f"福州远航机械{n}号有限公司", "industry": "制造业",
        "risk_class": 3, "headcount": 200, "address": "福州市鼓楼区", "contact_name": "李明",
        "contact_phone": "0591-1234567"}) for n in range(5)]
    claims = 0
    while services.sync.status(actor).pending < count:
        for _ in range(25):
            k = claims
            accident = TODAY - timedelta(days=30 + k % 60)
            worker = {"id_number": make_resident_id("350102", date(1970, 1, 1) + timedelta(days=k), 1 + 2 * (k % 400),
                                                    "M"),
                      "name": f"王{'伟芳强磊军洋'[k % 6]}{k}", "phone": "13800000000", "address": "福州市"}
            claim_id = services.claims.create(actor, {
                "worker": worker, "employer_id": employer_ids[k % len(employer_ids)],
                "accident_date": accident.isoformat(), "accident_time": "09:30", "accident_place": "二号车间冲压线",
                "circumstances": "操作冲压机时右手被压伤。", "body_parts": "右手", "diagnosis": "右手中指骨折",
                "applicant_type": "employer", "application_received_on": (accident + timedelta(days=3)).isoformat()})
            services.claims.accept(actor, claim_id, {"accepted_on": (accident + timedelta(days=5)).isoformat(),
                                                     "clear_case": True})
            if k % 2 == 0:
                services.claims.decide(actor, claim_id, {"outcome": "recognised", "basis_code": "art14_1",
                                                         "decided_on": (accident + timedelta(days=12)).isoformat()})
            claims += 1
    return services.sync.status(actor).pending, claims


def desktop(path: Path, url: str, code: str, username: str):
    from injury_desk.services.container import Services
    from injury_desk.services.context import ServiceContext
    from injury_desk.store.database import open_database

    services = Services.build(ServiceContext(db=open_database(path), today=lambda: TODAY))
    services.sync.enrol(None, url, code)
    services.sync.first_pull(None)
    return services, services.auth.login(username, d.PASSWORD)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench sync_office", description=__doc__)
    parser.add_argument("--changes", type=int, default=5000, help="changes made on A1 (default 5000)")
    args = parser.parse_args(argv)

    from injury_desk.central import accounts
    from injury_desk.central.central_db import CentralStore, migrate
    from injury_desk.services.claim_list import ClaimQuery

    d.quick_password_hashes()
    with tempfile.TemporaryDirectory(prefix="bench-sync-office-") as tmp, d.fresh_pg_database() as (admin, service):
        tmp_path = Path(tmp)
        migrate(admin)
        store = CentralStore(admin)
        try:
            d.add_office(store, "OF")
            accounts.add_user(store, "OF", "sup.of", "Supervisor OF", "supervisor", d.PASSWORD)
            with d.Service(service, tmp_path / "service") as svc, d.autoanalyze(admin):
                a1, actor1 = desktop(tmp_path / "a1", svc.url, d.enrol_code(store, "OF"), "sup.of")
                a2, actor2 = desktop(tmp_path / "a2", svc.url, d.enrol_code(store, "OF"), "sup.of")
                started = time.perf_counter()
                changes, claims = make_changes(a1, actor1, args.changes)
                print(f"# {changes} changes ({claims} claims) made on A1 in {time.perf_counter() - started:.1f} s",
                      flush=True)
                profile = os.environ.get("INJURY_DESK_BENCH_PROFILE")  # a file for A1's sync's cProfile statistics
                if profile:
                    import cProfile

                    profiler = cProfile.Profile()
                    profiler.enable()
                started = time.perf_counter()
                r1 = a1.sync.sync_now(actor1)
                a1_s = time.perf_counter() - started
                if profile:
                    profiler.disable()
                    profiler.dump_stats(profile)
                started = time.perf_counter()
                r2 = a2.sync.sync_now(actor2)
                a2_s = time.perf_counter() - started
                # What a caseworker at A2 sees: every claim in the list, and found by a worker's name.
                listed = a2.claim_list.count(actor2, ClaimQuery())
                found = a2.claim_list.count(actor2, ClaimQuery(text="王伟1"))
                a1.close()
                a2.close()
        finally:
            store.dispose()
    if r1.applied != changes or r1.rejected or not r1.state_ok or not r2.state_ok or listed != claims or not found:
        raise SystemExit(f"A1's sync ended with {r1}, A2's with {r2}")
    print(f"FIGURE sync_office_changes {changes} changes")
    print(f"FIGURE sync_office_a1_pushed {r1.pushed} mutations")
    print(f"FIGURE sync_office_a1_pulled {r1.pulled} rows")
    print(f"FIGURE sync_office_a2_pulled {r2.pulled} rows")
    print(f"FIGURE sync_office_a2_claims_listed {listed} claims")
    print(f"FIGURE sync_office_a1_sync_time {a1_s:.2f} s")
    print(f"FIGURE sync_office_a2_sync_time {a2_s:.2f} s")
    return 0 if d.ratio("sync_office_seconds", a1_s + a2_s, "<=", 10) else 1
