"""issue 15: the synced table missing_workers (Art. 41: a worker missing after an accident away on work)

Revision ID: 0014_i15_missing_workers
Revises: 0013_i15_uninsured
Create Date: 2026-12-03
"""
from alembic import op
import sqlalchemy as sa

from injury_desk.store.base import UTCDateTime

revision = '0014_i15_missing_workers'
down_revision = '0013_i15_uninsured'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'missing_workers',
        sa.Column('claim_id', sa.String(length=36), nullable=False),
        sa.Column('circumstance', sa.String(length=16), nullable=False),
        sa.Column('reported_on', sa.Date(), nullable=False),
        sa.Column('recorded_by', sa.String(length=36), nullable=True),
        sa.Column('note', sa.Text(), nullable=False),
        sa.Column('advance_fen', sa.Integer(), nullable=True),
        sa.Column('advance_on', sa.Date(), nullable=True),
        sa.Column('advance_ref', sa.String(length=100), nullable=False),
        sa.Column('advance_by', sa.String(length=36), nullable=True),
        sa.Column('outcome', sa.String(length=16), nullable=True),
        sa.Column('outcome_on', sa.Date(), nullable=True),
        sa.Column('outcome_ref', sa.String(length=100), nullable=False),
        sa.Column('outcome_by', sa.String(length=36), nullable=True),
        sa.Column('id', sa.String(length=36), nullable=False),
        sa.Column('version', sa.Integer(), nullable=False),
        sa.Column('updated_at', UTCDateTime(), nullable=False),
        sa.Column('updated_by', sa.String(length=36), nullable=True),
        sa.Column('deleted', sa.Boolean(), nullable=False),
        sa.Column('office_id', sa.String(length=36), nullable=False),
        sa.CheckConstraint("circumstance in ('away_on_work','rescue')", name=op.f('ck_missing_workers_circumstance')),
        sa.CheckConstraint("outcome is null or outcome in ('reappeared','declared_dead')",
                           name=op.f('ck_missing_workers_outcome')),
        sa.CheckConstraint('advance_fen is null or advance_fen > 0', name=op.f('ck_missing_workers_advance_positive')),
        sa.ForeignKeyConstraint(['claim_id'], ['claims.id'], name=op.f('fk_missing_workers_claim_id_claims')),
        sa.ForeignKeyConstraint(['office_id'], ['offices.id'], name=op.f('fk_missing_workers_office_id_offices')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_missing_workers')),
    )
    op.create_index(op.f('ix_missing_workers_claim_id'), 'missing_workers', ['claim_id'], unique=False)
    op.create_index(op.f('ix_missing_workers_office_id'), 'missing_workers', ['office_id'], unique=False)


def downgrade() -> None:
    op.drop_table('missing_workers')
