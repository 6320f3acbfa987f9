"""Sync push: an enrolled desktop pushes 100,000 captured insert mutations through the central service (the
service in a subprocess, real HTTP) into PostgreSQL, against a raw psycopg COPY of the same rows into an
identical empty table; and the desktop's peak memory for 10,000 against 100,000 mutations. For scale it also
copies, raw, every record the push wrote (rows, feed entries, audit events, stored mutation results).

Each desktop runs in its own subprocess (fresh interpreter, so its peak RSS is its own) and pushes into its
own office. Its outbox is filled through the normal capture path (ORM session: row, outbox entry and audit
event per change) in a first process; the timed part, in a second one, is SyncEngine.push, batch after batch,
until the outbox is empty and every reply is applied locally. Peak RSS includes SQLite's page cache (the
desktop sets 32 MiB per connection, which a larger database fills further).

The machine's PostgreSQL runs with autovacuum off; while the desktops push, the bench applies autovacuum's
analyze rule itself (see _sync_data.autoanalyze), as a running server would.
"""

from __future__ import annotations

import json
import statistics
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
        started = time.perf_counter()
        d.capture_sessions(services.ctx.db, engine.office_id, payload["user_id"], payload["count"])
        capture_s = time.perf_counter() - started
        transport.close()
        services.close()
        print(json.dumps({"capture_s": capture_s, "secret": transport._secret(), "office_id": engine.office_id}))
        return 0
    # Second process (fresh interpreter, so its peak RSS is the push's): the same desktop pushes.
    services, engine, transport = d.reopened_engine(Path(payload["dir"]), payload["url"], payload["secret"],
                                                    payload["office_id"])
    db = services.ctx.db
    report = SyncReport()
    started = time.perf_counter()
    engine.push(transport, report)
    push_s = time.perf_counter() - started
    rss = d.own_peak_rss_mib()
    with db.read() as s:
        left = s.scalar(text("SELECT count(*) FROM outbox"))
        versioned = s.scalar(text(f"SELECT count(*) FROM {d.TABLE} WHERE version > 0"))
    transport.close()
    services.close()
    print(json.dumps({"push_s": push_s, "pushed": report.pushed, "applied": report.applied,
                      "rejected": report.rejected, "outbox_left": left, "versioned": versioned, "rss_mib": rss}))
    return 0


def raw_copy(admin_url: str, columns: list[str], rows: list[tuple], attempt: int, table: str = d.TABLE) -> float:
    """The baseline: psycopg COPY of the rows into an empty table like the central one (same columns,
    defaults, indexes, checks and foreign keys), committed."""
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
    args, large, small = d.parse_sizes(argv, "python -m bench sync_push", __doc__, "mutations")
    if args.child:
        return child(json.loads(args.child))

    results: dict[int, dict[str, Any]] = {}
    with d.bench_central("bench-sync-push-") as (tmp_path, admin, service, store):
        offices = {}
        for code, count in (("QS", small), ("QL", large)):
            offices[count] = (code, *d.add_office(store, code))
        d.analyze(store)
        for count in (small, large):
            code, office_id, user_id = offices[count]
            with d.Service(service, tmp_path / f"service-{count}") as svc, d.autoanalyze(admin):
                where = {"dir": str(tmp_path / f"desktop-{count}"), "url": svc.url, "count": count}
                setup = d.run_child("sync_push", {**where, "step": "capture", "user_id": user_id,
                                                  "code": d.enrol_code(store, code)})
                res = d.run_child("sync_push", {**where, "step": "push", "secret": setup["secret"],
                                                "office_id": setup["office_id"]})
                res["capture_s"] = setup["capture_s"]
                res["service_rss_mib"] = svc.peak_rss_mib()
            if res["applied"] != count or res["outbox_left"] or res["versioned"] != count:
                raise SystemExit(f"push of {count} mutations ended with {res}")
            results[count] = res
        records = {table: office_records(store, table, offices[large][1])
                   for table in (d.TABLE, "feed", "central_audit", "applied_mutations")}
        columns, rows = records[d.TABLE]
        if len(rows) != large:
            raise SystemExit(f"central store holds {len(rows)} rows, expected {large}")
        raw_s = statistics.median(raw_copy(admin, columns, rows, i) for i in range(3))
        # Not the baseline, for scale: what copying every record the push wrote costs with no work at all.
        all_s = sum(raw_copy(admin, *records[table], 9, table) for table in records)

    ours = results[large]
    ours_rate = large / ours["push_s"]
    raw_rate = large / raw_s
    rss_small, rss_large = results[small]["rss_mib"], ours["rss_mib"]
    print(f"FIGURE sync_push_{large}_time {ours['push_s']:.2f} s")
    print(f"FIGURE sync_push_rate {ours_rate:.0f} mutations/s")
    print(f"FIGURE sync_push_raw_copy_time {raw_s:.2f} s")
    print(f"FIGURE sync_push_raw_copy_rate {raw_rate:.0f} rows/s")
    print(f"FIGURE sync_push_raw_copy_of_row_feed_audit_and_mutation_records_time {all_s:.2f} s")
    print(f"FIGURE sync_push_{small}_time {results[small]['push_s']:.2f} s")
    print(f"FIGURE sync_push_capture_{large}_time {ours['capture_s']:.2f} s")
    print(f"FIGURE sync_push_desktop_peak_rss_{small} {rss_small:.1f} MiB")
    print(f"FIGURE sync_push_desktop_peak_rss_{large} {rss_large:.1f} MiB")
    print(f"FIGURE sync_push_service_peak_rss_{small} {results[small]['service_rss_mib']:.1f} MiB")
    print(f"FIGURE sync_push_service_peak_rss_{large} {ours['service_rss_mib']:.1f} MiB")
    met = [d.ratio("sync_push_rate_vs_raw_copy", ours_rate / raw_rate, ">=", 0.33),
           d.ratio(f"sync_push_desktop_peak_rss_{large}_vs_{small}", rss_large / rss_small, "<=", 1.3),
           d.ratio(f"sync_push_service_peak_rss_{large}_vs_{small}",
                   ours["service_rss_mib"] / results[small]["service_rss_mib"], "<=", 1.3)]
    return 0 if all(met) else 1
