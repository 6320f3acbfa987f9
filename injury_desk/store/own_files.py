"""The files that hold an office's data (database, its journals, the name of its key, its backups), which no output
may overwrite."""

from __future__ import annotations

import os
from pathlib import Path

from injury_desk.domain.errors import DomainError
from injury_desk.private_files import GUI_LOG_FILE, SETTINGS_FILE
from injury_desk.store.presence import RUNNING_DIR, WRITER_FILE

JOURNAL_SUFFIXES = ("", "-wal", "-shm", "-journal")
# The database, its journals and the file naming its key in the keyring (store/db_key.py): without that name the
# database no longer opens, so it is guarded like the database itself.
OWN_SUFFIXES = (*JOURNAL_SUFFIXES, ".key-id")
BACKUP_DIR = "backups"
LOG_DIR = "logs"  # the command line's error log (cli.py)
DEMO_BUILD_PREFIX = ".demo-build-"  # a demo's build folder (services/demo.py), removed with what is in it
# What the application keeps beside the database: an output there would be deleted as a stale marker
# (writer.lock, running/) or with a demo's build folder, or would overwrite the user's settings or a log.
APP_FILES = (WRITER_FILE, SETTINGS_FILE, GUI_LOG_FILE)
APP_DIRS = (RUNNING_DIR, LOG_DIR)


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def _inside(path: Path, folder: Path) -> bool:
    try:
        path.relative_to(folder)
        return True
    except ValueError:
        return False


def _in_demo_build(target: Path, folder: Path) -> bool:
    try:
        first = target.relative_to(folder).parts[0]
    except (ValueError, IndexError):
        return False
    return first.startswith(DEMO_BUILD_PREFIX) and target != folder / first


def refuse_own_file(output: Path, database: Path, *, field: str = "output") -> None:
    """Raise ``output.is_database`` when ``output`` is the database, its WAL/SHM/journal or its key name,
    ``output.is_backup`` for a backup and ``output.is_app_file`` for a file the application keeps beside them.

    Paths are compared resolved (symbolic links, ``..``, case on Windows) and, for files that exist, as the
    same file (a hard link or another name for it), so no spelling of the path gets past."""
    output = Path(output)
    database = Path(database)
    target = Path(os.path.normcase(output.resolve()))
    db_resolved = database.resolve()
    for suffix in OWN_SUFFIXES:
        own = Path(str(db_resolved) + suffix)
        if target == Path(os.path.normcase(own)) or (output.exists() and _same_file(output, own)):
            raise DomainError("output.is_database", field=field, path=str(output), database=str(database))
    backups = db_resolved.parent / BACKUP_DIR
    if _inside(target, Path(os.path.normcase(backups))) or (
            backups.is_dir() and output.exists() and any(_same_file(output, b) for b in backups.iterdir())):
        raise DomainError("output.is_backup", field=field, path=str(output), backups=str(backups))
    folder = db_resolved.parent
    kept_files = [folder / name for name in APP_FILES]
    if (any(target == Path(os.path.normcase(f)) or (output.exists() and _same_file(output, f)) for f in kept_files)
            or any(_inside(target, Path(os.path.normcase(folder / d))) for d in APP_DIRS)
            or _in_demo_build(target, Path(os.path.normcase(folder)))):
        raise DomainError("output.is_app_file", field=field, path=str(output), folder=str(folder))
