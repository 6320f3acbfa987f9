"""issue 15: the synced table recurrences (Art. 38: a closed claim reopened for a recurrence)

Revision ID: 0012_i15_recurrences
Revises: 0011_i19b_claim_list_triggers
Create Date: 2026-12-03
"""
from alembic import op
import sqlalchemy as sa

from injury_desk.store.base import UTCDateTime

revision = '0012_i15_recurrences'
down_revision = '0011_i19b_claim_list_triggers'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'recurrences',
        sa.Column('claim_id', sa.String(length=36), nullable=False),
        sa.Column('occurred_on', sa.Date(), nullable=False),
        sa.Column('reason', sa.Text(), nullable=False),
        sa.Column('confirmed_by', sa.String(length=200), nullable=False),
        sa.Column('recorded_by', sa.String(length=36), nullable=True),
        sa.Column('stop_work_started_on', sa.Date(), nullable=True),
        sa.Column('stop_work_months', sa.Integer(), nullable=False),
        sa.Column('stop_work_ended_on', sa.Date(), nullable=True),
        sa.Column('nursing_needed', sa.Boolean(), nullable=False),
        sa.Column('id', sa.String(length=36), nullable=False),
        sa.Column('version', sa.Integer(), nullable=False),
        sa.Column('updated_at', UTCDateTime(), nullable=False),
        sa.Column('updated_by', sa.String(length=36), nullable=True),
        sa.Column('deleted', sa.Boolean(), nullable=False),
        sa.Column('office_id', sa.String(length=36), nullable=False),
        sa.CheckConstraint('stop_work_months between 1 and 24', name=op.f('ck_recurrences_stop_work_months')),
        sa.ForeignKeyConstraint(['claim_id'], ['claims.id'], name=op.f('fk_recurrences_claim_id_claims')),
        sa.ForeignKeyConstraint(['office_id'], ['offices.id'], name=op.f('fk_recurrences_office_id_offices')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_recurrences')),
    )
    op.create_index(op.f('ix_recurrences_claim_id'), 'recurrences', ['claim_id'], unique=False)
    op.create_index(op.f('ix_recurrences_office_id'), 'recurrences', ['office_id'], unique=False)


def downgrade() -> None:
    op.drop_table('recurrences')
