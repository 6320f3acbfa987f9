"""audit anchors: every audit chain head each desktop sent, with the service's verdict on it

Revision ID: c0008_i13_audit_anchors
Revises: c0007_i17_headcounts
Create Date: 2026-12-03
"""
from alembic import op

from injury_desk.central.roles import OWNER_ROLE, SERVICE_ROLE
from injury_desk.central.tables import audit_anchors

revision = "c0008_i13_audit_anchors"
down_revision = "c0007_i17_headcounts"
branch_labels = None
depends_on = None


def upgrade() -> None:
    bind = op.get_bind()
    audit_anchors.create(bind)
    if bind.dialect.name == "postgresql":
        # The same second wall as every other table (c0002): the service sees its office's rows only.
        op.execute('ALTER TABLE "audit_anchors" ENABLE ROW LEVEL SECURITY')
        op.execute('ALTER TABLE "audit_anchors" FORCE ROW LEVEL SECURITY')
        op.execute(f'GRANT SELECT, INSERT ON "audit_anchors" TO {SERVICE_ROLE}')
        op.execute(f'GRANT USAGE ON SEQUENCE "audit_anchors_id_seq" TO {SERVICE_ROLE}')
        op.execute('''CREATE POLICY office_rows ON "audit_anchors"
            USING (office_id = current_setting('injury_desk.office_id', true))
            WITH CHECK (office_id = current_setting('injury_desk.office_id', true))''')
        op.execute(f'ALTER TABLE "audit_anchors" OWNER TO {OWNER_ROLE}')


def downgrade() -> None:
    op.drop_table("audit_anchors")

