"""claim list read model with triggers and a trigram full-text index

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-28
"""
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

SORT_COLUMNS = ("claim_no", "worker_name", "id_number", "employer_name", "accident_date", "status", "next_deadline")

UPGRADE = [
    """CREATE TABLE claim_list (
        rid INTEGER PRIMARY KEY,
        claim_id VARCHAR(36) NOT NULL UNIQUE,
        office_id VARCHAR(36) NOT NULL,
        claim_no VARCHAR(40) NOT NULL,
        worker_name VARCHAR(100) NOT NULL,
        id_number VARCHAR(18) NOT NULL,
        employer_name VARCHAR(200) NOT NULL,
        accident_date DATE NOT NULL,
        status VARCHAR(32) NOT NULL,
        next_deadline DATE,
        assigned_to VARCHAR(36),
        deleted BOOLEAN NOT NULL
    )""",
    *[f"CREATE INDEX ix_claim_list_{c} ON claim_list (deleted, {c}, rid)" for c in SORT_COLUMNS],
    """CREATE VIRTUAL TABLE claim_list_fts USING fts5(
        claim_no, worker_name, id_number, employer_name,
        content='claim_list', content_rowid='rid', tokenize='trigram')""",
    """CREATE TRIGGER claim_list_ai AFTER INSERT ON claim_list BEGIN
        INSERT INTO claim_list_fts(rowid, claim_no, worker_name, id_number, employer_name)
        VALUES (new.rid, new.claim_no, new.worker_name, new.id_number, new.employer_name);
    END""",
    """CREATE TRIGGER claim_list_ad AFTER DELETE ON claim_list BEGIN
        INSERT INTO claim_list_fts(claim_list_fts, rowid, claim_no, worker_name, id_number, employer_name)
        VALUES ('delete', old.rid, old.claim_no, old.worker_name, old.id_number, old.employer_name);
    END""",
    """CREATE TRIGGER claim_list_au AFTER UPDATE OF claim_no, worker_name, id_number, employer_name ON claim_list BEGIN
        INSERT INTO claim_list_fts(claim_list_fts, rowid, claim_no, worker_name, id_number, employer_name)
        VALUES ('delete', old.rid, old.claim_no, old.worker_name, old.id_number, old.employer_name);
        INSERT INTO claim_list_fts(rowid, claim_no, worker_name, id_number, employer_name)
        VALUES (new.rid, new.claim_no, new.worker_name, new.id_number, new.employer_name);
    END""",
    # The read model follows the synced tables whatever writes them (services, import, sync apply).
    """CREATE TRIGGER claims_list_ai AFTER INSERT ON claims BEGIN
        INSERT INTO claim_list(claim_id, office_id, claim_no, worker_name, id_number, employer_name,
                               accident_date, status, next_deadline, assigned_to, deleted)
        SELECT new.id, new.office_id, new.claim_no, p.name, p.id_number, e.name,
               new.accident_date, new.status, new.next_deadline, new.assigned_to, new.deleted
        FROM people p, employers e WHERE p.id = new.worker_id AND e.id = new.employer_id;
    END""",
    """CREATE TRIGGER claims_list_au AFTER UPDATE ON claims BEGIN
        UPDATE claim_list SET
            office_id = new.office_id, claim_no = new.claim_no,
            worker_name = (SELECT name FROM people WHERE id = new.worker_id),
            id_number = (SELECT id_number FROM people WHERE id = new.worker_id),
            employer_name = (SELECT name FROM employers WHERE id = new.employer_id),
            accident_date = new.accident_date, status = new.status, next_deadline = new.next_deadline,
            assigned_to = new.assigned_to, deleted = new.deleted
        WHERE claim_id = new.id;
    END""",
    """CREATE TRIGGER people_list_au AFTER UPDATE OF name, id_number ON people BEGIN
        UPDATE claim_list SET worker_name = new.name, id_number = new.id_number
        WHERE claim_id IN (SELECT id FROM claims WHERE worker_id = new.id);
    END""",
    """CREATE TRIGGER employers_list_au AFTER UPDATE OF name ON employers BEGIN
        UPDATE claim_list SET employer_name = new.name
        WHERE claim_id IN (SELECT id FROM claims WHERE employer_id = new.id);
    END""",
    # Fill the read model for claims that existed before this revision.
    """INSERT INTO claim_list(claim_id, office_id, claim_no, worker_name, id_number, employer_name,
                              accident_date, status, next_deadline, assigned_to, deleted)
       SELECT c.id, c.office_id, c.claim_no, p.name, p.id_number, e.name,
              c.accident_date, c.status, c.next_deadline, c.assigned_to, c.deleted
       FROM claims c JOIN people p ON p.id = c.worker_id JOIN employers e ON e.id = c.employer_id""",
]

DOWNGRADE = [
    "DROP TRIGGER IF EXISTS employers_list_au",
    "DROP TRIGGER IF EXISTS people_list_au",
    "DROP TRIGGER IF EXISTS claims_list_au",
    "DROP TRIGGER IF EXISTS claims_list_ai",
    "DROP TRIGGER IF EXISTS claim_list_au",
    "DROP TRIGGER IF EXISTS claim_list_ad",
    "DROP TRIGGER IF EXISTS claim_list_ai",
    "DROP TABLE IF EXISTS claim_list_fts",
    "DROP TABLE IF EXISTS claim_list",
]


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return  # the read model is a desktop (SQLite) structure only
    for sql in UPGRADE:
        op.execute(sql)


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    for sql in DOWNGRADE:
        op.execute(sql)
