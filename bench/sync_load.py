"""Sync under load: two `central serve` processes (replicas) on one PostgreSQL, 20 desktops of 4 offices syncing
at once through both (each sync goes to one replica chosen at random), each desktop in a loop: 200 changes
captured through the normal path (new training sessions: row, outbox entry and audit event each), then a full
sync (push, pull of what the office's other desktops sent, state check, anchor) with the engine `sync now` uses.
Prints the aggregate mutations applied per second over the run and the p95 (and median) duration of one
desktop's sync; the goal is p95 <= 2 s on this machine.

For comparison: one desktop's sync of 200 changes up, and another's of them down, with nothing else running
(measured first, in the same run), so the figures show what the load costs a desktop.
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from bench import _sync_data as d
from bench._dataset import percentile

OFFICES = ("LA", "LB", "LC", "LD")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench sync_load", description=__doc__)
    parser.add_argument("--desktops", type=int, default=20, help="desktops, spread over 4 offices (default 20)")
    parser.add_argument("--changes", type=int, default=200, help="changes per desktop between syncs (default 200)")
    parser.add_argument("--seconds", type=float, default=90, help="length of the loaded run (default 90)")
    args = parser.parse_args(argv)
    if args.desktops < 2 * len(OFFICES):
        parser.error(f"--desktops must be at least {2 * len(OFFICES)} (two per office)")

    from injury_desk.central.central_db import CentralStore, migrate
    from injury_desk.sync.engine import SyncReport
    from injury_desk.sync.errors import SyncError
    from injury_desk.sync.http_transport import HttpTransport

    def level(engine, transport) -> SyncReport:
        for _attempt in range(3):
            try:
                return engine.sync(transport)
            except SyncError as exc:
                if not exc.retryable:
                    raise
        return engine.sync(transport)

    d.quick_password_hashes()
    with tempfile.TemporaryDirectory(prefix="bench-sync-load-") as tmp, d.fresh_pg_database() as (admin, service):
        tmp_path = Path(tmp)
        migrate(admin)
        store = CentralStore(admin)
        users = {code: d.add_office(store, code) for code in OFFICES}
        try:
            with d.Service(service, tmp_path / "replica-1") as one, d.Service(service, tmp_path / "replica-2") as two, \
                    d.autoanalyze(admin):
                fleet = []
                for k in range(args.desktops):
                    code = OFFICES[k % len(OFFICES)]
                    services, engine, transport = d.enrolled_engine(tmp_path / f"desktop-{k}", one.url,
                                                                    d.enrol_code(store, code))
                    other = HttpTransport(two.url, services.ctx.db.device_id, transport._secret)
                    engine.sync(transport)
                    fleet.append((k, code, services, engine, (transport, other)))
                numbers = iter(range(10**9))
                lock = threading.Lock()

                def cycle(k: int, code: str, services, engine, transports, rng: random.Random) -> tuple[float, SyncReport]:
                    with lock:
                        start = next(numbers) * args.changes
                    office_id, user_id = users[code]
                    d.capture_sessions(services.ctx.db, office_id, user_id, args.changes, first=start)
                    started = time.perf_counter()
                    report = engine.sync(rng.choice(transports))
                    return time.perf_counter() - started, report

                # Alone: one desktop syncs 200 changes up, then another desktop of its office syncs them down.
                rng = random.Random(19)
                alone_up, _r = cycle(*fleet[0][:4], fleet[0][4], rng)
                started = time.perf_counter()
                down = fleet[len(OFFICES)]
                down[3].sync(down[4][0])
                alone_down = time.perf_counter() - started
                for entry in fleet:  # everyone level before the load starts
                    entry[3].sync(entry[4][0])

                durations: list[float] = []
                applied = pulled = failed = 0
                deadline = time.monotonic() + args.seconds

                def run(entry) -> None:
                    nonlocal applied, pulled, failed
                    local = random.Random(entry[0])
                    while time.monotonic() < deadline:
                        try:
                            seconds, report = cycle(*entry[:4], entry[4], local)
                        except SyncError as exc:
                            # A passing network problem (say, the service closing an idle keep-alive connection
                            # as the request goes out) fails this sync, as it would a user's; the next retries.
                            if not exc.retryable:
                                raise
                            with lock:
                                failed += 1
                            continue
                        with lock:
                            durations.append(seconds)
                            applied += report.applied
                            pulled += report.pulled

                started = time.perf_counter()
                with ThreadPoolExecutor(len(fleet)) as pool:
                    list(pool.map(run, fleet))
                elapsed = time.perf_counter() - started
                for entry in fleet:  # the run ends level: every desktop agrees with its office
                    if not level(entry[3], entry[4][0]).state_ok:
                        raise SystemExit(f"desktop {entry[0]} does not match its office after the run")
                for _k, _code, services, _engine, transports in fleet:
                    for t in transports:
                        t.close()
                    services.close()
        finally:
            store.dispose()

    p95 = percentile(durations, 95)
    print(f"FIGURE sync_load_desktops {args.desktops} desktops")
    print(f"FIGURE sync_load_syncs {len(durations)} syncs")
    print(f"FIGURE sync_load_failed_syncs {failed} syncs")
    print(f"FIGURE sync_load_mutations_per_second {applied / elapsed:.0f} mutations/s")
    print(f"FIGURE sync_load_rows_pulled_per_sync {pulled / max(1, len(durations)):.0f} rows")
    print(f"FIGURE sync_load_sync_median {statistics.median(durations):.2f} s")
    print(f"FIGURE sync_load_sync_p95 {p95:.2f} s")
    print(f"FIGURE sync_load_alone_sync_up {alone_up:.2f} s")
    print(f"FIGURE sync_load_alone_sync_down {alone_down:.2f} s")
    print(f"FIGURE sync_load_p95_vs_alone_up {p95 / alone_up:.1f} x")
    return 0 if d.ratio("sync_load_p95_seconds", p95, "<=", 2) else 1
