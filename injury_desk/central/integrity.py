"""Verifies the central store: each office's audit chain (contiguous, unedited, ending at the recorded head),
the feed (one entry per row, at the row's version, holding the row as pull pages send it) and the desktops'
anchored audit chain heads (none may stop extending a head it anchored)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import select

from injury_desk.central.anchors import diverged_devices
from injury_desk.central.office_log import GENESIS_HASH, audit_hash, audit_payload
from injury_desk.central.pull import row_encoder
from injury_desk.central.central_db import CentralStore
from injury_desk.central.tables import central_audit, feed, office_counters, page_columns, synced_tables
from injury_desk.store.base import UTCDateTime


@dataclass
class ChainReport:
    offices: int = 0
    events: int = 0
    rows: int = 0
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def check_chains(store: CentralStore) -> ChainReport:
    """Run as the administrator (it reads every office). Reports; never repairs."""
    report = ChainReport()
    with store.transaction(write=False) as conn:
        heads = conn.execute(select(office_counters)).mappings().all()
        for head in heads:
            report.offices += 1
            office = head["office_id"]
            prev, expected = GENESIS_HASH, 1
            q = select(central_audit).where(central_audit.c.office_id == office).order_by(central_audit.c.seq)
            for ev in conn.execute(q).mappings():
                report.events += 1
                if ev["seq"] != expected:
                    report.problems.append(f"office {office}: audit event {expected} is missing (next is {ev['seq']})")
                    expected = ev["seq"]
                if ev["prev_hash"] != prev or audit_hash(prev, audit_payload(dict(ev))) != ev["hash"]:
                    report.problems.append(f"office {office}: audit event {ev['seq']} was changed")
                prev = ev["hash"]
                expected += 1
            if head["audit_seq"] != expected - 1 or head["audit_hash"] != prev:
                report.problems.append(f"office {office}: the chain ends at {expected - 1} but its head says "
                                       f"{head['audit_seq']} (events were removed from the end)")
    return report


def check_anchors(store: CentralStore, report: ChainReport | None = None) -> ChainReport:
    """Every desktop whose audit chain stopped extending a head it anchored here. Run as the administrator."""
    report = report or ChainReport()
    with store.transaction(write=False) as conn:
        for a in diverged_devices(conn):
            proof = f"its event {a['proof_seq']} is {a['proof_hash'][:16]}..." if a["proof_seq"] is not None \
                else "it proved no anchored head"
            report.problems.append(
                f"device {a['device_id']} (office {a['office_id']}): its audit chain no longer extends the head "
                f"anchored here; at {a['received_at'].isoformat(timespec='seconds')} it sent head {a['seq']} "
                f"and {proof} (rewritten, rewound or wiped on the desktop)")
    return report


def check_feed(store: CentralStore, report: ChainReport | None = None) -> ChainReport:
    """Every synced row has its feed entry at its own version, and the entry's payload is the row as it is
    stored (timestamps compared as instants). Run as the administrator. Reports; never repairs."""
    report = report or ChainReport()
    f = feed.c
    with store.transaction(write=False) as conn:
        for table in synced_tables():
            columns = page_columns(table.name)
            names = [c.name for c in columns]
            id_at, version_at = names.index("id"), names.index("version")
            stamps = [i for i, c in enumerate(columns) if isinstance(c.type, UTCDateTime)]
            encode = row_encoder(table)
            q = (select(f.seq, f.payload, *columns).select_from(table)
                 .outerjoin(feed, (f.table_name == table.name) & (f.row_id == table.c.id)))
            for seq, payload, *row in conn.execute(q):
                report.rows += 1
                stored = encode(row)
                where = f"{table.name} {stored[id_at]}"
                version = stored[version_at]
                if seq is None:
                    report.problems.append(f"{where}: no feed entry (desktops never receive it)")
                elif seq != version:
                    report.problems.append(f"{where}: feed entry at {seq}, row at version {version}")
                elif payload is not None and _instants(json.loads(payload), stamps) != _instants(stored, stamps):
                    report.problems.append(f"{where}: the feed sends other values than the row holds")
    return report


def _instants(values: list[Any], stamps: list[int]) -> list[Any]:
    out = list(values)
    for i in stamps:
        if out[i] is not None:
            out[i] = datetime.fromisoformat(out[i])
    return out
