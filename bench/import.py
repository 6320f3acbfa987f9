"""Import: a JSON Lines file of employers, people and claims into an empty office, through `injury-desk import`
(the command's own handler, in a fresh interpreter), against a raw sqlite3 executemany of the same rows plus
their audit events and outbox entries (the very rows the import wrote, read back) into a copy of the same empty
office database, measured in the same run.

The file is 1% employers, then people and their claims (claims refer to their worker and employer by ID
number and credit code, as an office moving off an old system writes them); claims stand at reported or
application received. Each import runs in its own subprocess so that its peak resident memory is its own;
the small run (10,000 lines) and the large one (100,000) give the memory ratio. The baseline's rows are
read before its clock starts: it times only what SQLite itself must do to store them.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import sys
import time
from datetime import date, timedelta
from pathlib import Path

from bench._sync_data import own_peak_rss_mib, ratio, run_child

PASSWORD = "bench-password-1"
REGION = "350102"


def make_file(path: Path, lines: int) -> dict[str, int]:
    from injury_desk.domain.identifiers import make_credit_code, make_resident_id

    rng = random.Random(lines)
    employers = max(1, lines // 100)
    claims = (lines - employers) // 2
    people = lines - employers - claims
    codes = [make_credit_code(f"91{REGION}MA{i + 1:07d}") for i in range(employers)]
    with path.open("w", encoding="utf-8", newline="\n") as out:
        for i, code in enumerate(codes):
            out.write(json.dumps({"type": "employer", "credit_code": code, "name": f"福州测试{i}机械有限公司",
                                  "industry": "制造业", "risk_class": 1 + i % 8, "headcount": 20 + i},
                                 ensure_ascii=False) + "\n")
        for k in range(people):
            sex = "M" if k % 3 else "F"
            birth = date(1962, 1, 1) + timedelta(days=k % 14_000)
            number = make_resident_id(REGION, birth, ((k // 14_000) % 500) * 2 + (1 if sex == "M" else 0), sex)
            out.write(json.dumps({"type": "person", "id_number": number, "name": f"王{k % 97}明",
                                  "phone": f"13{rng.randint(100000000, 999999999)}", "address": "福州市鼓楼区"},
                                 ensure_ascii=False) + "\n")
            if k < claims:
                accident = date(2026, 1, 1) + timedelta(days=k % 300)
                claim = {"type": "claim", "worker_id_number": number, "employer_credit_code": codes[k % employers],
                         "accident_date": accident.isoformat(), "accident_time": "09:30", "accident_place": "二号车间",
                         "circumstances": "操作冲压机时右手被压伤。", "body_parts": "右手", "diagnosis": "右手中指骨折"}
                if k % 2:
                    claim.update(applicant_type="employer",
                                 application_received_on=(accident + timedelta(days=5)).isoformat())
                out.write(json.dumps(claim, ensure_ascii=False) + "\n")
    return {"employer": employers, "person": people, "claim": claims}


def empty_office(folder: Path):
    """A fresh database with one office and a supervisor (the role that imports), as enrolment leaves it."""
    from injury_desk.services.bootstrap import create_office
    from injury_desk.services.context import ServiceContext
    from injury_desk.store.database import open_database

    db = open_database(folder)
    actors = create_office(ServiceContext(db=db), code="BM01", name="基准办公室", region="example",
                           users=[{"username": "supervisor", "display_name": "科长", "role": "supervisor",
                                   "password": PASSWORD}])
    db.dispose()
    return actors["supervisor"]


def child(payload: dict) -> int:
    """One import through the command's handler, in this fresh interpreter."""
    from injury_desk.cli import main as cli_main

    os.environ["INJURY_DESK_USER"] = "supervisor"
    os.environ["INJURY_DESK_PASSWORD"] = PASSWORD
    started, cpu = time.perf_counter(), time.process_time()
    code = cli_main(["import", payload["file"], "--data-dir", payload["dir"]])
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    con = _connect(Path(payload["dir"]))
    counts = {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
              for t in ("employers", "people", "claims", "audit_events", "outbox")}
    con.close()
    print(json.dumps({"code": code, "seconds": seconds, "cpu_s": cpu, "rss_mib": own_peak_rss_mib(), **counts}))
    return 0


