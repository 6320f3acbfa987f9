"""central/merge.py without a database: what one mutation does to the central row, field by field."""

from __future__ import annotations

import uuid

import pytest

from injury_desk.central.merge import Rejected, merge, validate
from injury_desk.protocol.messages import Mutation

OFFICE = "office-1"
USERS = {"cw": ("caseworker", True), "sup": ("supervisor", True), "adm": ("administrator", True),
         "gone": ("caseworker", False)}


def mutation(op="update", changes=None, table="employers", user="cw", row_id="row-1", seq=1, base=1) -> Mutation:
    return Mutation(mutation_id=str(uuid.uuid4()), seq=seq, table=table, row_id=row_id, op=op, base_version=base,
                    changes=changes or {}, user_id=user)


def central(**values):
    row = {"id": "row-1", "office_id": OFFICE, "deleted": False, "version": 3, "name": "Acme", "address": "Fuzhou"}
    row.update(values)
    return row


def test_disjoint_edits_merge_and_the_client_value_wins_where_central_did_not_change():
    # Central changed the address since the base; the client changed the name: both survive.
    out = merge(mutation(changes={"name": ["Acme", "Acme Ltd"]}), central(address="Xiamen"), OFFICE, True)
    assert out.status == "applied" and out.applied == {"name": "Acme Ltd"} and out.before == {"name": "Acme"}
    assert out.row["name"] == "Acme Ltd" and out.row["address"] == "Xiamen"


def test_the_same_value_is_a_noop_and_a_different_one_a_conflict_keeping_the_central_value():
    assert merge(mutation(changes={"name": ["Acme", "Acme Ltd"]}), central(name="Acme Ltd"), OFFICE, True).status == "noop"
    out = merge(mutation(changes={"name": ["Acme", "Acme Ltd"]}), central(name="Acme Group"), OFFICE, True)
    assert out.status == "conflict" and out.conflicts == [("name", "Acme", "Acme Group", "Acme Ltd")]
    assert out.row["name"] == "Acme Group"  # a person resolves it; nothing is overwritten


def test_delete_against_an_edit_is_a_conflict_and_delete_against_delete_converges():
    assert merge(mutation(op="delete"), central(), OFFICE, False).applied == {"deleted": True}
    edited = merge(mutation(op="delete"), central(), OFFICE, True)
    assert edited.status == "conflict" and edited.conflicts == [("deleted", False, False, True)]
    assert merge(mutation(op="delete"), central(deleted=True), OFFICE, True).status == "noop"
    # An edit against a central delete keeps the delete and every edited value in the conflict.
    out = merge(mutation(changes={"name": ["Acme", "New"]}), central(deleted=True), OFFICE, False)
    assert out.status == "conflict" and ("name", "Acme", "Acme", "New") in out.conflicts


def test_inserts_make_a_row_once_and_a_repeat_with_the_same_values_is_a_noop():
    changes = {"name": [None, "Acme"], "credit_code": [None, "91350100M000100Y43"]}
    out = merge(mutation(op="insert", changes=changes, base=0), None, OFFICE, False)
    assert out.inserted and out.row["name"] == "Acme" and out.row["office_id"] == OFFICE and out.row["deleted"] is False
    again = merge(mutation(op="insert", changes=changes, base=0), out.row, OFFICE, False)
    assert again.status == "noop"
    with pytest.raises(Rejected) as other:
        merge(mutation(op="insert", changes={"name": [None, "Other"]}, base=0), out.row, OFFICE, False)
    assert other.value.key == "sync.row_exists"


def test_a_row_of_another_office_is_missing_not_shown():
    with pytest.raises(Rejected) as info:
        merge(mutation(changes={"name": ["Acme", "x"]}), central(office_id="office-2"), OFFICE, False)
    assert info.value.key == "sync.row_missing"


@pytest.mark.parametrize(
    ("m", "key"),
    [
        (mutation(table="no_such_table"), "sync.unknown_table"),
        (mutation(table="users"), "sync.not_permitted"),  # accounts are made centrally only
        (mutation(user="gone"), "sync.unknown_user"),
        (mutation(user="adm"), "sync.not_permitted"),  # administrators do not do casework
        (mutation(changes={"no_such_field": [None, 1]}), "sync.unknown_field"),
        (mutation(changes={"office_id": [OFFICE, "office-2"]}), "sync.transfer_required"),
        (mutation(table="claims", changes={"deleted": [False, True]}), "sync.not_permitted"),  # a supervisor's call
    ],
)
def test_validation_refuses_with_the_rule(m, key):
    with pytest.raises(Rejected) as info:
        validate(m, OFFICE, USERS)
    assert info.value.key == key


def test_a_supervisor_may_tombstone_a_claim():
    m = mutation(table="claims", user="sup", changes={"deleted": [False, True]})
    assert "deleted" in validate(m, OFFICE, USERS)
