"""issue 15: a payment of a dependant's pension names the dependant it goes to

Revision ID: 0009_i15_dependant_payments
Revises: 0008_i15_reappraisal
Create Date: 2026-12-03
"""
from alembic import op
import sqlalchemy as sa

revision = '0009_i15_dependant_payments'
down_revision = '0008_i15_reappraisal'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # batch mode: SQLite adds a foreign key only by copying the table (payments has no triggers of its own)
    with op.batch_alter_table('payments') as batch:
        batch.add_column(sa.Column('dependant_id', sa.String(length=36), nullable=True))
        batch.create_foreign_key(op.f('fk_payments_dependant_id_dependants'), 'dependants', ['dependant_id'], ['id'])
        batch.create_index(op.f('ix_payments_dependant_id'), ['dependant_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('payments') as batch:
        batch.drop_index(op.f('ix_payments_dependant_id'))
        batch.drop_constraint(op.f('fk_payments_dependant_id_dependants'), type_='foreignkey')
        batch.drop_column('dependant_id')
