"""Two desktops of one office sync through the real central service (SQLite and PostgreSQL stores)."""

from __future__ import annotations

import keyring
import pytest

from injury_desk.domain.errors import DomainError, ValidationFailed
from injury_desk.store.models import OutboxEntry
from injury_desk.sync.device_secret import SERVICE_NAME
from tests.conftest import employer_data
from tests.sync.conftest import PASSWORD


def pending(desktop) -> int:
    with desktop.db.read() as s:
        return s.query(OutboxEntry).filter(OutboxEntry.state == "pending").count()


def test_enrolment_brings_the_office_and_its_users_down_so_a_caseworker_can_log_in(central, desktops):
    central.add_office("GZ01")
    a = desktops(central, "GZ01", "a", login=None)
    actor = a.login("cw.gz01")  # the password hash came down with the user
    assert actor.office_code == "GZ01"
    status = a.services.sync.status(actor)
    assert status.enrolled and status.central_url == central.url and len(status.device_tag) == 4
    assert status.pending == 0


def test_a_change_on_one_desktop_reaches_the_other_and_the_queue_empties(central, desktops):
    central.add_office("GZ01")
    a = desktops(central, "GZ01", "a")
    b = desktops(central, "GZ01", "b")
    employer_id = a.services.employers.create(a.actor, employer_data())
    assert pending(a) == 1
    report = a.services.sync.sync_now(a.actor)
    assert (report.pushed, report.applied, report.state_ok) == (1, 1, True)
    assert pending(a) == 0
    report = b.services.sync.sync_now(b.actor)
    assert report.state_ok is True
    seen = b.services.employers.get(b.actor, employer_id)
    assert seen.name == employer_data()["name"] and seen.risk_class == 3


def test_the_credential_lives_in_the_keyring_only(central, desktops):
    central.add_office("GZ01")
    a = desktops(central, "GZ01", "a")
    # Read back from the real Secret Service (GNOME Keyring) the tests run with.
    secret = keyring.get_password(SERVICE_NAME, f"{a.db.device_id}@{a.db.setting('sync.central_url')}")
    assert secret is not None and len(secret) >= 32
    data = b"".join(p.read_bytes() for p in a.path.rglob("*") if p.is_file())
    assert secret.encode() not in data


def test_plain_http_to_another_machine_is_refused_unless_an_administrator_allows_it(tmp_path):
    from injury_desk.services.container import Services
    from injury_desk.services.context import ServiceContext
    from injury_desk.store.database import open_database

    services = Services.build(ServiceContext(db=open_database(tmp_path / "d")))
    try:
        with pytest.raises(ValidationFailed) as err:
            services.sync.enrol(None, "http://sync.example.org", "GZ01-0123456789ABCDEF")
        assert err.value.errors[0].field == "central_url"
        assert err.value.errors[0].rule == "sync.url_insecure"
        with pytest.raises(DomainError) as err2:  # only an administrator may allow it
            services.sync.enrol(None, "http://sync.example.org", "GZ01-0123456789ABCDEF", allow_insecure_http=True)
        assert err2.value.key == "permission.denied"
        assert not services.sync.is_enrolled()
    finally:
        services.close()


def test_a_used_enrolment_code_is_refused(central, desktops, tmp_path):
    from injury_desk.services.container import Services
    from injury_desk.services.context import ServiceContext
    from injury_desk.store.database import open_database

    central.add_office("GZ01")
    code = central.code("GZ01")
    first = Services.build(ServiceContext(db=open_database(tmp_path / "first")))
    second = Services.build(ServiceContext(db=open_database(tmp_path / "second")))
    try:
        first.sync.enrol(None, central.url, code)
        with pytest.raises(ValidationFailed) as err:
            second.sync.enrol(None, central.url, code)
        assert err.value.errors[0].field == "code"
        assert not second.sync.is_enrolled()
    finally:
        first.close()
        second.close()


