"""Shared pieces of the sync benchmarks: a throwaway PostgreSQL central store, the service in a subprocess,
generated training-session rows, enrolled desktops without a keyring, and peak-memory readings."""

from __future__ import annotations

import json
import os
import resource
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
DEFAULT_PG = "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
TABLE = "training_sessions"  # no unique constraints besides the id, so generated rows never collide
PASSWORD = "bench-password-1"
TOPICS = ["高处作业安全培训", "机械设备操作规程", "消防演练与疏散", "职业病防护知识", "有限空间作业", "用电安全"]
TRAINERS = ["王建国", "李秀英", "张伟", "刘洋", "陈静"]


def parse_sizes(argv: list[str], prog: str, doc: str | None, noun: str):
    """(args, large, small): the sizes every sync benchmark takes, and its hidden --child payload."""
    import argparse

    parser = argparse.ArgumentParser(prog=prog, description=doc)
    parser.add_argument("--rows", type=int, default=100_000, help=f"{noun} in the large run (default 100000)")
    parser.add_argument("--small", type=int, default=0, help=f"{noun} in the small run (default rows / 10)")
    parser.add_argument("--runs", type=int, default=3, help="timed runs of each size; figures are medians (default 3)")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    return args, args.rows, args.small or max(1, args.rows // 10)


def ratio(name: str, value: float, op: str, bound: float) -> bool:
    """Prints one RATIO line and says whether it meets its target."""
    print(f"RATIO {name} {value:.3f} target {op} {bound}")
    return value >= bound if op == ">=" else value <= bound


def peak_memory(kind: str, med, n_small: int, n_large: int) -> list[bool]:
    """FIGURE lines of both sides' peak memory at both sizes, and the RATIO lines large vs small (target 1.3×)."""
    for label, n in (("small", n_small), ("large", n_large)):
        print(f"FIGURE {kind}_desktop_peak_rss_{n} {med(label, 'rss_mib'):.1f} MiB")
        print(f"FIGURE {kind}_service_peak_rss_{n} {med(label, 'service_rss_mib'):.1f} MiB")
    return [ratio(f"{kind}_{side}_peak_rss_{n_large}_vs_{n_small}", med("large", key) / med("small", key), "<=", 1.3)
            for side, key in (("desktop", "rss_mib"), ("service", "service_rss_mib"))]


def admin_pg_url() -> str:
    return os.environ.get("INJURY_DESK_TEST_PG_URL") or DEFAULT_PG


def _pg_connect(url: str, **kw: Any):
    import psycopg
    from sqlalchemy.engine import make_url

    u = make_url(url)
    return psycopg.connect(host=u.host or "127.0.0.1", port=u.port or 5432, user=u.username or "postgres",
                           dbname=u.database or "postgres", **kw)


@contextmanager
def fresh_pg_database() -> Iterator[tuple[str, str]]:
    """(administrator URL, service-role URL) of a new database on the machine's server, dropped afterwards."""
    from sqlalchemy.engine import make_url

    name = f"injury_desk_bench_{uuid.uuid4().hex[:10]}"
    with _pg_connect(admin_pg_url(), autocommit=True) as con:
        con.execute(f'CREATE DATABASE "{name}"')
    # The service role logs in with its password, as `central migrate` sets it (the tests' one, so a test and a
    # benchmark running side by side agree on it).
    from tests.support.postgres import SERVICE_PASSWORD, SERVICE_ROLE, ensure_service_password

    ensure_service_password()
    admin = make_url(admin_pg_url()).set(database=name)
    service = admin.set(username=SERVICE_ROLE, password=SERVICE_PASSWORD)
    try:
        yield admin.render_as_string(hide_password=False), service.render_as_string(hide_password=False)
    finally:
        with _pg_connect(admin_pg_url(), autocommit=True) as con:
            con.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@contextmanager
def bench_central(prefix: str):
    """(scratch folder, administrator URL, service-role URL, administrator store) of a fresh, migrated
    central database; the store is closed and the database dropped afterwards."""
    import tempfile

    from injury_desk.central.central_db import CentralStore, migrate

    quick_password_hashes()
    with tempfile.TemporaryDirectory(prefix=prefix) as tmp, fresh_pg_database() as (admin, service):
        migrate(admin)
        store = CentralStore(admin)
        try:
            yield Path(tmp), admin, service, store
        finally:
            store.dispose()


def pg_connect(url: str, **kw: Any):
    return _pg_connect(url, **kw)


def quick_password_hashes() -> None:
    """Bench accounts only: cheap argon2 parameters (the hash records them; verifying is unchanged)."""
    from argon2 import PasswordHasher

    from injury_desk.central import accounts

    accounts.password_hasher = lambda: PasswordHasher(time_cost=1, memory_cost=1024)


def add_office(admin_store, code: str) -> tuple[str, str]:
    """A new office with one caseworker: (office id, caseworker user id)."""
    from injury_desk.central import accounts

    office_id = accounts.add_office(admin_store, code, f"Bench office {code}")
    user_id = accounts.add_user(admin_store, code, f"cw.{code.lower()}", f"Caseworker {code}", "caseworker",
                                PASSWORD)
    return office_id, user_id


def session_values(n: int, office_id: str, user_id: str) -> dict[str, Any]:
    """One training session as a sync message carries it (JSON values), numbered ``n``."""
    held = date(2026, 1, 1) + timedelta(days=n % 330)
    return {
        "id": str(uuid.UUID(int=(uuid.uuid5(uuid.NAMESPACE_OID, office_id).int ^ n) & ((1 << 128) - 1), version=4)),
        "office_id": office_id,
        "deleted": False,
        "employer_id": None,
        "topic": f"{TOPICS[n % len(TOPICS)]} 第{n}期",
        "held_on": held.isoformat(),
        "trainer": TRAINERS[n % len(TRAINERS)],
        "attendee_count": 5 + n % 60,
        "attendee_names": "、".join(TRAINERS[(n + k) % len(TRAINERS)] for k in range(1 + n % 4)),
        "cost_fen": 10_000 + (n * 37) % 900_000,
    }


def seed_central_rows(admin_store, office_id: str, user_id: str, count: int, chunk: int = 10_000) -> None:
    """Bulk path (an import, not a push): rows written through the office log, so versions, feed and
    counters are exactly as the service keeps them."""
    from injury_desk.central.office_log import OfficeLog

    now = datetime(2026, 11, 28, 9, 0, tzinfo=timezone.utc).isoformat()
    for start in range(0, count, chunk):
        with admin_store.transaction(office_id) as conn:
            log = OfficeLog(conn, office_id)
            for n in range(start, min(count, start + chunk)):
                row = session_values(n, office_id, user_id)
                row.update(version=log.next_version(), updated_at=now, updated_by=user_id)
                log.stage_row(TABLE, row, inserted=True)
            log.stage_audit(action="bench.seed", table=TABLE, row_id=office_id, user_id=None, device_id=None,
                            mutation_id=None, before=None, after={"rows": min(count, start + chunk) - start})
            log.flush()
    analyze(admin_store)


def analyze(admin_store) -> None:
    """Fresh planner statistics after a bulk load (what autovacuum does on a server that has been running)."""
    if admin_store.is_postgres:
        with admin_store.writer.connect() as conn:
            conn.execution_options(isolation_level="AUTOCOMMIT").exec_driver_sql("ANALYZE")


def enrol_code(admin_store, office_code: str) -> str:
    from injury_desk.central import accounts

    return accounts.make_enrolment_code(admin_store, office_code)


# ------------------------------------------------------------------ the service in a subprocess


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Service:
    """`injury-desk central serve` as a real subprocess on loopback; its peak RSS is read before it stops."""

    def __init__(self, store_url: str, data_dir: Path) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        args = ["--data-dir", str(data_dir), "central", "serve", "--store", store_url, "--port", str(self.port)]
        self.cmd = [sys.executable, "-m", "injury_desk", *args]
        # INJURY_DESK_BENCH_SERVICE_PROFILE=FILE: the service's push requests are profiled, written there when it is
        # stopped (each service of the run writes over the one before: the last size's is left).
        profile = os.environ.get("INJURY_DESK_BENCH_SERVICE_PROFILE")
        if profile:
            self.cmd = [sys.executable, "-m", "bench._profiled_service", profile, *args]
        # INJURY_DESK_BENCH_SERVICE_MEMLOG=FILE: the service appends its resident memory around each pull, state,
        # versions and rows request there (a line per request; every service of the run, one after another).
        memlog = os.environ.get("INJURY_DESK_BENCH_SERVICE_MEMLOG")
        if memlog:
            self.cmd = [sys.executable, "-m", "bench._memlog_service", memlog, *args]

    def __enter__(self) -> "Service":
        import httpx

        self.proc = subprocess.Popen(self.cmd, cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                if httpx.get(self.url + "/v1/health", timeout=1.0).status_code == 200:
                    return self
            except httpx.HTTPError:
                time.sleep(0.05)
        self.proc.kill()
        raise RuntimeError(f"central service did not start: {self.proc.stderr.read().decode()[-2000:]}")

    def peak_rss_mib(self) -> float:
        return proc_peak_rss_mib(self.proc.pid)

    def cpu_s(self) -> float:
        """CPU seconds the service process has used so far (user and system, from /proc): less swayed than wall
        time by other work on a shared machine."""
        fields = Path(f"/proc/{self.proc.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def __exit__(self, *exc: Any) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()


def proc_peak_rss_mib(pid: int) -> float:
    """VmHWM (peak resident set) of a running process, from /proc (Linux)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def reset_peak_rss(pid: int) -> None:
    """Starts a process's VmHWM again from its current resident set (Linux: clear_refs 5), so a later reading is
    the peak of what came after."""
    Path(f"/proc/{pid}/clear_refs").write_text("5")


def own_peak_rss_mib() -> float:
    """This process's own peak resident set: VmHWM of its address space. Not getrusage's ru_maxrss: Linux carries
    the parent's peak over exec into a child's ru_maxrss, so a bench child started by a parent holding the whole
    demo mix (600-900 MiB) reported the parent's memory, not its own (see docs/sync.md, Benchmarks)."""
    if Path("/proc/self/status").exists():
        return proc_peak_rss_mib(os.getpid())
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux; no /proc: not Linux


def run_child(module: str, payload: dict[str, Any]) -> dict[str, Any]:
    """Runs ``python -m bench MODULE --child JSON`` and returns the JSON object it prints last."""
    out = subprocess.run([sys.executable, "-m", "bench", module, "--child", json.dumps(payload)], cwd=REPO,
                         capture_output=True, text=True)
    if out.returncode != 0:
        raise RuntimeError(f"{module} child failed:\n{out.stdout[-3000:]}\n{out.stderr[-5000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


# ------------------------------------------------------------------ desktops


def enrolled_engine(data_dir: Path, central_url: str, code: str):
    """A fresh desktop database enrolled with the service; the device secret is held in memory and handed
    to the HTTP transport directly (no keyring needed). Returns (services, engine, transport)."""
    from injury_desk.services.container import Services
    from injury_desk.services.context import ServiceContext
    from injury_desk.services.sync import OFFICE_KEY, TAG_KEY, URL_KEY
    from injury_desk.store.database import ActorContext, open_database
    from injury_desk.sync.engine import SyncEngine, put_setting
    from injury_desk.sync.http_transport import HttpTransport

    db = open_database(data_dir)
    services = Services.build(ServiceContext(db=db, today=lambda: date(2026, 11, 28)))
    reply = HttpTransport.enrol(central_url, code, db.device_id, "bench")
    with db.write_pulled(ActorContext(None, reply.office_id), "sync.enrol") as s:  # type: ignore[arg-type]
        for key, value in ((URL_KEY, central_url), (OFFICE_KEY, reply.office_id), (TAG_KEY, reply.device_tag)):
            put_setting(s, key, value)
    transport = HttpTransport(central_url, db.device_id, lambda: reply.device_secret)
    engine = SyncEngine(db, reply.office_id, None, after_pull=services.sync._after_pull)
    return services, engine, transport


def reopened_engine(data_dir: Path, central_url: str, secret: str, office_id: str):
    """The enrolled desktop of ``enrolled_engine`` opened again in another process, with its secret."""
    from injury_desk.services.container import Services
    from injury_desk.services.context import ServiceContext
    from injury_desk.store.database import open_database
    from injury_desk.sync.engine import SyncEngine
    from injury_desk.sync.http_transport import HttpTransport

    db = open_database(data_dir)
    services = Services.build(ServiceContext(db=db, today=lambda: date(2026, 11, 28)))
    transport = HttpTransport(central_url, db.device_id, lambda: secret)
    engine = SyncEngine(db, office_id, None, after_pull=services.sync._after_pull)
    return services, engine, transport


def table_schema_sql(sqlite_path: Path, table: str) -> list[str]:
    """CREATE TABLE and CREATE INDEX statements of ``table`` in a SQLite file."""
    from injury_desk.store import cipher, db_key

    con = cipher.connect(sqlite_path, db_key.load_key(sqlite_path))
    try:
        return [sql for (sql,) in con.execute(
            "SELECT sql FROM sqlite_master WHERE tbl_name = ? AND sql IS NOT NULL ORDER BY type DESC", (table,))]
    finally:
        con.close()


def fmt_rate(rows: int, seconds: float) -> str:
    return f"{rows / seconds:.0f}"


def capture_sessions(db, office_id: str, user_id: str, count: int, chunk: int = 5000, first: int = 0) -> None:
    """``count`` new training sessions written through the normal capture path (ORM session, outbox entry
    and audit event per row), in transactions of ``chunk`` rows, as a caseworker working offline would."""
    from injury_desk.store.database import ActorContext
    from injury_desk.store.models import TrainingSession

    actor = ActorContext(user_id, office_id)
    for start in range(first, first + count, chunk):
        with db.write(actor, "training.add") as s:
            for n in range(start, min(first + count, start + chunk)):
                values = session_values(n, office_id, user_id)
                values["held_on"] = date.fromisoformat(values["held_on"])
                s.add(TrainingSession(**values))


@contextmanager
def autoanalyze(admin_url: str, every: float = 1.0) -> Iterator[None]:
    """Autovacuum's analyze rule, run from the bench: the machine's test server has autovacuum off, so
    without this the planner would keep the statistics of the empty tables and scan a growing table for
    every batch. A table is analyzed once more than 50 + 10 % of its rows changed (PostgreSQL's defaults);
    the check runs every ``every`` seconds instead of autovacuum's one minute."""
    import threading

    stop = threading.Event()

    def run() -> None:
        with _pg_connect(admin_url, autocommit=True) as con:
            while not stop.wait(every):
                due = con.execute("SELECT relname FROM pg_stat_user_tables WHERE schemaname = 'public' AND "
                                  "n_mod_since_analyze > 50 + 0.1 * greatest(n_live_tup, 0)").fetchall()
                for (name,) in due:
                    con.execute(f'ANALYZE "{name}"')

    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    try:
        yield
    finally:
        stop.set()
        worker.join(10)


# ------------------------------------------------------------------ the demo mix


def demo_mix(claims: int, work: Path) -> tuple[dict[str, list[dict[str, Any]]], set[str]]:
    """The synced rows of a demo office of ``claims`` claims (services/demo.py: employers, workers, claims,
    determinations, appraisals, wage records, prevention, rehabilitation ... in the demo's proportions), as
    column -> Python value dicts per table, parents first, and the demo's user ids. Offices and users are left
    out: the bench office has its own."""
    from sqlalchemy import select

    from injury_desk.services.demo import build_demo
    from injury_desk.store.database import open_database
    from injury_desk.store.models import MODEL_BY_TABLE
    from injury_desk.sync.engine import TABLE_ORDER

    db = open_database(work)
    try:
        build_demo(db, claims=claims, today=date(2026, 11, 28))
        out: dict[str, list[dict[str, Any]]] = {}
        with db.read() as s:
            users = set(s.scalars(select(MODEL_BY_TABLE["users"].__table__.c.id)))
            for name in TABLE_ORDER:
                if name in ("offices", "users"):
                    continue
                rows = [dict(r) for r in s.execute(select(MODEL_BY_TABLE[name].__table__)).mappings()]
                if rows:
                    out[name] = rows
        return out, users
    finally:
        db.dispose()


def claim_share(mix: dict[str, list[dict[str, Any]]], share: float) -> dict[str, list[dict[str, Any]]]:
    """A smaller office in the same proportions: ``share`` of the claims, spread evenly over them, with
    everything that hangs off them (by foreign key, transitively) and the workers they name; employers and
    prevention rows whose references all stay are kept."""
    from injury_desk.store.models import MODEL_BY_TABLE

    claims = mix.get("claims", [])
    share = min(1.0, share)
    kept: dict[str, set[str]] = {"claims": {r["id"] for i, r in enumerate(claims)
                                            if int((i + 1) * share) > int(i * share)}}
    kept["people"] = {r["worker_id"] for r in mix["claims"] if r["id"] in kept["claims"]}
    out: dict[str, list[dict[str, Any]]] = {}
    for name, rows in mix.items():
        if name not in kept:
            refs = [(c.name, next(iter(c.foreign_keys)).column.table.name)
                    for c in MODEL_BY_TABLE[name].__table__.columns if c.foreign_keys and c.name != "office_id"]
            rows = [r for r in rows if all(r[col] is None or target not in kept or r[col] in kept[target]
                                           for col, target in refs)]
            kept[name] = {r["id"] for r in rows}
        out[name] = [r for r in rows if r["id"] in kept[name]]
    return out


def mix_count(mix: dict[str, list[dict[str, Any]]]) -> int:
    return sum(len(rows) for rows in mix.values())


def demo_office(rows: int, work: Path) -> tuple[dict[str, dict[str, list[dict[str, Any]]]], set[str]]:
    """({"large": about ``rows`` rows, "small": a tenth of it}, demo user ids): a demo office built a little
    larger than needed (the generator's rows per claim change as it grows) and thinned by claims."""
    claims = max(100, rows // 6)
    mix, users = demo_mix(claims, work)
    large = claim_share(mix, rows / mix_count(mix)) if mix_count(mix) > rows else mix
    return {"large": large, "small": claim_share(large, 0.1)}, users


def for_office(mix: dict[str, list[dict[str, Any]]], demo_users: set[str], office_id: str,
               user_id: str) -> dict[str, list[dict[str, Any]]]:
    """The rows moved into the bench office: its id, and the bench user wherever a demo user was named."""
    out: dict[str, list[dict[str, Any]]] = {}
    for name, rows in mix.items():
        moved = []
        for r in rows:
            r = {k: (user_id if isinstance(v, str) and v in demo_users else v) for k, v in r.items()}
            r["office_id"] = office_id
            moved.append(r)
        out[name] = moved
    return out


def seed_central_mix(admin_store, office_id: str, mix: dict[str, list[dict[str, Any]]], chunk: int = 10_000) -> None:
    """Bulk path (an import, not a push): the rows written through the office log in dependency order, so
    versions, feed payloads and counters are exactly as the service keeps them."""
    from injury_desk.central.office_log import OfficeLog
    from injury_desk.central.tables import synced_tables
    from injury_desk.store.rowcodec import row_to_json

    now = datetime(2026, 11, 28, 9, 0, tzinfo=timezone.utc).isoformat()
    for table in synced_tables():
        rows = mix.get(table.name) or []
        for start in range(0, len(rows), chunk):
            with admin_store.transaction(office_id) as conn:
                log = OfficeLog(conn, office_id)
                for r in rows[start:start + chunk]:
                    row = row_to_json(table, {c.name: r.get(c.name) for c in table.columns})
                    row.update(version=log.next_version(), updated_at=now)
                    log.stage_row(table.name, row, inserted=True)
                log.stage_audit(action="bench.seed", table=table.name, row_id=office_id, user_id=None,
                                device_id=None, mutation_id=None, before=None,
                                after={"rows": len(rows[start:start + chunk])})
                log.flush()
    analyze(admin_store)


def capture_mix(db, office_id: str, user_id: str, mix: dict[str, list[dict[str, Any]]], chunk: int = 5000) -> int:
    """Every row of the mix written as new through the normal capture path (ORM session: row, outbox entry
    and audit event per row; the claims list kept by its triggers), parents first, ``chunk`` rows per
    transaction, as a caseworker's work saved offline. Returns the rows written."""
    from injury_desk.store.database import ActorContext
    from injury_desk.store.models import MODEL_BY_TABLE
    from injury_desk.sync.engine import TABLE_ORDER

    actor = ActorContext(user_id, office_id)
    pending: list[Any] = []
    written = 0

    def flush() -> None:
        with db.write(actor, "bench.capture") as s:
            s.add_all(pending)
        pending.clear()

    for name in TABLE_ORDER:
        model = MODEL_BY_TABLE[name]
        for r in mix.get(name) or []:
            values = {k: v for k, v in r.items() if k not in ("version", "updated_at", "updated_by")}
            pending.append(model(**values))
            written += 1
            if len(pending) >= chunk:
                flush()
        if pending:  # a table's rows are in before its children's: the service checks references in order
            flush()
    return written


class MemTrace:
    """``INJURY_DESK_BENCH_MEMTRACE=FILE``: a push or pull child's memory after every batch or page, one JSON line
    each (resident set, its peak, anonymous vs file-backed, Python's own heap by tracemalloc when
    ``INJURY_DESK_BENCH_MEMTRACE_PY=1``): where a sync's memory grows with the rows it moves."""

    def __init__(self, path: str | None) -> None:
        self.out = open(path, "w") if path else None
        self.py = bool(self.out) and os.environ.get("INJURY_DESK_BENCH_MEMTRACE_PY") == "1"
        if self.py:
            import tracemalloc

            tracemalloc.start()
        self.batches = 0

    def sample(self, what: str, done: int) -> None:
        if self.out is None:
            return
        status = dict(line.split(":", 1) for line in Path("/proc/self/status").read_text().splitlines())
        row: dict[str, Any] = {"what": what, "done": done, "batch": self.batches}
        for key in ("VmRSS", "VmHWM", "RssAnon", "RssFile", "RssShmem"):
            row[key] = int(status[key].split()[0]) // 1024 if key in status else None
        sqlite = sqlite_memory()
        if sqlite is not None:
            row["sqlite_mib"], row["sqlite_peak_mib"] = sqlite
        heap = malloc_heap()
        if heap is not None:
            row["malloc_used_mib"], row["malloc_free_mib"], row["malloc_mmap_mib"] = heap
        if self.py:
            import tracemalloc

            current, peak = tracemalloc.get_traced_memory()
            row["py_mib"], row["py_peak_mib"] = current // 2**20, peak // 2**20
        self.out.write(json.dumps(row) + "\n")
        self.out.flush()

    def progress(self, phase: str, done: int, _total: int) -> None:
        self.batches += 1
        self.sample("page" if phase == "pull" else "batch", done)

    def close(self) -> None:
        if self.out is None:
            return
        if self.py:
            import tracemalloc

            for stat in tracemalloc.take_snapshot().statistics("lineno")[:25]:
                self.out.write(json.dumps({"top": str(stat)}) + "\n")
        self.out.close()


def sqlite_memory() -> tuple[int, int] | None:
    """(now, peak) MiB that SQLCipher's own SQLite has allocated (its page caches, statements ...)."""
    import ctypes

    try:
        from sqlcipher3 import _sqlite3

        lib = ctypes.CDLL(_sqlite3.__file__)
        used, high = lib.sqlite3_memory_used, lib.sqlite3_memory_highwater
    except (ImportError, OSError, AttributeError):
        return None
    used.restype = high.restype = ctypes.c_int64
    return used() // 2**20, high(0) // 2**20


def malloc_heap() -> tuple[int, int, int] | None:
    """(in use, free but kept, mmapped) MiB of glibc's malloc (mallinfo2), to tell a leak from fragmentation."""
    import ctypes

    class Info(ctypes.Structure):
        _fields_ = [(n, ctypes.c_size_t) for n in ("arena", "ordblks", "smblks", "hblks", "hblkhd", "usmblks",
                                                   "fsmblks", "uordblks", "fordblks", "keepcost")]

    try:
        fn = ctypes.CDLL(None).mallinfo2
    except (OSError, AttributeError):
        return None
    fn.restype = Info
    info = fn()
    return info.uordblks // 2**20, info.fordblks // 2**20, info.hblkhd // 2**20
