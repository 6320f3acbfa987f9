"""A missing worker through the services (Regulation Art. 41): recorded on a death claim, the approval holding back
the death's once items and the pension months before the 4th, the register and the monthly run paying from the 4th
month, the supervisor's advance of at most half the one-time death subsidy, and the two ends of the case (declared
dead: the rest of the subsidy and the funeral subsidy scheduled; reappeared: the pension stops and what was paid is
to be recovered); refusals change nothing; audit and outbox."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import select

from injury_desk.domain.errors import DomainError, ValidationFailed
from injury_desk.store.models import AuditEvent, OutboxEntry
from tests.conftest import rules
from tests.integration.test_assessment_services import decided_claim, proposal_inputs, with_wages
from tests.integration.test_dependants_register import BO, FATHER, WIFE

MISSING = {"circumstance": "away_on_work", "reported_on": "2026-11-02", "note": "出差途中船只倾覆，下落不明"}


def missing_claim(services, cw, sup, *, approve=True) -> str:
    """Accident 2026-11-01 (the worker went missing), wage base 6,000, recorded missing before the approval of
    2026-11-28 (today)."""
    claim_id = decided_claim(services, cw, fatal=True)
    with_wages(services, cw, claim_id)
    assessment_id = services.assessments.propose(cw, claim_id, proposal_inputs(
        services, cw, claim_id, dependants=[{"relation": "spouse"}], national_urban_disposable_income="54188"))
    services.missing.record(cw, claim_id, MISSING)
    if approve:
        services.assessments.approve(sup, assessment_id)
    return claim_id


def test_wages_three_months_then_the_pension_from_the_fourth_and_the_death_items_held_back(services, cw, sup):
    claim_id = missing_claim(services, cw, sup)
    items = {i["code"]: Decimal(i["amount"]) for i in services.assessments.get(cw, claim_id).result["items"]}
    # Art. 39(3): 20 × 54,188 = 1,083,760.00
    assert items["one_time_death_subsidy"] == Decimal("1083760.00")
    payments = [p for p in services.assessments.list_payments(cw, claim_id) if p.status == "scheduled"]
    codes = {p.item_code for p in payments}
    assert "one_time_death_subsidy" not in codes and "funeral_subsidy" not in codes  # until a court declares death
    # approved 28 November: the schedule would pay December 2026 to November 2027; December and January are the
    # 2nd and 3rd months counted from November (wages): 10 months from February 2027 remain
    pension_dues = sorted(p.due_on for p in payments if p.item_code == "dependants_pension")
    assert pension_dues[0] == date(2027, 2, 1) and len(pension_dues) == 10
    view = services.missing.view(cw, claim_id)
    assert view.wage_months == [date(2026, 11, 1), date(2026, 12, 1), date(2027, 1, 1)]
    assert view.pension_from == date(2027, 2, 1) and view.wage_base == Decimal("6000.00")
    assert view.advance_cap == Decimal("541880.00") and view.recorded_by_name == "Case Worker"

    ids = {d["name"]: services.dependants.add(cw, claim_id, d) for d in (WIFE, BO, FATHER)}
    lines = services.dependants.schedule(cw, claim_id, date(2026, 12, 1), months=3)
    # nothing for December and January; February: 40 + 30 + 30 = 100 %, not over the cap: 2,400 / 1,800 / 1,800
    assert {x.month for x in lines} == {date(2027, 2, 1)}
    assert {x.name: x.amount for x in lines} == {"李秀英": Decimal("2400.00"), "张博": Decimal("1800.00"),
                                                  "张德福": Decimal("1800.00")}
    stored = [p for p in services.assessments.list_payments(cw, claim_id)
              if p.status == "scheduled" and p.item_code == "dependants_pension"]
    # each person's own payments, February to November 2027: 3 × 10
    assert len(stored) == 30 and min(p.due_on for p in stored) == date(2027, 2, 1)
    assert {p.dependant_name for p in stored} == set(ids)

    assert not [x for x in services.monthly_run.due(cw, date(2027, 1, 1)) if x.claim_id == claim_id]
    february = [x for x in services.monthly_run.due(cw, date(2027, 2, 1)) if x.claim_id == claim_id]
    assert sorted(x.amount for x in february) == [Decimal("1800.00"), Decimal("1800.00"), Decimal("2400.00")]


def test_the_advance_and_a_declared_death_pay_the_rest_of_the_subsidy(services, cw, sup, db):
    claim_id = missing_claim(services, cw, sup)
    advance = {"amount": "300,000.00", "advance_on": "2026-11-28", "advance_ref": "榕社保预支〔2026〕1号"}
    with pytest.raises(DomainError) as denied:  # a caseworker does not decide the advance
        services.missing.record_advance(cw, claim_id, advance)
    assert denied.value.key == "permission.denied"
    with pytest.raises(ValidationFailed) as bad:  # half of 1,083,760.00 is 541,880.00
        services.missing.record_advance(sup, claim_id, {**advance, "amount": "541880.01"})
    assert ("amount", "missing.advance_exceeds") in rules(bad.value)
    assert services.missing.view(cw, claim_id).advance is None  # nothing changed
    services.missing.record_advance(sup, claim_id, advance)
    with pytest.raises(ValidationFailed) as bad:
        services.missing.record_advance(sup, claim_id, {**advance, "amount": "1"})
    assert ("amount", "missing.advance_already") in rules(bad.value)

    with pytest.raises(ValidationFailed) as bad:  # a declaration of death names its judgment
        services.missing.record_outcome(cw, claim_id, {"ended_as": "declared_dead", "outcome_on": "2026-11-28"})
    assert ("outcome_ref", "missing.judgment_required") in rules(bad.value)
    services.missing.record_outcome(cw, claim_id, {"ended_as": "declared_dead", "outcome_on": "2026-11-28",
                                                   "outcome_ref": "（2026）闽0102民特12号"})
    view = services.missing.view(cw, claim_id)
    funeral = {i["code"]: Decimal(i["amount"]) for i in
               services.assessments.get(cw, claim_id).result["items"]}["funeral_subsidy"]
    # 1,083,760.00 − 300,000.00 = 783,760.00 due now; the funeral subsidy in full
    assert view.settlement.death_subsidy_due == Decimal("783760.00") and view.settlement.funeral_subsidy == funeral
    due_now = {p.item_code: p.amount for p in services.assessments.list_payments(cw, claim_id)
               if p.status == "scheduled" and p.due_on == date(2026, 11, 28)}
    assert due_now == {"one_time_death_subsidy": Decimal("783760.00"), "funeral_subsidy": funeral}
    with pytest.raises(ValidationFailed) as bad:  # the case has ended
        services.missing.record_outcome(cw, claim_id, {"ended_as": "reappeared", "outcome_on": "2026-11-28"})
    assert ("ended_as", "missing.closed") in rules(bad.value)
    with db.read() as s:
        actions = s.scalars(select(AuditEvent.action).where(AuditEvent.table_name == "missing_workers")).all()
        pushed = s.scalars(select(OutboxEntry.table_name).where(OutboxEntry.table_name == "missing_workers")).all()
    assert sorted(set(actions)) == ["claim.missing_advance", "claim.missing_declared_dead", "claim.missing_worker"]
    assert len(pushed) == 3


def test_a_worker_who_reappears_stops_the_pension_and_owes_what_was_paid(services, cw, sup, ctx):
    claim_id = missing_claim(services, cw, sup)
    services.missing.record_advance(sup, claim_id, {"amount": "100000", "advance_on": "2026-11-28",
                                                    "advance_ref": "预支 2"})
    ctx.today = lambda: date(2027, 3, 15)
    feb, mar = sorted((p for p in services.assessments.list_payments(cw, claim_id)
                       if p.item_code == "dependants_pension" and p.status == "scheduled"),
                      key=lambda p: p.due_on)[:2]
    for p in (feb, mar):  # the single monthly total of the assessment (no register): 40 % × 6,000 = 2,400.00
        services.assessments.record_payment(cw, p.id, p.due_on.isoformat(), "代发")
    with pytest.raises(ValidationFailed) as bad:
        services.missing.record_outcome(cw, claim_id, {"ended_as": "reappeared", "outcome_on": "2027-03-16"})
    assert ("outcome_on", "field.date_in_future") in rules(bad.value)
    services.missing.record_outcome(cw, claim_id, {"ended_as": "reappeared", "outcome_on": "2027-03-10"})
    view = services.missing.view(cw, claim_id)
    # paid: 2 × 2,400.00 = 4,800.00; advance 100,000.00; to recover 104,800.00
    assert view.pensions_paid == Decimal("4800.00") and view.settlement.to_recover == Decimal("104800.00")
    left = [p for p in services.assessments.list_payments(cw, claim_id)
            if p.item_code == "dependants_pension" and p.status == "scheduled"]
    assert left == []  # April on: not due (he was no longer missing on 1 April)
    assert not [x for x in services.monthly_run.due(cw, date(2027, 4, 1)) if x.claim_id == claim_id]
    assert [x.amount for x in services.monthly_run.due(cw, date(2027, 3, 1)) if x.claim_id == claim_id] == [
        Decimal("2400.00")]  # March was due on the 1st
    with pytest.raises(ValidationFailed) as bad:  # no advance after the case ended
        services.missing.record_advance(sup, claim_id, {"amount": "1", "advance_on": "2027-03-15",
                                                        "advance_ref": "x"})
    assert ("amount", "missing.closed") in rules(bad.value)


def test_recording_a_disappearance_is_checked(services, cw, sup):
    living = decided_claim(services, cw, accident_date="2026-11-03")  # another accident of the same worker
    with pytest.raises(ValidationFailed) as bad:  # Art. 41 pays the pension of a death
        services.missing.record(cw, living, MISSING)
    assert ("circumstance", "missing.claim_not_fatal") in rules(bad.value)
    died_later = decided_claim(services, cw, fatal=True, accident_date="2026-11-04", death_date="2026-11-09",
                               application_received_on="2026-11-10")
    with pytest.raises(ValidationFailed) as bad:  # a known day of death: not missing
        services.missing.record(cw, died_later, {**MISSING, "reported_on": "2026-11-10"})
    assert rules(bad.value) == {("circumstance", "missing.death_recorded")}
    claim_id = missing_claim(services, cw, sup, approve=False)
    with pytest.raises(ValidationFailed) as bad:
        services.missing.record(cw, claim_id, {**MISSING, "reported_on": "2026-10-31"})
    assert {("reported_on", "missing.before_accident"), ("reported_on", "missing.already_recorded")} <= rules(bad.value)
    with pytest.raises(ValidationFailed) as bad:  # an advance needs the approved subsidy
        services.missing.record_advance(sup, claim_id, {"amount": "1", "advance_on": "2026-11-28",
                                                        "advance_ref": "x"})
    assert ("amount", "missing.no_death_subsidy") in rules(bad.value)
    with pytest.raises(DomainError) as none:
        services.missing.record_advance(sup, living, {"amount": "1", "advance_on": "2026-11-28", "advance_ref": "x"})
    assert none.value.key == "missing.not_recorded"


def test_the_calculation_sheet_prints_the_missing_workers_case(services, cw, sup):
    from tests.integration.test_decision_documents import pdf_text

    claim_id = missing_claim(services, cw, sup)
    services.missing.record_advance(sup, claim_id, {"amount": "300000", "advance_on": "2026-11-28",
                                                    "advance_ref": "榕社保预支〔2026〕1号"})
    services.missing.record_outcome(cw, claim_id, {"ended_as": "declared_dead", "outcome_on": "2026-11-28",
                                                   "outcome_ref": "（2026）闽0102民特12号"})
    text = pdf_text(services, cw, "benefit_calculation", claim_id)
    # pension from February 2027; 1,083,760.00 − 300,000.00 = 783,760.00 still due; the advance's cap 541,880.00
    assert "职工下落不明" in text and "2027-02" in text and "榕社保预支" in text
    assert "783,760.00" in text and "541,880.00" in text and "人民法院宣告死亡" in text
