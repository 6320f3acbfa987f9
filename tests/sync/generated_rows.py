"""Valid generated rows of every synced table a desktop writes (types and CHECK codes read from the metadata), for
tests that must cover every table, a new one included."""

from __future__ import annotations

import base64
import itertools
import re
import uuid
from datetime import date, timedelta

from sqlalchemy import JSON, Boolean, CheckConstraint, Date, Integer, LargeBinary, String, Text

from injury_desk.central.merge import CENTRAL_ONLY_TABLES
from injury_desk.central.tables import synced_tables
from injury_desk.store.base import UTCDateTime
from injury_desk.store.rowcodec import writable_columns
from tests.sync.raw_client import RawDevice

_unique = itertools.count(1)


def allowed_text(column) -> str | None:
    """The first value a CHECK constraint ``column in ('a', 'b')`` allows, if it has one (read from the metadata,
    so a new table's codes are covered; every numeric CHECK allows 3)."""
    for constraint in column.table.constraints:
        if isinstance(constraint, CheckConstraint):
            for name, values in re.findall(r"(\w+) in \(([^)]*)\)", str(constraint.sqltext)):
                if name == column.name:
                    return re.findall(r"'([^']*)'", values)[0]
    return None


def references(table) -> list[tuple[str, str]]:
    """(column, referenced table) of every reference a row of ``table`` makes to another row of its office."""
    out = [(fk.parent.name, fk.column.table.name) for fk in sorted(table.foreign_keys, key=lambda f: f.parent.name)
           if fk.parent.name != "office_id"]
    if table.name == "attachments":
        out.append(("owner_id", "claims"))  # polymorphic: owner_table names the table, here claims
    if table.name == "claim_notes":
        out.append(("corrects_id", "claim_notes"))  # no foreign key: a note correcting an earlier one
    return out


def tables():
    """The tables a desktop writes, parents first; attachments last, after the claims that own them."""
    out = [t for t in synced_tables() if t.name not in CENTRAL_ONLY_TABLES]
    return sorted(out, key=lambda t: t.name == "attachments")


def value(column):
    if allowed_text(column) is not None:
        return allowed_text(column)
    t = column.type
    if isinstance(t, UTCDateTime):
        return "2026-11-28T09:00:00+00:00"
    if isinstance(t, Date):
        # Different from row to row too: (worker, accident date) is unique among claims.
        return (date(2020, 1, 1) + timedelta(days=next(_unique) % 2000)).isoformat()
    if isinstance(t, Boolean):
        return False
    if isinstance(t, Integer):
        return 3
    if isinstance(t, LargeBinary):
        return base64.b64encode(b"scan").decode()
    if isinstance(t, JSON):
        return {}
    if isinstance(t, (String, Text)):
        n = next(_unique)  # unique columns (credit code, ID number, claim number) differ row to row
        return f"{n:06d}{column.name}"[: getattr(t, "length", None) or 200]
    raise AssertionError(f"no test value for {column}")


def family(dev: RawDevice) -> tuple[dict[str, str], list[dict]]:
    """One row of every synced table for ``dev``'s office, each reference pointing to the family's own row."""
    ids = {t.name: str(uuid.uuid4()) for t in tables()}
    mutations = []
    for t in tables():
        values = row_values(t, dev, ids)
        for column, target in references(t):
            if target == t.name:
                values[column] = None  # the family's own row: nothing earlier of its table to point to
        mutations.append(dev.mutation(t.name, ids[t.name], **values))
    return ids, mutations


def row_values(t, dev: RawDevice, ids: dict[str, str]) -> dict:
    """A valid new row of ``t`` for ``dev``'s office, its references pointing to the rows named in ``ids``."""
    values = {name: value(c) for name, c in writable_columns(t).items()}
    values.update(office_id=dev.office_id, deleted=False)
    for column, target in references(t):
        values[column] = ids[target]
    if t.name == "attachments":
        values["owner_table"] = "claims"
    return values
