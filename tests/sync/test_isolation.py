"""An office sees and changes only its own rows: through the API, and on PostgreSQL in the database itself."""

from __future__ import annotations

import uuid

import httpx
import pytest
from sqlalchemy import create_engine, select, text

from injury_desk.central.roles import OWNER_ROLE, SERVICE_ROLE
from injury_desk.central.central_db import migrate
from injury_desk.store.models import Employer, OutboxEntry
from injury_desk.protocol.messages import SCHEMA_VERSION
from tests.conftest import employer_data
from tests.support.postgres import fresh_database


def token_for(desktop) -> tuple[str, dict[str, str]]:
    transport = desktop.services.sync._transport()
    return transport.url, transport._token_header()


def test_a_device_can_neither_read_nor_change_another_office(central, desktops):
    central.add_office("GZ01")
    central.add_office("SZ02")
    gz = desktops(central, "GZ01", "gz")
    sz = desktops(central, "SZ02", "sz")
    eid = gz.services.employers.create(gz.actor, employer_data())
    gz.services.sync.sync_now(gz.actor)

    url, headers = token_for(sz)
    pulled = httpx.get(f"{url}/v1/pull?cursor=0&limit=5000", headers=headers).json()
    pulled_rows = [dict(zip(t["columns"], r)) for t in pulled["tables"] for r in t["rows"]]
    assert pulled_rows and {r["office_id"] for r in pulled_rows} == {central.offices["SZ02"]}
    assert eid not in {r["id"] for r in pulled_rows}
    rows = httpx.post(f"{url}/v1/rows", headers=headers, json={"table": "employers", "ids": [eid]}).json()
    assert rows == []
    versions = httpx.get(f"{url}/v1/versions", headers=headers).json()
    assert all(v[1] != eid for v in versions)

    # An update of GZ01's employer sent by the SZ02 device is refused, and the row is unchanged.
    user = sz.actor.user_id
    mutation = {"mutation_id": str(uuid.uuid4()), "seq": 1, "table": "employers", "row_id": eid, "op": "update",
                "base_version": 1, "changes": {"name": [employer_data()["name"], "改名"]}, "user_id": user}
    reply = httpx.post(f"{url}/v1/push", headers=headers, json={
        "schema_version": SCHEMA_VERSION, "device_id": sz.db.device_id, "mutations": [mutation]}).json()
    assert reply["results"][0]["status"] == "rejected"
    assert reply["results"][0]["reason"] == "sync.row_missing"
    # ... and a row claimed for another office on insert is refused too.
    mutation2 = {"mutation_id": str(uuid.uuid4()), "seq": 2, "table": "employers", "row_id": str(uuid.uuid4()),
                 "op": "insert", "base_version": 0, "user_id": user,
                 "changes": {k: [None, v] for k, v in {**employer_data(credit_code="91350100M000100Y43"),
                                                       "office_id": central.offices["GZ01"]}.items()}}
    reply = httpx.post(f"{url}/v1/push", headers=headers, json={
        "schema_version": SCHEMA_VERSION, "device_id": sz.db.device_id, "mutations": [mutation2]}).json()
    assert reply["results"][0]["reason"] == "sync.other_office"
    gz.services.sync.sync_now(gz.actor)
    with gz.db.read() as s:
        assert s.get(Employer, eid).name == employer_data()["name"]


def test_a_mutation_id_another_office_used_is_no_clash(central, desktops):
    """Mutation ids belong to their device: the same id from another office's device is that device's own
    change (it used to hit the other office's hidden row and get a server error on every push)."""
    central.add_office("GZ01")
    central.add_office("SZ02")
    gz = desktops(central, "GZ01", "gz")
    sz = desktops(central, "SZ02", "sz")
    gz.services.employers.create(gz.actor, employer_data())
    with gz.db.read() as s:
        (used_id,) = s.scalars(select(OutboxEntry.mutation_id)).all()
    gz.services.sync.sync_now(gz.actor)

    url, headers = token_for(sz)
    new_id = str(uuid.uuid4())
    mutation = {"mutation_id": used_id, "seq": 1, "table": "employers", "row_id": new_id, "op": "insert",
                "base_version": 0, "user_id": sz.actor.user_id,
                "changes": {k: [None, v] for k, v in {**employer_data(credit_code="91350100M000200Y3P"),
                                                      "office_id": central.offices["SZ02"]}.items()}}
    r = httpx.post(f"{url}/v1/push", headers=headers, json={
        "schema_version": SCHEMA_VERSION, "device_id": sz.db.device_id, "mutations": [mutation]})
    assert r.status_code == 200, r.text
    assert r.json()["results"][0]["status"] == "applied", (r.json()["results"][0]["reason"], r.json()["results"][0]["params"])
    # Another desktop of the office sees the new row, and nothing of GZ01's (the pushing device itself does not
    # pull back what it pushed: its push reply carried the versions).
    url2, headers2 = token_for(desktops(central, "SZ02", "sz2"))
    pulled = httpx.get(f"{url2}/v1/pull?cursor=0&limit=5000", headers=headers2).json()
    names = {r[t["columns"].index("id")]: r[t["columns"].index("name")]
             for t in pulled["tables"] if t["table"] == "employers" for r in t["rows"]}
    assert names == {new_id: employer_data()["name"]}


