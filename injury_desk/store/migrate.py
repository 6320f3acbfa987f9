"""Runs the Alembic migrations of the local database (and of the embedded central store)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from injury_desk.store import cipher

if TYPE_CHECKING:
    from sqlalchemy import Engine

MIGRATIONS_DIR = Path(__file__).with_name("migrations")
# The newest revision, so start-up can tell "nothing to do" without loading Alembic (a test keeps
# this equal to the head Alembic computes from the scripts).
HEAD_REVISION = "0017_i19_state_log"


def alembic_config(url: str):
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.set_main_option("sqlalchemy.url", url)
    return cfg


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config("sqlite://")).get_current_head()


def current_revision(path: Path, key: bytes | None) -> str | None:
    """The revision stamped in the database, read directly (None for a new or unstamped file)."""
    if not path.exists():
        return None
    # Read-only: asking for the revision must not create the file, nor checkpoint a journal on closing.
    con = cipher.connect(path, key, read_only=True)
    try:
        has_table = con.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'").fetchone()
        if not has_table:
            return None
        row = con.execute("SELECT version_num FROM alembic_version").fetchone()
        return row[0] if row else None
    finally:
        con.close()


def needs_upgrade(path: Path, key: bytes | None) -> bool:
    return current_revision(path, key) != HEAD_REVISION


def _keyed_engine(path: Path, key: bytes | None, **kwargs) -> Engine:
    """SQLAlchemy's SQLite dialect on the SQLCipher driver, each new connection keyed before anything else
    (migrations use this bare form; the application's engines are store.database.make_engine's)."""
    from sqlalchemy import create_engine, event

    engine = create_engine(f"sqlite:///{path}", module=cipher.sqlite,
                           creator=lambda: cipher.sqlite.connect(str(path), check_same_thread=False), **kwargs)
    event.listen(engine, "connect", lambda dbapi_con, _record: cipher.apply_key(dbapi_con, key))
    return engine


def _run(command_name: str, path: Path, key: bytes | None, revision: str) -> None:
    from alembic import command
    from sqlalchemy import pool

    cfg = alembic_config(f"sqlite:///{path}")
    # The migration environment uses this engine, so Alembic reads and writes through SQLCipher with the key.
    engine = _keyed_engine(path, key, poolclass=pool.NullPool)
    cfg.attributes["engine"] = engine
    try:
        getattr(command, command_name)(cfg, revision)
    finally:
        engine.dispose()


def upgrade(path: Path, key: bytes | None, revision: str = "head") -> None:
    if revision == "head" and path.exists() and not needs_upgrade(path, key):
        return
    _run("upgrade", path, key, revision)


def downgrade(path: Path, key: bytes | None, revision: str) -> None:
    _run("downgrade", path, key, revision)
