"""Costs paid against receipts through the services: proposed with receipt, payer and amount, approved by a
second person only (the four-eyes rule of assessments), returned with a reason, never changed once approved;
the hospital meal allowance from the region's daily standard; permissions, audit and outbox."""

from __future__ import annotations

from decimal import Decimal

import pytest
from sqlalchemy import select

from injury_desk.domain.errors import DomainError, ValidationFailed
from injury_desk.store.models import AuditEvent, ClaimCost, OutboxEntry
from tests.conftest import rules
from tests.integration.test_assessment_services import decided_claim

MEDICAL = {"kind": "medical", "incurred_on": "2026-11-02", "receipt_ref": "闽医票 0012345", "provider": "福州市第二医院",
           "payer": "fund", "amount": "12,345.67"}


def test_a_cost_is_proposed_then_approved_by_another_person(services, cw, sup, db):
    claim_id = decided_claim(services, cw)
    cost_id = services.costs.propose(cw, claim_id, MEDICAL)
    [item] = services.costs.list(cw, claim_id)
    assert (item.amount, item.status, item.proposed_by_name, item.basis) == (
        Decimal("12345.67"), "proposed", "Case Worker", "Regulation Art. 30 paras. 1–3; Social Insurance Law Art. 38(1)")
    with db.read() as s:
        assert s.get(ClaimCost, cost_id).amount_fen == 1234567  # integer fen in the database
    with pytest.raises(DomainError) as info:  # a caseworker may not approve
        services.costs.approve(cw, cost_id)
    assert info.value.key == "permission.denied"
    services.costs.approve(sup, cost_id)
    assert services.costs.list(cw, claim_id)[0].decided_by_name == "Super Visor"
    totals = services.costs.totals(cw, claim_id)
    assert (totals.approved_fund, totals.approved_employer, totals.proposed) == (Decimal("12345.67"), 0, 0)
    with pytest.raises(DomainError) as info:  # an approved item is never changed
        services.costs.update(cw, cost_id, {**MEDICAL, "amount": "1"})
    assert info.value.key == "cost.not_proposed"
    with db.read() as s:
        actions = s.scalars(select(AuditEvent.action).where(AuditEvent.row_id == cost_id)).all()
        pushed = s.scalars(select(OutboxEntry.table_name).where(OutboxEntry.row_id == cost_id)).all()
    assert actions == ["cost.propose", "cost.approve"] and pushed == ["claim_costs", "claim_costs"]


def test_the_proposer_cannot_approve_even_as_supervisor(services, cw, sup):
    claim_id = decided_claim(services, cw)
    own = services.costs.propose(sup, claim_id, MEDICAL)
    with pytest.raises(DomainError) as info:
        services.costs.approve(sup, own)
    assert info.value.key == "cost.same_person"
    assert services.costs.list(sup, claim_id)[0].status == "proposed"
    # returned with a reason: it stays, as a record, and cannot be approved afterwards
    services.costs.return_for_changes(sup, own, "收据金额与明细不符")
    with pytest.raises(DomainError) as info:
        services.costs.approve(sup, own)
    assert info.value.key == "cost.not_proposed"
    assert services.costs.list(cw, claim_id)[0].return_reason == "收据金额与明细不符"


def test_hospital_meal_allowance_from_the_region_standard(services, cw, sup):
    claim_id = decided_claim(services, cw)
    # the example region's daily standard for 2025 (the year before the 2026 stay) … times 12 days
    rate = services.costs.region_meal_rate(cw, __import__("datetime").date(2026, 11, 5))
    assert rate is not None and rate > 0
    cost_id = services.costs.propose(cw, claim_id, {"kind": "hospital_meal", "incurred_on": "2026-11-05",
                                                    "receipt_ref": "出院记录 88", "days": 12, "payer": "employer"})
    [item] = services.costs.list(cw, claim_id)
    assert (item.days, item.daily_rate, item.amount) == (12, rate, (12 * rate).quantize(Decimal("0.01")))
    services.costs.approve(sup, cost_id)
    assert services.costs.totals(cw, claim_id).approved_employer == item.amount


@pytest.mark.parametrize("over, expected", [
    ({"receipt_ref": ""}, ("receipt_ref", "field.required")),
    ({"amount": "0"}, ("amount", "cost.amount_positive")),
    ({"amount": "-5"}, ("amount", "money.negative")),
    ({"amount": "1.234"}, ("amount", "money.fen_precision")),
    ({"incurred_on": "2026-10-30"}, ("incurred_on", "cost.before_accident")),
    ({"incurred_on": "2026-12-30"}, ("incurred_on", "field.date_in_future")),
    ({"payer": "insurer"}, ("payer", "field.choice")),
    ({"days": 3}, ("days", "cost.days_only_for_meals")),
    ({"kind": "hospital_meal", "days": 0, "daily_rate": "30"}, ("days", "field.range")),
])
def test_bad_items_are_refused_and_change_nothing(services, cw, over, expected):
    claim_id = decided_claim(services, cw)
    with pytest.raises(ValidationFailed) as bad:
        services.costs.propose(cw, claim_id, {**MEDICAL, **over})
    assert expected in rules(bad.value)
    assert services.costs.list(cw, claim_id) == []


def test_the_meal_allowance_is_paid_once_not_as_a_cost_beside_the_assessment(services, cw, sup):
    from tests.integration.test_assessment_services import appraised_claim, proposal_inputs, with_wages

    claim_id = appraised_claim(services, cw, grade=9, nursing="none")
    with_wages(services, cw, claim_id)
    # the calculation pays 10 days × 40.00 = 400.00 (Art. 30 para. 4) ...
    services.assessments.propose(cw, claim_id, proposal_inputs(services, cw, claim_id, hospital_days=10,
                                                                hospital_meal_allowance_per_day="40"))
    meal = {"kind": "hospital_meal", "incurred_on": "2026-11-05", "receipt_ref": "出院记录 1", "days": 10}
    with pytest.raises(ValidationFailed) as bad:  # ... so the same allowance is not a cost as well
        services.costs.propose(cw, claim_id, meal)
    assert ("kind", "cost.meal_in_assessment") in rules(bad.value)
    services.costs.propose(cw, claim_id, MEDICAL)  # other costs are recorded as usual
