"""`injury-desk central ...` on the command line: the embedded store's files, refusals of bad input, exit codes."""

from __future__ import annotations

import os
import stat

import pytest

from injury_desk.cli import main


def mode(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


@pytest.fixture
def usual_umask():
    """The umask most systems give a user (022): what SQLite would create files with, readable by everyone."""
    old = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(old)


def test_the_embedded_store_is_private_to_the_user(tmp_path, usual_umask, capsys):
    data = tmp_path / "data"
    assert main(["central", "migrate", "--data-dir", str(data)]) == 0
    assert main(["central", "add-office", "AB", "Office AB", "--data-dir", str(data)]) == 0
    assert (mode(data), mode(data / "central")) == (0o700, 0o700)
    files = sorted((data / "central").iterdir())
    assert [f.name for f in files][:1] == ["central.sqlite3"]
    assert {f.name: mode(f) for f in files} == {f.name: 0o600 for f in files}


def test_a_store_an_older_version_left_readable_is_made_private(tmp_path, usual_umask, capsys):
    data = tmp_path / "data"
    assert main(["central", "migrate", "--data-dir", str(data)]) == 0
    store = data / "central" / "central.sqlite3"
    wal = store.with_name("central.sqlite3-wal")
    wal.touch()
    for path, old in ((data, 0o755), (data / "central", 0o755), (store, 0o644), (wal, 0o644)):
        os.chmod(path, old)
    assert main(["central", "check", "--data-dir", str(data)]) == 0
    assert (mode(data), mode(data / "central"), mode(store)) == (0o700, 0o700, 0o600)
    assert not wal.exists() or mode(wal) == 0o600
