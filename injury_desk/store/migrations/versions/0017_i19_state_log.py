"""issue 19: the office state hash kept as rows change, so that a sync's state check costs what changed

Revision ID: 0017_i19_state_log
Revises: 0016_i19_assessment_facts_index
Create Date: 2026-12-07

Every sync compared the central state hash with one computed over the office's every row on the desktop: 2 µs a
row, each sync, however little it brought (0.2 s at 100,000 rows, and every page of every synced table read). Now a
trigger on each synced table logs each change of a row's (id, office, version) in ``state_log``, whoever writes it
(the sync, a save, a tool with the key), and the sync folds the log into the sum it keeps (sync/kept_state.py).
AUTOINCREMENT: a log entry's number is never reused after the log is emptied, as the fold deletes what it read
by number.
"""
from alembic import op

revision = "0017_i19_state_log"
down_revision = "0016_i19_assessment_facts_index"
branch_labels = None
depends_on = None

# The synced tables at this revision (a later synced table gets its triggers in its own migration; a test checks
# that every synced table has them).
TABLES = ("offices", "attachments", "employers", "people", "users", "employer_headcounts", "incidents",
          "inspections", "prevention_spends", "training_sessions", "claims", "hazards", "appraisals", "assessments",
          "claim_costs", "claim_notes", "corrective_actions", "decision_documents", "dependants",
          "determination_suspensions", "determinations", "fund_advances", "missing_workers", "recurrences",
          "rehab_cases", "wage_records", "deliveries", "payments", "rehab_plans", "rehab_goals", "rehab_sessions",
          "rehab_measurements")

LOG = ("INSERT INTO state_log (table_name, old_id, old_office_id, old_version, new_id, new_office_id, new_version)"
       " VALUES ('{table}', {old}, {new})")
OLD = "old.id, old.office_id, old.version"
NEW = "new.id, new.office_id, new.version"
NONE = "NULL, NULL, NULL"


def triggers(table: str) -> list[str]:
    """The three triggers that log ``table``'s rows as the state hash counts them (a local row, version 0, is not
    counted until the central store gives it a version)."""
    return [
        f"CREATE TRIGGER state_log_{table}_ai AFTER INSERT ON {table} WHEN new.version > 0 BEGIN "
        + LOG.format(table=table, old=NONE, new=NEW) + "; END",
        f"CREATE TRIGGER state_log_{table}_au AFTER UPDATE OF id, office_id, version ON {table}"
        " WHEN old.version IS NOT new.version OR old.office_id IS NOT new.office_id OR old.id IS NOT new.id BEGIN "
        + LOG.format(table=table, old=OLD, new=NEW) + "; END",
        f"CREATE TRIGGER state_log_{table}_ad AFTER DELETE ON {table} WHEN old.version > 0 BEGIN "
        + LOG.format(table=table, old=OLD, new=NONE) + "; END",
    ]


def upgrade() -> None:
    op.execute("CREATE TABLE state_log (seq INTEGER PRIMARY KEY AUTOINCREMENT, table_name TEXT NOT NULL,"
               " old_id TEXT, old_office_id TEXT, old_version INTEGER, new_id TEXT, new_office_id TEXT,"
               " new_version INTEGER)")
    for table in TABLES:
        for sql in triggers(table):
            op.execute(sql)


def downgrade() -> None:
    for table in TABLES:
        for kind in ("ai", "au", "ad"):
            op.execute(f"DROP TRIGGER IF EXISTS state_log_{table}_{kind}")
    op.execute("DROP TABLE IF EXISTS state_log")
