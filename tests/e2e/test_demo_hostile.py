"""The demo command against a careless or hostile user: a bad data folder, a killed build, a writer at work."""

from __future__ import annotations

import os
import subprocess
import sys
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


# Runs the command line with os.replace made to stop the process dead, as kill -9 would (no finally, no clean-up),
# right after the demo's first swap rename: the new key id has replaced the old database's, the database has not.
KILLED_BETWEEN_RENAMES = """
import os, sys
real = os.replace
def replace(src, dst, *args, **kwargs):
    real(src, dst, *args, **kwargs)
    if str(src).endswith(".key-id") and ".demo-build-" in str(src):
        os._exit(9)
os.replace = replace
from injury_desk.cli import main
sys.exit(main(sys.argv[1:]))
"""


def test_a_demo_killed_between_its_two_swap_renames_is_finished_by_the_next_demo(tmp_path):
    # Before: the old database sat beside the new one's key id and opened with nothing (store.cannot_decrypt,
    # which told the user to import a key), the next demo refused for the same reason, and the new database stayed
    # in its build folder for ever.
    data_dir = tmp_path / "demo"
    assert cli("demo", "--claims", "2", data_dir=data_dir).returncode == 0
    env = {k: v for k, v in os.environ.items() if not k.startswith("INJURY_DESK_")}
    killed = subprocess.run([sys.executable, "-c", KILLED_BETWEEN_RENAMES, "demo", "--claims", "3",
                             "--data-dir", str(data_dir)], capture_output=True, text=True, env=env, timeout=300,
                            stdin=subprocess.DEVNULL)
    assert killed.returncode == 9, killed.stdout + killed.stderr
    stuck = cli("check", data_dir=data_dir)
    assert stuck.returncode == 2 and "store.cannot_decrypt" in stuck.stderr  # the state a kill there leaves

    done = cli("demo", "--claims", "4", data_dir=data_dir)
    assert done.returncode == 0, done.stdout + done.stderr
    assert count(data_dir, "claims") == 4
    assert list(data_dir.glob(".demo-build-*")) == []
    backups = {}
    for backup in (data_dir / "backups").iterdir():
        if backup.name.endswith(".key-id"):
            continue
        con = cipher.connect(backup, db_key.load_key(backup), read_only=True)
        try:
            backups[backup.name] = con.execute("SELECT count(*) FROM claims").fetchone()[0]
        finally:
            con.close()
    # The first demo's database (backed up by the killed run) and the killed run's own, finished and then backed
    # up by the next demo: nothing was lost on the way.
    assert sorted(backups.values()) == [2, 3]


def test_a_failed_second_swap_rename_gives_the_live_database_its_key_id_back(tmp_path, monkeypatch):
    # On Windows a virus scanner holding the file makes a rename fail. Before: the live database kept the new
    # database's key id, opened with nothing, and the new database was removed with its build folder.
    from sqlalchemy import text

    from injury_desk.services.demo import reset_demo
    from injury_desk.store.database import open_database

    data_dir = tmp_path / "demo"
    first, _ = reset_demo(data_dir, claims=2)
    first.dispose()
    real = os.replace

    def scanner_holds_it(src, dst, *args, **kwargs):
        if Path(src).name == DB and ".demo-build-" in str(src):
            raise PermissionError(13, "The process cannot access the file", str(dst))
        return real(src, dst, *args, **kwargs)

    monkeypatch.setattr(os, "replace", scanner_holds_it)
    with pytest.raises(PermissionError):
        reset_demo(data_dir, claims=3)
    monkeypatch.undo()
    db = open_database(data_dir)
    try:
        with db.read() as s:
            assert s.scalar(text("SELECT count(*) FROM claims")) == 2
    finally:
        db.dispose()
    assert list(data_dir.glob(".demo-build-*")) == []
