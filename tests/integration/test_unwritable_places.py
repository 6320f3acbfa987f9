"""Folders and files the computer does not let the user write (another user's folder, a read-only disk, a database
file made read-only): each command names the folder or file and the rule, exits 2 and changes nothing. Before, a
read-only command called the database "damaged" (and told the user to restore a backup), a writing command ended in
"internal error: PermissionError" or OperationalError, and one whose error log could not be written either printed
a traceback and exited 1."""

from __future__ import annotations

import hashlib
import os
import stat
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from injury_desk.cli import main

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions and the immutable flag")
UNWRITABLE_RULE = "cannot be written"


@contextmanager
def unwritable(path: Path) -> Iterator[None]:
    """``path`` refuses writes for real while the block runs: with the immutable flag as root (root ignores modes,
    not that flag), with its mode otherwise."""
    if os.geteuid() == 0:
        made = subprocess.run(["chattr", "+i", str(path)], capture_output=True, text=True)
        if made.returncode != 0:
            reason = f"chattr +i is not available here: {made.stderr.strip()}"
            if os.environ.get("CI"):
                pytest.fail(reason)
            pytest.skip(reason)
        try:
            yield
        finally:
            subprocess.run(["chattr", "-i", str(path)], check=True)
        return
    mode = stat.S_IMODE(path.stat().st_mode)
    os.chmod(path, 0o555 if path.is_dir() else 0o444)
    try:
        yield
    finally:
        os.chmod(path, mode)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def refusal(capsys) -> str:
    out = capsys.readouterr()
    assert "Traceback" not in out.err and "internal error" not in out.err, out.err
    return out.err


@pytest.fixture
def folder(db) -> Path:
    """The test database's data folder, closed (a command opens it as a user would)."""
    db.dispose()
    return db.path.parent


def test_a_data_folder_that_cannot_be_made_is_named_and_nothing_is_made(tmp_path, capsys):
    parent = tmp_path / "shared"
    parent.mkdir()
    with unwritable(parent):
        code = main(["demo", "--claims", "2", "--data-dir", str(parent / "office")])
    err = refusal(capsys)
    assert code == 2
    assert "store.folder_unwritable" in err
    assert f"The folder {parent} {UNWRITABLE_RULE}" in err
    assert list(parent.iterdir()) == []


@pytest.mark.parametrize("command", [["tasks", "--user", "sup"], ["check"],
                                     ["payments", "due", "--month", "2026-05", "--user", "sup"]],
                         ids=["tasks", "check", "payments due"])
def test_a_read_only_command_in_an_unwritable_data_folder_says_so_not_damaged(folder, command, capsys, monkeypatch):
    # Even a read-only open of a WAL database makes its -shm file beside it, so SQLite said "attempt to write a
    # readonly database", which was reported as a damaged database to be restored from a backup.
    monkeypatch.setenv("INJURY_DESK_PASSWORD", "sup-pass-123")
    before = digest(folder / "injury_desk.sqlite3")
    with unwritable(folder):
        code = main([*command, "--data-dir", str(folder)])
    err = refusal(capsys)
    assert code == 2
    assert f"The folder {folder} {UNWRITABLE_RULE}" in err
    assert "damaged" not in err and "restore a backup" not in err
    assert digest(folder / "injury_desk.sqlite3") == before


def test_a_writing_command_in_an_unwritable_data_folder_is_refused_and_writes_no_output(folder, tmp_path, capsys,
                                                                                       monkeypatch):
    monkeypatch.setenv("INJURY_DESK_PASSWORD", "sup-pass-123")
    out = tmp_path / "out" / "records.jsonl"
    out.parent.mkdir()
    before = digest(folder / "injury_desk.sqlite3")
    with unwritable(folder):
        code = main(["export", str(out), "--data-dir", str(folder), "--user", "sup"])
    err = refusal(capsys)
    assert code == 2
    assert f"The folder {folder} {UNWRITABLE_RULE}" in err
    assert not out.exists()
    assert digest(folder / "injury_desk.sqlite3") == before


def test_a_database_file_that_cannot_be_written_is_named_before_anything_is_written(folder, tmp_path, capsys,
                                                                                   monkeypatch):
    monkeypatch.setenv("INJURY_DESK_PASSWORD", "sup-pass-123")
    database = folder / "injury_desk.sqlite3"
    out = tmp_path / "records.jsonl"
    before = digest(database)
    with unwritable(database):
        code = main(["export", str(out), "--data-dir", str(folder), "--user", "sup"])
        err = refusal(capsys)
        assert code == 2
        assert "store.file_unwritable" in err
        assert f"The database file {database} cannot be both read and written by you" in err
        assert not out.exists()
        # Reading it is still fine: a read-only command opens it read-only.
        assert main(["tasks", "--data-dir", str(folder), "--user", "sup"]) == 0
        capsys.readouterr()
    assert digest(database) == before
    assert main(["export", str(out), "--data-dir", str(folder), "--user", "sup"]) == 0
    assert out.exists()