def _connect(folder: Path):
    """A keyed connection to an (encrypted) office database of this run."""
    from injury_desk.store import cipher, db_key

    path = folder / "injury_desk.sqlite3"
    return cipher.connect(path, db_key.load_key(path))


RAW_TABLES = ("employers", "people", "claims", "audit_events", "outbox", "audit_rows")


def raw_rows(imported: Path, before_seq: int) -> dict[str, tuple[list[str], list[tuple]]]:
    """The very rows the import wrote (records, their audit events, row records and outbox entries), read back
    as stored."""
    con = _connect(imported)
    rows = {}
    for table in RAW_TABLES:
        names = [r[1] for r in con.execute(f"PRAGMA table_info({table})")]
        where = {"audit_events": f" WHERE seq > {before_seq}", "audit_rows": f" WHERE event_seq > {before_seq}"}.get(
            table, "")
        rows[table] = (names, con.execute(f"SELECT {', '.join(names)} FROM {table}{where}").fetchall())
    con.close()
    return rows


def raw_insert(folder: Path, rows: dict[str, tuple[list[str], list[tuple]]]) -> tuple[float, float]:
    """The baseline: executemany of the same rows into the same empty schema, with the desktop's pragmas,
    in one transaction, encrypted like the office database (the claims list's triggers fire as they do for the
    import)."""
    from injury_desk.store import cipher, db_key
    from injury_desk.store.database import _on_connect

    path = folder / "injury_desk.sqlite3"
    con = cipher.sqlite.connect(str(path))
    _on_connect(con, db_key.load_key(path))  # the key first, then the desktop's pragmas
    started, cpu = time.perf_counter(), time.process_time()
    con.execute("BEGIN IMMEDIATE")
    for table, (names, values) in rows.items():
        con.executemany(f"INSERT INTO {table} ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})", values)
    con.execute("COMMIT")
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    con.close()
    return seconds, cpu


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench import", description=__doc__)
    parser.add_argument("--lines", type=int, default=100_000, help="lines in the large run (default 100000)")
    parser.add_argument("--small", type=int, default=0, help="lines in the small run (default lines / 10)")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        return child(json.loads(args.child))
    import tempfile

    large, small = args.lines, args.small or max(1, args.lines // 10)
    results = {}
    with tempfile.TemporaryDirectory(prefix="bench-import-") as tmp:
        base = Path(tmp)
        for lines in (small, large):
            file = base / f"office-{lines}.jsonl"
            expected = make_file(file, lines)
            target = base / f"import-{lines}"
            empty_office(target)
            raw_dir = base / f"raw-{lines}"
            shutil.copytree(target, raw_dir)  # the same empty office, key id and all, for the baseline
            con = _connect(target)
            before_seq = con.execute("SELECT max(seq) FROM audit_events").fetchone()[0]
            con.close()
            print(f"importing {lines:,} lines…", file=sys.stderr)
            result = run_child("import", {"file": str(file), "dir": str(target)})
            if result["code"] != 0 or result["claims"] != expected["claim"] or result["people"] != expected["person"]:
                print(f"error: the import did not bring the file in: {result}", file=sys.stderr)
                return 1
            raw_s, raw_cpu = raw_insert(raw_dir, raw_rows(target, before_seq))
            results[lines] = {**result, "raw_s": raw_s}
            print(f"FIGURE import_{lines}_seconds {result['seconds']:.2f} s")
            print(f"FIGURE import_{lines}_lines_per_second {lines / result['seconds']:.0f} lines/s")
            print(f"FIGURE raw_{lines}_seconds {raw_s:.2f} s")
            # Processor time as well: on a machine others share, the wall clock of either side moves with their
            # load, the processor time each side used much less.
            print(f"FIGURE import_{lines}_cpu_seconds {result['cpu_s']:.2f} s")
            print(f"FIGURE raw_{lines}_cpu_seconds {raw_cpu:.2f} s")
            print(f"FIGURE import_vs_raw_cpu_{lines} {raw_cpu / result['cpu_s']:.3f}")
            print(f"FIGURE import_{lines}_peak_rss {result['rss_mib']:.1f} MiB")
    big, little = results[large], results[small]
    ok = ratio("import_vs_raw", big["raw_s"] / big["seconds"], ">=", 0.2)
    ok &= ratio("import_peak_memory_large_vs_small", big["rss_mib"] / little["rss_mib"], "<=", 1.3)
    return 0 if ok else 1
