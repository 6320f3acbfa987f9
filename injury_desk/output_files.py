"""The one writer of every file the application writes for a user (and of its own caches): whole or not at all.

A file is checked before anything is done (a folder, a device, a pipe or a socket under the name, or a folder
that is missing or closed, is refused with the path and the reason), then written into a temporary file beside
it, readable by the user only from the first byte (mkstemp: mode 0600 on POSIX; the office's records are personal
data), flushed and synced, and renamed over the target. On any failure, a cancel or Ctrl+C included, the temporary
file is removed and the target is left as it was.

This module imports nothing of the application's: the protocol, printing, store and services all write through
it, each mapping a refusal to its own message key.
"""

from __future__ import annotations

import errno
import os
import stat
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

TEMP_SUFFIX = ".part"


class OutputRefused(OSError):
    """A target refused before anything was written: ``errno``, ``strerror`` and ``filename`` say which and why,
    so a caller that maps every OSError to its "cannot write" message needs nothing more."""


class NotAFile(OutputRefused):
    """The target exists and is neither a regular file nor a folder (a device, a pipe, a socket): the rename would
    put a regular file in its place, never what the user meant. (A folder is an OutputRefused with EISDIR.)"""

    def __init__(self, path: Path) -> None:
        super().__init__(errno.EEXIST, "exists and is not a regular file (a device, a pipe or a socket)", str(path))


def _refused(code: int, path: Path) -> OutputRefused:
    return OutputRefused(code, os.strerror(code), str(path))


def check_output(path: Path | str) -> None:
    """Raises OutputRefused unless ``path`` can be written whole: it is a regular file or nothing yet, and its
    folder exists and may be written. Nothing is created or changed."""
    path = Path(path)
    try:
        # Follows a symbolic link, so a link to a device or a folder is refused as they are; a link to a file is
        # itself replaced by the rename (the file it pointed at is left as it was).
        st = path.stat()
    except FileNotFoundError:
        st = None
    except OSError as exc:
        raise OutputRefused(exc.errno, exc.strerror, str(path)) from None
    if st is not None:
        if stat.S_ISDIR(st.st_mode):
            raise _refused(errno.EISDIR, path)
        if not stat.S_ISREG(st.st_mode):
            raise NotAFile(path)
    folder = path.parent
    if not folder.is_dir():
        raise _refused(errno.ENOTDIR if folder.exists() else errno.ENOENT, path)
    if not os.access(folder, os.W_OK | os.X_OK):
        raise _refused(errno.EACCES, path)


@contextmanager
def written_whole(path: Path | str, mode: str = "wb", *, encoding: str | None = None, newline: str | None = None,
                  check: bool = True) -> Iterator[IO[Any]]:
    """Yields a handle (``mode`` "wb" or "w") on a private temporary file beside ``path``; when the block ends
    normally the file is synced and renamed over ``path``. ``check=False`` skips the refusals, for a cache the
    application names itself."""
    if mode not in ("wb", "w"):
        raise ValueError(f"written_whole writes a new file: mode 'wb' or 'w', not {mode!r}")
    path = Path(path)
    if check:
        check_output(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=TEMP_SUFFIX, dir=path.parent)
    try:
        try:
            handle = os.fdopen(fd, mode, encoding=encoding, newline=newline)
        except BaseException:
            os.close(fd)
            raise
        with handle as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())  # the rename must not publish a file whose bytes are still only in memory
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def write_whole(path: Path | str, data: bytes, *, check: bool = True) -> Path:
    """Writes ``data`` to ``path`` through written_whole."""
    with written_whole(path, check=check) as fh:
        fh.write(data)
    return Path(path)
