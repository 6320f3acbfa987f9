"""Pull pages: the payload stored with each feed entry equals the row read back and encoded, for every column
type; a desktop applies a columnar page and refuses a malformed one."""

from __future__ import annotations

import base64
import json
import uuid
from datetime import datetime

import pytest
from sqlalchemy import JSON, Boolean, Date, Integer, LargeBinary, String, select, update

from injury_desk.central import accounts
from injury_desk.central.office_log import OfficeLog
from injury_desk.central.pull import page_since
from injury_desk.central.central_db import CentralStore, migrate
from injury_desk.central.tables import feed, synced_tables
from injury_desk.store.base import UTCDateTime
from tests.support.postgres import fresh_database

TRICKY = '甲乙 "quoted" \\ back\nline\ttab \u2028 ☃ '
STAMPS = ["2026-11-28T09:00:00.123456+00:00", "2026-02-28T23:59:59+00:00"]  # with and without microseconds


def _value(column, n: int):
    t = column.type
    if column.name == "role":
        return "caseworker"
    if column.name == "nursing_level":
        return "none"
    if (column.table.name, column.name) == ("prevention_spends", "kind"):
        return "project"  # its CHECK allows project or publicity only
    checked = {("dependants", "relation"): "child", ("dependants", "sex"): "F", ("dependants", "ended_by"): "death",
               ("claim_costs", "kind"): "medical", ("claim_costs", "payer"): "fund",
               ("claim_costs", "status"): "approved",
               ("fund_advances", "kind"): "advance", ("missing_workers", "circumstance"): "rescue",
               ("missing_workers", "outcome"): "reappeared"}  # values their CHECK constraints allow
    if (column.table.name, column.name) in checked and not (n == 1 and column.nullable):
        return checked[(column.table.name, column.name)]
    if n == 1 and column.nullable:
        return None  # the second row has every nullable column empty
    if isinstance(t, UTCDateTime):
        return STAMPS[n]
    if isinstance(t, Date):
        return "2024-02-29"
    if isinstance(t, Boolean):
        return n == 0
    if isinstance(t, Integer):
        return 3
    if isinstance(t, LargeBinary):
        return base64.b64encode(bytes(range(256)) * 3).decode()  # long enough for PostgreSQL to wrap lines
    if isinstance(t, JSON):
        return {"名": [1, "二", None, True, {"x": "\n"}], "n": n}
    if isinstance(t, String):
        return (f"{n}-{column.name}-" + TRICKY)[: t.length or 200]
    raise AssertionError(f"no test value for {column}")


def _tables(page) -> list[tuple[str, list[str], list[list]]]:
    """(table, columns, rows) of a page, read from the reply's body as a desktop reads it."""
    return [(t["table"], t["columns"], t["rows"]) for t in json.loads(page.body())["tables"]]


def _rows(page) -> dict[str, list[dict]]:
    out = {}
    for name, columns, rows in _tables(page):
        decoded = [dict(zip(columns, r)) for r in rows]
        for row in decoded:
            for key, value in row.items():
                if isinstance(value, str) and len(value) >= 25 and value[10:11] == "T" and value.endswith("+00:00"):
                    row[key] = datetime.fromisoformat(value)  # the same instant may be written with or without .000000
        out[name] = sorted(decoded, key=lambda r: r["id"])
    return out


@pytest.mark.slow
@pytest.mark.postgres
def test_feed_payloads_equal_the_stored_rows_for_every_column_type():
    with fresh_database() as (admin_url, _service_url):
        migrate(admin_url)
        store = CentralStore(admin_url)
        try:
            office_id = accounts.add_office(store, "GZ01", "广州")
            with store.transaction(office_id) as conn:
                # Foreign keys are not what this test is about: every table gets rows of its own.
                conn.exec_driver_sql("SET LOCAL session_replication_role = replica")
                log = OfficeLog(conn, office_id)
                for table in synced_tables():
                    if table.name == "offices":
                        continue
                    for n in (0, 1):
                        row = {c.name: _value(c, n) for c in table.columns}
                        row.update(id=str(uuid.uuid4()), office_id=office_id, version=log.next_version(),
                                   deleted=False)
                        log.stage_row(table.name, row, inserted=True)
                log.flush()
            with store.transaction(office_id, write=False) as conn:
                by_database = page_since(conn, office_id, 0, 5000)
                conn.execute(update(feed).values(payload=None))  # as entries written before c0005
                by_service = page_since(conn, office_id, 0, 5000)
        finally:
            store.dispose()
    assert [(n, c) for n, c, _r in _tables(by_database)] == [(n, c) for n, c, _r in _tables(by_service)]
    assert len(_tables(by_database)) == len(synced_tables())
    decoded = _rows(by_database)
    assert decoded == _rows(by_service)
    attachment = decoded["attachments"][0]
    assert base64.b64decode(attachment["content"]) == bytes(range(256)) * 3
    assert decoded["assessments"][0]["inputs"]["名"][1] == "二"
    assert by_database.cursor == by_service.cursor and not by_database.more
    # Both ways, timestamps travel in the one UTC form with microseconds that desktops store directly.
    for page in (by_database, by_service):
        sessions = next(rows for name, _c, rows in _tables(page) if name == "training_sessions")
        columns = next(c for name, c, _r in _tables(page) if name == "training_sessions")
        assert sorted(r[columns.index("updated_at")] for r in sessions) == [
            "2026-02-28T23:59:59.000000+00:00", "2026-11-28T09:00:00.123456+00:00"]


