"""A large pull leaves room for the user: saves through the services wait a few seconds at most, and the command
line's `sync status` and `import` run meanwhile answer as they always do; a lock held longer than SQLite waits is
a clear refusal, never a traceback."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time

import pytest
from sqlalchemy import select

from injury_desk.domain.identifiers import make_credit_code
from injury_desk.store.models import Employer, User
from tests.conftest import employer_data
from tests.sync.conftest import PASSWORD
from tests.sync.large_office import seed_demo_rows

# What the user may wait for a save while a pull runs ("a few seconds at most"; SQLite gives up after 10 s).
SAVE_WAIT_BOUND_S = 4.0


def cli(data_dir, *args: str, user: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, INJURY_DESK_USER=user, INJURY_DESK_PASSWORD=PASSWORD)
    return subprocess.run([sys.executable, "-m", "injury_desk", "--data-dir", str(data_dir), *args], env=env,
                          capture_output=True, text=True, timeout=120, stdin=subprocess.DEVNULL)


def import_file(folder, n: int):
    path = folder / f"import-{n}.jsonl"
    record = {"type": "employer", **employer_data(credit_code=make_credit_code(f"91350100M{n:08d}"),
                                                   name=f"导入企业{n}")}
    path.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


@pytest.mark.slow
def test_saves_and_commands_go_on_during_a_large_pull(central, desktops, tmp_path):
    if central.kind != "sqlite":
        pytest.skip("the desktop side is the same for both stores; one large pull is enough")
    office_id = central.add_office("GZ01")
    d = desktops(central, "GZ01", "a")
    u = User.__table__.c
    with central.admin.transaction(office_id, write=False) as conn:
        user_id = conn.execute(select(u.id).where(u.username == "cw.gz01")).scalar_one()
    # Large enough that a command started with the pull (a process that starts, logs in and imports: 2-4 s) ends
    # while it runs: 30,000 rows took 3.5 s on 2026-12-07 and did not always leave time for one.
    rows = seed_demo_rows(central.admin, office_id, user_id, 9000, tmp_path / "demo")
    assert rows >= 60_000

    pulled: list = []  # the pull's report
    ended = threading.Event()
    pull_time: list[float] = []

    def pull() -> None:
        started = time.monotonic()
        try:
            pulled.append(d.services.sync.sync_now(d.actor))
        finally:
            pull_time.append(time.monotonic() - started)
            ended.set()

    commands: list[tuple[str, subprocess.CompletedProcess, bool]] = []
    took: list[tuple[str, float, float]] = []  # each command's start and end, seconds from the pull's start
    began = time.monotonic()

    def run_commands(name: str) -> None:
        n = 0
        while not ended.is_set():
            n += 1
            args = ("sync", "status") if name == "status" else ("import", str(import_file(tmp_path, n)))
            started = time.monotonic()
            result = cli(d.path, *args, user="sup.gz01")
            commands.append((name, result, not ended.is_set()))
            took.append((name, round(started - began, 2), round(time.monotonic() - began, 2)))

    threading.Thread(target=pull).start()
    # Each command in a loop of its own from the pull's start: a faster pull still sees both run through.
    others = [threading.Thread(target=run_commands, args=(name,)) for name in ("status", "import")]
    for other in others:
        other.start()
    waits: list[float] = []
    saved_while_pulling = 0
    failures: list[str] = []
    n = 0
    while not ended.is_set():
        n += 1
        started = time.monotonic()
        try:
            d.services.employers.create(d.actor, employer_data(credit_code=make_credit_code(f"91110000M{n:08d}"),
                                                               name=f"保存{n}"))
        except Exception as exc:  # noqa: BLE001 - any failed save is what this test looks for
            failures.append(repr(exc))
        waits.append(time.monotonic() - started)
        saved_while_pulling += not ended.is_set()
        time.sleep(0.2)
    for other in others:
        other.join()

    assert pulled and pulled[0].pulled >= rows
    assert not failures
    holds = f"the pull held the write lock {pulled[0].longest_hold_s:.2f} s at most"
    assert max(waits) <= SAVE_WAIT_BOUND_S, ([round(w, 2) for w in waits], holds)
    # Saves went on all through the pull, not only before or after it: a user saving every 0.2 s, each save
    # waiting 4 s at most, makes at least one save per 4.2 s of pull (a 3 s pull: at least one; however fast the
    # machine, the first pull transactions overlap the first saves, so two at least end while it runs).
    assert saved_while_pulling >= max(2, int(pull_time[0] // (SAVE_WAIT_BOUND_S + 0.2))), (pull_time, waits, holds)
    during = [(name, r) for name, r, running in commands if running]
    assert {name for name, _r in during} == {"status", "import"}, (pull_time, took, commands)
    for name, r in during:
        assert r.returncode == 0, (name, r.stdout, r.stderr)
        assert "Traceback" not in r.stderr and "internal error" not in r.stderr
    assert all("imported: 1 employer" in r.stdout for name, r in during if name == "import")
    with d.db.read() as s:
        saved = s.scalars(select(Employer.name).where(Employer.name.like("保存%"))).all()
    assert len(saved) == n


def test_a_write_lock_held_longer_than_sqlite_waits_is_a_clear_refusal(central, desktops, tmp_path):
    """Another program holds the database's write lock past the busy timeout: `import` says so and changes
    nothing (exit 2, the contract's refusal), and `sync status`, which only reads, answers as usual."""
    if central.kind != "sqlite":
        pytest.skip("about the desktop's database only")
    central.add_office("GZ01")
    d = desktops(central, "GZ01", "a")
    con = d.db.raw_connection()
    try:
        con.execute("BEGIN IMMEDIATE")
        status = cli(d.path, "sync", "status", user="sup.gz01")
        imported = cli(d.path, "import", str(import_file(tmp_path, 1)), user="sup.gz01")
    finally:
        con.execute("ROLLBACK")
        con.close()
    assert status.returncode == 0 and "enrolled: yes" in status.stdout, status.stderr
    assert imported.returncode == 2, (imported.stdout, imported.stderr)
    assert "error: store.locked" in imported.stderr and "nothing was changed" in imported.stderr
    assert "internal error" not in imported.stderr and "Traceback" not in imported.stderr
    with d.db.read() as s:
        assert s.scalars(select(Employer).where(Employer.name == "导入企业1")).first() is None


def test_a_page_is_cut_into_parts_in_its_order_each_with_the_page_cursor():
    from injury_desk.sync.engine import _page_parts

    page = {"cursor": 90, "more": True, "tables": [
        {"table": "people", "columns": ["id"], "rows": [[f"p{i}"] for i in range(700)]},
        {"table": "claims", "columns": ["id"], "rows": [[f"c{i}"] for i in range(400)]}]}
    parts = _page_parts(page, 500)
    assert [[(t["table"], len(t["rows"])) for t in p["tables"]] for p in parts] == [
        [("people", 500)], [("people", 200), ("claims", 300)], [("claims", 100)]]
    assert all(p["cursor"] == 90 and p["more"] for p in parts)
    # Nothing lost, nothing repeated, parents still before children.
    assert [r[0] for p in parts for t in p["tables"] for r in t["rows"]] == \
        [f"p{i}" for i in range(700)] + [f"c{i}" for i in range(400)]
    assert _page_parts({"cursor": 3, "more": False, "tables": []}, 500) == [{"cursor": 3, "more": False, "tables": []}]
