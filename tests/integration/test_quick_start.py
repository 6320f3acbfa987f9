"""The quick start (DB-API reads, no SQLAlchemy) answers as the full services do: who may log in, and the plain claims list."""

from __future__ import annotations

import pytest
from argon2 import PasswordHasher

from injury_desk.domain.errors import DomainError
from injury_desk.services.claim_list import ClaimQuery
from injury_desk.services.quick_start import OpeningLogin, QuickStart
from injury_desk.store import cipher, database, quick_read
from tests.conftest import claim_draft

# Three claims of one worker; listed newest accident first by default.
DATES = ("2026-10-01", "2026-11-01", "2026-09-15")
MASKED_ID = "110105********002X"  # 11010519491231002X: region and last four shown


@pytest.fixture
def claims(services, cw):
    """claim id by accident date"""
    return {day: services.claims.create(cw, claim_draft(accident_date=day, applicant_type="worker"))
            for day in DATES}


def _refused(login, *args):
    with pytest.raises(DomainError) as caught:
        login(*args)
    return caught.value.key


def test_login_is_the_login_service(quick, services, cw):
    assert quick.login("cw", "cw-pass-123") == cw
    assert quick.login("  cw ", "cw-pass-123") == services.auth.login("  cw ", "cw-pass-123") == cw
    for username, password in (("cw", "wrong-password"), ("nobody", "cw-pass-123"), ("CW", "cw-pass-123")):
        assert _refused(quick.login, username, password) == "auth.invalid_credentials"
        assert _refused(services.auth.login, username, password) == "auth.invalid_credentials"


def test_inactive_and_deleted_users_are_refused_by_both(db, quick, services):
    con = db.raw_connection()
    with con:
        con.execute("UPDATE users SET active = 0 WHERE username = 'cw2'")
        con.execute("UPDATE users SET deleted = 1 WHERE username = 'sup'")
    con.close()
    for username, password in (("cw2", "cw2-pass-123"), ("sup", "sup-pass-123")):
        assert _refused(quick.login, username, password) == "auth.invalid_credentials"
        assert _refused(services.auth.login, username, password) == "auth.invalid_credentials"
        assert quick.begin_login(username, password).candidate is None
    assert quick.login("adm", "adm-pass-123").role == "administrator"


def test_a_pending_login_confirms_or_refuses_in_the_background(quick, cw):
    good = quick.begin_login("cw", "cw-pass-123")
    assert good.candidate == cw
    assert good.result() == cw
    wrong = quick.begin_login("cw", "not-the-password")
    assert wrong.candidate == cw  # who it would be; the window stays hidden until result()
    assert _refused(wrong.result) == "auth.invalid_credentials"
    unknown = quick.begin_login("nobody", "whatever-1")
    assert unknown.candidate is None
    assert _refused(unknown.result) == "auth.invalid_credentials"


def test_the_plain_claims_list_comes_in_the_services_order(quick, services, cw, sup, claims):
    newest_first = [claims["2026-11-01"], claims["2026-10-01"], claims["2026-09-15"]]
    rows = quick.claims_page(cw, ClaimQuery(), 0, 200)
    assert [r.claim_id for r in rows] == newest_first
    assert {r.id_number for r in rows} == {MASKED_ID}
    assert [r.accident_date.isoformat() for r in rows] == ["2026-11-01", "2026-10-01", "2026-09-15"]
    oldest_first = ClaimQuery(sort="accident_date", descending=False)
    assert [r.claim_id for r in quick.claims_page(cw, oldest_first, 0, 200)] == newest_first[::-1]
    assert [r.claim_id for r in quick.claims_page(cw, ClaimQuery(), 1, 1)] == [claims["2026-10-01"]]
    for sort in ("claim_no", "worker_name", "id_number", "employer_name", "accident_date", "status",
                 "next_deadline"):
        for descending in (False, True):
            query = ClaimQuery(sort=sort, descending=descending)
            assert quick.claims_page(cw, query, 0, 200) == services.claim_list.first_page(cw, query, 200)[0]
            assert quick.claims_page(cw, query, 1, 2) == services.claim_list.page(cw, query, 1, 2)

    services.claims.delete(sup, claims["2026-10-01"])
    assert [r.claim_id for r in quick.claims_page(cw, ClaimQuery(), 0, 200)] == [
        claims["2026-11-01"], claims["2026-09-15"]]
    with pytest.raises(ValueError):
        quick.claims_page(cw, ClaimQuery(text="张"), 0, 200)  # filters are the full service's work


def test_no_quick_start_for_a_new_or_older_database(tmp_path, db):
    assert QuickStart.open(tmp_path / "empty") is None
    con = db.raw_connection()
    with con:
        con.execute("UPDATE alembic_version SET version_num = '0002'")
    con.close()
    assert QuickStart.open(db.path.parent) is None  # open_database migrates it, after a backup


