"""`injury-desk calc` in a subprocess: JSON on stdout for good input, exit 2 and only error lines for bad input."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]

# the worked example of docs/calc.md
EXAMPLE = {
    "injury_date": "2025-03-10",
    "monthly_wages": ["5800", "5800", "5800", "5800", "6000", "6000", "6000", "6000", "6200", "6200", "6200", "6200"],
    "regional_average_monthly_wage": "8000",
    "minimum_wage": "2100",
    "disability_grade": 4,
    "nursing_level": "partial",
    "suspension_months": 6,
}


def calc(*args, stdin: str | None = None, cwd: Path = REPO):
    return subprocess.run(
        [sys.executable, "-m", "injury_desk", "calc", *args],
        input=stdin.encode("utf-8") if stdin is not None else None,
        capture_output=True,
        cwd=cwd,
        timeout=120,
    )


def test_calc_on_a_file(tmp_path):
    path = tmp_path / "input.json"
    path.write_text(json.dumps(EXAMPLE), encoding="utf-8")
    done = calc(str(path), cwd=tmp_path)  # another working directory: the rules are found beside the package
    assert done.returncode == 0, done.stderr.decode()
    assert done.stderr == b""
    out = json.loads(done.stdout.decode("utf-8"))
    assert out == {
        "items": [
            {"code": "wage_base", "amount": "6000.00", "period": "monthly", "payer": None,
             "basis": "Regulation on Work-Related Injury Insurance (2010) Art. 64",
             "formula": "72,000.00 ÷ 12 = 6,000.00, within 60% × 8,000.00 = 4,800.00 .. "
                        "300% × 8,000.00 = 24,000.00 → 6,000.00"},
            {"code": "one_time_disability_subsidy", "amount": "126000.00", "period": "once", "payer": "fund",
             "basis": "Regulation on Work-Related Injury Insurance (2010) Art. 35",
             "formula": "21 months × 6,000.00 wage base = 126,000.00"},
            {"code": "monthly_disability_allowance", "amount": "4500.00", "period": "monthly", "payer": "fund",
             "basis": "Regulation on Work-Related Injury Insurance (2010) Art. 35",
             "formula": "75% × 6,000.00 wage base = 4,500.00"},
            {"code": "nursing_care_allowance", "amount": "2400.00", "period": "monthly", "payer": "fund",
             "basis": "Regulation on Work-Related Injury Insurance (2010) Art. 34",
             "formula": "30% × 8,000.00 regional average monthly wage = 2,400.00"},
            {"code": "work_suspension_wages", "amount": "36000.00", "period": "once", "payer": "employer",
             "basis": "Regulation on Work-Related Injury Insurance (2010) Art. 33",
             "formula": "6 months × 6,000.00 own average monthly wage (original wage, not bounded) = 36,000.00"},
        ],
        "total_once": "162000.00",
        "total_monthly": "6900.00",
    }


def test_calc_on_stdin_writes_utf8_unescaped():
    doc = {"injury_date": "2025-03-10", "average_monthly_wage": 6000.50, "region": "example",
           "disability_grade": 9}
    done = calc("-", stdin=json.dumps(doc))
    assert done.returncode == 0, done.stderr.decode()
    text = done.stdout.decode("utf-8")
    assert text.startswith("{\n  \"items\"")  # indented
    assert "×" in text and "\\u00d7" not in text  # ensure_ascii=False, UTF-8 whatever the console code page
    out = json.loads(text)
    assert out["total_once"] == "54004.50"  # 9 × 6,000.50, no float error
    assert out["total_monthly"] == "0.00"


@pytest.mark.parametrize(
    ("doc", "needle"),
    [
        ({"injury_date": "2025-03-10", "average_monthly_wage": "6000", "regional_average_monthly_wage": "8000",
          "disability_grade": 11}, "error: disability_grade: calc.grade_range"),
        ({"injury_date": "2025-03-10", "average_monthly_wage": "6000", "regional_average_monthly_wage": "8000",
          "disability_grade": 0}, "error: disability_grade: calc.grade_range"),
        ({"injury_date": "2025-03-10", "monthly_wages": ["-1"] + ["6000"] * 11,
          "regional_average_monthly_wage": "8000"}, "error: monthly_wages: calc.wage_negative"),
        ({"injury_date": "2025-03-10", "regional_average_monthly_wage": "8000"}, "error: monthly_wages: calc.required"),
        ({"injury_date": "2025-03-10", "average_monthly_wage": "6000", "regional_average_monthly_wage": "8000",
          "disability_grade": 2, "nursing_level": "lots"}, "error: nursing_level: calc.nursing_level_unknown"),
        ({"injury_date": "2025-03-10", "average_monthly_wage": "6000", "regional_average_monthly_wage": "8000",
          "disability_grade": 2, "fatal": True}, "error: disability_grade: calc.grade_with_fatal"),
        ({"injury_date": "2025-03-10", "average_monthly_wage": "6000", "region": "atlantis"},
         "error: region: rules.region_unknown"),
    ],
)
def test_bad_input_exits_2_with_only_error_lines(tmp_path, doc, needle):
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    done = calc(str(path))
    assert done.returncode == 2
    assert done.stdout == b""
    lines = done.stderr.decode("utf-8").splitlines()
    assert lines and all(line.startswith("error: ") for line in lines)
    assert any(line.startswith(needle) for line in lines), lines


def test_all_errors_are_listed_on_stdin():
    done = calc("-", stdin=json.dumps({"injury_date": "2025-03-10", "disability_grade": 11, "colour": "red"}))
    assert done.returncode == 2 and done.stdout == b""
    text = done.stderr.decode("utf-8")
    for needle in ("disability_grade: calc.grade_range", "monthly_wages: calc.required", "colour: calc.unknown_field",
                   "regional_average_monthly_wage: calc.required"):
        assert needle in text


def test_a_lone_surrogate_in_the_input_is_refused_and_shown_escaped(tmp_path):
    # A hostile user's probe: JSON may write "\ud800", which has no UTF-8 form; echoing it in the refusal ended
    # in a UnicodeEncodeError (exit 3). Every refusal that shows the user's text shows it escaped.
    stdin = '{"injury_date":"2025-06-01","average_monthly_wage":"6000","region":"example\\ud800"}'
    done = calc("-", "--data-dir", str(tmp_path), stdin=stdin)
    assert done.returncode == 2, done.stderr.decode("utf-8", "replace")
    assert done.stdout == b""
    assert done.stderr.decode("utf-8").splitlines() == [
        r"error: region: rules.region_unknown: no parameter files for region example\ud800"]
    stdin = ('{"injury_date":"2025-06-01\\ud800","average_monthly_wage":"6000\\udfff","note\\ud800":1,'
             '"regional_average_monthly_wage":"8000","dependants":[{"relation":"x\\udbff"}]}')
    done = calc("-", "--data-dir", str(tmp_path), stdin=stdin)
    assert done.returncode == 2, done.stderr.decode("utf-8", "replace")
    assert done.stderr.decode("utf-8").splitlines() == [
        r"error: note\ud800: calc.unknown_field: note\ud800 is not a known field",
        r"error: injury_date: calc.date_format: must be a date written YYYY-MM-DD (got 2025-06-01\ud800)",
        r"error: average_monthly_wage: calc.amount: is not an amount (got 6000\udfff)",
        r"error: dependants: calc.relation_unknown: entry 1: relation must be spouse, child, parent or other"
        r" (got x\udbff)"]
    assert list(tmp_path.iterdir()) == []  # no error log: it was no internal error


def test_malformed_json_exits_2():
    done = calc("-", stdin="{\"injury_date\": ")
    assert done.returncode == 2 and done.stdout == b""
    assert done.stderr.decode().startswith("error: input: calc.json_malformed")


def test_missing_file_exits_2(tmp_path):
    done = calc(str(tmp_path / "nope.json"))
    assert done.returncode == 2 and done.stdout == b""
    assert done.stderr.decode().startswith("error: input: calc.input_unreadable")


def test_docs_worked_example_matches_the_command(tmp_path):
    blocks = (REPO / "docs" / "calc.md").read_text(encoding="utf-8").split("```json\n")[1:]
    doc_input, doc_output = (json.loads(b.split("```")[0]) for b in blocks[:2])
    assert doc_input == EXAMPLE
    path = tmp_path / "example.json"
    path.write_text(json.dumps(doc_input), encoding="utf-8")
    done = calc(str(path))
    assert done.returncode == 0
    assert json.loads(done.stdout.decode("utf-8")) == doc_output


def test_error_lines_are_readable_sentences():
    doc = {"injury_date": "2025-03-10", "monthly_wages": ["6000"] * 4 + ["-5"] + ["6000"] * 7,
           "regional_average_monthly_wage": "8000", "disability_grade": 11}
    done = calc("-", stdin=json.dumps(doc))
    assert done.returncode == 2 and done.stdout == b""
    assert done.stderr.decode("utf-8").splitlines() == [
        "error: monthly_wages: calc.wage_negative: entry 5: a wage must not be negative (got -5)",
        "error: disability_grade: calc.grade_range: must be 1–10 or null (got 11)",
    ]
