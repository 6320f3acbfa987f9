"""After a pull the office state hash is compared; drift is repaired from the central store, unsent work kept."""

from __future__ import annotations

from sqlalchemy import update

from injury_desk.store.models import Employer
from tests.conftest import employer_data
from tests.sync.test_conflicts import edit_employer


def test_drift_is_detected_and_repaired_without_touching_unsent_work(central, desktops):
    central.add_office("GZ01")
    a = desktops(central, "GZ01", "a")
    b = desktops(central, "GZ01", "b")
    first = a.services.employers.create(a.actor, employer_data())
    from injury_desk.domain.identifiers import make_credit_code

    second = a.services.employers.create(a.actor, employer_data(credit_code=make_credit_code("91440000000000077"),
                                                                name="第二公司"))
    a.services.sync.sync_now(a.actor)
    b.services.sync.sync_now(b.actor)
    # B's copy drifts (as after a restore from an old backup): one row loses its name and version.
    with b.db.write_pulled(None, "test.drift") as s:
        s.execute(update(Employer).where(Employer.id == first).values(name="旧名字", version=1))
    # ...and B has unsent work on the other row.
    edit_employer(b, second, address="未发送的地址")
    engine = b.services.sync.engine_for(b.actor)
    transport = b.services.sync._transport()
    report = engine.check_state(transport, repair=False)
    assert report.state_ok is False  # the hash noticed
    report = engine.check_state(transport, repair=True)
    assert report.repaired == 1
    assert report.drift_rows == []  # the row with unsent work is at the central version, so it does not differ
    with b.db.read() as s:
        assert s.get(Employer, first).name == employer_data()["name"]
        assert s.get(Employer, second).address == "未发送的地址"  # unsent work kept
    assert b.services.sync.status(b.actor).pending == 1
    report = b.services.sync.sync_now(b.actor)
    assert report.state_ok and report.applied == 1