def test_tokens_expire_and_the_desktop_fetches_a_fresh_one(central, desktops):
    from datetime import datetime, timedelta, timezone

    import httpx
    from sqlalchemy import update

    from injury_desk.central.tables import tokens

    central.add_office("GZ01")
    a = desktops(central, "GZ01", "a")
    transport = a.services.sync._transport()
    old = transport._token_header()
    with central.admin.transaction() as conn:
        conn.execute(update(tokens).values(expires_at=datetime.now(timezone.utc) - timedelta(seconds=1)))
    r = httpx.get(f"{central.url}/v1/state", headers=old)
    assert (r.status_code, r.json()["error"]) == (401, "central.token_invalid")
    a.services.employers.create(a.actor, employer_data())
    report = a.services.sync.sync_now(a.actor)  # the 401 is answered with one fresh token
    assert report.applied == 1 and report.state_ok
    assert transport._token_header() != old


def test_a_desktop_whose_enrolment_reply_was_lost_enrols_again_with_a_new_code(central, tmp_path, monkeypatch):
    from injury_desk.services.container import Services
    from injury_desk.services.context import ServiceContext
    from injury_desk.store.database import open_database
    from injury_desk.sync import http_transport
    from injury_desk.sync.errors import SyncError

    central.add_office("GZ01")
    services = Services.build(ServiceContext(db=open_database(tmp_path / "d")))
    real = http_transport.HttpTransport.enrol

    def reply_lost(*args, **kw):
        real(*args, **kw)  # the service commits the enrolment; the answer never arrives
        raise SyncError("sync.network", retryable=True, url="x", reason="ReadError")

    monkeypatch.setattr(http_transport.HttpTransport, "enrol", staticmethod(reply_lost))
    try:
        with pytest.raises(DomainError) as err:
            services.sync.enrol(None, central.url, central.code("GZ01"))
        assert err.value.key == "sync.enrol_network" and not services.sync.is_enrolled()
        monkeypatch.setattr(http_transport.HttpTransport, "enrol", staticmethod(real))
        tag = services.sync.enrol(None, central.url, central.code("GZ01"))
        assert services.sync.first_pull(None).state_ok
        assert len(tag) == 4
    finally:
        services.close()


def test_a_device_switched_off_centrally_is_refused_at_once(central, desktops):
    from sqlalchemy import update

    from injury_desk.central.tables import devices

    central.add_office("GZ01")
    a = desktops(central, "GZ01", "a")
    with central.admin.transaction() as conn:
        conn.execute(update(devices).values(active=False))
    with pytest.raises(DomainError) as err:
        a.services.sync.sync_now(a.actor)
    assert err.value.key == "central.device_unknown"


def test_changing_the_plain_http_rule_during_a_sync_does_not_break_it(central, desktops):
    central.add_office("GZ01", users=(("cw", "caseworker"), ("adm", "administrator")))
    a = desktops(central, "GZ01", "a")
    a.services.employers.create(a.actor, employer_data())
    admin = a.services.auth.login("adm.gz01", "correct-horse-1")
    changed = []

    def progress(phase, done, total):
        if not changed:  # the administrator ticks the box on the GUI thread while the sync runs
            changed.append(phase)
            a.services.sync.set_insecure_http(admin, False)

    report = a.services.sync.sync_now(a.actor, progress)
    assert changed and report.state_ok and report.applied == 1


def test_a_caseworker_cannot_restore_a_deleted_claim_through_sync(central, desktops):
    from tests.sync.test_conflicts import central_row, shared_claim

    central.add_office("GZ01")
    sup, cw = desktops(central, "GZ01", "sup", login="sup"), desktops(central, "GZ01", "cw")
    claim_id = shared_claim(sup, cw)
    sup.services.claims.delete(sup.actor, claim_id)
    sup.services.sync.sync_now(sup.actor)
    cw.services.sync.sync_now(cw.actor)
    from injury_desk.store.models import Claim

    with cw.db.write(None, "test.restore") as s:  # an old client that lets a caseworker undelete
        s.info["actor"] = {"user_id": cw.actor.user_id, "office_id": cw.actor.office_id}
        s.get(Claim, claim_id).deleted = False
    report = cw.services.sync.sync_now(cw.actor)
    assert report.rejected == 1
    assert cw.services.sync.rejected(cw.actor)[0].reason_key == "sync.not_permitted"
    assert central_row(central, "claims", claim_id)["deleted"] is True


