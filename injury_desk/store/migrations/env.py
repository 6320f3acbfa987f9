"""Alembic environment: batch mode for SQLite, the models' metadata as the target."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine, pool

from injury_desk.store.models import Base

config = context.config
target_metadata = Base.metadata


def run_migrations_online() -> None:
    # The local database passes its keyed SQLCipher engine (store.migrate); a plain URL otherwise.
    engine = config.attributes.get("engine") or create_engine(config.get_main_option("sqlalchemy.url"),
                                                               poolclass=pool.NullPool)
    with engine.connect() as connection:
        if connection.dialect.name == "sqlite":
            connection.exec_driver_sql("PRAGMA foreign_keys=OFF")  # batch copies must not cascade
            connection.commit()  # end the autobegun transaction so Alembic's own one commits
        context.configure(
            connection=connection,
            target_metadata=target_metadata,
            render_as_batch=connection.dialect.name == "sqlite",
            compare_type=True,
        )
        with context.begin_transaction():
            context.run_migrations()
        connection.commit()
    engine.dispose()


if context.is_offline_mode():
    raise SystemExit("offline migrations are not supported")
run_migrations_online()
