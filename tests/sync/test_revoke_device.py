"""`central list-devices` and `central revoke-device`: an administrator switches a lost desktop off without SQL."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from injury_desk.central.tables import central_audit, devices
from injury_desk.cli import main
from injury_desk.domain.errors import DomainError
from injury_desk.domain.identifiers import make_credit_code
from tests.conftest import employer_data
from tests.sync.conftest import PASSWORD


@pytest.fixture(autouse=True)
def no_store_in_environment(monkeypatch):
    monkeypatch.delenv("INJURY_DESK_CENTRAL_STORE", raising=False)


def run(central, tmp_path, *argv) -> int:
    try:
        return main(["central", *map(str, argv), "--store", central.admin_url, "--data-dir", str(tmp_path / "adm")])
    except SystemExit as exc:
        return exc.code


def listed(capsys) -> dict[str, str]:
    """Tag -> state, from `list-devices`' table."""
    return listed_from(capsys.readouterr().out)


def listed_from(out: str) -> dict[str, str]:
    lines = out.splitlines()
    assert lines[0].split()[:3] == ["TAG", "STATE", "LAST"]
    return {line.split()[0]: line.split()[1] for line in lines[1:]}


def test_a_revoked_desktop_stops_syncing_at_once_and_the_others_go_on(central, desktops, tmp_path, capsys):
    central.add_office("GZ01")
    a = desktops(central, "GZ01", "a")
    b = desktops(central, "GZ01", "b")
    tag_a = a.services.sync.status(a.actor).device_tag
    tag_b = b.services.sync.status(b.actor).device_tag
    capsys.readouterr()
    assert run(central, tmp_path, "list-devices", "gz01") == 0
    assert listed(capsys) == {tag_a: "active", tag_b: "active"}

    a.services.sync.sync_now(a.actor)  # a holds a live token when it is revoked: that token stops working too
    assert run(central, tmp_path, "revoke-device", "GZ01", tag_a.lower()) == 0
    assert f"desktop {tag_a} " in capsys.readouterr().out
    a.services.employers.create(a.actor, employer_data(credit_code=make_credit_code("91440300000000009"),
                                                       name="离线公司"))
    with pytest.raises(DomainError) as err:
        a.services.sync.sync_now(a.actor)
    assert err.value.key == "central.device_unknown"
    b.services.employers.create(b.actor, employer_data(name="在线公司"))
    assert b.services.sync.sync_now(b.actor).applied == 1

    assert run(central, tmp_path, "list-devices", "GZ01") == 0
    assert listed(capsys) == {tag_a: "revoked", tag_b: "active"}
    assert run(central, tmp_path, "revoke-device", "GZ01", tag_a) == 0  # again: said, nothing changed
    assert "already revoked; nothing was changed" in capsys.readouterr().out
    with central.admin.transaction(write=False) as conn:
        events = conn.execute(select(central_audit.c.action, central_audit.c.after)
                              .where(central_audit.c.action == "central.revoke_device")).all()
    assert [(action, after["tag"]) for action, after in events] == [("central.revoke_device", tag_a)]
    assert run(central, tmp_path, "check") == 0  # the revocation's event keeps the office's chain whole

    # A new code lets the same desktop join again, under its tag, and its waiting change goes up.
    supervisor = a.services.auth.login("sup.gz01", PASSWORD)
    assert a.services.sync.enrol(supervisor, central.url, central.code("GZ01")) == tag_a
    assert a.services.sync.sync_now(a.actor).applied == 1
    with central.admin.transaction(write=False) as conn:  # the chain shows it back, not only revoked
        events = conn.execute(select(central_audit.c.action, central_audit.c.after)
                              .where(central_audit.c.action.like("central.%_device"))
                              .order_by(central_audit.c.seq)).all()
    assert [(action, after["tag"], after["active"]) for action, after in events] == [
        ("central.revoke_device", tag_a, False), ("central.reinstate_device", tag_a, True)]
    assert run(central, tmp_path, "check") == 0
    capsys.readouterr()
    assert run(central, tmp_path, "list-devices", "GZ01") == 0
    assert listed(capsys)[tag_a] == "active"


