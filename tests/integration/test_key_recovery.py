"""The database key's recovery file: exported by an administrator with a passphrase, restored on a new
machine; and the keyring policy that refuses backends keeping secrets unencrypted."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import fail
from sqlalchemy import select

from injury_desk.domain.errors import DomainError, ValidationFailed
from injury_desk.services.database_key import restore_key
from injury_desk.store import db_key, secrets
from injury_desk.store.database import open_database
from injury_desk.store.models import AuditEvent

PASSPHRASE = "correct horse battery staple"


def test_an_administrator_exports_the_key_and_it_restores_on_a_new_machine(db, services, adm, cw, tmp_path):
    target = tmp_path / "exports" / "key.json"
    target.parent.mkdir()
    with pytest.raises(DomainError) as caught:
        services.database_key.export_key(cw, target, PASSPHRASE)
    assert caught.value.key == "permission.denied" and not target.exists()
    written = services.database_key.export_key(adm, target, PASSPHRASE, PASSPHRASE)
    assert written == target and target.stat().st_mode & 0o777 == 0o600
    key_id = db_key.read_key_id(db.path)
    stored = keyring.get_password(db_key.SERVICE, key_id)
    text = target.read_text()
    assert stored not in text and json.loads(text)["key_id"] == key_id  # sealed, not the key itself
    with db.read() as s:  # the export is audited, naming the file and never the key
        event = s.scalar(select(AuditEvent).order_by(AuditEvent.seq.desc()).limit(1))
        assert event.action == "database.key_export" and event.user_id == adm.user_id
        assert stored not in json.dumps(event.after)

    # A new machine: the data folder copied, nothing in its keyring.
    folder = db.path.parent
    db.dispose()
    new_machine = tmp_path / "new-machine"
    shutil.copytree(folder, new_machine)
    keyring.delete_password(db_key.SERVICE, key_id)
    with pytest.raises(DomainError) as caught:
        open_database(new_machine)
    assert caught.value.key == "store.key_missing"
    with pytest.raises(ValidationFailed) as refused:
        restore_key(new_machine, target, "not the passphrase")
    assert refused.value.errors[0].rule == "key_export.wrong_passphrase"
    assert keyring.get_password(db_key.SERVICE, key_id) is None  # nothing changed
    assert restore_key(new_machine, target, PASSPHRASE) == key_id
    reopened = open_database(new_machine)
    with reopened.read() as s:
        assert s.scalar(select(AuditEvent.action).order_by(AuditEvent.seq.desc()).limit(1)) == "database.key_export"
    reopened.dispose()


def test_bad_passphrases_and_targets_are_refused_naming_the_field(services, adm, db, tmp_path):
    for args, field, rule in (
            (("short", None), "passphrase", "key_export.passphrase_too_short"),
            ((PASSPHRASE, PASSPHRASE + "!"), "passphrase_again", "key_export.passphrase_mismatch")):
        with pytest.raises(ValidationFailed) as caught:
            services.database_key.export_key(adm, tmp_path / "k.json", *args)
        assert (caught.value.errors[0].field, caught.value.errors[0].rule) == (field, rule)
    before = db.path.read_bytes()
    with pytest.raises(ValidationFailed) as caught:
        services.database_key.export_key(adm, db.path, PASSPHRASE)  # never over the database
    assert caught.value.errors[0].rule == "key_export.target_protected"
    assert db.path.read_bytes() == before and not (tmp_path / "k.json").exists()


def test_a_changed_export_or_another_databases_key_is_refused(services, adm, db, tmp_path):
    target = services.database_key.export_key(adm, tmp_path / "key.json", PASSPHRASE)
    doc = json.loads(target.read_text())
    doc["key_id"] = "00000000-0000-4000-8000-000000000000"  # bound to the sealed key: must not open
    (tmp_path / "edited.json").write_text(json.dumps(doc))
    with pytest.raises(ValidationFailed):
        restore_key(tmp_path / "elsewhere", tmp_path / "edited.json", PASSPHRASE)
    (tmp_path / "notes.json").write_text("{}")
    with pytest.raises(DomainError) as caught:
        restore_key(tmp_path / "elsewhere", tmp_path / "notes.json", PASSPHRASE)
    assert caught.value.key == "key_export.not_an_export"
    other = open_database(tmp_path / "other")  # a second database, with its own key
    other.dispose()
    with pytest.raises(DomainError) as caught:
        restore_key(other.path.parent, target, PASSPHRASE)
    assert caught.value.key == "key_export.wrong_database"


def test_the_key_commands_export_and_restore(db, tmp_path):
    folder = db.path.parent
    key_id = db_key.read_key_id(db.path)
    db.dispose()
    env = {**os.environ, "INJURY_DESK_USER": "adm", "INJURY_DESK_PASSWORD": "adm-pass-123",
           "INJURY_DESK_KEY_PASSPHRASE": PASSPHRASE}
    target = tmp_path / "key.json"

    def cli(*args, **extra):
        return subprocess.run([sys.executable, "-m", "injury_desk", *args, "--data-dir", str(folder)],
                              capture_output=True, text=True, env={**env, **extra}, stdin=subprocess.DEVNULL)

    done = cli("key", "export", str(target))
    assert done.returncode == 0, done.stderr
    assert "no one can read the database" in done.stdout
    refused = cli("key", "export", str(tmp_path / "cw.json"), INJURY_DESK_USER="cw", INJURY_DESK_PASSWORD="cw-pass-123")
    assert refused.returncode == 2 and "permission.denied" in refused.stderr
    keyring.delete_password(db_key.SERVICE, key_id)
    assert cli("check").returncode == 2
    wrong = cli("key", "import", str(target), INJURY_DESK_KEY_PASSPHRASE="a wrong passphrase")
    assert wrong.returncode == 2 and "key_export.wrong_passphrase" in wrong.stderr
    restored = cli("key", "import", str(target))
    assert restored.returncode == 0, restored.stderr
    assert cli("check").returncode == 0


class PlaintextKeyring(KeyringBackend):
    """Named as keyrings.alt's plain-text file backend (which base64-encodes secrets into a file)."""

    priority = 1

    def get_password(self, service, username):
        return None

    def set_password(self, service, username, password):
        raise AssertionError("a secret reached a plain-text backend")

    def delete_password(self, service, username):
        pass


