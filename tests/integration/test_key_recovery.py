"""The recovery file of a database's secrets: exported by an administrator with a passphrase, restored on a new
machine (an earlier version's file too, naming what it lacks); and the keyring policy that refuses backends
keeping secrets unencrypted."""

from __future__ import annotations

import base64
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
from injury_desk.services.bootstrap import create_office
from injury_desk.services.container import Services
from injury_desk.services.context import ServiceContext
from injury_desk.services.database_key import restore_key
from injury_desk.services.integrity import check_database
from injury_desk.store import audit_key, db_key, key_export, secrets
from injury_desk.store.capture import AUDIT_HEAD_KEY
from injury_desk.store.database import open_database
from injury_desk.store.models import AuditEvent, LocalSetting
from injury_desk.sync import device_secret
from injury_desk.sync.engine import put_setting
from tests.conftest import TODAY

PASSPHRASE = "correct horse battery staple"
CENTRAL_URL = "https://central.example.org"


@pytest.fixture
def office_db(tmp_path):
    """A database of its own (its own device and keys, unlike the copies of the shared template), enrolled as
    far as the keyring is concerned: a sync credential and an anchored audit head sit beside its two keys."""
    database = open_database(tmp_path / "office")
    ctx = ServiceContext(db=database, today=lambda: TODAY)
    made = create_office(ctx, code="GZ09", name="测试中心", region="example", users=[
        {"username": "adm", "display_name": "Admin", "role": "administrator", "password": "adm-pass-123"},
        {"username": "cw", "display_name": "Case Worker", "role": "caseworker", "password": "cw-pass-123"}])
    with database.write_pulled(None, "sync.enrol") as s:
        put_setting(s, "sync.central_url", CENTRAL_URL)
    device_secret.store_secret(database.device_id, CENTRAL_URL, "device-secret-of-gz09")
    with database.read() as s:
        head_seq, head_hash = s.get(LocalSetting, AUDIT_HEAD_KEY).value.split(":", 1)
    audit_key.store_anchor(database.device_id, audit_key.Anchor(int(head_seq), head_hash))
    yield database, Services.build(ctx), made
    database.dispose()
    _wipe_keyring(database)


def _keyring_entries(database) -> dict[tuple[str, str], str | None]:
    device = database.device_id
    return {(service, account): keyring.get_password(service, account) for service, account in (
        (db_key.SERVICE, db_key.read_key_id(database.path)), (audit_key.KEY_SERVICE, device),
        (audit_key.KEY_SERVICE, f"{device}:anchor"), (device_secret.SERVICE_NAME, f"{device}@{CENTRAL_URL}"))}


def _wipe_keyring(database) -> None:
    for service, account in _keyring_entries(database):
        secrets.delete_secret(service, account)


def _v1_export(target, key_id: str, key: bytes, passphrase: str) -> None:
    """A recovery file as the earlier version wrote it (format 1: the database key alone)."""
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    salt, nonce = os.urandom(16), os.urandom(12)
    header = {"format": key_export.FORMAT, "version": 1, "key_id": key_id,
              "kdf": {**key_export.KDF, "salt": key_export._b64(salt)}, "cipher": "AES-256-GCM",
              "nonce": key_export._b64(nonce)}
    wrapped = AESGCM(key_export._derive(passphrase, salt, key_export.KDF)).encrypt(
        nonce, key, key_export._associated(header))
    target.write_text(json.dumps({**header, "wrapped_key": key_export._b64(wrapped)}, indent=2))


