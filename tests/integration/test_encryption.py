"""Encryption at rest: the database and every backup are SQLCipher files keyed from the real OS keyring
(GNOME Keyring in the tests), an old plain database is encrypted in place safely, and files are private."""

from __future__ import annotations

import hashlib
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import keyring
import pytest
from sqlalchemy import text

from injury_desk.domain.errors import DomainError
from injury_desk.services.bootstrap import create_office
from injury_desk.services.container import Services
from injury_desk.services.context import ServiceContext
from injury_desk.store import cipher, db_key, encrypt_plain, migrate
from injury_desk.store.database import DB_FILENAME, Database, open_database
from injury_desk.store.location import APPLICATION_ID
from tests.conftest import TEST_USERS, TODAY, claim_draft

ID_NUMBER = b"11010519491231002X"  # the worker of claim_draft()


def plain_sqlite_reads(path: Path) -> bool:
    """Whether Python's standard sqlite3 reads the file. In a child process: two SQLite libraries in one
    process (sqlite3 and SQLCipher's) would drop each other's POSIX locks on the same file."""
    probe = "import sqlite3, sys; sqlite3.connect(sys.argv[1]).execute('SELECT count(*) FROM sqlite_master')"
    result = subprocess.run([sys.executable, "-c", probe, str(path)], capture_output=True, text=True)
    assert result.returncode == 0 or "file is not a database" in result.stderr, result.stderr
    return result.returncode == 0


def files_of(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.is_file()]


def make_plain_database(folder: Path, *, claims: int = 1) -> Path:
    """A database as the version before encryption left it: plain SQLite at the current schema, with an
    office, its users and ``claims`` claims."""
    folder.mkdir(parents=True)
    path = folder / DB_FILENAME
    migrate.upgrade(path, None)
    con = cipher.connect(path, None)
    con.execute(f"PRAGMA application_id={APPLICATION_ID}")
    con.commit()
    con.close()
    db = Database(path, None)
    db.ensure_keyed()  # the audit chain's key, as open_database gives every database at its first run
    ctx = ServiceContext(db=db, today=lambda: TODAY)
    made = create_office(ctx, code="GZ01", name="测试中心", region="example", users=TEST_USERS[:1])
    services = Services.build(ctx)
    for _ in range(claims):
        services.claims.create(made["cw"], claim_draft())
    db.dispose()
    assert plain_sqlite_reads(path)
    return path


def test_plain_sqlite3_cannot_read_the_database_and_no_file_shows_an_id_number(db, services, cw):
    services.claims.create(cw, claim_draft())
    first = db.backup("manual")
    db.checkpoint()
    assert not plain_sqlite_reads(db.path)
    assert not plain_sqlite_reads(first)
    folder = db.path.parent
    services.claims.create(cw, claim_draft(accident_date="2026-10-02"))  # in the write-ahead log too
    files = files_of(folder)
    assert any(p.name.endswith("-wal") for p in files) and any(p.parent.name == "backups" for p in files)
    for path in files:
        assert ID_NUMBER not in path.read_bytes(), path
    # ...while the application reads it back in full.
    assert services.claims.get(cw, services.claim_list.page(cw, __import__(
        "injury_desk.services.claim_list", fromlist=["ClaimQuery"]).ClaimQuery("1101"), 0, 5)[0].claim_id)


def test_the_keys_live_only_in_the_keyring_never_in_a_file(db):
    from injury_desk.store import audit_key

    key_id = db_key.read_key_id(db.path)
    stored = keyring.get_password(db_key.SERVICE, key_id)
    audit = keyring.get_password(audit_key.KEY_SERVICE, db.device_id)  # the audit chain's key, the second secret
    assert stored is not None and len(bytes.fromhex(stored)) == 32
    assert audit is not None and len(bytes.fromhex(audit)) == 32
    for path in files_of(db.path.parent):
        data = path.read_bytes()
        for secret in (stored, audit):
            assert secret.encode() not in data and bytes.fromhex(secret) not in data, path


