"""The database key's recovery file: the key wrapped with a passphrase, for a new machine or a lost keyring.

Format (JSON, one object): the key id, the Argon2id parameters and salt that turn the passphrase into a
wrapping key (argon2-cffi's ``hash_secret_raw``), and the database key sealed with AES-256-GCM
(``cryptography``), its nonce, and the header fields as associated data, so changing any of them makes
the file refuse to open. Whoever holds the file and the passphrase holds the key: the administrator keeps
both apart from the computer. Losing the keyring entry and this file loses the data.
"""

from __future__ import annotations

import base64
import json
import os
from pathlib import Path

from injury_desk.domain.errors import DomainError, FieldError, ValidationFailed
from injury_desk.store.cipher import KEY_BYTES
from injury_desk.private_files import write_private_bytes

FORMAT = "injury-desk-database-key"
VERSION = 1
MIN_PASSPHRASE = 12
# Argon2id as RFC 9106's second recommended option (64 MiB, 3 passes, 4 lanes): about a second here.
KDF = {"name": "argon2id", "time_cost": 3, "memory_cost": 64 * 1024, "parallelism": 4, "hash_len": 32}


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _derive(passphrase: str, salt: bytes, params: dict) -> bytes:
    from argon2.low_level import Type, hash_secret_raw

    return hash_secret_raw(passphrase.encode("utf-8"), salt, time_cost=int(params["time_cost"]),
                           memory_cost=int(params["memory_cost"]), parallelism=int(params["parallelism"]),
                           hash_len=int(params["hash_len"]), type=Type.ID)


def _associated(header: dict) -> bytes:
    return json.dumps(header, sort_keys=True, separators=(",", ":")).encode("utf-8")


def check_passphrase(passphrase: str, field: str = "passphrase") -> None:
    if len(passphrase) < MIN_PASSPHRASE:
        raise ValidationFailed([FieldError(field, "key_export.passphrase_too_short", {"min": MIN_PASSPHRASE})])


def seal(key_id: str, key: bytes, passphrase: str) -> bytes:
    """The export file's bytes for ``key`` under ``passphrase``."""
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    check_passphrase(passphrase)
    salt, nonce = os.urandom(16), os.urandom(12)
    header = {"format": FORMAT, "version": VERSION, "key_id": key_id, "kdf": {**KDF, "salt": _b64(salt)},
              "cipher": "AES-256-GCM", "nonce": _b64(nonce)}
    wrapped = AESGCM(_derive(passphrase, salt, KDF)).encrypt(nonce, key, _associated(header))
    return (json.dumps({**header, "wrapped_key": _b64(wrapped)}, indent=2) + "\n").encode("utf-8")


def open_sealed(data: bytes, passphrase: str, source: str) -> tuple[str, bytes]:
    """(key id, key) from an export file's bytes; ``source`` names the file in messages."""
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    try:
        doc = json.loads(data.decode("utf-8"))
        if doc.get("format") != FORMAT or doc.get("version") != VERSION:
            raise ValueError("format")
        header = {k: doc[k] for k in ("format", "version", "key_id", "kdf", "cipher", "nonce")}
        salt = base64.b64decode(doc["kdf"]["salt"], validate=True)
        nonce = base64.b64decode(doc["nonce"], validate=True)
        wrapped = base64.b64decode(doc["wrapped_key"], validate=True)
        if doc["kdf"]["name"] != "argon2id" or doc["cipher"] != "AES-256-GCM":
            raise ValueError("algorithm")
    except (ValueError, KeyError, TypeError, AttributeError, UnicodeDecodeError):
        raise DomainError("key_export.not_an_export", path=source) from None
    try:
        key = AESGCM(_derive(passphrase, salt, doc["kdf"])).decrypt(nonce, wrapped, _associated(header))
    except (InvalidTag, ValueError):
        raise ValidationFailed([FieldError("passphrase", "key_export.wrong_passphrase")]) from None
    if len(key) != KEY_BYTES:
        raise DomainError("key_export.not_an_export", path=source)
    return str(doc["key_id"]), key


def write_export(target: Path, key_id: str, key: bytes, passphrase: str) -> Path:
    """Writes the sealed key to ``target``, readable by the user only."""
    return write_private_bytes(Path(target), seal(key_id, key, passphrase))


def read_export(source: Path, passphrase: str) -> tuple[str, bytes]:
    try:
        data = Path(source).read_bytes()
    except OSError as exc:
        raise DomainError("key_export.unreadable", path=str(source), reason=exc.strerror or str(exc)) from None
    return open_sealed(data, passphrase, str(source))
