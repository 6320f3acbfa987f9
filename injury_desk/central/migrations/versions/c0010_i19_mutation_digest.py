"""applied mutations keep a digest of their content, so a mutation id reused with other content is refused

Revision ID: c0010_i19_mutation_digest
Revises: c0009_i15_claim_life
Create Date: 2026-12-03
"""
import sqlalchemy as sa
from alembic import op
from sqlalchemy import inspect

revision = "c0010_i19_mutation_digest"
down_revision = "c0009_i15_claim_life"
branch_labels = None
depends_on = None

# c0001 creates applied_mutations from the current definition, which already has the column: add it only to
# stores made before. Mutations applied before keep no digest; a resend of one is answered as before.


def _has_digest() -> bool:
    return "digest" in {c["name"] for c in inspect(op.get_bind()).get_columns("applied_mutations")}


def upgrade() -> None:
    if not _has_digest():
        with op.batch_alter_table("applied_mutations") as batch:
            batch.add_column(sa.Column("digest", sa.String(64), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("applied_mutations") as batch:
        batch.drop_column("digest")
