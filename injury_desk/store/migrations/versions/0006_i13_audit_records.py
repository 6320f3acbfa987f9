"""audit records: what each audited row held after its last event, and each event's record count

Revision ID: 0006_i13_audit_records
Revises: 0005_i17_headcounts
Create Date: 2026-12-03
"""
from alembic import op
import sqlalchemy as sa

revision = '0006_i13_audit_records'
down_revision = '0005_i17_headcounts'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('audit_events', schema=None) as batch_op:
        batch_op.add_column(sa.Column('records', sa.Integer(), nullable=False, server_default='0'))
    op.create_table(
        'audit_rows',
        sa.Column('event_seq', sa.Integer(), nullable=False),
        sa.Column('table_name', sa.String(length=64), nullable=False),
        sa.Column('row_id', sa.String(length=36), nullable=False),
        sa.Column('prints', sa.Text(), nullable=False),
        sa.Column('mac', sa.String(length=32), nullable=False),
        # By event first: records are appended in order (cheap for a pull's thousands per page).
        sa.PrimaryKeyConstraint('event_seq', 'table_name', 'row_id', name=op.f('pk_audit_rows')),
        sqlite_with_rowid=False,
    )
    # The existing chain is not keyed yet: the first open by this version keys it with an audit.rekeyed event
    # (store/audit_key.py), explicitly, after this schema change.


def downgrade() -> None:
    op.drop_table('audit_rows')
    with op.batch_alter_table('audit_events', schema=None) as batch_op:
        batch_op.drop_column('records')
