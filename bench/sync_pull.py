"""Sync pull: a fresh enrolled desktop pulls 100,000 changed rows from the central service (PostgreSQL, the
service in a subprocess, real HTTP) into its (SQLCipher-encrypted) database, against a raw executemany of the
same rows into an identical empty table through the same library with encryption on; and the desktop's peak memory for 10,000 against 100,000 rows.

Each desktop sync runs in its own subprocess (fresh interpreter, so its peak RSS is its own), against its own
office: one office holds the small set, another the large one. The timed part is SyncEngine.pull (HTTP
pages and their local transactions, cursor included); the state-hash check that follows in a real sync is
reported apart and counted in the memory figures.

Peak RSS includes SQLite's page cache, which the desktop sets to 32 MiB per connection (a bounded cache that
a larger database fills further); the peak of Python's own allocations (tracemalloc, in separate untimed runs)
shows whether rows are streamed page by page.
"""

from __future__ import annotations

import json
import os
import statistics
import time
import tracemalloc
from pathlib import Path
from typing import Any

from bench import _sync_data as d
from injury_desk.store import cipher, db_key


def child(payload: dict[str, Any]) -> int:
    from injury_desk.sync.engine import SyncReport

    services, engine, transport = d.enrolled_engine(Path(payload["dir"]), payload["url"], payload["code"])
    if payload.get("trace"):
        tracemalloc.start()
    report = SyncReport()
    engine.push(transport, report)
    started = time.perf_counter()
    engine.pull(transport, report)
    pull_s = time.perf_counter() - started
    rss_pull = d.own_peak_rss_mib()
    started = time.perf_counter()
    engine.check_state(transport, report, repair=True)
    state_s = time.perf_counter() - started
    rss = d.own_peak_rss_mib()
    heap = tracemalloc.get_traced_memory()[1] / 2**20 if payload.get("trace") else None
    with services.ctx.db.read() as s:
        from sqlalchemy import text

        local = s.scalar(text(f"SELECT count(*) FROM {d.TABLE} WHERE office_id = :o"), {"o": engine.office_id})
    transport.close()
    services.close()
    print(json.dumps({"pull_s": pull_s, "state_s": state_s, "pulled": report.pulled, "rows": local,
                      "state_ok": report.state_ok, "rss_mib": rss,
                      "rss_pull_mib": rss_pull, "heap_mib": heap}))
    return 0


def raw_insert(db_path: Path, schema: list[str], columns: list[str], rows: list[tuple]) -> float:
    """The baseline: one executemany INSERT of the rows into an empty table of the same schema, with the
    desktop database's pragmas, in one transaction."""
    # The same library with encryption on, as the desktop's database has it (a key of its own).
    con = cipher.connect(db_path, os.urandom(cipher.KEY_BYTES), isolation_level=None)
    try:
        for pragma in ("journal_mode=WAL", "synchronous=FULL", "foreign_keys=OFF", "cache_size=-32768"):
            con.execute(f"PRAGMA {pragma}")
        for sql in schema:
            con.execute(sql)
        sql = f"INSERT INTO {d.TABLE} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"
        started = time.perf_counter()
        con.execute("BEGIN IMMEDIATE")
        con.executemany(sql, rows)
        con.execute("COMMIT")
        return time.perf_counter() - started
    finally:
        con.close()