# ---------------------------------------------------------------- enrolment refused or failed


def _keyring_entries() -> int:
    """How many of the application's secrets (database, audit and device keys) the test keyring holds."""
    import secretstorage

    with secretstorage.dbus_init() as conn:
        items = secretstorage.get_default_collection(conn).get_all_items()
        return sum(i.get_attributes().get("service", "").startswith("injury-desk-") for i in items)


class _OtherShape:
    """An HTTP server on loopback that answers every request 200 with JSON of another shape (a proxy's page)."""

    def __enter__(self):
        import http.server
        import threading

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_POST(self):
                self.rfile.read(int(self.headers.get("Content-Length") or 0))
                body = b'{"x": 1}'
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        self.server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()


def test_a_failed_cli_enrolment_exits_2_naming_the_problem_and_leaves_no_database_or_key(central, tmp_path):
    from tests.e2e.test_data_safety import cli
    from tests.support.central_server import free_port

    central.add_office("GZ01")
    used = central.code("GZ01")
    assert cli("sync", "enrol", central.url, used, data_dir=tmp_path / "first").returncode == 0
    before = _keyring_entries()
    with _OtherShape() as other:
        cases = [
            ((central.url, "garbage"), 'code: field.too_short {"min": 8}'),  # refused before anything is sent
            (("http://[::1", "GZ01-0123456789"), "central_url: sync.url_invalid"),
            (("http://127.0.0.1:99999", "GZ01-0123456789"), "central_url: sync.url_invalid"),
            ((central.url, used), "code: central.enrolment_code"),
            ((central.url, "GZ01-MISTYPED0000"), "code: central.enrolment_code"),
            ((f"http://127.0.0.1:{free_port()}", "GZ01-0123456789"), "sync.enrol_network"),
            ((other.url, "GZ01-0123456789"), "sync.bad_reply"),  # a 200 of another shape is no enrolment
        ]
        for n, (arguments, said) in enumerate(cases):
            folder = tmp_path / f"d{n}"
            done = cli("sync", "enrol", *arguments, data_dir=folder)
            assert (done.returncode, said in done.stderr) == (2, True), (arguments, done.stderr)
            assert "Traceback" not in done.stderr and "internal" not in done.stderr
            assert not folder.exists(), (arguments, sorted(p.name for p in folder.rglob("*")))
    assert _keyring_entries() == before
    existing = tmp_path / "existing"
    existing.mkdir()
    done = cli("sync", "enrol", central.url, "GZ01-MISTYPED0000", data_dir=existing)
    assert done.returncode == 2 and sorted(existing.iterdir()) in ([], [existing / "running"])
    assert _keyring_entries() == before
    # With no database there, `sync now` says so (not that the service refused a credential).
    done = cli("sync", "now", data_dir=existing, env={"INJURY_DESK_USER": "x", "INJURY_DESK_PASSWORD": "y"})
    assert done.returncode == 2 and "store.no_database" in done.stderr


def test_a_reply_of_another_shape_to_a_token_or_enrol_request_is_a_bad_reply(central, desktops, tmp_path,
                                                                            monkeypatch):
    import httpx

    from injury_desk.services.container import Services
    from injury_desk.services.context import ServiceContext
    from injury_desk.store.database import open_database

    central.add_office("GZ01")
    a = desktops(central, "GZ01", "a")
    fresh = Services.build(ServiceContext(db=open_database(tmp_path / "fresh")))
    code = central.code("GZ01")
    a.services.sync.close()  # the next sync asks for a new token
    real = httpx.Client
    proxy = httpx.MockTransport(lambda request: httpx.Response(200, json={"x": 1}))
    monkeypatch.setattr(httpx, "Client", lambda **kw: real(transport=proxy, **kw))
    try:
        with pytest.raises(DomainError) as err:
            a.services.sync.sync_now(a.actor)
        assert err.value.key == "sync.bad_reply"
        with pytest.raises(DomainError) as err:
            fresh.sync.enrol(None, central.url, code)
        assert err.value.key == "sync.bad_reply" and not fresh.sync.is_enrolled()
    finally:
        fresh.close()


