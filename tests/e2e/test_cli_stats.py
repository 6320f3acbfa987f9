"""`injury-desk stats`, run as a user runs it: output formats with numerators and denominators, the exit codes,
bad dates named by their option, and a database left exactly as it was."""

from __future__ import annotations

import csv
import hashlib
import io
import json

import pytest

from tests.e2e.test_cli import cli

CW = {"user": "caseworker", "password": "demo-caseworker"}


@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory):
    d = tmp_path_factory.mktemp("stats_demo")
    cli("demo", "--claims", "60", data_dir=d, check=True)
    return d


def fingerprint(data_dir) -> tuple[str, bytes]:
    """The bytes of the database and of its write-ahead log: a read-only command changes neither. (A reader of a
    WAL database may leave an empty log and the shared-memory index behind: SQLite's own reading mechanics.)"""
    wal = data_dir / "injury_desk.sqlite3-wal"
    return (hashlib.sha256((data_dir / "injury_desk.sqlite3").read_bytes()).hexdigest(),
            wal.read_bytes() if wal.exists() else b"")


def test_prevention_csv_and_json_carry_numerators_and_denominators(demo_dir):
    before = fingerprint(demo_dir)
    result = cli("stats", "prevention", "--from", "2025-01-01", "--to", "2026-12-31", "--by", "industry",
                 "--format", "csv", data_dir=demo_dir, **CW, check=True)
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert list(rows[0]) == ["section", "group_by", "key", "label", "year", "figure", "unit", "value", "numerator",
                             "denominator", "note"]
    rates = [r for r in rows if r["figure"] == "recognised_per_100" and r["group_by"] == "industry"]
    assert rates and all(r["unit"] == "per 100 workers" for r in rates)
    for r in rates:  # each rate is numerator × 100 / denominator, to 0.01 — checkable from the line alone
        if r["value"]:
            assert abs(float(r["value"]) - int(r["numerator"]) * 100 / int(r["denominator"])) <= 0.005
    assert {r["section"] for r in rows} == {"injuries", "corrective_actions", "spending"}
    doc = json.loads(cli("stats", "prevention", "--from", "2025-01-01", "--to", "2025-12-31", "--format", "json",
                         data_dir=demo_dir, **CW, check=True).stdout)
    assert (doc["kind"], doc["from"], doc["to"], doc["by"]) == ("prevention", "2025-01-01", "2025-12-31", "employer")
    [office] = [f for f in doc["figures"] if f["section"] == "injuries" and f["group_by"] == "all"
                and f["figure"] == "recognised_per_100"]
    assert isinstance(office["numerator"], int) and isinstance(office["value"], str)
    table = cli("stats", "prevention", "--from", "2025-01-01", "--to", "2025-12-31", data_dir=demo_dir, **CW,
                check=True).stdout
    assert table.splitlines()[0].split() [:4] == ["section", "group", "year", "figure"]
    assert fingerprint(demo_dir) == before


def test_rehab_lines(demo_dir):
    result = cli("stats", "rehab", "--from", "2020-01-01", "--to", "2030-12-31", "--by", "employer", "--format",
                 "csv", data_dir=demo_dir, **CW, check=True)
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    figures = {r["figure"] for r in rows if r["group_by"] == "all"}
    assert {"back_within_3_months", "median_days_to_return", "mean_days_to_return", "back_at_same_employer",
            "back_at_new_employer"} <= figures
    assert {r["group_by"] for r in rows} == {"all", "employer"}


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (("--from", "2025-13-01", "--to", "2025-12-31"), "argument --from: not a date (YYYY-MM-DD): '2025-13-01'"),
        (("--from", "2025-01-01", "--to", "31.12.2025"), "argument --to: not a date (YYYY-MM-DD): '31.12.2025'"),
        # The services' refusals name the option the user typed, not the services' field ("to", "from").
        (("--from", "2026-01-01", "--to", "2025-12-31"),
         'error: --to: stats.period_reversed {"from": "2026-01-01", "to": "2025-12-31"}\n'
         "  --to the period ends before it starts\n"),
        # A mistyped year would print a line of spending per year: 9,999 of them.
        (("--from", "0001-01-01", "--to", "9999-12-31"),
         'error: --from: stats.period_too_long {"years": 9999, "max": 50}\n'
         "  --from the period spans 9999 calendar years; at most 50 are reported at once\n"),
        (("--from", "2025-01-01", "--to", "2025-12-31", "--by", "postcode"), "argument --by: invalid choice"),
        (("--to", "2025-12-31"), "the following arguments are required: --from"),
    ],
)
def test_bad_input_exits_2_naming_the_option_and_changes_nothing(demo_dir, args, expected):
    before = fingerprint(demo_dir)
    result = cli("stats", "prevention", *args, data_dir=demo_dir, **CW)
    assert result.returncode == 2
    assert expected in result.stderr and "Traceback" not in result.stderr
    assert result.stdout == ""
    assert fingerprint(demo_dir) == before


