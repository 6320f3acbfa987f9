"""`injury-desk import` refuses wrong types and impossible states; export and import round-trip any text
(issue 13, findings 6 and 7). Run through the real command line on a demo office."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from injury_desk.store import cipher, db_key
from hypothesis import given, settings
from hypothesis import strategies as st

DB = "injury_desk.sqlite3"


def connect_db(data_dir: Path):
    """A keyed connection to the (encrypted) database a command made, with its key from the keyring."""
    path = data_dir / DB
    return cipher.connect(path, db_key.load_key(path))
SUPERVISOR = {"INJURY_DESK_USER": "supervisor", "INJURY_DESK_PASSWORD": "demo-supervisor"}
WORKER = {"type": "person", "id_number": "110105199002281234", "name": "王五"}  # born 1990-02-28, male
EMPLOYER_CODE = "91350100M000100Y43"


def cli(*args: str, data_dir: Path) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith("INJURY_DESK_")}
    env.update(SUPERVISOR)
    return subprocess.run([sys.executable, "-m", "injury_desk", *args, "--data-dir", str(data_dir)],
                          capture_output=True, text=True, env=env, timeout=300, stdin=subprocess.DEVNULL)


@pytest.fixture(scope="module")
def office(tmp_path_factory) -> Path:
    d = tmp_path_factory.mktemp("office")
    done = cli("demo", "--claims", "3", data_dir=d)
    assert done.returncode == 0, done.stderr
    return d


def rows(data_dir: Path, sql: str) -> list[tuple]:
    con = connect_db(data_dir)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def employer(**extra) -> dict:
    return {"type": "employer", "credit_code": EMPLOYER_CODE, "name": "福州测试机械有限公司", "risk_class": 3, **extra}


def claim(**extra) -> dict:
    base = {"type": "claim", "worker_id_number": WORKER["id_number"], "employer_credit_code": EMPLOYER_CODE,
            "accident_date": "2026-01-05", "accident_place": "车间", "circumstances": "压伤", "body_parts": "右手",
            "diagnosis": "骨折"}
    return {**base, **extra}


def import_lines(office: Path, tmp_path: Path, records: list, raw: str | None = None):
    f = tmp_path / "in.jsonl"
    text = raw if raw is not None else "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
    f.write_text(text, encoding="utf-8")
    before = rows(office, "SELECT count(*) FROM people")[0][0]
    done = cli("import", str(f), data_dir=office)
    return done, before, f


CASES = [
    (employer(name={"zh": "x"}), "1: name: field.type"),
    (employer(name=["x"]), "1: name: field.type"),
    (employer(id=True), "1: id: field.type"),
    (employer(id=12), "1: id: field.type"),
    (employer(id=["a"]), "1: id: field.type"),
    (employer(id={"a": 1}), "1: id: field.type"),
    (employer(name="福州\x00公司"), "1: name: field.control_character"),
    (employer(risk_class=True), "1: risk_class: field.type"),
    (employer(risk_class="3"), "1: risk_class: field.type"),
    (employer(headcount=10**30), "1: headcount: field.range"),
    (employer(colour="red"), "1: colour: import.unknown_field"),
]


@pytest.mark.parametrize("record, expected", CASES, ids=[c[1] for c in CASES])
def test_wrong_types_are_refused_naming_the_field(office, tmp_path, record, expected):
    done, before, f = import_lines(office, tmp_path, [record])
    assert done.returncode == 1, done.stderr
    assert f"{f}:{expected}" in done.stderr
    assert "Traceback" not in done.stderr
    assert rows(office, f"SELECT count(*) FROM employers WHERE credit_code = '{EMPLOYER_CODE}'") == [(0,)]


@pytest.mark.parametrize("extra, expected", [
    ({"fatal": 2}, "3: fatal: field.type"),
    ({"accident_date": "20260105"}, "3: accident_date: field.date_format"),
    ({"claim_no": "X" * 41}, "3: claim_no: field.too_long"),
    ({"status": "closed"}, "3: applicant_type: claim.applicant_required"),
    ({"status": "finished"}, "3: status: field.choice"),
])
def test_claim_types_and_states_are_refused(office, tmp_path, extra, expected):
    done, before, f = import_lines(office, tmp_path, [employer(), WORKER, claim(**extra)])
    assert done.returncode == 1, done.stderr
    assert f"{f}:{expected}" in done.stderr
    assert rows(office, "SELECT count(*) FROM people")[0][0] == before  # nothing of the file came in


def test_a_closed_claim_needs_its_determination_and_a_determination_not_before_the_accident(office, tmp_path):
    cid = "6b1f3c1e-0c0a-4c4e-9a77-0d7c3f1e2a10"
    received = {"applicant_type": "employer", "application_received_on": "2026-01-10", "accepted_on": "2026-01-12"}
    done, _before, f = import_lines(office, tmp_path, [employer(), WORKER, claim(id=cid, status="closed", **received)])
    assert done.returncode == 1
    assert f"{f}:3: determination_outcome: claim.outcome_required" in done.stderr
    # With a determination of "not recognised" the claim may be closed, but not with one dated before the accident.
    det = {"type": "determination", "claim_id": cid, "outcome": "not_recognised", "decided_on": "2026-01-01"}
    done, _before, f = import_lines(office, tmp_path, [employer(), WORKER, claim(id=cid, status="closed", **received),
                                                       det])
    assert done.returncode == 1
    assert f"{f}:3: decided_on: claim.decided_before_accident" in done.stderr
    done, _before, f = import_lines(office, tmp_path, [employer(), WORKER, claim(id=cid, status="closed", **received),
                                                       {**det, "decided_on": "2026-02-01"}])
    assert done.returncode == 0, done.stderr
    assert rows(office, f"SELECT status FROM claims WHERE id = '{cid}'") == [("closed",)]


def test_a_claim_number_of_the_offices_own_series_is_refused(office, tmp_path):
    number = rows(office, "SELECT claim_no FROM claims LIMIT 1")[0][0]  # DM01-YYYY-TAG-000001: this desktop's
    prefix, year, tag, _seq = number.split("-")
    taken_next = f"{prefix}-2026-{tag}-000999"
    done, _before, f = import_lines(office, tmp_path, [employer(credit_code="91350100M000101Y2J"),
                                                       {**WORKER, "id_number": "110105199002281250"},
                                                       claim(worker_id_number="110105199002281250",
                                                             employer_credit_code="91350100M000101Y2J",
                                                             claim_no=taken_next)])
    assert done.returncode == 1
    assert f"{f}:3: claim_no: import.claim_no_own_series" in done.stderr
    assert "IntegrityError" not in done.stderr


@pytest.mark.parametrize("raw", ["[" * 50_000 + "]" * 50_000, '{"type": "person", "n": ' + "9" * 5000 + "}"])
def test_deep_nesting_and_huge_numbers_are_line_errors(office, tmp_path, raw):
    done, _before, f = import_lines(office, tmp_path, [], raw=raw + "\n")
    assert done.returncode == 1
    assert f"{f}:1: -: import.json" in done.stderr and "Traceback" not in done.stderr
    if raw.startswith("["):
        assert "nested too deeply" in done.stderr  # it said "RecursionError"


def test_a_leading_byte_order_mark_is_accepted(office, tmp_path):
    f = tmp_path / "bom.jsonl"
    f.write_text("\ufeff" + json.dumps({**WORKER, "id_number": "110105199002281330"}, ensure_ascii=False) + "\n",
                 encoding="utf-8")
    done = cli("import", str(f), data_dir=office)
    assert done.returncode == 0, done.stderr
    assert rows(office, "SELECT name FROM people WHERE id_number = '110105199002281330'") == [("王五",)]


# Any text but control characters: U+2028, U+2029 and U+0085 (line ends for str.splitlines) included.
TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")) | st.sampled_from("\u2028\u2029\u0085\t\n"))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.dictionaries(st.sampled_from(["name", "address", "note"]), TEXT, min_size=1), min_size=1, max_size=5))
def test_the_line_codec_round_trips_any_text(records):
    """What export writes, import reads back record for record: no character splits a line."""
    import io

    from injury_desk.services.transfer import json_line, jsonl_lines

    written = "".join(json_line(r) for r in records)
    assert not any(ch in written for ch in "\u2028\u2029\u0085")
    read = [json.loads(line) for line in jsonl_lines(io.StringIO(written, newline="\n"))]
    assert read == records
    with_bom = "\ufeff" + written.replace("\n", "\r\n")  # as a Windows editor saves it
    assert [json.loads(line) for line in jsonl_lines(io.StringIO(with_bom, newline="\n"))] == records


def test_export_then_import_keeps_line_separators_in_text(tmp_path):
    source = tmp_path / "src"
    assert cli("demo", "--claims", "0", data_dir=source).returncode == 0
    address, phone = "福州\u2028鼓楼区\u0085一号", "0591\u2029x"
    con = connect_db(source)
    with con:
        con.execute("UPDATE employers SET address = ?, contact_phone = ? WHERE rowid = 1", (address, phone))
        code = con.execute("SELECT credit_code FROM employers WHERE rowid = 1").fetchone()[0]
    con.close()
    out = tmp_path / "out.jsonl"
    assert cli("export", str(out), data_dir=source).returncode == 0
    text = out.read_text(encoding="utf-8")
    assert "\u2028" not in text and "\u0085" not in text
    only_employers = "".join(line + "\n" for line in text.split("\n") if '"type": "employer"' in line)
    (tmp_path / "employers.jsonl").write_text(only_employers, encoding="utf-8")
    target = tmp_path / "dst"
    assert cli("demo", "--claims", "0", data_dir=target).returncode == 0
    con = connect_db(target)
    with con:
        con.execute("UPDATE employers SET credit_code = 'X' || substr(credit_code, 2), deleted = 1")
    con.close()
    done = cli("import", str(tmp_path / "employers.jsonl"), data_dir=target)
    assert done.returncode == 0, done.stderr
    assert rows(target, f"SELECT address, contact_phone FROM employers WHERE credit_code = '{code}'") == [
        (address, phone)]


@pytest.mark.parametrize("record, expected", [
    ({"type": "claim_cost", "kind": "medical", "incurred_on": "2026-01-06", "receipt_ref": "R1", "amount": "0"},
     "1: amount: cost.amount_positive"),
    ({"type": "claim_cost", "kind": "medical", "incurred_on": "2026-01-06", "receipt_ref": "R1", "amount": "10",
      "days": 3}, "1: days: cost.days_only_for_meals"),
    # 9 days × 30.00 = 270.00, not 300.00
    ({"type": "claim_cost", "kind": "hospital_meal", "incurred_on": "2026-01-06", "receipt_ref": "R1",
      "amount": "300.00", "days": 9, "daily_rate": "30.00"}, "1: amount: cost.meal_amount"),
    ({"type": "claim_cost", "kind": "lunch", "incurred_on": "2026-01-06", "receipt_ref": "R1", "amount": "10"},
     "1: kind: field.choice"),
    # the ID number is a man's born 1990-02-28
    ({"type": "dependant", "name": "王五", "relation": "parent", "sex": "F", "birth_date": "1990-02-28",
      "id_number": WORKER["id_number"], "condition": "parent_of_age"}, "1: sex: person.sex_mismatch"),
    ({"type": "dependant", "name": "王五", "relation": "parent", "sex": "M", "birth_date": "1990-02-28",
      "condition": "child_under_age"}, "1: condition: dependant.condition_relation"),
    ({"type": "dependant", "name": "王五", "relation": "spouse", "sex": "M", "birth_date": "1960-02-28",
      "condition": "spouse_of_age", "ended_by": "remarriage"}, "1: ended_on: field.required"),
])
def test_costs_and_dependants_are_checked_by_their_own_rules(office, tmp_path, record, expected):
    claim_id = rows(office, "SELECT id FROM claims LIMIT 1")[0][0]
    done, _before, f = import_lines(office, tmp_path, [{**record, "claim_id": claim_id}])
    assert done.returncode == 1, done.stderr
    assert f"{f}:{expected}" in done.stderr and "Traceback" not in done.stderr
    assert rows(office, "SELECT count(*) FROM claim_costs")[0][0] == rows(office, "SELECT count(*) FROM dependants")[
        0][0] == 0


@pytest.mark.parametrize("record, expected", [
    (employer(name="Bad \ud800 name"), "2: name: field.invalid_character {'code': 'U+D800'}"),
    (employer(**{"colour\udc80": "red"}), "2: colour\\udc80: field.invalid_character {'code': 'U+DC80'}"),
    ({"type": "employer\ud800"}, "2: type: field.invalid_character"),
    ({"type": "assessment", "inputs": {"wage": ["a\x00b"]}}, "2: inputs: field.control_character"),
    ({"type": "assessment", "inputs": {"w\udfff": 1}}, "2: inputs: field.invalid_character {'code': 'U+DFFF'}"),
], ids=["value", "field-name", "type", "nul-in-json", "surrogate-in-json-key"])
def test_a_lone_surrogate_or_nul_escaped_in_a_line_is_a_line_error(office, tmp_path, record, expected):
    # json.dumps escapes them (\ud800, \u0000), as any JSON writer may: the file itself is valid UTF-8.
    raw = json.dumps(WORKER, ensure_ascii=False) + "\n" + json.dumps(record) + "\n"
    employers = rows(office, "SELECT count(*) FROM employers")  # the module's office: earlier tests add some
    done, before, f = import_lines(office, tmp_path, [], raw=raw)
    assert done.returncode == 1, done.stderr
    assert f"{f}:{expected}" in done.stderr
    assert "Traceback" not in done.stderr and "internal error" not in done.stderr.lower()
    assert rows(office, "SELECT count(*) FROM people")[0][0] == before  # nothing of the file came in
    assert rows(office, "SELECT count(*) FROM employers") == employers


def test_each_problem_is_said_once_in_words_under_its_key(office, tmp_path):
    done, before, f = import_lines(office, tmp_path, [employer(name={"zh": "x"}), WORKER, {"type": "claim"}])
    assert done.returncode == 1, done.stderr
    err = done.stderr.splitlines()
    # The key line, then its sentence with what was found (the type it got was missing: "(got %2)").
    at = err.index(f"{f}:1: name: field.type {{'expected': 'text', 'got': 'object'}}")
    assert err[at + 1] == "  name has the wrong type: text expected (got object)"
    # Two checks of the claim found its accident date missing: said once.
    assert err.count(f"{f}:3: accident_date: field.required") == 1
    assert "  accident_date is required" in err
    problems = [line for line in err if line.startswith(f"{f}:")]
    assert err[-1] == f"error: {len(problems)} problem(s); nothing was imported"
    assert rows(office, "SELECT count(*) FROM people")[0][0] == before


def test_problems_beyond_those_listed_are_counted_in_the_summary(office, tmp_path):
    done, before, f = import_lines(office, tmp_path, [], raw="{\n" * 1003)
    assert done.returncode == 1, done.stderr
    err = done.stderr.splitlines()
    assert sum(line.startswith(f"{f}:") for line in err) == 1000
    assert err[err.index(next(line for line in err if line.startswith(f"{f}:1: -: import.json"))) + 1].startswith(
        "  is not valid JSON (")  # the sentence, not "  - is not valid JSON"
    assert err[-1] == "error: 1000 problem(s) (and 3 more not listed); nothing was imported"