def _session_page(cursor: int, **change) -> dict:
    from bench._sync_data import session_values

    office_id = "0c6f7a52-6a3e-4d0b-9a57-4b1d8f0a1e01"
    row = {**session_values(1, office_id, None), "version": cursor, "updated_at": STAMPS[0], "updated_by": None}
    columns = list(row)
    values = [row[c] for c in columns]
    table = {"table": "training_sessions", "columns": columns, "rows": [values]}
    table.update(change)
    return {"cursor": cursor, "more": False, "tables": [table]}, row


def test_a_desktop_applies_a_columnar_page_and_refuses_a_malformed_one(tmp_path):
    import pytest

    from injury_desk.store.database import open_database
    from injury_desk.sync.engine import SyncEngine
    from injury_desk.sync.errors import SyncError

    db = open_database(tmp_path / "desk")
    try:
        engine = SyncEngine(db, "0c6f7a52-6a3e-4d0b-9a57-4b1d8f0a1e01")
        page, row = _session_page(7)
        engine.apply_pull_page(page)
        con = db.raw_connection()
        stored = con.execute("SELECT topic, held_on, updated_at, cost_fen, deleted FROM training_sessions"
                             " WHERE id = ?", (row["id"],)).fetchone()
        assert stored == (row["topic"], row["held_on"], "2026-11-28 09:00:00.123456", row["cost_fen"], 0)
        assert engine.cursor() == 7

        bad_pages = [
            _session_page(9, rows=[[1, 2, 3]])[0],  # a row shorter than its columns
            _session_page(9, columns=["id"] + page["tables"][0]["columns"][2:])[0],  # a column missing
            _session_page(9, table="no_such_table")[0],
            # a row SQLite refuses (held back as drift), then a row with a value of the wrong kind
            _session_page(9, rows=[[None if c == "topic" else ("x1" if c == "id" else v) for c, v in row.items()],
                                   [{"a": 1} if c == "trainer" else v for c, v in row.items()]])[0],
            {"cursor": 9, "more": False, "tables": "not a list"},
        ]
        for bad in bad_pages:
            with pytest.raises(SyncError) as caught:
                engine.apply_pull_page(bad)
            assert caught.value.key == "sync.bad_reply"
            assert engine.cursor() == 7  # nothing moved
        assert con.execute("SELECT count(*) FROM training_sessions").fetchone() == (1,)
        con.close()
    finally:
        db.dispose()


class _BreaksOff:
    """The desktop's transport, with its ``n``-th pull request lost on the network."""

    def __init__(self, real, n: int) -> None:
        self.real = real
        self.n = n
        self.calls = 0

    def pull(self, cursor: int, limit: int):
        from injury_desk.sync.errors import SyncError

        self.calls += 1
        if self.calls == self.n:
            raise SyncError("sync.network", retryable=True)
        return self.real.pull(cursor, limit)


def test_a_pull_broken_off_keeps_the_pages_it_applied_and_resumes_from_its_cursor(central, desktops, monkeypatch):
    import pytest

    import injury_desk.sync.engine as engine_module
    from injury_desk.store.models import Employer
    from injury_desk.sync.errors import SyncError
    from tests.sync.test_network_faults import new_employer

    central.add_office("GZ01")
    a = desktops(central, "GZ01", "a")
    b = desktops(central, "GZ01", "b")
    made = {new_employer(a, n) for n in range(12)}
    a.services.sync.sync_now(a.actor)

    # Pages of two rows; they arrive while the one before is applied, so several share a transaction.
    monkeypatch.setattr(engine_module, "FIRST_PAGE_SIZE", 2)
    monkeypatch.setattr(engine_module, "PAGE_SIZE", 2)
    engine = b.services.sync.engine_for(b.actor)
    transport = b.services.sync._transport()
    with pytest.raises(SyncError):
        engine.pull(_BreaksOff(transport, 4))

    def pulled() -> set[str]:
        with b.db.read() as s:
            return set(s.scalars(select(Employer.id))) & made

    assert len(pulled()) == 6  # the three pages before the lost request were committed with their cursor
    assert engine.cursor() > 0
    engine.pull(transport)
    assert pulled() == made
    assert engine.check_state(transport, repair=False).state_ok


