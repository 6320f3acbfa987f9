"""The recovery file of a database's secrets, wrapped with a passphrase, for a new machine or a lost keyring.

A database needs more than its SQLCipher key: its audit chain is keyed with a second secret (store.audit_key),
the keyring keeps the chain head the central service last acknowledged, and an enrolled desktop's sync
credential is there too. Version 2 of the file seals all of them; version 1 (earlier releases) sealed the
database key alone and is still read, the restore then naming what it lacks.

Format (JSON, one object): the key id, the device id (version 2), the Argon2id parameters and salt that
turn the passphrase into a wrapping key (argon2-cffi's ``hash_secret_raw``), and the secrets sealed with
AES-256-GCM (``cryptography``), its nonce, and the header fields as associated data, so changing any of
them makes the file refuse to open. Whoever holds the file and the passphrase holds the secrets: the
administrator keeps both apart from the computer. Losing the keyring entries and this file loses the data.
"""

from __future__ import annotations

import base64
import json
import os
from dataclasses import dataclass
from pathlib import Path

from injury_desk import json_text
from injury_desk.domain.errors import DomainError, FieldError, ValidationFailed
from injury_desk.output_files import write_whole
from injury_desk.store.cipher import KEY_BYTES

FORMAT = "injury-desk-database-key"
VERSION = 2
READABLE_VERSIONS = (1, 2)
MIN_PASSPHRASE = 12
# Argon2id as RFC 9106's second recommended option (64 MiB, 3 passes, 4 lanes): about a second here.
KDF = {"name": "argon2id", "time_cost": 3, "memory_cost": 64 * 1024, "parallelism": 4, "hash_len": 32}
# What a file may ask of Argon2id: generous around KDF, yet at worst seconds of work (20 passes over 1 GiB),
# never an hour or the machine's memory; argon2 itself needs a lane and 8 KiB of memory per lane. An edited
# file beyond them is refused before any hashing (it crashed argon2, or hashed "forever").
KDF_LIMITS = {"time_cost": (1, 20), "parallelism": (1, 16), "memory_cost": (8, 1024 * 1024)}
MIN_SALT_BYTES = 8  # argon2's own minimum (ARGON2_MIN_SALT_LENGTH)
NONCE_BYTES, TAG_BYTES = 12, 16  # AES-GCM's as seal uses it
_HEADER_FIELDS = {1: ("format", "version", "key_id", "kdf", "cipher", "nonce"),
                  2: ("format", "version", "key_id", "device_id", "kdf", "cipher", "nonce")}
_SEALED_FIELD = {1: "wrapped_key", 2: "sealed"}


@dataclass(frozen=True)
class RecoverySecrets:
    """Everything of one database that lives only in the keyring. ``audit_key`` and ``device_id`` are None
    only in a version-1 file; ``audit_anchor`` ("seq:hash") before the first sync; ``sync_url`` and
    ``sync_secret`` for a desktop that was not enrolled when the file was written."""

    key_id: str
    database_key: bytes
    device_id: str | None = None
    audit_key: bytes | None = None
    audit_anchor: str | None = None
    sync_url: str | None = None
    sync_secret: str | None = None
    version: int = VERSION


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _derive(passphrase: str, salt: bytes, params: dict) -> bytes:
    from argon2.low_level import Type, hash_secret_raw

    return hash_secret_raw(passphrase.encode("utf-8"), salt, time_cost=int(params["time_cost"]),
                           memory_cost=int(params["memory_cost"]), parallelism=int(params["parallelism"]),
                           hash_len=int(params["hash_len"]), type=Type.ID)


def _checked_kdf(kdf: dict, source: str) -> dict:
    """``kdf`` when argon2 can run it within KDF_LIMITS; raises ValueError (and friends) for a setting that is
    not a whole number, DomainError naming the setting and its range for one out of range."""
    if kdf["name"] != "argon2id" or kdf["hash_len"] != KDF["hash_len"] or type(kdf["hash_len"]) is not int:
        raise ValueError("algorithm")
    for name, (low, high) in KDF_LIMITS.items():
        value = kdf[name]
        if type(value) is not int:  # bool is an int to isinstance; "3" or 3.0 were never written
            raise ValueError(name)
        if name == "memory_cost":
            low = max(low, 8 * kdf["parallelism"])
        if not low <= value <= high:
            raise DomainError("key_export.kdf_out_of_range", path=source, name=name, value=value, min=low, max=high)
    return kdf


def _associated(header: dict) -> bytes:
    return json.dumps(header, sort_keys=True, separators=(",", ":")).encode("utf-8")


def check_passphrase(passphrase: str, field: str = "passphrase") -> None:
    if len(passphrase) < MIN_PASSPHRASE:
        raise ValidationFailed([FieldError(field, "key_export.passphrase_too_short", {"min": MIN_PASSPHRASE})])


