"""A pull fills the claims list in bulk: claims it inserts get their list rows (and full-text entries) in one
statement at the end of each local transaction, their row-by-row trigger suspended meanwhile. After every
transaction it commits, each pulled claim is listed and found by its worker's name, with its final deadline;
afterwards the trigger is back, so a claim saved on the desktop is listed as before. The pulled rows' audit
records, made from the values bound instead of read back, pass `injury-desk check` (the desktops fixture checks
every desktop at the end) and still catch a row changed behind the application's back."""

from __future__ import annotations

from datetime import date

from sqlalchemy import text

from injury_desk.domain.identifiers import make_resident_id
from injury_desk.services.integrity import check_database
from injury_desk.sync import engine as sync_engine
from tests.conftest import claim_draft, worker_data

NAMES = ["欧阳娜娜", "司马相如", "诸葛明"]


def listed(d) -> dict[str, tuple]:
    with d.db.read() as s:
        return {r[0]: tuple(r[1:]) for r in s.execute(text(
            "SELECT claim_id, worker_name, next_deadline FROM claim_list"))}


def found(d, name: str) -> list[str]:
    with d.db.read() as s:
        return [r[0] for r in s.execute(text(
            "SELECT l.claim_id FROM claim_list_fts f JOIN claim_list l ON l.rid = f.rowid"
            " WHERE claim_list_fts MATCH :q"), {"q": f'"{name}"'})]


def trigger_sql(d) -> str | None:
    with d.db.read() as s:
        return s.scalar(text("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'claims_list_ai'"))


def test_each_pull_transaction_commits_its_claims_listed_and_searchable(central, desktops, monkeypatch):
    central.add_office("GZ01")
    a = desktops(central, "GZ01", "a")
    b = desktops(central, "GZ01", "b")
    claims = {}
    for i, name in enumerate(NAMES):
        worker = worker_data(name=name, id_number=make_resident_id("110105", date(1980, 1, 1 + i), 10 + 2 * i, "F"))
        claims[name] = a.services.claims.create(a.actor, claim_draft(worker=worker))
    a.services.claims.accept(a.actor, claims[NAMES[0]], {"accepted_on": "2026-11-11"})
    assert a.services.sync.sync_now(a.actor).state_ok
    want = listed(a)
    assert len(want) == 3 and want[claims[NAMES[0]]][1] is not None  # the accepted claim waits for its decision
    trigger = trigger_sql(b)
    assert trigger is not None

    # Every part its own transaction: between two of them, whatever is committed must be whole.
    monkeypatch.setattr(sync_engine, "PART_ROWS", 1)
    monkeypatch.setattr(sync_engine, "GROUP_HOLD_S", 0.0)
    seen: list[dict[str, tuple]] = []
    between = b.db.let_writers_in

    def committed(longest: float, pause: float) -> None:
        with b.db.read() as s:
            present = {r[0] for r in s.execute(text(
                "SELECT c.id FROM claims c JOIN people p ON p.id = c.worker_id"
                " JOIN employers e ON e.id = c.employer_id"))}
        now = listed(b)
        assert set(now) == present, "a committed claim is missing from the claims list"
        for cid in present:
            name = now[cid][0]
            assert found(b, name) == [cid], f"{name} is listed but not found by a search"
        assert trigger_sql(b) == trigger, "the list trigger is missing between two transactions"
        seen.append(now)
        between(longest, pause)

    monkeypatch.setattr(b.db, "let_writers_in", committed)
    report = b.services.sync.sync_now(b.actor)
    assert report.state_ok
    assert len(seen) >= 3 and any(len(s) < 3 for s in seen)  # really several transactions, claims among them
    assert listed(b) == want  # names and deadlines as the desktop that made them shows them
    for name, cid in claims.items():
        assert found(b, name) == [cid]
    assert trigger_sql(b) == trigger

    # The trigger is back: a claim saved here is listed at once.
    worker = worker_data(name="上官婉儿", id_number=make_resident_id("110105", date(1990, 5, 5), 20, "F"))
    mine = b.services.claims.create(b.actor, claim_draft(worker=worker))
    assert found(b, "上官婉儿") == [mine]


def test_a_pulled_row_changed_behind_the_applications_back_is_reported(central, desktops):
    central.add_office("GZ01")
    a = desktops(central, "GZ01", "a")
    b = desktops(central, "GZ01", "b")
    claim_id = a.services.claims.create(a.actor, claim_draft())
    assert a.services.sync.sync_now(a.actor).state_ok
    assert b.services.sync.sync_now(b.actor).state_ok
    assert check_database(b.db).ok
    con = b.db.raw_connection()
    try:
        con.execute("UPDATE claims SET diagnosis = '无' WHERE id = ?", (claim_id,))
        con.commit()
    finally:
        con.close()
    b.tampered = True
    problems = check_database(b.db).problems
    assert any("claims" in p and claim_id in p for p in problems), problems


def test_a_row_sent_twice_in_a_page_is_recorded_as_it_is_stored(tmp_path, monkeypatch):
    """A row whose later copy shares a savepoint with a row the upsert kept out (a newer copy is stored) is read
    back for its record; the values bound for its earlier copy are not what is stored."""
    from bench._sync_data import session_values
    from injury_desk.store.database import open_database
    from injury_desk.sync.engine import SyncEngine

    office_id = "0c6f7a52-6a3e-4d0b-9a57-4b1d8f0a1e01"

    def page(cursor: int, *rows: tuple[int, int, str]) -> dict:
        values = []
        for n, version, topic in rows:
            row = {**session_values(n, office_id, None), "version": version, "topic": topic,
                   "updated_at": "2026-11-28T09:00:00.123456+00:00", "updated_by": None}
            values.append(list(row.values()))
        return {"cursor": cursor, "more": False, "tables": [{"table": "training_sessions", "columns": list(row),
                                                             "rows": values}]}

    monkeypatch.setattr(sync_engine, "SAVEPOINT_ROWS", 2)
    db = open_database(tmp_path / "desk")
    try:
        engine = SyncEngine(db, office_id)
        engine.apply_pull_page(page(1, (3, 5, "newer here")))
        # X at version 1 and another row: both written; then X at version 2 with row 3 at version 1, which the
        # stored version 5 keeps out, so that savepoint is not written whole.
        engine.apply_pull_page(page(2, (1, 1, "first copy"), (2, 1, "other"), (1, 2, "second copy"),
                                    (3, 1, "older")))
        con = db.raw_connection()
        try:
            topics = dict(con.execute("SELECT version, topic FROM training_sessions ORDER BY version"))
        finally:
            con.close()
        assert topics == {1: "other", 2: "second copy", 5: "newer here"}
        # (the sessions' office was never pulled here: only what the audit says counts)
        audit = [p for p in check_database(db).problems if not p.startswith("foreign key")]
        assert audit == []
    finally:
        db.dispose()
