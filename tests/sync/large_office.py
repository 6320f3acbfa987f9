"""A central office holding a demo's worth of rows (every synced table in demo proportions), seeded in bulk."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sqlalchemy import select

from injury_desk.central.office_log import OfficeLog
from injury_desk.central.tables import page_columns, synced_tables
from injury_desk.services.demo import build_demo
from injury_desk.store.database import open_database
from injury_desk.store.rowcodec import row_to_json


def seed_demo_rows(central_store, office_id: str, user_id: str, claims: int, scratch: Path) -> int:
    """Builds a demo database of ``claims`` claims in ``scratch`` and writes its rows into the central office
    as if its desktops had pushed them (versions, feed entries); returns the number of rows."""
    demo = open_database(scratch)
    try:
        build_demo(demo, claims=claims, today=date(2026, 11, 28))
        total = 0
        with demo.read() as s, central_store.transaction(office_id) as conn:
            log = OfficeLog(conn, office_id)
            for table in synced_tables():
                if table.name in ("offices", "users"):
                    continue
                carried = {c.name for c in page_columns(table.name)}
                for row in s.execute(select(table)).mappings():
                    values = {k: v for k, v in row_to_json(table, row).items() if k in carried}
                    values.update(office_id=office_id, version=log.next_version(), updated_by=user_id)
                    log.stage_row(table.name, values, inserted=True)
                    total += 1
            log.flush()
        return total
    finally:
        demo.dispose()
