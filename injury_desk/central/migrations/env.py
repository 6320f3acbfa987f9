"""Alembic environment of the central store (SQLite or PostgreSQL); runs as the administrator."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine, pool

config = context.config


def run_migrations_online() -> None:
    url = config.get_main_option("sqlalchemy.url")
    # An embedded store is migrated through the SQLite the store itself runs on (SQLCipher's copy), never the
    # standard module's: two copies of SQLite in one process do not see each other's locks (central_db.check_embedded).
    sqlite_module = None
    if url.startswith("sqlite"):
        from injury_desk.store.cipher import sqlite as sqlite_module
    engine = create_engine(url, poolclass=pool.NullPool, **({"module": sqlite_module} if sqlite_module else {}))
    with engine.connect() as connection:
        context.configure(connection=connection, target_metadata=None,
                          version_table="central_alembic_version")
        with context.begin_transaction():
            context.run_migrations()
        connection.commit()
    engine.dispose()


if context.is_offline_mode():
    raise SystemExit("offline migrations are not supported")
run_migrations_online()
