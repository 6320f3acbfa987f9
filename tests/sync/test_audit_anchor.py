"""Each sync anchors the desktop's audit chain head at the central service; a desktop whose chain no longer
extends an anchored head (rewritten, rewound, wiped) is flagged by `central check` and by its own `check`."""

from __future__ import annotations

from sqlalchemy import select

from injury_desk.central.integrity import check_anchors
from injury_desk.central.tables import audit_anchors
from injury_desk.domain.identifiers import make_credit_code
from injury_desk.services.integrity import check_database
from injury_desk.store.audit_key import load_anchor
from injury_desk.store.capture import AUDIT_HEAD_KEY
from tests.conftest import employer_data
from tests.integration.test_audit_integrity import _plain_chain


def verdicts(central, device_id: str) -> list[str]:
    with central.admin.transaction(write=False) as conn:
        return list(conn.execute(select(audit_anchors.c.verdict).where(audit_anchors.c.device_id == device_id)
                                 .order_by(audit_anchors.c.id)).scalars())


def _head(db) -> tuple[int, str]:
    seq, digest = db.setting(AUDIT_HEAD_KEY).split(":", 1)
    return int(seq), digest


def _rewind(d, keep: int) -> None:
    """The chain rewound to event ``keep`` with the database file alone: later events dropped, the head set back."""
    d.tampered = True
    con = d.db.raw_connection()
    digest = con.execute("SELECT hash FROM audit_events WHERE seq = ?", (keep,)).fetchone()[0]
    con.execute("DELETE FROM audit_events WHERE seq > ?", (keep,))
    con.execute("DELETE FROM audit_rows WHERE event_seq > ?", (keep,))
    con.execute("UPDATE local_settings SET value = ? WHERE key = ?", (f"{keep}:{digest}", AUDIT_HEAD_KEY))
    con.close()


def test_each_sync_anchors_the_head_and_the_desktop_keeps_what_was_acknowledged(central, desktops):
    central.add_office("GZ01")
    d = desktops(central, "GZ01", "a")  # enrolment's first pull is a sync too
    assert verdicts(central, d.db.device_id) == ["first"]
    d.services.employers.create(d.actor, employer_data())
    report = d.services.sync.sync_now(d.actor)
    assert report.anchor == "extends"
    assert verdicts(central, d.db.device_id) == ["first", "extends"]
    anchored = load_anchor(d.db.device_id)
    assert anchored is not None and anchored.seq <= _head(d.db)[0]
    assert check_database(d.db).ok, check_database(d.db).problems
    assert check_anchors(central.admin).ok


def test_a_rewound_chain_is_flagged_by_the_service_and_by_the_desktops_check(central, desktops):
    central.add_office("GZ01")
    d = desktops(central, "GZ01", "a")
    d.services.employers.create(d.actor, employer_data())
    d.services.sync.sync_now(d.actor)
    anchored = load_anchor(d.db.device_id)
    _rewind(d, anchored.seq - 2)
    problems = check_database(d.db).problems
    assert any(f"no longer extends the head the central service anchored (event {anchored.seq})" in p
               for p in problems), problems
    # The next sync (new work made the chain longer again) is flagged on the service too.
    d.services.employers.create(d.actor, employer_data(name="另一家公司",
                                                        credit_code=make_credit_code("91440300000000009")))
    report = d.services.sync.sync_now(d.actor)
    assert report.anchor == "diverged"
    central_problems = check_anchors(central.admin).problems
    assert len(central_problems) == 1 and central_problems[0].startswith(f"device {d.db.device_id} (office ")
    assert "no longer extends the head anchored here" in central_problems[0]


def test_a_chain_recomputed_without_the_key_is_flagged_at_the_next_sync(central, desktops):
    central.add_office("GZ01")
    d = desktops(central, "GZ01", "a")
    d.services.employers.create(d.actor, employer_data())
    d.services.sync.sync_now(d.actor)
    d.tampered = True
    con = d.db.raw_connection()
    con.execute("UPDATE audit_events SET after = json_set(after, '$.name', '改过') WHERE table_name = 'employers'")
    _plain_chain(con)
    con.close()
    report = d.services.sync.sync_now(d.actor)
    assert report.anchor == "diverged"
    assert not check_anchors(central.admin).ok
    assert any("no longer extends the head the central service anchored" in p
               for p in check_database(d.db).problems)


def test_a_wiped_log_is_flagged_at_the_next_sync(central, desktops):
    central.add_office("GZ01")
    d = desktops(central, "GZ01", "a")
    d.services.sync.sync_now(d.actor)
    d.tampered = True
    con = d.db.raw_connection()
    con.execute("DELETE FROM audit_events")
    con.execute("DELETE FROM audit_rows")
    con.execute("DELETE FROM local_settings WHERE key = ?", (AUDIT_HEAD_KEY,))
    con.close()
    d.services.employers.create(d.actor, employer_data())
    report = d.services.sync.sync_now(d.actor)
    assert report.anchor == "diverged"
    assert not check_anchors(central.admin).ok


def test_a_package_made_before_a_later_sync_is_not_a_divergence(central, desktops, tmp_path):
    # Exported, then synced over the network (a newer head anchored), then the package reaches the central office:
    # its head is older than the one anchored since, which is how packages travel, not a rewritten chain.
    from injury_desk.central.packages import import_package

    central.add_office("GZ01")
    d = desktops(central, "GZ01", "a")
    d.services.employers.create(d.actor, employer_data())
    package, reply = tmp_path / "package-1.json", tmp_path / "reply-1.json"
    d.services.sync.export_package(d.actor, package)
    assert d.services.sync.sync_now(d.actor).anchor == "extends"
    anchored = load_anchor(d.db.device_id)
    assert import_package(central.admin, package, reply).anchor_reply.verdict == "unproven"
    assert check_anchors(central.admin).ok, check_anchors(central.admin).problems
    report = d.services.sync.import_reply(d.actor, reply)
    assert report.anchor == "unproven"  # asked for the newest, which the next sync sends
    assert load_anchor(d.db.device_id) == anchored
    assert check_database(d.db).ok, check_database(d.db).problems
    d.services.employers.create(d.actor, employer_data(name="另一家公司",
                                                        credit_code=make_credit_code("91440300000000009")))
    assert d.services.sync.sync_now(d.actor).anchor == "extends"
    assert verdicts(central, d.db.device_id) == ["first", "extends", "unproven", "extends"]
    assert check_anchors(central.admin).ok


def test_a_rewound_chain_carried_in_a_package_is_still_flagged(central, desktops, tmp_path):
    # The package's proof is the head this desktop last had acknowledged (kept in the keyring, which a copy of the
    # database file cannot rewind): a rewound chain does not hold it, however old the package's own head may be.
    from injury_desk.central.packages import import_package

    central.add_office("GZ01")
    d = desktops(central, "GZ01", "a")
    d.services.employers.create(d.actor, employer_data())
    d.services.sync.sync_now(d.actor)
    anchored = load_anchor(d.db.device_id)
    _rewind(d, anchored.seq - 2)
    d.services.employers.create(d.actor, employer_data(name="另一家公司",
                                                        credit_code=make_credit_code("91440300000000009")))
    package, reply = tmp_path / "package-1.json", tmp_path / "reply-1.json"
    d.services.sync.export_package(d.actor, package)
    assert import_package(central.admin, package, reply).anchor_reply.verdict == "diverged"
    assert not check_anchors(central.admin).ok
