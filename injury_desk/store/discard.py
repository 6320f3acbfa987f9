"""Removing a database made for nothing (a failed enrolment, a killed demo build): file, key id and keys."""

from __future__ import annotations

import stat
from pathlib import Path

from injury_desk.domain.errors import DomainError
from injury_desk.store import audit_key, cipher, db_key
from injury_desk.store import secrets as keyring_secrets
from injury_desk.store.own_files import JOURNAL_SUFFIXES, OWN_SUFFIXES


def discard_new_database(path: Path, device_id: str | None) -> None:
    """Deletes the (closed) database at ``path``, its journal files and key id, and its database and audit keys
    in the keyring. Only for a database the same run created: nothing else refers to those keys."""
    path = Path(path)
    key_id = db_key.read_key_id(path)
    for companion in JOURNAL_SUFFIXES:
        path.with_name(path.name + companion).unlink(missing_ok=True)
    # The keys go after the file: a key in the keyring without its file is harmless, the reverse is not.
    if key_id is not None:
        keyring_secrets.delete_secret(db_key.SERVICE, key_id)
    db_key.key_id_path(path).unlink(missing_ok=True)
    if device_id:
        keyring_secrets.delete_secret(audit_key.KEY_SERVICE, device_id)


def _only_its_own(database: Path, in_use: set[str]) -> bool:
    """Whether a database and its key id are files nothing else refers to: none of them a link (symbolic or hard),
    its key id not one of ``in_use``. One without a key id may be the only database a moved key id opens (a demo
    killed between its swap's two renames): it is not its own to delete; an empty place (no database) is."""
    for suffix in OWN_SUFFIXES:
        try:
            st = database.with_name(database.name + suffix).lstat()
        except FileNotFoundError:
            continue
        if stat.S_ISLNK(st.st_mode) or st.st_nlink > 1:
            return False
    key_id = db_key.read_key_id(database)
    if key_id is None:
        return not database.exists()
    return key_id not in in_use


def discard_abandoned_database(path: Path, in_use: set[str]) -> bool:
    """Deletes, as discard_new_database does, a database a killed process left half made in a folder of its own
    (a demo's build), when its files and key id are its own (not links, not a key id of ``in_use``: the folder's
    live databases); returns whether it did (False: nothing was touched). Its audit key is named by the device id
    inside it, read while the file still opens; a key the keyring cannot delete, or a file that no longer opens,
    leaves that key behind rather than the file."""
    path = Path(path)
    if not _only_its_own(path, in_use):
        return False
    device_id = None
    try:
        if path.is_file() and path.stat().st_size > 0:
            con = cipher.connect(path, db_key.load_key(path), read_only=True)
            try:
                row = con.execute("SELECT value FROM local_settings WHERE key = 'device_id'").fetchone()
            finally:
                con.close()
            device_id = row[0] if row else None
    except (DomainError, cipher.sqlite.Error, OSError):
        device_id = None
    try:
        discard_new_database(path, device_id)
    except DomainError:  # the key id damaged, or the keyring refused: the folder still goes
        for companion in OWN_SUFFIXES:
            path.with_name(path.name + companion).unlink(missing_ok=True)
    return True
