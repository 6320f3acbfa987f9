"""A pull recomputes the claims' stored deadlines once per local transaction, over every part it applied: a claim
whose decision arrives in a later part of the same transaction ends with the deadline its decision sets."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from injury_desk.domain.deadlines import next_deadline
from injury_desk.services.claim_facts import facts_for
from injury_desk.services.claim_list import ClaimQuery
from injury_desk.services.sync import SyncService
from injury_desk.store.models import Claim
from injury_desk.sync import engine as sync_engine
from tests.conftest import claim_draft, decided_claim


def stored_deadlines(d) -> dict[str, tuple]:
    with d.db.read() as s:
        return {c.id: (c.next_deadline, c.next_deadline_kind) for c in s.execute(
            select(Claim.id, Claim.next_deadline, Claim.next_deadline_kind))}


def test_a_decision_pulled_in_a_later_part_sets_the_claims_deadline(central, desktops, monkeypatch):
    central.add_office("GZ01")
    a = desktops(central, "GZ01", "a")
    b = desktops(central, "GZ01", "b")
    decided = decided_claim(a.services, a.actor)
    accepted = a.services.claims.create(a.actor, claim_draft(accident_date="2026-11-02"))
    a.services.claims.accept(a.actor, accepted, {"accepted_on": "2026-11-11"})
    assert a.services.sync.sync_now(a.actor).state_ok
    expected = stored_deadlines(a)
    # The accepted claim waits for its decision (due 60 days after acceptance, art. 20: 2027-01-10); the decided
    # one has none left. Deadlines are local columns, never pulled: b has them only if the pull recomputes them.
    assert expected == {decided: (None, None), accepted: (date(2027, 1, 10), "decision")}

    calls = []
    original = SyncService._after_pull
    monkeypatch.setattr(SyncService, "_after_pull", lambda self, s, ids: calls.append(ids) or original(self, s, ids))
    monkeypatch.setattr(sync_engine, "PART_ROWS", 1)  # every row its own part: the determination after its claim
    monkeypatch.setattr(sync_engine, "GROUP_HOLD_S", 600.0)
    report = b.services.sync.sync_now(b.actor)
    assert report.state_ok and report.pulled >= 4  # at least the worker, both claims and the determination
    # One transaction (the office fits one page), one recomputation covering its parts: the claims and the
    # determination written by separate parts.
    assert len(calls) == 1
    assert set(calls[0]["claims"]) == {decided, accepted} and len(calls[0]["determinations"]) == 1
    got = stored_deadlines(b)
    assert got == expected
    with b.db.read() as s:
        fresh = {cid: next_deadline(f) for cid, f in facts_for(s, [decided, accepted]).items()}
    assert {cid: (dl.due, dl.kind) if dl else (None, None) for cid, dl in fresh.items()} == got


def test_a_claim_closed_elsewhere_loses_its_deadline_on_the_desktop_that_pulls_it(central, desktops):
    # The bulk refresh settles a closed claim's deadline from its row alone (no records read): the deadline b
    # stored while the application waited to be accepted must still go when the claim arrives closed.
    central.add_office("GZ01")
    a = desktops(central, "GZ01", "a")
    b = desktops(central, "GZ01", "b")
    claim = a.services.claims.create(a.actor, claim_draft(accident_date="2026-11-02"))
    assert a.services.sync.sync_now(a.actor).state_ok and b.services.sync.sync_now(b.actor).state_ok
    # Received on 2026-11-10: accepted or refused within 15 days (Determination Measures art. 8), by 2026-11-25.
    assert stored_deadlines(b) == {claim: (date(2026, 11, 25), "acceptance")}

    a.services.clocks.not_accept(a.actor, claim, {"not_accepted_on": "2026-11-12", "reason": "不属于本部门管辖"})
    with a.db.read() as s:
        assert s.get(Claim, claim).status == "closed"
    assert a.services.sync.sync_now(a.actor).state_ok and b.services.sync.sync_now(b.actor).state_ok
    assert stored_deadlines(b) == {claim: (None, None)}
    [row] = b.services.claim_list.page(b.actor, ClaimQuery(), 0, 10)  # the claims list shows no deadline either
    assert row.claim_id == claim and row.status == "closed" and row.next_deadline is None
