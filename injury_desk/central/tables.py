"""Tables only the central store has: devices, tokens, the change feed, applied mutations, conflicts, audit."""

from __future__ import annotations

from functools import cache

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Index,
    Integer,
    MetaData,
    PrimaryKeyConstraint,
    String,
    Table,
    Text,
    UniqueConstraint,
)

from injury_desk.store.base import NAMING, UTCDateTime
from injury_desk.store.models import SYNCED_MODELS

central_metadata = MetaData(naming_convention=NAMING)

devices = Table(
    "devices", central_metadata,
    Column("id", String(36), primary_key=True),
    Column("office_id", String(36), nullable=False, index=True),
    Column("tag", String(8), nullable=False),
    Column("name", String(200), nullable=False, default=""),
    Column("secret_hash", String(255), nullable=False),
    Column("package_key", String(64), nullable=False),  # signs sync packages (derived from the secret)
    Column("enrolled_at", UTCDateTime(), nullable=False),
    Column("active", Boolean, nullable=False, default=True),
    Column("last_seq", Integer, nullable=False, default=0),  # highest device sequence processed
    # The reply to the device's last batch, with each mutation's content digest (c0019): a resend of that batch (the
    # usual lost reply) is answered from here, as an idempotent producer's broker does.
    Column("last_batch", JSON, nullable=True),
    Column("last_package_seq", Integer, nullable=False, default=0),
    UniqueConstraint("office_id", "tag", name="uq_devices_office_tag"),
)

enrolment_codes = Table(
    "enrolment_codes", central_metadata,
    Column("code_hash", String(64), primary_key=True),
    Column("office_id", String(36), nullable=False),
    Column("created_at", UTCDateTime(), nullable=False),
    Column("expires_at", UTCDateTime(), nullable=False),
    Column("used_by", String(36), nullable=True),
)

tokens = Table(
    "tokens", central_metadata,
    Column("token_hash", String(64), primary_key=True),
    Column("device_id", String(36), nullable=False),
    Column("office_id", String(36), nullable=False),
    Column("expires_at", UTCDateTime(), nullable=False),
)

office_counters = Table(
    "office_counters", central_metadata,
    Column("office_id", String(36), primary_key=True),
    Column("last_seq", Integer, nullable=False, default=0),  # the office feed's sequence
    Column("audit_seq", Integer, nullable=False, default=0),
    Column("audit_hash", String(64), nullable=False),
    # The office's state hash (central/office_state.py): XOR of its rows' digests, 32 hex digits, and their count,
    # kept by every write through OfficeLog; NULL in a store from before c0020 until the office's first write
    # computes it. A data migration that changes synced rows must set both NULL (or recompute them).
    Column("state_acc", String(32), nullable=True),
    Column("state_rows", Integer, nullable=True),
)

feed = Table(
    "feed", central_metadata,
    Column("table_name", String(64), nullable=False),
    Column("row_id", String(36), nullable=False),
    Column("office_id", String(36), nullable=False),
    Column("seq", Integer, nullable=False),
    # The row as pull pages carry it: a JSON array of page_columns() values, written with the row (c0005).
    # Empty for rows a pull reads and encodes itself: entries from before c0005, attachments. A migration
    # that changes a synced table's columns must empty that table's payloads.
    Column("payload", Text, nullable=True),
    # The device whose push wrote the row's current version (c0014): its own pulls skip the entry, since the
    # push reply brought that version already. Empty for rows written otherwise (accounts, imports, older entries).
    Column("device_id", String(36), nullable=True),
    # The highest version of the row that a writer other than device_id wrote (c0019; 0: none), so a delete can
    # tell whether another device edited the row after its base without reading the row's history.
    Column("others_version", Integer, nullable=True),
    PrimaryKeyConstraint("table_name", "row_id", name="pk_feed"),
    UniqueConstraint("office_id", "seq", name="uq_feed_office_seq"),
)

