"""Sync page, status-bar indicator and login enrolment, driven through real widgets against the real central
service (uvicorn on 127.0.0.1 over a SQLite store) and real desktop databases."""

from __future__ import annotations

import json
import os
from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import select

from injury_desk.central import accounts
from injury_desk.central.central_db import CentralStore, default_url, migrate
from injury_desk.domain.identifiers import make_credit_code
from injury_desk.services.actor import Actor
from injury_desk.services.container import Services
from injury_desk.services.context import ServiceContext
from injury_desk.store.database import open_database
from injury_desk.store.models import MODEL_BY_TABLE
from injury_desk.ui import operations
from injury_desk.ui.login import LoginDialog
from injury_desk.ui.main_window import MainWindow
from injury_desk.ui.sync.controller import BACKOFF_CAP_MS, backoff_ms
from injury_desk.ui.sync.page import SyncPage
from tests.conftest import claim_draft, employer_data
from tests.support.central_server import ThreadServer
from tests.sync.conftest import PASSWORD, TODAY, Central, Desktop
from injury_desk.ui.operations import Changes

CLICK = Qt.MouseButton.LeftButton


@pytest.fixture
def central(tmp_path):
    """The real service on loopback over the embedded SQLite store, with office GZ01 and its accounts."""
    url = default_url(tmp_path / "central")
    migrate(url)
    c = Central("sqlite", url, url)
    c.admin = CentralStore(url)
    server = ThreadServer(url)
    with server:
        c.url = server.url
        c.service = server.store
        c.server = server
        c.add_office("GZ01", users=(("cw", "caseworker"), ("sup", "supervisor"), ("adm", "administrator")))
        yield c
    c.admin.dispose()


@pytest.fixture
def desktops(tmp_path):
    made: list[Desktop] = []

    def make(central: Central, name: str, login: str | None = "cw") -> Desktop:
        path = tmp_path / f"desktop-{name}"
        services = Services.build(ServiceContext(db=open_database(path), today=lambda: TODAY))
        d = Desktop(services, path)
        made.append(d)
        services.sync.enrol(None, central.url, central.code("GZ01"))
        services.sync.first_pull(None)
        if login:
            d.login(f"{login}.gz01")
        return d

    yield make
    for d in made:
        d.close()


@pytest.fixture
def pages(qtbot, tmp_path):
    """page(desktop_services, actor) -> a SyncPage in its own UiEnv; every runner is waited for at the end."""
    from tests.gui.conftest import make_env

    envs = []

    def make(services, actor):
        folder = tmp_path / f"env-{len(envs)}"
        folder.mkdir()
        env = make_env(services, actor, folder)
        envs.append(env)
        page = SyncPage(env)
        qtbot.addWidget(page)
        page.resize(1100, 750)
        page.show()
        # The state and the lists are read off the GUI thread: the page as the user sees it once they are in.
        qtbot.waitUntil(lambda: bool(page.central_label.text()) and operations.running() == 0)
        return page

    yield make
    for env in envs:
        env.runner.wait()


def run(qtbot, page, button) -> None:
    """Click a button that starts background work and wait until the work has reported back, and the reads it
    started then (the state, the lists) have too."""
    qtbot.waitUntil(button.isEnabled)
    qtbot.mouseClick(button, CLICK)
    qtbot.waitUntil(lambda: not page.controller.busy and operations.running() == 0, timeout=20_000)
    assert page.env.runner.wait(20_000)


def central_row(central, table, row_id):
    t = MODEL_BY_TABLE[table].__table__
    with central.admin.transaction(write=False) as conn:
        return conn.execute(select(t).where(t.c.id == row_id)).mappings().first()


def edit_employer(d, employer_id, **changes):
    view = d.services.employers.get(d.actor, employer_id)
    data = employer_data(**{k: getattr(view, k) for k in ("name", "industry", "risk_class", "headcount", "address",
                                                          "contact_name", "contact_phone")})
    data.update(changes)
    d.services.employers.update(d.actor, employer_id, data, token=view.token)


def cells(view, row: int) -> list[str]:
    model = view.table.model()
    return [model.data(model.index(row, c)) for c in range(model.columnCount())]


# ---------------------------------------------------------------------------- enrolment



def log_in_as_caseworker(qtbot, dialog) -> None:
    """Logs in on the login dialog with the office's caseworker account, which came down with the first pull."""
    qtbot.keyClicks(dialog.username, "cw.gz01")
    qtbot.keyClicks(dialog.password, PASSWORD)
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.actor is not None)
    assert dialog.actor.office_code == "GZ01"

