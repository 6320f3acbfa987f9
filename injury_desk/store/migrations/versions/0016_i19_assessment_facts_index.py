"""issue 19: a covering index for a claim's assessment facts (claim and status of the rows not deleted)

Revision ID: 0016_i19_assessment_facts_index
Revises: 0015_i15_death_date
Create Date: 2026-12-06

A claim's facts (store/quick_facts.py) need only the status of each of its assessments, but an assessment row holds
the calculation's inputs and result (a few KiB of JSON): read through ix_assessments_claim_id, almost every
assessment cost a page of its own to read and decrypt. On the 20,000-claim demo the facts' assessments query went
from 0.22 s to 0.015 s with this index; a pull reads the facts of every claim it brings, the Tasks page those of
the office's open claims.
"""
from alembic import op

revision = "0016_i19_assessment_facts_index"
down_revision = "0015_i15_death_date"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("CREATE INDEX ix_assessments_claim_status ON assessments (claim_id, status) WHERE deleted = 0")


def downgrade() -> None:
    op.execute("DROP INDEX ix_assessments_claim_status")
