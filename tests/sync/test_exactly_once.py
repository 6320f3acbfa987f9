"""Exactly once: the desktop process is killed with SIGKILL at every risky point of a save and a sync.

Each iteration forks a desktop process that saves a change, notes it in a journal once the save has
returned (the moment the user sees "saved"), and syncs; it is killed at one of the points below. At the end
one clean sync must leave every journaled change on the central store exactly once, and the desktop and
the central store must agree. INJURY_DESK_KILL_ITERATIONS sets the count (200 by default; more for a long
run). POSIX only (fork and signals are a test device here, never used by the application).
"""

from __future__ import annotations

import os
import random
import signal
import sys
import threading
import time
from pathlib import Path

import pytest
from sqlalchemy import select

from injury_desk.central.integrity import mutation_entries
from injury_desk.domain.identifiers import make_credit_code
from injury_desk.services.container import Services
from injury_desk.services.context import ServiceContext
from injury_desk.store.database import open_database
from injury_desk.store.models import Employer
from injury_desk.central.central_db import CentralStore, migrate
from tests.conftest import employer_data
from tests.support.central_server import ProcessServer
from tests.sync.conftest import PASSWORD, TODAY, Central, _central_stores, central_writes

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(not hasattr(os, "fork"), reason="the kill test forks desktop processes (POSIX)")]

POINTS = ("mid_local_write", "after_commit_before_upload", "mid_upload", "after_central_commit_before_reply",
          "after_reply_before_clear", "random_time")
ITERATIONS = int(os.environ.get("INJURY_DESK_KILL_ITERATIONS", "200"))
CHILD_LIMIT_S = 120.0  # a child that has not ended by then is hung, not slow
# A child's exit status when the keyring could not be reached at all. GNOME Keyring's daemon (the tests' Secret
# Service) once stopped when a child was killed in the middle of talking to it; the Windows Credential Manager a
# desktop uses does not depend on its clients so, and this test is about the sync, not the keyring.
KEYRING_GONE = 4


# The service runs in a subprocess here, not in a thread of this process: a child forked while a server
# thread holds a lock (logging, the import lock, a socket) can inherit that lock held and hang for ever.
@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=[pytest.mark.postgres])])
def central(request, tmp_path):
    gen = _central_stores(request.param, tmp_path)
    admin_url, service_url = next(gen)
    try:
        migrate(admin_url)
        c = Central(request.param, admin_url, service_url)
        c.admin = CentralStore(admin_url)
        with ProcessServer(service_url, tmp_path / "central-data") as server:
            c.url = server.url
            yield c
        c.admin.dispose()
    finally:
        gen.close()


def _die() -> None:
    os.kill(os.getpid(), signal.SIGKILL)


def _arm(point: str, services: Services, rng: random.Random) -> None:
    """Installs the kill for ``point`` in this (child) process."""
    from sqlalchemy import event

    from injury_desk.sync import engine as engine_mod
    from injury_desk.sync import http_transport

    if point == "mid_local_write":
        event.listen(services.ctx.db._write_factory, "after_flush", lambda *_a: _die())
    elif point == "after_commit_before_upload":
        engine_mod.SyncEngine.push = lambda *_a, **_k: _die()
    elif point in ("mid_upload", "after_central_commit_before_reply"):
        original = http_transport.HttpTransport._send

        def send(self, method, path, **kw):
            if path != "/v1/push":
                return original(self, method, path, **kw)
            if point == "mid_upload":
                threading.Timer(rng.uniform(0.0, 0.03), _die).start()
                return original(self, method, path, **kw)
            response = original(self, method, path, **kw)
            _die()  # the central store has committed; the reply never gets read
            return response

        http_transport.HttpTransport._send = send
    elif point == "after_reply_before_clear":
        engine_mod.SyncEngine.apply_push_reply = lambda *_a, **_k: _die()


def _child(path: Path, username: str, journal: Path, point: str, n: int, seed: int) -> None:
    rng = random.Random(seed)
    services = Services.build(ServiceContext(db=open_database(path), today=lambda: TODAY))
    actor = services.auth.login(username, PASSWORD)
    _arm(point, services, rng)
    code = make_credit_code(f"9111000{n:010d}")
    eid = services.employers.create(actor, employer_data(credit_code=code, name=f"企业{n}", headcount=n))
    with journal.open("a") as f:  # the user has seen "saved"
        f.write(f"{eid}\n")
        f.flush()
        os.fsync(f.fileno())
    services.sync.sync_now(actor)


