"""The desktop's state hash kept as rows change (sync/kept_state.py): equal to a count over every row after pushes,
pulls and changes made outside the sync, never counting a change twice, and counted afresh when the log may have
missed one."""

from __future__ import annotations

import pytest

from injury_desk.domain.identifiers import make_credit_code
from injury_desk.protocol.messages import format_state_hash
from injury_desk.services.integrity import check_database
from injury_desk.store.quick_read import driver_connection
from injury_desk.sync import kept_state
from injury_desk.sync.engine import TABLE_ORDER
from tests.conftest import employer_data
from tests.sync.in_process import store  # noqa: F401 - store is a fixture
from tests.sync.test_state_check_busy import local_ids
from tests.sync.test_sync_engine import desks  # noqa: F401 - desks is a fixture


def new_employer(desk, n: int) -> str:
    return desk.services.employers.create(desk.actor, employer_data(
        credit_code=make_credit_code(f"9144000{n:010d}"), name=f"企业{n}", headcount=10))


def raw_sql(desk, sql: str, params: tuple = ()) -> None:
    """A change made with the key but outside the application's code (a tool, a script)."""
    con = desk.services.ctx.db.raw_connection()
    try:
        con.execute(sql, params)
    finally:
        con.close()


def log_entries(desk) -> int:
    con = desk.services.ctx.db.raw_connection()
    try:
        return con.execute("SELECT count(*) FROM state_log").fetchone()[0]
    finally:
        con.close()


def test_every_synced_table_logs_its_changes(desks):
    a = desks("a")
    con = a.services.ctx.db.raw_connection()
    try:
        assert kept_state.missing_triggers(con) == []
        names = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")}
    finally:
        con.close()
    assert len(TABLE_ORDER) == 32
    assert {f"state_log_{t}_{k}" for t in TABLE_ORDER for k in ("ai", "au", "ad")} <= names


def test_the_kept_hash_follows_pushes_and_pulls(desks):
    a, b = desks("a"), desks("b")
    first, _second = new_employer(a, 1), new_employer(a, 2)
    assert a.sync().state_ok and b.sync().state_ok
    a.services.employers.update(a.actor, first, {**employer_data(credit_code=make_credit_code("91440000000000001"),
                                                                 name="企业1"), "headcount": 99},
                                token=a.employer(first).token)
    assert a.sync().state_ok and b.sync().state_ok
    central = a.transport.state()["hash"]
    for desk in (a, b):
        # What the sync kept equals what a count over every row gives, and both equal the office's central state.
        assert desk.engine.local_state_hash() == desk.engine.counted_state_hash() == central
        assert log_entries(desk) == 0  # every logged change was folded into the kept sum
    assert b.employer(first).headcount == 99


def test_a_row_deleted_outside_the_sync_is_noticed_and_repaired(desks):
    a, b = desks("a"), desks("b")
    gone = new_employer(a, 3)
    a.sync()
    b.sync()
    raw_sql(b, "DELETE FROM employers WHERE id = ?", (gone,))
    # The log saw the delete: the kept hash is the count's, one row fewer than the central state.
    assert b.engine.local_state_hash() == b.engine.counted_state_hash() != b.transport.state()["hash"]
    assert b.engine.local_state_hash().startswith(f"{int(b.transport.state()['hash'].split(':')[0]) - 1}:")
    report = b.sync()
    assert report.repaired == 1 and report.state_ok is True
    assert gone in local_ids(b)


def test_a_count_made_while_rows_change_takes_each_change_once(desks):
    a, b = desks("a"), desks("b")
    for n in (4, 5):
        new_employer(a, n)
    a.sync()
    b.sync()
    counted = b.engine._count_state()  # a count in one snapshot, and the log's last entry in it
    # A change lands after that snapshot (another process of this desktop): its entry comes after the count's.
    raw_sql(b, "UPDATE employers SET version = version + 100 WHERE id = (SELECT min(id) FROM employers"
               " WHERE version > 0 AND office_id = ?)", (b.engine.office_id,))
    with b.services.ctx.db.write_pulled(None, "test.fold") as s:
        kept = kept_state.fold(driver_connection(s), b.engine.office_id, counted)
    assert format_state_hash(*kept) == b.engine.counted_state_hash() == b.engine.local_state_hash()
    assert log_entries(b) == 0


def test_a_fold_rolled_back_leaves_the_log_to_fold_again(desks):
    a, b = desks("a"), desks("b")
    new_employer(a, 6)
    a.sync()
    b.sync()
    before = b.engine.local_state_hash()
    new_employer(a, 7)
    a.sync()
    b.engine.pull(b.transport)  # b's log holds the new row's insert
    entries = log_entries(b)
    assert entries >= 1
    with pytest.raises(RuntimeError):
        with b.services.ctx.db.write_pulled(None, "test.fold") as s:
            kept_state.fold(driver_connection(s), b.engine.office_id)
            raise RuntimeError("power cut")
    assert log_entries(b) == entries  # nothing folded, nothing lost
    after = b.engine.local_state_hash()
    assert after != before and after == b.engine.counted_state_hash() == b.transport.state()["hash"]