def test_an_administrator_exports_every_secret_and_they_restore_on_a_new_machine(office_db, tmp_path):
    db, services, made = office_db
    adm, cw = made["adm"], made["cw"]
    target = tmp_path / "exports" / "key.json"
    target.parent.mkdir()
    with pytest.raises(DomainError) as caught:
        services.database_key.export_key(cw, target, PASSPHRASE)
    assert caught.value.key == "permission.denied" and not target.exists()
    written = services.database_key.export_key(adm, target, PASSPHRASE, PASSPHRASE)
    assert written == target and target.stat().st_mode & 0o777 == 0o600
    held = _keyring_entries(db)
    assert all(held.values())
    text = target.read_text()
    doc = json.loads(text)
    assert (doc["version"], doc["key_id"], doc["device_id"]) == (2, db_key.read_key_id(db.path), db.device_id)
    assert not any(secret in text for secret in held.values())  # sealed, not the secrets themselves
    with db.read() as s:  # the export is audited, naming the file and what it holds, never a secret
        event = s.scalar(select(AuditEvent).order_by(AuditEvent.seq.desc()).limit(1))
        assert event.action == "database.key_export" and event.user_id == adm.user_id
        assert event.after["holds"] == ["database_key", "audit_key", "audit_anchor", "sync_credential"]
        assert not any(secret in json.dumps(event.after) for secret in held.values())

    # A new machine: the data folder copied, nothing of this database in its keyring.
    folder = db.path.parent
    db.dispose()
    new_machine = tmp_path / "new-machine"
    shutil.copytree(folder, new_machine)
    _wipe_keyring(db)
    with pytest.raises(DomainError) as caught:
        open_database(new_machine)
    assert caught.value.key == "store.key_missing"
    with pytest.raises(ValidationFailed) as refused:
        restore_key(new_machine, target, "not the passphrase")
    assert refused.value.errors[0].rule == "key_export.wrong_passphrase"
    assert not any(_keyring_entries(db).values())  # nothing changed
    report = restore_key(new_machine, target, PASSPHRASE)
    assert report.restored == ("database_key", "audit_key", "audit_anchor", "sync_credential")
    assert report.complete and report.database_found
    assert _keyring_entries(db) == held
    reopened = open_database(new_machine)
    try:
        ctx = ServiceContext(db=reopened, today=lambda: TODAY)
        # The database is usable: a change is audited with the restored audit key, and check passes.
        Services.build(ctx).database_key.export_key(adm, tmp_path / "exports" / "again.json", PASSPHRASE)
        report = check_database(reopened)
        assert report.ok, report.problems
        assert report.facts["audit_anchored_at"] > 0
    finally:
        reopened.dispose()


def test_an_export_by_the_earlier_version_restores_the_database_key_and_names_what_is_missing(office_db, tmp_path):
    db, _services, made = office_db
    key_id, key = db.recovery_key()
    old_file = tmp_path / "old-key.json"
    _v1_export(old_file, key_id, key, PASSPHRASE)
    folder = db.path.parent
    db.dispose()
    _wipe_keyring(db)
    report = restore_key(folder, old_file, PASSPHRASE)
    assert (report.version, report.restored, report.missing) == (1, ("database_key",), ("audit_key", "sync_credential"))
    assert report.device_id == db.device_id and report.central_url == CENTRAL_URL
    reopened = open_database(folder)  # it opens (the database key is back) ...
    try:
        with pytest.raises(DomainError) as caught:  # ... but nothing can be changed without the audit key
            Services.build(ServiceContext(db=reopened, today=lambda: TODAY)).database_key.export_key(
                made["adm"], tmp_path / "new.json", PASSPHRASE)
        assert caught.value.key == "audit.key_missing"
        assert any("no audit key" in p for p in check_database(reopened).problems)
    finally:
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
    # Nor over what the application keeps beside it: the next command deleted a key export named writer.lock.
    for name in ("writer.lock", "settings.ini", "logs/cli-errors.log"):
        with pytest.raises(ValidationFailed) as caught:
            services.database_key.export_key(adm, db.path.parent / name, PASSPHRASE)
        assert caught.value.errors[0].rule == "key_export.target_protected"
        assert not (db.path.parent / name).exists()


def test_a_changed_export_or_another_databases_key_is_refused(services, adm, db, tmp_path):
    target = services.database_key.export_key(adm, tmp_path / "key.json", PASSPHRASE)
    doc = json.loads(target.read_text())
    target_key_id = doc["key_id"]
    doc["key_id"] = "00000000-0000-4000-8000-000000000000"  # bound to the sealed key: must not open
    (tmp_path / "edited.json").write_text(json.dumps(doc))
    with pytest.raises(ValidationFailed):
        restore_key(tmp_path / "elsewhere", tmp_path / "edited.json", PASSPHRASE)
    # A nonce or a sealed part of a length seal never writes is not an export, not a wrong passphrase.
    for field, value in (("nonce", doc["nonce"][:8]), ("nonce", base64.b64encode(bytes(16)).decode()),
                         ("sealed", base64.b64encode(bytes(8)).decode())):
        field = field if field in doc else next(k for k in doc if k.startswith("sealed"))
        (tmp_path / "short.json").write_text(json.dumps({**doc, "key_id": target_key_id, field: value}))
        with pytest.raises(DomainError) as caught:
            restore_key(tmp_path / "elsewhere", tmp_path / "short.json", PASSPHRASE)
        assert caught.value.key == "key_export.not_an_export", field
    (tmp_path / "notes.json").write_text("{}")
    with pytest.raises(DomainError) as caught:
        restore_key(tmp_path / "elsewhere", tmp_path / "notes.json", PASSPHRASE)
    assert caught.value.key == "key_export.not_an_export"
    (tmp_path / "deep.json").write_text("[" * 100_000 + "]" * 100_000)  # was RecursionError: exit 3
    with pytest.raises(DomainError) as caught:
        restore_key(tmp_path / "elsewhere", tmp_path / "deep.json", PASSPHRASE)
    assert caught.value.key == "key_export.not_an_export"
    other = open_database(tmp_path / "other")  # a second database, with its own key
    other.dispose()
    with pytest.raises(DomainError) as caught:
        restore_key(other.path.parent, target, PASSPHRASE)
    assert caught.value.key == "key_export.wrong_database"


