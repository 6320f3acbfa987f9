"""0010_i19 and c0013_i19 on databases made before them: a person's ID number becomes unique per office, and a
desktop keeps its claims list following people (the copied table gets its triggers back)."""

from __future__ import annotations

import uuid

import sqlalchemy as sa
from alembic import command

from injury_desk.central.central_db import alembic_config, make_engine, migrate
from injury_desk.store import cipher, db_key
from injury_desk.store import migrate as desktop_migrate
from injury_desk.store.database import DB_FILENAME
from tests.conftest import worker_data
from tests.support.postgres import fresh_database, require_server


def _unique_keys(conn, table: str = "people") -> set[str]:
    return {u["name"] for u in sa.inspect(conn).get_unique_constraints(table)}


def _central_round_trip(url: str) -> None:
    migrate(url)
    command.downgrade(alembic_config(url), "c0012_i15_dependant_payments")  # as the previous version made it
    # The store's own engine (for SQLite, SQLCipher's copy of it, which migrate uses too: a second copy of SQLite in
    # this process would not see its locks, and a connection it pools could read the schema from before).
    engine = make_engine(url, immediate=False)
    with engine.connect() as conn:
        assert _unique_keys(conn) >= {"uq_people_id_number"}
    migrate(url)
    with engine.connect() as conn:
        keys = _unique_keys(conn)
    engine.dispose()
    assert "uq_people_office_id_number" in keys and "uq_people_id_number" not in keys


def test_an_older_sqlite_central_store_gets_the_per_office_key(tmp_path):
    _central_round_trip(f"sqlite:///{tmp_path / 'central.sqlite3'}")


def test_an_older_postgres_central_store_gets_the_per_office_key():
    require_server()
    with fresh_database() as (admin, _service):
        _central_round_trip(admin)


def test_a_desktop_made_before_keeps_its_claims_list_following_people(services, cw, db):
    person = services.people.create(cw, worker_data())
    path = db.path
    key = db_key.load_key(path)
    db.dispose()
    desktop_migrate.downgrade(path, key, "0009_i15_dependant_payments")
    desktop_migrate.upgrade(path, key)
    con = cipher.connect(path, key)
    try:
        triggers = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'"
                                              " AND tbl_name = 'people'")}
        assert "people_list_au" in triggers
        sql = con.execute("SELECT sql FROM sqlite_master WHERE name = 'people'").fetchone()[0]
        assert "uq_people_office_id_number" in sql and "uq_people_id_number" not in sql
        # The same ID number in another office's record is no clash any more; in the same office it still is.
        office = con.execute("SELECT office_id FROM people WHERE id = ?", (person,)).fetchone()[0]
        row = "INSERT INTO people (id, office_id, version, updated_at, deleted, id_number, name, sex, birth_date," \
              " phone, address) VALUES (?, ?, 0, '2026-01-01', 0, ?, '某', 'F', '1949-12-31', '', '')"
        con.execute("PRAGMA foreign_keys=OFF")
        con.execute(row, (str(uuid.uuid4()), str(uuid.uuid4()), worker_data()["id_number"]))
        try:
            con.execute(row, (str(uuid.uuid4()), office, worker_data()["id_number"]))
            raise AssertionError("a second record of the same ID number in one office was accepted")
        except cipher.sqlite.IntegrityError:
            pass
        con.rollback()
    finally:
        con.close()
    assert DB_FILENAME in path.name
