"""issue 18: the claim's clocks (Art. 17 diagnosis and extension, missing documents, not accepted, Art. 33),
Art. 20 suspensions, numbered decision documents and their deliveries, claim notes, document types

Revision ID: 0004_i18_deadlines
Revises: 0003
Create Date: 2026-12-03
"""
from alembic import op
import sqlalchemy as sa

from injury_desk.store.base import UTCDateTime

revision = '0004_i18_deadlines'
down_revision = '0003'
branch_labels = None
depends_on = None

# Plain ADD COLUMN (no batch copy): the claims table keeps its claims-list triggers from 0002.
CLAIM_COLUMNS = (
    sa.Column('occupational_disease', sa.Boolean(), nullable=False, server_default=sa.false()),
    sa.Column('diagnosed_on', sa.Date(), nullable=True),
    sa.Column('employer_extended_to', sa.Date(), nullable=True),
    sa.Column('employer_extension_ref', sa.String(length=100), nullable=False, server_default=''),
    sa.Column('documents_requested_on', sa.Date(), nullable=True),
    sa.Column('documents_missing', sa.Text(), nullable=False, server_default=''),
    sa.Column('documents_completed_on', sa.Date(), nullable=True),
    sa.Column('not_accepted_on', sa.Date(), nullable=True),
    sa.Column('not_accepted_reason', sa.Text(), nullable=False, server_default=''),
    sa.Column('stop_work_started_on', sa.Date(), nullable=True),
    sa.Column('stop_work_months', sa.Integer(), nullable=False, server_default='12'),
    sa.Column('stop_work_extended_by', sa.String(length=36), nullable=True),
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
    op.add_column('offices', sa.Column('decision_prefix', sa.String(length=40), nullable=False, server_default=''))
    op.add_column('offices', sa.Column('decision_pattern', sa.String(length=120), nullable=False, server_default=''))
    op.add_column('determinations', sa.Column('basis_code', sa.String(length=16), nullable=False, server_default=''))
    op.add_column('attachments', sa.Column('doc_type', sa.String(length=32), nullable=False, server_default=''))
    op.add_column('attachments', sa.Column('received_on', sa.Date(), nullable=True))
    _claim_child('determination_suspensions',
                 sa.Column('started_on', sa.Date(), nullable=False),
                 sa.Column('ended_on', sa.Date(), nullable=True),
                 sa.Column('reason', sa.Text(), nullable=False))
    _claim_child('decision_documents',
                 sa.Column('kind', sa.String(length=32), nullable=False),
                 sa.Column('number', sa.String(length=80), nullable=False),
                 sa.Column('year', sa.Integer(), nullable=False),
                 sa.Column('issued_on', sa.Date(), nullable=False),
                 sa.Column('issued_by', sa.String(length=36), nullable=True),
                 sa.Column('basis_code', sa.String(length=16), nullable=False),
                 sa.Column('text', sa.Text(), nullable=False),
                 sa.UniqueConstraint('office_id', 'number', name='uq_decision_documents_office_number'))
    _claim_child('deliveries',
                 sa.Column('document_kind', sa.String(length=32), nullable=False),
                 sa.Column('document_id', sa.String(length=36), nullable=True),
                 sa.Column('number', sa.String(length=80), nullable=False),
                 sa.Column('delivered_on', sa.Date(), nullable=False),
                 sa.Column('recipient', sa.String(length=32), nullable=False),
                 sa.Column('recipient_name', sa.String(length=200), nullable=False),
                 sa.Column('method', sa.String(length=16), nullable=False),
                 sa.ForeignKeyConstraint(['document_id'], ['decision_documents.id'],
                                         name=op.f('fk_deliveries_document_id_decision_documents')))
    _claim_child('claim_notes',
                 sa.Column('written_at', UTCDateTime(), nullable=False),
                 sa.Column('written_by', sa.String(length=36), nullable=True),
                 sa.Column('text', sa.Text(), nullable=False),
                 sa.Column('corrects_id', sa.String(length=36), nullable=True))


def downgrade() -> None:
    for table in ('claim_notes', 'deliveries', 'decision_documents', 'determination_suspensions'):
        op.drop_table(table)
    with op.batch_alter_table('attachments') as batch:
        batch.drop_column('received_on')
        batch.drop_column('doc_type')
    with op.batch_alter_table('determinations') as batch:
        batch.drop_column('basis_code')
    with op.batch_alter_table('offices') as batch:
        batch.drop_column('decision_pattern')
        batch.drop_column('decision_prefix')
    for column in reversed(CLAIM_COLUMNS):
        op.drop_column('claims', column.name)
