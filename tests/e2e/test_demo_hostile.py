"""The demo command against a careless or hostile user: a bad data folder, a killed build, a writer at work."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from injury_desk.store import audit_key, cipher, db_key
from injury_desk.store import secrets as keyring_secrets
from injury_desk.store.presence import Presence
from tests.e2e.test_data_safety import DB, _hold_writer, cli, count, start

ENROL = ["sync", "enrol", "http://127.0.0.1:9", "ABC-123"]  # refused before any connection is tried


@pytest.mark.parametrize("command", [["demo", "--claims", "2"], ENROL], ids=["demo", "sync enrol"])
@pytest.mark.parametrize("below", [False, True], ids=["the file", "a folder under it"])
def test_a_file_given_as_the_data_folder_is_refused_naming_it_and_nothing_is_made(tmp_path, command, below):
    # Before: "internal error: FileExistsError" (or NotADirectoryError), exit 3.
    blocker = tmp_path / "notes.txt"
    blocker.write_text("not a folder\n")
    data_dir = blocker / "office" if below else blocker
    done = cli(*command, data_dir=data_dir)
    assert done.returncode == 2, done.stdout + done.stderr
    assert "store.not_a_folder" in done.stderr
    assert f"{blocker} is a file, not a folder (is --data-dir right?)" in done.stderr
    assert "internal error" not in done.stderr and "Traceback" not in done.stderr
    assert blocker.read_text() == "not a folder\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt"]


@pytest.mark.parametrize("command", [["demo", "--claims", "2"], ENROL], ids=["demo", "sync enrol"])
def test_a_folder_in_the_database_place_is_refused_naming_it_and_nothing_is_made(tmp_path, command):
    # Before: "internal error: IsADirectoryError", exit 3.
    (tmp_path / DB).mkdir()
    done = cli(*command, data_dir=tmp_path)
    assert done.returncode == 2, done.stdout + done.stderr
    assert "store.not_a_file" in done.stderr and f"{tmp_path / DB} is a folder, not a database file" in done.stderr
    assert "internal error" not in done.stderr and "Traceback" not in done.stderr
    assert [p.name for p in tmp_path.iterdir()] == [DB]  # no key id, log, backup or build folder beside it
    assert not any((tmp_path / DB).iterdir())


def test_demo_wait_0_behind_another_writer_gives_up_at_once_naming_it(tmp_path):
    # Before: "unrecognized arguments: --wait 0"; without --wait the demo never waited at all.
    data_dir = tmp_path / "demo"
    assert cli("demo", "--claims", "3", data_dir=data_dir).returncode == 0
    holder = _hold_writer(data_dir, "import")
    try:
        started = time.monotonic()
        done = cli("demo", "--claims", "5", "--wait", "0", data_dir=data_dir, timeout=60)
        assert time.monotonic() - started < 30
        assert done.returncode == 2, done.stdout + done.stderr
        assert "store.busy" in done.stderr and f"import (pid {holder.pid})" in done.stderr
        assert "gave up after 0 s, nothing was changed" in done.stderr and "Traceback" not in done.stderr
    finally:
        holder.communicate("\n", timeout=30)
    assert count(data_dir, "claims") == 3


def test_demo_waits_its_turn_behind_another_writer_then_runs(tmp_path):
    data_dir = tmp_path / "demo"
    assert cli("demo", "--claims", "3", data_dir=data_dir).returncode == 0
    holder = _hold_writer(data_dir, "import")
    waiting = start("demo", "--claims", "5", "--wait", "120", data_dir=data_dir)
    first = waiting.stderr.readline()  # blocks until the demo says whom it waits for
    assert first.startswith(f"waiting for another injury-desk process: import (pid {holder.pid})"), first
    holder.communicate("\n", timeout=30)
    out, err = waiting.communicate(timeout=120)
    assert waiting.returncode == 0, err
    assert "demo data set ready" in out
    assert count(data_dir, "claims") == 5


def _build_keys(build: Path) -> tuple[str, str]:
    """The keyring accounts of a build folder's database: its key id and its device id (naming its audit key)."""
    built = build / DB
    key_id = db_key.read_key_id(built)
    con = cipher.connect(built, db_key.load_key(built), read_only=True)
    try:
        device_id = con.execute("SELECT value FROM local_settings WHERE key = 'device_id'").fetchone()[0]
    finally:
        con.close()
    return key_id, device_id


def test_a_killed_demo_build_is_removed_by_the_next_demo_with_its_keys_but_a_running_one_stays(tmp_path):
    # Before: every killed demo left its .demo-build-* folder (hundreds of MB for a large one) and two keyring
    # entries for ever.
    data_dir = tmp_path / "demo"
    killed = start("demo", "--claims", "200000", data_dir=data_dir)
    try:
        line = killed.stderr.readline()
        while line and not line.strip().startswith("claims:"):  # the bulk seed has begun in the build folder
            line = killed.stderr.readline()
        assert line, "the demo ended before it seeded any claims"
    finally:
        killed.kill()
        killed.communicate(timeout=60)
    [left] = data_dir.glob(".demo-build-*")
    key_id, device_id = _build_keys(left)
    assert keyring_secrets.get_secret(db_key.SERVICE, key_id)
    assert keyring_secrets.get_secret(audit_key.KEY_SERVICE, device_id)

    running = data_dir / ".demo-build-running"  # marked as in use by a live process: this test's
    (running / "work").mkdir(parents=True)
    marker = Presence(running, "demo")
    try:
        done = cli("demo", "--claims", "3", data_dir=data_dir)
        assert done.returncode == 0, done.stderr
        assert "demo data set ready" in done.stdout
        assert sorted(p.name for p in data_dir.glob(".demo-build-*")) == [running.name]
        assert (running / "work").is_dir() and marker.path.exists()
    finally:
        marker.close()
    assert not keyring_secrets.get_secret(db_key.SERVICE, key_id)
    assert not keyring_secrets.get_secret(audit_key.KEY_SERVICE, device_id)
    assert count(data_dir, "claims") == 3


@pytest.mark.parametrize("how", ["symlink", "hardlink", "copy"])
def test_a_build_folder_holding_the_real_database_or_its_key_id_is_never_cleaned(tmp_path, how):
    """A .demo-build-* folder holding links to (or a copy of) the office's database and key id read as a killed
    build: its "own" keys were the real database's, deleted from the keyring, and the database no longer opened."""
    import os
    import shutil

    data_dir = tmp_path / "demo"
    assert cli("demo", "--claims", "2", data_dir=data_dir).returncode == 0
    real = data_dir / DB
    key_id = db_key.read_key_id(real)
    odd = data_dir / ".demo-build-odd"
    odd.mkdir()
    for name in (DB, DB + ".key-id"):
        if how == "symlink":
            (odd / name).symlink_to(Path("..") / name)
        elif how == "hardlink":
            os.link(data_dir / name, odd / name)
        else:
            shutil.copy2(data_dir / name, odd / name)
    done = cli("demo", "--claims", "3", data_dir=data_dir)
    assert done.returncode == 0, done.stderr
    assert sorted(p.name for p in odd.iterdir()) == [DB, DB + ".key-id"]  # left as it was
    assert keyring_secrets.get_secret(db_key.SERVICE, key_id)  # the replaced database's key, its backup's now
    [backup] = [p for p in (data_dir / "backups").iterdir() if not p.name.endswith(".key-id")]
    con = cipher.connect(backup, db_key.load_key(backup), read_only=True)
    try:
        assert con.execute("SELECT count(*) FROM claims").fetchone()[0] == 2
    finally:
        con.close()
