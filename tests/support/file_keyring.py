"""A keyring backend for tests only: the OS keyring is not there on a headless CI machine.

The application itself refuses to run without a real backend (no plain-text fallback); tests install this
one explicitly, with its file in the test's temporary folder (PYTHON_KEYRING_BACKEND for subprocesses).
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from keyring.backend import KeyringBackend
from keyring.errors import PasswordDeleteError

ENV = "INJURY_DESK_TEST_KEYRING_FILE"


class TestFileKeyring(KeyringBackend):
    priority = 1  # only ever chosen explicitly

    def _path(self) -> Path:
        return Path(os.environ[ENV])

    def _load(self) -> dict[str, str]:
        p = self._path()
        return json.loads(p.read_text()) if p.exists() else {}

    def _save(self, data: dict[str, str]) -> None:
        p = self._path()
        tmp = p.with_suffix(".tmp")
        tmp.write_text(json.dumps(data))
        os.replace(tmp, p)

    def get_password(self, service, username):
        return self._load().get(f"{service}|{username}")

    def set_password(self, service, username, password):
        data = self._load()
        data[f"{service}|{username}"] = password
        self._save(data)

    def delete_password(self, service, username):
        data = self._load()
        if data.pop(f"{service}|{username}", None) is None:
            raise PasswordDeleteError(username)
        self._save(data)
