"""issue 15: claims.death_date, the day of death apart from the accident (Art. 39 counts from it)

Revision ID: 0015_i15_death_date
Revises: 0014_i15_missing_workers
Create Date: 2026-12-03
"""
from alembic import op
import sqlalchemy as sa

revision = '0015_i15_death_date'
down_revision = '0014_i15_missing_workers'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Plain ADD COLUMN: a batch copy of claims would break the claims-list triggers naming it. Claims recorded as a
    # death before this keep NULL: the accident day (domain/death.py).
    op.add_column('claims', sa.Column('death_date', sa.Date(), nullable=True))


def downgrade() -> None:
    op.drop_column('claims', 'death_date')
