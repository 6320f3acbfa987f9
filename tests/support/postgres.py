"""A fresh PostgreSQL database per test on the machine's server (skips locally without one; fails in CI)."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from sqlalchemy.engine import make_url

DEFAULT_ADMIN_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"


def admin_url() -> str:
    return os.environ.get("INJURY_DESK_TEST_PG_URL") or DEFAULT_ADMIN_URL


def _connect(url: str):
    import psycopg

    u = make_url(url)
    return psycopg.connect(host=u.host or "127.0.0.1", port=u.port or 5432, user=u.username or "postgres",
                           dbname=u.database or "postgres", autocommit=True, connect_timeout=3)


def require_server() -> None:
    try:
        _connect(admin_url()).close()
    except Exception as exc:  # any failure to reach the server
        message = f"no PostgreSQL server reachable at {admin_url()}: {type(exc).__name__}: {exc}"
        if os.environ.get("CI") == "true":
            pytest.fail(message + " (CI=true: PostgreSQL tests must run)")
        pytest.skip(message)


@contextmanager
def fresh_database() -> Iterator[tuple[str, str]]:
    """(administrator URL, service-role URL) of a new database, dropped afterwards."""
    require_server()
    name = f"injury_desk_t_{uuid.uuid4().hex[:12]}"
    con = _connect(admin_url())
    try:
        con.execute(f'CREATE DATABASE "{name}"')
    finally:
        con.close()
    admin = make_url(admin_url()).set(database=name)
    service = admin.set(username="injury_desk_service", password=None)
    try:
        yield admin.render_as_string(hide_password=False), service.render_as_string(hide_password=False)
    finally:
        con = _connect(admin_url())
        try:
            con.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        finally:
            con.close()
