"""Sync push of the demo mix: an enrolled desktop pushes about 100,000 new rows (employers, workers, claims,
determinations, appraisals, wage records, prevention and rehabilitation rows in the demo's proportions), each one
captured insert mutation, through the central service (`central serve` in a subprocess, real HTTP on 127.0.0.1)
into PostgreSQL, with the engine `sync now` uses. Baseline: a raw psycopg COPY of the same rows into empty
tables like the central ones (same columns, defaults, indexes, checks and foreign keys), parents first. Also the
desktop's and the service's peak memory for an office a tenth the size (every tenth claim and what hangs off it)
against the full one. For scale it also copies, raw, every record the push wrote (rows, feed entries, the
batches' audit events).

Each run has its own central database; each desktop runs in its own subprocesses (fresh interpreter; its peak
RSS is its own VmHWM, see _sync_data.own_peak_rss_mib). Its outbox is filled through the normal capture path (ORM
session: row, outbox entry and audit event per row, the claims list kept by its triggers) in a first process; the
timed part, in a second one, is SyncEngine.push, batch after batch, until the outbox is empty and every reply is
applied locally. ``INJURY_DESK_BENCH_MEMTRACE=FILE`` writes the push child's memory after every batch.
``--runs`` pushes of each size (default 3), each by a fresh desktop into a fresh office: figures are medians.
``INJURY_DESK_BENCH_PROFILE=FILE`` writes a cProfile of the desktop's timed push, ``INJURY_DESK_BENCH_SERVICE_PROFILE=FILE``
one of the service's push requests (the last size's of each).

The machine's PostgreSQL runs with autovacuum off; while the desktops push, the bench applies autovacuum's
analyze rule itself (see _sync_data.autoanalyze), as a running server would.
"""

from __future__ import annotations

import json
import os
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

from bench import _sync_data as d


def child(payload: dict[str, Any]) -> int:
    from sqlalchemy import text

    from injury_desk.sync.engine import SyncReport

    if payload["step"] == "capture":
        # First process: enrol, pull the office and its users, capture the changes (setup, not measured).
        services, engine, transport = d.enrolled_engine(Path(payload["dir"]), payload["url"], payload["code"])
        engine.pull(transport)
        mix = json.loads(Path(payload["mix"]).read_text(), object_hook=_revive)
        started = time.perf_counter()
        count = d.capture_mix(services.ctx.db, engine.office_id, payload["user_id"], mix)
        capture_s = time.perf_counter() - started
        transport.close()
        services.close()
        print(json.dumps({"capture_s": capture_s, "captured": count, "secret": transport._secret(),
                          "office_id": engine.office_id}))
        return 0
    # Second process (fresh interpreter, so its peak RSS is the push's): the same desktop pushes.
    services, engine, transport = d.reopened_engine(Path(payload["dir"]), payload["url"], payload["secret"],
                                                    payload["office_id"])
    db = services.ctx.db
    report = SyncReport()
    profile = os.environ.get("INJURY_DESK_BENCH_PROFILE")  # a file to write the push's cProfile statistics to
    if profile:
        import cProfile

        profiler = cProfile.Profile()
        profiler.enable()
    memtrace = os.environ.get("INJURY_DESK_BENCH_MEMTRACE")  # FILE: one per desktop, FILE.desktop-large-0 ...
    trace = d.MemTrace(f"{memtrace}.{Path(payload['dir']).name}" if memtrace else None)
    trace.sample("before push", 0)
    started = time.perf_counter()
    engine.push(transport, report, trace.progress)
    push_s = time.perf_counter() - started
    trace.sample("after push", report.pushed)
    trace.close()
    if profile:
        profiler.disable()
        profiler.dump_stats(profile)
    rss = d.own_peak_rss_mib()
    with db.read() as s:
        left = s.scalar(text("SELECT count(*) FROM outbox"))
        unversioned = s.scalar(text("SELECT count(*) FROM claims WHERE version = 0"))
    transport.close()
    services.close()
    print(json.dumps({"push_s": push_s, "pushed": report.pushed, "applied": report.applied,
                      "rejected": report.rejected, "outbox_left": left, "unversioned_claims": unversioned,
                      "rss_mib": rss}))
    return 0


def _encode(value: Any) -> Any:
    from datetime import date, datetime
    from decimal import Decimal

    if isinstance(value, datetime):
        return {"$dt": value.isoformat()}
    if isinstance(value, date):
        return {"$d": value.isoformat()}
    if isinstance(value, Decimal):
        return {"$dec": str(value)}
    raise TypeError(type(value))


def _revive(obj: dict[str, Any]) -> Any:
    from datetime import date, datetime
    from decimal import Decimal

    if len(obj) == 1:
        (key, value), = obj.items()
        if key == "$dt":
            return datetime.fromisoformat(value)
        if key == "$d":
            return date.fromisoformat(value)
        if key == "$dec":
            return Decimal(value)
    return obj


