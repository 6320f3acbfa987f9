"""Field-level merge of one mutation against the central row: apply, no-op, conflict or reject."""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from typing import Any

from injury_desk.domain.permissions import TABLE_PERMISSIONS, change_permission, may_change
from injury_desk.store.rowcodec import BadValue, check_value, synced_table, writable_columns
from injury_desk.protocol.messages import Mutation

# Devices never write these tables: offices and accounts are made centrally and only synced down.
CENTRAL_ONLY_TABLES = frozenset(t for t, pair in TABLE_PERMISSIONS.items() if pair is None)


# A reference no foreign key declares: an attachment names its owner's table and id.
OWNER_REFERENCES = {"attachments": ("owner_table", "owner_id")}
# Row ids no foreign key declares, checked like foreign keys: a note that corrects an earlier note of its claim.
SOFT_REFERENCES: dict[str, tuple[tuple[str, str], ...]] = {"claim_notes": (("corrects_id", "claim_notes"),)}


@functools.cache
def references(table_name: str) -> tuple[tuple[str, str], ...]:
    """(column, referenced table) of every foreign key of a synced table but its office: each must point to a
    row of the same office (offices themselves are checked through ``office_id``)."""
    table = synced_table(table_name)
    assert table is not None
    out = []
    for fk in sorted(table.foreign_keys, key=lambda f: f.parent.name):
        if fk.parent.name != "office_id":
            assert fk.column.name == "id", fk  # every reference is to a row id; reading them relies on it
            out.append((fk.parent.name, fk.column.table.name))
    return tuple(out) + SOFT_REFERENCES.get(table_name, ())


def referenced_rows(m: Mutation, current: dict[str, Any] | None) -> list[tuple[str, str, str]]:
    """(column, table, id) of every row ``m`` makes its row point to (only references it sets or changes)."""
    out = []
    for column, target in references(m.table):
        pair = m.changes.get(column)
        if pair is not None and isinstance(pair[1], str):
            out.append((column, target, pair[1]))
    owner = OWNER_REFERENCES.get(m.table)
    if owner and (owner[0] in m.changes or owner[1] in m.changes):
        table_col, id_col = owner
        old = current or {}
        owner_table = m.changes[table_col][1] if table_col in m.changes else old.get(table_col)
        owner_id = m.changes[id_col][1] if id_col in m.changes else old.get(id_col)
        if isinstance(owner_table, str) and isinstance(owner_id, str):
            out.append((id_col, owner_table, owner_id))
    return out


class Rejected(Exception):
    def __init__(self, key: str, **params: Any) -> None:
        super().__init__(key)
        self.key = key
        self.params = params


@dataclass
class Outcome:
    """What a mutation does to the row: the fields applied, the conflicts found, the new row."""

    status: str  # applied, noop, conflict
    applied: dict[str, Any] = field(default_factory=dict)
    before: dict[str, Any] = field(default_factory=dict)
    conflicts: list[tuple[str, Any, Any, Any]] = field(default_factory=list)  # field, base, central, client
    row: dict[str, Any] | None = None  # the full row afterwards (JSON values)
    inserted: bool = False


def validate(m: Mutation, office_id: str, users: dict[str, tuple[str, bool]]) -> dict[str, Any]:
    """Checks a mutation on its own; returns its writable columns. Raises Rejected."""
    table = synced_table(m.table)
    if table is None:
        raise Rejected("sync.unknown_table", table=m.table)
    if m.table in CENTRAL_ONLY_TABLES:
        raise Rejected("sync.not_permitted", table=m.table)
    role, active = users.get(m.user_id or "", ("", False))
    if not active:
        raise Rejected("sync.unknown_user", user_id=m.user_id or "")
    # The desktop's own permission table decides (domain/permissions.py): deleting and restoring a row are the
    # same decision, made with the permission to delete it.
    delete = m.op == "delete" or ("deleted" in m.changes and m.op != "insert")
    if not may_change(role, m.table, delete=delete):
        raise Rejected("sync.not_permitted", table=m.table, role=role,
                       permission=change_permission(m.table, delete) or "")
    columns = writable_columns(table)
    for name, pair in m.changes.items():
        if name not in columns:
            raise Rejected("sync.unknown_field", table=m.table, field=name)
        try:
            check_value(columns[name], pair[1], characters=False)  # push.bad_value_text walked them already
        except BadValue as exc:
            raise Rejected(exc.key, table=m.table, **exc.params) from None
    if "office_id" in m.changes and m.changes["office_id"][1] != office_id:
        raise Rejected("sync.transfer_required" if m.op != "insert" else "sync.other_office", table=m.table)
    return columns


def default_row(m: Mutation, office_id: str) -> dict[str, Any]:
    defaults, required = _row_template(m.table)
    row = dict(defaults)
    row.update({"id": m.row_id, "office_id": office_id, "deleted": False})
    for name, (_before, after) in m.changes.items():
        row[name] = after
    for name in required:
        if row[name] is None:
            raise Rejected("sync.field_null", table=m.table, field=name)
    return row


@functools.cache
def _row_template(table_name: str) -> tuple[dict[str, Any], tuple[str, ...]]:
    """A new row's values before its mutation's (each column's scalar default, else None), and the columns that
    may not stay None, in column order: worked out once per table, not once per inserted row."""
    table = synced_table(table_name)
    assert table is not None
    defaults = {c.name: c.default.arg if c.default is not None and getattr(c.default, "is_scalar", False) else None
                for c in table.columns}
    required = tuple(c.name for c in table.columns if not c.nullable and c.name not in {"version", "updated_at"})
    return defaults, required


def merge(m: Mutation, current: dict[str, Any] | None, office_id: str,
          edited_by_others_since_base: bool) -> Outcome:
    """Decides what ``m`` does to ``current`` (JSON values). No wall-clock time takes part."""
    if m.op == "insert":
        if current is not None:
            if current["office_id"] != office_id:
                raise Rejected("sync.row_exists", table=m.table)
            if all(current.get(k) == after for k, (_b, after) in m.changes.items()):
                return Outcome("noop", row=current)
            raise Rejected("sync.row_exists", table=m.table)
        row = default_row(m, office_id)
        return Outcome("applied", applied=dict(row), row=row, inserted=True)
    if current is None or current["office_id"] != office_id:
        raise Rejected("sync.row_missing", table=m.table)
    out = Outcome("noop", row=current)
    changes = dict(m.changes)
    wants_delete = changes.get("deleted", (None, False))[1] is True
    if m.op == "delete" or wants_delete:
        changes.pop("deleted", None)
        if current["deleted"]:
            return out  # delete against delete converges
        if edited_by_others_since_base:
            out.conflicts.append(("deleted", False, False, True))
            out.status = "conflict"
            return out
        out.applied["deleted"] = True
        out.before["deleted"] = False
    elif current["deleted"] and changes.get("deleted", (None, None))[1] is not False:
        # An edit against a central delete: the delete stays; every edited value is kept in the conflict.
        out.conflicts.append(("deleted", False, True, False))
        for name, (before, after) in changes.items():
            if current.get(name) != after:
                out.conflicts.append((name, before, current.get(name), after))
        out.status = "conflict"
        return out
    for name, (before, after) in changes.items():
        central = current.get(name)
        if central == after:
            continue  # same value: nothing to do
        if central == before:
            out.applied[name] = after  # unchanged centrally: the client's value wins
            out.before[name] = central
        else:
            out.conflicts.append((name, before, central, after))  # the central value stays
    if out.applied:
        row = dict(current)
        row.update(out.applied)
        out.row = row
        out.status = "applied"
    if out.conflicts:
        out.status = "conflict"
    return out