def test_the_key_commands_export_and_restore_and_name_what_an_old_export_lacks(office_db, tmp_path):
    db, _services, _made = office_db
    folder = db.path.parent
    key_id, key = db.recovery_key()
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
    _wipe_keyring(db)
    assert cli("check").returncode == 2
    wrong = cli("key", "import", str(target), INJURY_DESK_KEY_PASSPHRASE="a wrong passphrase")
    assert wrong.returncode == 2 and "key_export.wrong_passphrase" in wrong.stderr
    restored = cli("key", "import", str(target))
    assert restored.returncode == 0, restored.stderr
    assert ("the database key, the audit key, the anchored audit head, the sync credential"
            in restored.stdout)
    checked = cli("check")
    assert checked.returncode == 0, checked.stdout + checked.stderr

    _wipe_keyring(db)
    old_file = tmp_path / "old-key.json"
    _v1_export(old_file, key_id, key, PASSPHRASE)
    partial = cli("key", "import", str(old_file))
    assert partial.returncode == 1  # the database key is back, the database still lacks two secrets
    assert "restored to this computer's keyring (key " in partial.stdout
    assert "missing: the audit key" in partial.stderr and "missing: the sync credential" in partial.stderr
    assert f"no audit key for the database (device {db.device_id})" in partial.stderr
    assert f"cannot sync with {CENTRAL_URL}" in partial.stderr
    assert cli("check").returncode == 1  # opens, but the audit chain cannot be verified
    assert cli("key", "import", str(target)).returncode == 0  # the complete export mends it
    assert cli("check").returncode == 0


@pytest.mark.parametrize("edit, name, value", [
    ({"parallelism": 0}, "parallelism", 0),  # argon2's HashingError, exit 3
    ({"memory_cost": 2**40}, "memory_cost", 2**40),  # an OverflowError, exit 3
    ({"time_cost": 10**9, "memory_cost": 8, "parallelism": 1}, "time_cost", 10**9),  # hashed for days
])
def test_an_export_edited_to_ask_argon2_for_too_much_is_refused_naming_the_setting(office_db, tmp_path, edit, name,
                                                                                    value):
    """A hostile user's probe: each of these crashed `key import` (exit 3) or hung it."""
    db, services, made = office_db
    target = services.database_key.export_key(made["adm"], tmp_path / "key.json", PASSPHRASE, PASSPHRASE)
    doc = json.loads(target.read_text())
    edited = tmp_path / "edited.json"
    edited.write_text(json.dumps({**doc, "kdf": {**doc["kdf"], **edit}}))
    folder = db.path.parent
    db.dispose()
    _wipe_keyring(db)
    before = {path.name: path.read_bytes() for path in folder.iterdir() if path.is_file()}
    env = {**os.environ, "INJURY_DESK_KEY_PASSPHRASE": PASSPHRASE}
    done = subprocess.run([sys.executable, "-m", "injury_desk", "key", "import", str(edited), "--data-dir", str(folder)],
                          capture_output=True, text=True, env=env, stdin=subprocess.DEVNULL, timeout=120)
    assert done.returncode == 2, done.stdout + done.stderr
    assert "key_export.kdf_out_of_range" in done.stderr and "Traceback" not in done.stderr
    low, high = key_export.KDF_LIMITS[name]
    low = 8 * edit.get("parallelism", doc["kdf"]["parallelism"]) if name == "memory_cost" else low
    assert (f"{edited} is not a key export of injury_desk: its key derivation setting {name} is {value},"
            f" outside {low} to {high}. Nothing was changed.") in done.stderr
    assert not any(_keyring_entries(db).values())  # nothing restored
    assert {path.name: path.read_bytes() for path in folder.iterdir() if path.is_file()} == before


