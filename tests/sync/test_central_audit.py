"""The central audit chain of each office records every applied change and `central check` finds tampering."""

from __future__ import annotations

from sqlalchemy import select, update

from injury_desk.central.integrity import check_chains
from injury_desk.central.tables import central_audit
from tests.conftest import employer_data


def test_every_applied_change_is_audited_and_an_edited_event_is_reported(central, desktops):
    central.add_office("GZ01")
    d = desktops(central, "GZ01", "a")
    eid = d.services.employers.create(d.actor, employer_data())
    d.services.sync.sync_now(d.actor)
    report = check_chains(central.admin)
    assert report.ok and report.offices == 1 and report.events == 4  # office, two users, the batch (the employer)
    a = central_audit.c
    with central.admin.transaction() as conn:
        seq, entries = conn.execute(select(a.seq, a.entries).where(a.action == "sync.batch")).one()
        assert [(e["table"], e["row_id"]) for e in entries] == [("employers", eid)]
        entries[0]["after"]["name"] = "改过"
        conn.execute(update(central_audit).where(a.seq == seq).values(entries=entries))
    report = check_chains(central.admin)
    assert not report.ok
    assert any("was changed" in p for p in report.problems)


def test_central_check_finds_a_feed_that_no_longer_matches_its_rows(central, desktops):
    from sqlalchemy import select

    from injury_desk.central.integrity import check_feed
    from injury_desk.central.tables import feed
    from injury_desk.store.models import Employer

    central.add_office("GZ01")
    d = desktops(central, "GZ01", "a")
    eid = d.services.employers.create(d.actor, employer_data())
    d.services.sync.sync_now(d.actor)
    report = check_feed(central.admin)
    assert report.ok and report.rows == 4, report.problems  # the office, two users, the employer

    f = feed.c
    with central.admin.transaction() as conn:
        payload = conn.execute(select(f.payload).where(f.row_id == eid)).scalar()
        conn.execute(update(feed).where(f.row_id == eid).values(payload=payload.replace("福州", "厦门")))
    problems = check_feed(central.admin).problems
    assert problems == [f"employers {eid}: the feed sends other values than the row holds"]

    employers = Employer.__table__
    with central.admin.transaction() as conn:
        conn.execute(update(employers).where(employers.c.id == eid).values(version=employers.c.version + 100))
    problems = check_feed(central.admin).problems
    assert len(problems) == 1 and problems[0].startswith(f"employers {eid}: feed entry at ")



def test_no_central_audit_event_holds_a_password_hash(central, desktops):
    """Users are made centrally; neither that nor a desktop's attempt to make one (refused: accounts are central)
    puts a password hash into the central audit chain."""
    from sqlalchemy import select

    central.add_office("GZ01", users=(("cw", "caseworker"), ("adm", "administrator")))
    d = desktops(central, "GZ01", "a", login="adm")
    d.services.auth.create_user(d.actor, username="new.gz01", display_name="新同事", role="caseworker",
                                password="a-long-password-1")
    d.services.sync.sync_now(d.actor)
    with central.admin.transaction(write=False) as conn:
        events = conn.execute(select(central_audit.c.table_name, central_audit.c.before, central_audit.c.after,
                                     central_audit.c.entries)).all()
    assert any(table == "users" for table, _b, _a, _e in events)
    assert any(e["table"] == "users" for *_x, entries in events for e in entries or ())  # the refused attempt
    assert all("$argon2" not in str(before) + str(after) + str(entries) for _t, before, after, entries in events)
