"""The database key: 32 random bytes made at first run, kept only in the OS keyring.

The keyring entry is named by a key id, a random UUID written next to the database
(``injury_desk.sqlite3.key-id``). The id is no secret: it only says which keyring entry opens this
database, so a copied data folder, a test's copy of a template, or a folder restored on a new machine
finds its key, and two databases of one user never share or overwrite each other's keys. The key itself
is never written to a file, a log or the database (a passphrase-protected export is the one exception
the administrator makes on purpose: store.key_export).
"""

from __future__ import annotations

import secrets
import uuid
from pathlib import Path

from injury_desk.domain.errors import DomainError
from injury_desk.store import secrets as keyring_secrets
from injury_desk.store.cipher import KEY_BYTES
from injury_desk.output_files import write_whole

SERVICE = "injury-desk-database"


def key_id_path(db_path: Path) -> Path:
    return Path(db_path).with_name(Path(db_path).name + ".key-id")


def read_key_id(db_path: Path) -> str | None:
    path = key_id_path(db_path)
    if not path.exists():
        return None
    text = path.read_text(encoding="ascii", errors="replace").strip()
    try:
        return str(uuid.UUID(text))
    except ValueError:
        raise DomainError("store.key_id_damaged", path=str(path)) from None


def write_key_id(db_path: Path, key_id: str) -> None:
    # Whole or not at all (a restore writes over the id it replaces): an emptied file would leave the database
    # without the name of its key, although the keyring holds it.
    write_whole(key_id_path(db_path), f"{key_id}\n".encode("ascii"), check=False)


def decode_key(text: str) -> bytes:
    key = bytes.fromhex(text)
    if len(key) != KEY_BYTES:
        raise ValueError("a database key is 32 bytes")
    return key


def load_key(db_path: Path) -> bytes:
    """The key of the (encrypted) database at ``db_path``; ``store.key_missing`` when this computer's
    keyring does not hold it (a data folder copied from another machine: restore the key export)."""
    key_id = read_key_id(db_path)
    if key_id is None:
        # Neither a plain database nor one this folder has a key for: a file that is no database, or an
        # encrypted one copied without its key (the message says both).
        raise DomainError("store.not_a_database", path=str(db_path))
    stored = keyring_secrets.get_secret(SERVICE, key_id)
    if not stored:
        raise DomainError("store.key_missing", path=str(db_path))
    try:
        return decode_key(stored)
    except ValueError:
        raise DomainError("store.key_missing", path=str(db_path)) from None


def store_key(db_path: Path, key_id: str, key: bytes) -> None:
    """Puts ``key`` in the keyring under ``key_id``, then names it next to the database (in that order,
    so an id on disk always has its key in the keyring)."""
    keyring_secrets.set_secret(SERVICE, key_id, key.hex())
    write_key_id(db_path, key_id)


def create_key(db_path: Path) -> bytes:
    """A new random key for the database at ``db_path``, stored in the keyring (KeyringError without a
    trusted keyring: then no database is created)."""
    key = secrets.token_bytes(KEY_BYTES)
    store_key(db_path, str(uuid.uuid4()), key)
    return key
