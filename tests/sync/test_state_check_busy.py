"""The state check of a busy office: changes other desktops push between this desktop's pull and its state check are
pulled, not taken for drift and repaired, and an office that keeps changing is not called different."""

from __future__ import annotations

from injury_desk.domain.identifiers import make_credit_code
from injury_desk.store.models import Employer
from tests.conftest import employer_data
from tests.sync.in_process import store  # noqa: F401 - store is a fixture
from tests.sync.test_sync_engine import desks  # noqa: F401 - desks is a fixture


class BusyOffice:
    """Wraps desk ``a``'s line to the service: before the service answers a state question, desk ``b`` saves a new
    employer and pushes it (``times`` state questions, or every one when None), as another caseworker of the office
    would at that moment."""

    def __init__(self, a, b, times: int | None) -> None:
        self.inner, self.b, self.left = a.transport, b, times
        self.made: list[str] = []

    def state(self):
        if self.left is None or self.left > 0:
            n = 100 + len(self.made)
            self.made.append(self.b.services.employers.create(self.b.actor, employer_data(
                credit_code=make_credit_code(f"9144000{n:010d}"), name=f"企业{n}", headcount=10)))
            self.b.engine.push(self.b.transport)
            if self.left is not None:
                self.left -= 1
        return self.inner.state()

    def __getattr__(self, name):
        return getattr(self.inner, name)


def local_ids(desk) -> set[str]:
    from sqlalchemy import select

    with desk.services.ctx.db.read() as s:
        return set(s.scalars(select(Employer.id)))


def test_a_change_pushed_between_the_pull_and_the_state_check_is_pulled_not_repaired(desks):
    a, b = desks("a"), desks("b")
    busy = BusyOffice(a, b, times=1)
    report = a.engine.sync(busy)
    # b's employer landed after a's pull: a pulls it (1 row) and then compares, equal; nothing needed repair.
    # Before, the hashes differed, the row came by a repair and the report said the desktop had differed.
    assert report.state_ok is True and not report.state_busy
    assert report.repaired == 0 and report.drift_rows == []
    assert report.pulled >= 1
    assert set(busy.made) <= local_ids(a)


def test_an_office_that_keeps_changing_is_not_called_different(desks):
    a, b = desks("a"), desks("b")
    busy = BusyOffice(a, b, times=None)
    report = a.engine.sync(busy)
    # Every state answer stands past a's cursor (b pushed just before it): a pulls after each (three times) and
    # then leaves the comparison to the next sync, without a repair and without "differs" (`sync now` exits 0).
    assert report.state_ok is None and report.state_busy  # the Sync page and `sync now` say why
    assert report.repaired == 0 and report.drift_rows == []
    assert len(busy.made) == 4  # the state questions asked: the first and one after each of the three pulls
    assert set(busy.made[:3]) <= local_ids(a)
    # Once the office is quiet, the next sync compares and finds the two copies equal.
    calm = a.sync()
    assert calm.state_ok is True and calm.repaired == 0 and not calm.state_busy
    assert set(busy.made) <= local_ids(a)


class WithoutPosition(BusyOffice):
    """The same busy office behind a service from before 2026-12-07, whose state answer has no feed position."""

    def state(self):
        answer = dict(super().state())
        answer.pop("cursor")
        return answer


def test_a_service_that_sends_no_position_is_compared_as_it_answers(desks):
    a, b = desks("a"), desks("b")
    report = a.engine.sync(WithoutPosition(a, b, times=1))
    # Nothing to wait for: the hashes differ by b's new employer, which the repair fetches (the behaviour such a
    # service always had), and the second comparison finds them equal.
    assert report.repaired == 1 and report.state_ok is True