def test_a_date_sent_in_another_iso_form_reaches_other_desktops_as_stored(central, desktops):
    """2026-01-01 sent as 20260101 (ISO 8601's basic form, which the service accepts) is stored as a date
    centrally and must travel as the stored date, not as the text that came in."""
    from datetime import date

    from injury_desk.store.database import ActorContext
    from injury_desk.store.models import TrainingSession

    central.add_office("GZ01")
    a = desktops(central, "GZ01", "a")
    b = desktops(central, "GZ01", "b")
    office_id = a.services.sync.engine_for(a.actor).office_id
    rid = str(uuid.uuid4())
    with a.db.write(ActorContext(a.actor.user_id, office_id), "test.insert") as s:
        s.add(TrainingSession(id=rid, office_id=office_id, topic="高处作业", held_on=date(2026, 1, 1), trainer="王",
                              attendee_count=3, attendee_names="甲", cost_fen=100))
    con = a.db.raw_connection()
    changes = json.loads(con.execute("SELECT changes FROM outbox WHERE row_id = ?", (rid,)).fetchone()[0])
    changes["held_on"] = [None, "20260101"]
    con.execute("UPDATE outbox SET changes = ? WHERE row_id = ?", (json.dumps(changes), rid))
    con.commit()
    con.close()
    a.services.sync.sync_now(a.actor)
    b.services.sync.sync_now(b.actor)
    with b.db.read() as s:
        assert s.get(TrainingSession, rid).held_on == date(2026, 1, 1)


def test_a_pull_never_keeps_a_users_save_waiting_long(tmp_path, monkeypatch):
    """Pages that keep arriving join one local transaction only for so long; a save made meanwhile waits
    for the pages being applied, not for the whole pull."""
    import threading
    import time

    import injury_desk.sync.engine as engine_module
    from bench._sync_data import session_values
    from injury_desk.store.database import open_database
    from injury_desk.sync.engine import SyncEngine

    office_id = "0c6f7a52-6a3e-4d0b-9a57-4b1d8f0a1e01"
    per, pages = 500, 12

    def page(i):
        rows = [{**session_values(n, office_id, None), "version": n + 1, "updated_at": STAMPS[0],
                 "updated_by": None} for n in range(i * per, (i + 1) * per)]
        columns = list(rows[0])
        return {"cursor": (i + 1) * per, "more": i + 1 < pages,
                "tables": [{"table": "training_sessions", "columns": columns,
                            "rows": [[r[c] for c in columns] for r in rows]}]}

    class SlowNetwork:
        def pull(self, cursor, limit):
            time.sleep(0.3)  # each page arrives well within the wait for the next one
            return page(cursor // per)

    monkeypatch.setattr(engine_module, "FIRST_PAGE_SIZE", per)
    monkeypatch.setattr(engine_module, "GROUP_HOLD_S", 0.5)
    monkeypatch.setattr(engine_module, "GROUP_WAIT_S", 1.0)
    db = open_database(tmp_path / "desk")
    waits: list[float] = []
    done = threading.Event()

    def save_now_and_then():
        con = db.raw_connection()  # autocommit, 10 s busy timeout
        while not done.is_set():
            started = time.monotonic()
            con.execute("BEGIN IMMEDIATE")
            con.execute("COMMIT")
            waits.append(time.monotonic() - started)
            time.sleep(0.05)
        con.close()

    saver = threading.Thread(target=save_now_and_then)
    saver.start()
    try:
        SyncEngine(db, office_id).pull(SlowNetwork())
    finally:
        done.set()
        saver.join()
    try:
        assert SyncEngine(db, office_id).cursor() == per * pages
        # All twelve pages in one transaction would keep the save waiting about 3.6 s.
        assert max(waits) < 2.0, max(waits)
    finally:
        db.dispose()


def test_a_page_sent_in_slices_arrives_whole_with_its_length():
    import asyncio

    import httpx
    from fastapi import FastAPI

    from injury_desk.central.app import SlicedResponse

    body = bytearray(("甲乙" * 99_999 + "end").encode())  # several slices and a short last one
    app = FastAPI()
    app.get("/page")(lambda: SlicedResponse(content=memoryview(body), media_type="application/json"))

    async def fetch() -> httpx.Response:  # through the ASGI interface, as uvicorn calls it
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://central") as client:
            return await client.get("/page")

    reply = asyncio.run(fetch())
    assert reply.headers["content-length"] == str(len(body)) and reply.content == bytes(body)


def test_the_state_hash_reads_the_office_through_a_small_page_cache(tmp_path):
    """Streaming the office for the state hash does not fill the read connection's 32 MiB cache (the desktop's
    peak after a large pull), and leaves that cache's size as it was for the claims list."""
    from sqlalchemy import text

    from injury_desk.store.database import CACHE_KIB, SCAN_CACHE_KIB, open_database
    from injury_desk.sync.engine import SyncEngine

    db = open_database(tmp_path / "desk")
    try:
        engine = SyncEngine(db, "0c6f7a52-6a3e-4d0b-9a57-4b1d8f0a1e01")
        page, _row = _session_page(7)
        engine.apply_pull_page(page)
        seen = []
        with db.read_scan() as s:
            seen.append(s.scalar(text("PRAGMA cache_size")))
        with db.read() as s:
            seen.append(s.scalar(text("PRAGMA cache_size")))
        assert seen == [-SCAN_CACHE_KIB, -CACHE_KIB] and SCAN_CACHE_KIB < CACHE_KIB
        assert len(engine.local_versions()) == 1
        assert engine.local_state_hash() == engine.local_state_hash()
    finally:
        db.dispose()