def test_a_request_without_a_valid_token_is_refused(central):
    for headers in ({}, {"Authorization": "Bearer not-a-token"}):
        r = httpx.get(f"{central.url}/v1/pull", headers=headers)
        assert r.status_code == 401
        assert r.json()["error"] in ("central.token_missing", "central.token_invalid")


@pytest.fixture
def pg_central():
    with fresh_database() as (admin_url, service_url):
        migrate(admin_url)
        yield admin_url, service_url


@pytest.mark.slow
@pytest.mark.postgres
def test_postgres_tables_are_owned_by_a_nologin_role_and_force_row_level_security(pg_central):
    admin_url, _ = pg_central
    engine = create_engine(admin_url)
    with engine.connect() as conn:
        tables = conn.execute(text(
            "SELECT c.relname, r.rolname, c.relrowsecurity, c.relforcerowsecurity FROM pg_class c"
            " JOIN pg_namespace n ON n.oid = c.relnamespace JOIN pg_roles r ON r.oid = c.relowner"
            " WHERE n.nspname = 'public' AND c.relkind = 'r'")).all()
        assert len(tables) >= 30
        for name, owner, enabled, forced in tables:
            assert (owner, enabled, forced) == (OWNER_ROLE, True, True), name
        roles = {r.rolname: r for r in conn.execute(text(
            "SELECT rolname, rolcanlogin, rolsuper, rolbypassrls FROM pg_roles WHERE rolname IN (:o, :s)"),
            {"o": OWNER_ROLE, "s": SERVICE_ROLE})}
        assert (roles[OWNER_ROLE].rolcanlogin, roles[OWNER_ROLE].rolsuper) == (False, False)
        svc = roles[SERVICE_ROLE]
        assert (svc.rolcanlogin, svc.rolsuper, svc.rolbypassrls) == (True, False, False)
        policies = {r[0] for r in conn.execute(text("SELECT tablename FROM pg_policies WHERE policyname = 'office_rows'"))}
        assert {"claims", "employers", "feed", "applied_mutations", "conflicts", "central_audit"} <= policies
    engine.dispose()


@pytest.mark.slow
@pytest.mark.postgres
def test_direct_cross_office_queries_as_the_service_role_see_no_rows(pg_central):
    from injury_desk.central import accounts
    from injury_desk.central.central_db import CentralStore

    admin_url, service_url = pg_central
    admin = CentralStore(admin_url)
    gz = accounts.add_office(admin, "GZ01", "Guangzhou")
    accounts.add_user(admin, "GZ01", "cw", "Case Worker", "caseworker", "password-1")
    admin.dispose()
    service = create_engine(service_url)
    with service.connect() as conn:
        # No office set: nothing is visible, even to the service's own role.
        for table in ("offices", "users", "feed", "central_audit"):
            assert conn.execute(text(f"SELECT count(*) FROM {table}")).scalar() == 0
        # Another office set: still nothing of GZ01's.
        conn.execute(text("SELECT set_config('injury_desk.office_id', :o, true)"), {"o": str(uuid.uuid4())})
        assert conn.execute(text("SELECT count(*) FROM users")).scalar() == 0
        conn.rollback()
        # GZ01 set inside a transaction: its rows appear; after the transaction the setting is gone.
        with conn.begin():
            conn.execute(text("SELECT set_config('injury_desk.office_id', :o, true)"), {"o": gz})
            assert conn.execute(text("SELECT count(*) FROM users")).scalar() == 1
        assert conn.execute(text("SELECT count(*) FROM users")).scalar() == 0
        conn.rollback()
        # Writing a row for another office is refused by the policy itself.
        with pytest.raises(Exception) as err:
            with conn.begin():
                conn.execute(text("SELECT set_config('injury_desk.office_id', :o, true)"), {"o": gz})
                conn.execute(text("UPDATE offices SET office_id = :x WHERE id = :o"), {"x": str(uuid.uuid4()), "o": gz})
        assert "row-level security" in str(err.value)
        # The service cannot read the migration bookkeeping at all.
        with pytest.raises(Exception):
            with conn.begin():
                conn.execute(text("SELECT * FROM central_alembic_version"))
    service.dispose()