def test_a_supervisor_enrols_the_desktop_through_the_panel(qtbot, central, tmp_path, pages):
    # A desktop of office GZ01 whose supervisor enrols it from the Sync page (the acting user is the
    # supervisor's central account; the database is new, so the office and its accounts come down).
    boss = accounts.add_user(central.admin, "GZ01", "boss.gz01", "Boss", "supervisor", PASSWORD)
    actor = Actor(boss, "boss.gz01", "Boss", "supervisor", central.offices["GZ01"], "GZ01", "Office GZ01")
    services = Services.build(ServiceContext(db=open_database(tmp_path / "fresh"), today=lambda: TODAY))
    try:
        page = pages(services, actor)
        qtbot.waitUntil(page.enrol_box.isVisible)  # once the sync state is read
        assert page.enrol_form.isVisible()
        assert not page.enrol_form.insecure.isVisible()  # plain HTTP is an administrator's decision
        assert not page.sync_button.isEnabled()
        assert page.central_label.text() == "not enrolled"
        qtbot.keyClicks(page.enrol_form.url_edit, central.url)
        qtbot.keyClicks(page.enrol_form.code_edit, central.code("GZ01"))
        run(qtbot, page, page.enrol_form.button)

        assert not page.enrol_box.isVisible()
        status = services.sync.status(actor)
        assert status.enrolled and len(status.device_tag) == 4
        assert status.device_tag in page.central_label.text() and central.url in page.central_label.text()
        assert f"device {status.device_tag}" in page.info.text()
        assert page.sync_button.isEnabled()
        assert page.last_ok_label.text() != "never"  # the first pull was a full sync
        # The office's accounts came down: its caseworker can now log in on this desktop.
        assert services.auth.login("cw.gz01", PASSWORD).office_code == "GZ01"
    finally:
        services.close()


def test_a_bad_enrolment_code_or_address_is_named_and_nothing_is_enrolled(qtbot, central, sup_env, services):
    page = SyncPage(sup_env)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(page.enrol_box.isVisible)  # once the sync state is read
    form = page.enrol_form
    run(qtbot, page, form.button)  # both fields empty
    assert form.errors["central_url"].text() == "Central service address: is required"
    assert form.errors["code"].text() == "Enrolment code: is required"

    qtbot.keyClicks(form.url_edit, "http://sync.example.org")
    qtbot.keyClicks(form.code_edit, "GZ01-0000000000000000")
    run(qtbot, page, form.button)
    assert form.errors["central_url"].text().startswith("Central service address: uses plain HTTP")
    assert not form.errors["code"].isVisible()

    form.url_edit.setText(central.url)
    run(qtbot, page, form.button)
    assert form.errors["code"].isVisible()
    assert form.errors["code"].text().startswith("Enrolment code: was not accepted")
    assert not form.errors["central_url"].isVisible()
    assert page.enrol_box.isVisible()
    assert not services.sync.is_enrolled()


def test_a_caseworker_is_told_who_can_enrol(qtbot, env):
    page = SyncPage(env)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(page.enrol_note.isVisible)  # once the sync state is read
    assert "supervisor or an administrator" in page.enrol_note.text()
    assert not page.enrol_form.isVisible()


def test_an_administrator_may_allow_plain_http(qtbot, qapp, services, adm, tmp_path):
    from tests.gui.conftest import make_env

    env = make_env(services, adm, tmp_path)
    page = SyncPage(env)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(page.enrol_form.insecure.isVisible)  # once the sync state is read
    env.runner.wait()


def test_login_dialog_of_a_fresh_desktop_enrols_it_then_lets_the_caseworker_in(qtbot, central, tmp_path):
    services = Services.build(ServiceContext(db=open_database(tmp_path / "fresh"), today=lambda: TODAY))
    try:
        dialog = LoginDialog(services)
        qtbot.addWidget(dialog)
        dialog.show()
        assert dialog.enrol_button.isVisible()
        qtbot.mouseClick(dialog.enrol_button, CLICK)
        enrol = dialog.enrol_dialog
        assert enrol.isVisible()
        qtbot.waitUntil(enrol.ok_button.isEnabled)  # once an earlier enrolment is known not to exist
        assert enrol.form.isVisible()
        qtbot.keyClicks(enrol.form.url_edit, central.url)
        qtbot.keyClicks(enrol.form.code_edit, "GZ01-FFFFFFFFFFFFFFFF")
        qtbot.mouseClick(enrol.ok_button, CLICK)
        qtbot.waitUntil(lambda: enrol.form.errors["code"].isVisible(), timeout=20_000)
        assert enrol.form.errors["code"].text().startswith("Enrolment code:")
        enrol.form.code_edit.setText(central.code("GZ01"))
        qtbot.mouseClick(enrol.ok_button, CLICK)
        qtbot.waitUntil(lambda: not enrol.isVisible(), timeout=20_000)
        assert dialog.runner.wait(20_000)

        qtbot.waitUntil(lambda: not dialog.enrol_button.isVisible())  # once the office's accounts are found
        assert "enrolled" in dialog.enrol_info.text()
        log_in_as_caseworker(qtbot, dialog)
    finally:
        services.close()


