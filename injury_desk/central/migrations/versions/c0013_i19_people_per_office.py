"""issue 19: a person's ID number is unique per office (each office holds its own record of the same worker,
and an insert can no longer collide with, and so reveal, another office's record)

Revision ID: c0013_i19_people_per_office
Revises: c0012_i15_dependant_payments
Create Date: 2026-12-03
"""
from alembic import op
from sqlalchemy import inspect

revision = "c0013_i19_people_per_office"
down_revision = "c0012_i15_dependant_payments"
branch_labels = None
depends_on = None


def _unique_names() -> set[str]:
    return {u["name"] for u in inspect(op.get_bind()).get_unique_constraints("people")}


def upgrade() -> None:
    # c0001 creates the table from the current definition, which has the new key already.
    if "uq_people_id_number" not in _unique_names():
        return
    with op.batch_alter_table("people") as batch:  # SQLite copies the table (the central store has no triggers)
        batch.drop_constraint("uq_people_id_number", type_="unique")
        batch.create_unique_constraint("uq_people_office_id_number", ["office_id", "id_number"])


def downgrade() -> None:
    with op.batch_alter_table("people") as batch:
        batch.drop_constraint("uq_people_office_id_number", type_="unique")
        batch.create_unique_constraint("uq_people_id_number", ["id_number"])
