"""The one-time encryption of a plain database made by an earlier version, in place and safely.

Order: the plain file's log is folded into it; ``sqlcipher_export`` writes an encrypted copy next to it;
the copy is checked (every page and b-tree, and every table's row count against the plain file); a copy of
it goes to the backups folder; only then an atomic rename puts the copy in the plain file's place.
Until that rename the plain database is untouched, so a failure or a killed process at any earlier
point leaves it as it was (the half-written copy is removed on the next try). Plain backups that an
earlier version left in the backups folder are encrypted the same way.

On a big database this takes minutes, so each step reports its progress to an optional callback
``progress(step, done, total, name)``: ``encrypt`` (bytes of the encrypted copy written, of the plain file's
size), ``check`` (no measure: ``total`` 0), ``backup`` (bytes copied to the backups folder); ``name`` is the
file being encrypted. The callback only watches: an exception it raises (a user's Ctrl+C) stops the work like
any other failure, with the plain file untouched.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from datetime import datetime, timezone
from pathlib import Path

from injury_desk.domain.errors import DomainError
from injury_desk.store import cipher
from injury_desk.private_files import create_private_file, private_dir


Progress = Callable[[str, int, int, str], None]
# SQLite calls the progress handler every this many virtual-machine instructions: often enough for a smooth
# bar (a few hundred times a second), seldom enough to cost nothing next to the encryption itself.
HANDLER_STEPS = 20_000
REPORT_EVERY_S = 0.1


def _quiet(_step: str, _done: int, _total: int, _name: str) -> None:
    return None


def _work_path(path: Path) -> Path:
    return path.with_name(path.name + ".encrypting")


def _table_counts(con: cipher.sqlite.Connection) -> dict[str, int]:
    names = [r[0] for r in con.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL TABLE%'"
        " ORDER BY name")]
    return {name: con.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0] for name in names}


def _export(path: Path, work: Path, key: bytes, progress: Progress = _quiet) -> dict[str, int]:
    """Writes the encrypted copy; returns the plain file's row counts (read in the same snapshot)."""
    plain = cipher.connect(path, None, isolation_level=None)
    try:
        # Everything in the log goes into the file first, and the log is emptied: no log written for the
        # plain file may ever meet the encrypted one that takes its name.
        plain.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
        plain.execute("BEGIN")
        counts = _table_counts(plain)
        user_version = plain.execute("PRAGMA user_version").fetchone()[0]
        application_id = plain.execute("PRAGMA application_id").fetchone()[0]
        plain.execute("COMMIT")
        plain.execute(f"ATTACH DATABASE ? AS encrypted KEY \"x'{key.hex()}'\"", (str(work),))
        try:
            _copy_watched(plain, path, work, progress)
            # sqlcipher_export copies schema and rows, not the header fields.
            plain.execute(f"PRAGMA encrypted.user_version = {int(user_version)}")
            plain.execute(f"PRAGMA encrypted.application_id = {int(application_id)}")
        finally:
            plain.execute("DETACH DATABASE encrypted")
    finally:
        plain.close()  # the last connection: SQLite removes the plain file's -wal and -shm
    return counts


def _copy_watched(plain: cipher.sqlite.Connection, path: Path, work: Path, progress: Progress) -> None:
    """``sqlcipher_export`` into the attached copy, reporting the copy's size on disk as it grows."""
    total = path.stat().st_size  # the log is folded in: the copy grows to about this size
    progress("encrypt", 0, total, path.name)
    last = [time.monotonic()]
    failure: list[BaseException] = []

    def handler() -> int:
        now = time.monotonic()
        if now - last[0] < REPORT_EVERY_S:
            return 0
        last[0] = now
        try:
            progress("encrypt", min(work.stat().st_size, total), total, path.name)
        except BaseException as exc:  # noqa: BLE001 - raised again below, once SQLite has stopped
            failure.append(exc)
            return 1  # interrupts sqlcipher_export
        return 0

    plain.set_progress_handler(handler, HANDLER_STEPS)
    try:
        plain.execute("SELECT sqlcipher_export('encrypted')").fetchall()
    except cipher.sqlite.OperationalError:
        if failure:
            raise failure[0] from None
        raise
    finally:
        plain.set_progress_handler(None, 0)
    if failure:  # the statement finished before SQLite looked at the handler's answer
        raise failure[0]
    progress("encrypt", total, total, path.name)