def test_sqlites_own_files_left_read_only_by_a_reader_are_put_right_before_writing(folder):
    from injury_desk.store.location import check_writable

    database = folder / "injury_desk.sqlite3"
    for suffix in ("-wal", "-shm"):
        # What SQLite leaves beside a 0444 database after a read-only command: its scratch files with that mode.
        companion = database.with_name(database.name + suffix)
        companion.write_bytes(b"")
        os.chmod(companion, 0o444)
    check_writable(database)
    assert {p.name: oct(stat.S_IMODE(p.stat().st_mode)) for p in folder.glob("injury_desk.sqlite3-*")} == {
        "injury_desk.sqlite3-wal": oct(0o600), "injury_desk.sqlite3-shm": oct(0o600)}


@pytest.fixture
def failing_tasks(monkeypatch):
    from injury_desk.services import tasks

    def broken(*_a, **_k):
        raise RuntimeError("boom")

    monkeypatch.setattr(tasks, "deadline_rows", broken)
    monkeypatch.setenv("INJURY_DESK_PASSWORD", "sup-pass-123")


def failing_with_an_unwritable_log(folder: Path, platform_logs: Path, monkeypatch, capsys) -> tuple[int, str]:
    """Runs the failing command with the data folder's log folder refusing writes and the platform's log folder
    at ``platform_logs``; returns its exit code and what it printed on stderr."""
    import platformdirs

    monkeypatch.setattr(platformdirs, "user_log_dir", lambda *_a, **_k: str(platform_logs))
    logs = folder / "logs"
    logs.mkdir(exist_ok=True)
    with unwritable(logs):
        code = main(["tasks", "--data-dir", str(folder), "--user", "sup"])
    return code, capsys.readouterr().err


def test_an_internal_error_is_logged_in_the_platform_log_folder_when_the_data_folders_log_cannot_be_written(
        folder, tmp_path, capsys, monkeypatch, failing_tasks):
    elsewhere = tmp_path / "platform-logs"
    code, err = failing_with_an_unwritable_log(folder, elsewhere, monkeypatch, capsys)
    assert code == 3
    assert err.strip() == f"internal error: RuntimeError; the details are in {elsewhere / 'cli-errors.log'}"
    assert "RuntimeError: boom" in (elsewhere / "cli-errors.log").read_text(encoding="utf-8")
    assert not (folder / "logs" / "cli-errors.log").exists()


def test_an_internal_error_that_no_log_can_hold_still_ends_in_one_line_and_exit_3(folder, tmp_path, capsys,
                                                                                 monkeypatch, failing_tasks):
    # Before: the failure to write the log ended in its own traceback, exit 1.
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    code, err = failing_with_an_unwritable_log(folder, blocker / "logs", monkeypatch, capsys)
    assert code == 3
    assert err.strip() == "internal error: RuntimeError; the details could not be written to a log file"


def test_a_file_the_computer_refuses_deep_in_a_command_is_named_with_exit_2(folder, tmp_path, capsys, monkeypatch):
    # The last net: a refusal by the OS that no command foresaw is the user's to mend, not an internal error.
    from injury_desk.services import tasks

    def refused(*_a, **_k):
        raise PermissionError(13, "Permission denied", str(tmp_path / "somewhere.txt"))

    monkeypatch.setattr(tasks, "deadline_rows", refused)
    monkeypatch.setenv("INJURY_DESK_PASSWORD", "sup-pass-123")
    code = main(["tasks", "--data-dir", str(folder), "--user", "sup"])
    err = refusal(capsys)
    assert code == 2
    assert "store.permission_denied" in err
    assert f"{tmp_path / 'somewhere.txt'} could not be used: the computer refused it (Permission denied)" in err
    assert not (folder / "logs" / "cli-errors.log").exists()


