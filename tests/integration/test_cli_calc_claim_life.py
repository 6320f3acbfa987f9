"""`injury-desk calc` with the claim-life fields: death after the suspension period, Art. 15(3), hospital
meals, the basic pension after retirement; output as JSON, exit 2 with the field and rule on bad input."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
BASE = {"injury_date": "2025-03-10", "average_monthly_wage": "6000", "regional_average_monthly_wage": "8000"}


def calc(doc: dict):
    return subprocess.run(
        [sys.executable, "-m", "injury_desk", "calc", "-"],
        input=json.dumps({**BASE, **doc}).encode("utf-8"),
        capture_output=True,
        cwd=REPO,
        timeout=120,
    )


def items(done) -> dict[str, dict]:
    assert done.returncode == 0, done.stderr.decode()
    assert done.stderr == b""
    out = json.loads(done.stdout.decode("utf-8"))
    return {item["code"]: item for item in out["items"]} | {"_totals": out}


def test_death_after_suspension_prints_funeral_subsidy_and_dependants_pension_only():
    got = items(calc({"fatal": True, "disability_grade": 3, "death_after_suspension": True,
                      "dependants": [{"relation": "spouse"}, {"relation": "parent", "lonely_elderly_or_orphan": True}]}))
    # funeral 6 × 8,000 = 48,000; pension (40% + 30% + 10%) × 6,000 = 4,800; no one-time death subsidy
    assert list(got) == ["wage_base", "funeral_subsidy", "dependants_pension", "_totals"]
    assert got["funeral_subsidy"]["amount"] == "48000.00"
    assert got["dependants_pension"] == {
        "code": "dependants_pension", "amount": "4800.00", "period": "monthly", "payer": "fund",
        "basis": "Regulation on Work-Related Injury Insurance (2010) Art. 39(2); "
                 "Regulation on Work-Related Injury Insurance (2010) Art. 39 last paragraph",
        "formula": "spouse 40% + parent 30%+10% = 80%; 80% × 6,000.00 wage base = 4,800.00",
    }
    assert (got["_totals"]["total_once"], got["_totals"]["total_monthly"]) == ("48000.00", "4800.00")


def test_art15_3_prints_no_disability_subsidy():
    got = items(calc({"disability_grade": 7, "recognition_basis": "art15_3", "suspension_months": 1}))
    # grade 7 has no allowance; the 13 × 6,000 = 78,000 subsidy is dropped; suspension 1 × 6,000 stays
    assert list(got) == ["wage_base", "work_suspension_wages", "_totals"]
    assert got["_totals"]["total_once"] == "6000.00"


def test_hospital_meal_allowance_from_the_region_file():
    doc = {k: v for k, v in BASE.items() if k != "regional_average_monthly_wage"}
    done = subprocess.run([sys.executable, "-m", "injury_desk", "calc", "-"],
                          input=json.dumps({**doc, "region": "example", "hospital_days": 12}).encode(),
                          capture_output=True, cwd=REPO, timeout=120)
    item = items(done)["hospital_meal_allowance"]
    # example 2024: 30.00 a day; 12 × 30 = 360.00
    assert item == {
        "code": "hospital_meal_allowance", "amount": "360.00", "period": "once", "payer": "fund",
        "basis": "Regulation on Work-Related Injury Insurance (2010) Art. 30; "
                 "daily standard: Example Province (illustrative figures, not official), 2024",
        "formula": "12 days × 30.00 daily hospital meal allowance = 360.00",
    }


def test_basic_pension_replaces_the_allowance_with_the_top_up():
    got = items(calc({"disability_grade": 3, "basic_pension": "3500.50"}))
    # grade 3: 80% × 6,000 = 4,800; 4,800 − 3,500.50 = 1,299.50
    assert "monthly_disability_allowance" not in got
    assert got["pension_top_up"]["amount"] == "1299.50"
    assert got["pension_top_up"]["formula"] == (
        "80% × 6,000.00 wage base = 4,800.00; 4,800.00 monthly disability allowance − 3,500.50 basic pension = 1,299.50")
    assert got["_totals"]["total_monthly"] == "1299.50"


def test_pension_not_lower_than_the_allowance_prints_no_monthly_item():
    got = items(calc({"disability_grade": 3, "basic_pension": "4800"}))
    assert "pension_top_up" not in got and "monthly_disability_allowance" not in got
    assert got["_totals"]["total_monthly"] == "0.00"


@pytest.mark.parametrize(("doc", "line"), [
    ({"fatal": True, "disability_grade": 2},
     "error: disability_grade: calc.grade_with_fatal: a fatal case has no disability grade"),
    ({"fatal": True, "disability_grade": 5, "death_after_suspension": True},
     "error: death_after_suspension: calc.death_after_suspension_grade: applies only to a worker appraised at "
     "grade 1–4 (got 5)"),
    # No grade is named as the JSON input writes it, null (it read "None", Python's word, before).
    ({"fatal": True, "death_after_suspension": True},
     "error: death_after_suspension: calc.death_after_suspension_grade: applies only to a worker appraised at "
     "grade 1–4 (got null)"),
    ({"fatal": True, "basic_pension": "100"},
     "error: basic_pension: calc.basic_pension_grade: a basic pension replaces the allowance of grades 1–4 only "
     "(grade null)"),
    ({"disability_grade": 2, "death_after_suspension": True},
     "error: death_after_suspension: calc.death_after_suspension_without_fatal: applies only together with "
     "fatal: true"),
    ({"death_after_suspension": "yes"},
     "error: death_after_suspension: calc.type: has the wrong type (expected true or false)"),
    ({"recognition_basis": "art15_4"},
     "error: recognition_basis: calc.recognition_basis_unknown: must be one of art14, art15_1, art15_2, art15_3 "
     "(got art15_4)"),
    ({"recognition_basis": "art15_1"},
     "error: recognition_basis: calc.recognition_basis_requires_fatal: art15_1 (death at work) needs fatal: true"),
    ({"hospital_days": 4},
     "error: hospital_meal_allowance_per_day: calc.hospital_meal_rate_required: no daily hospital meal standard: "
     "give it, or a region whose file has one (Art. 30)"),
    ({"hospital_days": 36501, "hospital_meal_allowance_per_day": "30"},
     "error: hospital_days: calc.hospital_days_range: must be 0–36500 days (got 36501)"),
    ({"hospital_meal_allowance_per_day": "30"},
     "error: hospital_meal_allowance_per_day: calc.hospital_meal_rate_without_days: is given without hospital_days"),
    ({"disability_grade": 6, "basic_pension": "100"},
     "error: basic_pension: calc.basic_pension_grade: a basic pension replaces the allowance of grades 1–4 only "
     "(grade 6)"),
    ({"basic_pension": "-0.01", "disability_grade": 1},
     "error: basic_pension: calc.amount_negative: must not be negative (got -0.01)"),
    ({"fatal": True, "disability_grade": 1, "death_after_suspension": True, "suspension_months": 2},
     "error: suspension_months: calc.not_due_after_suspension: only funeral_subsidy, dependants_pension are due "
     "for a death after the suspension period (Art. 39 last paragraph)"),
    ({"hospital_day": 3}, "error: hospital_day: calc.unknown_field: hospital_day is not a known field"),
])
def test_bad_claim_life_input_exits_2_naming_field_and_rule(doc, line):
    done = calc(doc)
    assert done.returncode == 2
    assert done.stdout == b""
    assert done.stderr.decode("utf-8").splitlines() == [line]


def test_claim_life_examples_match_the_command(tmp_path):
    """docs/claim-life.md: every input block followed by its output block is what the command prints."""
    blocks = [json.loads(b.split("```")[0])
              for b in (REPO / "docs" / "claim-life.md").read_text(encoding="utf-8").split("```json\n")[1:]]
    assert len(blocks) == 8
    for index in range(0, len(blocks), 2):
        path = tmp_path / f"example{index}.json"
        path.write_text(json.dumps(blocks[index]), encoding="utf-8")
        done = subprocess.run([sys.executable, "-m", "injury_desk", "calc", str(path)],
                              capture_output=True, cwd=REPO, timeout=120)
        assert done.returncode == 0, done.stderr.decode()
        assert json.loads(done.stdout.decode("utf-8")) == blocks[index + 1], f"example {index // 2 + 1}"
