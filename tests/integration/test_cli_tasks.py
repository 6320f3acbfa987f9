"""`injury-desk tasks`: the Tasks page's deadlines on the command line, for a day, as table, CSV or JSON."""

from __future__ import annotations

import json

import pytest

from injury_desk.cli import main
from tests.conftest import claim_draft


@pytest.fixture
def folder(db, services, sup, monkeypatch):
    # received 10 Nov (acceptance due 25 Nov); a reported claim (employer window 1 Dec, application 1 Nov 2027)
    services.claims.create(sup, claim_draft(application_received_on="2026-11-10"))
    services.claims.create(sup, claim_draft(worker={"id_number": "110105198005060125", "name": "李娜"},
                                            applicant_type=None, application_received_on=None))
    monkeypatch.setenv("INJURY_DESK_PASSWORD", "sup-pass-123")
    return db.path.parent


def run(capsys, *args):
    code = main(["tasks", *args])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_json_rows_on_a_given_day(folder, capsys):
    code, out, err = run(capsys, "--data-dir", str(folder), "--user", "sup", "--office", "--on", "2026-11-28",
                         "--format", "json")
    assert (code, err) == (0, "")
    rows = json.loads(out)
    assert [(r["kind"], r["due"], r["status"]) for r in rows] == [
        ("acceptance", "2026-11-25", "overdue"), ("application_employer", "2026-12-01", "this_week")]
    assert rows[0]["basis"] == "Measures for Work Injury Determination Art. 8"
    assert rows[0]["claim_no"].startswith("GZ01-2026-")
    # on 5 December the employer window has expired: it is no task any more
    code, out, _ = run(capsys, "--data-dir", str(folder), "--user", "sup", "--office", "--on", "2026-12-05",
                       "--format", "json")
    assert [r["kind"] for r in json.loads(out)] == ["acceptance"]


def test_csv_and_table(folder, capsys):
    code, out, _ = run(capsys, "--data-dir", str(folder), "--user", "sup", "--office", "--on", "2026-11-28",
                       "--format", "csv")
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "claim_no,kind,basis,due,status,days_left,recipient,assigned_to,subject"
    assert len(lines) == 3 and ",acceptance," in lines[1]
    code, out, _ = run(capsys, "--data-dir", str(folder), "--user", "sup", "--office", "--on", "2026-11-28")
    assert code == 0 and "2 deadline(s): 1 overdue" in out


def test_bad_input_and_permissions_exit_2(folder, capsys, monkeypatch, tmp_path):
    code, _, err = run(capsys, "--data-dir", str(folder), "--user", "sup", "--on", "28/11/2026")
    assert code == 2 and "on: field.date_format" in err
    monkeypatch.setenv("INJURY_DESK_PASSWORD", "cw-pass-123")
    code, _, err = run(capsys, "--data-dir", str(folder), "--user", "cw", "--office")
    assert code == 2 and "permission.denied" in err
    code, _, err = run(capsys, "--data-dir", str(tmp_path / "nothing"), "--user", "cw")
    assert code == 2 and "store.no_database" in err
    assert not (tmp_path / "nothing" / "injury_desk.sqlite3").exists()


def test_internal_error_exit_3_with_the_traceback_in_a_log(folder, capsys, monkeypatch):
    from injury_desk.services import tasks

    def broken(*_a, **_k):
        raise RuntimeError("boom")

    monkeypatch.setattr(tasks, "deadline_rows", broken)
    code, out, err = run(capsys, "--data-dir", str(folder), "--user", "sup")
    assert code == 3 and len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert "RuntimeError: boom" in (folder / "logs" / "cli-errors.log").read_text(encoding="utf-8")


def test_a_day_or_a_horizon_out_of_range_is_refused_with_its_value(folder, capsys):
    # 9999-12-31 plus the 30 days' horizon is no date at all: it was an internal error (OverflowError, exit 3).
    code, out, err = run(capsys, "--data-dir", str(folder), "--user", "sup", "--on", "9999-12-31")
    assert (code, out) == (2, "")
    assert 'on: field.range {"min": "1900-01-01", "max": "2199-12-31", "value": "9999-12-31"}' in err
    assert "must be between 1900-01-01 and 2199-12-31 (got 9999-12-31)" in err
    code, out, err = run(capsys, "--data-dir", str(folder), "--user", "sup", "--days", "-5")
    assert (code, out) == (2, "")
    assert "must be between 0 and 3660 (got -5)" in err  # the value was missing from the sentence: "(got )"
    code, _, _ = run(capsys, "--data-dir", str(folder), "--user", "sup", "--on", "2199-12-31", "--days", "3660")
    assert code == 0  # the last day allowed, with the longest horizon, still is a date
