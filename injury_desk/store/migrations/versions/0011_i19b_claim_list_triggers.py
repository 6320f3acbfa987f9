"""issue 19: the claims list's triggers act only when a listed value really changed

Revision ID: 0011_i19b_claim_list_triggers
Revises: 0010_i19_people_per_office
Create Date: 2026-12-03

An UPDATE fires ``AFTER UPDATE OF col`` whenever ``col`` is in its SET list, changed or not, and the claims
list's own update sets every column. So each claim whose next deadline was refreshed after a pull (a local
column, recomputed for every pulled claim) also deleted and re-inserted its full-text entry: two trigram index
writes for nothing, about a third of the list's cost on a large pull. The WHEN clauses below keep the list and
its index exactly as before, and skip the work when nothing they show changed.
"""
from alembic import op

revision = "0011_i19b_claim_list_triggers"
down_revision = "0010_i19_people_per_office"
branch_labels = None
depends_on = None

FTS_COLUMNS = ("claim_no", "worker_name", "id_number", "employer_name")
LISTED_CLAIM_COLUMNS = ("office_id", "claim_no", "worker_id", "employer_id", "accident_date", "status",
                        "next_deadline", "assigned_to", "deleted")

FTS_UPDATE_BODY = """
        INSERT INTO claim_list_fts(claim_list_fts, rowid, claim_no, worker_name, id_number, employer_name)
        VALUES ('delete', old.rid, old.claim_no, old.worker_name, old.id_number, old.employer_name);
        INSERT INTO claim_list_fts(rowid, claim_no, worker_name, id_number, employer_name)
        VALUES (new.rid, new.claim_no, new.worker_name, new.id_number, new.employer_name);
    END"""

CLAIMS_UPDATE_BODY = """
        UPDATE claim_list SET
            office_id = new.office_id, claim_no = new.claim_no,
            worker_name = (SELECT name FROM people WHERE id = new.worker_id),
            id_number = (SELECT id_number FROM people WHERE id = new.worker_id),
            employer_name = (SELECT name FROM employers WHERE id = new.employer_id),
            accident_date = new.accident_date, status = new.status, next_deadline = new.next_deadline,
            assigned_to = new.assigned_to, deleted = new.deleted
        WHERE claim_id = new.id;
    END"""


def _changed(columns: tuple[str, ...]) -> str:
    return " OR ".join(f"old.{c} IS NOT new.{c}" for c in columns)


def upgrade() -> None:
    op.execute("DROP TRIGGER IF EXISTS claim_list_au")
    op.execute("CREATE TRIGGER claim_list_au AFTER UPDATE OF claim_no, worker_name, id_number, employer_name"
               f" ON claim_list WHEN {_changed(FTS_COLUMNS)} BEGIN" + FTS_UPDATE_BODY)
    op.execute("DROP TRIGGER IF EXISTS claims_list_au")
    op.execute(f"CREATE TRIGGER claims_list_au AFTER UPDATE ON claims WHEN {_changed(LISTED_CLAIM_COLUMNS)} BEGIN"
               + CLAIMS_UPDATE_BODY)


def downgrade() -> None:
    op.execute("DROP TRIGGER IF EXISTS claim_list_au")
    op.execute("CREATE TRIGGER claim_list_au AFTER UPDATE OF claim_no, worker_name, id_number, employer_name"
               " ON claim_list BEGIN" + FTS_UPDATE_BODY)
    op.execute("DROP TRIGGER IF EXISTS claims_list_au")
    op.execute("CREATE TRIGGER claims_list_au AFTER UPDATE ON claims BEGIN" + CLAIMS_UPDATE_BODY)