# One stored result per mutation, written before c0019 only: read for a resend of a mutation answered then.
applied_mutations = Table(
    "applied_mutations", central_metadata,
    Column("mutation_id", String(36), nullable=False),
    Column("office_id", String(36), nullable=False),
    # Mutation ids are the device's own: another device (of any office) using the same id is no clash.
    Column("device_id", String(36), nullable=False),
    Column("seq", Integer, nullable=False),
    Column("result", JSON, nullable=False),
    # SHA-256 of the mutation's content (all but its id), so the same id with other content is told apart from
    # a resend (c0010_i19_mutation_digest; empty for mutations applied before it).
    Column("digest", String(64), nullable=True),
    PrimaryKeyConstraint("device_id", "mutation_id", name="pk_applied_mutations"),
    Index("ix_applied_mutations_device_seq", "device_id", "seq"),
)

conflicts = Table(
    "conflicts", central_metadata,
    Column("id", String(36), primary_key=True),
    Column("office_id", String(36), nullable=False, index=True),
    Column("table_name", String(64), nullable=False),
    Column("row_id", String(36), nullable=False),
    Column("field", String(64), nullable=False),
    Column("base", JSON, nullable=True),
    Column("central", JSON, nullable=True),
    Column("client", JSON, nullable=True),
    Column("central_version", Integer, nullable=False),
    Column("mutation_id", String(36), nullable=False),
    Column("device_id", String(36), nullable=False),
    Column("state", String(16), nullable=False, default="open"),
    Column("resolved_by", String(36), nullable=True),  # the mutation that settled it
)

central_audit = Table(
    "central_audit", central_metadata,
    Column("office_id", String(36), nullable=False),
    Column("seq", Integer, nullable=False),
    Column("at", UTCDateTime(), nullable=False),
    Column("user_id", String(36), nullable=True),
    Column("device_id", String(36), nullable=True),
    Column("mutation_id", String(36), nullable=True),
    Column("action", String(64), nullable=False),
    Column("table_name", String(64), nullable=False),
    Column("row_id", String(36), nullable=False),
    Column("before", JSON, nullable=True),
    Column("after", JSON, nullable=True),
    Column("prev_hash", String(64), nullable=False),
    Column("hash", String(64), nullable=False),
    # A pushed batch is one event (action sync.batch, c0019): the device sequences it covers and, in order, one
    # entry per mutation (its content digest, what it changed and the result it got), all part of the hash.
    Column("first_seq", Integer, nullable=True),
    Column("last_seq", Integer, nullable=True),
    Column("entries", JSON, nullable=True),
    PrimaryKeyConstraint("office_id", "seq", name="pk_central_audit"),
    Index("ix_central_audit_device_last_seq", "device_id", "last_seq"),
)

packages = Table(
    "packages", central_metadata,
    Column("device_id", String(36), nullable=False),
    Column("package_seq", Integer, nullable=False),
    Column("office_id", String(36), nullable=False),
    Column("applied_at", UTCDateTime(), nullable=False),
    Column("reply_digest", String(64), nullable=False),
    PrimaryKeyConstraint("device_id", "package_seq", name="pk_packages"),
)

CENTRAL_TABLES = (devices, enrolment_codes, tokens, office_counters, feed, applied_mutations, conflicts,
                  central_audit, packages)


# Every audit chain head a desktop sent (central migration c0008_i13_audit_anchors; not in CENTRAL_TABLES, which c0001 creates).
audit_anchors = Table(
    "audit_anchors", central_metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("office_id", String(36), nullable=False),
    Column("device_id", String(36), nullable=False),
    Column("seq", Integer, nullable=False),
    Column("hash", String(64), nullable=False),
    Column("proof_seq", Integer, nullable=True),
    Column("proof_hash", String(64), nullable=True),
    Column("verdict", String(16), nullable=False),  # first, extends, unproven, diverged
    Column("received_at", UTCDateTime(), nullable=False),
    Index("ix_audit_anchors_device_seq", "device_id", "seq"),
)


@cache
def synced_tables() -> tuple[Table, ...]:
    """The synced tables (shared metadata with the desktop), parents before children (sorted once)."""
    names = {m.__tablename__ for m in SYNCED_MODELS}
    return tuple(t for t in SYNCED_MODELS[0].metadata.sorted_tables if t.name in names)


@cache
def page_columns(table_name: str) -> tuple[Column, ...]:
    """The columns a pull page carries for a synced table, in order: all but those each desktop derives
    for itself."""
    model = next(m for m in SYNCED_MODELS if m.__tablename__ == table_name)
    return tuple(c for c in model.__table__.columns if c.name not in model.__local_columns__)