def test_the_full_text_index_works_in_the_encrypted_file(db):
    con = db.raw_connection()
    try:
        assert con.execute("SELECT sqlite_compileoption_used('ENABLE_FTS5')").fetchone()[0] == 1
        assert con.execute("PRAGMA cipher_version").fetchone()[0].startswith("4.")
        con.execute("CREATE VIRTUAL TABLE temp.probe USING fts5(body, tokenize='trigram')")
        con.execute("INSERT INTO temp.probe VALUES ('广州市天河区建设工程有限公司')")
        assert con.execute("SELECT count(*) FROM temp.probe WHERE body LIKE '%天河区%'").fetchone()[0] == 1
    finally:
        con.close()


def test_an_old_plain_database_is_encrypted_in_place_with_an_encrypted_backup_first(tmp_path):
    path = make_plain_database(tmp_path / "data")
    old_backup = path.parent / "backups" / "injury_desk-20261101T000000Z-before-migration.sqlite3"
    old_backup.parent.mkdir()
    old_backup.write_bytes(path.read_bytes())  # a plain backup an earlier version took
    db = open_database(path.parent)
    try:
        assert not plain_sqlite_reads(path)
        services = Services.build(ServiceContext(db=db, today=lambda: TODAY))
        cw = services.auth.login("cw", "cw-pass-123")
        rows = services.claim_list.page(cw, __import__(
            "injury_desk.services.claim_list", fromlist=["ClaimQuery"]).ClaimQuery("张伟"), 0, 10)
        assert len(rows) == 1  # rows and the trigram index came across
        backups = list((path.parent / "backups").glob("*before-encryption*"))
        assert len(backups) == 1 and not plain_sqlite_reads(backups[0])
        assert not plain_sqlite_reads(old_backup)
        old = cipher.connect(old_backup, db_key.load_key(path))  # encrypted with the database's key
        assert old.execute("SELECT count(*) FROM claims").fetchone()[0] == 1
        old.close()
        assert not list(path.parent.glob("*.encrypting"))
        for file in files_of(path.parent):
            assert ID_NUMBER not in file.read_bytes(), file
    finally:
        db.dispose()


def test_a_failed_encryption_leaves_the_plain_database_untouched(tmp_path, monkeypatch):
    path = make_plain_database(tmp_path / "data")
    before = hashlib.sha256(path.read_bytes()).hexdigest()

    def broken_check(*_args):
        raise DomainError("store.encryption_failed", path="x", detail="row counts differ")

    monkeypatch.setattr(encrypt_plain, "_verify", broken_check)
    with pytest.raises(DomainError) as caught:
        open_database(path.parent)
    assert caught.value.key == "store.encryption_failed"
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before
    assert plain_sqlite_reads(path)
    assert not list(path.parent.glob("*.encrypting"))
    monkeypatch.undo()
    open_database(path.parent).dispose()  # the next start succeeds
    assert not plain_sqlite_reads(path)


KILLED_CHILD = """
import sys
from pathlib import Path
from injury_desk.store.database import open_database
open_database(Path(sys.argv[1]))
"""


@pytest.mark.slow  # a SIGKILL test (about 8 s): the quick loop leaves it out, CI runs it
def test_a_process_killed_half_way_through_the_encryption_leaves_the_plain_database_working(tmp_path):
    path = make_plain_database(tmp_path / "data")
    con = sqlite3.connect(path)
    with con:  # ~80 MB of rows, so that the encrypted copy takes long enough to be caught half-written
        con.execute("CREATE TABLE ballast (body TEXT)")
        con.executemany("INSERT INTO ballast VALUES (?)", ((os.urandom(200).hex(),) for _ in range(200_000)))
    counts = {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("claims", "ballast")}
    con.close()
    work = path.with_name(path.name + ".encrypting")
    child = subprocess.Popen([sys.executable, "-c", KILLED_CHILD, str(path.parent)])
    deadline = time.monotonic() + 120
    while not (work.exists() and work.stat().st_size > 8 * 2**20):
        assert child.poll() is None, "the encryption finished before it could be interrupted"
        assert time.monotonic() < deadline
        time.sleep(0.01)
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    assert cipher.is_plain(path)
    con = sqlite3.connect(path)
    assert con.execute("PRAGMA quick_check").fetchone()[0] == "ok"
    assert {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in counts} == counts
    con.close()
    db = open_database(path.parent)  # the next start encrypts it after all
    try:
        assert not plain_sqlite_reads(path) and not work.exists()
        raw = db.raw_connection()
        assert {t: raw.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in counts} == counts
        raw.close()
    finally:
        db.dispose()


