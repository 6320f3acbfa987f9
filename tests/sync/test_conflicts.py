"""Field-level conflicts as DESIGN.md states them, through the real service and real desktops."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

import injury_desk.store.capture as capture
from injury_desk.store.models import AuditEvent, Claim, Employer
from tests.conftest import claim_draft, employer_data


def two_desktops(central, desktops, *, a_login="cw", b_login="cw"):
    central.add_office("GZ01")
    return desktops(central, "GZ01", "a", login=a_login), desktops(central, "GZ01", "b", login=b_login)


def shared_employer(a, b) -> str:
    employer_id = a.services.employers.create(a.actor, employer_data())
    a.services.sync.sync_now(a.actor)
    b.services.sync.sync_now(b.actor)
    return employer_id


def edit_employer(d, employer_id, **changes):
    view = d.services.employers.get(d.actor, employer_id)
    data = employer_data(**{k: getattr(view, k) for k in ("credit_code", "name", "industry", "risk_class", "headcount",
                                                          "address", "contact_name", "contact_phone")})
    data.update(changes)
    d.services.employers.update(d.actor, employer_id, data, token=view.token)


def central_row(central, table, row_id):
    from sqlalchemy import select

    from injury_desk.store.models import MODEL_BY_TABLE

    t = MODEL_BY_TABLE[table].__table__
    with central.admin.transaction(write=False) as conn:
        return conn.execute(select(t).where(t.c.id == row_id)).mappings().one()


def test_edits_to_different_fields_merge(central, desktops):
    a, b = two_desktops(central, desktops)
    eid = shared_employer(a, b)
    edit_employer(a, eid, address="福州市鼓楼区一号")
    edit_employer(b, eid, headcount=150)
    a.services.sync.sync_now(a.actor)
    report = b.services.sync.sync_now(b.actor)
    assert report.conflicts == 0
    a.services.sync.sync_now(a.actor)
    for d in (a, b):
        view = d.services.employers.get(d.actor, eid)
        assert (view.address, view.headcount) == ("福州市鼓楼区一号", 150)
    row = central_row(central, "employers", eid)
    assert (row["address"], row["headcount"]) == ("福州市鼓楼区一号", 150)


def test_same_field_different_values_gives_one_conflict_and_the_central_value_stays(central, desktops):
    a, b = two_desktops(central, desktops)
    eid = shared_employer(a, b)
    edit_employer(a, eid, address="A 的地址")
    edit_employer(b, eid, address="B 的地址")
    a.services.sync.sync_now(a.actor)
    report = b.services.sync.sync_now(b.actor)
    assert report.conflicts == 1
    assert central_row(central, "employers", eid)["address"] == "A 的地址"
    [conflict] = b.services.sync.conflicts(b.actor)
    assert (conflict.field, conflict.base, conflict.central, conflict.local) == (
        "address", employer_data()["address"], "A 的地址", "B 的地址")
    assert b.services.employers.get(b.actor, eid).address == "A 的地址"  # the desktop shows the central value
    # The caseworker keeps the local value: an ordinary, audited change that syncs as a mutation.
    b.services.sync.resolve_conflict(b.actor, conflict.id, "local")
    assert b.services.sync.conflicts(b.actor) == []
    b.services.sync.sync_now(b.actor)
    a.services.sync.sync_now(a.actor)
    assert central_row(central, "employers", eid)["address"] == "B 的地址"
    assert a.services.employers.get(a.actor, eid).address == "B 的地址"
    with b.db.read() as s:
        actions = [e.action for e in s.query(AuditEvent).filter(AuditEvent.row_id == eid)]
    assert "sync.resolve_conflict" in actions


def test_a_new_value_can_settle_a_conflict(central, desktops):
    a, b = two_desktops(central, desktops)
    eid = shared_employer(a, b)
    edit_employer(a, eid, headcount=200)
    edit_employer(b, eid, headcount=300)
    a.services.sync.sync_now(a.actor)
    b.services.sync.sync_now(b.actor)
    [conflict] = b.services.sync.conflicts(b.actor)
    from injury_desk.domain.errors import ValidationFailed

    with pytest.raises(ValidationFailed) as err:
        b.services.sync.resolve_conflict(b.actor, conflict.id, "new", "二百五十")
    assert (err.value.errors[0].field, err.value.errors[0].rule) == ("headcount", "sync.field_type")
    assert len(b.services.sync.conflicts(b.actor)) == 1  # nothing changed
    b.services.sync.resolve_conflict(b.actor, conflict.id, "new", 250)
    b.services.sync.sync_now(b.actor)
    assert central_row(central, "employers", eid)["headcount"] == 250


def test_the_same_value_on_both_sides_is_no_conflict(central, desktops):
    a, b = two_desktops(central, desktops)
    eid = shared_employer(a, b)
    edit_employer(a, eid, contact_name="王芳")
    edit_employer(b, eid, contact_name="王芳")
    a.services.sync.sync_now(a.actor)
    report = b.services.sync.sync_now(b.actor)
    assert report.conflicts == 0 and report.state_ok
    assert central_row(central, "employers", eid)["contact_name"] == "王芳"


def shared_claim(a, b) -> str:
    claim_id = a.services.claims.create(a.actor, claim_draft())
    a.services.sync.sync_now(a.actor)
    b.services.sync.sync_now(b.actor)
    return claim_id


def test_delete_against_edit_is_a_conflict_either_way(central, desktops):
    a, b = two_desktops(central, desktops, a_login="sup", b_login="cw")
    claim_id = shared_claim(a, b)
    # The delete lands first; the edit meets a tombstone.
    a.services.claims.delete(a.actor, claim_id)
    b.services.claims.accept(b.actor, claim_id, {"accepted_on": "2026-11-20", "clear_case": False})
    a.services.sync.sync_now(a.actor)
    report = b.services.sync.sync_now(b.actor)
    assert report.conflicts >= 1
    fields = {c.field: c for c in b.services.sync.conflicts(b.actor)}
    assert (fields["deleted"].central, fields["deleted"].local) == (True, False)
    assert fields["status"].local == "determination"
    assert central_row(central, "claims", claim_id)["deleted"] is True


def test_delete_after_someone_else_edited_is_a_conflict_and_the_row_stays(central, desktops):
    a, b = two_desktops(central, desktops, a_login="sup", b_login="cw")
    claim_id = shared_claim(a, b)
    b.services.claims.accept(b.actor, claim_id, {"accepted_on": "2026-11-20", "clear_case": False})
    a.services.claims.delete(a.actor, claim_id)
    b.services.sync.sync_now(b.actor)
    report = a.services.sync.sync_now(a.actor)
    assert report.conflicts == 1
    [c] = a.services.sync.conflicts(a.actor)
    assert (c.field, c.central, c.local) == ("deleted", False, True)
    row = central_row(central, "claims", claim_id)
    assert row["deleted"] is False and row["status"] == "determination"
    with a.db.read() as s:
        assert s.get(Claim, claim_id).deleted is False  # the desktop shows the central state


def test_delete_against_delete_converges(central, desktops):
    a, b = two_desktops(central, desktops, a_login="sup", b_login="sup")
    claim_id = shared_claim(a, b)
    a.services.claims.delete(a.actor, claim_id)
    b.services.claims.delete(b.actor, claim_id)
    a.services.sync.sync_now(a.actor)
    report = b.services.sync.sync_now(b.actor)
    assert report.conflicts == 0 and report.state_ok
    assert central_row(central, "claims", claim_id)["deleted"] is True
    a.services.sync.sync_now(a.actor)
    assert a.services.sync.engine_for(a.actor).local_state_hash() == b.services.sync.engine_for(b.actor).local_state_hash()


@pytest.mark.parametrize("skew_years", [10, -10])
def test_device_clocks_ten_years_off_change_nothing(central, desktops, monkeypatch, skew_years):
    a, b = two_desktops(central, desktops)
    eid = shared_employer(a, b)
    real = capture.utcnow
    # A's clock is far off when it edits; B edits later with the right clock but syncs first.
    monkeypatch.setattr(capture, "utcnow", lambda: real() + timedelta(days=365 * skew_years))
    edit_employer(a, eid, address="A 的地址")
    monkeypatch.setattr(capture, "utcnow", real)
    edit_employer(b, eid, address="B 的地址")
    b.services.sync.sync_now(b.actor)
    report = a.services.sync.sync_now(a.actor)
    # Whoever reaches the service first wins and the other gets the conflict, whatever the clocks say.
    assert report.conflicts == 1
    assert central_row(central, "employers", eid)["address"] == "B 的地址"
    with a.db.read() as s:
        stamp = s.get(Employer, eid).updated_at
    assert abs(stamp - datetime.now(timezone.utc)) < timedelta(days=1)  # the central row's time came down
