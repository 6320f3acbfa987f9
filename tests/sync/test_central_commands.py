"""`injury-desk central ...` on the command line: the embedded store's files, refusals of bad input, exit codes."""

from __future__ import annotations

import os
import socket
import stat
import subprocess
import sys

import pytest
from sqlalchemy.engine import make_url

from injury_desk.central.central_db import CentralStore, default_url, migrate
from injury_desk.cli import main
from tests.support.postgres import admin_url, fresh_database, require_server

UNREACHABLE_PG = "postgresql+psycopg://postgres@127.0.0.1:1/injury"  # nothing listens on port 1


@pytest.fixture(autouse=True)
def no_store_in_environment(monkeypatch):
    monkeypatch.delenv("INJURY_DESK_CENTRAL_STORE", raising=False)


def run(*argv) -> int:
    """The command's exit code, in this process (argparse's bad usage exits 2 by SystemExit)."""
    try:
        return main([str(a) for a in argv])
    except SystemExit as exc:
        return exc.code


def mode(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


@pytest.fixture
def usual_umask():
    """The umask most systems give a user (022): what SQLite would create files with, readable by everyone."""
    old = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(old)


def test_the_embedded_store_is_private_to_the_user(tmp_path, usual_umask, capsys):
    data = tmp_path / "data"
    assert main(["central", "migrate", "--data-dir", str(data)]) == 0
    assert main(["central", "add-office", "AB", "Office AB", "--data-dir", str(data)]) == 0
    assert (mode(data), mode(data / "central")) == (0o700, 0o700)
    files = sorted((data / "central").iterdir())
    assert [f.name for f in files][:1] == ["central.sqlite3"]
    assert {f.name: mode(f) for f in files} == {f.name: 0o600 for f in files}


def test_a_store_an_older_version_left_readable_is_made_private(tmp_path, usual_umask, capsys):
    data = tmp_path / "data"
    assert main(["central", "migrate", "--data-dir", str(data)]) == 0
    store = data / "central" / "central.sqlite3"
    wal = store.with_name("central.sqlite3-wal")
    wal.touch()
    for path, old in ((data, 0o755), (data / "central", 0o755), (store, 0o644), (wal, 0o644)):
        os.chmod(path, old)
    assert main(["central", "check", "--data-dir", str(data)]) == 0
    assert (mode(data), mode(data / "central"), mode(store)) == (0o700, 0o700, 0o600)
    assert not wal.exists() or mode(wal) == 0o600


def test_a_port_out_of_range_is_bad_usage_before_anything_starts(tmp_path, capsys):
    assert run("central", "serve", "--port", 99999, "--data-dir", tmp_path / "d") == 2
    err = capsys.readouterr().err
    assert "argument --port: must be a port number from 1 to 65535" in err and "Traceback" not in err
    assert not (tmp_path / "d").exists()


def test_a_port_in_use_is_refused_naming_the_port(tmp_path, capsys):
    with socket.create_server(("127.0.0.1", 0)) as taken:
        port = taken.getsockname()[1]
        assert run("central", "serve", "--port", port, "--data-dir", tmp_path / "d") == 2
    out, err = capsys.readouterr()
    assert err.startswith(f'error: --port: central.cannot_listen {{"host": "127.0.0.1", "port": {port}, ')
    assert "cannot listen on 127.0.0.1 port" in err and "central sync service on" not in out


@pytest.mark.parametrize(("store", "key"), [
    ("notaurl", "central.store_url"),
    ("mysql://someone@127.0.0.1/injury", "central.store_url"),
    ("sqlite:///{tmp}/garbage.pkg", "store.not_a_database"),
    ("sqlite:////nonexist_dir_injury_desk/x.db", "store.no_database"),
    (UNREACHABLE_PG, "central.store_unreachable"),
])
@pytest.mark.parametrize("command", [["check"], ["migrate"], ["add-office", "AB", "Office AB"]])
def test_a_bad_store_is_refused_naming_store_and_nothing_is_made(tmp_path, capsys, store, key, command):
    garbage = tmp_path / "garbage.pkg"
    garbage.write_bytes(b"not a database, a package" * 40)
    store = store.format(tmp=tmp_path)
    assert run("central", *command, "--store", store, "--data-dir", tmp_path / "d") == 2
    err = capsys.readouterr().err
    assert err.startswith(f"error: --store: {key} ") and "internal error" not in err
    assert len(err.splitlines()) == 2  # the key and its sentence
    assert garbage.read_bytes() == b"not a database, a package" * 40
    assert sorted(p.name for p in tmp_path.iterdir()) == ["garbage.pkg"]
    assert not os.path.exists("/nonexist_dir_injury_desk")


@pytest.mark.postgres
def test_a_missing_postgresql_database_is_refused_naming_store(tmp_path, capsys):
    require_server()
    missing = make_url(admin_url()).set(database="injury_desk_no_such_database").render_as_string(False)
    assert run("central", "check", "--store", missing, "--data-dir", tmp_path / "d") == 2
    err = capsys.readouterr().err
    assert err.startswith("error: --store: central.store_unreachable ") and "does not exist" in err


@pytest.mark.postgres
def test_a_postgresql_url_as_its_own_tools_write_it_is_taken(tmp_path, capsys, monkeypatch):
    """``postgresql://`` (and ``postgres://``) named SQLAlchemy's default driver, which is not installed: refused as
    "not the address of a central store"."""
    require_server()
    with fresh_database() as (admin, _service):
        migrate(admin)
        plain = admin.replace("postgresql+psycopg://", "postgresql://", 1)
        assert plain != admin
        assert run("central", "check", "--store", plain, "--data-dir", tmp_path / "d") == 0, capsys.readouterr().err
        monkeypatch.setenv("INJURY_DESK_CENTRAL_STORE", admin.replace("postgresql+psycopg://", "postgres://", 1))
        assert run("central", "check", "--data-dir", tmp_path / "d") == 0, capsys.readouterr().err


def test_serve_on_an_unreachable_store_stops_at_start_up(tmp_path):
    """It used to start, answer /v1/health, and fail every real request with 500."""
    done = subprocess.run([sys.executable, "-m", "injury_desk", "--data-dir", str(tmp_path), "central", "serve",
                           "--store", UNREACHABLE_PG, "--port", "1"],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 2
    assert done.stderr.startswith("error: --store: central.store_unreachable ")
    assert "central sync service on" not in done.stdout


@pytest.mark.parametrize("command", [["check"], ["enroll-device", "A"], ["add-office", "AB", "Office AB"],
                                     ["set-numbering", "A", "--prefix", "X"]])
def test_only_migrate_creates_the_embedded_store(tmp_path, capsys, command):
    """A mistyped --data-dir must not get an empty store (and `central check: OK`)."""
    data = tmp_path / "mistyped"
    assert run("central", *command, "--data-dir", data) == 2
    err = capsys.readouterr().err
    assert err.startswith('error: --data-dir: store.no_database {"path": ')
    assert "`central migrate`" in err
    assert not data.exists()
    explicit = tmp_path / "elsewhere.sqlite3"
    assert run("central", *command, "--store", f"sqlite:///{explicit}", "--data-dir", data) == 2
    assert capsys.readouterr().err.startswith("error: --store: store.no_database ")
    assert not explicit.exists() and not data.exists()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=[pytest.mark.postgres, pytest.mark.slow])])