def test_a_missing_or_wrong_key_is_refused_and_the_file_left_untouched(db):
    path, key_id = db.path, db_key.read_key_id(db.path)
    right = keyring.get_password(db_key.SERVICE, key_id)
    db.dispose()
    before = path.read_bytes()
    keyring.set_password(db_key.SERVICE, key_id, os.urandom(32).hex())
    with pytest.raises(DomainError) as caught:
        open_database(path.parent)
    assert caught.value.key == "store.cannot_decrypt"
    keyring.delete_password(db_key.SERVICE, key_id)
    with pytest.raises(DomainError) as caught:
        open_database(path.parent)
    assert caught.value.key == "store.key_missing"
    assert path.read_bytes() == before
    keyring.set_password(db_key.SERVICE, key_id, right)
    open_database(path.parent).dispose()


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX modes; Windows checks the profile (test below)")
def test_the_data_folder_and_its_files_are_private_to_the_user(db, services, cw):
    services.claims.create(cw, claim_draft())
    db.backup("manual")
    folder = db.path.parent
    assert folder.stat().st_mode & 0o777 == 0o700
    assert (folder / "backups").stat().st_mode & 0o777 == 0o700
    for path in files_of(folder):
        assert path.stat().st_mode & 0o777 == 0o600, path


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX modes")
def test_an_existing_open_data_folder_is_made_private(tmp_path):
    folder = tmp_path / "old"
    path = make_plain_database(folder)
    os.chmod(folder, 0o755)
    os.chmod(path, 0o644)
    open_database(folder).dispose()
    assert folder.stat().st_mode & 0o777 == 0o700
    assert path.stat().st_mode & 0o777 == 0o600


def test_on_windows_the_data_folder_must_lie_in_the_users_profile(tmp_path):
    from injury_desk.private_files import check_windows_profile

    profile = tmp_path / "Users" / "zhang"
    check_windows_profile(profile / "AppData" / "Local" / "injury-desk", profile)
    with pytest.raises(DomainError) as caught:
        check_windows_profile(tmp_path / "data", profile)
    assert caught.value.key == "store.not_private"
    with pytest.raises(DomainError):
        check_windows_profile(tmp_path / "Users" / "zhang2", profile)  # a neighbour's profile is not ours


def add_ballast(path: Path, rows: int) -> None:
    """Rows of random text, so that the copy takes a while: ``rows`` * 400 bytes."""
    con = sqlite3.connect(path)
    with con:
        con.execute("CREATE TABLE ballast (body TEXT)")
        con.executemany("INSERT INTO ballast VALUES (?)", ((os.urandom(200).hex(),) for _ in range(rows)))
    con.close()