def test_an_unknown_desktop_or_office_is_refused_naming_it(central, desktops, tmp_path, capsys):
    central.add_office("GZ01")
    central.add_office("SZ01")
    a = desktops(central, "GZ01", "a")
    tag = a.services.sync.status(a.actor).device_tag
    capsys.readouterr()
    assert run(central, tmp_path, "revoke-device", "GZ01", "ZZZZ") == 2
    assert capsys.readouterr().err.splitlines() == [
        'error: DEVICE: central.unknown_device {"office": "GZ01", "device": "ZZZZ"}',
        "  Office GZ01 has no desktop ZZZZ: “injury-desk central list-devices GZ01” lists its desktops by tag."]
    assert run(central, tmp_path, "revoke-device", "SZ01", tag) == 2  # another office's desktop: not found there
    assert "central.unknown_device" in capsys.readouterr().err
    assert run(central, tmp_path, "revoke-device", "XX01", tag) == 2
    assert "central.unknown_office" in capsys.readouterr().err
    assert run(central, tmp_path, "list-devices", "SZ01") == 0
    assert capsys.readouterr().out == "office SZ01 has no enrolled desktop\n"
    a.services.sync.sync_now(a.actor)  # still enrolled: nothing was revoked


def test_a_name_a_desktop_gave_itself_cannot_forge_a_row(central, desktops, tmp_path, capsys):
    """The name comes from the enrolling desktop (its host name, or anything a holder of a code sends)."""
    from sqlalchemy import update

    from injury_desk.central.tables import devices

    central.add_office("GZ01")
    a = desktops(central, "GZ01", "a")
    tag = a.services.sync.status(a.actor).device_tag
    with central.admin.transaction() as conn:
        conn.execute(update(devices).values(name="pc\nBEEF     active\x1b[2J"))
    capsys.readouterr()
    assert run(central, tmp_path, "list-devices", "GZ01") == 0
    out = capsys.readouterr().out
    assert listed_from(out) == {tag: "active"}
    assert "pc\\nBEEF     active\\x1b[2J" in out and "\x1b" not in out


def test_a_reply_made_before_the_revocation_does_not_hide_it(central, desktops, tmp_path, capsys):
    """Importing a reply cleared the last error, so the Sync page stopped offering a revoked desktop to enrol
    again until its next network sync."""
    from injury_desk.central.packages import import_package

    central.add_office("GZ01")
    a = desktops(central, "GZ01", "a")
    tag = a.services.sync.status(a.actor).device_tag
    request, reply = tmp_path / "a-1.sync", tmp_path / "a-1.reply"
    a.services.sync.export_package(a.actor, request)
    import_package(central.admin, request, reply)
    assert run(central, tmp_path, "revoke-device", "GZ01", tag) == 0
    a.services.sync.close()
    with pytest.raises(DomainError):
        a.services.sync.sync_now(a.actor)
    assert a.services.sync.status(a.actor).credential_gone
    a.services.sync.import_reply(a.actor, reply)
    status = a.services.sync.status(a.actor)
    assert status.credential_gone and status.last_success  # the reply counts as a sync, the revocation stands


