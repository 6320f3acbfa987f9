"""Removing a database this run made that came to hold nothing (a failed enrolment): file, key id and keys."""

from __future__ import annotations

from pathlib import Path

from injury_desk.store import audit_key, db_key
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
