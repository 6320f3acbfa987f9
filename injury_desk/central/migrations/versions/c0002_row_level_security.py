"""PostgreSQL second wall: owner and service roles, forced row-level security tied to offices

Revision ID: c0002
Revises: c0001
Create Date: 2026-11-28
"""
from alembic import op
from sqlalchemy import inspect

from injury_desk.central.roles import OWNER_ROLE, SERVICE_ROLE, lookup_policies

revision = "c0002"
down_revision = "c0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return  # the embedded SQLite store has one user: the service itself
    for role, login in ((OWNER_ROLE, "NOLOGIN"), (SERVICE_ROLE, "LOGIN")):
        can_login = "true" if login == "LOGIN" else "false"
        # Roles are shared by the whole cluster: create or correct them only when needed, and tolerate
        # another database's migration doing the same at the same moment.
        op.execute(f"""DO $$ BEGIN
            IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{role}') THEN
                BEGIN
                    CREATE ROLE {role} {login} NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
                EXCEPTION WHEN duplicate_object THEN NULL;
                END;
            END IF;
            IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{role}'
                       AND (rolcanlogin <> {can_login} OR rolsuper OR rolbypassrls)) THEN
                ALTER ROLE {role} {login} NOSUPERUSER NOBYPASSRLS;
            END IF;
            END $$""")
    op.execute(f"GRANT USAGE ON SCHEMA public TO {SERVICE_ROLE}")
    tables = inspect(bind).get_table_names()
    for name in tables:
        op.execute(f'ALTER TABLE "{name}" OWNER TO {OWNER_ROLE}')
        op.execute(f'ALTER TABLE "{name}" ENABLE ROW LEVEL SECURITY')
        op.execute(f'ALTER TABLE "{name}" FORCE ROW LEVEL SECURITY')
        if name == "central_alembic_version":
            continue  # no policy and no grant: the service never reads it
        op.execute(f'GRANT SELECT, INSERT, UPDATE ON "{name}" TO {SERVICE_ROLE}')
        op.execute(f'''CREATE POLICY office_rows ON "{name}"
            USING (office_id = current_setting('injury_desk.office_id', true))
            WITH CHECK (office_id = current_setting('injury_desk.office_id', true))''')
    op.execute(f'GRANT DELETE ON "tokens" TO {SERVICE_ROLE}')
    for name, policy, using in lookup_policies():
        op.execute(f'CREATE POLICY {policy} ON "{name}" FOR SELECT USING ({using})')


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    for name in inspect(bind).get_table_names():
        op.execute(f'DROP POLICY IF EXISTS office_rows ON "{name}"')
        op.execute(f'ALTER TABLE "{name}" NO FORCE ROW LEVEL SECURITY')
        op.execute(f'ALTER TABLE "{name}" DISABLE ROW LEVEL SECURITY')
    for name, policy, _using in lookup_policies():
        op.execute(f'DROP POLICY IF EXISTS {policy} ON "{name}"')
