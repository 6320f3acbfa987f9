"""The one-time encryption of a plain database made by an earlier version, in place and safely.

Order: the plain file's log is folded into it; ``sqlcipher_export`` writes an encrypted copy next to it;
the copy is checked (integrity, and every table's row count against the plain file); an encrypted backup
of it goes to the backups folder; only then an atomic rename puts the copy in the plain file's place.
Until that rename the plain database is untouched, so a failure or a killed process at any earlier
point leaves it as it was (the half-written copy is removed on the next try).
"""

from __future__ import annotations

import os
from pathlib import Path

from injury_desk.domain.errors import DomainError
from injury_desk.store import cipher
from injury_desk.private_files import create_private_file


def _work_path(path: Path) -> Path:
    return path.with_name(path.name + ".encrypting")


def _table_counts(con: cipher.sqlite.Connection) -> dict[str, int]:
    names = [r[0] for r in con.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL TABLE%'"
        " ORDER BY name")]
    return {name: con.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0] for name in names}


def _export(path: Path, work: Path, key: bytes) -> dict[str, int]:
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
            plain.execute("SELECT sqlcipher_export('encrypted')").fetchall()
            # sqlcipher_export copies schema and rows, not the header fields.
            plain.execute(f"PRAGMA encrypted.user_version = {int(user_version)}")
            plain.execute(f"PRAGMA encrypted.application_id = {int(application_id)}")
        finally:
            plain.execute("DETACH DATABASE encrypted")
    finally:
        plain.close()  # the last connection: SQLite removes the plain file's -wal and -shm
    return counts


def _verify(work: Path, key: bytes, expected: dict[str, int]) -> None:
    con = cipher.connect(work, key)
    try:
        problems = [r[0] for r in con.execute("PRAGMA integrity_check").fetchall() if r[0] != "ok"]
        counts = _table_counts(con)
    finally:
        con.close()
    if problems or counts != expected:
        detail = "; ".join(problems[:3]) or "row counts differ"
        raise DomainError("store.encryption_failed", path=str(work), detail=detail)


def encrypt_in_place(path: Path, key: bytes, backup_dir: Path) -> None:
    """Replaces the plain database at ``path`` by an encrypted copy made with ``key`` (see the module
    docstring). On any failure the plain file stays and the error is raised."""
    from injury_desk.store.database import backup_database  # the backup routine lives with the engines

    work = _work_path(path)
    work.unlink(missing_ok=True)  # a copy left by an interrupted earlier try
    create_private_file(work)
    try:
        expected = _export(path, work, key)
        _verify(work, key, expected)
        backup_database(work, backup_dir, "before-encryption", key)
        os.replace(work, path)
    except cipher.sqlite.Error as exc:
        work.unlink(missing_ok=True)
        raise DomainError("store.encryption_failed", path=str(path), detail=str(exc)) from exc
    except BaseException:
        work.unlink(missing_ok=True)
        raise
