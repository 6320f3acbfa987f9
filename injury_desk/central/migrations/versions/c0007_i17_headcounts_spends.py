"""the synced tables employer_headcounts and prevention_spends on central stores made before them

Revision ID: c0007_i17_headcounts
Revises: c0006_i18
Create Date: 2026-12-03
"""
import sqlalchemy as sa
from alembic import op

from injury_desk.central.roles import OWNER_ROLE, SERVICE_ROLE
from injury_desk.central.tables import synced_tables

revision = "c0007_i17_headcounts"
down_revision = "c0006_i18"
branch_labels = None
depends_on = None

NEW_TABLES = ("employer_headcounts", "prevention_spends")

# c0001 creates every synced table of the current definition (and c0002, c0003 give them their security and
# index), so on a new store both tables exist already: create them, as those revisions would, only on older ones.


def upgrade() -> None:
    bind = op.get_bind()
    existing = set(sa.inspect(bind).get_table_names())
    for table in synced_tables():
        if table.name not in NEW_TABLES or table.name in existing:
            continue
        table.create(bind)
        op.create_index(f"ix_{table.name}_office_version", table.name, ["office_id", "version"])
        if bind.dialect.name == "postgresql":
            op.execute(f'ALTER TABLE "{table.name}" OWNER TO {OWNER_ROLE}')
            op.execute(f'ALTER TABLE "{table.name}" ENABLE ROW LEVEL SECURITY')
            op.execute(f'ALTER TABLE "{table.name}" FORCE ROW LEVEL SECURITY')
            op.execute(f'GRANT SELECT, INSERT, UPDATE ON "{table.name}" TO {SERVICE_ROLE}')
            op.execute(f'''CREATE POLICY office_rows ON "{table.name}"
                USING (office_id = current_setting('injury_desk.office_id', true))
                WITH CHECK (office_id = current_setting('injury_desk.office_id', true))''')


def downgrade() -> None:
    for name in reversed(NEW_TABLES):
        op.drop_table(name)
