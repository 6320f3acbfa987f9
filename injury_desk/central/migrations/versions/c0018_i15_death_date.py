"""issue 15: claims.death_date on central stores made before it

Revision ID: c0018_i15_death_date
Revises: c0017_i15_missing_workers
Create Date: 2026-12-03
"""
import sqlalchemy as sa
from alembic import op

revision = "c0018_i15_death_date"
down_revision = "c0017_i15_missing_workers"
branch_labels = None
depends_on = None

# c0001 creates the synced tables from the current definitions, so a new store has the column already. Claims rows
# carry a new column, so their feed payloads are emptied (a pull then encodes those rows itself, c0005).


def upgrade() -> None:
    bind = op.get_bind()
    inspector = sa.inspect(bind)
    if "death_date" not in {c["name"] for c in inspector.get_columns("claims")}:
        op.add_column("claims", sa.Column("death_date", sa.Date(), nullable=True))
    if "feed" in set(inspector.get_table_names()):
        op.execute(sa.text("UPDATE feed SET payload = NULL WHERE table_name = 'claims'"))


def downgrade() -> None:
    with op.batch_alter_table("claims") as batch:
        batch.drop_column("death_date")
