"""issue 15: the assessment columns supersedes_id, effective_from and settlement on central stores made before them

Revision ID: c0011_i15_reappraisal
Revises: c0010_i19_mutation_digest
Create Date: 2026-12-03
"""
import sqlalchemy as sa
from alembic import op

revision = "c0011_i15_reappraisal"
down_revision = "c0010_i19_mutation_digest"
branch_labels = None
depends_on = None

# c0001 creates the synced tables from the current definitions, so a new store has these columns already. Rows of
# the changed table carry new columns, so their feed payloads are emptied (a pull then encodes them itself, c0005).


def upgrade() -> None:
    bind = op.get_bind()
    have = {c["name"] for c in sa.inspect(bind).get_columns("assessments")}
    if "supersedes_id" not in have:
        op.add_column("assessments", sa.Column("supersedes_id", sa.String(length=36), nullable=True))
    if "effective_from" not in have:
        op.add_column("assessments", sa.Column("effective_from", sa.Date(), nullable=True))
    if "settlement" not in have:
        op.add_column("assessments", sa.Column("settlement", sa.JSON(), nullable=False, server_default="[]"))
    if "feed" in set(sa.inspect(bind).get_table_names()):
        op.execute(sa.text("UPDATE feed SET payload = NULL WHERE table_name = 'assessments'"))


def downgrade() -> None:
    with op.batch_alter_table("assessments") as batch:
        batch.drop_column("settlement")
        batch.drop_column("effective_from")
        batch.drop_column("supersedes_id")