def test_login_dialog_offers_no_enrolment_when_there_are_users(qtbot, services):
    dialog = LoginDialog(services)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.enrol_button.isVisible()


def test_a_first_start_whose_enrolment_fails_leaves_no_database_and_keeps_what_was_typed(qtbot, central, tmp_path,
                                                                                        monkeypatch):
    # The GUI started on an empty data folder, as a new office computer is: the user tries a mistyped code, then
    # an address where no service answers, and gives up. The next start must find no database (one without users
    # or office, and its keys, would pass for a desktop that exists).
    from injury_desk.store.database import DB_FILENAME
    from injury_desk.ui.app import run_gui
    from tests.support.central_server import free_port
    from tests.sync.test_sync_basics import _keyring_entries

    monkeypatch.setenv("INJURY_DESK_LANG", "en")
    data = tmp_path / "new-office-pc"
    keys_before = _keyring_entries()
    nowhere = f"http://127.0.0.1:{free_port()}"
    shown: list[LoginDialog] = []

    def left_behind() -> list[str]:
        return sorted(p.name for p in data.glob(DB_FILENAME + "*"))

    def attempt(enrol, url: str, code: str, said) -> None:
        enrol.form.url_edit.setText(url)
        enrol.form.code_edit.setText(code)
        qtbot.mouseClick(enrol.ok_button, CLICK)
        qtbot.waitUntil(lambda: said.isVisible() and not enrol.running, timeout=20_000)
        assert enrol.env.runner.wait(20_000)

    def the_user(login: LoginDialog) -> int:
        """Stands in for the dialog's modal loop: the user works in the dialog shown by run_gui, then closes it."""
        shown.append(login)
        login.show()
        assert left_behind() == []  # the login dialog is up, and no database was made for it
        # Logging in first (the habit of every morning) is answered in the dialog: there is no account yet.
        qtbot.keyClicks(login.username, "cw.gz01")
        qtbot.keyClicks(login.password, PASSWORD)
        qtbot.keyClick(login.password, Qt.Key.Key_Return)
        assert login.error.isVisible() and "no account on this desktop yet: enrol it first" in login.error.text()
        assert login.actor is None and login.isVisible() and left_behind() == []
        qtbot.mouseClick(login.enrol_button, CLICK)
        enrol = login.enrol_dialog
        qtbot.waitUntil(enrol.ok_button.isEnabled)

        attempt(enrol, central.url, "GZ01-FFFFFFFFFFFFFFFF", enrol.form.errors["code"])
        assert enrol.form.errors["code"].text().startswith("Enrolment code: was not accepted")
        assert (enrol.form.url_edit.text(), enrol.form.code_edit.text()) == (central.url, "GZ01-FFFFFFFFFFFFFFFF")
        assert left_behind() == [] and _keyring_entries() == keys_before  # removed at once, not at the end

        attempt(enrol, nowhere, central.code("GZ01"), enrol.form.banner)
        assert "127.0.0.1" in enrol.form.banner.text() and enrol.form.url_edit.text() == nowhere
        # A new desktop has nothing waiting to be sent: it is told what to check and to enrol again.
        assert "check the address" in enrol.form.banner.text() and "sent later" not in enrol.form.banner.text()
        assert left_behind() == [] and _keyring_entries() == keys_before
        enrol.reject()
        login.reject()
        return login.result()

    monkeypatch.setattr(LoginDialog, "exec", the_user)
    assert run_gui(data) == 0
    assert shown and shown[0].actor is None
    assert left_behind() == [] and not (data / (DB_FILENAME + ".key-id")).exists()
    assert _keyring_entries() == keys_before


