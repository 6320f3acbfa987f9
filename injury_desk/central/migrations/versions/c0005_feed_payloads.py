"""feed entries hold their row as pull pages carry it, so a page is read without encoding rows

Revision ID: c0005
Revises: c0004
Create Date: 2026-11-28
"""
import json

import sqlalchemy as sa
from alembic import op

from injury_desk.central.pull import row_encoder
from injury_desk.central.tables import feed, page_columns, synced_tables

revision = "c0005"
down_revision = "c0004"
branch_labels = None
depends_on = None

# c0001 creates the feed from the current definition, which already has the column: add it only to older
# stores, then fill in every entry that has none from the row it names.
BATCH = 5000


def upgrade() -> None:
    bind = op.get_bind()
    if "payload" not in {c["name"] for c in sa.inspect(bind).get_columns("feed")}:
        op.add_column("feed", sa.Column("payload", sa.Text(), nullable=True))
    f = feed.c
    fill = sa.update(feed).where(f.table_name == sa.bindparam("t"), f.row_id == sa.bindparam("r")).values(
        payload=sa.bindparam("p"))
    for table in synced_tables():
        encode = row_encoder(table)
        id_at = [c.name for c in page_columns(table.name)].index("id")
        q = (sa.select(*page_columns(table.name))
             .join(feed, (f.table_name == table.name) & (f.row_id == table.c.id))
             .where(f.payload.is_(None)))
        rows = bind.execute(q).all()
        for i in range(0, len(rows), BATCH):
            bind.execute(fill, [{"t": table.name, "r": r[id_at], "p": json.dumps(encode(r), ensure_ascii=False)}
                                for r in rows[i:i + BATCH]])


def downgrade() -> None:
    with op.batch_alter_table("feed") as batch:
        batch.drop_column("payload")
