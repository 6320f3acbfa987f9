"""Checks that the database file sits on a local disk and is ours, before SQLite touches it."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from injury_desk.domain.errors import DomainError
from injury_desk.private_files import private_file, refused_write, unwritable_folder
from injury_desk.store import cipher

# PRAGMA application_id stamped on every injury_desk database: "INJD".
APPLICATION_ID = 0x494E4A44
FULL_CHECK_BYTES = 64 * 2**20
STARTUP_CHECK_TABLES = ("alembic_version", "local_settings", "offices", "users", "audit_events")
NETWORK_FS = {"nfs", "nfs4", "cifs", "smbfs", "smb3", "sshfs", "fuse.sshfs", "9p", "afs", "davfs", "fuse.rclone"}


def _is_network_path(path: Path) -> bool:
    text = str(path)
    if sys.platform == "win32":
        if text.startswith(("\\\\", "//")):
            return True  # UNC path
        import ctypes

        drive = os.path.splitdrive(os.path.abspath(text))[0]
        if drive:
            DRIVE_REMOTE = 4
            return ctypes.windll.kernel32.GetDriveTypeW(drive + "\\") == DRIVE_REMOTE
        return False
    mounts = Path("/proc/mounts")
    if not mounts.exists():
        return False
    resolved = str(path.resolve())
    best, best_fs = "", ""
    for line in mounts.read_text(errors="replace").splitlines():
        parts = line.split()
        if len(parts) < 3:
            continue
        mount_point, fs = parts[1], parts[2]
        if (resolved == mount_point or resolved.startswith(mount_point.rstrip("/") + "/")) and len(mount_point) > len(best):
            best, best_fs = mount_point, fs
    return best_fs in NETWORK_FS


def check_local(path: Path) -> None:
    """Refuse a database on a network share: SQLite's file locking is unsafe there."""
    if _is_network_path(path.parent if not path.exists() else path):
        raise DomainError("store.network_path", path=str(path))


def check_existing_file(path: Path, key: bytes | None, *, start_tables_only: bool = False) -> bool:
    """True when ``path`` is an existing injury_desk database; False when there is none yet (or an empty
    file). Refuses damaged or foreign files. A plain (old, unencrypted) database is checked as it is;
    an encrypted one with ``key``, and a file that ``key`` does not open is refused as unreadable
    (damaged, or encrypted with another key). A database up to FULL_CHECK_BYTES is checked whole, unless
    ``start_tables_only`` (the quick start, whose full services check it whole before anything is written)."""
    if not path.exists():
        return False
    if path.is_dir():
        raise DomainError("store.not_a_file", path=str(path))
    size = path.stat().st_size
    if size == 0:
        return False
    plain = cipher.is_plain(path)
    if not plain and key is None:
        raise DomainError("store.not_a_database", path=str(path))
    try:
        con = cipher.connect(path, None if plain else key, read_only=True)
        try:
            if size <= FULL_CHECK_BYTES and not start_tables_only:
                rows = con.execute("PRAGMA quick_check").fetchall()
            else:
                # A full check reads every page (seconds on a large office database); at start-up the
                # schema and the small tables every start reads are checked, `injury-desk check` does all.
                rows = []
                names = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
                for table in STARTUP_CHECK_TABLES:
                    if table in names:
                        rows += [r for r in con.execute(f"PRAGMA quick_check({table})").fetchall() if r[0] != "ok"]
                rows = rows or [("ok",)]
            app_id = con.execute("PRAGMA application_id").fetchone()[0]
            tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        finally:
            con.close()
    except cipher.sqlite.DatabaseError as exc:
        if not os.access(path.parent, os.W_OK | os.X_OK):
            # Even a read-only open of a WAL database makes its -shm file beside it: the folder, not the database,
            # is what fails (SQLite says "attempt to write a readonly database").
            raise unwritable_folder(path.parent) from exc
        if not os.access(path, os.R_OK):
            raise DomainError("store.file_unwritable", path=str(path)) from exc
        if not plain and "not a database" in str(exc):
            # SQLCipher cannot tell a wrong key from a damaged first page: both fail its page check.
            raise DomainError("store.cannot_decrypt", path=str(path)) from exc
        raise DomainError("store.damaged", path=str(path), detail=str(exc)) from exc
    if [r[0] for r in rows] != ["ok"]:
        raise DomainError("store.damaged", path=str(path), detail="; ".join(str(r[0]) for r in rows[:5]))
    if app_id != APPLICATION_ID and (app_id != 0 or tables):
        raise DomainError("store.foreign_database", path=str(path))
    return True


def check_writable(path: Path) -> None:
    """Before a database is opened for writing: it and SQLite's -wal and -shm files beside it must be the user's
    to read and write (``store.file_unwritable`` names the one that is not), or SQLite fails half-way in."""
    companions = [path.with_name(path.name + suffix) for suffix in ("-wal", "-shm")]
    for companion in companions:
        try:
            # SQLite gives them the database's mode when it makes them: a read-only command on a 0444 database
            # leaves 0444 ones, which are SQLite's scratch files, not the user's, so they are put right.
            private_file(companion)
        except OSError as exc:
            if not refused_write(exc):
                raise
            raise DomainError("store.file_unwritable", path=str(companion)) from exc
    for file in (path, *companions):
        if file.exists() and not os.access(file, os.R_OK | os.W_OK):
            raise DomainError("store.file_unwritable", path=str(file))