def _payload(found: RecoverySecrets) -> bytes:
    if found.audit_key is None or found.device_id is None:
        raise ValueError("an export holds the audit key with the database key")
    doc: dict[str, object] = {"database_key": found.database_key.hex(), "audit_key": found.audit_key.hex()}
    if found.audit_anchor:
        doc["audit_anchor"] = found.audit_anchor
    if found.sync_url and found.sync_secret:
        doc["sync"] = {"central_url": found.sync_url, "secret": found.sync_secret}
    return json.dumps(doc, sort_keys=True).encode("utf-8")


def seal(found: RecoverySecrets, passphrase: str) -> bytes:
    """The export file's bytes (version 2) for ``found`` under ``passphrase``."""
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    check_passphrase(passphrase)
    salt, nonce = os.urandom(16), os.urandom(NONCE_BYTES)
    header = {"format": FORMAT, "version": VERSION, "key_id": found.key_id, "device_id": found.device_id,
              "kdf": {**KDF, "salt": _b64(salt)}, "cipher": "AES-256-GCM", "nonce": _b64(nonce)}
    sealed = AESGCM(_derive(passphrase, salt, KDF)).encrypt(nonce, _payload(found), _associated(header))
    return (json.dumps({**header, _SEALED_FIELD[VERSION]: _b64(sealed)}, indent=2) + "\n").encode("utf-8")


def _secrets_of(version: int, header: dict, plain: bytes) -> RecoverySecrets:
    """Raises ValueError (and friends) for a file that opened but does not hold what its version says."""
    if version == 1:
        if len(plain) != KEY_BYTES:
            raise ValueError("key length")
        return RecoverySecrets(str(header["key_id"]), plain, version=1)
    doc = json.loads(plain.decode("utf-8"))
    database_key, audit_key = bytes.fromhex(doc["database_key"]), bytes.fromhex(doc["audit_key"])
    if len(database_key) != KEY_BYTES or len(audit_key) != 32:
        raise ValueError("key length")
    sync = doc.get("sync") or {}
    anchor = doc.get("audit_anchor")
    if anchor is not None:
        seq, _, digest = str(anchor).partition(":")
        int(seq)
        if not digest:
            raise ValueError("anchor")
    return RecoverySecrets(str(header["key_id"]), database_key, device_id=str(header["device_id"]),
                           audit_key=audit_key, audit_anchor=anchor, sync_url=sync.get("central_url"),
                           sync_secret=sync.get("secret"), version=2)


def open_sealed(data: bytes, passphrase: str, source: str) -> RecoverySecrets:
    """The secrets in an export file's bytes (version 1 or 2); ``source`` names the file in messages."""
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    try:
        doc = json_text.loads(data.decode("utf-8"))
        version = doc.get("version")
        if doc.get("format") != FORMAT or version not in READABLE_VERSIONS:
            raise ValueError("format")
        header = {k: doc[k] for k in _HEADER_FIELDS[version]}
        kdf = _checked_kdf(doc["kdf"], source)
        salt = base64.b64decode(kdf["salt"], validate=True)
        nonce = base64.b64decode(doc["nonce"], validate=True)
        sealed = base64.b64decode(doc[_SEALED_FIELD[version]], validate=True)
        # An export's nonce is 12 bytes and its sealed part holds at least the 16-byte tag: anything else was
        # never written by seal (a wrong passphrase is only what the tag itself refuses).
        if (len(salt) < MIN_SALT_BYTES or doc["cipher"] != "AES-256-GCM" or len(nonce) != NONCE_BYTES
                or len(sealed) < TAG_BYTES):
            raise ValueError("algorithm")
    except (ValueError, KeyError, TypeError, AttributeError, UnicodeDecodeError):  # json_text.TooDeep included
        raise DomainError("key_export.not_an_export", path=source) from None
    try:
        plain = AESGCM(_derive(passphrase, salt, kdf)).decrypt(nonce, sealed, _associated(header))
    except (InvalidTag, ValueError):
        raise ValidationFailed([FieldError("passphrase", "key_export.wrong_passphrase")]) from None
    try:
        return _secrets_of(version, header, plain)
    except (ValueError, KeyError, TypeError, AttributeError, UnicodeDecodeError):
        raise DomainError("key_export.not_an_export", path=source) from None


def write_export(target: Path, found: RecoverySecrets, passphrase: str) -> Path:
    """Writes the sealed secrets to ``target``, readable by the user only and whole or not at all: an older export
    under the name stays readable until the new one is complete (output_files.write_whole)."""
    return write_whole(Path(target), seal(found, passphrase))


def read_export(source: Path, passphrase: str) -> RecoverySecrets:
    try:
        data = Path(source).read_bytes()
    except OSError as exc:
        raise DomainError("key_export.unreadable", path=str(source), reason=exc.strerror or str(exc)) from None
    return open_sealed(data, passphrase, str(source))