def test_a_reversed_period_of_rehabilitation_figures_names_the_option(demo_dir):
    result = cli("stats", "rehab", "--from", "2025-06-01", "--to", "2025-05-31", data_dir=demo_dir, **CW)
    assert result.returncode == 2 and result.stdout == ""
    assert "error: --to: stats.period_reversed" in result.stderr
    assert "  --to the period ends before it starts" in result.stderr


def test_a_wrong_password_exits_2(demo_dir):
    result = cli("stats", "rehab", "--from", "2025-01-01", "--to", "2025-12-31", data_dir=demo_dir,
                 user="caseworker", password="wrong")
    assert result.returncode == 2 and "Traceback" not in result.stderr and result.stdout == ""


def test_no_database_is_an_error_and_creates_nothing(tmp_path):
    missing = tmp_path / "mistyped"
    result = cli("stats", "prevention", "--from", "2025-01-01", "--to", "2025-12-31", data_dir=missing, **CW)
    assert result.returncode == 2 and "store.no_database" in result.stderr and "Traceback" not in result.stderr
    assert not missing.exists()


def test_the_read_only_database_refuses_a_write(demo_dir):
    from injury_desk.services.container import Services
    from injury_desk.services.context import ServiceContext
    from injury_desk.store.database import open_database

    before = fingerprint(demo_dir)
    db = open_database(demo_dir, read_only=True)
    try:
        services = Services.build(ServiceContext(db=db))
        actor = services.auth.login("caseworker", "demo-caseworker")
        with pytest.raises(Exception, match="readonly|read-only|query_only"):
            services.headcounts.record(actor, services.employers.search(actor, "")[0].id,
                                       {"year": 2020, "headcount": 5, "source": "x"})
    finally:
        db.dispose()
    assert fingerprint(demo_dir) == before


def test_a_reader_that_stops_reading_ends_the_command_quietly(demo_dir):
    """`stats … | head -1` was "internal error: BrokenPipeError" (exit 3) with a traceback in the error log. The
    pipe here is closed before the command writes, so its first line already finds no reader."""
    import os
    import subprocess
    import sys

    env = {**os.environ, "INJURY_DESK_USER": CW["user"], "INJURY_DESK_PASSWORD": CW["password"]}
    proc = subprocess.Popen([sys.executable, "-m", "injury_desk", "stats", "prevention", "--from", "2025-01-01",
                             "--to", "2025-12-31", "--data-dir", str(demo_dir)], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, stdin=subprocess.DEVNULL, env=env)
    proc.stdout.close()
    _out, err = proc.communicate(timeout=300)
    assert proc.returncode == 0, err
    assert b"internal error" not in err and b"Traceback" not in err and b"Exception ignored" not in err
    assert not (demo_dir / "logs" / "cli-errors.log").exists()


@pytest.mark.parametrize("closed", ["stdout", "both"])
def test_a_reader_gone_from_both_streams_leaves_the_exit_code_to_the_command(demo_dir, tmp_path, closed):
    """`import bad.jsonl 2>&1 | head -1` exited 0 once a closed pipe was taken for a finished command: the import
    refused its file (exit 1 without the pipe), and with the pipe it must still say 1."""
    import os
    import subprocess
    import sys

    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"type": "employer", "data": {}}\n' * 50, encoding="utf-8")
    env = {**os.environ, "INJURY_DESK_USER": "supervisor", "INJURY_DESK_PASSWORD": "demo-supervisor"}
    read, write = os.pipe()
    os.close(read)  # the reader has gone before the command writes its first line
    try:
        done = subprocess.run([sys.executable, "-m", "injury_desk", "import", str(bad), "--data-dir", str(demo_dir)],
                              stdout=write, stderr=write if closed == "both" else subprocess.PIPE,
                              stdin=subprocess.DEVNULL, env=env, timeout=300)
    finally:
        os.close(write)
    assert done.returncode == 1
    if closed == "stdout":
        assert b"problem(s)" in done.stderr and b"Traceback" not in done.stderr
    assert not (demo_dir / "logs" / "cli-errors.log").exists()