def run_child(path, username, journal, point, n, seed) -> int:
    pid = os.fork()
    if pid == 0:  # the desktop process
        code = 0
        try:
            _child(path, username, journal, point, n, seed)
        except BaseException as exc:  # noqa: BLE001 - report and leave without running the parent's cleanup
            print(f"child {n} ({point}) failed: {type(exc).__name__}: {exc}", file=sys.stderr)
            code = KEYRING_GONE if _keyring_failure(exc) else 3
        os._exit(code)
    if point == "random_time":
        time.sleep(random.Random(seed).uniform(0.0, 0.25))
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
    deadline = time.monotonic() + CHILD_LIMIT_S
    while True:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            return status
        if time.monotonic() > deadline:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            pytest.fail(f"iteration {n} ({point}): the desktop process hung for {CHILD_LIMIT_S:.0f} s")
        time.sleep(0.01)


def _keyring_failure(exc: BaseException) -> bool:
    """The keyring itself could not be reached (not this application's doing: see KEYRING_GONE)."""
    key = str(getattr(exc, "key", ""))
    return key.startswith(("keyring.", "sync.keyring_"))


def _keyring_back(seconds: float = 30.0) -> bool:
    from tests.support.secret_service import secret_service_ready

    deadline = time.monotonic() + seconds
    while not secret_service_ready():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.2)
    return True


def test_every_saved_change_reaches_the_central_store_exactly_once_despite_sigkill(central, desktops, tmp_path):
    central.add_office("GZ01")
    desktop = desktops(central, "GZ01", "killed")
    username = "cw.gz01"
    path = desktop.path
    desktop.close()  # the forked processes own the database from here on
    journal = tmp_path / "journal.txt"
    journal.touch()
    killed = 0
    for n in range(ITERATIONS):
        point = POINTS[n % len(POINTS)]
        status = run_child(path, username, journal, point, n, seed=n)
        if os.WIFEXITED(status) and os.WEXITSTATUS(status) == KEYRING_GONE:
            # The keyring daemon went away under this desktop (see KEYRING_GONE): once .ci/run has started it
            # again, the iteration runs again, as the user would start the application again.
            assert _keyring_back(), f"iteration {n} ({point}): the keyring did not come back"
            # Under a number of its own: the first try may have saved its employer before the keyring went.
            status = run_child(path, username, journal, point, n + 1_000_000, seed=n)
        assert not (os.WIFEXITED(status) and os.WEXITSTATUS(status) in (3, KEYRING_GONE)), \
            f"iteration {n} ({point}) failed"
        killed += os.WIFSIGNALED(status)
    assert killed >= ITERATIONS * 4 // 6  # every scripted point really killed the process

    # One clean sync afterwards (a new desktop process, as after a restart).
    services = Services.build(ServiceContext(db=open_database(path), today=lambda: TODAY))
    try:
        actor = services.auth.login(username, PASSWORD)
        report = services.sync.sync_now(actor)
        assert report.state_ok
        assert services.sync.status(actor).pending == 0
        assert services.sync.rejected(actor) == []
        saved = [line for line in journal.read_text().split() if line]
        assert len(saved) >= ITERATIONS // 2
        with services.ctx.db.read() as s:
            local = set(s.scalars(select(Employer.id).where(Employer.office_id == actor.office_id)))
    finally:
        services.close()
    assert set(saved) <= local
    inserts = central_writes(central)
    with central.admin.transaction(write=False) as conn:
        entries = mutation_entries(conn)
    written = [e["mutation_id"] for e in entries if e["after"] is not None]
    per_mutation = (len(written), len(set(written)))
    answered = [(e["device_id"], e["seq"]) for e in entries]
    applied = (len(answered), len(set(answered)))
    assert all(inserts.get(eid) == 1 for eid in saved), "a saved change is missing or duplicated centrally"
    assert set(inserts) == local  # nothing the desktop lacks, nothing extra
    assert per_mutation[0] == per_mutation[1]  # no mutation applied twice
    assert applied[0] == applied[1]  # one answer per device sequence number
