"""employer headcounts by year; prevention spending on projects and publicity

Revision ID: 0005_i17_headcounts
Revises: 0004_i18_deadlines
Create Date: 2026-12-03
"""
from alembic import op
import sqlalchemy as sa

from injury_desk.store.base import UTCDateTime

revision = "0005_i17_headcounts"
down_revision = "0004_i18_deadlines"
branch_labels = None
depends_on = None


def _synced_columns(table: str) -> list[sa.Column]:
    return [
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        sa.Column("updated_by", sa.String(length=36), nullable=True),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("office_id", sa.String(length=36), nullable=False),
        sa.ForeignKeyConstraint(["office_id"], ["offices.id"], name=op.f(f"fk_{table}_office_id_offices")),
        sa.PrimaryKeyConstraint("id", name=op.f(f"pk_{table}")),
    ]


def upgrade() -> None:
    op.create_table(
        "employer_headcounts",
        sa.Column("employer_id", sa.String(length=36), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("headcount", sa.Integer(), nullable=False),
        sa.Column("source", sa.String(length=200), nullable=False),
        *_synced_columns("employer_headcounts"),
        sa.CheckConstraint("headcount >= 1", name=op.f("ck_employer_headcounts_headcount_positive")),
        sa.ForeignKeyConstraint(["employer_id"], ["employers.id"],
                                name=op.f("fk_employer_headcounts_employer_id_employers")),
    )
    op.create_index(op.f("ix_employer_headcounts_employer_id"), "employer_headcounts", ["employer_id"])
    op.create_index(op.f("ix_employer_headcounts_office_id"), "employer_headcounts", ["office_id"])
    op.create_table(
        "prevention_spends",
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("spent_on", sa.Date(), nullable=False),
        sa.Column("amount_fen", sa.Integer(), nullable=False),
        sa.Column("employer_id", sa.String(length=36), nullable=True),
        sa.Column("reference", sa.String(length=200), nullable=False),
        *_synced_columns("prevention_spends"),
        sa.CheckConstraint("kind in ('project','publicity')", name=op.f("ck_prevention_spends_kind")),
        sa.CheckConstraint("amount_fen >= 0", name=op.f("ck_prevention_spends_amount_nonneg")),
        sa.ForeignKeyConstraint(["employer_id"], ["employers.id"],
                                name=op.f("fk_prevention_spends_employer_id_employers")),
    )
    op.create_index(op.f("ix_prevention_spends_employer_id"), "prevention_spends", ["employer_id"])
    op.create_index(op.f("ix_prevention_spends_office_id"), "prevention_spends", ["office_id"])
    op.create_index(op.f("ix_prevention_spends_spent_on"), "prevention_spends", ["spent_on"])


def downgrade() -> None:
    op.drop_table("prevention_spends")
    op.drop_table("employer_headcounts")