def test_the_first_enrolment_of_a_new_desktop_makes_its_database_and_lets_the_caseworker_in(qtbot, central,
                                                                                           tmp_path):
    from injury_desk.services.new_desktop import NewDesktop, has_database
    from tests.sync.test_sync_basics import _keyring_entries

    data = tmp_path / "new-office-pc"
    keys_before = _keyring_entries()
    dialog = LoginDialog(NewDesktop(data))
    qtbot.addWidget(dialog)
    dialog.show()
    try:
        qtbot.mouseClick(dialog.enrol_button, CLICK)
        enrol = dialog.enrol_dialog
        qtbot.waitUntil(enrol.ok_button.isEnabled)
        qtbot.keyClicks(enrol.form.url_edit, central.url)
        qtbot.keyClicks(enrol.form.code_edit, "GZ01-FFFFFFFFFFFFFFFF")
        qtbot.mouseClick(enrol.ok_button, CLICK)
        qtbot.waitUntil(lambda: enrol.form.errors["code"].isVisible() and not enrol.running, timeout=20_000)
        assert not has_database(data) and _keyring_entries() == keys_before
        enrol.form.code_edit.setText(central.code("GZ01"))
        qtbot.mouseClick(enrol.ok_button, CLICK)
        qtbot.waitUntil(lambda: not enrol.isVisible(), timeout=20_000)
        qtbot.waitUntil(lambda: not dialog.enrol_button.isVisible())  # once the office's accounts are found
        assert has_database(data)
        assert f"device {enrol.device_tag}" in dialog.enrol_info.text()
        log_in_as_caseworker(qtbot, dialog)
    finally:
        assert dialog.runner.wait(20_000)
        if isinstance(dialog.services, Services):
            dialog.services.close()
    assert isinstance(dialog.services, Services)  # what the main window then works with


def test_a_malformed_address_and_a_short_code_are_named_together(qtbot, sup_env, services):
    page = SyncPage(sup_env)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(page.enrol_box.isVisible)  # once the sync state is read
    form = page.enrol_form
    qtbot.keyClicks(form.url_edit, "http://[::1")
    qtbot.keyClicks(form.code_edit, "garbage")
    run(qtbot, page, form.button)
    assert form.errors["central_url"].text().startswith("Central service address: ")
    assert form.errors["code"].text() == "Enrolment code: must have at least 8 characters"
    assert form.errors["central_url"].isVisible() and form.errors["code"].isVisible()
    assert not services.sync.is_enrolled()


def test_a_desktop_the_service_no_longer_knows_enrols_again_from_the_sync_page(qtbot, central, desktops, pages):
    from sqlalchemy import update

    from injury_desk.central.tables import devices

    a = desktops(central, "a", login="sup")
    tag = a.services.sync.status(a.actor).device_tag
    page = pages(a.services, a.actor)
    assert not page.enrol_box.isVisible()
    with central.admin.transaction() as conn:
        conn.execute(update(devices).values(active=False))  # switched off centrally
    employer_id = a.services.employers.create(a.actor, employer_data())
    a.services.sync.close()  # no token kept from before
    run(qtbot, page, page.sync_button)
    assert "does not know this desktop" in page.error.text()
    qtbot.waitUntil(page.enrol_box.isVisible)
    assert page.enrol_box.title() == "Enrol this desktop again"
    assert "changes waiting here are kept" in page.enrolment.text()
    assert page.enrol_form.url_edit.text() == central.url  # only the new code to type
    qtbot.keyClicks(page.enrol_form.code_edit, central.code("GZ01"))
    run(qtbot, page, page.enrol_form.button)
    assert not page.enrol_form.banner.isVisible() and not page.action_error.isVisible()
    assert page.info.text() == f"This desktop is now enrolled as device {tag}."
    assert not page.enrol_box.isVisible() and not page.error.isVisible()
    assert page.pending_label.text() == "0 local change(s) not yet synced"  # the waiting change went out
    assert central_row(central, "employers", employer_id) is not None


def test_enrolling_under_a_new_address_says_when_the_old_credential_stays_in_the_keyring(qtbot, central, desktops,
                                                                                          pages, monkeypatch):
    from sqlalchemy import update

    from injury_desk.central.tables import devices
    from injury_desk.store import secrets

    a = desktops(central, "a", login="sup")
    page = pages(a.services, a.actor)
    with central.admin.transaction() as conn:
        conn.execute(update(devices).values(active=False))
    a.services.sync.close()
    run(qtbot, page, page.sync_button)
    qtbot.waitUntil(page.enrol_box.isVisible)

    def locked(service, account):
        raise secrets.KeyringError("keyring.error", reason="the keyring is locked")

    monkeypatch.setattr(secrets, "delete_secret", locked)
    renamed = central.url.replace("127.0.0.1", "localhost")
    page.enrol_form.url_edit.setText(renamed)
    qtbot.keyClicks(page.enrol_form.code_edit, central.code("GZ01"))
    run(qtbot, page, page.enrol_form.button)
    # Enrolled and synced under the new address; the credential the keyring kept under the old one is named.
    assert not page.error.isVisible()
    qtbot.waitUntil(page.kept_notice.isVisible)
    assert page.kept_notice.text() == (
        f"The credential kept for the old address {central.url} is still in the keyring: it could not be removed "
        "(the keyring is locked). The central service no longer accepts it; remove it in the system's credential "
        "manager.")


# ---------------------------------------------------------------------------- sync now and the status bar


