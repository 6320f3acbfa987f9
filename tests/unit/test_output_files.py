"""The one writer of the files a user asks for: checked first, private, whole or not at all, never over a device."""

from __future__ import annotations

import errno
import os
import socket
import stat
import sys

import pytest

from injury_desk import output_files
from injury_desk.domain.errors import DomainError
from injury_desk.output_files import NotAFile, OutputRefused, check_output, write_whole, written_whole
from injury_desk.private_files import private_output

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="FIFOs, sockets and POSIX modes")


def leftovers(folder):
    return sorted(p.name for p in folder.iterdir())


def test_a_new_file_is_written_whole_and_readable_by_the_user_only(tmp_path):
    target = tmp_path / "export.jsonl"
    with written_whole(target, "w", encoding="utf-8", newline="\n") as out:
        out.write("第一行\n")
        assert not target.exists()  # nothing under the name until the file is complete
    assert target.read_text(encoding="utf-8") == "第一行\n"
    assert leftovers(tmp_path) == ["export.jsonl"]
    if sys.platform != "win32":
        assert stat.S_IMODE(target.stat().st_mode) == 0o600


@posix_only
def test_an_older_file_readable_by_everyone_is_replaced_by_a_private_one(tmp_path):
    target = tmp_path / "letter.pdf"
    target.write_bytes(b"old")
    os.chmod(target, 0o644)
    write_whole(target, b"new")
    assert target.read_bytes() == b"new" and stat.S_IMODE(target.stat().st_mode) == 0o600


@pytest.mark.parametrize("failure", [OSError(errno.ENOSPC, "No space left on device"), KeyboardInterrupt()])
def test_a_failure_while_writing_leaves_the_old_file_and_no_temporary_one(tmp_path, failure):
    target = tmp_path / "report.csv"
    target.write_bytes(b"the report of last month\n")
    with pytest.raises(type(failure)):
        with written_whole(target) as out:
            out.write(b"half of the new ")
            raise failure
    assert target.read_bytes() == b"the report of last month\n"
    assert leftovers(tmp_path) == ["report.csv"]


def test_a_failed_sync_or_rename_leaves_the_old_file_and_no_temporary_one(tmp_path, monkeypatch):
    target = tmp_path / "report.csv"
    target.write_bytes(b"old")

    def disk_full(*_args):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    for name in ("fsync", "replace"):
        with monkeypatch.context() as m:
            m.setattr(output_files.os, name, disk_full)
            with pytest.raises(OSError):
                write_whole(target, b"new")
        assert target.read_bytes() == b"old" and leftovers(tmp_path) == ["report.csv"], name


def test_the_bytes_are_synced_before_the_rename(tmp_path, monkeypatch):
    calls = []
    real_fsync, real_replace = os.fsync, os.replace
    monkeypatch.setattr(output_files.os, "fsync", lambda fd: (calls.append("fsync"), real_fsync(fd))[1])
    monkeypatch.setattr(output_files.os, "replace", lambda a, b: (calls.append("replace"), real_replace(a, b))[1])
    write_whole(tmp_path / "a.pdf", b"%PDF")
    assert calls == ["fsync", "replace"]


@posix_only
def test_a_fifo_or_a_socket_under_the_name_is_refused_and_left_as_it_was(tmp_path):
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    sock_path = tmp_path / "sock"
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(sock_path))
    try:
        for target, kind in ((pipe, stat.S_ISFIFO), (sock_path, stat.S_ISSOCK)):
            with pytest.raises(NotAFile) as refused:
                with written_whole(target) as out:
                    out.write(b"never")
            assert refused.value.filename == str(target) and "not a regular file" in refused.value.strerror
            assert kind(target.stat().st_mode)
    finally:
        server.close()
    assert leftovers(tmp_path) == ["pipe", "sock"]


@posix_only
def test_a_character_device_is_refused():
    with pytest.raises(NotAFile):
        check_output("/dev/null")
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


def test_a_folder_a_missing_folder_or_a_file_as_folder_is_refused_with_its_reason(tmp_path):
    (tmp_path / "a-file").write_text("x")
    for target, code in ((tmp_path, errno.EISDIR), (tmp_path / "missing" / "out.csv", errno.ENOENT),
                         (tmp_path / "a-file" / "out.csv", errno.ENOTDIR)):
        with pytest.raises(OutputRefused) as refused:
            check_output(target)
        assert not isinstance(refused.value, NotAFile)
        assert (refused.value.errno, refused.value.strerror, refused.value.filename) == (
            code, os.strerror(code), str(target))
    assert not (tmp_path / "missing").exists() and leftovers(tmp_path) == ["a-file"]


def test_a_cache_may_skip_the_check(tmp_path):
    write_whole(tmp_path / "font.ttf", b"glyphs", check=False)
    assert (tmp_path / "font.ttf").read_bytes() == b"glyphs"


@posix_only
def test_a_chosen_file_maps_refusals_and_failures_to_the_callers_message(tmp_path):
    pipe = tmp_path / "pipe.csv"
    os.mkfifo(pipe)
    with pytest.raises(DomainError) as refused:
        with private_output(pipe, "w", unwritable="stats.export_failed"):
            pass
    assert (refused.value.key, refused.value.params) == ("output.not_a_file", {"field": "file", "path": str(pipe)})
    with pytest.raises(DomainError) as refused:  # a folder under the name: said as such, not as "Is a directory"
        with private_output(tmp_path, unwritable="stats.export_failed"):
            pass
    assert (refused.value.key, refused.value.params) == ("output.is_a_folder", {"field": "file", "path": str(tmp_path)})
    missing = tmp_path / "missing" / "out.csv"
    with pytest.raises(DomainError) as refused:  # anything else: the caller's message with the system's reason
        with private_output(missing, unwritable="stats.export_failed"):
            pass
    assert refused.value.key == "stats.export_failed"
    assert refused.value.params["reason"] == os.strerror(errno.ENOENT)
    target = tmp_path / "out.csv"
    target.write_text("old")
    with pytest.raises(DomainError) as refused:
        with private_output(target, "w", unwritable="stats.export_failed") as out:
            out.write("new")
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
    assert (refused.value.key, refused.value.params["reason"]) == ("stats.export_failed", os.strerror(errno.ENOSPC))
    assert target.read_text() == "old" and leftovers(tmp_path) == ["out.csv", "pipe.csv"]
