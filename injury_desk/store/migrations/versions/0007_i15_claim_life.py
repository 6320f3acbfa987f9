"""issue 15: the dependants register, costs paid against receipts, the suspension period's end and the
committee's confirmation of its extension

Revision ID: 0007_i15_claim_life
Revises: 0006_i13_audit_records
Create Date: 2026-12-03
"""
from alembic import op
import sqlalchemy as sa

from injury_desk.store.base import UTCDateTime

revision = '0007_i15_claim_life'
down_revision = '0006_i13_audit_records'
branch_labels = None
depends_on = None

# Plain ADD COLUMN (no batch copy): the claims table keeps its claims-list triggers from 0002.
CLAIM_COLUMNS = (
    sa.Column('stop_work_ended_on', sa.Date(), nullable=True),
    sa.Column('stop_work_extension_ref', sa.String(length=100), nullable=False, server_default=''),
)


def _synced_columns(table: str) -> list[sa.Column]:
    return [
        sa.Column('id', sa.String(length=36), nullable=False),
        sa.Column('version', sa.Integer(), nullable=False),
        sa.Column('updated_at', UTCDateTime(), nullable=False),
        sa.Column('updated_by', sa.String(length=36), nullable=True),
        sa.Column('deleted', sa.Boolean(), nullable=False),
        sa.Column('office_id', sa.String(length=36), nullable=False),
        sa.ForeignKeyConstraint(['office_id'], ['offices.id'], name=op.f(f'fk_{table}_office_id_offices')),
        sa.PrimaryKeyConstraint('id', name=op.f(f'pk_{table}')),
    ]


def _claim_child(table: str, *columns) -> None:
    op.create_table(
        table,
        sa.Column('claim_id', sa.String(length=36), nullable=False),
        *columns,
        *_synced_columns(table),
        sa.ForeignKeyConstraint(['claim_id'], ['claims.id'], name=op.f(f'fk_{table}_claim_id_claims')),
    )
    op.create_index(op.f(f'ix_{table}_claim_id'), table, ['claim_id'], unique=False)
    op.create_index(op.f(f'ix_{table}_office_id'), table, ['office_id'], unique=False)


def upgrade() -> None:
    for column in CLAIM_COLUMNS:
        op.add_column('claims', column)
    _claim_child(
        'dependants',
        sa.Column('name', sa.String(length=100), nullable=False),
        sa.Column('id_number', sa.String(length=18), nullable=False),
        sa.Column('relation', sa.String(length=16), nullable=False),
        sa.Column('sex', sa.String(length=1), nullable=False),
        sa.Column('birth_date', sa.Date(), nullable=False),
        sa.Column('condition', sa.String(length=32), nullable=False),
        sa.Column('lost_capacity', sa.Boolean(), nullable=False),
        sa.Column('lonely_elderly_or_orphan', sa.Boolean(), nullable=False),
        sa.Column('payee', sa.String(length=100), nullable=False),
        sa.Column('ended_by', sa.String(length=16), nullable=True),
        sa.Column('ended_on', sa.Date(), nullable=True),
        sa.Column('note', sa.Text(), nullable=False),
        sa.CheckConstraint("relation in ('spouse','child','parent','grandparent','grandchild','sibling')",
                           name=op.f('ck_dependants_relation')),
        sa.CheckConstraint("sex in ('M','F')", name=op.f('ck_dependants_sex')),
        sa.CheckConstraint("ended_by is null or ended_by in ('employment','enlistment','remarriage','adoption',"
                           "'death')", name=op.f('ck_dependants_ended_by')),
    )
    _claim_child(
        'claim_costs',
        sa.Column('kind', sa.String(length=32), nullable=False),
        sa.Column('incurred_on', sa.Date(), nullable=False),
        sa.Column('receipt_ref', sa.String(length=100), nullable=False),
        sa.Column('provider', sa.String(length=200), nullable=False),
        sa.Column('payer', sa.String(length=16), nullable=False),
        sa.Column('amount_fen', sa.Integer(), nullable=False),
        sa.Column('days', sa.Integer(), nullable=True),
        sa.Column('daily_rate_fen', sa.Integer(), nullable=True),
        sa.Column('status', sa.String(length=16), nullable=False),
        sa.Column('proposed_by', sa.String(length=36), nullable=True),
        sa.Column('proposed_at', UTCDateTime(), nullable=True),
        sa.Column('decided_by', sa.String(length=36), nullable=True),
        sa.Column('decided_at', UTCDateTime(), nullable=True),
        sa.Column('return_reason', sa.Text(), nullable=False),
        sa.Column('note', sa.Text(), nullable=False),
        sa.CheckConstraint('amount_fen > 0', name=op.f('ck_claim_costs_amount_positive')),
        sa.CheckConstraint("payer in ('fund','employer')", name=op.f('ck_claim_costs_payer')),
        sa.CheckConstraint("status in ('proposed','approved','returned')", name=op.f('ck_claim_costs_status')),
        sa.CheckConstraint("kind in ('medical','hospital_meal','travel_lodging','assistive_device','rehabilitation',"
                           "'appraisal_fee')", name=op.f('ck_claim_costs_kind')),
    )


def downgrade() -> None:
    op.drop_table('claim_costs')
    op.drop_table('dependants')
    for column in reversed(CLAIM_COLUMNS):
        op.drop_column('claims', column.name)