def admin_store(request, tmp_path):
    """A migrated central store with office AB, as its administrator's URL."""
    if request.param == "sqlite":
        url = default_url(tmp_path / "central")
        migrate(url)
        assert run("central", "add-office", "AB", "Office AB", "--store", url) == 0
        yield url
    else:
        with fresh_database() as (admin, _service):
            migrate(admin)
            assert run("central", "add-office", "AB", "Office AB", "--store", admin) == 0
            yield admin


def central_rows(url: str) -> list:
    from sqlalchemy import text

    store = CentralStore(url)
    try:
        with store.transaction(write=False) as conn:
            return [conn.execute(text("SELECT code, name, region, decision_prefix FROM offices ORDER BY code")).all(),
                    conn.execute(text("SELECT username, display_name FROM users")).all()]
    finally:
        store.dispose()


@pytest.mark.parametrize(("command", "option", "limit", "actual"), [
    (["add-office", "ZZ", "n" * 300], "NAME", 200, 300),
    (["add-office", "ZZ", "n" * 5000], "NAME", 200, 5000),
    (["add-office", "ZZ", "Office ZZ", "--region", "r" * 300], "--region", 64, 300),
    (["add-user", "AB", "bob", "--name", "n" * 300, "--role", "caseworker"], "--name", 200, 300),
    (["set-numbering", "AB", "--prefix", "p" * 41], "--prefix", 40, 41),
])
def test_a_value_longer_than_its_column_is_refused_alike_on_both_stores(admin_store, capsys, monkeypatch, command,
                                                                         option, limit, actual):
    """PostgreSQL failed with an internal error (DataError, exit 3); SQLite kept a 5000-character name."""
    monkeypatch.setenv("INJURY_DESK_NEW_PASSWORD", "long-enough-1")
    before = central_rows(admin_store)
    capsys.readouterr()
    assert run("central", *command, "--store", admin_store) == 2
    err = capsys.readouterr().err
    assert err.splitlines() == [f'error: {option}: field.too_long {{"max": {limit}, "actual": {actual}}}',
                                f"  {option} is too long: at most {limit} characters (now {actual})"]
    assert central_rows(admin_store) == before


