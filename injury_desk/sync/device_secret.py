"""The device credential, kept only in the operating system's keyring (never a file, log or database)."""

from __future__ import annotations

from injury_desk.sync.errors import SyncError

SERVICE_NAME = "injury-desk-sync"


def require_keyring():
    """The usable system keyring, or SyncError: checked before anything is spent that needs it."""
    import keyring
    from keyring.backends import fail

    backend = keyring.get_keyring()
    if isinstance(backend, fail.Keyring) or getattr(backend, "priority", 1) <= 0:
        # No plain-text fallback: without a real keyring the device cannot hold its credential.
        raise SyncError("sync.keyring_unavailable", backend=type(backend).__name__)
    return keyring


def _account(device_id: str, central_url: str) -> str:
    return f"{device_id}@{central_url}"


def store_secret(device_id: str, central_url: str, secret: str) -> None:
    kr = require_keyring()
    try:
        kr.set_password(SERVICE_NAME, _account(device_id, central_url), secret)
    except Exception as exc:  # keyring backends raise their own error types
        raise SyncError("sync.keyring_error", reason=type(exc).__name__) from None


def load_secret(device_id: str, central_url: str) -> str:
    kr = require_keyring()
    try:
        secret = kr.get_password(SERVICE_NAME, _account(device_id, central_url))
    except Exception as exc:
        raise SyncError("sync.keyring_error", reason=type(exc).__name__) from None
    if not secret:
        raise SyncError("sync.not_enrolled")
    return secret


def forget_secret(device_id: str, central_url: str) -> None:
    kr = require_keyring()
    try:
        kr.delete_password(SERVICE_NAME, _account(device_id, central_url))
    except Exception:  # already gone is fine
        pass