def test_a_foreign_or_broken_file_is_refused_before_any_read(tmp_path):
    foreign = tmp_path / "foreign"
    foreign.mkdir()
    con = cipher.connect(foreign / quick_read.DB_FILENAME, None)  # a plain file of another program
    con.execute("CREATE TABLE notes (body TEXT)")
    con.close()
    with pytest.raises(DomainError) as caught:
        QuickStart.open(foreign)
    assert caught.value.key == "store.foreign_database"
    text = tmp_path / "text"
    text.mkdir()
    (text / quick_read.DB_FILENAME).write_text("not a database at all")
    with pytest.raises(DomainError) as caught:
        QuickStart.open(text)
    assert caught.value.key == "store.not_a_database"


def test_the_quick_start_reads_the_database_the_services_open(quick, cw):
    assert quick_read.DB_FILENAME == database.DB_FILENAME
    assert quick.has_users()
    services = quick.open_services()
    try:
        assert services.auth.login("cw", "cw-pass-123") == cw
        assert services.ctx.db.path == quick.path
    finally:
        services.close()


def test_opening_in_the_background_gives_the_quick_start_and_its_login(db, cw, tmp_path):
    opening = OpeningLogin(db.path.parent, "cw", "cw-pass-123")
    quick, login = opening.result()
    try:
        assert login.candidate == cw and login.result() == cw
    finally:
        quick.close()
    assert OpeningLogin(tmp_path / "empty", "cw", "cw-pass-123").result() == (None, None)  # to be created first
    text = tmp_path / "text"
    text.mkdir()
    (text / quick_read.DB_FILENAME).write_text("not a database at all")
    with pytest.raises(DomainError) as caught:  # raised to the caller, as QuickStart.open raises it
        OpeningLogin(text, "cw", "cw-pass-123").result()
    assert caught.value.key == "store.not_a_database"


def _damage_root_page(db, table: str) -> None:
    """Overwrite the middle of ``table``'s first page: SQLCipher's HMAC of that page no longer matches."""
    con = db.raw_connection()
    try:
        page_size = int(con.execute("PRAGMA page_size").fetchone()[0])
        root = con.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (table,)).fetchone()[0]
    finally:
        con.close()
    db.dispose()
    with db.path.open("r+b") as f:
        f.seek((root - 1) * page_size + 1024)
        f.write(b"\xff" * 1024)


@pytest.fixture
def more_claims(services, cw):
    for day in DATES:
        services.claims.create(cw, claim_draft(accident_date=day, applicant_type="worker"))


def test_a_damaged_page_found_beside_the_login_stops_the_start(db, more_claims, cw):
    _damage_root_page(db, "audit_events")  # a table every start reads (store/location.py STARTUP_CHECK_TABLES)
    opening = OpeningLogin(db.path.parent, "cw", "cw-pass-123")
    quick, login = opening.result()  # the login row is on an intact page: the read succeeds
    assert login.result() == cw
    with pytest.raises(DomainError) as caught:
        opening.confirm()
    assert caught.value.key == "store.damaged"


def test_damage_elsewhere_is_found_when_the_services_open(db, more_claims, cw):
    # The quick start checks the tables every start reads; the full services, which alone write, check a small
    # database whole when they open (right after the first paint), so the claims table's damage stops them.
    _damage_root_page(db, "claims")
    opening = OpeningLogin(db.path.parent, "cw", "cw-pass-123")
    quick, login = opening.result()
    opening.confirm()
    assert login.result() == cw
    try:
        with pytest.raises(DomainError) as caught:
            quick.open_services()
        assert caught.value.key == "store.damaged"
    finally:
        quick.close()


def test_new_passwords_get_the_login_parameters_and_older_hashes_still_verify(db, services, adm):
    # argon2id hashes record their parameters: "$argon2id$v=19$m=19456,t=2,p=1$..." for OWASP's m=19 MiB, t=2, p=1
    services.auth.create_user(adm, username="newcomer", display_name="New", role="caseworker",
                              password="newcomer-pass-1")
    con = db.raw_connection()
    try:
        new_hash = con.execute("SELECT password_hash FROM users WHERE username = 'newcomer'").fetchone()[0]
        assert new_hash.startswith("$argon2id$v=19$m=19456,t=2,p=1$")
        # a user whose hash was made by an earlier version with argon2-cffi's defaults (m=64 MiB, t=3, p=4)
        older = PasswordHasher(time_cost=3, memory_cost=65536, parallelism=4).hash("older-pass-12")
        with con:
            con.execute("UPDATE users SET password_hash = ? WHERE username = 'cw'", (older,))
    finally:
        con.close()
    assert services.auth.login("newcomer", "newcomer-pass-1").username == "newcomer"
    assert services.auth.login("cw", "older-pass-12").username == "cw"
    assert _refused(services.auth.login, "cw", "cw-pass-123") == "auth.invalid_credentials"
