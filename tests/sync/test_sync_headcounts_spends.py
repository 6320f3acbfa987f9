"""Headcounts by year and project/publicity spending travel like every other synced row: captured with the
change, pushed, pulled by the other desktop of the office, and counted there (SQLite and PostgreSQL stores)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from tests.conftest import employer_data


def test_a_headcount_and_a_spend_reach_the_other_desktop_and_its_figures(central, desktops):
    central.add_office("GZ01")
    a = desktops(central, "GZ01", "a")
    b = desktops(central, "GZ01", "b")
    employer_id = a.services.employers.create(a.actor, employer_data())
    a.services.headcounts.record(a.actor, employer_id, {"year": 2025, "headcount": 80, "source": "参保人数"})
    a.services.prevention_spending.add(a.actor, {"kind": "publicity", "title": "宣传月", "spent_on": "2025-06-01",
                                                 "amount": "1200.50"})
    report = a.services.sync.sync_now(a.actor)
    assert (report.pushed, report.applied, report.state_ok) == (3, 3, True)
    assert b.services.sync.sync_now(b.actor).state_ok is True
    assert [(h.year, h.headcount, h.source) for h in b.services.headcounts.list(b.actor, employer_id)] == [
        (2025, 80, "参保人数")]
    [spend] = b.services.prevention_spending.list(b.actor)
    assert (spend.kind, spend.amount) == ("publicity", Decimal("1200.50"))
    # The other desktop's statistics use the synced headcount: 0 recognised injuries on 80 workers = 0.00.
    [row] = b.services.prevention_stats.report(b.actor, date(2025, 1, 1), date(2025, 12, 31), "employer").injuries
    assert (row.workers, row.recognised.value) == (80, Decimal("0.00"))
    # A correction made on b comes back to a.
    [h] = b.services.headcounts.list(b.actor, employer_id)
    b.services.headcounts.record(b.actor, employer_id, {"year": 2025, "headcount": 85, "source": "年报"}, token=h.token)
    assert b.services.sync.sync_now(b.actor).state_ok is True
    assert a.services.sync.sync_now(a.actor).state_ok is True
    assert [h.headcount for h in a.services.headcounts.list(a.actor, employer_id)] == [85]
