"""Recurrence (Art. 38) through the services: a closed claim reopened with day, reason, who confirmed the need for
treatment and who recorded it; the claim is in payment again, the recurrence's suspension period gives wages from
the approved wage base (Art. 33, employer), costs are proposed again; refusals change nothing; audit and outbox."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import select

from injury_desk.domain.errors import DomainError, ValidationFailed
from injury_desk.store.models import AuditEvent, OutboxEntry
from tests.conftest import rules
from tests.integration.test_assessment_services import appraised_claim, proposal_inputs, with_wages

RECURRENCE = {"occurred_on": "2026-11-20", "reason": "左胫骨骨折处内固定松动，疼痛复发", "nursing_needed": True,
              "confirmed_by": "福州市劳动能力鉴定委员会 榕劳鉴复〔2026〕7号"}


def closed_claim(services, cw, sup) -> str:
    """Grade 8 (no monthly benefit), approved on 2026-11-28, every payment made, closed."""
    claim_id = appraised_claim(services, cw, grade=8, nursing="none")
    with_wages(services, cw, claim_id)  # wage base 6,000
    services.assessments.approve(sup, services.assessments.propose(cw, claim_id, proposal_inputs(
        services, cw, claim_id)))
    for p in services.assessments.list_payments(cw, claim_id):
        if p.status == "scheduled":
            services.assessments.record_payment(cw, p.id, "2026-11-28", "转账 001")
    services.claims.advance(cw, claim_id, "closed")
    assert services.claims.get(cw, claim_id).status == "closed"
    return claim_id


def test_a_closed_claim_is_reopened_for_a_recurrence_and_pays_its_suspension_wages(services, cw, sup, db):
    claim_id = closed_claim(services, cw, sup)
    rid = services.recurrences.reopen(cw, claim_id, {**RECURRENCE, "stop_work_started_on": "2026-11-20"})
    assert services.claims.get(cw, claim_id).status == "payment"  # open again for the recurrence's benefits
    [r] = services.recurrences.list(cw, claim_id)
    assert (r.id, r.occurred_on, r.recorded_by_name, r.nursing_needed) == (rid, date(2026, 11, 20), "Case Worker",
                                                                             True)
    assert r.confirmed_by.startswith("福州市劳动能力鉴定委员会")
    # 12 months from 20 November 2026 (the first day counts) end on 19 November 2027
    assert (r.stop_work_months, r.stop_work_last_day, r.wages) == (12, date(2027, 11, 19), None)
    # ended on 28 November: 9 days, a month begun → 1 month × 6,000.00 = 6,000.00 (Art. 33: the employer pays)
    services.recurrences.record_suspension(cw, rid, {"started_on": "2026-11-20", "months": 12,
                                                     "ended_on": "2026-11-28"}, token=r.token)
    [r] = services.recurrences.list(cw, claim_id)
    assert (r.wages.months, r.wages.amount, r.wages.payer) == (1, Decimal("6000.00"), "employer")
    with pytest.raises(DomainError) as ended:
        services.recurrences.record_suspension(cw, rid, {"started_on": "2026-11-20", "ended_on": "2026-11-27"})
    assert ended.value.key == "recurrence.suspension_ended"
    # the recurrence's medical costs are proposed on the open claim, as any cost against a receipt (Art. 30)
    cost = services.costs.propose(cw, claim_id, {"kind": "medical", "incurred_on": "2026-11-21",
                                                 "receipt_ref": "复发住院票 0091", "amount": "8200.00"})
    services.costs.approve(sup, cost)
    with db.read() as s:
        actions = s.scalars(select(AuditEvent.action).where(AuditEvent.table_name == "recurrences")).all()
        pushed = s.scalars(select(OutboxEntry.table_name).where(OutboxEntry.row_id == rid)).all()
    assert "claim.reopen_recurrence" in actions and "claim.recurrence_suspension" in actions
    assert pushed == ["recurrences", "recurrences"]  # synced like every other table


def test_refusals_name_the_field_and_change_nothing(services, cw, sup):
    claim_id = closed_claim(services, cw, sup)
    with pytest.raises(ValidationFailed) as bad:
        services.recurrences.reopen(cw, claim_id, {**RECURRENCE, "occurred_on": "2026-11-29"})  # after today
    assert ("occurred_on", "field.date_in_future") in rules(bad.value)
    with pytest.raises(ValidationFailed) as bad:
        services.recurrences.reopen(cw, claim_id, {**RECURRENCE, "confirmed_by": ""})  # Art. 38: 确认需要治疗的
    assert ("confirmed_by", "field.required") in rules(bad.value)
    with pytest.raises(ValidationFailed) as bad:
        services.recurrences.reopen(cw, claim_id, {**RECURRENCE, "stop_work_started_on": "2026-11-19"})
    assert ("started_on", "recurrence.suspension_before_recurrence") in rules(bad.value)
    assert services.claims.get(cw, claim_id).status == "closed" and services.recurrences.list(cw, claim_id) == []
    services.recurrences.reopen(cw, claim_id, RECURRENCE)
    with pytest.raises(ValidationFailed) as bad:  # now open: a second reopening is refused
        services.recurrences.reopen(cw, claim_id, RECURRENCE)
    assert ("occurred_on", "recurrence.claim_not_closed") in rules(bad.value)


def test_a_claim_still_open_is_not_reopened_and_an_administrator_may_not(services, cw, sup, adm):
    claim_id = appraised_claim(services, cw, grade=8, nursing="none")
    with pytest.raises(ValidationFailed) as bad:
        services.recurrences.reopen(cw, claim_id, RECURRENCE)
    assert ("occurred_on", "recurrence.claim_not_closed") in rules(bad.value)
    with pytest.raises(DomainError) as denied:
        services.recurrences.reopen(adm, claim_id, RECURRENCE)
    assert denied.value.key == "permission.denied"


def test_the_calculation_sheet_prints_the_recurrence(services, cw, sup):
    from tests.integration.test_decision_documents import pdf_text

    claim_id = closed_claim(services, cw, sup)
    rid = services.recurrences.reopen(cw, claim_id, {**RECURRENCE, "stop_work_started_on": "2026-11-20"})
    services.recurrences.record_suspension(cw, rid, {"started_on": "2026-11-20", "ended_on": "2026-11-28"})
    text = pdf_text(services, cw, "benefit_calculation", claim_id)
    # the day, who confirmed it, the period and its wages: 1 month begun × 6,000.00 (Art. 33, employer)
    assert "工伤复发" in text and "2026-11-20" in text and "榕劳鉴复" in text
    assert "1 × 6,000.00 = 6,000.00" in text