def test_the_encryption_reports_its_progress_step_by_step(tmp_path, monkeypatch):
    path = make_plain_database(tmp_path / "data")
    add_ballast(path, 5_000)
    size = path.stat().st_size
    monkeypatch.setattr(encrypt_plain, "REPORT_EVERY_S", 0)  # every look of SQLite's progress handler reports
    monkeypatch.setattr(encrypt_plain, "HANDLER_STEPS", 100)
    reports: list[tuple[str, int, int, str]] = []
    open_database(path.parent, progress=lambda *report: reports.append(report)).dispose()
    assert not plain_sqlite_reads(path)
    steps = [r[0] for r in reports]
    # encrypt (from 0 to the whole file), then one check, then the copy into the backups folder, in that order
    assert steps == sorted(steps, key=["encrypt", "check", "backup"].index) and set(steps) == {"encrypt", "check", "backup"}
    encrypt = [r for r in reports if r[0] == "encrypt"]
    assert encrypt[0][1:3] == (0, size) and encrypt[-1][1:3] == (size, size) and len(encrypt) > 2
    assert [r[1] for r in encrypt] == sorted(r[1] for r in encrypt)  # never goes back
    backup = [r for r in reports if r[0] == "backup"]
    assert backup[-1][1] == backup[-1][2] > 0
    assert {r[3] for r in reports} == {DB_FILENAME}


def test_stopping_the_encryption_from_its_progress_report_leaves_the_plain_database_untouched(tmp_path, monkeypatch):
    path = make_plain_database(tmp_path / "data")
    add_ballast(path, 5_000)
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    monkeypatch.setattr(encrypt_plain, "REPORT_EVERY_S", 0)
    monkeypatch.setattr(encrypt_plain, "HANDLER_STEPS", 100)

    def interrupted(step, done, total, _name):
        if step == "encrypt" and 0 < done < total:  # a user's Ctrl+C half-way through the copy
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        open_database(path.parent, progress=interrupted)
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before and plain_sqlite_reads(path)
    assert not list(path.parent.glob("*.encrypting"))
    assert not list((path.parent / "backups").glob("*before-encryption*"))
    open_database(path.parent).dispose()  # the next start encrypts it
    assert not plain_sqlite_reads(path)


def test_a_command_shows_the_encryptions_progress_on_the_terminal(tmp_path):
    path = make_plain_database(tmp_path / "data")
    env = {**os.environ, "INJURY_DESK_USER": "cw", "INJURY_DESK_PASSWORD": "cw-pass-123"}
    done = subprocess.run([sys.executable, "-m", "injury_desk", "export", str(tmp_path / "out.jsonl"),
                           "--data-dir", str(path.parent)], capture_output=True, text=True, env=env,
                          stdin=subprocess.DEVNULL, timeout=300)
    assert done.returncode == 0, done.stderr
    lines = done.stderr.splitlines()
    assert lines[0].startswith(f"encrypting {DB_FILENAME} (the first start of this version encrypts the database): 0%")
    assert any(line.startswith(f"encrypting {DB_FILENAME}") and ": 100% (" in line for line in lines)
    assert f"checking the encrypted copy of {DB_FILENAME}" in lines
    assert any(line.startswith(f"copying the encrypted {DB_FILENAME} to the backups folder: 100%") for line in lines)
    assert not plain_sqlite_reads(path)
    again = subprocess.run([sys.executable, "-m", "injury_desk", "export", str(tmp_path / "again.jsonl"),
                            "--data-dir", str(path.parent)], capture_output=True, text=True, env=env,
                           stdin=subprocess.DEVNULL, timeout=300)
    assert again.returncode == 0 and "encrypting" not in again.stderr  # only the first start says anything


def test_opening_the_database_while_another_holds_the_write_lock_needs_no_lock(db):
    """A command starting while a pull holds the write lock (seconds at a time) opens the database at once: opening
    writes nothing when the file is already marked as ours (it used to set the application id every time, and gave
    up with "database is locked" after 5 s)."""
    holder = db.raw_connection()
    try:
        holder.execute("BEGIN IMMEDIATE")
        again = open_database(db.path.parent)  # before: OperationalError "database is locked" after 5 s
        with again.read() as s:
            assert s.execute(text("SELECT count(*) FROM offices")).scalar_one() >= 0
        again.dispose()
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    con = cipher.connect(db.path, db_key.load_key(db.path))
    try:
        assert con.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    finally:
        con.close()
