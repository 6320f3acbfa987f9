"""Runs the Alembic migrations of the local database (and of the embedded central store)."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine

MIGRATIONS_DIR = Path(__file__).with_name("migrations")


def alembic_config(url: str) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.set_main_option("sqlalchemy.url", url)
    return cfg


def head_revision() -> str:
    return ScriptDirectory.from_config(alembic_config("sqlite://")).get_current_head()


def current_revision(path: Path) -> str | None:
    engine = create_engine(f"sqlite:///{path}")
    try:
        with engine.connect() as conn:
            return MigrationContext.configure(conn).get_current_revision()
    finally:
        engine.dispose()


def needs_upgrade(path: Path) -> bool:
    return current_revision(path) != head_revision()


def upgrade(path: Path, revision: str = "head") -> None:
    command.upgrade(alembic_config(f"sqlite:///{path}"), revision)


def downgrade(path: Path, revision: str) -> None:
    command.downgrade(alembic_config(f"sqlite:///{path}"), revision)
