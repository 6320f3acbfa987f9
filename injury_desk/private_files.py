"""Files and folders private to the user: the data folder 0700; the database, backups, logs and exports 0600.

On Linux and macOS the modes are set (and corrected on an existing data folder made by an older
version with 0755). On Windows POSIX modes mean nothing: what is checked there is that the data folder
lies inside the user's own profile (``%USERPROFILE%``, where platformdirs puts it), whose ACL grants
access only to the user, SYSTEM and Administrators; a data folder elsewhere (``C:\\data``, another
drive) would inherit that drive's ACL, usually readable by every local user, and is refused.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from injury_desk.domain.errors import DomainError

DIR_MODE = 0o700
FILE_MODE = 0o600


def is_inside(path: Path, folder: Path) -> bool:
    """True when ``path`` is ``folder`` or below it (compared case-insensitively, as Windows paths are)."""
    inner = os.path.normcase(os.path.abspath(path))
    outer = os.path.normcase(os.path.abspath(folder))
    return inner == outer or inner.startswith(outer.rstrip("\\/") + os.sep)


def check_windows_profile(folder: Path, profile: Path | None) -> None:
    """The Windows rule: the data folder must be inside the user's profile (see the module docstring)."""
    if profile is None or not is_inside(folder, profile):
        raise DomainError("store.not_private", path=str(folder), profile=str(profile or ""))


def private_dir(folder: Path) -> Path:
    """Creates ``folder`` (and parents) if needed; the folder itself becomes private to the user."""
    folder = Path(folder)
    if sys.platform == "win32":
        folder.mkdir(parents=True, exist_ok=True)
        profile = os.environ.get("USERPROFILE")
        check_windows_profile(folder, Path(profile) if profile else None)
        return folder
    folder.mkdir(mode=DIR_MODE, parents=True, exist_ok=True)
    if folder.stat().st_mode & 0o777 != DIR_MODE:
        os.chmod(folder, DIR_MODE)
    return folder


def private_file(path: Path) -> Path:
    """Makes an existing file readable and writable by the user only."""
    if sys.platform != "win32" and Path(path).exists() and Path(path).stat().st_mode & 0o777 != FILE_MODE:
        os.chmod(path, FILE_MODE)
    return Path(path)


def create_private_file(path: Path) -> Path:
    """Creates ``path`` empty with mode 0600 unless it exists (SQLite then keeps that mode for the file
    and gives its -wal and -shm files the same one)."""
    flags = os.O_CREAT | os.O_WRONLY | getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags, FILE_MODE)
    os.close(fd)
    return private_file(path)


def write_private_bytes(path: Path, data: bytes) -> Path:
    """Writes ``data`` to ``path`` (replacing it) readable by the user only, from the first byte on."""
    path = Path(path)
    fd = os.open(path, os.O_CREAT | os.O_WRONLY | os.O_TRUNC | getattr(os, "O_BINARY", 0), FILE_MODE)
    with os.fdopen(fd, "wb") as fh:
        fh.write(data)
    return private_file(path)


def append_private_text(path: Path, text: str) -> Path:
    """Appends ``text`` to ``path`` (a log), the file readable by the user only and its folder private."""
    path = Path(path)
    private_dir(path.parent)
    fd = os.open(path, os.O_CREAT | os.O_WRONLY | os.O_APPEND | getattr(os, "O_BINARY", 0), FILE_MODE)
    with os.fdopen(fd, "ab") as fh:
        fh.write(text.encode("utf-8"))
    return private_file(path)