def test_sync_now_sends_a_change_empties_the_queue_and_the_status_bar_follows(qtbot, central, desktops, tmp_path):
    from tests.gui.conftest import make_env

    a, b = desktops(central, "a"), desktops(central, "b")
    claim_id = b.services.claims.create(b.actor, claim_draft())  # made on another desktop of the office
    b.services.sync.sync_now(b.actor)
    env = make_env(a.services, a.actor, tmp_path)
    window = MainWindow(env)
    qtbot.addWidget(window)
    window.show()
    controller = window.sync_controller
    qtbot.waitUntil(lambda: controller.automatic)  # the automatic sync is scheduled once the window is up
    qtbot.waitUntil(lambda: window.sync_label.text() == "Sync: never synced")
    controller.stop_automatic()
    qtbot.waitUntil(lambda: window.claims_page.model.rowCount() == 0)
    window.show_section(4)
    page = window.pages["sync"].ensure()
    qtbot.waitUntil(lambda: page.tabs.tabText(0) == "Waiting to be sent (0)")
    assert page.pending_model.rowCount() == 0

    # (another employer than the claim's: the same credit code twice is a different story)
    other = employer_data(name="福州第二机械有限公司", credit_code=make_credit_code("91350100M000200Y4"))
    employer_id = a.services.employers.create(a.actor, other)
    env.bus.changed.emit(Changes(employers=True))
    qtbot.waitUntil(lambda: page.pending_model.rowCount() == 1)
    qtbot.waitUntil(lambda: page.pending_label.text() == "1 local change(s) not yet synced")
    assert "ago" in page.oldest_label.text()
    assert page.tabs.tabText(0) == "Waiting to be sent (1)"
    seen = []
    controller.state_changed.connect(lambda _s: seen.append(window.sync_label.text()))

    run(qtbot, page, page.sync_button)
    assert "Sync: syncing…" in seen
    assert page.pending_model.rowCount() == 0
    assert page.pending_label.text() == "0 local change(s) not yet synced"
    assert page.oldest_label.text() == "Nothing is waiting."
    assert page.report_label.text().startswith("sent 1 (1 applied)")
    assert central_row(central, "employers", employer_id)["name"] == "福州第二机械有限公司"
    assert window.sync_label.text().startswith("Sync: last synced ")
    assert window.pending_label.text().endswith(": 0")
    # What came down shows on the other pages without a manual refresh.
    qtbot.waitUntil(lambda: window.claims_page.model.rowCount() == 1)
    assert a.services.claims.get(a.actor, claim_id).claim_no
    window.close()


