"""`injury-desk payments due`: the monthly run on the command line, as table, CSV or JSON; read-only; exit 2 on a
bad month or a missing database (which it never creates), 3 with the traceback in the log on an internal error."""

from __future__ import annotations

import json

import pytest

from injury_desk.cli import main
from tests.integration.test_monthly_run import grade_4


@pytest.fixture
def folder(db, services, cw, sup, monkeypatch):
    grade_4(services, cw, sup)  # approved 2026-11-28: 4,500.00 allowance and 2,340.00 nursing from December
    monkeypatch.setenv("INJURY_DESK_PASSWORD", "cw-pass-123")
    return db.path.parent


def run(capsys, *args):
    code = main(["payments", "due", *args])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_json_csv_and_table(folder, capsys):
    code, out, err = run(capsys, "--data-dir", str(folder), "--user", "cw", "--month", "2026-12", "--format", "json")
    assert (code, err) == (0, "")
    rows = {r["item_code"]: r for r in json.loads(out)}
    assert rows["monthly_disability_allowance"]["amount"] == "4500.00"  # 75 % × 6,000 (Art. 35)
    assert rows["nursing_care_allowance"]["amount"] == "2340.00"  # 30 % × 7,800 (Art. 34)
    assert rows["monthly_disability_allowance"]["month"] == "2026-12"
    assert "Art. 35" in rows["monthly_disability_allowance"]["basis"]
    code, out, _ = run(capsys, "--data-dir", str(folder), "--user", "cw", "--month", "2026-12", "--format", "csv")
    lines = out.splitlines()
    assert code == 0 and lines[0].startswith("month,claim_no,worker,payee,item_code,kind,payer,amount")
    assert len(lines) == 3
    code, out, _ = run(capsys, "--data-dir", str(folder), "--user", "cw", "--month", "2026-12")
    assert code == 0 and "2 payment(s), 6,840.00 in all" in out  # 4,500.00 + 2,340.00
    code, out, _ = run(capsys, "--data-dir", str(folder), "--user", "cw", "--month", "2026-11")
    assert code == 0 and "0 payment(s), 0.00 in all" in out  # approved on 28 November: nothing yet


def test_bad_input_exit_2_and_no_database_is_made(folder, capsys, tmp_path):
    code, _, err = run(capsys, "--data-dir", str(folder), "--user", "cw", "--month", "12/2026")
    assert code == 2 and "month: field.month_format" in err
    code, _, err = run(capsys, "--data-dir", str(tmp_path / "nothing"), "--user", "cw", "--month", "2026-12")
    assert code == 2 and "store.no_database" in err
    assert not (tmp_path / "nothing" / "injury_desk.sqlite3").exists()
    with pytest.raises(SystemExit) as usage:  # --month is required: argparse says so and exits 2
        run(capsys, "--data-dir", str(folder), "--user", "cw")
    assert usage.value.code == 2 and "--month" in capsys.readouterr().err


# The second: the log writer refused a lone surrogate (a name's bytes that were not UTF-8) in the traceback, and
# the failure to log ended in the traceback on the terminal it was to keep off it.
@pytest.mark.parametrize(("message", "logged"), [("boom", "boom"), ("boom in \udcff", "boom in \\udcff")],
                         ids=["plain", "not-utf8"])
def test_internal_error_exit_3_with_the_traceback_in_a_log(folder, capsys, monkeypatch, message, logged):
    from injury_desk.services import monthly_run

    def broken(*_a, **_k):
        raise RuntimeError(message)

    monkeypatch.setattr(monthly_run, "assessment_due", broken)
    code, out, err = run(capsys, "--data-dir", str(folder), "--user", "cw", "--month", "2026-12")
    assert code == 3 and len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert f"RuntimeError: {logged}" in (folder / "logs" / "cli-errors.log").read_text(encoding="utf-8")
