"""Rows picked by a list of ids (central/id_lists.py) on both stores: every row once, however long the list, and
nothing for an id that only starts like a stored one."""

from __future__ import annotations

import pytest
from sqlalchemy import Column, Integer, MetaData, String, Table, create_engine, select

from injury_desk.central.id_lists import matching
from injury_desk.store.batches import MAX_BOUND_IDS
from tests.support.postgres import fresh_database

metadata = MetaData()
things = Table("things", metadata, Column("id", String(36), primary_key=True), Column("n", Integer))
IDS = [f"{n:036d}" for n in range(2 * MAX_BOUND_IDS + 7)]  # 36 characters each, as the ids are


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=[pytest.mark.postgres, pytest.mark.slow])])
def engine(request, tmp_path):
    if request.param == "sqlite":
        eng = create_engine(f"sqlite:///{tmp_path / 'things.sqlite3'}")
        yield eng
        eng.dispose()
        return
    with fresh_database() as (admin_url, _service_url):
        eng = create_engine(admin_url)
        yield eng
        eng.dispose()


def test_every_listed_row_once_and_no_prefix_match(engine):
    with engine.begin() as conn:
        metadata.create_all(conn)
        conn.execute(things.insert(), [{"id": rid, "n": n} for n, rid in enumerate(IDS)])
        wanted = IDS[::2] + ["not-there"]
        found = [rid for cond in matching(conn, things.c.id, wanted)
                 for rid in conn.execute(select(things.c.id).where(cond)).scalars()]
        assert sorted(found) == sorted(IDS[::2])  # 907 of 1,807 rows, each once, none that was not asked for
        # A 40-character value whose first 36 characters are a stored id: a cast to VARCHAR(36) would cut it to
        # that id on PostgreSQL and find the row.
        longer = IDS[3] + "abcd"
        assert [rid for cond in matching(conn, things.c.id, [longer])
                for rid in conn.execute(select(things.c.id).where(cond)).scalars()] == []
        numbers = [n for cond in matching(conn, things.c.n, range(5, 2000))
                   for n in conn.execute(select(things.c.n).where(cond)).scalars()]
        assert sorted(numbers) == list(range(5, len(IDS)))


def test_conditions_per_store(engine):
    with engine.connect() as conn:
        assert list(matching(conn, things.c.id, [])) == []
        conditions = list(matching(conn, things.c.id, IDS))
        # PostgreSQL takes the whole list as one array; SQLite binds at most MAX_BOUND_IDS per statement.
        assert len(conditions) == (1 if conn.dialect.name == "postgresql" else 3)
