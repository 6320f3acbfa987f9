"""central schema: the synced tables and the central bookkeeping tables

Revision ID: c0001
Revises:
Create Date: 2026-11-28
"""
from alembic import op

from injury_desk.central.tables import CENTRAL_TABLES, synced_tables

revision = "c0001"
down_revision = None
branch_labels = None
depends_on = None

# The synced tables as of schema version 2; later revisions change them with explicit operations.


def upgrade() -> None:
    bind = op.get_bind()
    for table in synced_tables():
        table.create(bind)
    for table in CENTRAL_TABLES:
        table.create(bind)
    op.create_index("ix_central_audit_row", "central_audit", ["table_name", "row_id"])


def downgrade() -> None:
    bind = op.get_bind()
    for table in reversed(CENTRAL_TABLES):
        table.drop(bind)
    for table in reversed(synced_tables()):
        table.drop(bind)
