"""The central store: an engine over any SQLAlchemy URL, transactions scoped to one office, migrations."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Connection, Engine, create_engine, text

from injury_desk.central.roles import OFFICE_SETTING
from injury_desk.domain.errors import DomainError
from injury_desk.private_files import create_private_file, private_dir, private_file

MIGRATIONS_DIR = Path(__file__).with_name("migrations")
CENTRAL_FILENAME = "central.sqlite3"
STORE_KINDS = ("postgresql", "sqlite")
SQLITE_HEADER = b"SQLite format 3\x00"
VERSION_TABLE = "central_alembic_version"


# SQLite's files beside the store: the write-ahead log, its index and a rollback journal.
COMPANIONS = ("-wal", "-shm", "-journal")


def default_url(data_dir: Path, *, create: bool = True) -> str:
    """The embedded store's URL, a SQLite file in ``data_dir``. ``create`` makes the folder; an existing one is
    made private to the user as well (it holds every office's records and password hashes, like a desktop's
    data folder, 0700)."""
    if create or data_dir.is_dir():
        private_dir(data_dir)
    return f"sqlite:///{data_dir / CENTRAL_FILENAME}"


def sqlite_file(url: str) -> Path | None:
    """The file of an embedded (SQLite) store's URL; None for any other store."""
    from sqlalchemy.engine import make_url

    u = make_url(url)
    if u.get_backend_name() != "sqlite" or not u.database or u.database == ":memory:":
        return None
    return Path(u.database)


def make_private(path: Path) -> None:
    """The embedded store and its companion files readable by the user only (0600), also when an older version
    made them 0644."""
    for file in (path, *(path.with_name(path.name + suffix) for suffix in COMPANIONS)):
        private_file(file)


def make_engine(url: str, *, immediate: bool = True) -> Engine:
    if url.startswith("sqlite"):
        # The embedded store is opened like a desktop database (WAL, foreign keys, FULL sync, busy timeout,
        # BEGIN IMMEDIATE for writers), but plain: it is the single-machine trial set-up, and a central
        # service in production runs on PostgreSQL.
        from sqlalchemy.engine import make_url

        from injury_desk.store.database import make_engine as sqlite_engine

        return sqlite_engine(Path(make_url(url).database), None, immediate=immediate)
    return create_engine(url, pool_size=8, max_overflow=8, pool_pre_ping=True)


def with_driver(url: str) -> str:
    """``url`` naming the PostgreSQL driver this service uses when it names none: ``postgresql://`` and
    ``postgres://`` (as PostgreSQL's own tools and most hosting write them) mean ``postgresql+psycopg://``, not
    SQLAlchemy's default driver, which is not installed."""
    for scheme in ("postgresql://", "postgres://"):
        if url.startswith(scheme):
            return "postgresql+psycopg://" + url[len(scheme):]
    return url


def shown_url(url: str) -> str:
    """The URL as it may be printed: without its password."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return url


def check_url(url: str) -> None:
    """``central.store_url`` unless ``url`` is a SQLAlchemy URL of a PostgreSQL or SQLite database."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        kind = make_url(url).get_backend_name()
    except ArgumentError:
        kind = None
    if kind not in STORE_KINDS:
        raise DomainError("central.store_url", url=shown_url(url))


