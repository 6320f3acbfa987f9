"""issue 15: employers carry whether and when they were insured; the synced table fund_advances (SIL Art. 41)

Revision ID: 0013_i15_uninsured
Revises: 0012_i15_recurrences
Create Date: 2026-12-03
"""
from alembic import op
import sqlalchemy as sa

from injury_desk.store.base import UTCDateTime

revision = '0013_i15_uninsured'
down_revision = '0012_i15_recurrences'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Plain ADD COLUMN (no batch copy of employers). Employers made before this were treated as insured: they stay so.
    op.add_column('employers', sa.Column('insured', sa.Boolean(), nullable=False, server_default=sa.true()))
    op.add_column('employers', sa.Column('insured_from', sa.Date(), nullable=True))
    op.add_column('employers', sa.Column('insured_to', sa.Date(), nullable=True))
    op.create_table(
        'fund_advances',
        sa.Column('claim_id', sa.String(length=36), nullable=False),
        sa.Column('kind', sa.String(length=16), nullable=False),
        sa.Column('dated_on', sa.Date(), nullable=False),
        sa.Column('amount_fen', sa.Integer(), nullable=False),
        sa.Column('reference', sa.String(length=100), nullable=False),
        sa.Column('note', sa.Text(), nullable=False),
        sa.Column('recorded_by', sa.String(length=36), nullable=True),
        sa.Column('id', sa.String(length=36), nullable=False),
        sa.Column('version', sa.Integer(), nullable=False),
        sa.Column('updated_at', UTCDateTime(), nullable=False),
        sa.Column('updated_by', sa.String(length=36), nullable=True),
        sa.Column('deleted', sa.Boolean(), nullable=False),
        sa.Column('office_id', sa.String(length=36), nullable=False),
        sa.CheckConstraint('amount_fen > 0', name=op.f('ck_fund_advances_amount_positive')),
        sa.CheckConstraint("kind in ('advance','recovery')", name=op.f('ck_fund_advances_kind')),
        sa.ForeignKeyConstraint(['claim_id'], ['claims.id'], name=op.f('fk_fund_advances_claim_id_claims')),
        sa.ForeignKeyConstraint(['office_id'], ['offices.id'], name=op.f('fk_fund_advances_office_id_offices')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_fund_advances')),
    )
    op.create_index(op.f('ix_fund_advances_claim_id'), 'fund_advances', ['claim_id'], unique=False)
    op.create_index(op.f('ix_fund_advances_office_id'), 'fund_advances', ['office_id'], unique=False)


def downgrade() -> None:
    op.drop_table('fund_advances')
    # plain DROP COLUMN (SQLite 3.35+): a batch copy of employers would break the claims-list triggers naming it
    for name in ('insured_to', 'insured_from', 'insured'):
        op.drop_column('employers', name)
