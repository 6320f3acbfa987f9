"""attachments, sync conflicts, outbox user

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-28
"""
from alembic import op
import sqlalchemy as sa

from injury_desk.store.base import UTCDateTime

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'sync_conflicts',
        sa.Column('id', sa.String(length=36), nullable=False),
        sa.Column('table_name', sa.String(length=64), nullable=False),
        sa.Column('row_id', sa.String(length=36), nullable=False),
        sa.Column('office_id', sa.String(length=36), nullable=False),
        sa.Column('field', sa.String(length=64), nullable=False),
        sa.Column('base_value', sa.JSON(), nullable=True),
        sa.Column('central_value', sa.JSON(), nullable=True),
        sa.Column('local_value', sa.JSON(), nullable=True),
        sa.Column('central_version', sa.Integer(), nullable=False),
        sa.Column('mutation_id', sa.String(length=36), nullable=False),
        sa.Column('detected_at', UTCDateTime(), nullable=False),
        sa.Column('state', sa.String(length=16), nullable=False),
        sa.Column('resolved_by', sa.String(length=36), nullable=True),
        sa.Column('resolution', sa.JSON(), nullable=True),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_sync_conflicts')),
    )
    op.create_index(op.f('ix_sync_conflicts_row_id'), 'sync_conflicts', ['row_id'], unique=False)
    op.create_index(op.f('ix_sync_conflicts_state'), 'sync_conflicts', ['state'], unique=False)

    op.create_table(
        'attachments',
        sa.Column('owner_table', sa.String(length=64), nullable=False),
        sa.Column('owner_id', sa.String(length=36), nullable=False),
        sa.Column('file_name', sa.String(length=255), nullable=False),
        sa.Column('media_type', sa.String(length=100), nullable=False),
        sa.Column('sha256', sa.String(length=64), nullable=False),
        sa.Column('size', sa.Integer(), nullable=False),
        sa.Column('content', sa.LargeBinary(), nullable=False),
        sa.Column('note', sa.Text(), nullable=False),
        sa.Column('id', sa.String(length=36), nullable=False),
        sa.Column('version', sa.Integer(), nullable=False),
        sa.Column('updated_at', UTCDateTime(), nullable=False),
        sa.Column('updated_by', sa.String(length=36), nullable=True),
        sa.Column('deleted', sa.Boolean(), nullable=False),
        sa.Column('office_id', sa.String(length=36), nullable=False),
        sa.ForeignKeyConstraint(['office_id'], ['offices.id'], name=op.f('fk_attachments_office_id_offices')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_attachments')),
    )
    op.create_index(op.f('ix_attachments_office_id'), 'attachments', ['office_id'], unique=False)
    op.create_index(op.f('ix_attachments_owner_id'), 'attachments', ['owner_id'], unique=False)

    with op.batch_alter_table('outbox', schema=None) as batch_op:
        batch_op.add_column(sa.Column('user_id', sa.String(length=36), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('outbox', schema=None) as batch_op:
        batch_op.drop_column('user_id')
    op.drop_index(op.f('ix_attachments_owner_id'), table_name='attachments')
    op.drop_index(op.f('ix_attachments_office_id'), table_name='attachments')
    op.drop_table('attachments')
    op.drop_index(op.f('ix_sync_conflicts_state'), table_name='sync_conflicts')
    op.drop_index(op.f('ix_sync_conflicts_row_id'), table_name='sync_conflicts')
    op.drop_table('sync_conflicts')
