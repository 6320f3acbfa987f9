"""The Sync page names each waiting record as a caseworker knows it (store.quick_sync.record_names): checked on the
demo database for every table it names, against the record walked up to its claim, person or employer one step
at a time; rows that are gone and tables without a name are left out; more ids than one query binds are named."""

from __future__ import annotations

import pytest

from injury_desk.services.demo import build_demo
from injury_desk.store.database import open_database
from injury_desk.store.quick_sync import NAME_QUERIES, record_names


def _one(con, sql: str, *params):
    row = con.execute(sql, params).fetchone()
    return None if row is None else row[0]


def _claim_no(con, claim_id):
    return _one(con, "SELECT claim_no FROM claims WHERE id = ?", claim_id)


def _case_claim_no(con, case_id):
    return _claim_no(con, _one(con, "SELECT claim_id FROM rehab_cases WHERE id = ?", case_id))


def _plan_claim_no(con, plan_id):
    return _case_claim_no(con, _one(con, "SELECT case_id FROM rehab_plans WHERE id = ?", plan_id))


def _goal_claim_no(con, goal_id):
    return _plan_claim_no(con, _one(con, "SELECT plan_id FROM rehab_goals WHERE id = ?", goal_id))


def _employer(con, table, row_id):
    return _one(con, "SELECT name FROM employers WHERE id = ?",
                _one(con, f"SELECT employer_id FROM {table} WHERE id = ?", row_id))


# How a caseworker names a row of each table, one step at a time.
EXPECTED = {
    "claims": lambda con, i: _claim_no(con, i),
    "people": lambda con, i: _one(con, "SELECT name FROM people WHERE id = ?", i),
    "employers": lambda con, i: _one(con, "SELECT name FROM employers WHERE id = ?", i),
    **{t: (lambda table: lambda con, i: _claim_no(con, _one(con, f"SELECT claim_id FROM {table} WHERE id = ?", i)))(t)
       for t in ("determinations", "appraisals", "wage_records", "assessments", "payments")},
    "rehab_cases": lambda con, i: _case_claim_no(con, i),
    "rehab_plans": lambda con, i: _plan_claim_no(con, i),
    "rehab_sessions": lambda con, i: _plan_claim_no(con, _one(con, "SELECT plan_id FROM rehab_sessions WHERE id = ?", i)),
    "rehab_goals": lambda con, i: _goal_claim_no(con, i),
    "rehab_measurements": lambda con, i: _goal_claim_no(
        con, _one(con, "SELECT goal_id FROM rehab_measurements WHERE id = ?", i)),
    "inspections": lambda con, i: _employer(con, "inspections", i),
    "incidents": lambda con, i: _employer(con, "incidents", i),
    "training_sessions": lambda con, i: _one(con, "SELECT topic FROM training_sessions WHERE id = ?", i),
    "attachments": lambda con, i: _one(con, "SELECT file_name FROM attachments WHERE id = ?", i),
    "users": lambda con, i: _one(con, "SELECT display_name FROM users WHERE id = ?", i),
    "offices": lambda con, i: _one(con, "SELECT name FROM offices WHERE id = ?", i),
}


@pytest.fixture(scope="module")
def con(tmp_path_factory):
    db = open_database(tmp_path_factory.mktemp("names") / "demo", purpose="demo")
    build_demo(db, claims=300)
    con = db.raw_connection()
    yield con
    con.close()
    db.dispose()


def test_every_named_table_is_named_as_its_record_says(con):
    assert set(EXPECTED) == set(NAME_QUERIES)
    keys, want = [], {}
    for table, expected in EXPECTED.items():
        ids = [r[0] for r in con.execute(f"SELECT id FROM {table} ORDER BY id LIMIT 3")]
        for row_id in ids:
            keys.append((table, row_id))
            name = expected(con, row_id)
            if name:
                want[(table, row_id)] = str(name)
    named_tables = {t for t, _ in want}
    # the demo holds rows of nearly every table: the check is not an empty one
    assert len(named_tables) >= 15, named_tables
    keys += [("people", "gone-row"), ("outbox", "1"), ("claims", keys[0][1])]  # gone, unnamed, repeated
    assert record_names(con, keys) == want


def test_more_ids_than_one_query_binds_are_all_named(con):
    ids = [r[0] for r in con.execute("SELECT id FROM payments ORDER BY id")]
    assert len(ids) > 900  # MAX_BOUND_IDS: the names come from several queries
    names = record_names(con, [("payments", i) for i in ids])
    assert len(names) == len(ids)
    sample = ids[950]
    assert names[("payments", sample)] == EXPECTED["payments"](con, sample)
