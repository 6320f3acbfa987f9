"""issue 15: employers.insured, insured_from, insured_to and the synced table fund_advances on central stores made
before them

Revision ID: c0016_i15_uninsured
Revises: c0015_i15_recurrences
Create Date: 2026-12-03
"""
import sqlalchemy as sa
from alembic import op

from injury_desk.central.roles import OWNER_ROLE, SERVICE_ROLE
from injury_desk.central.tables import synced_tables

revision = "c0016_i15_uninsured"
down_revision = "c0015_i15_recurrences"
branch_labels = None
depends_on = None

NEW_TABLES = ("fund_advances",)

# c0001 creates the synced tables from the current definitions, so a new store has all of this already. Employers
# rows carry new columns, so their feed payloads are emptied (a pull then encodes those rows itself, c0005).


def upgrade() -> None:
    bind = op.get_bind()
    inspector = sa.inspect(bind)
    existing = set(inspector.get_table_names())
    have = {c["name"] for c in inspector.get_columns("employers")}
    if "insured" not in have:
        op.add_column("employers", sa.Column("insured", sa.Boolean(), nullable=False, server_default=sa.true()))
    for name in ("insured_from", "insured_to"):
        if name not in have:
            op.add_column("employers", sa.Column(name, sa.Date(), nullable=True))
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
    if "feed" in existing:
        op.execute(sa.text("UPDATE feed SET payload = NULL WHERE table_name = 'employers'"))


def downgrade() -> None:
    for name in reversed(NEW_TABLES):
        op.drop_table(name)
    with op.batch_alter_table("employers") as batch:
        batch.drop_column("insured_to")
        batch.drop_column("insured_from")
        batch.drop_column("insured")
