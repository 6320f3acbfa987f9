"""The key export as an administrator lives it: a database made on one computer, its secrets exported with a
passphrase, the data folder copied to another computer whose keyring is new and empty, the secrets restored,
and the database opens, takes changes and passes `check` there (issue 16: the audit key went missing).

Every step is the real `injury-desk` in a subprocess; the second computer's keyring is a second GNOME Keyring
in its own D-Bus session, which the first computer's entries never reach.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from tests.support.secret_service import another_machines_keyring

PASSPHRASE = "the office safe, second shelf"
ADMIN = {"INJURY_DESK_USER": "admin", "INJURY_DESK_PASSWORD": "demo-admin", "INJURY_DESK_KEY_PASSPHRASE": PASSPHRASE}


def cli(*args: str, data_dir: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    full_env = {k: v for k, v in (env or os.environ).items() if not k.startswith("INJURY_DESK_")}
    full_env.update(ADMIN)
    return subprocess.run([sys.executable, "-m", "injury_desk", *args, "--data-dir", str(data_dir)],
                          capture_output=True, text=True, env=full_env, timeout=300, stdin=subprocess.DEVNULL)


def test_a_database_moved_to_a_computer_with_a_new_keyring_opens_and_checks_after_the_key_import(tmp_path):
    old = tmp_path / "old-computer"
    made = cli("demo", "--claims", "20", data_dir=old)
    assert made.returncode == 0, made.stderr
    export = tmp_path / "usb-stick" / "gz01-key.json"
    export.parent.mkdir()
    exported = cli("key", "export", str(export), data_dir=old)
    assert exported.returncode == 0, exported.stderr
    assert json.loads(export.read_text())["version"] == 2

    new = tmp_path / "new-computer" / "data"
    shutil.copytree(old, new)
    with another_machines_keyring(tmp_path / "new-computer" / "keyring") as new_keyring:
        refused = cli("check", data_dir=new, env=new_keyring)
        assert refused.returncode == 2 and "store.key_missing" in refused.stderr  # nothing there yet
        imported = cli("key", "import", str(export), data_dir=new, env=new_keyring)
        assert imported.returncode == 0, imported.stdout + imported.stderr
        assert "the database key, the audit key" in imported.stdout and not imported.stderr
        checked = cli("check", data_dir=new, env=new_keyring)
        assert checked.returncode == 0, checked.stdout + checked.stderr
        # A command that changes the database (the export is audited) works, and check still passes.
        records = tmp_path / "new-computer" / "records.jsonl"
        written = cli("export", str(records), data_dir=new, env=new_keyring)
        assert written.returncode == 0, written.stderr
        assert records.stat().st_size > 0
        checked = cli("check", data_dir=new, env=new_keyring)
        assert checked.returncode == 0, checked.stdout + checked.stderr
