"""Verifies the central store: each office's audit chain (contiguous, unedited, ending at the recorded head) and kept
state hash (the one of its rows), the feed (one entry per row, at the row's version, holding the row as pull pages
send it) and the desktops' anchored audit chain heads (none may stop extending a head it anchored)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, select

from injury_desk.central.anchors import diverged_devices
from injury_desk.central.office_log import BATCH_ACTION, GENESIS_HASH, audit_hash, audit_payload
from injury_desk.central.office_state import computed
from injury_desk.central.pull import row_encoder
from injury_desk.central.central_db import CentralStore
from injury_desk.central.tables import central_audit, devices, feed, office_counters, page_columns, synced_tables
from injury_desk.protocol.messages import format_state_hash
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
            device_end: dict[str, int] = {}  # device -> the last sequence its batch events covered so far
            q = select(central_audit).where(central_audit.c.office_id == office).order_by(central_audit.c.seq)
            for ev in conn.execute(q).mappings():
                report.events += 1
                if ev["seq"] != expected:
                    report.problems.append(f"office {office}: audit event {expected} is missing (next is {ev['seq']})")
                    expected = ev["seq"]
                if ev["prev_hash"] != prev or audit_hash(prev, audit_payload(dict(ev))) != ev["hash"]:
                    report.problems.append(f"office {office}: audit event {ev['seq']} was changed")
                if ev["action"] == BATCH_ACTION:
                    report.problems.extend(_batch_problems(office, ev, device_end))
                prev = ev["hash"]
                expected += 1
            if head["audit_seq"] != expected - 1 or head["audit_hash"] != prev:
                report.problems.append(f"office {office}: the chain ends at {expected - 1} but its head says "
                                       f"{head['audit_seq']} (events were removed from the end)")
            if head["state_acc"] is not None and head["state_rows"] is not None:
                kept = format_state_hash(int(head["state_acc"], 16), head["state_rows"])
                actual = format_state_hash(*computed(conn, office))
                if kept != actual:
                    report.problems.append(f"office {office}: the state hash its counters keep ({kept}) is not the "
                                           f"one of its rows ({actual}): desktops would be told they differ")
            # Each device's batches end where the device's sequence ends: a batch removed from the end, with the
            # chain recomputed over what is left, still shows.
            for dev in conn.execute(select(devices.c.id, devices.c.last_seq).where(devices.c.office_id == office)):
                if dev.id in device_end and device_end[dev.id] != dev.last_seq:
                    report.problems.append(f"office {office}: device {dev.id} has sequences up to {dev.last_seq} "
                                           f"applied but its last batch event ends at {device_end[dev.id]} "
                                           f"(a batch was removed)")
    return report


def _batch_problems(office: str, ev: Any, device_end: dict[str, int]) -> list[str]:
    """A batch event covers its device's sequences first_seq..last_seq, one entry each in order, and starts where
    the device's previous batch ended (a device's sequence has no gaps): so a batch removed, or two batches
    swapped, is reported even where the chain itself was recomputed to hide it."""
    problems = []
    where = f"office {office}: audit event {ev['seq']} (device {ev['device_id']})"
    seqs = [(e.get("result") or {}).get("seq") for e in ev["entries"] or ()]
    first, last = ev["first_seq"], ev["last_seq"]
    if first is None or last is None or seqs != list(range(first, last + 1)):
        problems.append(f"{where}: its entries are not the sequences {ev['first_seq']}..{ev['last_seq']} in order")
    before = device_end.get(ev["device_id"])
    if before is not None and ev["first_seq"] != before + 1:
        problems.append(f"{where}: covers sequences from {ev['first_seq']} but the device's previous batch ended at "
                        f"{before} (a batch was removed or moved)")
    if ev["last_seq"] is not None:
        device_end[ev["device_id"]] = ev["last_seq"]
    return problems


def mutation_entries(conn: Connection, office_id: str | None = None) -> list[dict[str, Any]]:
    """Every pushed mutation the central audit records, in order, one dict each: the batch entry (table, row_id,
    op, user_id, before, after, digest), its answer's status, seq, mutation_id and version, and the event's
    device_id. A mutation that wrote a row has a version."""
    a = central_audit.c
    q = select(a.device_id, a.entries).where(a.action == BATCH_ACTION).order_by(a.office_id, a.seq)
    if office_id is not None:
        q = q.where(a.office_id == office_id)
    out = []
    for device_id, entries in conn.execute(q):
        for e in entries or ():
            r = e["result"]
            out.append({**e, "device_id": device_id, "mutation_id": r["mutation_id"], "seq": r["seq"],
                        "status": r["status"], "version": r.get("version")})
    return out


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