def raw_copy(admin_url: str, columns: list[str], rows: list[tuple], attempt: int, table: str) -> float:
    """The baseline for one table: psycopg COPY of the rows into an empty table like the central one (same
    columns, defaults, indexes, checks and foreign keys), committed."""
    with d.pg_connect(admin_url) as con:
        name = f"bench_raw_{table}_{attempt}"
        con.execute(f"CREATE TABLE {name} (LIKE {table} INCLUDING ALL)")
        for (definition,) in con.execute(
                "SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = %s::regclass AND contype = 'f'",
                (table,)).fetchall():
            con.execute(f"ALTER TABLE {name} ADD {definition}")
        con.commit()
        started = time.perf_counter()
        with con.cursor() as cur, cur.copy(f"COPY {name} ({', '.join(columns)}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)
        con.commit()
        elapsed = time.perf_counter() - started
        con.execute(f"DROP TABLE {name}")
        con.commit()
        return elapsed


def office_records(store, table: str, office_id: str) -> tuple[list[str], list[tuple]]:
    """(columns, rows) of one office in a central table, JSON columns as their text (as COPY takes them)."""
    with store.transaction() as conn:
        kinds = dict(conn.exec_driver_sql(
            "SELECT column_name, data_type FROM information_schema.columns WHERE table_name = %(t)s "
            "ORDER BY ordinal_position", {"t": table}).all())
        select_list = ", ".join(f"{c}::text" if kind == "json" else c for c, kind in kinds.items())
        cur = conn.exec_driver_sql(f"SELECT {select_list} FROM {table} WHERE office_id = %(o)s", {"o": office_id})
        return list(kinds), [tuple(r) for r in cur]


def main(argv: list[str]) -> int:
    args, large, _small = d.parse_sizes(argv, "python -m bench sync_push", __doc__, "rows")
    if args.child:
        return child(json.loads(args.child))
    runs = max(1, args.runs)

    from injury_desk.central.central_db import CentralStore, migrate

    d.quick_password_hashes()
    results: dict[str, list[dict[str, Any]]] = {}
    sizes: dict[str, int] = {}
    raw_times: list[float] = []
    all_s = 0.0
    with tempfile.TemporaryDirectory(prefix="bench-sync-push-") as tmp:
        tmp_path = Path(tmp)
        started = time.perf_counter()
        mixes, demo_users = d.demo_office(large, tmp_path / "demo")
        print(f"# demo mix built in {time.perf_counter() - started:.1f} s: "
              + ", ".join(f"{t} {len(r)}" for t, r in mixes["large"].items()), flush=True)
        for label in ("small", "large"):
            # A fresh central database per run: every run pushes the same row ids (the same mix), which one store
            # takes once (the next office's push of them is refused as naming rows of another office).
            for run in range(runs):
                with d.fresh_pg_database() as (admin, service):
                    migrate(admin)
                    store = CentralStore(admin)
                    try:
                        code = f"P{label[0].upper()}{run}"
                        office_id, user_id = d.add_office(store, code)
                        rows = d.for_office(mixes[label], demo_users, office_id, user_id)
                        sizes[label] = d.mix_count(rows)
                        mix_file = tmp_path / f"mix-{label}-{run}.json"
                        mix_file.write_text(json.dumps(rows, default=_encode, ensure_ascii=False))
                        d.analyze(store)
                        where = {"dir": str(tmp_path / f"desktop-{label}-{run}")}
                        with d.Service(service, tmp_path / f"service-{label}-{run}") as svc, d.autoanalyze(admin):
                            where["url"] = svc.url
                            setup = d.run_child("sync_push", {**where, "step": "capture", "user_id": user_id,
                                                              "mix": str(mix_file), "code": d.enrol_code(store, code)})
                            cpu = svc.cpu_s()
                            res = d.run_child("sync_push", {**where, "step": "push", "secret": setup["secret"],
                                                            "office_id": setup["office_id"]})
                            res["service_cpu_s"] = svc.cpu_s() - cpu
                            res["capture_s"] = setup["capture_s"]
                            res["service_rss_mib"] = svc.peak_rss_mib()
                        if (res["applied"] != sizes[label] or res["outbox_left"] or res["rejected"]
                                or res["unversioned_claims"]):
                            raise SystemExit(f"push of {sizes[label]} rows ended with {res}")
                        print(f"# {label} run {run + 1}: push {res['push_s']:.2f} s (service CPU "
                              f"{res['service_cpu_s']:.2f} s)", flush=True)
                        results.setdefault(label, []).append(res)
                        if label == "large" and run == runs - 1:
                            records = {t: office_records(store, t, office_id) for t in rows}
                            if sum(len(r) for _c, r in records.values()) != sizes[label]:
                                raise SystemExit("the central store does not hold the pushed rows")
                            raw_times = [sum(raw_copy(admin, *records[t], i, t) for t in rows) for i in range(runs)]
                            # Not the baseline, for scale: copying every record the push wrote, with no work at all.
                            extra = {t: office_records(store, t, office_id)
                                     for t in ("feed", "central_audit")}
                            all_s = raw_times[0] + sum(raw_copy(admin, *extra[t], 9, t) for t in extra)
                    finally:
                        store.dispose()

    def med(label: str, key: str) -> float:
        return statistics.median(r[key] for r in results[label])

    n_large, n_small = sizes["large"], sizes["small"]
    push_s, raw_s = med("large", "push_s"), statistics.median(raw_times)
    print("# large pushes (s): " + " ".join(f"{r['push_s']:.2f}" for r in results["large"]))
    print(f"FIGURE sync_push_rows {n_large} mutations")
    print(f"FIGURE sync_push_{n_large}_time {push_s:.2f} s")
    print(f"FIGURE sync_push_rate {n_large / push_s:.0f} mutations/s")
    print(f"FIGURE sync_push_raw_copy_time {raw_s:.2f} s")
    print(f"FIGURE sync_push_raw_copy_rate {n_large / raw_s:.0f} rows/s")
    print(f"FIGURE sync_push_raw_copy_of_row_feed_audit_and_mutation_records_time {all_s:.2f} s")
    print(f"FIGURE sync_push_{n_small}_time {med('small', 'push_s'):.2f} s")
    print(f"FIGURE sync_push_capture_{n_large}_time {med('large', 'capture_s'):.2f} s")
    met = [d.ratio("sync_push_vs_raw", raw_s / push_s, ">=", 0.2), *d.peak_memory("sync_push", med, n_small, n_large)]
    return 0 if all(met) else 1
