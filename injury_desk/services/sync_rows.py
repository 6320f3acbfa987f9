"""The sync state and queues as plain data, read with sqlite3 alone (no SQLAlchemy): for the Sync page's quick start."""

from __future__ import annotations

from injury_desk.services.actor import Actor
from injury_desk.services.permissions import require
from injury_desk.store.quick_sync import (
    ConflictView,
    PendingChange,
    RejectedView,
    SyncStatus,
    conflict_views,
    outbox_changes,
    record_names,
    rejected_views,
    sync_status,
)

__all__ = ["LIST_LIMIT", "ConflictView", "PendingChange", "RejectedView", "SyncLists", "SyncStatus", "quick_lists",
           "quick_status"]

# How many waiting changes the Sync page lists (OutboxViewService.list's default).
LIST_LIMIT = 1000

SyncLists = tuple[list[PendingChange], list[ConflictView], list[RejectedView], dict[tuple[str, str], str]]


def quick_status(con, actor: Actor) -> SyncStatus:
    """SyncService.status, on a plain connection (QuickStart.read)."""
    require(actor, "sync.run")
    return sync_status(con)


def quick_lists(con, actor: Actor) -> SyncLists:
    """What the Sync page's lists show, on a plain connection (QuickStart.read): the waiting changes
    (OutboxViewService.list), open conflicts and refused changes (SyncService.conflicts, .rejected) and the names
    of their records (OutboxViewService.record_names), each by the function those services run."""
    require(actor, "claim.view")
    pending = outbox_changes(con, "pending", LIST_LIMIT)
    require(actor, "sync.run")
    conflicts = conflict_views(con, open_only=True)
    rejected = rejected_views(con)
    names = record_names(con, [(row.table, row.row_id) for row in (*pending, *conflicts, *rejected)])
    return pending, conflicts, rejected, names
