"""Data safety of the command line, tried as a careless or hostile user would (issue 13, findings 1-5 and 8).

Every test runs the real `injury-desk` in a subprocess on a real data folder.
"""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from injury_desk.store import cipher, db_key

DB = "injury_desk.sqlite3"


def connect_db(data_dir: Path):
    """A keyed connection to the (encrypted) database a command made, with its key from the keyring."""
    path = data_dir / DB
    return cipher.connect(path, db_key.load_key(path))
SUPERVISOR = {"INJURY_DESK_USER": "supervisor", "INJURY_DESK_PASSWORD": "demo-supervisor"}
ADMIN = {"INJURY_DESK_USER": "admin", "INJURY_DESK_PASSWORD": "demo-admin"}


def cli(*args: str, data_dir: Path, env: dict[str, str] | None = None, stdin: str | None = None,
        timeout: float = 300) -> subprocess.CompletedProcess:
    full_env = {k: v for k, v in os.environ.items() if not k.startswith("INJURY_DESK_")}
    full_env.update(env or {})
    cmd = [sys.executable, "-m", "injury_desk", *args, "--data-dir", str(data_dir)]
    return subprocess.run(cmd, capture_output=True, text=True, env=full_env, timeout=timeout,
                          input=stdin, stdin=None if stdin is not None else subprocess.DEVNULL)


def start(*args: str, data_dir: Path, env: dict[str, str] | None = None) -> subprocess.Popen:
    full_env = {k: v for k, v in os.environ.items() if not k.startswith("INJURY_DESK_")}
    full_env.update(env or {})
    cmd = [sys.executable, "-m", "injury_desk", *args, "--data-dir", str(data_dir)]
    return subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=full_env,
                            stdin=subprocess.DEVNULL)


def count(data_dir: Path, table: str) -> int:
    con = connect_db(data_dir)
    try:
        return con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    finally:
        con.close()


@pytest.fixture
def office(tmp_path) -> Path:
    """A demo office turned into a real one: another office code, as a database from the field has."""
    d = tmp_path / "office"
    done = cli("demo", "--claims", "5", data_dir=d)
    assert done.returncode == 0, done.stderr
    con = connect_db(d)
    with con:
        con.execute("UPDATE offices SET code = 'FZ01'")
    con.close()
    return d


@pytest.fixture
def demo(tmp_path) -> Path:
    d = tmp_path / "demo"
    done = cli("demo", "--claims", "5", data_dir=d)
    assert done.returncode == 0, done.stderr
    return d


