"""The claim's later life travels like every other synced row (issue 15): the dependants register, costs against
receipts with their approval, the suspension period's end and a superseding assessment reach the other desktop of
the office and give the same figures there (SQLite and PostgreSQL stores)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from tests.integration.test_claim_costs import MEDICAL
from tests.integration.test_dependants_register import ANNA, FATHER, WIFE, fatal_claim
from tests.sync.conftest import PASSWORD


def test_register_costs_and_suspension_reach_the_other_desktop(central, desktops):
    central.add_office("GZ01")
    a = desktops(central, "GZ01", "a")
    b = desktops(central, "GZ01", "b")
    a_sup = a.services.auth.login("sup.gz01", PASSWORD)
    claim_id = fatal_claim(a.services, a.actor, a_sup)  # approved: wage base 6,000
    for person in (WIFE, ANNA, FATHER):
        a.services.dependants.add(a.actor, claim_id, person)
    cost_id = a.services.costs.propose(a.actor, claim_id, MEDICAL)
    a.services.clocks.start_stop_work(a.actor, claim_id, {"started_on": "2026-11-01"})
    a.services.clocks.end_stop_work(a.actor, claim_id, {"ended_on": "2026-11-01"})
    report = a.services.sync.sync_now(a.actor)
    # every change arrives: the assessments too (their settlement list defaults to [], never null)
    assert (report.rejected, report.state_ok) == (0, True)
    assert b.services.sync.sync_now(b.actor).state_ok is True

    register = b.services.dependants.register(b.actor, claim_id)
    assert sorted(d.name for d in register.dependants) == sorted(p["name"] for p in (WIFE, ANNA, FATHER))
    # 40 + 30 + 30 = 100 %: not above the cap; the same amounts on the other desktop
    december = {line.name: line.amount for line in b.services.dependants.schedule(b.actor, claim_id,
                                                                                  date(2026, 12, 1), 1)}
    assert december == {WIFE["name"]: Decimal("2400.00"), ANNA["name"]: Decimal("1800.00"),
                        FATHER["name"]: Decimal("1800.00")}
    assert b.services.claims.get(b.actor, claim_id).extra["stop_work"]["months_paid"] == 1
    # the supervisor on b approves the cost the caseworker proposed on a; a sees the approval
    b_sup = b.services.auth.login("sup.gz01", PASSWORD)
    b.services.costs.approve(b_sup, cost_id)
    assert b.services.sync.sync_now(b_sup).state_ok is True
    assert a.services.sync.sync_now(a.actor).state_ok is True
    [cost] = a.services.costs.list(a.actor, claim_id)
    assert (cost.status, cost.amount, cost.decided_by_name) == ("approved", Decimal("12345.67"), "sup GZ01")


def test_a_recurrence_reaches_the_other_desktop_with_the_reopened_claim(central, desktops):
    from tests.integration.test_recurrence import RECURRENCE, closed_claim

    central.add_office("GZ01")
    a = desktops(central, "GZ01", "a")
    b = desktops(central, "GZ01", "b")
    a_sup = a.services.auth.login("sup.gz01", PASSWORD)
    claim_id = closed_claim(a.services, a.actor, a_sup)
    rid = a.services.recurrences.reopen(a.actor, claim_id, {**RECURRENCE, "stop_work_started_on": "2026-11-20"})
    report = a.services.sync.sync_now(a.actor)
    assert (report.rejected, report.state_ok) == (0, True)
    assert b.services.sync.sync_now(b.actor).state_ok is True
    assert b.services.claims.get(b.actor, claim_id).status == "payment"
    [r] = b.services.recurrences.list(b.actor, claim_id)
    assert (r.id, r.occurred_on, r.stop_work_started_on, r.recorded_by_name) == (
        rid, date(2026, 11, 20), date(2026, 11, 20), "cw GZ01")
    # b ends the recurrence's suspension period; a sees the wages: 1 month begun × 6,000.00 (Art. 33, employer)
    b.services.recurrences.record_suspension(b.actor, rid, {"started_on": "2026-11-20", "ended_on": "2026-11-28"})
    assert b.services.sync.sync_now(b.actor).state_ok is True
    assert a.services.sync.sync_now(a.actor).state_ok is True
    [r] = a.services.recurrences.list(a.actor, claim_id)
    assert (r.wages.months, r.wages.amount) == (1, Decimal("6000.00"))


def test_an_employers_cover_and_the_funds_advance_reach_the_other_desktop(central, desktops):
    from tests.integration.test_assessment_services import appraised_claim
    from tests.integration.test_uninsured_employer import set_cover

    central.add_office("GZ01")
    a = desktops(central, "GZ01", "a")
    b = desktops(central, "GZ01", "b")
    a_sup = a.services.auth.login("sup.gz01", PASSWORD)
    claim_id = appraised_claim(a.services, a.actor, grade=8, nursing="none")
    set_cover(a.services, a.actor, claim_id, insured=False)
    a.services.advances.record(a_sup, claim_id, {"kind": "advance", "dated_on": "2026-11-28", "amount": "66000.00",
                                                 "reference": "榕社保先支〔2026〕3号"})
    report = a.services.sync.sync_now(a_sup)
    assert (report.rejected, report.state_ok) == (0, True)
    assert b.services.sync.sync_now(b.actor).state_ok is True
    # b sees the employer uninsured and records the employer's repayment; a sees 66,000.00 − 20,000.00 owed
    b.services.advances.record(b.actor, claim_id, {"kind": "recovery", "dated_on": "2026-11-28", "amount": "20000",
                                                   "reference": "单位还款 001"})
    assert b.services.sync.sync_now(b.actor).state_ok is True
    assert a.services.sync.sync_now(a.actor).state_ok is True
    view = a.services.advances.view(a.actor, claim_id)
    assert (view.insured, view.to_recover) == (False, Decimal("46000.00"))


def test_a_missing_worker_and_the_advance_reach_the_other_desktop(central, desktops):
    from tests.integration.test_missing_worker import missing_claim

    central.add_office("GZ01")
    a = desktops(central, "GZ01", "a")
    b = desktops(central, "GZ01", "b")
    a_sup = a.services.auth.login("sup.gz01", PASSWORD)
    claim_id = missing_claim(a.services, a.actor, a_sup)  # accident 2026-11-01, approved: subsidy 1,083,760.00
    a.services.missing.record_advance(a_sup, claim_id, {"amount": "300000", "advance_on": "2026-11-28",
                                                        "advance_ref": "预支 1"})
    report = a.services.sync.sync_now(a_sup)
    assert (report.rejected, report.state_ok) == (0, True)
    assert b.services.sync.sync_now(b.actor).state_ok is True
    view = b.services.missing.view(b.actor, claim_id)
    assert (view.advance, view.pension_from) == (Decimal("300000.00"), date(2027, 2, 1))
    # b records the court's declaration; a sees 1,083,760.00 − 300,000.00 = 783,760.00 due
    b.services.missing.record_outcome(b.actor, claim_id, {"ended_as": "declared_dead", "outcome_on": "2026-11-28",
                                                          "outcome_ref": "（2026）闽0102民特12号"})
    assert b.services.sync.sync_now(b.actor).state_ok is True
    assert a.services.sync.sync_now(a.actor).state_ok is True
    assert a.services.missing.view(a.actor, claim_id).settlement.death_subsidy_due == Decimal("783760.00")
