"""issue 15: payments.dependant_id on central stores made before it

Revision ID: c0012_i15_dependant_payments
Revises: c0011_i15_reappraisal
Create Date: 2026-12-03
"""
import sqlalchemy as sa
from alembic import op

revision = "c0012_i15_dependant_payments"
down_revision = "c0011_i15_reappraisal"
branch_labels = None
depends_on = None

# c0001 creates the synced tables from the current definitions, so a new store has the column already. Payments
# rows carry a new column, so their feed payloads are emptied (a pull then encodes them itself, c0005).


def upgrade() -> None:
    bind = op.get_bind()
    if "dependant_id" not in {c["name"] for c in sa.inspect(bind).get_columns("payments")}:
        op.add_column("payments", sa.Column("dependant_id", sa.String(length=36), nullable=True))
    if "feed" in set(sa.inspect(bind).get_table_names()):
        op.execute(sa.text("UPDATE feed SET payload = NULL WHERE table_name = 'payments'"))


def downgrade() -> None:
    with op.batch_alter_table("payments") as batch:
        batch.drop_column("dependant_id")
