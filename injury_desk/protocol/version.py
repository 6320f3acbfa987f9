"""The sync schema version alone, for code that needs it without loading the message models."""

from __future__ import annotations

# Bumped whenever a synced table gains, loses or changes a column; both sides refuse other versions.
# 2: attachments table (migration 0003).
# 3: pull pages carry each table's rows as arrays under one list of column names.
# 4: employer_headcounts and prevention_spends tables (migrations 0005_i17_headcounts, c0007_i17_headcounts).
# 5: every sync sends the desktop's audit chain head to be anchored (AnchorRequest, /v1/anchor, packages).
# 6: dependants and claim_costs tables, claims.stop_work_ended_on and stop_work_extension_ref (0007_i15, c0009_i15).
# 7: assessments.supersedes_id, effective_from, settlement (0008_i15_reappraisal, c0011_i15_reappraisal).
# 8: payments.dependant_id (0009_i15_dependant_payments, c0012_i15_dependant_payments).
# 9: recurrences table (0012_i15_recurrences, c0015_i15_recurrences).
# 10: employers.insured, insured_from, insured_to; fund_advances table (0013_i15_uninsured, c0016_i15_uninsured).
# 11: missing_workers table (0014_i15_missing_workers, c0017_i15_missing_workers).
# 12: claims.death_date (0015_i15_death_date, c0018_i15_death_date).
SCHEMA_VERSION = 12