def test_a_change_the_log_missed_is_found_by_the_daily_count_and_by_check(desks, monkeypatch):
    a, b = desks("a"), desks("b")
    gone = new_employer(a, 8)
    a.sync()
    b.sync()
    # Someone with the key drops a trigger and deletes a row: the log never hears of it.
    raw_sql(b, "DROP TRIGGER state_log_employers_ad")
    raw_sql(b, "DELETE FROM employers WHERE id = ?", (gone,))
    problems = check_database(b.services.ctx.db).problems
    assert any("state_log_employers_ad is missing" in p for p in problems), problems
    assert b.engine.local_state_hash() == b.transport.state()["hash"]  # the kept sum cannot know
    assert b.engine.counted_state_hash() != b.transport.state()["hash"]
    # A day later the kept sum is counted afresh: the sync sees the difference and fetches the row again.
    later = kept_state.time.time() + kept_state.RECOUNT_S

    class Clock:
        @staticmethod
        def time() -> float:
            return later

    monkeypatch.setattr(kept_state, "time", Clock)
    report = b.sync()
    assert report.repaired == 1 and report.state_ok is True
    assert gone in local_ids(b)


def setting(desk, key: str) -> str | None:
    con = desk.services.ctx.db.raw_connection()
    try:
        row = con.execute("SELECT value FROM local_settings WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None
    finally:
        con.close()


def test_a_first_pull_writes_without_the_log_and_puts_its_triggers_back(desks):
    a, b = desks("a"), desks("b")
    for n in (9, 10, 11):
        new_employer(a, n)
    a.sync()
    # Nothing kept, as on the first pull of a desktop just enrolled (the fixture's enrolment pulled its office).
    raw_sql(b, "DELETE FROM local_settings WHERE key = ?", (kept_state.KEPT_KEY,))
    paused = int(setting(b, kept_state.PAUSED_KEY) or 0)
    report = b.engine.pull(b.transport)
    assert report.pulled >= 3
    # The pull wrote its rows with the log off (a count follows anyway) and put every trigger back.
    assert log_entries(b) == 0 and setting(b, kept_state.PAUSED_KEY) == str(paused + 1)
    con = b.services.ctx.db.raw_connection()
    try:
        assert kept_state.missing_triggers(con) == []
    finally:
        con.close()
    central = b.transport.state()["hash"]
    assert b.engine.local_state_hash() == b.engine.counted_state_hash() == central
    # From now on a sum is kept, and the next pull logs what it writes for the fold.
    new_employer(a, 12)
    a.sync()
    b.engine.pull(b.transport)
    assert log_entries(b) >= 1 and setting(b, kept_state.PAUSED_KEY) == str(paused + 1)
    assert b.engine.local_state_hash() == b.engine.counted_state_hash() == b.transport.state()["hash"]


def test_a_count_made_before_a_pull_without_the_log_is_not_kept(desks):
    a, b = desks("a"), desks("b")
    new_employer(a, 13)
    a.sync()
    raw_sql(b, "DELETE FROM local_settings WHERE key = ?", (kept_state.KEPT_KEY,))  # nothing kept
    counted = b.engine._count_state()  # another process counts the new desktop's rows: none yet
    new_employer(a, 14)
    a.sync()
    b.engine.pull(b.transport)  # nothing kept: written without the log, after the count's snapshot
    with b.services.ctx.db.write_pulled(None, "test.fold") as s:
        kept_state.fold(driver_connection(s), b.engine.office_id, counted)
    # The count lacks the pulled rows and the log cannot supply them: it must not become the kept sum.
    assert setting(b, kept_state.KEPT_KEY) is None
    assert b.engine.local_state_hash() == b.engine.counted_state_hash() == b.transport.state()["hash"]
    assert b.engine.counted_state_hash().split(":")[0] == b.transport.state()["hash"].split(":")[0] != "0"


def test_a_pull_without_the_log_rolled_back_leaves_every_trigger(desks, monkeypatch):
    a, b = desks("a"), desks("b")
    first = new_employer(a, 15)
    a.sync()
    raw_sql(b, "DELETE FROM local_settings WHERE key = ?", (kept_state.KEPT_KEY,))  # nothing kept
    paused = setting(b, kept_state.PAUSED_KEY)

    def power_cut(_s, _ids):
        raise RuntimeError("power cut")

    monkeypatch.setattr(b.engine, "after_pull", power_cut)  # fails after the rows were written
    with pytest.raises(RuntimeError):
        b.engine.pull(b.transport)
    con = b.services.ctx.db.raw_connection()
    try:
        assert kept_state.missing_triggers(con) == []
        assert con.execute("SELECT count(*) FROM employers WHERE id = ?", (first,)).fetchone()[0] == 0
    finally:
        con.close()
    assert setting(b, kept_state.PAUSED_KEY) == paused  # the whole transaction was undone
    monkeypatch.undo()
    assert b.sync().state_ok and b.employer(first) is not None


def test_a_pull_when_the_daily_count_is_due_drops_the_kept_sum_and_the_count_takes_its_rows(desks, monkeypatch):
    a, b = desks("a"), desks("b")
    new_employer(a, 16)
    a.sync()
    assert b.sync().state_ok and setting(b, kept_state.KEPT_KEY) is not None
    new_employer(a, 17)
    a.sync()
    later = kept_state.time.time() + kept_state.RECOUNT_S

    class Clock:
        @staticmethod
        def time() -> float:
            return later

    monkeypatch.setattr(kept_state, "time", Clock)  # a day on: the kept sum is due to be counted
    b.engine.pull(b.transport)
    # Written without the log, and the old sum gone with it (no process may fold the log into it any more).
    assert log_entries(b) == 0 and setting(b, kept_state.KEPT_KEY) is None
    monkeypatch.undo()  # even with the clock back, there is nothing left to fold into: the next check counts
    assert b.engine.local_state_hash() == b.engine.counted_state_hash() == b.transport.state()["hash"]
