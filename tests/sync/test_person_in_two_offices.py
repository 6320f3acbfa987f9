"""A worker known to two offices: each office holds its own record of the same person (same ID number) and
learns nothing of the other's; within one office an ID number is still one person."""

from __future__ import annotations

import httpx
from sqlalchemy import select

from injury_desk.store.models import Person
from tests.conftest import worker_data


def test_two_offices_each_hold_their_own_record_of_the_same_worker(central, desktops):
    central.add_office("GZ01")
    central.add_office("SZ02")
    gz = desktops(central, "GZ01", "gz")
    sz = desktops(central, "SZ02", "sz")
    other = desktops(central, "SZ02", "sz2")  # a second desktop of Shenzhen, offline for now
    data = worker_data()
    gz_id = gz.services.people.create(gz.actor, {**data, "phone": "020-1111111", "address": "广州市"})
    assert gz.services.sync.sync_now(gz.actor).applied == 1

    # The worker moved to Shenzhen: the office there registers the same person, knowing nothing of Guangzhou's.
    sz_id = sz.services.people.create(sz.actor, {**data, "phone": "0755-2222222", "address": "深圳市"})
    report = sz.services.sync.sync_now(sz.actor)
    assert (report.applied, report.rejected) == (1, 0), sz.services.sync.rejected(sz.actor)
    assert sz_id != gz_id

    # Each office sees its own record only, with its own contact details; nothing tells either of the other.
    gz.services.sync.sync_now(gz.actor)
    for d, own, phone in ((gz, gz_id, "020-1111111"), (sz, sz_id, "0755-2222222")):
        with d.db.read() as s:
            people = s.scalars(select(Person).where(Person.id_number == data["id_number"])).all()
        assert [(p.id, p.phone) for p in people] == [(own, phone)]
    transport = sz.services.sync._transport()
    url, headers = transport.url, transport._token_header()
    pulled = httpx.get(f"{url}/v1/pull?cursor=0&limit=5000", headers=headers).json()
    assert gz_id not in {r[t["columns"].index("id")] for t in pulled["tables"] for r in t["rows"]}
    versions = {row_id for _table, row_id, _v in httpx.get(f"{url}/v1/versions", headers=headers).json()}
    assert sz_id in versions and gz_id not in versions

    # Within one office the ID number is still one person: a second record of it, made offline on the other
    # Shenzhen desktop, is refused centrally.
    twin = other.services.people.create(other.actor, {**data, "name": "重复登记"})
    report = other.services.sync.sync_now(other.actor)
    assert report.rejected == 1
    [refused] = other.services.sync.rejected(other.actor)
    assert (refused.row_id, refused.reason_key) == (twin, "sync.constraint")
