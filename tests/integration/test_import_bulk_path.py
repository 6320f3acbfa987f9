"""The import's bulk path (issue 13, speed) changes nothing a user sees: the claims list and its full-text
search hold every imported claim with its final values and deadline, the list's trigger is back after a
good, a refused and a cancelled import, and each row's audit record made from the values in hand is the
one `check` recomputes from the row as stored, also when SQLite stores a value otherwise than it was bound."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from injury_desk.domain.deadlines import next_deadline
from injury_desk.domain.identifiers import make_credit_code
from injury_desk.services.claim_facts import facts_for
from injury_desk.services.integrity import check_database
from injury_desk.services.transfer import ImportFailed, TransferCancelled
from injury_desk.store.audit_records import contents_as_bound
from injury_desk.store.capture import insert_captured
from injury_desk.store.models import Employer

CODE = "91350100M000100Y43"
PEOPLE = ["110105199002281234", "11010519491231002X", "110105198001010016"]
LIST_SQL = ("SELECT c.id, c.office_id, c.claim_no, p.name, p.id_number, e.name, c.accident_date, c.status,"
            " c.next_deadline, c.assigned_to, c.deleted FROM claims c JOIN people p ON p.id = c.worker_id"
            " JOIN employers e ON e.id = c.employer_id ORDER BY c.id")


def write(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


def office_file(tmp_path: Path) -> Path:
    """Two claims: one that only reports an accident, one decided two lines later (its deadline moves on)."""
    return write(tmp_path / "office.jsonl", [
        {"type": "employer", "credit_code": CODE, "name": "福州测试机械有限公司", "risk_class": 3},
        {"type": "person", "id_number": PEOPLE[0], "name": "王五"},
        {"type": "person", "id_number": PEOPLE[1], "name": "赵小六"},
        {"type": "claim", "id": "00000000-0000-4000-8000-000000000001", "worker_id_number": PEOPLE[0],
         "employer_credit_code": CODE, "accident_date": "2026-11-01", "accident_place": "车间",
         "circumstances": "压伤", "body_parts": "右手", "diagnosis": "骨折"},
        {"type": "claim", "id": "00000000-0000-4000-8000-000000000002", "worker_id_number": PEOPLE[1],
         "employer_credit_code": CODE, "accident_date": "2026-10-01", "accident_place": "车间",
         "circumstances": "跌落", "body_parts": "左腿", "diagnosis": "骨折", "status": "determination",
         "applicant_type": "employer", "application_received_on": "2026-10-05", "accepted_on": "2026-10-06"},
        {"type": "determination", "claim_id": "00000000-0000-4000-8000-000000000002", "outcome": "recognised",
         "decided_on": "2026-11-20", "basis": "第十四条第（一）项", "decision_no": "榕人社工认〔2026〕7号"},
        {"type": "person", "id_number": PEOPLE[2], "name": "李小七"},
        {"type": "claim", "id": "00000000-0000-4000-8000-000000000003", "worker_id_number": PEOPLE[2],
         "employer_credit_code": CODE, "accident_date": "2026-09-01", "accident_place": "车间",
         "circumstances": "跌落", "body_parts": "左腿", "diagnosis": "骨折", "status": "determination",
         "applicant_type": "employer", "application_received_on": "2026-09-05", "accepted_on": "2026-09-06"},
        # a pause of the decision's clock (Art. 20 para. 3) in a later line: the claim's deadline moves with it
        {"type": "determination_suspension", "claim_id": "00000000-0000-4000-8000-000000000003",
         "started_on": "2026-09-20", "ended_on": "2026-10-20", "reason": "等待职业病诊断"},
    ])


def list_trigger(db) -> str | None:
    con = db.raw_connection()
    try:
        row = con.execute("SELECT sql FROM sqlite_master WHERE name = 'claims_list_ai'").fetchone()
        return row and row[0]
    finally:
        con.close()


def test_imported_claims_are_in_the_list_with_their_final_deadline_and_found_by_search(services, sup, db, tmp_path):
    trigger = list_trigger(db)
    assert trigger is not None
    services.transfer.import_jsonl(sup, office_file(tmp_path))
    con = db.raw_connection()
    try:
        expected = con.execute(LIST_SQL).fetchall()
        listed = con.execute("SELECT claim_id, office_id, claim_no, worker_name, id_number, employer_name,"
                             " accident_date, status, next_deadline, assigned_to, deleted FROM claim_list"
                             " ORDER BY claim_id").fetchall()
        found = con.execute("SELECT l.claim_id FROM claim_list_fts f JOIN claim_list l ON l.rid = f.rowid"
                            " WHERE claim_list_fts MATCH '赵小六'").fetchall()
        stored = dict(con.execute("SELECT id, next_deadline FROM claims").fetchall())
    finally:
        con.close()
    assert len(expected) == 3 and listed == expected  # as the row-by-row trigger would have made them
    assert found == [("00000000-0000-4000-8000-000000000002",)]
    with db.read() as s:
        facts = facts_for(s, list(stored))
    for claim_id, due in stored.items():  # the deadline a service computes from every record the claim has
        dl = next_deadline(facts[claim_id])
        assert due == (dl.due.isoformat() if dl else None)
    # The decided claim's deadline is no longer the one its claim line alone gave (the decision moved it on).
    assert stored["00000000-0000-4000-8000-000000000002"] != stored["00000000-0000-4000-8000-000000000001"]
    assert list_trigger(db) == trigger
    assert check_database(db).ok, check_database(db).problems


def test_the_list_trigger_is_back_after_a_refused_and_a_cancelled_import(services, sup, db, tmp_path):
    trigger = list_trigger(db)
    bad = write(tmp_path / "bad.jsonl", [{"type": "person", "id_number": PEOPLE[0], "name": "王五"},
                                         {"type": "person", "id_number": "110105199002281235", "name": "x"}])
    with pytest.raises(ImportFailed):
        services.transfer.import_jsonl(sup, bad)
    assert list_trigger(db) == trigger
    big = write(tmp_path / "big.jsonl", [  # more than one chunk of lines: the cancel is asked after the first
        {"type": "employer", "credit_code": make_credit_code(f"91350100MA{i:07d}"), "name": f"企业{i}", "risk_class": 3}
        for i in range(2_100)])
    with pytest.raises(TransferCancelled):
        services.transfer.import_jsonl(sup, big, cancelled=lambda: True)
    assert list_trigger(db) == trigger
    # A claim saved afterwards through the services reaches the list by the trigger, as always.
    from tests.conftest import claim_draft

    services.claims.create(sup, claim_draft())
    con = db.raw_connection()
    try:
        assert con.execute("SELECT count(*) FROM claim_list").fetchone()[0] == 1
    finally:
        con.close()


def test_a_value_sqlite_stores_otherwise_than_bound_is_read_back_for_its_record(db, sup):
    # An integer bound to a text column is stored as text: made from the bound int, its record would not match
    # the row; the bulk path reads such a row back, so `check` still finds every row as its record says.
    rows = [{"office_id": sup.office_id, "name": 12345, "credit_code": "91350100M000100Y43", "risk_class": 3},
            {"office_id": sup.office_id, "name": "福州测试机械有限公司", "credit_code": "91350100M000200Y43",
             "risk_class": 3}]
    with db.write(sup, "test.bulk") as s:
        insert_captured(s, Employer, rows)
    con = db.raw_connection()
    try:
        assert con.execute("SELECT typeof(name) FROM employers WHERE credit_code = ?", (CODE,)).fetchone() == ("text",)
    finally:
        con.close()
    assert check_database(db).ok, check_database(db).problems


def test_bound_values_stand_for_the_stored_row_only_where_sqlite_keeps_them():
    names = ("office_id", "deleted", "name", "credit_code", "industry", "risk_class", "headcount", "address",
             "contact_name", "contact_phone", "insured", "insured_from", "insured_to")
    cover = [1, None, None]  # insured, open dates (issue 15)
    row = ["o", 0, "名", CODE, "", 3, 0, "", "", ""] + cover
    # in the order of the record's columns (audit_records.audited_columns), whatever order they were bound in
    assert contents_as_bound("employers", names, [row]) == [("名", CODE, "", 3, 0, "", "", "", 1, None, None, 0,
                                                             "o")]
    assert contents_as_bound("employers", names, [["o", 0, 7, CODE, "", 3, 0, "", "", ""] + cover]) == [
        None]  # int as text
    assert contents_as_bound("employers", names, [["o", True, "名", CODE, "", 3, 0, "", "", ""] + cover]) == [
        None]  # bool
    assert contents_as_bound("employers", names, [["o", 0, "名", CODE, "", "3", 0, "", "", ""] + cover]) == [None]
    # A date column has NUMERIC affinity: a date as text stays text; text that reads as a number does not.
    inc = ("office_id", "deleted", "employer_id", "person_id", "kind", "occurred_on", "place", "description",
           "days_lost")
    assert contents_as_bound("incidents", inc, [["o", 0, "e", None, "accident", date(2026, 1, 5).isoformat(), "",
                                                  "", 0]])[0] is not None
    assert contents_as_bound("incidents", inc, [["o", 0, "e", None, "accident", "20260105", "", "", 0]]) == [None]
    # Many rows at once: only the rows whose text reads as a number are read back, wherever they sit; a text
    # whose pieces around a NUL read as numbers is not one.
    days = ["2026-01-05", " 1e5 ", "2026-01-06", "0x1F", "1\x002", "-inf", "2026-01-07", ".5"]
    got = contents_as_bound("incidents", inc, [["o", 0, "e", None, "accident", d, "", "", 0] for d in days])
    assert [c is None for c in got] == [False, True, False, True, False, True, False, True]
    # A column left out of the insert gets SQLite's default: such rows are read back.
    assert contents_as_bound("employers", names[:-1], [row[:-1]]) == [None]
