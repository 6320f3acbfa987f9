"""The push sends the next batch while the desktop applies the answer to the one before, and stays exactly once
when applying that answer fails after the next batch has gone."""

from __future__ import annotations

import threading
from collections import Counter

import pytest
from sqlalchemy import func, select

from injury_desk.central.integrity import mutation_entries
from injury_desk.domain.errors import DomainError
from injury_desk.domain.identifiers import make_credit_code
from injury_desk.services.integrity import check_database
from injury_desk.store.models import Employer, OutboxEntry
from injury_desk.sync import engine as engine_module
from injury_desk.sync.engine import SyncEngine
from tests.conftest import employer_data
from tests.sync.in_process import store  # noqa: F401 - store is a fixture
from tests.sync.test_sync_engine import desks  # noqa: F401 - desks is a fixture

BATCH = 5  # changes per batch here, so that 12 changes go in three batches (5, 5, 2)


class Recording:
    """Wraps a desk's transport: for every push, how many changes its desktop still had in the outbox when the
    batch went (a batch sent before the answer to the one before was applied finds those changes still there)."""

    def __init__(self, desk) -> None:
        self.desk, self.inner = desk, desk.transport
        self.outbox_at_push: list[int] = []
        self.counted = threading.Condition()  # notified once a push has counted the outbox
        self.answered = threading.Semaphore(0)  # released when a push has been answered

    def push(self, req):
        with self.desk.services.ctx.db.read() as s:
            count = s.scalar(select(func.count()).select_from(OutboxEntry))
        with self.counted:
            self.outbox_at_push.append(count)
            self.counted.notify_all()
        try:
            return self.inner.push(req)
        finally:
            self.answered.release()

    def wait_pushes(self, n: int) -> bool:
        """Whether ``n`` pushes have counted the outbox (within 30 s)."""
        with self.counted:
            return self.counted.wait_for(lambda: len(self.outbox_at_push) >= n, timeout=30)

    def __getattr__(self, name):
        return getattr(self.inner, name)


def add_employers(desk, count: int) -> list[str]:
    return [desk.services.employers.create(desk.actor, employer_data(
        credit_code=make_credit_code(f"9144000{n:010d}"), name=f"企业{n}", headcount=10)) for n in range(count)]


def central_inserts(store) -> Counter:
    with store.transaction(write=False) as conn:
        return Counter(e["row_id"] for e in mutation_entries(conn)
                       if e["table"] == "employers" and e["op"] == "insert" and e["after"] is not None)


@pytest.fixture
def small_batches(monkeypatch):
    monkeypatch.setattr(engine_module, "MAX_BATCH", BATCH)


def test_the_next_batch_goes_before_the_answer_to_the_one_before_is_applied(desks, store, small_batches,
                                                                          monkeypatch):
    a = desks("a")
    made = add_employers(a, 12)
    line = Recording(a)
    applied = SyncEngine.apply_push_reply
    answers: list[int] = []

    def after_the_next_went(self, reply, report=None):
        # Batch n's answer is applied once batch n + 1 has counted the outbox (batches 1 and 2 have one after
        # them), so what batch n + 1 counts does not depend on which thread runs first. One batch at a time, the
        # next one never goes before this answer is applied: the wait ends after 30 s and the test fails.
        answers.append(len(reply.results))
        if len(answers) < 3:
            assert line.wait_pushes(len(answers) + 1)
        return applied(self, reply, report)

    monkeypatch.setattr(SyncEngine, "apply_push_reply", after_the_next_went)
    report = a.engine.push(line)
    # Sent one after the other: 12 in the outbox when batch 1 went; batch 2 went as soon as batch 1 was answered,
    # before that answer cleared its 5 changes (still 12); batch 3 before batch 2's answer was applied (7 left).
    # One at a time, answer applied first, it would have been 12, 7, 2.
    assert line.outbox_at_push == [12, 12, 7]
    assert (report.pushed, report.applied, report.rejected) == (12, 12, 0)
    assert a.count(OutboxEntry) == 0
    assert central_inserts(store) == Counter({e: 1 for e in made})


def test_an_answer_that_cannot_be_applied_after_the_next_batch_went_lands_each_change_once(
        desks, store, small_batches, monkeypatch):
    a = desks("a")
    made = add_employers(a, 12)
    line = Recording(a)
    applied = SyncEngine.apply_push_reply
    failures = []

    def fail_first(self, reply, report=None):
        if not failures:
            failures.append(reply)
            # Batch 2 on its way, then the disk refuses the local transaction that clears batch 1.
            assert line.wait_pushes(2)
            raise DomainError("store.disk_write_failed", path="data", detail="disk full")
        return applied(self, reply, report)

    monkeypatch.setattr(SyncEngine, "apply_push_reply", fail_first)
    with pytest.raises(DomainError) as failed:
        a.engine.push(line)
    assert failed.value.key == "store.disk_write_failed"
    assert line.answered.acquire(timeout=30) and line.answered.acquire(timeout=30)  # batches 1 and 2 answered
    assert line.outbox_at_push == [12, 12]
    assert a.count(OutboxEntry) == 12  # nothing cleared here: the answers were never applied
    assert central_inserts(store) == Counter({e: 1 for e in made[:10]})  # but both batches landed centrally

    report = a.sync()
    # Batches 1 and 2 again (answered as before, nothing applied twice), then batch 3 for the first time.
    assert (report.pushed, report.applied, report.rejected) == (12, 12, 0)
    assert a.count(OutboxEntry) == 0
    assert central_inserts(store) == Counter({e: 1 for e in made})
    assert a.count(Employer) == 12 and report.state_ok
    assert check_database(a.services.ctx.db).ok
