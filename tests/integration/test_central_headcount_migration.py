"""c0007_i17_headcounts on a central store made before it: the two synced tables appear with their office and
version index (and, on PostgreSQL, their row-level security), and a store made after it is left alone."""

from __future__ import annotations

import sqlalchemy as sa
from alembic import command

from injury_desk.central.central_db import alembic_config, migrate
from tests.support.postgres import fresh_database, require_server

NEW = ("employer_headcounts", "prevention_spends")


def _as_before_c0007(url: str) -> None:
    """A store at c0006 without the new tables, as one made by the previous version is (c0001 makes the synced
    tables of the current definition, so a fresh store has them already)."""
    command.upgrade(alembic_config(url), "c0006_i18")
    engine = sa.create_engine(url)
    with engine.begin() as conn:
        for name in NEW:
            conn.execute(sa.text(f'DROP TABLE "{name}"'))
    engine.dispose()


def _check(url: str) -> sa.Inspector:
    engine = sa.create_engine(url)
    inspector = sa.inspect(engine)
    assert set(NEW) <= set(inspector.get_table_names())
    for name in NEW:
        assert f"ix_{name}_office_version" in {i["name"] for i in inspector.get_indexes(name)}
    engine.dispose()
    return inspector


def test_an_older_sqlite_store_gets_the_tables(tmp_path):
    url = f"sqlite:///{tmp_path / 'central.sqlite3'}"
    _as_before_c0007(url)
    migrate(url)
    _check(url)
    migrate(url)  # at head: nothing to do


def test_a_new_sqlite_store_is_left_as_c0001_made_it(tmp_path):
    url = f"sqlite:///{tmp_path / 'central.sqlite3'}"
    migrate(url)  # c0001 made the tables, c0007 must not try again
    _check(url)


def test_an_older_postgres_store_gets_the_tables_with_row_level_security():
    require_server()
    with fresh_database() as (admin, _service):
        _as_before_c0007(admin)
        migrate(admin)
        _check(admin)
        engine = sa.create_engine(admin)
        with engine.connect() as conn:
            rows = conn.execute(sa.text(
                "SELECT relname, relrowsecurity, relforcerowsecurity FROM pg_class WHERE relname IN "
                "('employer_headcounts', 'prevention_spends')")).all()
            policies = conn.execute(sa.text(
                "SELECT tablename FROM pg_policies WHERE policyname = 'office_rows' AND tablename IN "
                "('employer_headcounts', 'prevention_spends')")).scalars().all()
        engine.dispose()
        assert sorted(rows) == [("employer_headcounts", True, True), ("prevention_spends", True, True)]
        assert sorted(policies) == list(NEW)
