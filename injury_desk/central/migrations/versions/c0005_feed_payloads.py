"""feed entries hold their row as pull pages carry it, so a page is read without encoding rows

Revision ID: c0005
Revises: c0004
Create Date: 2026-11-28
"""
import sqlalchemy as sa
from alembic import op

revision = "c0005"
down_revision = "c0004"
branch_labels = None
depends_on = None

# c0001 creates the feed from the current definition, which already has the column: add it only to older
# stores. Existing entries stay empty: a pull reads and encodes the rows of entries without a payload, and
# each entry gets its payload when its row next changes. (So a later change to a synced table's columns
# only has to empty that table's payloads.)


def upgrade() -> None:
    if "payload" not in {c["name"] for c in sa.inspect(op.get_bind()).get_columns("feed")}:
        op.add_column("feed", sa.Column("payload", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("feed") as batch:
        batch.drop_column("payload")
