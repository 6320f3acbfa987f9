"""Sync pull of the demo mix: a fresh enrolled desktop pulls an office of about 100,000 rows (employers, workers,
claims, determinations, appraisals, wage records, prevention and rehabilitation rows in the demo's proportions)
from the central service (PostgreSQL, `central serve` in a subprocess, real HTTP on 127.0.0.1) into its
encrypted database, through the engine and after-pull hook `sync now` uses, so the claims list (read model, kept
by triggers) and its full-text index are filled as in real use. Baseline: a raw executemany of the same rows
into the same tables (their indexes, no triggers, no claims list) in one transaction, same library, encrypted.
Also the desktop's and the service's peak memory for the office a tenth the size (every tenth claim and what
hangs off it) against the full one: the service's over its whole life (start, enrolment, token, pull, state
check) and, apart, over the pull alone (its VmHWM restarted just before it).

Each desktop pull runs in its own subprocess (fresh interpreter, so its peak RSS is its own); each size has its
own central database. The timed part is SyncEngine.pull (HTTP pages and their local transactions, cursor and
after-pull work included); the state check that follows in `sync now` (mending the claims list, state hash) is
reported apart. ``INJURY_DESK_BENCH_MEMTRACE=FILE`` writes the pull child's memory after every page (see
_sync_data.MemTrace). ``--runs`` pulls of each size (default 3): the figures are their medians.
"""

from __future__ import annotations

import json
import os
import statistics
import time
from pathlib import Path
from typing import Any

from bench import _sync_data as d
from injury_desk.store import cipher, db_key


def child(payload: dict[str, Any]) -> int:
    from sqlalchemy import text

    from injury_desk.sync.engine import SyncReport

    services, engine, transport = d.enrolled_engine(Path(payload["dir"]), payload["url"], payload["code"])
    report = SyncReport()
    engine.push(transport, report)
    profile = os.environ.get("INJURY_DESK_BENCH_PROFILE")  # a file to write the pull's cProfile statistics to
    if profile:
        import cProfile

        profiler = cProfile.Profile()
        profiler.enable()
    # The service's peak so far is its start, the enrolment and the token (argon2 hashes with 64 MiB each, the
    # same at any office size); it starts again here, so the pull's own peak is read apart. The token is taken
    # first (the empty push asked for none), as the pull would at its first page.
    transport._token_header()
    service_setup_rss = d.proc_peak_rss_mib(payload["service_pid"])
    d.reset_peak_rss(payload["service_pid"])
    memtrace = os.environ.get("INJURY_DESK_BENCH_MEMTRACE")  # FILE: one per desktop, FILE.desktop-large-0 ...
    trace = d.MemTrace(f"{memtrace}.{Path(payload['dir']).name}" if memtrace else None)
    trace.sample("before pull", 0)
    started = time.perf_counter()
    engine.pull(transport, report, trace.progress)
    pull_s = time.perf_counter() - started
    trace.sample("after pull", report.pulled)
    service_pull_rss = d.proc_peak_rss_mib(payload["service_pid"])
    if profile:
        profiler.disable()
        profiler.dump_stats(profile)
    rss_pull = d.own_peak_rss_mib()
    started = time.perf_counter()
    engine.check_state(transport, report, repair=True)
    state_s = time.perf_counter() - started
    trace.sample("after state check", report.pulled)
    trace.close()
    rss = d.own_peak_rss_mib()
    with services.ctx.db.read() as s:
        counts = {t: s.scalar(text(f"SELECT count(*) FROM {t} WHERE office_id = :o"), {"o": engine.office_id})
                  for t in payload["tables"]}
        listed = s.scalar(text("SELECT count(*) FROM claim_list WHERE office_id = :o"), {"o": engine.office_id})
        indexed = s.scalar(text("SELECT count(*) FROM claim_list_fts"))
    transport.close()
    services.close()
    print(json.dumps({"pull_s": pull_s, "state_s": state_s, "pulled": report.pulled, "counts": counts,
                      "listed": listed, "indexed": indexed, "state_ok": report.state_ok, "rss_mib": rss,
                      "rss_pull_mib": rss_pull, "service_setup_rss_mib": service_setup_rss,
                      "service_pull_rss_mib": service_pull_rss}))
    return 0


def desktop_rows(db_path: Path, office_id: str, tables: list[str]) -> dict[str, tuple[list[str], list[str], list[tuple]]]:
    """Per table (in the order given): its CREATE TABLE and CREATE INDEX statements (no triggers), its columns
    and the office's rows as the desktop stores them."""
    con = cipher.connect(db_path, db_key.load_key(db_path))
    try:
        out = {}
        for table in tables:
            schema = [sql for (sql,) in con.execute(
                "SELECT sql FROM sqlite_master WHERE tbl_name = ? AND type IN ('table', 'index') AND sql IS NOT NULL"
                " ORDER BY type DESC", (table,))]
            cur = con.execute(f"SELECT * FROM {table} WHERE office_id = ?", (office_id,))
            out[table] = (schema, [c[0] for c in cur.description], cur.fetchall())
        return out
    finally:
        con.close()


