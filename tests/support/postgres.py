"""A fresh PostgreSQL database per test on the machine's server (skips locally without one; fails in CI)."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from sqlalchemy.engine import make_url

DEFAULT_ADMIN_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
SERVICE_ROLE = "injury_desk_service"
# The one password the tests give the service role: roles are shared by the whole server, so every test (and
# every `central migrate` a test runs) sets the same one, and a test running meanwhile keeps logging in.
SERVICE_PASSWORD = "injury-desk-test-service-role"


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


def ensure_service_password() -> None:
    """The service role (cluster-wide; migration c0002 makes it too) logs in with SERVICE_PASSWORD, as
    `central migrate` sets it: CI's server asks it for that password (scram-sha-256, see .ci/run)."""
    con = _connect(admin_url())
    try:
        con.execute(f"""DO $$ BEGIN
            IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{SERVICE_ROLE}') THEN
                BEGIN
                    CREATE ROLE {SERVICE_ROLE} LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
                EXCEPTION WHEN duplicate_object THEN NULL;
                END;
            END IF;
        END $$""")
        verifier = con.pgconn.encrypt_password(SERVICE_PASSWORD.encode(), SERVICE_ROLE.encode(), b"scram-sha-256")
        con.execute(f"ALTER ROLE {SERVICE_ROLE} PASSWORD '{verifier.decode()}'")
    finally:
        con.close()


def password_required(role: str = SERVICE_ROLE) -> bool:
    """Whether the server refuses ``role`` without its password on the test URL's host (no trust rule for it)."""
    import psycopg

    u = make_url(admin_url())
    try:
        psycopg.connect(host=u.host or "127.0.0.1", port=u.port or 5432, user=role, dbname=u.database or "postgres",
                        password="", connect_timeout=3).close()
    except psycopg.OperationalError as exc:
        return "password" in str(exc)
    return False


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
    ensure_service_password()
    admin = make_url(admin_url()).set(database=name)
    service = admin.set(username=SERVICE_ROLE, password=SERVICE_PASSWORD)
    try:
        yield admin.render_as_string(hide_password=False), service.render_as_string(hide_password=False)
    finally:
        con = _connect(admin_url())
        try:
            con.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        finally:
            con.close()
