"""issue 15: the synced table missing_workers (Art. 41) on central stores made before it

Revision ID: c0017_i15_missing_workers
Revises: c0016_i15_uninsured
Create Date: 2026-12-03
"""
import sqlalchemy as sa
from alembic import op

from injury_desk.central.roles import OWNER_ROLE, SERVICE_ROLE
from injury_desk.central.tables import synced_tables

revision = "c0017_i15_missing_workers"
down_revision = "c0016_i15_uninsured"
branch_labels = None
depends_on = None

NEW_TABLES = ("missing_workers",)

# c0001 creates the synced tables from the current definitions (c0002, c0003 give them their security and
# index), so a new store has the table already: only older stores get it, with the same second wall.


def upgrade() -> None:
    bind = op.get_bind()
    existing = set(sa.inspect(bind).get_table_names())
    tables = {t.name: t for t in synced_tables()}
    for name in NEW_TABLES:
        if name in existing:
            continue
        tables[name].create(bind)
        op.create_index(f"ix_{name}_office_version", name, ["office_id", "version"])
        if bind.dialect.name == "postgresql":
            op.execute(f'ALTER TABLE "{name}" OWNER TO {OWNER_ROLE}')
            op.execute(f'ALTER TABLE "{name}" ENABLE ROW LEVEL SECURITY')
            op.execute(f'ALTER TABLE "{name}" FORCE ROW LEVEL SECURITY')
            op.execute(f'GRANT SELECT, INSERT, UPDATE ON "{name}" TO {SERVICE_ROLE}')
            op.execute(f'''CREATE POLICY office_rows ON "{name}"
                USING (office_id = current_setting('injury_desk.office_id', true))
                WITH CHECK (office_id = current_setting('injury_desk.office_id', true))''')


def downgrade() -> None:
    for name in reversed(NEW_TABLES):
        op.drop_table(name)
