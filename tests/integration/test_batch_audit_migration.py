"""c0019_i19 on central stores made before it: the new columns, and each feed entry's highest version written by
another writer, replayed from the per-row audit events."""

from __future__ import annotations

from datetime import datetime, timezone

import sqlalchemy as sa
from alembic import command

from injury_desk.central.central_db import alembic_config, make_engine, migrate
from tests.support.postgres import fresh_database, require_server

D1, D2 = "d1" + "0" * 34, "d2" + "0" * 34


def _round_trip(url: str) -> None:
    migrate(url)
    command.downgrade(alembic_config(url), "c0018_i15_death_date")  # as the previous version made it
    engine = make_engine(url)  # the store's own SQLite (migrate uses it too: one copy of SQLite in this process)
    with engine.begin() as conn:
        meta = sa.MetaData()
        feed = sa.Table("feed", meta, autoload_with=conn)
        audit = sa.Table("central_audit", meta, autoload_with=conn)
        assert "others_version" not in feed.c and "entries" not in audit.c
        # R1: D2 wrote version 2, then D1 version 5 (the feed names D1): another writer's highest is 2.
        # R2: only D1 wrote it (1, then 3): 0. R3: an entry naming no writer (before c0014): its own version, 4.
        writes = [("r1", D2, 2), ("r1", D1, 5), ("r2", D1, 1), ("r2", D1, 3), ("r3", D1, 4)]
        for seq, (row, device, version) in enumerate(writes, start=1):
            conn.execute(sa.insert(audit).values(
                office_id="o", seq=seq, at=datetime.now(timezone.utc), device_id=device, action="sync.update",
                table_name="employers", row_id=row, after={"name": "x", "version": version}, prev_hash="0" * 64,
                hash="0" * 64))
        for row, device, seq in (("r1", D1, 5), ("r2", D1, 3), ("r3", None, 4)):
            conn.execute(sa.insert(feed).values(table_name="employers", row_id=row, office_id="o", seq=seq,
                                                device_id=device))
    migrate(url)
    with engine.connect() as conn:
        meta = sa.MetaData()
        feed = sa.Table("feed", meta, autoload_with=conn)
        others = dict(conn.execute(sa.select(feed.c.row_id, feed.c.others_version)).tuples().all())
        assert {"first_seq", "last_seq", "entries"} <= {c["name"] for c in sa.inspect(conn).get_columns("central_audit")}
        assert "last_batch" in {c["name"] for c in sa.inspect(conn).get_columns("devices")}
    engine.dispose()
    assert others == {"r1": 2, "r2": 0, "r3": 4}


def test_an_older_sqlite_central_store_gets_batch_audit_and_feed_writers(tmp_path):
    _round_trip(f"sqlite:///{tmp_path / 'central.sqlite3'}")


def test_an_older_postgres_central_store_gets_batch_audit_and_feed_writers():
    require_server()
    with fresh_database() as (admin, _service):
        _round_trip(admin)