def _verify(work: Path, key: bytes, expected: dict[str, int], progress: Progress = _quiet, name: str = "") -> None:
    progress("check", 0, 0, name)
    con = cipher.connect(work, key)
    try:
        # quick_check reads and decrypts every page and checks each b-tree (its HMACs included); the
        # cross-check of indexes against tables that integrity_check adds is not needed for a copy whose
        # indexes sqlcipher_export built fresh, and takes many minutes at a million claims.
        problems = [r[0] for r in con.execute("PRAGMA quick_check").fetchall() if r[0] != "ok"]
        counts = _table_counts(con)
    finally:
        con.close()
    if problems or counts != expected:
        detail = "; ".join(problems[:3]) or "row counts differ"
        raise DomainError("store.encryption_failed", path=str(work), detail=detail)


def _backup_copy(work: Path, path: Path, backup_dir: Path, progress: Progress = _quiet) -> Path:
    """The checked encrypted copy, copied byte for byte to the backups folder (no connection has it open,
    so a file copy is a consistent backup, and much quicker than re-encrypting every page)."""
    private_dir(backup_dir)
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S%fZ")
    target = create_private_file(backup_dir / f"{path.stem}-{stamp}-before-encryption.sqlite3")
    total, done = work.stat().st_size, 0
    progress("backup", 0, total, path.name)
    with work.open("rb") as src, target.open("r+b") as dst:
        while chunk := src.read(16 * 2**20):
            dst.write(chunk)
            done += len(chunk)
            progress("backup", done, total, path.name)
        dst.flush()
        os.fsync(dst.fileno())
    return target


def _sync_folder(folder: Path) -> None:
    """Makes the rename durable (POSIX: the folder's entry is written; Windows' MoveFileEx is already)."""
    if os.name == "posix":
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def encrypt_in_place(path: Path, key: bytes, backup_dir: Path, progress: Progress | None = None) -> None:
    """Replaces the plain database at ``path`` by an encrypted copy made with ``key`` (see the module
    docstring). On any failure the plain file stays and the error is raised."""
    progress = progress or _quiet
    work = _work_path(path)
    work.unlink(missing_ok=True)  # a copy left by an interrupted earlier try
    create_private_file(work)
    try:
        expected = _export(path, work, key, progress)
        _verify(work, key, expected, progress, path.name)
        _backup_copy(work, path, backup_dir, progress)
        os.replace(work, path)
        _sync_folder(path.parent)
    except cipher.sqlite.Error as exc:
        work.unlink(missing_ok=True)
        raise DomainError("store.encryption_failed", path=str(path), detail=str(exc)) from exc
    except BaseException:
        work.unlink(missing_ok=True)
        raise


def encrypt_old_backups(backup_dir: Path, key: bytes, progress: Progress | None = None) -> list[Path]:
    """Encrypts, with the database's key, each plain backup an earlier version left in ``backup_dir`` (the
    same export, check and rename as the database; a backup that fails stays as it was and is tried again
    at the next start). Returns the files encrypted."""
    progress = progress or _quiet
    done: list[Path] = []
    if not backup_dir.is_dir():
        return done
    for backup in sorted(backup_dir.glob("*.sqlite3")):
        if not backup.is_file() or backup.stat().st_size == 0 or not cipher.is_plain(backup):
            continue
        work = _work_path(backup)
        work.unlink(missing_ok=True)
        create_private_file(work)
        try:
            _verify(work, key, _export(backup, work, key, progress), progress, backup.name)
            os.replace(work, backup)
        except (cipher.sqlite.Error, DomainError):
            work.unlink(missing_ok=True)
            continue
        except BaseException:
            work.unlink(missing_ok=True)
            raise
        done.append(backup)
    if done:
        _sync_folder(backup_dir)
    return done