def test_a_disk_that_stops_taking_writes_half_way_through_a_demo_is_said_and_leaves_no_database(tmp_path):
    # A file size limit (RLIMIT_FSIZE) makes the disk refuse writes past 3 MB, as a full disk or a quota does,
    # whoever runs the test; the demo's database needs about 6 MB. Before: "internal error: OperationalError", and
    # the log held "cannot rollback - no transaction is active", which hid SQLite's own error.
    import resource

    limit = 3_000_000
    data_dir = tmp_path / "office"

    def small_disk() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    done = subprocess.run([sys.executable, "-m", "injury_desk", "demo", "--data-dir", str(data_dir)],
                          capture_output=True, text=True, timeout=300, stdin=subprocess.DEVNULL,
                          preexec_fn=small_disk)
    assert done.returncode == 2, done.stdout + done.stderr
    assert "store.disk_write_failed" in done.stderr
    assert f"The disk holding {data_dir} did not take what the command wrote (disk I/O error)" in done.stderr
    assert "Traceback" not in done.stderr and "internal error" not in done.stderr
    assert list(data_dir.iterdir()) == []  # no database, no half-built folder, no error log
    assert stat.S_IMODE(data_dir.stat().st_mode) == 0o700


@pytest.mark.parametrize("where", ["output", "data folder"])
def test_a_name_too_long_for_the_disk_is_named_with_exit_2(folder, tmp_path, capsys, monkeypatch, where):
    # Before: "internal error: OSError" for an output, and for a data folder a traceback with exit 1 (the error log's
    # own folder check failed on the same name).
    monkeypatch.setenv("INJURY_DESK_PASSWORD", "sup-pass-123")
    long_name = tmp_path / ("a" * 300)
    out = tmp_path / "records.jsonl"
    if where == "output":
        out = long_name.with_suffix(".jsonl")
        data_dir = folder
    else:
        data_dir = long_name
    code = main(["export", str(out), "--data-dir", str(data_dir), "--user", "sup"])
    err = refusal(capsys)
    assert code == 2
    assert "store.path_unusable" in err and "could not be used (File name too long)" in err
    assert os.listdir(tmp_path) == [folder.name]  # nothing written beside the test's data folder


def test_a_save_the_disk_refuses_is_said_as_a_full_disk_and_leaves_the_data_as_it_was(services, cw):
    # The GUI shows what a service raises: before, "Unexpected error: disk I/O error" in English in either language.
    import resource

    from injury_desk.domain.errors import DomainError
    from tests.conftest import employer_data

    before = services.employers.count(cw)
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    resource.setrlimit(resource.RLIMIT_FSIZE, (0, hard))  # no file may grow: the write-ahead log cannot take the save
    try:
        with pytest.raises(DomainError) as refused:
            services.employers.create(cw, employer_data())
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
    assert refused.value.key == "store.disk_write_failed"
    assert refused.value.params["detail"] == "disk I/O error"
    assert services.employers.count(cw) == before
    services.employers.create(cw, employer_data())  # room again: the same employer (credit code) is saved
    assert services.employers.count(cw) == before + 1


def test_a_plain_write_the_disk_refuses_inside_a_transaction_is_said_the_same_way(db):
    # A pull writes its pages with the driver's executemany inside the transaction, not through SQLAlchemy: the
    # driver's own OperationalError must be said as a disk refusal too.
    import resource

    from injury_desk.domain.errors import DomainError
    from injury_desk.store.quick_read import driver_connection

    rows = [(f"probe:{n}", "x" * 20_000) for n in range(2_000)]  # 40 MB: more than the page cache holds
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    resource.setrlimit(resource.RLIMIT_FSIZE, (0, hard))
    try:
        with pytest.raises(DomainError) as refused, db.write(None, "probe") as s:
            driver_connection(s).executemany("INSERT INTO local_settings (key, value) VALUES (?, ?)", rows)
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
    assert refused.value.key == "store.disk_write_failed" and refused.value.params["detail"] == "disk I/O error"
    assert type(refused.value.__cause__).__module__.startswith("sqlcipher3")  # the driver's, unwrapped
    with db.read() as s:
        assert driver_connection(s).execute(
            "SELECT count(*) FROM local_settings WHERE key LIKE 'probe:%'").fetchone()[0] == 0


def test_a_data_folder_its_owner_made_read_only_is_not_made_writable_behind_their_back(folder, tmp_path, capsys,
                                                                                       monkeypatch):
    # Before: every command put the folder back to 0700, writable again, whatever its owner had set. Now only the
    # other users' access goes (0555 becomes 0500), and a user who is not root is refused by name; root, whom modes
    # do not stop, still works in it, and the folder keeps its owner's choice either way.
    monkeypatch.setenv("INJURY_DESK_PASSWORD", "sup-pass-123")
    os.chmod(folder, 0o555)
    try:
        code = main(["export", str(tmp_path / "records.jsonl"), "--data-dir", str(folder), "--user", "sup"])
        err = refusal(capsys)
        assert stat.S_IMODE(folder.stat().st_mode) == 0o500
        if os.geteuid() == 0:
            assert code == 0, err
        else:
            assert code == 2 and f"The folder {folder} {UNWRITABLE_RULE}" in err
    finally:
        os.chmod(folder, 0o700)
