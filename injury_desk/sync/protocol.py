"""Message shapes and schema version shared by the desktop and the central service."""

from __future__ import annotations

# Bumped whenever a synced table gains, loses or changes a column; both sides refuse other versions.
SCHEMA_VERSION = 1