def test_an_unreachable_service_shows_offline_and_backs_off(qtbot, central, desktops, pages):
    a = desktops(central, "a")
    page = pages(a.services, a.actor)
    a.services.employers.create(a.actor, employer_data())
    page.env.bus.changed.emit(Changes(employers=True))
    central.server.__exit__(None, None, None)  # the network goes away

    page.controller.automatic = True  # as the main window has it
    before = datetime.now().astimezone()
    run(qtbot, page, page.sync_button)
    state = page.controller.state
    assert state.offline and state.failures == 1
    # After the first failure the next try is one minute later.
    assert before + timedelta(seconds=55) <= state.next_attempt <= datetime.now().astimezone() + timedelta(seconds=61)
    assert page.error.text().startswith("Last error: Cannot reach the central service at " + central.url)
    assert "next try at" in page.next_label.text()
    assert page.pending_model.rowCount() == 1  # nothing is lost
    from injury_desk.ui.sync.controller import indicator_text

    assert indicator_text(state).startswith("Sync: offline (retrying at ")
    run(qtbot, page, page.sync_button)
    assert page.controller.state.failures == 2
    page.controller.stop_automatic()
    # 1, 2, 4, 8, 16 minutes, then capped at 30.
    assert [backoff_ms(n) // 60_000 for n in range(1, 8)] == [1, 2, 4, 8, 16, 30, 30]
    assert BACKOFF_CAP_MS == 30 * 60_000


# ---------------------------------------------------------------------------- conflicts


def test_conflicts_show_both_values_and_clicking_settles_them(qtbot, central, desktops, pages):
    a, b = desktops(central, "a"), desktops(central, "b")
    eid = a.services.employers.create(a.actor, employer_data())
    a.services.sync.sync_now(a.actor)
    b.services.sync.sync_now(b.actor)
    base_address = employer_data()["address"]
    base_headcount = employer_data()["headcount"]
    edit_employer(a, eid, address="A 的地址", headcount=200)
    edit_employer(b, eid, address="B 的地址", headcount=300)
    a.services.sync.sync_now(a.actor)

    page = pages(b.services, b.actor)
    changed = []
    page.env.bus.changed.connect(changed.append)
    run(qtbot, page, page.sync_button)
    view = page.conflicts
    assert page.tabs.tabText(1) == "Conflicts (2)"
    assert page.tabs.currentWidget() is view  # the sync that found them opens the list
    rows = {cells(view, r)[1]: cells(view, r) for r in range(view.model.rowCount())}
    assert rows["Address"][2:5] == [base_address, "A 的地址", "B 的地址"]
    assert rows["Headcount"][2:5] == [str(base_headcount), "200", "300"]
    assert rows["Address"][0].startswith("Employer ")

    # A new value that is not a number is refused with the field and the rule; nothing changes.
    view.table.select_where(lambda c: c.field == "headcount")
    view.new_value.setText("二百五十")
    qtbot.mouseClick(view.use_new, CLICK)
    qtbot.waitUntil(lambda: view.error.isVisible())
    assert view.error.text() == "Headcount: must be a whole number"
    assert view.model.rowCount() == 2
    view.new_value.setText("250")
    qtbot.mouseClick(view.use_new, CLICK)
    qtbot.waitUntil(lambda: view.model.rowCount() == 1)
    assert not view.error.isVisible()

    view.table.select_where(lambda c: c.field == "address")
    qtbot.mouseClick(view.take_local, CLICK)
    qtbot.waitUntil(lambda: view.model.rowCount() == 0)
    assert view.empty.isVisible()
    assert page.tabs.tabText(1) == "Conflicts (0)"
    assert changed.count(Changes.everything()) >= 3  # the sync that kept the central values, and each settled conflict
    changed.clear()
    assert b.services.employers.get(b.actor, eid).address == "B 的地址"

    # The choices travel as ordinary changes.
    run(qtbot, page, page.sync_button)
    row = central_row(central, "employers", eid)
    assert (row["address"], row["headcount"]) == ("B 的地址", 250)


# ---------------------------------------------------------------------------- rejected changes


def test_a_rejected_change_shows_its_reason_and_discard_removes_it(qtbot, central, desktops, pages, monkeypatch):
    a = desktops(central, "a", login="adm")
    # Accounts are made centrally: a user created on the desktop is refused by the service.
    a.services.auth.create_user(a.actor, username="temp", display_name="Temp", role="caseworker",
                                password="temp-pass-1")
    admin_page = pages(a.services, a.actor)
    run(qtbot, admin_page, admin_page.sync_button)
    view = admin_page.rejected
    assert admin_page.tabs.tabText(2) == "Rejected (1)"
    assert admin_page.tabs.currentWidget() is view
    row = cells(view, 0)
    assert row[1].startswith("User account ") and row[2] == "new"
    assert row[3].startswith("The central service does not allow this change to User account")
    assert admin_page.pending_model.rowCount() == 0  # the refusal does not block the queue

    sup = a.login("sup.gz01")
    page = pages(a.services, sup)
    view = page.rejected
    assert view.model.rowCount() == 1
    page.tabs.setCurrentWidget(view)
    monkeypatch.setattr(QMessageBox, "question", lambda *args, **kw: QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(view.discard_button, CLICK)
    qtbot.waitUntil(lambda: view.model.rowCount() == 0)
    assert page.tabs.tabText(2) == "Rejected (0)"
    assert a.services.sync.rejected(sup) == []
    with pytest.raises(Exception):  # the withdrawn local account no longer logs in
        a.services.auth.login("temp", "temp-pass-1")


def test_a_rejected_change_is_corrected_and_resent(qtbot, central, desktops, pages):
    a = desktops(central, "a", login="adm")
    eid = a.services.employers.create(a.login("cw.gz01"), employer_data())
    a.services.sync.sync_now(a.actor)
    adm = a.login("adm.gz01")
    a.services.auth.create_user(adm, username="temp", display_name="Temp", role="caseworker", password="temp-pass-1")
    temp = a.services.auth.login("temp", "temp-pass-1")
    a.actor = temp
    edit_employer(a, eid, address="临时地址")  # made by an account the central service does not know

    sup = a.login("sup.gz01")
    page = pages(a.services, sup)
    run(qtbot, page, page.sync_button)
    view = page.rejected
    reasons = [cells(view, r)[3] for r in range(view.model.rowCount())]
    assert "The person who made this change has no active account on the central service." in reasons
    assert central_row(central, "employers", eid)["address"] == employer_data()["address"]

    view.table.select_where(lambda r: r.table == "employers")
    assert "Address: " + employer_data()["address"] + " → 临时地址" in cells(view, view.table.currentIndex().row())[5]
    qtbot.mouseClick(view.correct_button, CLICK)
    dialog = view.dialog
    assert dialog.isVisible()
    edit = dialog.fields["address"][0]
    assert edit.text() == "临时地址"
    edit.setText("福州市鼓楼区二号")
    qtbot.mouseClick(dialog.ok_button, CLICK)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    # Corrected and resent: the change leaves the list and a sync sends it at once.
    qtbot.waitUntil(lambda: all(r.table != "employers" for r in view.model.rows))
    qtbot.waitUntil(lambda: page.report_label.text().startswith("sent 1 (1 applied)"), timeout=20_000)
    qtbot.waitUntil(lambda: not page.controller.busy, timeout=20_000)
    assert central_row(central, "employers", eid)["address"] == "福州市鼓楼区二号"
    qtbot.waitUntil(lambda: page.pending_model.rowCount() == 0)


# ---------------------------------------------------------------------------- sync packages


def test_export_package_writes_a_file_and_the_reply_empties_the_queue(qtbot, central, desktops, pages, tmp_path):
    from injury_desk.central.packages import import_package

    a = desktops(central, "a")
    page = pages(a.services, a.actor)
    employer_id = a.services.employers.create(a.actor, employer_data())
    page.env.bus.changed.emit(Changes(employers=True))
    package = tmp_path / "carried" / "package-1.json"
    package.parent.mkdir()
    page.ask_save_path = lambda: str(package)
    run(qtbot, page, page.export_button)
    assert package.is_file()
    data = json.loads(package.read_text())
    assert data["package_seq"] == 1 and len(data["pushes"][0]["mutations"]) == 1
    assert page.info.text().startswith(f"Package no. 1 was written to {package}")
    assert page.pending_model.rowCount() == 1  # sent only when the reply comes back

    reply = tmp_path / "carried" / "reply-1.json"
    import_package(central.admin, package, reply)  # at the central office
    page.ask_open_path = lambda: str(reply)
    run(qtbot, page, page.import_button)
    assert page.info.text().startswith("The reply was applied: sent 1 (1 applied)")
    assert page.pending_model.rowCount() == 0
    assert central_row(central, "employers", employer_id) is not None

    # The same reply again is refused with a clear message and changes nothing.
    run(qtbot, page, page.import_button)
    assert page.action_error.isVisible()
    assert page.action_error.text().startswith("Package number 1 was already applied")
    assert os.path.getsize(package) > 0


def test_cancel_stops_a_sync_and_keeps_the_queue(qtbot, central, desktops, pages):
    import threading

    a = desktops(central, "a")
    page = pages(a.services, a.actor)
    a.services.employers.create(a.actor, employer_data())
    page.env.bus.changed.emit(Changes(employers=True))
    # Hold every network thread, so the sync is queued when Cancel is pressed (no race with the worker).
    release = threading.Event()
    for _ in range(page.env.runner.pool.maxThreadCount()):
        page.env.runner.submit(lambda: release.wait(20))
    qtbot.mouseClick(page.sync_button, CLICK)
    assert page.cancel_button.isVisible() and page.progress.isVisible()
    assert not page.sync_button.isEnabled()
    assert not page.controller.sync_now()  # never two syncs at once
    qtbot.mouseClick(page.cancel_button, CLICK)
    release.set()
    qtbot.waitUntil(lambda: not page.controller.busy, timeout=20_000)
    assert page.info.text() == "Sync was cancelled. What was sent or received so far is kept."
    assert not page.error.isVisible()  # a cancel is not a failure
    assert page.pending_model.rowCount() == 1
    assert not page.cancel_button.isVisible() and page.sync_button.isEnabled()


def test_an_administrator_can_allow_plain_http_after_enrolment_and_a_caseworker_cannot(qtbot, central, desktops,
                                                                                          pages):
    a = desktops(central, "a", login="adm")
    admin_page = pages(a.services, a.actor)
    box = admin_page.insecure_box
    qtbot.waitUntil(lambda: box.isVisible())
    assert not box.isChecked()
    box.click()
    qtbot.waitUntil(lambda: a.services.sync.status(a.actor).allow_insecure_http)
    assert box.isChecked()
    with a.db.read() as s:  # the change of rule is audited
        from injury_desk.store.models import AuditEvent

        assert s.scalars(select(AuditEvent.action).where(AuditEvent.action == "sync.configure")).first()
    cw_page = pages(a.services, a.login("cw.gz01"))
    qtbot.wait(50)
    assert not cw_page.insecure_box.isVisible()
    box.click()  # and back off
    qtbot.waitUntil(lambda: not a.services.sync.status(a.actor).allow_insecure_http)


def test_waiting_changes_name_the_claim_and_the_fields_not_ids_and_columns(qtbot, env, services, cw):
    """Issue 14: field labels and the claim number, not claim_id / amount_fen and a UUID prefix; and no
    "every change merged" on a desktop that has never synced."""
    from tests.conftest import claim_draft

    claim_id = services.claims.create(cw, claim_draft())
    claim_no = services.claims.get(cw, claim_id).claim_no
    page = SyncPage(env)
    qtbot.addWidget(page)
    page.show()
    page.refresh()
    qtbot.waitUntil(lambda: page.pending_model.rowCount() > 0)  # read off the GUI thread
    rows = [[page.pending_model.data(page.pending_model.index(r, c)) for c in range(page.pending_model.columnCount())]
            for r in range(page.pending_model.rowCount())]
    records = [row[1] for row in rows]
    assert f"Claim {claim_no}" in records and "Person 张伟" in records
    assert not any(claim_id[:8] in str(cell) for row in rows for cell in row)
    fields = " ".join(str(row[-1]) for row in rows)
    assert "Accident date" in fields and "accident_date" not in fields and "_id" not in fields
    assert "not synced yet" in page.conflicts.empty.text() and "merged" not in page.conflicts.empty.text()


@pytest.mark.parametrize(("stored", "shown"), [
    # A key with its parameters: its sentence.
    (json.dumps({"key": "sync.network", "params": {"url": "https://sync.example.org", "reason": "offline"}}),
     "Last error: Cannot reach the central service"),
    # Text in no key's shape (an older build, a hand edit): shown as it is, never half-read or dropped.
    ("connection reset by peer", "Last error: connection reset by peer"),
    ('{"key": ""}', 'Last error: {"key": ""}'),
])
def test_the_last_error_is_shown_whatever_its_form(qtbot, env, db, stored, shown):
    from injury_desk.store.quick_sync import LAST_ERROR_KEY

    con = db.raw_connection()
    with con:
        con.execute("INSERT OR REPLACE INTO local_settings (key, value) VALUES (?, ?)", (LAST_ERROR_KEY, stored))
    con.close()
    page = SyncPage(env)
    qtbot.addWidget(page)
    page.show()
    page.refresh()
    qtbot.waitUntil(lambda: page.error.text().startswith(shown))
    assert "sync.network" not in page.error.text()


@pytest.mark.parametrize(("report", "said", "not_said"), [
    # The state check repaired 3 rows and then matched.
    ({"pulled": 2, "repaired": 3, "state_ok": True},
     "\n3 record(s) that differed from the central copy were fetched again", "still differ"),
    # A repair could not settle 1 row (it holds unsent work here): said with its count, and that it was kept.
    ({"repaired": 2, "state_ok": False, "drift_rows": [("claims", "c-1")]},
     "\n1 record(s) here still differ from the central copy and were left as they are", "not compared"),
    # The office kept changing while the desktop caught up: no comparison this time, and the page says so.
    ({"pulled": 40, "state_ok": None, "state_busy": True},
     "\nnot compared with the central copy this time, as the office kept changing", "fetched again"),
    # A reply package applied by hand compares nothing: no sentence about the comparison at all.
    ({"pulled": 1, "state_ok": None}, "received 1, 0 conflict(s), 0 refused", "central copy"),
])
def test_the_last_run_says_what_the_state_check_found(qtbot, env, report, said, not_said):
    from injury_desk.sync.engine import SyncReport

    page = SyncPage(env)
    qtbot.addWidget(page)
    page.show()
    page.controller._set(report=SyncReport(**report))
    assert said in page.report_label.text()
    assert not_said not in page.report_label.text()


def test_the_busy_office_sentence_is_translated(qtbot, env, zh_cn):
    from injury_desk.sync.engine import SyncReport

    page = SyncPage(env)
    qtbot.addWidget(page)
    page.show()
    page.controller._set(report=SyncReport(pulled=40, state_busy=True))
    assert "本次未与中心副本核对" in page.report_label.text()
    assert "not compared" not in page.report_label.text()


def test_a_long_last_run_fits_a_small_screen_a_sentence_a_line(qtbot, env):
    from injury_desk.sync.engine import SyncReport

    page = SyncPage(env)
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    page.controller._set(report=SyncReport(pushed=200, applied=200, pulled=812, held_back=2, repaired=3,
                                           state_ok=False, drift_rows=[("claims", "c-1")]))
    qtbot.wait(50)
    label = page.report_label
    # A sentence a line, all four shown whole on a 1366-pixel-wide screen: the page did not grow past it to fit
    # them on one line, and the label is as tall as its lines (none cut off).
    assert label.text().count("\n") == 3
    assert page.width() <= 1366 and page.minimumSizeHint().width() <= 1366
    assert label.geometry().right() <= page.width()
    assert label.height() >= label.sizeHint().height() and label.width() >= label.sizeHint().width()
