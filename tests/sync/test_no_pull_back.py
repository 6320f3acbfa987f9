"""A desktop never pulls back the rows it has just pushed: the push reply brought their versions already."""

from __future__ import annotations

from injury_desk.domain.identifiers import make_credit_code
from tests.conftest import employer_data


def test_sync_now_does_not_pull_back_what_it_pushed_but_the_other_desktop_gets_it(central, desktops):
    central.add_office("GZ01")
    a = desktops(central, "GZ01", "a")
    b = desktops(central, "GZ01", "b")
    ids = [a.services.employers.create(a.actor, employer_data(name=f"Factory {n}",
                                                                     credit_code=make_credit_code(f"9135010000000{n:04d}")))
           for n in range(5)]
    report = a.services.sync.sync_now(a.actor)
    # Five rows went up; none came back down, and the desktop still agrees with the office's central state.
    assert (report.pushed, report.applied, report.pulled, report.state_ok) == (5, 5, 0, True)
    report = b.services.sync.sync_now(b.actor)
    assert report.pulled == 5 and report.state_ok is True
    assert {b.services.employers.get(b.actor, i).name for i in ids} == {f"Factory {n}" for n in range(5)}


def test_a_row_another_desktop_changed_after_the_push_is_still_pulled(central, desktops):
    central.add_office("GZ01")
    a = desktops(central, "GZ01", "a")
    b = desktops(central, "GZ01", "b")
    employer_id = a.services.employers.create(a.actor, employer_data())
    a.services.sync.sync_now(a.actor)
    b.services.sync.sync_now(b.actor)
    b.services.employers.update(b.actor, employer_id, {**employer_data(), "risk_class": 5},
                                token=b.services.employers.get(b.actor, employer_id).token)
    b.services.sync.sync_now(b.actor)
    report = a.services.sync.sync_now(a.actor)
    assert report.pulled == 1 and report.state_ok is True
    assert a.services.employers.get(a.actor, employer_id).risk_class == 5
