"""issue 19: each feed entry names the device whose push wrote the row's current version, so that device's pull skips it

Revision ID: c0014_i19b_feed_writer
Revises: c0013_i19_people_per_office
Create Date: 2026-12-03
"""
import sqlalchemy as sa
from alembic import op

revision = "c0014_i19b_feed_writer"
down_revision = "c0013_i19_people_per_office"
branch_labels = None
depends_on = None

# c0001 creates the feed from the current definition, which has the column already: add it only to older stores.
# Existing entries stay empty (no device): every desktop pulls them, as before.


def upgrade() -> None:
    if "device_id" not in {c["name"] for c in sa.inspect(op.get_bind()).get_columns("feed")}:
        op.add_column("feed", sa.Column("device_id", sa.String(length=36), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("feed") as batch:
        batch.drop_column("device_id")
