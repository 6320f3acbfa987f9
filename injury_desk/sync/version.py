"""The sync schema version alone, for code that needs it without loading the message models."""

from __future__ import annotations

# Bumped whenever a synced table gains, loses or changes a column; both sides refuse other versions.
# 2: attachments table (migration 0003).
# 3: pull pages carry each table's rows as arrays under one list of column names.
SCHEMA_VERSION = 3
