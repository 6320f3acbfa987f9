"""Removing a database made for nothing (a failed enrolment, a killed demo build): file, key id and keys."""

from __future__ import annotations

from pathlib import Path

from injury_desk.domain.errors import DomainError
from injury_desk.store import audit_key, cipher, db_key
from injury_desk.store import secrets as keyring_secrets


def discard_new_database(path: Path, device_id: str | None) -> None:
    """Deletes the (closed) database at ``path``, its journal files and key id, and its database and audit keys
    in the keyring. Only for a database the same run created: nothing else refers to those keys."""
    path = Path(path)
    key_id = db_key.read_key_id(path)
    for companion in ("", "-wal", "-shm", "-journal"):
        path.with_name(path.name + companion).unlink(missing_ok=True)
    # The keys go after the file: a key in the keyring without its file is harmless, the reverse is not.
    if key_id is not None:
        keyring_secrets.delete_secret(db_key.SERVICE, key_id)
    db_key.key_id_path(path).unlink(missing_ok=True)
    if device_id:
        keyring_secrets.delete_secret(audit_key.KEY_SERVICE, device_id)


def discard_abandoned_database(path: Path) -> None:
    """Deletes, as discard_new_database does, a database a killed process left half made in a folder of its own
    (a demo's build): nothing else refers to its keys, made for it alone. Its audit key is named by the device id
    inside it, read while the file still opens; a key the keyring cannot delete, or a file that no longer opens,
    leaves that key behind rather than the file."""
    path = Path(path)
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
        for companion in ("", "-wal", "-shm", "-journal", ".key-id"):
            path.with_name(path.name + companion).unlink(missing_ok=True)