PlaintextKeyring.__module__ = "keyrings.alt.file"


@pytest.fixture
def keyring_backend():
    previous = keyring.get_keyring()
    yield keyring.set_keyring
    keyring.set_keyring(previous)


def test_a_plain_text_keyring_is_refused_by_name_and_no_database_is_made(keyring_backend, tmp_path):
    keyring_backend(PlaintextKeyring())
    with pytest.raises(secrets.KeyringError) as caught:
        open_database(tmp_path / "data")
    assert caught.value.key == "keyring.insecure"
    assert "keyrings.alt.file.PlaintextKeyring" in caught.value.params["backend"]
    assert not (tmp_path / "data" / "injury_desk.sqlite3").exists()


def test_no_keyring_at_all_is_a_clear_error_for_the_database_and_for_sync(keyring_backend, tmp_path):
    from injury_desk.sync import device_secret
    from injury_desk.sync.errors import SyncError

    keyring_backend(fail.Keyring())
    with pytest.raises(secrets.KeyringError) as caught:
        open_database(tmp_path / "data")
    assert caught.value.key == "keyring.unavailable"
    with pytest.raises(SyncError) as sync_caught:
        device_secret.require_keyring()
    assert sync_caught.value.key == "sync.keyring_unavailable"


def test_a_chain_with_a_plain_text_backend_uses_only_the_trusted_one(keyring_backend):
    from keyring.backends.chainer import ChainerBackend

    real = keyring.get_keyring()

    class Chain(ChainerBackend):  # keyring's own chain, as it builds one when several backends are viable
        backends = [PlaintextKeyring(), real]

    keyring_backend(Chain())
    assert secrets.trusted_backend() is real
    secrets.set_secret("injury-desk-test", "chained", "s3cret")  # the plain one would raise
    assert real.get_password("injury-desk-test", "chained") == "s3cret"
    secrets.delete_secret("injury-desk-test", "chained")
