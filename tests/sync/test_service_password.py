"""The service role logs in with a password `central migrate` sets from an environment variable (stored as a
SCRAM-SHA-256 verifier), and the PostgreSQL tests log in with it under password authentication."""

from __future__ import annotations

import os
import subprocess
import sys

import psycopg
import pytest
from sqlalchemy.engine import make_url

from tests.support.postgres import SERVICE_PASSWORD, SERVICE_ROLE, admin_url, fresh_database, password_required

pytestmark = [pytest.mark.postgres, pytest.mark.slow]


def migrate(store: str, tmp_path, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "injury_desk", "--data-dir", str(tmp_path), "central", "migrate",
                           "--store", store], env={**os.environ, **env}, capture_output=True, text=True, timeout=300)


def connect(url: str, password: str):
    u = make_url(url)
    return psycopg.connect(host=u.host or "127.0.0.1", port=u.port or 5432, user=SERVICE_ROLE, dbname=u.database,
                           password=password, connect_timeout=3)


def stored_verifier(url: str) -> str:
    u = make_url(url)
    with psycopg.connect(host=u.host or "127.0.0.1", port=u.port or 5432, user=u.username or "postgres",
                         dbname=u.database, connect_timeout=3) as con:
        return con.execute("SELECT rolpassword FROM pg_authid WHERE rolname = %s", (SERVICE_ROLE,)).fetchone()[0]


def test_migrate_sets_the_service_password_from_the_environment(tmp_path):
    with fresh_database() as (admin, _service):
        done = migrate(admin, tmp_path, INJURY_DESK_SERVICE_PASSWORD=SERVICE_PASSWORD)
        assert done.returncode == 0, done.stderr
        assert "password set from INJURY_DESK_SERVICE_PASSWORD" in done.stdout
        assert SERVICE_PASSWORD not in done.stdout + done.stderr
        verifier = stored_verifier(admin)
        assert verifier.startswith("SCRAM-SHA-256$4096:") and SERVICE_PASSWORD not in verifier
        connect(admin, SERVICE_PASSWORD).close()
        if password_required():
            with pytest.raises(psycopg.OperationalError, match="password"):
                connect(admin, "not-the-password-at-all").close()
        # The name of the variable may be chosen; the password is never an argument.
        named = subprocess.run([sys.executable, "-m", "injury_desk", "--data-dir", str(tmp_path), "central", "migrate",
                                "--store", admin, "--service-password-env", "MY_SECRET"],
                               env={**os.environ, "MY_SECRET": SERVICE_PASSWORD}, capture_output=True, text=True,
                               timeout=300)
        assert named.returncode == 0 and "password set from MY_SECRET" in named.stdout
        help_text = subprocess.run([sys.executable, "-m", "injury_desk", "central", "migrate", "--help"],
                                   capture_output=True, text=True, timeout=120).stdout
        assert "--service-password-env" in help_text and "--password " not in help_text


def test_a_short_service_password_is_refused_and_nothing_is_migrated(tmp_path):
    with fresh_database() as (admin, _service):
        done = migrate(admin, tmp_path, INJURY_DESK_SERVICE_PASSWORD="short")
        assert done.returncode == 2
        assert "error: central.service_password" in done.stderr and "nothing was changed" in done.stderr
        u = make_url(admin)
        with psycopg.connect(host=u.host or "127.0.0.1", port=u.port or 5432, user=u.username or "postgres",
                             dbname=u.database, connect_timeout=3) as con:
            assert con.execute("SELECT to_regclass('alembic_version')").fetchone()[0] is None


def test_the_postgresql_tests_log_in_as_the_service_role_with_its_password():
    """CI's server asks the service role for its password (scram-sha-256; .ci/run adds the rule), so every
    PostgreSQL sync test proves the service runs with password authentication."""
    if not password_required():
        message = (f"the server at {admin_url()} lets {SERVICE_ROLE} in without a password (a trust rule); "
                   ".ci/run adds a scram-sha-256 rule for it")
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    with fresh_database() as (admin, service):
        assert make_url(service).password == SERVICE_PASSWORD
        connect(admin, SERVICE_PASSWORD).close()
