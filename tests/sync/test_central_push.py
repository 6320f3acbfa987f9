"""central/push.py called directly: versions in device order, exactly-once resends, gaps, conflicts, refusals."""

from __future__ import annotations

import uuid

import pytest
from sqlalchemy.exc import NoResultFound

from injury_desk.central import accounts
from injury_desk.central.accounts import CentralError, DeviceAuth
from injury_desk.central.central_db import CentralStore
from injury_desk.central.push import push
from injury_desk.protocol.messages import SCHEMA_VERSION, EnrollRequest, Mutation, PushRequest
from injury_desk.store.models import Employer
from tests.sync.in_process import store  # noqa: F401 - a fixture


def enrolled(store: CentralStore) -> DeviceAuth:
    device_id = str(uuid.uuid4())
    reply = accounts.enrol(store, EnrollRequest(code=accounts.make_enrolment_code(store, "GZ01"), device_id=device_id,
                                                schema_version=SCHEMA_VERSION))
    return DeviceAuth(device_id, reply.office_id)


def user_id(store: CentralStore) -> str:
    with store.transaction(write=False) as conn:
        return conn.exec_driver_sql("SELECT id FROM users WHERE username = 'cw.gz01'").scalar_one()


def insert(auth: DeviceAuth, uid: str, seq: int, row_id: str, name: str) -> Mutation:
    return Mutation(mutation_id=str(uuid.uuid4()), seq=seq, table="employers", row_id=row_id, op="insert",
                    base_version=0, user_id=uid, changes={
                        "office_id": [None, auth.office_id], "name": [None, name], "credit_code": [None, uuid.uuid4().hex[:18].upper()],
                        "industry": [None, "制造业"], "risk_class": [None, 3], "headcount": [None, 10]})


def edit(seq: int, row_id: str, uid: str, base: int, **fields) -> Mutation:
    return Mutation(mutation_id=str(uuid.uuid4()), seq=seq, table="employers", row_id=row_id, op="update",
                    base_version=base, user_id=uid, changes={k: list(v) for k, v in fields.items()})


def request(auth: DeviceAuth, *mutations: Mutation) -> PushRequest:
    return PushRequest(schema_version=SCHEMA_VERSION, device_id=auth.device_id, mutations=list(mutations))


def central_row(store: CentralStore, row_id: str) -> dict:
    t = Employer.__table__
    with store.transaction(write=False) as conn:
        return dict(conn.execute(t.select().where(t.c.id == row_id)).mappings().one())


def test_a_batch_gets_versions_in_device_order_and_a_resend_is_answered_from_the_record(store):
    auth, uid = enrolled(store), user_id(store)
    a, b = str(uuid.uuid4()), str(uuid.uuid4())
    req = request(auth, insert(auth, uid, 1, a, "甲厂"), insert(auth, uid, 2, b, "乙厂"))
    reply = push(store, auth, req)
    assert [r.status for r in reply.results] == ["applied", "applied"] and reply.last_seq == 2
    first, second = (r.version for r in reply.results)
    assert second == first + 1  # one office sequence, in the order the device made the changes
    assert central_row(store, a)["version"] == first
    again = push(store, auth, req)  # the reply was lost: the same batch comes again
    assert again.results == reply.results and central_row(store, b)["version"] == second


def test_a_gap_in_the_device_sequence_asks_for_a_resend_and_applies_nothing(store):
    auth, uid = enrolled(store), user_id(store)
    row = str(uuid.uuid4())
    reply = push(store, auth, request(auth, insert(auth, uid, 2, row, "丙厂")))
    assert reply.resend_from == 1 and reply.results == []
    with pytest.raises(NoResultFound):
        central_row(store, row)


def test_a_sequence_number_reused_for_another_change_is_refused(store):
    auth, uid = enrolled(store), user_id(store)
    push(store, auth, request(auth, insert(auth, uid, 1, str(uuid.uuid4()), "丁厂")))
    reply = push(store, auth, request(auth, insert(auth, uid, 1, str(uuid.uuid4()), "戊厂")))
    assert [(r.status, r.reason) for r in reply.results] == [("rejected", "sync.sequence_reused")]


def test_two_devices_editing_one_field_make_a_conflict_and_the_central_value_stays(store):
    first, second, uid = enrolled(store), enrolled(store), user_id(store)
    row = str(uuid.uuid4())
    [made] = push(store, first, request(first, insert(first, uid, 1, row, "己厂"))).results
    push(store, first, request(first, edit(2, row, uid, made.version, name=("己厂", "己厂有限公司"))))
    # The second device edits the same field from the same base: a conflict, nothing overwritten.
    [late] = push(store, second, request(second, edit(1, row, uid, made.version, name=("己厂", "己厂集团")))).results
    assert late.status == "conflict"
    assert [(c.field, c.base, c.central, c.client) for c in late.conflicts] == [("name", "己厂", "己厂有限公司", "己厂集团")]
    assert central_row(store, row)["name"] == "己厂有限公司"
    # A different field of the same row from the same base merges.
    [merged] = push(store, second, request(second, edit(2, row, uid, made.version, headcount=(10, 12)))).results
    assert merged.status == "applied" and central_row(store, row)["headcount"] == 12


def test_refused_mutations_are_reported_and_the_rest_of_the_batch_applies(store):
    auth, uid = enrolled(store), user_id(store)
    good = str(uuid.uuid4())
    bad = Mutation(mutation_id=str(uuid.uuid4()), seq=1, table="users", row_id=str(uuid.uuid4()), op="insert",
                   base_version=0, user_id=uid, changes={"username": [None, "intruder"]})
    reply = push(store, auth, request(auth, bad, insert(auth, uid, 2, good, "庚厂")))
    assert [(r.status, r.reason) for r in reply.results] == [("rejected", "sync.not_permitted"), ("applied", None)]


def test_requests_from_another_schema_or_device_are_refused_whole(store):
    auth = enrolled(store)
    with pytest.raises(CentralError) as schema:
        push(store, auth, PushRequest(schema_version=SCHEMA_VERSION + 1, device_id=auth.device_id, mutations=[]))
    assert schema.value.key == "sync.schema_version"
    with pytest.raises(CentralError) as device:
        push(store, auth, PushRequest(schema_version=SCHEMA_VERSION, device_id=str(uuid.uuid4()), mutations=[]))
    assert device.value.key == "sync.wrong_device"
