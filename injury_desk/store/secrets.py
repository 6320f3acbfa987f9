"""The operating system's keyring: which backends are trusted, and reading and writing secrets in it.

Every secret of the desktop (the database key, the sync device credential, the audit-chain key) goes
through here, so one policy decides where secrets may live: an encrypted store of the operating system
(Windows Credential Manager, macOS Keychain, a Secret Service keyring such as GNOME Keyring or KWallet
on Linux), never a plain file.
"""

from __future__ import annotations

import os
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from injury_desk.domain.errors import DomainError

# Backends refused by name, with the reason a user is told (a message key suffix). keyring's own
# detection gives the plain-text file of keyrings.alt a priority above zero, so a priority check alone
# lets it through.
REFUSED_BACKENDS = {
    "keyrings.alt.file.PlaintextKeyring": "plain_file",
    "keyrings.alt.pyfs.PlaintextPyfilesystemKeyring": "plain_file",
    # Encrypted, but with a password typed on a terminal, which a desktop application does not have.
    "keyrings.alt.file.EncryptedKeyring": "terminal_password",
    "keyrings.alt.pyfs.EncryptedPyfilesystemKeyring": "terminal_password",
    "keyrings.cryptfile.cryptfile.CryptFileKeyring": "terminal_password",
    "keyring.backends.null.Keyring": "none",
    "keyring.backends.fail.Keyring": "none",
}


class KeyringError(DomainError):
    """No trusted keyring, or the keyring refused an operation (message keys ``keyring.*``)."""


def backend_name(backend: Any) -> str:
    kind = type(backend)
    return f"{kind.__module__}.{kind.__name__}"


def refusal(backend: Any) -> str | None:
    """Why ``backend`` may not hold our secrets, or None when it may."""
    name = backend_name(backend)
    if name in REFUSED_BACKENDS:
        return REFUSED_BACKENDS[name]
    short = type(backend).__name__.lower()
    if "plaintext" in short or "unencrypted" in short:
        return "plain_file"
    if getattr(backend, "priority", 1) <= 0:
        return "none"
    return None


def _native_backend() -> Any | None:
    """The operating system's own keyring when it is usable and the user configured no other backend.

    keyring's own detection loads every backend plugin through package metadata (about a fifth of a second,
    on the start-up path: the quick start needs the database key before the first window); the native one
    is what it would choose on Windows, macOS and a Linux desktop session."""
    if os.environ.get("PYTHON_KEYRING_BACKEND"):
        return None
    from keyring.util import platform_

    if (Path(platform_.config_root()) / "keyringrc.cfg").exists():
        return None
    try:
        if sys.platform == "win32":
            from keyring.backends.Windows import WinVaultKeyring as Native
        elif sys.platform == "darwin":
            from keyring.backends.macOS import Keyring as Native
        else:
            from keyring.backends.SecretService import Keyring as Native
        if Native.priority <= 0:  # raises when the platform's service is not there
            return None
    except Exception:  # not viable here: keyring's detection decides (KWallet, or no keyring at all)
        return None
    return Native()


def trusted_backend() -> Any:
    """The keyring backend secrets go to; KeyringError ``keyring.unavailable`` when there is none, or
    ``keyring.insecure`` when the only ones there keep secrets unencrypted."""
    import keyring
    from keyring.backends.chainer import ChainerBackend

    # keyring keeps the chosen backend in this module global until someone sets one (keyring.set_keyring):
    # only a process that has not chosen yet takes the quick way.
    if getattr(keyring.core, "_keyring_backend", True) is None:
        native = _native_backend()
        if native is not None:
            keyring.set_keyring(native)
    chosen = keyring.get_keyring()
    # keyring chains every viable backend when there are several and writes to the first that takes a
    # secret: pick the trusted one ourselves, so a locked Secret Service never falls back to a file.
    candidates = list(chosen.backends) if isinstance(chosen, ChainerBackend) else [chosen]
    for candidate in candidates:
        if refusal(candidate) is None:
            return candidate
    reasons = {refusal(c) for c in candidates}
    names = ", ".join(backend_name(c) for c in candidates) or backend_name(chosen)
    if reasons <= {"none"}:
        raise KeyringError("keyring.unavailable", backend=names)
    raise KeyringError("keyring.insecure", backend=names)


def _failed(exc: Exception) -> KeyringError:
    # The backend's own exception type and text: never the secret, which no backend puts in its message.
    return KeyringError("keyring.error", reason=f"{type(exc).__name__}: {exc}".strip(": "))


# The keyring is asked one operation at a time in a process: a sync in a worker thread and the GUI may ask at once,
# and a Secret Service backend (one D-Bus connection per call, items searched, then read) is not made for that.
_ONE_AT_A_TIME = threading.Lock()
RETRY_PAUSES_S = (0.2, 0.5)  # a D-Bus call the keyring daemon fails while busy is asked again after these


def _ask(operation: Callable[[], Any], passes: tuple[type[BaseException], ...] = ()) -> Any:
    """Runs one keyring operation, again after a short pause when the backend fails (twice at most); an exception
    of ``passes`` is the caller's to handle. A refusal that lasts (a locked keyring) still ends in KeyringError."""
    with _ONE_AT_A_TIME:
        for pause in (*RETRY_PAUSES_S, None):
            try:
                return operation()
            except passes:
                raise
            except Exception as exc:  # each backend raises its own error types (D-Bus, Windows API, locked)
                if pause is None:
                    raise _failed(exc) from None
                time.sleep(pause)


def get_secret(service: str, account: str) -> str | None:
    backend = trusted_backend()
    return _ask(lambda: backend.get_password(service, account))


def set_secret(service: str, account: str, secret: str) -> None:
    backend = trusted_backend()
    _ask(lambda: backend.set_password(service, account, secret))


def delete_secret(service: str, account: str) -> None:
    """Removes a secret; one that is already gone is fine."""
    from keyring.errors import PasswordDeleteError

    backend = trusted_backend()
    try:
        _ask(lambda: backend.delete_password(service, account), passes=(PasswordDeleteError,))
    except PasswordDeleteError:
        return  # already gone
