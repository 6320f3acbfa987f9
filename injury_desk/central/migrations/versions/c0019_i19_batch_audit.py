"""issue 19: idempotency by device sequence (the last batch's reply on the device), one audit event per pushed batch,
and the feed's highest version written by another writer

Revision ID: c0019_i19_batch_audit
Revises: c0018_i15_death_date
Create Date: 2026-12-03
"""
import sqlalchemy as sa
from alembic import op

revision = "c0019_i19_batch_audit"
down_revision = "c0018_i15_death_date"
branch_labels = None
depends_on = None

# c0001 creates these tables from the current definitions, which have the columns already: add them only to older
# stores. applied_mutations stays, read only, so a mutation answered before this revision still gets its result.


def _columns(table: str) -> set[str]:
    return {c["name"] for c in sa.inspect(op.get_bind()).get_columns(table)}


def upgrade() -> None:
    bind = op.get_bind()
    if "last_batch" not in _columns("devices"):
        op.add_column("devices", sa.Column("last_batch", sa.JSON(), nullable=True))
    audit_columns = _columns("central_audit")
    for name, type_ in (("first_seq", sa.Integer()), ("last_seq", sa.Integer()), ("entries", sa.JSON())):
        if name not in audit_columns:
            op.add_column("central_audit", sa.Column(name, type_, nullable=True))
    if "ix_central_audit_device_last_seq" not in {i["name"] for i in sa.inspect(bind).get_indexes("central_audit")}:
        op.create_index("ix_central_audit_device_last_seq", "central_audit", ["device_id", "last_seq"])
    if "others_version" not in _columns("feed"):
        op.add_column("feed", sa.Column("others_version", sa.Integer(), nullable=True))
        _backfill_others_version(bind)


def _backfill_others_version(bind) -> None:
    """Replays the per-row audit events written so far: for each row, the highest version a writer other than the
    one its feed entry names wrote. Entries older than c0014 name no writer, so every version counts as another's
    there (a delete against a newer version is then a conflict: the careful answer)."""
    audit = sa.table("central_audit", sa.column("office_id"), sa.column("seq"), sa.column("device_id"),
                     sa.column("table_name"), sa.column("row_id"), sa.column("after", sa.JSON()))
    feed = sa.table("feed", sa.column("table_name"), sa.column("row_id"), sa.column("device_id"),
                    sa.column("seq"), sa.column("others_version"))
    writers: dict[tuple[str, str], dict[str | None, int]] = {}  # row -> writer -> highest version it wrote
    q = sa.select(audit.c.device_id, audit.c.table_name, audit.c.row_id, audit.c.after).order_by(
        audit.c.office_id, audit.c.seq)
    for ev in bind.execute(q).yield_per(10_000):
        version = (ev.after or {}).get("version") if isinstance(ev.after, dict) else None
        if isinstance(version, int):
            mine = writers.setdefault((ev.table_name, ev.row_id), {})
            mine[ev.device_id] = max(mine.get(ev.device_id, 0), version)
    updates = []
    for row in bind.execute(sa.select(feed.c.table_name, feed.c.row_id, feed.c.device_id, feed.c.seq)):
        by_writer = writers.get((row.table_name, row.row_id), {})
        others = row.seq if row.device_id is None else max(
            (v for w, v in by_writer.items() if w != row.device_id), default=0)
        updates.append({"t": row.table_name, "r": row.row_id, "v": others})
    if updates:
        bind.execute(sa.update(feed).where(feed.c.table_name == sa.bindparam("t"), feed.c.row_id == sa.bindparam("r"))
                     .values(others_version=sa.bindparam("v")), updates)


def downgrade() -> None:
    with op.batch_alter_table("feed") as batch:
        batch.drop_column("others_version")
    op.drop_index("ix_central_audit_device_last_seq", table_name="central_audit")
    with op.batch_alter_table("central_audit") as batch:
        for name in ("entries", "last_seq", "first_seq"):
            batch.drop_column(name)
    with op.batch_alter_table("devices") as batch:
        batch.drop_column("last_batch")