def test_a_refusal_prints_its_sentence_under_the_key(tmp_path, capsys):
    """It used to print the bare key and its parameters (`error: central.unknown_office code=ZZ`)."""
    data = tmp_path / "data"
    assert run("central", "migrate", "--data-dir", data) == 0
    capsys.readouterr()
    assert run("central", "enroll-device", "ZZ", "--data-dir", data) == 2
    assert capsys.readouterr().err.splitlines() == ['error: central.unknown_office {"code": "ZZ"}',
                                                    "  There is no office ZZ on the central service."]


@pytest.mark.postgres
@pytest.mark.parametrize("command", [["check"], ["add-office", "AB", "Office AB"]])
def test_a_postgresql_store_never_migrated_is_refused_naming_store(tmp_path, capsys, command):
    """It used to fail with an internal error (a table missing); `serve` answered every request with 500."""
    with fresh_database() as (admin, _service):
        assert run("central", *command, "--store", admin, "--data-dir", tmp_path / "d") == 2
        err = capsys.readouterr().err
        assert err.startswith("error: --store: central.store_not_migrated ") and "central migrate" in err
        migrate(admin)  # as the fixtures do: `central migrate` on PostgreSQL may set the shared service role's password
        assert run("central", *command, "--store", admin, "--data-dir", tmp_path / "d") == 0


def test_check_looks_without_migrating_an_embedded_store(tmp_path, capsys):
    """`central check` used to migrate the embedded store it was asked to look at: a check made a write, and a
    newer program's check changed an older service's store under it."""
    from alembic import command as alembic

    from injury_desk.central.central_db import alembic_config, newest_revision

    data = tmp_path / "data"
    assert run("central", "migrate", "--data-dir", data) == 0
    url = default_url(data / "central")
    alembic.downgrade(alembic_config(url), "-1")  # as a store the previous version left
    store = CentralStore(url)
    older = store.revision()
    assert older and older != newest_revision()
    capsys.readouterr()
    assert run("central", "check", "--data-dir", data) == 2
    err = capsys.readouterr().err.splitlines()
    assert err[0].startswith("error: --data-dir: central.store_outdated ")
    assert f"is at revision {older}, older than this version's {newest_revision()}" in err[1]
    assert "central migrate" in err[1]
    assert store.revision() == older  # looked at, not changed
    assert run("central", "migrate", "--data-dir", data) == 0
    assert run("central", "check", "--data-dir", data) == 0
    assert "central check: OK" in capsys.readouterr().out
    store.dispose()


def test_commands_run_beside_an_open_store_in_one_process_leave_it_whole(tmp_path, capsys):
    """The embedded store was checked and migrated through Python's own copy of SQLite while the store runs on
    SQLCipher's: in one process (the service and an administration call, as the tests run them) the two copies do
    not see each other's locks, and closing the checker's connection removed the write-ahead log under the open
    store ("database disk image is malformed")."""
    from sqlalchemy import func, select

    from injury_desk.central.tables import enrolment_codes

    data = tmp_path / "data"
    assert run("central", "migrate", "--data-dir", data) == 0
    assert run("central", "add-office", "AB", "Office AB", "--data-dir", data) == 0
    store = CentralStore(default_url(data / "central"))
    try:
        for n in range(1, 4):
            with store.transaction(write=False) as conn:  # a live connection of the open store, as a service holds
                assert conn.execute(select(func.count()).select_from(enrolment_codes)).scalar() == n - 1
            assert run("central", "enroll-device", "AB", "--data-dir", data) == 0
        with store.transaction(write=False) as conn:
            assert conn.execute(select(func.count()).select_from(enrolment_codes)).scalar() == 3
        assert run("central", "check", "--data-dir", data) == 0
    finally:
        store.dispose()