def main(argv: list[str]) -> int:
    args, large, small = d.parse_sizes(argv, "python -m bench sync_pull", __doc__, "rows")
    if args.child:
        return child(json.loads(args.child))

    results: dict[int, dict[str, Any]] = {}
    with d.bench_central("bench-sync-pull-") as (tmp_path, admin, service, store):
        offices = {}
        started = time.perf_counter()
        for code, count in (("PS", small), ("PL", large)):
            office_id, user_id = d.add_office(store, code)
            d.seed_central_rows(store, office_id, user_id, count)
            offices[count] = (code, office_id)
        print(f"# seeded {small} + {large} rows centrally in {time.perf_counter() - started:.1f} s", flush=True)
        for count in (small, large):
            code = d.enrol_code(store, offices[count][0])
            with d.Service(service, tmp_path / f"service-{count}") as svc:
                res = d.run_child("sync_pull", {"dir": str(tmp_path / f"desktop-{count}"), "url": svc.url,
                                                "code": code})
                res["service_rss_mib"] = svc.peak_rss_mib()
            if res["rows"] != count or not res["state_ok"]:
                raise SystemExit(f"pull of {count} rows ended with {res}")
            results[count] = res
        for count in (small, large):  # again, with Python's allocations traced (slower, so not timed)
            code = d.enrol_code(store, offices[count][0])
            with d.Service(service, tmp_path / f"service-traced-{count}") as svc:
                res = d.run_child("sync_pull", {"dir": str(tmp_path / f"desktop-traced-{count}"),
                                                "url": svc.url, "code": code, "trace": True})
            if res["rows"] != count or not res["state_ok"]:
                raise SystemExit(f"traced pull of {count} rows ended with {res}")
            results[count]["heap_mib"] = res["heap_mib"]

        desktop_db = tmp_path / f"desktop-{large}" / "injury_desk.sqlite3"
        schema = d.table_schema_sql(desktop_db, d.TABLE)
        con = cipher.connect(desktop_db, db_key.load_key(desktop_db))
        cur = con.execute(f"SELECT * FROM {d.TABLE} WHERE office_id = ?", (offices[large][1],))
        columns = [c[0] for c in cur.description]
        rows = cur.fetchall()
        con.close()
        raw_times = [raw_insert(tmp_path / f"raw-{i}.sqlite3", schema, columns, rows) for i in range(3)]
    raw_s = statistics.median(raw_times)

    ours = results[large]
    ours_rate = large / ours["pull_s"]
    raw_rate = large / raw_s
    rss_small, rss_large = results[small]["rss_mib"], ours["rss_mib"]
    print(f"FIGURE sync_pull_{large}_time {ours['pull_s']:.2f} s")
    print(f"FIGURE sync_pull_rate {ours_rate:.0f} rows/s")
    print(f"FIGURE sync_pull_raw_executemany_time {raw_s:.2f} s")
    print(f"FIGURE sync_pull_raw_executemany_rate {raw_rate:.0f} rows/s")
    print(f"FIGURE sync_pull_{small}_time {results[small]['pull_s']:.2f} s")
    print(f"FIGURE sync_pull_state_check_{large}_time {ours['state_s']:.2f} s")
    print(f"FIGURE sync_pull_desktop_peak_rss_{small} {rss_small:.1f} MiB")
    print(f"FIGURE sync_pull_desktop_peak_rss_{large} {rss_large:.1f} MiB")
    print(f"FIGURE sync_pull_desktop_peak_rss_after_pull_{small} {results[small]['rss_pull_mib']:.1f} MiB")
    print(f"FIGURE sync_pull_desktop_peak_rss_after_pull_{large} {ours['rss_pull_mib']:.1f} MiB")
    print(f"FIGURE sync_pull_desktop_peak_python_heap_{small} {results[small]['heap_mib']:.1f} MiB")
    print(f"FIGURE sync_pull_desktop_peak_python_heap_{large} {ours['heap_mib']:.1f} MiB")
    print(f"FIGURE sync_pull_service_peak_rss_{small} {results[small]['service_rss_mib']:.1f} MiB")
    print(f"FIGURE sync_pull_service_peak_rss_{large} {ours['service_rss_mib']:.1f} MiB")
    heap_small, heap_large = results[small]["heap_mib"], ours["heap_mib"]
    met = [d.ratio("sync_pull_rate_vs_raw_executemany", ours_rate / raw_rate, ">=", 0.5),
           d.ratio(f"sync_pull_desktop_peak_rss_{large}_vs_{small}", rss_large / rss_small, "<=", 1.3),
           d.ratio(f"sync_pull_service_peak_rss_{large}_vs_{small}",
                   ours["service_rss_mib"] / results[small]["service_rss_mib"], "<=", 1.3),
           d.ratio(f"sync_pull_desktop_peak_python_heap_{large}_vs_{small}", heap_large / heap_small, "<=", 1.3)]
    return 0 if all(met) else 1
