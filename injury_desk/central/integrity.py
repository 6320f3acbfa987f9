"""Verifies the central audit chains: one per office, contiguous, unedited, ending at the recorded head."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import select

from injury_desk.central.office_log import GENESIS_HASH, audit_hash, audit_payload
from injury_desk.central.store import CentralStore
from injury_desk.central.tables import central_audit, office_counters


@dataclass
class ChainReport:
    offices: int = 0
    events: int = 0
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