def raw_insert(db_path: Path, data: dict[str, tuple[list[str], list[str], list[tuple]]]) -> float:
    """The baseline: executemany INSERTs of the rows into empty tables of the same schema (parents first),
    with the desktop database's pragmas, in one transaction."""
    # The same library with encryption on, as the desktop's database has it (a key of its own).
    con = cipher.connect(db_path, os.urandom(cipher.KEY_BYTES), isolation_level=None)
    try:
        for pragma in ("journal_mode=WAL", "synchronous=FULL", "foreign_keys=OFF", "cache_size=-32768"):
            con.execute(f"PRAGMA {pragma}")
        for schema, _columns, _rows in data.values():
            for sql in schema:
                con.execute(sql)
        started = time.perf_counter()
        con.execute("BEGIN IMMEDIATE")
        for table, (_schema, columns, rows) in data.items():
            con.executemany(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",
                            rows)
        con.execute("COMMIT")
        return time.perf_counter() - started
    finally:
        con.close()


def main(argv: list[str]) -> int:
    args, large, _small = d.parse_sizes(argv, "python -m bench sync_pull", __doc__, "rows")
    if args.child:
        return child(json.loads(args.child))
    runs = max(1, args.runs)

    import tempfile

    from injury_desk.central.central_db import CentralStore, migrate

    d.quick_password_hashes()
    results: dict[str, list[dict[str, Any]]] = {}
    sizes: dict[str, int] = {}
    raw_times: list[float] = []
    with tempfile.TemporaryDirectory(prefix="bench-sync-pull-") as tmp:
        tmp_path = Path(tmp)
        started = time.perf_counter()
        mixes, demo_users = d.demo_office(large, tmp_path / "demo")
        print(f"# demo mix built in {time.perf_counter() - started:.1f} s: "
              + ", ".join(f"{t} {len(r)}" for t, r in mixes["large"].items()), flush=True)
        for label in ("small", "large"):
            with d.fresh_pg_database() as (admin, service):
                migrate(admin)
                store = CentralStore(admin)
                try:
                    office_id, user_id = d.add_office(store, "PL")
                    rows = d.for_office(mixes[label], demo_users, office_id, user_id)
                    sizes[label] = d.mix_count(rows)
                    started = time.perf_counter()
                    d.seed_central_mix(store, office_id, rows)
                    print(f"# seeded {sizes[label]} rows centrally in {time.perf_counter() - started:.1f} s", flush=True)
                    tables = list(rows)
                    for run in range(runs):
                        desk = tmp_path / f"desktop-{label}-{run}"
                        with d.Service(service, tmp_path / f"service-{label}-{run}") as svc:
                            res = d.run_child("sync_pull", {"dir": str(desk), "url": svc.url, "tables": tables,
                                                            "code": d.enrol_code(store, "PL"),
                                                            "service_pid": svc.proc.pid})
                            # Over the service's whole life, as before the child restarted the peak for the pull.
                            res["service_rss_mib"] = max(res["service_setup_rss_mib"], svc.peak_rss_mib())
                        want = {t: len(r) for t, r in rows.items()}
                        if res["counts"] != want or not res["state_ok"] or res["listed"] != want["claims"]:
                            raise SystemExit(f"pull of {sizes[label]} rows ended with {res}, expected {want}")
                        print(f"# {label} run {run + 1}: pull {res['pull_s']:.2f} s", flush=True)
                        results.setdefault(label, []).append(res)
                    if label == "large":
                        data = desktop_rows(tmp_path / "desktop-large-0" / "injury_desk.sqlite3", office_id, tables)
                        raw_times = [raw_insert(tmp_path / f"raw-{i}.sqlite3", data) for i in range(runs)]
                finally:
                    store.dispose()

    def med(label: str, key: str) -> float:
        return statistics.median(r[key] for r in results[label])

    n_large, n_small = sizes["large"], sizes["small"]
    pull_s, raw_s = med("large", "pull_s"), statistics.median(raw_times)
    print(f"FIGURE sync_pull_rows {n_large} rows")
    print(f"FIGURE sync_pull_claims {len(mixes['large']['claims'])} claims")
    print(f"FIGURE sync_pull_{n_large}_time {pull_s:.2f} s")
    print("# large pulls (s): " + " ".join(f"{r['pull_s']:.2f}" for r in results["large"]))
    print(f"FIGURE sync_pull_rate {n_large / pull_s:.0f} rows/s")
    print(f"FIGURE sync_pull_raw_executemany_time {raw_s:.2f} s")
    print(f"FIGURE sync_pull_raw_executemany_rate {n_large / raw_s:.0f} rows/s")
    print(f"FIGURE sync_pull_{n_small}_time {med('small', 'pull_s'):.2f} s")
    print(f"FIGURE sync_pull_state_check_{n_large}_time {med('large', 'state_s'):.2f} s")
    met = [d.ratio("sync_pull_vs_raw", raw_s / pull_s, ">=", 0.33), *d.peak_memory("sync_pull", med, n_small, n_large)]
    # The service's peak during the pull alone (from the first page to the last; the state check after it is not
    # in it): the figure above is mostly its set-up's at both sizes.
    for label, n in (("small", n_small), ("large", n_large)):
        print(f"FIGURE sync_pull_service_pull_only_peak_rss_{n} {med(label, 'service_pull_rss_mib'):.1f} MiB")
    met.append(d.ratio(f"sync_pull_service_pull_only_peak_rss_{n_large}_vs_{n_small}",
                       med("large", "service_pull_rss_mib") / med("small", "service_pull_rss_mib"), "<=", 1.3))
    return 0 if all(met) else 1
