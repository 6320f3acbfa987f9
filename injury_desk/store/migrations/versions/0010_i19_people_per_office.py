"""issue 19: a person's ID number is unique per office (each office holds its own record of the same worker)

Revision ID: 0010_i19_people_per_office
Revises: 0009_i15_dependant_payments
Create Date: 2026-12-03
"""
from alembic import op

revision = '0010_i19_people_per_office'
down_revision = '0009_i15_dependant_payments'
branch_labels = None
depends_on = None


def _recreate(drop: str, create: str, columns: list[str]) -> None:
    # SQLite drops a table constraint only by copying the table, and the copy loses the table's triggers (the
    # claims list follows a person's name and ID number): they are read first and made again afterwards.
    bind = op.get_bind()
    triggers = [r[0] for r in bind.exec_driver_sql(
        "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'people' AND sql IS NOT NULL")]
    # The triggers of other tables that name people (a new claim's list row) stay as they are: the legacy rename
    # does not check them against the table that is, for a moment, gone.
    bind.exec_driver_sql("PRAGMA legacy_alter_table=ON")
    try:
        with op.batch_alter_table('people', recreate='always') as batch:
            batch.drop_constraint(drop, type_='unique')
            batch.create_unique_constraint(create, columns)
    finally:
        bind.exec_driver_sql("PRAGMA legacy_alter_table=OFF")
    for sql in triggers:
        bind.exec_driver_sql(sql)


def upgrade() -> None:
    _recreate('uq_people_id_number', 'uq_people_office_id_number', ['office_id', 'id_number'])


def downgrade() -> None:
    _recreate('uq_people_office_id_number', 'uq_people_id_number', ['id_number'])