def check_embedded(path: Path, *, create: bool) -> None:
    """An embedded store's file before SQLite opens it (which would create a missing one): it exists and is a
    SQLite database of this service (``store.no_database``, ``store.not_a_file``, ``store.not_a_database``,
    ``store.foreign_database``); with ``create`` a missing or empty one is made (0600) where its folder exists."""
    from injury_desk.store.cipher import sqlite

    if path.is_dir():
        raise DomainError("store.not_a_file", path=str(path))
    if not path.is_file() or path.stat().st_size == 0:
        if not create or not path.parent.is_dir():
            raise DomainError("store.no_database", path=str(path))
        create_private_file(path)
        return
    with open(path, "rb") as fh:
        if fh.read(len(SQLITE_HEADER)) != SQLITE_HEADER:
            raise DomainError("store.not_a_database", path=str(path))
    # Read-only, so that looking changes nothing; a database with tables but none of ours is another program's,
    # and migrating would add the central tables to it. Through the store's own SQLite (SQLCipher's copy): a second
    # copy of SQLite in one process does not see the first one's locks, and closing its connection would take them
    # away from the store's open connections and remove the write-ahead log under them.
    con = sqlite.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        tables = {row[0] for row in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    except sqlite.DatabaseError as exc:
        raise DomainError("store.damaged", path=str(path), detail=str(exc)) from None
    finally:
        con.close()
    if tables and VERSION_TABLE not in tables:
        raise DomainError("store.foreign_database", path=str(path))


def open_store(url: str, *, create: bool = False, upgrade: bool = True, reading: bool = False) -> "CentralStore":
    """The central store at ``url``, checked before any work, so that bad input is a refusal (a DomainError)
    rather than a failure of the first request: a PostgreSQL or SQLite URL whose driver is here
    (``central.store_url``); an embedded file that exists unless ``create`` (see check_embedded), migrated when
    ``upgrade`` (the embedded store administers itself); a database server that answers and lets this login
    in (``central.store_unreachable``); with ``upgrade``, a store that was migrated at least once
    (``central.store_not_migrated``: the service would answer every request with an error).

    ``reading``: for a command that only looks (``central check``): an embedded store is not migrated, which is a
    write an inspection must not make; one behind this version's newest revision is refused
    (``central.store_outdated``) rather than read with tables it does not have yet."""
    from sqlalchemy.exc import ArgumentError, NoSuchModuleError

    check_url(url)
    path = sqlite_file(url)
    if path is not None:
        check_embedded(path, create=create)
        if upgrade and not reading:
            migrate(url)
    try:
        store = CentralStore(url)
    except (ArgumentError, NoSuchModuleError, ImportError):  # a dialect or driver that is not installed
        raise DomainError("central.store_url", url=shown_url(url)) from None
    try:
        store.ping()
        if upgrade and not store.is_migrated():
            raise DomainError("central.store_not_migrated", url=shown_url(url))
        if reading and path is not None:
            check_revision(url, store.revision(), behind_too=True)
    except BaseException:
        store.dispose()
        raise
    return store


class CentralStore:
    """One central database. Every request runs in one transaction that names its office."""

    def __init__(self, url: str) -> None:
        self.url = url
        path = sqlite_file(url)
        if path is not None:
            make_private(path)
        self.writer = make_engine(url, immediate=True)
        self.reader = make_engine(url, immediate=False) if url.startswith("sqlite") else self.writer
        self.dialect = self.writer.dialect.name

    @property
    def is_postgres(self) -> bool:
        return self.dialect == "postgresql"

    @contextmanager
    def transaction(self, office_id: str | None = None, *, write: bool = True, snapshot: bool = False,
                    **lookups: str) -> Iterator[Connection]:
        """One transaction; on PostgreSQL the office (and any lookup secrets) are SET LOCAL in it. ``snapshot``:
        every statement of it sees the same committed state (PostgreSQL's REPEATABLE READ; a SQLite transaction
        reads one snapshot from its first read on anyway)."""
        engine = self.writer if write else self.reader
        with engine.connect() as conn:
            if snapshot and self.is_postgres:
                conn = conn.execution_options(isolation_level="REPEATABLE READ")  # back to the default on release
            with conn.begin():
                settings = dict(lookups)
                if office_id is not None:
                    settings[OFFICE_SETTING] = office_id
                self._set_local(conn, settings)
                yield conn

    def enter_office(self, conn: Connection, office_id: str) -> None:
        """Within a transaction of ``transaction``: the office its statements act for from now on."""
        self._set_local(conn, {OFFICE_SETTING: office_id})

    def _set_local(self, conn: Connection, settings: dict[str, str]) -> None:
        if not self.is_postgres or not settings:
            return
        # is_local=true: the setting ends with the transaction, so it never leaks to the next request that gets
        # this pooled connection. All in one statement: one round trip to the server.
        params: dict[str, str] = {}
        for i, (key, value) in enumerate(settings.items()):
            params[f"k{i}"], params[f"v{i}"] = key, value
        conn.execute(text("SELECT " + ", ".join(f"set_config(:k{i}, :v{i}, true)" for i in range(len(settings)))),
                     params)

    def ping(self) -> None:
        """``central.store_unreachable`` (with the driver's first line) unless the store answers a query."""
        from sqlalchemy.exc import DBAPIError

        try:
            with self.reader.connect() as conn:  # the reader: on SQLite the writer's first query takes the write lock
                conn.exec_driver_sql("SELECT 1")
        except DBAPIError as exc:
            reason = (str(exc.orig).strip().splitlines() or [type(exc.orig).__name__])[0]
            raise DomainError("central.store_unreachable", url=shown_url(self.url), reason=reason) from None

    def is_migrated(self) -> bool:
        """Whether `central migrate` has run on this store: its version table exists (looked up in the catalogue,
        which the service role may read although the table itself is not granted to it)."""
        from sqlalchemy import inspect

        with self.reader.connect() as conn:
            return inspect(conn).has_table(VERSION_TABLE)

    def revision(self) -> str:
        """The migration revision the store is at (read from its version table)."""
        with self.reader.connect() as conn:
            return conn.exec_driver_sql(f"SELECT version_num FROM {VERSION_TABLE}").scalar() or ""

    def dispose(self) -> None:
        self.writer.dispose()
        if self.reader is not self.writer:
            self.reader.dispose()


def alembic_config(url: str):
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return cfg


def _scripts():
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config("sqlite://"))


