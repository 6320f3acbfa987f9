"""issue 19: each office's state hash kept in its counters row by every write, so a state answer reads one row

Revision ID: c0020_i19_office_state
Revises: c0019_i19_batch_audit
Create Date: 2026-12-07
"""
import sqlalchemy as sa
from alembic import op

revision = "c0020_i19_office_state"
down_revision = "c0019_i19_batch_audit"
branch_labels = None
depends_on = None

# c0001 creates office_counters from the current definition, which has the columns already: add them only to older
# stores. They stay NULL there until the office's next write computes the hash over its rows, under the office lock
# (central/office_log.py); until then a state answer computes it as before.


def upgrade() -> None:
    columns = {c["name"] for c in sa.inspect(op.get_bind()).get_columns("office_counters")}
    if "state_acc" not in columns:
        op.add_column("office_counters", sa.Column("state_acc", sa.String(32), nullable=True))
    if "state_rows" not in columns:
        op.add_column("office_counters", sa.Column("state_rows", sa.Integer(), nullable=True))


def downgrade() -> None:
    op.drop_column("office_counters", "state_rows")
    op.drop_column("office_counters", "state_acc")
