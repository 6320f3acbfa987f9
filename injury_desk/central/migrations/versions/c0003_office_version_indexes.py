"""office and version index on every synced table: a pull page reads its rows by version range

Revision ID: c0003
Revises: c0002
Create Date: 2026-11-28
"""
from alembic import op

from injury_desk.central.tables import synced_tables

revision = "c0003"
down_revision = "c0002"
branch_labels = None
depends_on = None

# A row's version is the office feed sequence of its last change, so the rows of a pull page are the rows
# whose version lies in the page's sequence range: an index range scan instead of a join with the feed.
# Central only: desktops hold one office and never read by version range.


def index_name(table: str) -> str:
    return f"ix_{table}_office_version"


def upgrade() -> None:
    for table in synced_tables():
        op.create_index(index_name(table.name), table.name, ["office_id", "version"])


def downgrade() -> None:
    for table in synced_tables():
        op.drop_index(index_name(table.name), table_name=table.name)