@pytest.mark.parametrize("command", [["check"], ["migrate"], ["list-devices", "AB"], ["add-office", "CD", "Office CD"]])
def test_a_store_a_newer_version_set_up_is_refused_and_left_alone(tmp_path, capsys, command):
    """It was called "older than this version's" and sent the user to `central migrate`, which then stopped with
    an internal error (alembic's CommandError on a revision it does not know)."""
    from sqlalchemy import text

    from injury_desk.central.central_db import newest_revision

    data = tmp_path / "data"
    assert run("central", "migrate", "--data-dir", data) == 0
    assert run("central", "add-office", "AB", "Office AB", "--data-dir", data) == 0
    store = CentralStore(default_url(data / "central"))
    with store.transaction() as conn:
        conn.execute(text("UPDATE central_alembic_version SET version_num = 'c0999_from_the_future'"))
    capsys.readouterr()
    assert run("central", *command, "--data-dir", data) == 2
    err = capsys.readouterr().err.splitlines()
    assert err[0].startswith("error: --data-dir: central.store_newer "), err
    assert (f"is at revision c0999_from_the_future, which this version of injury_desk does not know (its newest is "
            f"{newest_revision()}): a newer version set it up") in err[1]
    assert store.revision() == "c0999_from_the_future"
    store.dispose()


def test_an_argument_that_is_not_text_is_refused_naming_it(tmp_path, capsys):
    """Bytes that are not UTF-8 (Python keeps them as lone surrogates) ended in an internal error (exit 3) when
    the office code was printed or stored."""
    data = tmp_path / "data"
    assert run("central", "migrate", "--data-dir", data) == 0
    capsys.readouterr()
    assert run("central", "enroll-device", "\udcff", "--data-dir", data) == 2
    assert capsys.readouterr().err.splitlines() == [
        'error: office: field.undecodable {"byte": "0xFF"}',
        "  office holds the byte 0xFF, which is not text in UTF-8, the encoding this program reads its arguments in"]
    assert run("central", "add-office", "AB", "Office \udcc3", "--data-dir", data) == 2
    assert 'error: name: field.undecodable {"byte": "0xC3"}' in capsys.readouterr().err
    assert run("central", "list-devices", "AB", "--data-dir", data) == 2  # nothing was made


def test_set_numbering_changes_only_the_option_given(admin_store, capsys):
    """--pattern alone wiped the prefix, --prefix alone put the default pattern back, and neither reset both with
    exit 0: the numbers printed on legal decisions changed without a word."""
    def numbering(*options) -> tuple[int, str]:
        capsys.readouterr()
        code = run("central", "set-numbering", "AB", *options, "--store", admin_store)
        out = capsys.readouterr()
        return code, (out.out + out.err).strip()

    assert numbering("--prefix", "榕人社工伤认", "--pattern", "{prefix}{year}{device}{seq}") == (
        0, "office AB: decision numbers {prefix}{year}{device}{seq} (prefix '榕人社工伤认')")
    assert numbering("--pattern", "{prefix}{year}-{device}-{seq}") == (
        0, "office AB: decision numbers {prefix}{year}-{device}-{seq} (prefix '榕人社工伤认')")
    assert numbering("--prefix", "穗人社工伤认") == (
        0, "office AB: decision numbers {prefix}{year}-{device}-{seq} (prefix '穗人社工伤认')")
    assert numbering() == (2, "error: set-numbering: give --prefix, --pattern or both (nothing was changed)")
    assert numbering("--prefix", "穗人社工伤认") == (
        0, "office AB: decision numbers {prefix}{year}-{device}-{seq} (prefix '穗人社工伤认')")
