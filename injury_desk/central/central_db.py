"""The central store: an engine over any SQLAlchemy URL, transactions scoped to one office, migrations."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Connection, Engine, create_engine, text

from injury_desk.central.roles import OFFICE_SETTING

MIGRATIONS_DIR = Path(__file__).with_name("migrations")
CENTRAL_FILENAME = "central.sqlite3"


def default_url(data_dir: Path) -> str:
    data_dir.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{data_dir / CENTRAL_FILENAME}"


def make_engine(url: str, *, immediate: bool = True) -> Engine:
    if url.startswith("sqlite"):
        # The embedded store is opened like a desktop database (WAL, foreign keys, FULL sync, busy timeout,
        # BEGIN IMMEDIATE for writers), but plain: it is the single-machine trial set-up, and a central
        # service in production runs on PostgreSQL.
        from sqlalchemy.engine import make_url

        from injury_desk.store.database import make_engine as sqlite_engine

        return sqlite_engine(Path(make_url(url).database), None, immediate=immediate)
    return create_engine(url, pool_size=8, max_overflow=8, pool_pre_ping=True)


class CentralStore:
    """One central database. Every request runs in one transaction that names its office."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.writer = make_engine(url, immediate=True)
        self.reader = make_engine(url, immediate=False) if url.startswith("sqlite") else self.writer
        self.dialect = self.writer.dialect.name

    @property
    def is_postgres(self) -> bool:
        return self.dialect == "postgresql"

    @contextmanager
    def transaction(self, office_id: str | None = None, *, write: bool = True,
                    **lookups: str) -> Iterator[Connection]:
        """One transaction; on PostgreSQL the office (and any lookup secrets) are SET LOCAL in it."""
        engine = self.writer if write else self.reader
        with engine.begin() as conn:
            if self.is_postgres:
                settings = dict(lookups)
                if office_id is not None:
                    settings[OFFICE_SETTING] = office_id
                for key, value in settings.items():
                    # is_local=true: the setting ends with this transaction, so it never leaks to the
                    # next request that gets this pooled connection.
                    conn.execute(text("SELECT set_config(:k, :v, true)"), {"k": key, "v": value})
            yield conn

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


def migrate(url: str) -> None:
    """Brings the central store to the newest revision (run as the administrator, not the service)."""
    from alembic import command

    command.upgrade(alembic_config(url), "head")


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
