"""issue 18: new claim, office, determination and attachment columns; suspensions, decision documents,
deliveries and claim notes

Revision ID: c0006_i18
Revises: c0005
Create Date: 2026-12-03
"""
import sqlalchemy as sa
from alembic import op

from injury_desk.central.roles import OWNER_ROLE, SERVICE_ROLE
from injury_desk.central.tables import synced_tables

revision = "c0006_i18"
down_revision = "c0005"
branch_labels = None
depends_on = None

NEW_TABLES = ("determination_suspensions", "decision_documents", "deliveries", "claim_notes")
CHANGED_TABLES = ("claims", "offices", "determinations", "attachments")

# c0001 creates the synced tables from the current definitions, so a new store already has all of this:
# only older stores get the columns and tables. Rows of a changed table carry new columns, so their feed
# payloads are emptied (a pull then encodes those rows itself, c0005).


def upgrade() -> None:
    bind = op.get_bind()
    inspector = sa.inspect(bind)
    existing = set(inspector.get_table_names())
    tables = {t.name: t for t in synced_tables()}
    for name in CHANGED_TABLES:
        have = {c["name"] for c in inspector.get_columns(name)}
        for column in tables[name].columns:
            if column.name not in have:
                default = column.default.arg if column.default is not None and not callable(
                    column.default.arg) else None
                server_default = None
                if default is not None:
                    server_default = sa.false() if default is False else sa.text(repr(default) if isinstance(
                        default, str) else str(int(default)))
                op.add_column(name, sa.Column(column.name, column.type, nullable=column.nullable,
                                              server_default=server_default))
    for name in NEW_TABLES:
        if name not in existing:
            tables[name].create(bind)
            if bind.dialect.name == "postgresql":  # the same second wall as c0002 gave every table
                op.execute(f'ALTER TABLE "{name}" OWNER TO {OWNER_ROLE}')
                op.execute(f'ALTER TABLE "{name}" ENABLE ROW LEVEL SECURITY')
                op.execute(f'ALTER TABLE "{name}" FORCE ROW LEVEL SECURITY')
                op.execute(f'GRANT SELECT, INSERT, UPDATE ON "{name}" TO {SERVICE_ROLE}')
                op.execute(f'''CREATE POLICY office_rows ON "{name}"
                    USING (office_id = current_setting('injury_desk.office_id', true))
                    WITH CHECK (office_id = current_setting('injury_desk.office_id', true))''')
    if "feed" in existing:
        op.execute(sa.text("UPDATE feed SET payload = NULL WHERE table_name IN ('claims', 'offices', "
                           "'determinations', 'attachments')"))


def downgrade() -> None:
    for name in reversed(NEW_TABLES):
        op.drop_table(name)
