"""applied mutation ids are keyed by device: the same id sent by another device is not a clash

Revision ID: c0004
Revises: c0003
Create Date: 2026-11-28
"""
from alembic import op
from sqlalchemy import inspect

revision = "c0004"
down_revision = "c0003"
branch_labels = None
depends_on = None

# Before this, a device that sent a mutation id another office had already used hit the primary key of
# that office's row (invisible to it under row-level security) and got a server error on every push.
# c0001 creates the table from the current definition, which already has this key: change only old ones.


def _key() -> list[str]:
    return inspect(op.get_bind()).get_pk_constraint("applied_mutations")["constrained_columns"]


def upgrade() -> None:
    if _key() == ["device_id", "mutation_id"]:
        return
    with op.batch_alter_table("applied_mutations", recreate="auto") as batch:
        batch.drop_constraint("pk_applied_mutations", type_="primary")
        batch.create_primary_key("pk_applied_mutations", ["device_id", "mutation_id"])


def downgrade() -> None:
    with op.batch_alter_table("applied_mutations", recreate="auto") as batch:
        batch.drop_constraint("pk_applied_mutations", type_="primary")
        batch.create_primary_key("pk_applied_mutations", ["mutation_id"])