def test_a_push_under_way_when_the_desktop_is_revoked_is_applied_before_the_revocation_or_not_at_all(
        central, desktops, monkeypatch):
    """A batch that had read its desktop as active went on being applied after a revocation committed meanwhile:
    the office's chain then showed the revoked desktop's changes after its revocation."""
    import threading

    from injury_desk.central import push as central_push
    from injury_desk.central.accounts import revoke_device

    a, tag = _synced_desktop_with_a_change(central, desktops)
    inside, go = threading.Event(), threading.Event()
    real_init = central_push.Batch.__init__

    def held(self, conn, auth):
        real_init(self, conn, auth)  # the desktop was read as active
        inside.set()
        go.wait(30)

    monkeypatch.setattr(central_push.Batch, "__init__", held)
    pushed: list[object] = []
    pusher = threading.Thread(target=lambda: pushed.append(_outcome(lambda: a.services.sync.sync_now(a.actor))))
    pusher.start()
    assert inside.wait(30)
    revoker = threading.Thread(target=lambda: revoke_device(central.admin, "GZ01", tag))
    revoker.start()
    revoker.join(1.5)  # the revocation waits for the batch under way (or, on SQLite, for the store's writer)
    go.set()
    pusher.join(60)
    revoker.join(60)
    assert not pusher.is_alive() and not revoker.is_alive()
    actions = _device_actions(central, a.db.device_id)
    # Applied, then revoked: nothing of the desktop's comes after its revocation.
    assert actions[-1] == "central.revoke_device" and "sync.batch" in actions, (actions, pushed)
    # The batch went up; the pull that follows it in `sync now` is refused, as every later request.
    assert pushed == ["central.device_unknown"]


def _synced_desktop_with_a_change(central, desktops):
    """Desktop a of office GZ01, synced once, with one change waiting; and its tag."""
    central.add_office("GZ01")
    a = desktops(central, "GZ01", "a")
    a.services.sync.sync_now(a.actor)
    a.services.employers.create(a.actor, employer_data())
    return a, a.services.sync.status(a.actor).device_tag


def _device_actions(central, device_id: str) -> list[str]:
    """The office chain's events about or by the desktop, in order."""
    with central.admin.transaction(write=False) as conn:
        return conn.scalars(select(central_audit.c.action).where(central_audit.c.device_id == device_id)
                            .order_by(central_audit.c.seq)).all()


def _outcome(work) -> str:
    """"done", or the refusal's key, or the name of what else was raised (a deadlock: OperationalError)."""
    try:
        work()
    except DomainError as exc:
        return exc.key
    except Exception as exc:
        return type(exc).__name__
    return "done"


def test_a_revocation_that_began_before_a_push_of_the_desktop_goes_through_and_the_push_does_not(
        central, desktops, monkeypatch):
    """The revocation wrote the device row, then took the office lock; a push takes the office lock, then the
    device row: the two deadlocked and PostgreSQL aborted the revocation, leaving the desktop active."""
    import threading

    from injury_desk.central import accounts
    from injury_desk.central.accounts import revoke_device

    a, tag = _synced_desktop_with_a_change(central, desktops)
    inside, go = threading.Event(), threading.Event()
    real_log = accounts.OfficeLog

    def paused(*args, **kwargs):
        inside.set()
        go.wait(30)  # the revocation under way, its office lock not yet taken
        return real_log(*args, **kwargs)

    monkeypatch.setattr(accounts, "OfficeLog", paused)
    revoked: list[object] = []
    revoker = threading.Thread(target=lambda: revoked.append(_outcome(
        lambda: revoke_device(central.admin, "GZ01", tag))))
    revoker.start()
    assert inside.wait(30)
    pushed: list[object] = []
    pusher = threading.Thread(target=lambda: pushed.append(_outcome(lambda: a.services.sync.sync_now(a.actor))))
    pusher.start()
    pusher.join(1.5)
    go.set()
    revoker.join(60)
    pusher.join(60)
    assert not pusher.is_alive() and not revoker.is_alive()
    assert revoked == ["done"], revoked  # the revocation went through (it was the deadlock's victim)
    actions = _device_actions(central, a.db.device_id)
    assert actions[-1] == "central.revoke_device", (actions, pushed)
    with central.admin.transaction(write=False) as conn:
        active = conn.scalar(select(devices.c.active).where(devices.c.id == a.db.device_id))
    assert active is False