def test_a_code_of_another_office_is_refused_without_using_it_up(central, tmp_path):
    from sqlalchemy import func, select

    from injury_desk.central.tables import devices, enrolment_codes
    from injury_desk.services.bootstrap import create_office
    from injury_desk.services.container import Services
    from injury_desk.services.context import ServiceContext
    from injury_desk.store.database import open_database

    central.add_office("GZ01")
    code = central.code("GZ01")
    holder = Services.build(ServiceContext(db=open_database(tmp_path / "holder")))
    newcomer = Services.build(ServiceContext(db=open_database(tmp_path / "newcomer")))
    try:
        create_office(holder.ctx, code="FZ01", name="Another office", region="example",
                      users=[{"username": "boss", "display_name": "Boss", "role": "administrator",
                              "password": PASSWORD}])
        boss = holder.auth.login("boss", PASSWORD)
        with pytest.raises(DomainError) as err:
            holder.sync.enrol(boss, central.url, code)
        assert (err.value.key, err.value.params["office"]) == ("sync.enrol_other_office", "GZ01")
        assert not holder.sync.is_enrolled()
        with central.admin.transaction(write=False) as conn:
            assert conn.execute(select(enrolment_codes.c.used_by)).scalars().all() == [None]
            assert conn.execute(select(func.count()).select_from(devices)).scalar() == 0
        with pytest.raises(DomainError) as err:  # refused again, the same way: nothing changed
            holder.sync.enrol(boss, central.url, code)
        assert err.value.key == "sync.enrol_other_office"
        assert newcomer.sync.enrol(None, central.url, code)  # the code still enrols the desktop it was meant for
    finally:
        holder.close()
        newcomer.close()


def test_a_desktop_the_service_no_longer_knows_enrols_again_and_keeps_its_unsent_changes(central, desktops):
    from sqlalchemy import update

    from injury_desk.central.tables import devices

    central.add_office("GZ01")
    a = desktops(central, "GZ01", "a")
    supervisor = a.services.auth.login("sup.gz01", PASSWORD)
    tag = a.services.sync.status(a.actor).device_tag
    with pytest.raises(DomainError) as err:  # a desktop the service knows is enrolled already
        a.services.sync.enrol(supervisor, central.url, central.code("GZ01"))
    assert err.value.key == "sync.already_enrolled"
    with central.admin.transaction() as conn:
        conn.execute(update(devices).values(active=False))  # switched off centrally
    employer_id = a.services.employers.create(a.actor, employer_data())
    a.services.sync.close()
    with pytest.raises(DomainError) as err:
        a.services.sync.sync_now(a.actor)
    assert err.value.key == "central.device_unknown"
    assert a.services.sync.enrol(supervisor, central.url, central.code("GZ01")) == tag
    report = a.services.sync.sync_now(a.actor)
    assert (report.pushed, report.applied, report.state_ok) == (1, 1, True) and pending(a) == 0
    assert a.services.employers.get(a.actor, employer_id).name == employer_data()["name"]


def test_a_malformed_address_and_a_short_code_are_named_together(tmp_path):
    from tests.e2e.test_data_safety import cli

    folder = tmp_path / "d"
    done = cli("sync", "enrol", "http://[::1", "garbage", data_dir=folder)
    assert done.returncode == 2, done.stderr
    # Both fields at once, each with its rule: the user corrects them in one go, not one per attempt.
    assert "central_url: sync.url_invalid" in done.stderr
    assert 'code: field.too_short {"min": 8}' in done.stderr
    assert "Traceback" not in done.stderr and not folder.exists()