def test_an_export_edited_at_the_limits_is_left_to_the_passphrase_check_and_one_past_them_is_refused(office_db,
                                                                                                      tmp_path):
    """The limits are inclusive: at them argon2 runs and the edited (sealed) header no longer opens, as after any
    other edit; one step past them the setting is named."""
    db, services, made = office_db
    target = services.database_key.export_key(made["adm"], tmp_path / "key.json", PASSPHRASE, PASSPHRASE)
    doc = json.loads(target.read_text())
    folder = db.path.parent
    db.dispose()
    _wipe_keyring(db)
    env = {**os.environ, "INJURY_DESK_KEY_PASSPHRASE": PASSPHRASE}
    at_limits = {"time_cost": 20, "memory_cost": 16 * 8, "parallelism": 16}
    for edit, refusal in ((at_limits, "error: passphrase: key_export.wrong_passphrase"),
                          ({**at_limits, "time_cost": 21}, "setting time_cost is 21, outside 1 to 20"),
                          ({**at_limits, "parallelism": 17}, "setting parallelism is 17, outside 1 to 16"),
                          ({**at_limits, "memory_cost": 16 * 8 - 1}, "setting memory_cost is 127, outside 128 to"),
                          ({"memory_cost": 2**20 + 1}, "setting memory_cost is 1048577, outside 32 to 1048576")):
        edited = tmp_path / "edited.json"
        edited.write_text(json.dumps({**doc, "kdf": {**doc["kdf"], **edit}}))
        done = subprocess.run([sys.executable, "-m", "injury_desk", "key", "import", str(edited), "--data-dir",
                               str(folder)], capture_output=True, text=True, env=env, stdin=subprocess.DEVNULL,
                              timeout=120)
        assert done.returncode == 2, done.stdout + done.stderr
        assert refusal in done.stderr and "Traceback" not in done.stderr, (edit, done.stderr)
    assert not any(_keyring_entries(db).values())


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


def test_a_keyring_call_the_daemon_fails_once_is_asked_again_and_a_lasting_failure_is_a_keyring_error(
        keyring_backend, monkeypatch):
    # A sync in a worker thread failed with "keyring.error" when the Secret Service failed one call while busy with
    # another desktop's (seen once in CI); the call is asked again after a short pause, one at a time per process.
    real = keyring.get_keyring()
    monkeypatch.setattr(secrets, "RETRY_PAUSES_S", (0.01, 0.01))

    class Busy(type(real)):
        failures = 1

        def get_password(self, service, username):
            if Busy.failures:
                Busy.failures -= 1
                raise RuntimeError("org.freedesktop.DBus.Error.NoReply")
            return super().get_password(service, username)

    keyring_backend(Busy())
    secrets.set_secret("injury-desk-test", "busy", "s3cret")
    assert secrets.get_secret("injury-desk-test", "busy") == "s3cret"  # the first ask failed, the second read it
    Busy.failures = 3  # more than the retries: a lasting failure
    with pytest.raises(secrets.KeyringError) as caught:
        secrets.get_secret("injury-desk-test", "busy")
    assert caught.value.key == "keyring.error" and "NoReply" in caught.value.params["reason"]
    Busy.failures = 0
    secrets.delete_secret("injury-desk-test", "busy")
    secrets.delete_secret("injury-desk-test", "busy")  # already gone: fine, not retried into an error


def test_a_key_name_written_over_is_whole_or_not_at_all(tmp_path, monkeypatch):
    """A restore writes the key's name over the one beside the database. It was emptied first and then written:
    a failure in between left the database without its key's name ("store.key_id_damaged") although the keyring
    held the key."""
    db_path = tmp_path / "injury_desk.sqlite3"
    old, new = "0c6f0f47-4e80-4a3c-9f0e-2d5d1f3a7b11", "7d1e2c3b-5a4f-4e6d-8c7b-9a0f1e2d3c4b"
    db_key.write_key_id(db_path, old)
    assert os.stat(db_key.key_id_path(db_path)).st_mode & 0o777 == 0o600

    def disk_full(*_args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    with pytest.raises(OSError):
        db_key.write_key_id(db_path, new)
    assert db_key.read_key_id(db_path) == old
    assert sorted(p.name for p in tmp_path.iterdir()) == [db_key.key_id_path(db_path).name]
    monkeypatch.undo()
    db_key.write_key_id(db_path, new)
    assert db_key.read_key_id(db_path) == new
