"""The same employer registered offline on two desktops: the second is refused, nothing gets stuck."""

from __future__ import annotations

from sqlalchemy import select

from injury_desk.store.models import Employer
from tests.conftest import employer_data


def test_a_refused_duplicate_does_not_block_sync_and_discarding_it_brings_the_central_row(central, desktops):
    central.add_office("GZ01")
    a, b = desktops(central, "GZ01", "a"), desktops(central, "GZ01", "b")
    a_id = a.services.employers.create(a.actor, employer_data(name="甲方登记"))
    b_id = b.services.employers.create(b.actor, employer_data(name="乙方登记"))  # same credit code
    a.services.sync.sync_now(a.actor)
    report = b.services.sync.sync_now(b.actor)  # no exception: the desktop keeps working
    assert report.rejected == 1 and report.held_back >= 1 and report.state_ok is False
    [refused] = b.services.sync.rejected(b.actor)
    assert (refused.row_id, refused.reason_key) == (b_id, "sync.constraint")
    with b.db.read() as s:
        assert s.get(Employer, b_id).name == "乙方登记"  # B's saved row is still there, visible as refused
    b.services.sync.discard_rejected(b.actor, refused.seq)
    report = b.services.sync.sync_now(b.actor)
    assert report.state_ok
    with b.db.read() as s:
        assert set(s.scalars(select(Employer.name))) == {"甲方登记"}
        assert s.get(Employer, a_id) is not None
