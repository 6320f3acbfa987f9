"""The demo data obeys the rules the import enforces: a demo office's export imports into an empty office, and
every table then holds the same records, column by column (issue 13: export then import gives the same data)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from sqlalchemy import JSON

from injury_desk.services.record_schema import MODELS
from injury_desk.store import cipher, db_key

DB = "injury_desk.sqlite3"
SUPERVISOR = {"INJURY_DESK_USER": "supervisor", "INJURY_DESK_PASSWORD": "demo-supervisor"}
# Who stored a row and when, its office and its sync version belong to the database it is in, not to the record.
BOOKKEEPING = frozenset({"office_id", "version", "updated_at", "updated_by"})


def cli(*args: str, data_dir: Path) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith("INJURY_DESK_")}
    env.update(SUPERVISOR)
    return subprocess.run([sys.executable, "-m", "injury_desk", *args, "--data-dir", str(data_dir)],
                          capture_output=True, text=True, env=env, timeout=600, stdin=subprocess.DEVNULL)


def empty_office(folder: Path) -> None:
    """A new office with its supervisor and no records, as enrolment makes it."""
    from injury_desk.services.bootstrap import create_office
    from injury_desk.services.context import ServiceContext
    from injury_desk.store.database import open_database

    db = open_database(folder)
    try:
        create_office(ServiceContext(db=db), code="FZ01", name="福州测试工伤保险服务中心", region="example",
                      users=[{"username": "supervisor", "display_name": "李强", "role": "supervisor",
                              "password": SUPERVISOR["INJURY_DESK_PASSWORD"]}])
    finally:
        db.dispose()


def contents(data_dir: Path) -> dict[str, list[tuple]]:
    """Every transferred table's live rows (and the claims list), without bookkeeping, JSON compared as values."""
    path = data_dir / DB
    con = cipher.connect(path, db_key.load_key(path))
    out = {}
    try:
        for model in MODELS.values():
            columns = [c for c in model.__table__.columns if c.name not in BOOKKEEPING]
            rows = con.execute(f"SELECT {', '.join(c.name for c in columns)} FROM {model.__tablename__}"
                               " WHERE deleted = 0 ORDER BY id").fetchall()
            out[model.__tablename__] = [
                tuple(json.loads(v) if isinstance(c.type, JSON) and v is not None else v for c, v in zip(columns, r))
                for r in rows]
        out["claim_list"] = con.execute(
            "SELECT claim_id, claim_no, worker_name, id_number, employer_name, accident_date, status, next_deadline,"
            " assigned_to, deleted FROM claim_list ORDER BY claim_id").fetchall()
    finally:
        con.close()
    return out


def test_a_demo_export_imports_into_an_empty_office_with_the_same_data(tmp_path):
    demo = tmp_path / "demo"
    done = cli("demo", "--claims", "200", data_dir=demo)
    assert done.returncode == 0, done.stderr
    exported = tmp_path / "out" / "demo.jsonl"
    exported.parent.mkdir()
    done = cli("export", str(exported), data_dir=demo)
    assert done.returncode == 0, done.stderr

    office = tmp_path / "office"
    empty_office(office)
    done = cli("import", str(exported), data_dir=office)
    assert done.returncode == 0, done.stderr[-3000:]

    before, after = contents(demo), contents(office)
    # The demo has claims at every stage, with the assessments and payments the later stages need.
    status = [c.name for c in MODELS["claim"].__table__.columns if c.name not in BOOKKEEPING].index("status")
    statuses = {row[status] for row in before["claims"]}
    assert {"reported", "assessment", "payment", "closed"} <= statuses
    assert before["assessments"] and before["payments"]
    for table in before:
        assert len(after[table]) == len(before[table]), table
        assert after[table] == before[table], table
    assert cli("check", data_dir=office).returncode == 0