def newest_revision() -> str:
    """The newest migration revision this version of the service knows."""
    return _scripts().get_current_head()


def check_revision(url: str, found: str, *, behind_too: bool) -> None:
    """``central.store_newer`` when the store is at a revision this version does not know (a newer version set it
    up: migrating or serving it would break it); with ``behind_too``, ``central.store_outdated`` when it is at an
    older one (a command that only reads must not migrate it)."""
    from alembic.util import CommandError

    if not found:
        return
    scripts = _scripts()
    newest = scripts.get_current_head()
    try:
        known = scripts.get_revision(found) is not None
    except CommandError:
        known = False
    if not known:
        raise DomainError("central.store_newer", url=shown_url(url), revision=found, newest=newest)
    if behind_too and found != newest:
        raise DomainError("central.store_outdated", url=shown_url(url), revision=found, newest=newest)


def stored_revision(url: str) -> str:
    """The revision the store at ``url`` is at ("" before its first migration), read as its administrator."""
    from alembic.runtime.migration import MigrationContext

    engine = make_engine(url, immediate=False)
    try:
        with engine.connect() as conn:
            return MigrationContext.configure(conn, opts={"version_table": VERSION_TABLE}).get_current_revision() or ""
    finally:
        engine.dispose()


def migrate(url: str) -> None:
    """Brings the central store to the newest revision (run as the administrator, not the service)."""
    from alembic import command

    path = sqlite_file(url)
    if path is not None:
        # Made 0600 before SQLite opens it (it would make it 0644 under the usual umask); SQLite then gives the
        # -wal, -shm and journal files the same mode.
        create_private_file(path)
    check_revision(url, stored_revision(url), behind_too=False)  # alembic would stop on it with its own error
    command.upgrade(alembic_config(url), "head")
    if path is not None:
        make_private(path)


MIN_SERVICE_PASSWORD = 16


def set_service_password(url: str, password: str) -> None:
    """Gives the service role (a PostgreSQL login role, created by migration c0002) this password. The server
    receives only its SCRAM-SHA-256 verifier, made by libpq (PQencryptPasswordConn), so the password itself
    appears in no statement and no server log. Run with the administrator's URL."""
    from injury_desk.central.roles import SERVICE_ROLE

    engine = create_engine(url)
    try:
        with engine.begin() as conn:
            pgconn = conn.connection.driver_connection.pgconn
            verifier = pgconn.encrypt_password(password.encode("utf-8"), SERVICE_ROLE.encode(),
                                               b"scram-sha-256").decode()
            conn.exec_driver_sql(f"ALTER ROLE {SERVICE_ROLE} PASSWORD '{verifier}'")
    finally:
        engine.dispose()


def service_role_has_password(url: str) -> bool | None:
    """Whether the service role has a password (None when this login may not read pg_authid)."""
    from sqlalchemy.exc import DBAPIError

    from injury_desk.central.roles import SERVICE_ROLE

    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return conn.execute(text("SELECT rolpassword IS NOT NULL FROM pg_authid WHERE rolname = :r"),
                                {"r": SERVICE_ROLE}).scalar()
    except DBAPIError:
        return None
    finally:
        engine.dispose()