def test_enrolling_again_under_another_address_removes_the_credential_kept_for_the_old_one(central, desktops):
    from sqlalchemy import update

    from injury_desk.central.tables import devices

    central.add_office("GZ01")
    a = desktops(central, "GZ01", "a")
    supervisor = a.services.auth.login("sup.gz01", PASSWORD)
    device, old = a.db.device_id, central.url
    renamed = old.replace("127.0.0.1", "localhost")  # the same service under the name it is given now
    assert keyring.get_password(SERVICE_NAME, f"{device}@{old}")
    with central.admin.transaction() as conn:
        conn.execute(update(devices).values(active=False))  # switched off centrally: the desktop enrols again
    a.services.sync.close()
    a.services.sync.enrol(supervisor, renamed, central.code("GZ01"))
    assert a.services.sync.status(a.actor).central_url == renamed
    assert keyring.get_password(SERVICE_NAME, f"{device}@{renamed}")
    assert keyring.get_password(SERVICE_NAME, f"{device}@{old}") is None  # nothing reads it any more
    assert a.services.sync.sync_now(a.actor).state_ok


def test_an_old_credential_the_keyring_will_not_remove_is_reported_not_silently_kept(central, desktops, monkeypatch,
                                                                                   capsys):
    from sqlalchemy import select, update

    from injury_desk.central.tables import devices
    from injury_desk.cli import main
    from injury_desk.store import secrets
    from injury_desk.store.models import AuditEvent
    from injury_desk.sync.errors import SyncError
    from injury_desk.sync.http_transport import HttpTransport

    central.add_office("GZ01")
    a = desktops(central, "GZ01", "a")
    supervisor = a.services.auth.login("sup.gz01", PASSWORD)
    device, old = a.db.device_id, central.url
    renamed = old.replace("127.0.0.1", "localhost")
    with central.admin.transaction() as conn:
        conn.execute(update(devices).values(active=False))
    a.services.sync.close()

    def locked(service, account):
        raise secrets.KeyringError("keyring.error", reason="the keyring is locked")

    real_delete = secrets.delete_secret
    monkeypatch.setattr(secrets, "delete_secret", locked)
    a.services.sync.enrol(supervisor, renamed, central.code("GZ01"))
    # Enrolled under the new address all the same, and it syncs ...
    status = a.services.sync.status(a.actor)
    assert status.central_url == renamed and keyring.get_password(SERVICE_NAME, f"{device}@{renamed}")
    # ... but the status names the credential left behind and why, and the audit log keeps it.
    assert keyring.get_password(SERVICE_NAME, f"{device}@{old}")
    assert status.old_credentials == {old: "the keyring is locked"}
    with a.db.read() as s:
        actions = s.scalars(select(AuditEvent.action)).all()
    assert "sync.old_credential_kept" in actions
    # A sync that goes through tries again: the notice stays while the keyring still refuses; a failed sync
    # (offline) in between does not make it forget (it was kept in the last error, which that replaced).
    assert a.services.sync.sync_now(a.actor).state_ok
    real_pull = HttpTransport.pull

    def offline(*_args):
        raise SyncError("sync.network", url=renamed, reason="offline")

    monkeypatch.setattr(HttpTransport, "pull", offline)
    with pytest.raises(DomainError):
        a.services.sync.sync_now(a.actor)
    monkeypatch.setattr(HttpTransport, "pull", real_pull)
    assert a.services.sync.status(a.actor).old_credentials == {old: "the keyring is locked"}
    # `sync status` says both in words (it printed the last error as raw JSON).
    monkeypatch.setenv("INJURY_DESK_USER", "cw.gz01")
    monkeypatch.setenv("INJURY_DESK_PASSWORD", PASSWORD)
    capsys.readouterr()
    assert main(["--data-dir", str(a.path), "sync", "status"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert f'last error: sync.network {{"url": "{renamed}", "reason": "offline"}}: Cannot reach the central service ' \
        f"at {renamed} (offline). Your changes are kept and will be sent later." in out
    assert (f"old credential kept: The credential kept for the old address {old} is still in the keyring: it could "
            "not be removed (the keyring is locked). The central service no longer accepts it; remove it in the "
            "system's credential manager.") in out
    # ... and it goes once the old credential is removed.
    monkeypatch.setattr(secrets, "delete_secret", real_delete)
    assert a.services.sync.sync_now(a.actor).state_ok
    assert a.services.sync.status(a.actor).old_credentials == {}
    assert keyring.get_password(SERVICE_NAME, f"{device}@{old}") is None
    assert keyring.get_password(SERVICE_NAME, f"{device}@{renamed}")
