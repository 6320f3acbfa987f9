"""The audit key (in the OS keyring, created at first run) and the keying of a database's audit chain; also the
last chain head the central service acknowledged, kept in the keyring where a copy of the file cannot rewind it."""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any

from injury_desk.domain.errors import DomainError
from injury_desk.store import secrets as os_keyring
from injury_desk.store.capture import audit_hash, audit_payload_row

KEY_SERVICE = "injury-desk-audit"
KEY_BYTES = 32
KEYED_SETTING = "audit_keyed"  # local_settings: the sequence of the event that keyed the chain
KEYING_ACTIONS = ("audit.keyed", "audit.rekeyed")


def load_key(device_id: str) -> bytes | None:
    secret = os_keyring.get_secret(KEY_SERVICE, device_id)
    return bytes.fromhex(secret) if secret else None


def store_key(device_id: str, key: bytes) -> None:
    """Puts an audit key into the keyring (a new one, or one restored from a recovery file)."""
    if len(key) != KEY_BYTES:
        raise ValueError("an audit key is 32 bytes")
    os_keyring.set_secret(KEY_SERVICE, device_id, key.hex())


def create_key(device_id: str) -> bytes:
    key = os.urandom(KEY_BYTES)
    store_key(device_id, key)
    return key


@dataclass(frozen=True)
class Anchor:
    """A chain head the central service acknowledged: this database's event ``seq`` had ``hash``."""

    seq: int
    hash: str


def _anchor_account(device_id: str) -> str:
    return f"{device_id}:anchor"


def load_anchor(device_id: str) -> Anchor | None:
    value = os_keyring.get_secret(KEY_SERVICE, _anchor_account(device_id))
    if not value:
        return None
    seq, _, digest = value.partition(":")
    return Anchor(int(seq), digest)


def store_anchor(device_id: str, anchor: Anchor) -> None:
    os_keyring.set_secret(KEY_SERVICE, _anchor_account(device_id), f"{anchor.seq}:{anchor.hash}")


def keyed_event(raw: Any, key: bytes) -> int | None:
    """The sequence of the event that keyed this chain, when one verifies under ``key``."""
    for row in raw.execute("SELECT seq, at, user_id, office_id, action, table_name, row_id, before, after, records,"
                           " prev_hash, hash FROM audit_events WHERE action IN (?, ?) ORDER BY seq", KEYING_ACTIONS):
        if audit_hash(row[10], audit_payload_row(row), key) == row[11]:
            return row[0]
    return None


class KeyingRefused(DomainError):
    """The chain cannot be keyed or used without someone looking at it first (key lost, chain replaced)."""
