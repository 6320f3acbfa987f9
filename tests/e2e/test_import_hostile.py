"""An import tried as a hostile user would (issue 13): killed with SIGKILL half-way, and two imports started at
once. Every run is the real `injury-desk import` in its own process on a real data folder."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from injury_desk.domain.identifiers import make_credit_code, make_resident_id
from injury_desk.store import cipher, db_key

DB = "injury_desk.sqlite3"
SUPERVISOR = {"INJURY_DESK_USER": "supervisor", "INJURY_DESK_PASSWORD": "demo-supervisor"}


def env() -> dict[str, str]:
    full = {k: v for k, v in os.environ.items() if not k.startswith("INJURY_DESK_")}
    full.update(SUPERVISOR)
    return full


def cli(*args: str, data_dir: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "injury_desk", *args, "--data-dir", str(data_dir)],
                          capture_output=True, text=True, env=env(), timeout=600, stdin=subprocess.DEVNULL)


def start(*args: str, data_dir: Path) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "injury_desk", *args, "--data-dir", str(data_dir)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env(),
                            stdin=subprocess.DEVNULL)


def query(data_dir: Path, sql: str) -> list[tuple]:
    path = data_dir / DB
    con = cipher.connect(path, db_key.load_key(path))
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def office_file(path: Path, people: int, first: int = 0) -> Path:
    """One employer, then people and a claim each (no claim numbers: the import numbers them from its series)."""
    code = make_credit_code(f"91350102MB{first + 1:07d}")  # the demo's employers are MA…
    lines = [{"type": "employer", "credit_code": code, "name": f"福州测试{first}机械有限公司", "risk_class": 3}]
    for k in range(first, first + people):
        number = make_resident_id("350102", date(1970, 1, 1 + k % 28), 2 * (k // 28) + 1, "M")
        lines.append({"type": "person", "id_number": number, "name": f"王{k}明"})
        lines.append({"type": "claim", "worker_id_number": number, "employer_credit_code": code,
                      "accident_date": "2026-10-01", "accident_place": "车间", "circumstances": "压伤",
                      "body_parts": "右手", "diagnosis": "骨折", "applicant_type": "employer",
                      "application_received_on": "2026-10-08"})
    path.write_text("".join(json.dumps(x, ensure_ascii=False) + "\n" for x in lines), encoding="utf-8")
    return path


@pytest.fixture
def demo(tmp_path) -> Path:
    d = tmp_path / "demo"
    done = cli("demo", "--claims", "5", data_dir=d)
    assert done.returncode == 0, done.stderr
    return d


COUNTS = "SELECT (SELECT count(*) FROM people), (SELECT count(*) FROM claims), (SELECT count(*) FROM claim_list)," \
         " (SELECT count(*) FROM outbox), (SELECT count(*) FROM audit_events), (SELECT count(*) FROM audit_rows)"


@pytest.mark.slow
def test_an_import_killed_half_way_leaves_the_office_as_it_was_and_can_run_again(demo, tmp_path):
    source = office_file(tmp_path / "big.jsonl", 6_000)  # 12,001 lines: several chunks, seconds of work
    before = query(demo, COUNTS)
    trigger = query(demo, "SELECT sql FROM sqlite_master WHERE name = 'claims_list_ai'")
    running = start("import", str(source), data_dir=demo)
    line = running.stderr.readline()  # the first progress line: a chunk is written inside the open transaction
    assert line.startswith("import: lines"), line
    running.kill()  # SIGKILL: no handler, no rollback of its own
    running.wait(timeout=30)
    assert query(demo, COUNTS) == before  # nothing of it: no rows, no list rows, no audit, no outbox
    assert query(demo, "SELECT sql FROM sqlite_master WHERE name = 'claims_list_ai'") == trigger
    assert cli("check", data_dir=demo).returncode == 0
    # The killed process left its writer marker: it is dead, so the next import goes ahead and brings it all in.
    done = cli("import", str(source), data_dir=demo)
    assert done.returncode == 0, done.stderr[-2000:]
    people, claims, listed = query(demo, COUNTS)[0][:3]
    assert (people, claims, listed) == (before[0][0] + 6_000, before[0][1] + 6_000, before[0][2] + 6_000)
    assert cli("check", data_dir=demo).returncode == 0


def test_two_imports_at_once_both_arrive_one_after_the_other(demo, tmp_path):
    first = office_file(tmp_path / "a.jsonl", 6_000)  # 12,001 lines: seconds of work after its first progress line
    second = office_file(tmp_path / "b.jsonl", 300, first=6_000)
    claims = query(demo, "SELECT count(*) FROM claims")[0][0]
    a = start("import", str(first), data_dir=demo)
    assert a.stderr.readline().startswith("import: lines")  # the first is inside its transaction now
    b = start("import", str(second), data_dir=demo)
    out_a, err_a = a.communicate(timeout=600)
    out_b, err_b = b.communicate(timeout=600)
    assert (a.returncode, b.returncode) == (0, 0), err_a + err_b
    # One of them waited for the other and said so; neither crashed on a locked database.
    assert "waiting for another injury-desk process: import" in err_a + err_b
    assert "Traceback" not in err_a + err_b and "database is locked" not in err_a + err_b
    numbers = query(demo, "SELECT claim_no FROM claims")
    assert len(numbers) == claims + 6_300 and len(set(numbers)) == len(numbers)  # one series, no number twice
    assert query(demo, "SELECT count(*) FROM claim_list")[0][0] == claims + 6_300
    assert cli("check", data_dir=demo).returncode == 0


def test_the_same_file_imported_twice_at_once_arrives_once(demo, tmp_path):
    source = office_file(tmp_path / "a.jsonl", 200)
    people = query(demo, "SELECT count(*) FROM people")[0][0]
    a = start("import", str(source), data_dir=demo)
    b = start("import", str(source), data_dir=demo)
    _, err_a = a.communicate(timeout=600)
    _, err_b = b.communicate(timeout=600)
    # whichever runs second finds every record already there, names the lines and imports nothing
    assert sorted((a.returncode, b.returncode)) == [0, 1], err_a + err_b
    assert "person.id_number_taken" in err_a + err_b and "Traceback" not in err_a + err_b
    assert query(demo, "SELECT count(*) FROM people")[0][0] == people + 200
    assert cli("check", data_dir=demo).returncode == 0


def test_demo_during_a_real_import_is_refused_and_the_import_arrives(demo, tmp_path):
    source = office_file(tmp_path / "a.jsonl", 3_000)
    people = query(demo, "SELECT count(*) FROM people")[0][0]
    running = start("import", str(source), data_dir=demo)
    assert running.stderr.readline().startswith("import: lines")  # inside its transaction
    done = cli("demo", "--claims", "2", "--wait", "0", data_dir=demo)  # else it waits its turn and then runs
    assert done.returncode == 2 and "import" in done.stderr and str(running.pid) in done.stderr
    out, err = running.communicate(timeout=600)
    assert running.returncode == 0, err
    assert "imported:" in out
    assert query(demo, "SELECT count(*) FROM people")[0][0] == people + 3_000  # its rows are in the database
    assert cli("check", data_dir=demo).returncode == 0


@pytest.mark.parametrize("source", ["/dev/stdin", "folder"])
def test_a_pipe_or_a_folder_is_refused_not_imported_empty(demo, tmp_path, source):
    """`cat office.jsonl | injury-desk import /dev/stdin` answered "imported:" and exit 0, having imported nothing:
    the lines were counted first and the pipe was empty when read again. A pipe or a folder is refused, exit 2."""
    data = office_file(tmp_path / "office.jsonl", 3).read_text(encoding="utf-8")
    path = str(tmp_path) if source == "folder" else source
    before = query(demo, COUNTS)
    done = subprocess.run([sys.executable, "-m", "injury_desk", "import", path, "--data-dir", str(demo)],
                          input=data, capture_output=True, text=True, env=env(), timeout=600)
    assert done.returncode == 2, done.stderr
    assert f'error: import.not_a_file {{"path": "{path}"}}' in done.stderr
    assert "is not a regular file (a pipe, a device or a folder)" in done.stderr and "Traceback" not in done.stderr
    assert done.stdout == ""
    assert query(demo, COUNTS) == before


def test_an_empty_file_says_nothing_was_imported(demo, tmp_path):
    empty = tmp_path / "empty.jsonl"
    empty.write_bytes(b"")
    done = cli("import", str(empty), data_dir=demo)
    assert done.returncode == 0, done.stderr
    assert done.stdout == "imported: nothing (no records)\n"


def test_a_file_name_that_is_not_text_is_refused_before_anything_is_written(demo, tmp_path):
    """An export to a name holding bytes that are not UTF-8 wrote the whole file (resident ID numbers included),
    then failed with an internal error before its audit event (exit 3): no export without its audit record."""
    before = query(demo, COUNTS)
    target = tmp_path / "out\udcff.jsonl"  # the byte 0xFF in the name, as a shell would pass it
    done = cli("export", str(target), data_dir=demo)
    assert done.returncode == 2, done.stderr
    assert done.stderr.startswith('error: file: field.undecodable {"byte": "0xFF"}')
    assert os.listdir(tmp_path) == ["demo"] and query(demo, COUNTS) == before
    source = office_file(tmp_path / "office.jsonl", 2)
    named = tmp_path / "in\udcfe.jsonl"
    os.rename(source, os.fsencode(named))
    done = cli("import", str(named), data_dir=demo)
    assert done.returncode == 2 and 'error: file: field.undecodable {"byte": "0xFE"}' in done.stderr
    assert query(demo, COUNTS) == before
