"""The office state hash the service keeps in its counters row: after every kind of write it is the hash of the office's
rows, a store from before c0020 gets it at the office's next write, and `central check` reports a kept hash that is
not the rows' one."""

from __future__ import annotations

from sqlalchemy import select, update

from injury_desk.central.integrity import check_chains
from injury_desk.central.office_state import computed
from injury_desk.central.tables import office_counters
from injury_desk.domain.identifiers import make_credit_code
from tests.conftest import employer_data


def kept_and_actual(central, office_id: str) -> tuple[tuple[str | None, int | None], tuple[str, int]]:
    with central.admin.transaction(write=False) as conn:
        kept = conn.execute(select(office_counters.c.state_acc, office_counters.c.state_rows).where(
            office_counters.c.office_id == office_id)).one()
        acc, rows = computed(conn, office_id)
    return (kept.state_acc, kept.state_rows), (f"{acc:032x}", rows)


def edit(d, employer_id: str, **changes) -> None:
    view = d.services.employers.get(d.actor, employer_id)
    data = employer_data(**{k: getattr(view, k) for k in ("credit_code", "name", "industry", "risk_class", "headcount",
                                                          "address", "contact_name", "contact_phone")})
    d.services.employers.update(d.actor, employer_id, {**data, **changes}, token=view.token)


def test_the_kept_hash_is_the_rows_hash_after_every_kind_of_write(central, desktops):
    office = central.add_office("GZ01")  # the office row and two users: written by the administrator
    kept, actual = kept_and_actual(central, office)
    assert kept == actual and actual[1] == 3
    a, b = desktops(central, "GZ01", "a"), desktops(central, "GZ01", "b")
    one = a.services.employers.create(a.actor, employer_data(credit_code=make_credit_code("91440000000000001"),
                                                             name="一号"))
    a.services.employers.create(a.actor, employer_data(credit_code=make_credit_code("91440000000000002"),
                                                       name="二号"))
    b.services.employers.create(b.actor, employer_data(credit_code=make_credit_code("91440000000000002"),
                                                       name="重复"))  # the same credit code: refused centrally
    a.services.sync.sync_now(a.actor)  # two inserts
    b_report = b.services.sync.sync_now(b.actor)  # a batch redone one mutation at a time, one refused
    assert b_report.rejected == 1
    edit(a, one, headcount=77)
    a.services.sync.sync_now(a.actor)  # an update
    edit(b, one, address="新地址")
    edit(a, one, address="另一个地址")
    b.services.sync.sync_now(b.actor)
    report = a.services.sync.sync_now(a.actor)  # the same field on both: a conflict
    assert report.conflicts == 1
    kept, actual = kept_and_actual(central, office)
    assert kept == actual and actual[1] == 3 + 2  # the office, its users, the two employers
    assert check_chains(central.admin).ok
    assert a.services.sync.sync_now(a.actor).state_ok is True


def test_a_store_from_before_the_kept_hash_gets_it_at_the_offices_next_write(central, desktops):
    office = central.add_office("GZ01")
    a = desktops(central, "GZ01", "a")
    with central.admin.transaction() as conn:  # as c0020 leaves an older store's counters
        conn.execute(update(office_counters).values(state_acc=None, state_rows=None))
    assert kept_and_actual(central, office)[0] == (None, None)
    assert a.services.sync.sync_now(a.actor).state_ok is True  # answered from the rows
    a.services.employers.create(a.actor, employer_data(name="一号"))
    assert a.services.sync.sync_now(a.actor).state_ok is True
    kept, actual = kept_and_actual(central, office)
    assert kept == actual and actual[1] == 4
    assert check_chains(central.admin).ok


def test_central_check_reports_a_kept_hash_that_is_not_the_rows_one(central, desktops):
    office = central.add_office("GZ01")
    with central.admin.transaction() as conn:
        conn.execute(update(office_counters).values(state_acc="0" * 31 + "1"))
    report = check_chains(central.admin)
    assert [p for p in report.problems if "state hash" in p and office in p]
