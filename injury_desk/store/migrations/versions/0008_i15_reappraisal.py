"""issue 15: an assessment that supersedes another after re-appraisal or review, its effective date and the
arrears and overpayments settled on its approval

Revision ID: 0008_i15_reappraisal
Revises: 0007_i15_claim_life
Create Date: 2026-12-03
"""
from alembic import op
import sqlalchemy as sa

revision = '0008_i15_reappraisal'
down_revision = '0007_i15_claim_life'
branch_labels = None
depends_on = None

COLUMNS = (
    sa.Column('supersedes_id', sa.String(length=36), nullable=True),
    sa.Column('effective_from', sa.Date(), nullable=True),
    sa.Column('settlement', sa.JSON(), nullable=False, server_default='[]'),
)


def upgrade() -> None:
    for column in COLUMNS:
        op.add_column('assessments', column)


def downgrade() -> None:
    with op.batch_alter_table('assessments') as batch:
        for column in reversed(COLUMNS):
            batch.drop_column(column.name)
