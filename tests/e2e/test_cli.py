"""The injury-desk command line, run as a user runs it: a subprocess on a real data folder."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from injury_desk import __version__
from injury_desk.store import cipher, db_key


def connect_db(data_dir: Path):
    """A keyed connection to the (encrypted) database a command made, with its key from the keyring."""
    path = data_dir / "injury_desk.sqlite3"
    return cipher.connect(path, db_key.load_key(path))


def cli(*args: str, data_dir: Path | None = None, user: str | None = None, password: str | None = None,
        check: bool = False) -> subprocess.CompletedProcess:
    env = dict(os.environ)
    if user:
        env["INJURY_DESK_USER"] = user
    if password:
        env["INJURY_DESK_PASSWORD"] = password
    cmd = [sys.executable, "-m", "injury_desk", *args]
    if data_dir is not None:
        cmd += ["--data-dir", str(data_dir)]
    result = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=300, stdin=subprocess.DEVNULL)
    if check:
        assert result.returncode == 0, result.stdout + result.stderr
    return result


@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory):
    d = tmp_path_factory.mktemp("demo")
    result = cli("demo", "--claims", "60", data_dir=d, check=True)
    assert "caseworker" in result.stdout and "demo-caseworker" in result.stdout
    return d


def test_help_lists_the_sub_commands_and_version():
    out = cli("--help", check=True).stdout
    for command in ("demo", "import", "export", "check", "calc", "print", "forms", "gui"):
        assert command in out
    assert cli("--version", check=True).stdout.strip() == f"injury-desk {__version__}"


def test_check_on_the_demo_database_is_clean(demo_dir):
    result = cli("check", data_dir=demo_dir, check=True)
    assert "check: OK" in result.stdout


def test_check_reports_a_tampered_audit_event_and_exits_non_zero(tmp_path):
    d = tmp_path / "t"
    cli("demo", "--claims", "5", data_dir=d, check=True)
    con = connect_db(d)
    with con:
        con.execute("UPDATE audit_events SET action = 'nothing.happened' WHERE seq = 1")
    con.close()
    result = cli("check", data_dir=d)
    assert result.returncode == 1
    assert "event 1 was changed" in result.stderr


def test_export_import_round_trip(tmp_path):
    source = tmp_path / "source"
    cli("demo", "--claims", "60", data_dir=source, check=True)
    exported = tmp_path / "office.jsonl"
    cli("export", str(exported), data_dir=source, user="supervisor", password="demo-supervisor", check=True)
    lines = [json.loads(x) for x in exported.read_text(encoding="utf-8").splitlines()]
    assert sum(1 for r in lines if r["type"] == "claim") == 60
    # A fresh office database gets the same records through the import.
    fresh = tmp_path / "fresh"
    cli("demo", "--claims", "0", data_dir=fresh, check=True)
    result = cli("import", str(exported), data_dir=fresh, user="supervisor", password="demo-supervisor")
    assert result.returncode == 1  # the demo employers of the empty demo already hold those credit codes
    assert "employer.credit_code_taken" in result.stderr
    # An office with none of those records (made as enrolment makes one), and the records come in.
    from injury_desk.services.bootstrap import create_office
    from injury_desk.services.context import ServiceContext
    from injury_desk.store.database import open_database

    empty = tmp_path / "empty"
    db = open_database(empty)
    create_office(ServiceContext(db=db), code="FZ01", name="福州测试工伤保险服务中心", region="example",
                  users=[{"username": "supervisor", "display_name": "李强", "role": "supervisor",
                          "password": "demo-supervisor"}])
    db.dispose()
    # The demo's claims at payment and closed have the approved assessments (and payments) the lifecycle requires,
    # so everything comes in (tests/e2e/test_demo_round_trip.py compares every table), and a second export is
    # identical.
    result = cli("import", str(exported), data_dir=empty, user="supervisor", password="demo-supervisor")
    assert result.returncode == 0, result.stderr
    again = tmp_path / "again.jsonl"
    cli("export", str(again), data_dir=empty, user="supervisor", password="demo-supervisor", check=True)
    assert sorted(again.read_text(encoding="utf-8").splitlines()) == sorted(exported.read_text(encoding="utf-8").splitlines())
    con = connect_db(empty)
    pending = con.execute("SELECT count(*) FROM outbox WHERE state = 'pending'").fetchone()[0]
    assert pending == len(lines)  # every imported row is captured for sync
    # Everything the import wrote is audited: check finds nothing to report.
    result = cli("check", data_dir=empty)
    assert result.returncode == 0, result.stderr


def test_import_is_all_or_nothing_and_names_every_bad_line(demo_dir, tmp_path):
    bad = tmp_path / "bad.jsonl"
    good_worker = {"type": "person", "id_number": "110105199002281234", "name": "王五"}
    rows = [
        json.dumps(good_worker, ensure_ascii=False),
        json.dumps({"type": "person", "id_number": "110105194912310021", "name": "坏号码"}, ensure_ascii=False),
        "{not json",
        json.dumps({"type": "claim", "worker_id_number": "110105199002281234", "employer_credit_code": "NOPE",
                    "accident_date": "2099-01-01", "accident_place": "x", "circumstances": "x", "body_parts": "x",
                    "diagnosis": "x"}),
        json.dumps({"type": "wage", "amount": "-5"}),
    ]
    bad.write_text("\n".join(rows) + "\n", encoding="utf-8")
    count_before = connect_db(demo_dir).execute("SELECT count(*) FROM people").fetchone()[0]
    result = cli("import", str(bad), data_dir=demo_dir, user="supervisor", password="demo-supervisor")
    assert result.returncode == 1
    err = result.stderr
    assert f"{bad}:2: id_number: id_number.check_digit" in err
    assert f"{bad}:3: -: import.json" in err
    assert f"{bad}:4: accident_date: field.date_in_future" in err
    assert f"{bad}:5: type: import.type_unknown" in err
    assert "nothing was imported" in err
    assert connect_db(demo_dir).execute("SELECT count(*) FROM people").fetchone()[0] == count_before


def test_import_refuses_an_unknown_employer_and_a_negative_wage_like_value(demo_dir, tmp_path):
    f = tmp_path / "ref.jsonl"
    f.write_text(json.dumps({"type": "claim", "worker_id_number": "110105199002281234",
                             "employer_credit_code": "91350100M000100Y43", "accident_date": "2026-01-05",
                             "accident_place": "x", "circumstances": "x", "body_parts": "x",
                             "diagnosis": "x"}) + "\n", encoding="utf-8")
    result = cli("import", str(f), data_dir=demo_dir, user="supervisor", password="demo-supervisor")
    assert result.returncode == 1
    assert ":1: worker_id: person.not_found" in result.stderr
    assert ":1: employer_id: employer.unknown" in result.stderr


def test_a_caseworker_may_not_import(demo_dir, tmp_path):
    f = tmp_path / "one.jsonl"
    f.write_text(json.dumps({"type": "person", "id_number": "110105199002281234", "name": "王五"},
                            ensure_ascii=False) + "\n", encoding="utf-8")
    result = cli("import", str(f), data_dir=demo_dir, user="caseworker", password="demo-caseworker")
    assert result.returncode == 2
    assert "permission.denied" in result.stderr


def test_a_foreign_file_as_database_is_refused_with_a_clear_message(tmp_path):
    d = tmp_path / "foreign"
    d.mkdir()
    (d / "injury_desk.sqlite3").write_text("not a database", encoding="utf-8")
    result = cli("check", data_dir=d)
    assert result.returncode == 2
    assert "store.not_a_database" in result.stderr
    assert (d / "injury_desk.sqlite3").read_text(encoding="utf-8") == "not a database"
