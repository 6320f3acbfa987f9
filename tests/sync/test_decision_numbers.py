"""Decision numbers of one office issued offline on two desktops never collide after they sync through the real
central service; the office's pattern set on one desktop reaches the other; pulled claims show the same deadlines."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from injury_desk.domain.identifiers import make_resident_id
from injury_desk.store.models import DecisionDocument
from tests.conftest import claim_draft, employer_data, worker_data
from injury_desk.central import accounts


def _claim(desktop, n: int, employer_id: str) -> str:
    worker = worker_data(id_number=make_resident_id("110105", date(1980, 1, 1 + n), 10 + 2 * n, "F"),
                         name=f"职工{n}")
    claim_id = desktop.services.claims.create(desktop.actor, claim_draft(worker=worker, employer=None,
                                                                         employer_id=employer_id))
    desktop.services.claims.accept(desktop.actor, claim_id, {"accepted_on": "2026-11-11"})
    return claim_id


def _numbers(desktop) -> list[str]:
    with desktop.db.read() as s:
        return sorted(s.scalars(select(DecisionDocument.number)))


def test_two_desktops_of_one_office_issue_distinct_numbers_offline(central, desktops):
    central.add_office("GZ01")
    a, b = desktops(central, "GZ01", "a", login="sup"), desktops(central, "GZ01", "b", login="sup")
    # the office's prefix and pattern are set centrally; both desktops receive them with their next pull
    accounts.set_numbering(central.admin, "GZ01", "穗人社工伤认", "{prefix}〔{year}〕{device}第{seq}号")
    with pytest.raises(accounts.CentralError) as refused:
        accounts.set_numbering(central.admin, "GZ01", "穗人社工伤认", "{prefix}〔{year}〕第{seq}号")
    assert refused.value.key == "numbering.placeholder_missing"  # a pattern that could repeat across desktops
    employer_id = a.services.employers.create(a.actor, employer_data())  # one employer, known to both
    a.services.sync.sync_now(a.actor)
    b.services.sync.sync_now(b.actor)
    # offline, each desktop decides two claims (the decision gets its number when it is saved)
    decided = []
    for desktop, first in ((a, 0), (b, 10)):
        for n in (first, first + 1):
            claim_id = _claim(desktop, n, employer_id)
            outcome, code = ("recognised", "art14_1") if n % 2 == 0 else ("not_recognised", "art16_2")
            desktop.services.claims.decide(desktop.actor, claim_id, {"outcome": outcome, "decided_on": "2026-11-20",
                                                                     "basis_code": code, "needs_appraisal": False})
            decided.append((desktop, claim_id))
    a_numbers, b_numbers = _numbers(a), _numbers(b)
    tag_a = a.services.sync.status(a.actor).device_tag
    tag_b = b.services.sync.status(b.actor).device_tag
    assert tag_a != tag_b  # the central service gave each desktop its own tag in the office
    assert a_numbers == [f"穗人社工伤认〔2026〕{tag_a}第0001号", f"穗人社工伤认〔2026〕{tag_a}第0002号"]
    assert b_numbers == [f"穗人社工伤认〔2026〕{tag_b}第0001号", f"穗人社工伤认〔2026〕{tag_b}第0002号"]
    for _ in range(2):
        for desktop in (a, b):
            report = desktop.services.sync.sync_now(desktop.actor)
            assert report.rejected == 0
    everywhere = sorted(a_numbers + b_numbers)
    assert _numbers(a) == _numbers(b) == everywhere and len(set(everywhere)) == 4
    # a claim decided on A reads the same on B, deadlines included (the pull recomputed them in bulk)
    desktop, claim_id = decided[0]
    on_a = a.services.claims.get(a.actor, claim_id)
    on_b = b.services.claims.get(b.actor, claim_id)
    assert on_b.determination["decision_no"] == on_a.determination["decision_no"]
    assert (on_b.next_deadline, [d.kind for d in on_b.deadlines]) == (on_a.next_deadline, [d.kind for d in on_a.deadlines])
