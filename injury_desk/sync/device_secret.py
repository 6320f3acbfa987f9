"""The device credential, kept only in the operating system's keyring (never a file, log or database)."""

from __future__ import annotations

from injury_desk.store import secrets
from injury_desk.sync.errors import SyncError

SERVICE_NAME = "injury-desk-sync"


def _sync_error(exc: secrets.KeyringError) -> SyncError:
    if exc.key == "keyring.error":
        return SyncError("sync.keyring_error", reason=exc.params.get("reason", ""))
    # No keyring, or only one that keeps secrets unencrypted: the device cannot hold its credential.
    return SyncError("sync.keyring_unavailable", backend=exc.params.get("backend", ""))


def require_keyring() -> None:
    """SyncError unless a trusted keyring is there (checked before a one-time enrolment code is spent)."""
    try:
        secrets.trusted_backend()
    except secrets.KeyringError as exc:
        raise _sync_error(exc) from None


def _account(device_id: str, central_url: str) -> str:
    return f"{device_id}@{central_url}"


def store_secret(device_id: str, central_url: str, secret: str) -> None:
    try:
        secrets.set_secret(SERVICE_NAME, _account(device_id, central_url), secret)
    except secrets.KeyringError as exc:
        raise _sync_error(exc) from None


def find_secret(device_id: str, central_url: str) -> str | None:
    """The credential, or None when this keyring has none (a key export records what is there)."""
    try:
        return secrets.get_secret(SERVICE_NAME, _account(device_id, central_url)) or None
    except secrets.KeyringError as exc:
        raise _sync_error(exc) from None


def load_secret(device_id: str, central_url: str) -> str:
    try:
        secret = secrets.get_secret(SERVICE_NAME, _account(device_id, central_url))
    except secrets.KeyringError as exc:
        raise _sync_error(exc) from None
    if not secret:
        raise SyncError("sync.not_enrolled")
    return secret


def delete_secret(device_id: str, central_url: str) -> None:
    """Removes the credential kept for ``central_url`` (one already gone is fine)."""
    try:
        secrets.delete_secret(SERVICE_NAME, _account(device_id, central_url))
    except secrets.KeyringError as exc:
        raise _sync_error(exc) from None
