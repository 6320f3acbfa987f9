"""issue 15: the synced tables dependants and claim_costs, and the claim's suspension-period end and extension
reference, on central stores made before them

Revision ID: c0009_i15_claim_life
Revises: c0008_i13_audit_anchors
Create Date: 2026-12-03
"""
import sqlalchemy as sa
from alembic import op

from injury_desk.central.roles import OWNER_ROLE, SERVICE_ROLE
from injury_desk.central.tables import synced_tables

revision = "c0009_i15_claim_life"
down_revision = "c0008_i13_audit_anchors"
branch_labels = None
depends_on = None

NEW_TABLES = ("dependants", "claim_costs")
CHANGED_TABLES = ("claims",)

# c0001 creates the synced tables from the current definitions (c0002, c0003 give them their security and
# index), so a new store has all of this already: only older stores get the columns and tables. Claims rows
# carry new columns, so their feed payloads are emptied (a pull then encodes those rows itself, c0005).


def upgrade() -> None:
    bind = op.get_bind()
    inspector = sa.inspect(bind)
    existing = set(inspector.get_table_names())
    tables = {t.name: t for t in synced_tables()}
    for name in CHANGED_TABLES:
        have = {c["name"] for c in inspector.get_columns(name)}
        for column in tables[name].columns:
            if column.name in have:
                continue
            default = column.default.arg if column.default is not None and not callable(column.default.arg) else None
            server_default = sa.text(repr(default)) if isinstance(default, str) else None
            op.add_column(name, sa.Column(column.name, column.type, nullable=column.nullable,
                                          server_default=server_default))
    for name in NEW_TABLES:
        if name in existing:
            continue
        tables[name].create(bind)
        op.create_index(f"ix_{name}_office_version", name, ["office_id", "version"])
        if bind.dialect.name == "postgresql":  # the same second wall as c0002 gave every table
            op.execute(f'ALTER TABLE "{name}" OWNER TO {OWNER_ROLE}')
            op.execute(f'ALTER TABLE "{name}" ENABLE ROW LEVEL SECURITY')
            op.execute(f'ALTER TABLE "{name}" FORCE ROW LEVEL SECURITY')
            op.execute(f'GRANT SELECT, INSERT, UPDATE ON "{name}" TO {SERVICE_ROLE}')
            op.execute(f'''CREATE POLICY office_rows ON "{name}"
                USING (office_id = current_setting('injury_desk.office_id', true))
                WITH CHECK (office_id = current_setting('injury_desk.office_id', true))''')
    if "feed" in existing:
        op.execute(sa.text("UPDATE feed SET payload = NULL WHERE table_name = 'claims'"))


def downgrade() -> None:
    for name in reversed(NEW_TABLES):
        op.drop_table(name)
    with op.batch_alter_table("claims") as batch:
        batch.drop_column("stop_work_extension_ref")
        batch.drop_column("stop_work_ended_on")