def _hold_writer(data_dir: Path, command: str) -> subprocess.Popen:
    """Another process that holds the writer marker and has the database open, as an import does."""
    code = (
        "import sys, time\n"
        "from pathlib import Path\n"
        "from injury_desk.store.database import open_database\n"
        "from injury_desk.store.presence import WriterLock\n"
        f"lock = WriterLock(Path({str(data_dir)!r}), {command!r})\n"
        "lock.acquire(timeout=0)\n"
        f"db = open_database(Path({str(data_dir)!r}), purpose={command!r})\n"
        "print('ready', flush=True)\n"
        "sys.stdin.readline()\n"
        "db.dispose(); lock.release()\n"
    )
    proc = subprocess.Popen([sys.executable, "-c", code], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "ready"
    return proc


# ---------------------------------------------------------------- finding 1: demo


def test_demo_refuses_an_office_database_and_changes_nothing(office):
    before = (office / DB).read_bytes()
    done = cli("demo", "--claims", "3", data_dir=office)
    assert done.returncode == 2
    assert "demo.not_a_demo_database" in done.stderr and "--force" in done.stderr
    assert (office / DB).read_bytes() == before
    assert not (office / "backups").exists()


def test_demo_force_needs_an_administrator_of_that_database(office):
    done = cli("demo", "--force", "--claims", "3", data_dir=office, env=SUPERVISOR)
    assert done.returncode == 2
    assert "permission.denied" in done.stderr
    assert count(office, "claims") == 5
    done = cli("demo", "--force", "--claims", "3", data_dir=office)  # no login at all
    assert done.returncode == 2 and "cli.user_required" in done.stderr
    assert "  no user to log in as: give --user NAME or set INJURY_DESK_USER" in done.stderr
    assert count(office, "claims") == 5


def test_demo_force_by_an_administrator_keeps_a_backup_it_reports(office):
    done = cli("demo", "--force", "--claims", "3", data_dir=office, env=ADMIN)
    assert done.returncode == 0, done.stderr
    assert count(office, "claims") == 3
    line = next(x for x in done.stdout.splitlines() if "backed up to" in x)
    backup = Path(line.split("backed up to ", 1)[1].strip())
    assert backup.parent == office / "backups"
    con = cipher.connect(backup, db_key.load_key(backup))  # the old key, named beside the backup
    assert con.execute("SELECT count(*) FROM claims").fetchone()[0] == 5
    assert con.execute("SELECT code FROM offices").fetchone()[0] == "FZ01"
    con.close()


def test_demo_never_runs_while_another_process_has_the_database_open(demo):
    claims = count(demo, "claims")
    holder = _hold_writer(demo, "import")
    try:
        db_inode = os.stat(demo / DB).st_ino
        done = cli("demo", "--claims", "3", "--wait", "0", data_dir=demo)  # it would wait its turn for 60 s
        assert done.returncode == 2
        assert "import" in done.stderr and str(holder.pid) in done.stderr
        assert os.stat(demo / DB).st_ino == db_inode  # the open file was neither replaced nor unlinked
        assert count(demo, "claims") == claims
    finally:
        holder.communicate("\n", timeout=30)


def test_demo_refuses_while_a_reader_has_the_database_open(demo):
    code = (
        "import sys\nfrom pathlib import Path\nfrom injury_desk.store.database import open_database\n"
        f"db = open_database(Path({str(demo)!r}), read_only=True, purpose='export')\n"
        "print('ready', flush=True)\nsys.stdin.readline()\ndb.dispose()\n")
    reader = subprocess.Popen([sys.executable, "-c", code], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert reader.stdout.readline().strip() == "ready"
        done = cli("demo", "--claims", "3", data_dir=demo)
        assert done.returncode == 2 and "demo.database_in_use" in done.stderr and "export" in done.stderr
    finally:
        reader.communicate("\n", timeout=30)
    assert cli("demo", "--claims", "3", data_dir=demo).returncode == 0  # once it has gone, the demo runs


def test_a_marker_left_by_a_dead_process_does_not_block(demo):
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    pid = int(dead.stdout)
    (demo / "running").mkdir(exist_ok=True)
    marker = {"pid": pid, "command": "import", "started": "2026-01-01T00:00:00+00:00", "created": 1.0}
    (demo / "running" / f"{pid}-deadbeef.json").write_text(json.dumps(marker))
    (demo / "writer.lock").write_text(json.dumps(marker))
    done = cli("demo", "--claims", "2", data_dir=demo)
    assert done.returncode == 0, done.stderr
    assert count(demo, "claims") == 2


# ---------------------------------------------------------------- finding 2: no output over the database


@pytest.mark.parametrize("target", [DB, DB + "-wal", DB + "-shm", DB + ".key-id", "backups/old.sqlite3",
                                    "./sub/../" + DB])
def test_export_never_writes_over_the_database_its_journal_or_backups(demo, target):
    (demo / "backups").mkdir(exist_ok=True)
    (demo / "backups" / "old.sqlite3").write_bytes(b"backup")
    (demo / "sub").mkdir(exist_ok=True)
    done = cli("export", str(demo / target), data_dir=demo, env=SUPERVISOR)
    assert done.returncode == 2, done.stdout + done.stderr
    assert "output.is_" in done.stderr
    assert count(demo, "claims") == 5  # still the database, with its records (check below reads every page)
    assert (demo / "backups" / "old.sqlite3").read_bytes() == b"backup"
    assert cli("check", data_dir=demo).returncode == 0  # the key name is intact too: the database still opens


def test_export_refuses_a_hard_link_to_the_database(demo, tmp_path):
    link = tmp_path / "looks-harmless.jsonl"
    os.link(demo / DB, link)
    done = cli("export", str(link), data_dir=demo, env=SUPERVISOR)
    assert done.returncode == 2 and "output.is_database" in done.stderr
    assert cli("check", data_dir=demo).returncode == 0


def test_print_never_writes_a_pdf_over_the_database(demo):
    before = (demo / DB).read_bytes()
    done = cli("print", "claim_application", "--blank", "-o", str(demo / DB), data_dir=demo)
    assert done.returncode == 2 and "output.is_database" in done.stderr
    assert (demo / DB).read_bytes() == before


def test_sync_package_never_written_over_the_database(demo):
    done = cli("sync", "export-package", str(demo / DB), data_dir=demo, env=SUPERVISOR)
    assert done.returncode == 2 and "output.is_database" in done.stderr
    assert count(demo, "claims") == 5 and cli("check", data_dir=demo).returncode == 0


@pytest.mark.skipif(sys.platform == "win32", reason="FIFOs")
def test_export_refuses_a_pipe_and_leaves_it_a_pipe(demo, tmp_path):
    pipe = tmp_path / "out.jsonl"
    os.mkfifo(pipe)  # a rename would put a regular file in its place and the program reading the pipe gets nothing
    done = cli("export", str(pipe), data_dir=demo, env=SUPERVISOR)
    assert done.returncode == 2, done.stdout + done.stderr
    assert "output.not_a_file" in done.stderr and "not a regular file" in done.stderr and str(pipe) in done.stderr
    assert "Traceback" not in done.stderr
    assert stat.S_ISFIFO(pipe.stat().st_mode) and sorted(p.name for p in tmp_path.iterdir()) == ["demo", "out.jsonl"]


@pytest.mark.skipif(sys.platform == "win32", reason="FIFOs and POSIX modes")
def test_print_refuses_a_pipe_and_writes_a_pdf_readable_by_the_user_only(tmp_path):
    pipe = tmp_path / "blank.pdf"
    os.mkfifo(pipe)
    # Before, the PDF was written into the pipe: with nobody reading it the command never ended.
    done = cli("print", "claim_application", "--blank", "-o", str(pipe), data_dir=tmp_path / "data", timeout=60)
    assert done.returncode == 2 and "output.not_a_file" in done.stderr, done.stdout + done.stderr
    assert stat.S_ISFIFO(pipe.stat().st_mode) and [p.name for p in tmp_path.iterdir()] == ["blank.pdf"]
    pdf = tmp_path / "form.pdf"
    done = cli("print", "claim_application", "--blank", "-o", str(pdf), data_dir=tmp_path / "data", timeout=60)
    assert done.returncode == 0, done.stderr
    assert pdf.read_bytes().startswith(b"%PDF") and stat.S_IMODE(pdf.stat().st_mode) == 0o600


# ---------------------------------------------------------------- finding 3: only gui, demo and enrolment create


@pytest.mark.parametrize("command", [["check"], ["export", "out.jsonl"], ["import", "in.jsonl"], ["sync", "status"],
                                     ["print", "claim_application", "--record", "x", "-o", "x.pdf"]])
def test_commands_on_a_missing_database_exit_2_and_create_nothing(tmp_path, command):
    (tmp_path / "in.jsonl").write_text("")
    missing = tmp_path / "mistyped"
    done = cli(*[str(tmp_path / c) if c.endswith((".jsonl", ".pdf")) else c for c in command], data_dir=missing,
               env=SUPERVISOR)
    assert done.returncode == 2, done.stdout + done.stderr
    assert "no_database" in done.stderr
    assert not missing.exists()


def test_check_on_an_empty_database_file_is_an_error_not_ok(tmp_path):
    (tmp_path / DB).write_bytes(b"")
    done = cli("check", data_dir=tmp_path)
    assert done.returncode == 2
    assert "store.no_database" in done.stderr and "check: OK" not in done.stdout
    assert (tmp_path / DB).stat().st_size == 0


@pytest.mark.parametrize("command", [["export", "out.jsonl"], ["import", "in.jsonl"], ["tasks"], ["sync", "now"],
                                     ["stats", "prevention", "--from", "2026-01-01", "--to", "2026-12-31"]])
def test_every_command_on_an_empty_database_file_exits_2_and_leaves_it_empty(tmp_path, command):
    data = tmp_path / "data"
    data.mkdir()
    (data / DB).write_bytes(b"")
    (tmp_path / "in.jsonl").write_text("")
    done = cli(*[str(tmp_path / c) if c.endswith(".jsonl") else c for c in command], data_dir=data, env=SUPERVISOR)
    assert done.returncode == 2, done.stdout + done.stderr
    assert "there is no database" in done.stderr and "Traceback" not in done.stderr
    assert (data / DB).stat().st_size == 0 and not (tmp_path / "out.jsonl").exists()


# ---------------------------------------------------------------- finding 4: read-only commands, waiting writers


def test_check_reads_while_another_process_writes(demo, tmp_path):
    holder = _hold_writer(demo, "import")
    con = cipher.connect(demo / DB, db_key.load_key(demo / DB), timeout=0)
    con.execute("BEGIN IMMEDIATE")  # the other process is in the middle of its write transaction
    con.execute("UPDATE employers SET headcount = headcount + 1")
    try:
        done = cli("check", data_dir=demo, timeout=60)  # (export is audited: it waits like any writer)
        assert done.returncode == 0, done.stderr
    finally:
        con.rollback()
        con.close()
        holder.communicate("\n", timeout=30)


def test_check_leaves_the_database_file_as_it_was(demo):
    con = connect_db(demo)
    con.execute("PRAGMA journal_mode=DELETE")  # a database not in WAL mode: check must not switch it
    con.close()
    before = (demo / DB).read_bytes()
    assert cli("check", data_dir=demo).returncode == 0
    assert (demo / DB).read_bytes() == before


def test_a_second_writer_waits_naming_the_other_process_and_times_out_cleanly(demo, tmp_path):
    holder = _hold_writer(demo, "import")
    (tmp_path / "in.jsonl").write_text(json.dumps({"type": "person", "id_number": "110105199002281234",
                                                    "name": "王五"}) + "\n", encoding="utf-8")
    try:
        started = time.monotonic()
        done = cli("import", str(tmp_path / "in.jsonl"), "--wait", "2", data_dir=demo, env=SUPERVISOR, timeout=60)
        assert time.monotonic() - started >= 2
        assert done.returncode == 2
        assert f"waiting for another injury-desk process: import (pid {holder.pid}), started" in done.stderr
        assert "store.busy" in done.stderr and "Traceback" not in done.stderr
    finally:
        holder.communicate("\n", timeout=30)


@pytest.mark.parametrize("wait", ["-5", "nan", "1e400", "soon"])
def test_a_wait_that_is_not_a_number_of_seconds_up_to_a_day_is_refused(demo, tmp_path, wait):
    # Before: -5 and nan waited not at all, 1e400 for ever, silently.
    (tmp_path / "in.jsonl").write_text(json.dumps({"type": "person", "id_number": "110105199002281234",
                                                    "name": "王五"}) + "\n", encoding="utf-8")
    people = count(demo, "people")
    done = cli("import", str(tmp_path / "in.jsonl"), f"--wait={wait}", data_dir=demo, env=SUPERVISOR, timeout=60)
    assert done.returncode == 2
    assert "argument --wait: must be a number of seconds from 0 to 86400" in done.stderr, done.stderr
    assert "Traceback" not in done.stderr
    assert count(demo, "people") == people


def test_a_waiting_writer_goes_ahead_when_the_other_finishes(demo, tmp_path):
    holder = _hold_writer(demo, "import")
    (tmp_path / "in.jsonl").write_text(json.dumps({"type": "person", "id_number": "110105199002281234",
                                                    "name": "王五"}) + "\n", encoding="utf-8")
    people = count(demo, "people")
    waiting = start("import", str(tmp_path / "in.jsonl"), "--wait", "120", data_dir=demo, env=SUPERVISOR)
    first = waiting.stderr.readline()  # blocks until the import says whom it waits for
    assert first.startswith(f"waiting for another injury-desk process: import (pid {holder.pid})"), first
    holder.communicate("\n", timeout=30)
    out, err = waiting.communicate(timeout=120)
    assert waiting.returncode == 0, err
    assert count(demo, "people") == people + 1


# ---------------------------------------------------------------- finding 5: calc


@pytest.mark.parametrize("value, rule", [
    ('"6000,50"', "calc.amount_separator"),
    ('"6,000.50"', "calc.amount_separator"),
    ("1e25", "calc.amount_too_large"),
    ('"1000000000000.01"', "calc.amount_too_large"),
    ("9" * 5000, "calc.number_too_long"),
    ('"1e3"', "calc.amount"),
])
def test_calc_refuses_amounts_it_would_misread(tmp_path, value, rule):
    doc = ('{"injury_date": "2025-03-10", "average_monthly_wage": %s, "regional_average_monthly_wage": "8000",'
           ' "minimum_wage": "2100", "suspension_months": 1}' % value)
    (tmp_path / "in.json").write_text(doc, encoding="utf-8")
    done = cli("calc", str(tmp_path / "in.json"), data_dir=tmp_path)
    assert done.returncode == 2, done.stdout + done.stderr
    assert rule in done.stderr and "Traceback" not in done.stderr
    assert done.stdout == ""


def test_calc_accepts_the_largest_sane_amount(tmp_path):
    # 10^12 yuan exactly is the bound: still an amount (the engine bounds the wage base anyway)
    doc = {"injury_date": "2025-03-10", "average_monthly_wage": "1000000000000.00",
           "regional_average_monthly_wage": "8000", "minimum_wage": "2100", "suspension_months": 1}
    (tmp_path / "in.json").write_text(json.dumps(doc), encoding="utf-8")
    done = cli("calc", str(tmp_path / "in.json"), data_dir=tmp_path)
    assert done.returncode == 0, done.stderr


def test_calc_accepts_a_leading_byte_order_mark_as_the_import_does(tmp_path):
    # finding 7: a file saved by a Windows editor starts with a BOM; calc and import both take it as no data
    doc = {"injury_date": "2025-03-10", "average_monthly_wage": "6000.00", "regional_average_monthly_wage": "8000",
           "minimum_wage": "2100", "suspension_months": 1}
    (tmp_path / "in.json").write_text("\ufeff" + json.dumps(doc), encoding="utf-8")
    done = cli("calc", str(tmp_path / "in.json"), data_dir=tmp_path)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["items"]


def test_calc_refuses_deep_nesting(tmp_path):
    (tmp_path / "in.json").write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    done = cli("calc", str(tmp_path / "in.json"), data_dir=tmp_path)
    assert done.returncode == 2 and "calc.input_too_deep" in done.stderr and "Traceback" not in done.stderr


# ---------------------------------------------------------------- finding 8: exit 3


def test_an_internal_error_is_one_line_and_a_log_entry(demo, tmp_path):
    # A device sequence that is not a number: no input of the user's, the program cannot go on.
    con = connect_db(demo)
    with con:
        con.execute("INSERT OR REPLACE INTO local_settings (key, value) VALUES ('outbox_seq', 'not-a-number')")
        assert con.total_changes == 1
    con.close()
    (tmp_path / "in.jsonl").write_text(json.dumps({"type": "person", "id_number": "110105199002281234",
                                                    "name": "王五"}) + "\n", encoding="utf-8")
    done = cli("import", str(tmp_path / "in.jsonl"), data_dir=demo, env=SUPERVISOR)
    assert done.returncode == 3, done.stdout + done.stderr
    lines = [x for x in done.stderr.strip().splitlines() if not x.startswith("import: ")]
    assert len(lines) == 1 and lines[0].startswith("internal error:")
    assert "Traceback" not in done.stderr
    log = demo / "logs" / "cli-errors.log"
    assert str(log) in lines[0]
    assert "Traceback" in log.read_text(encoding="utf-8")
