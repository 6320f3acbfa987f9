"""An uninsured employer through the services (Art. 62 para. 2; SIL Arts. 41, 42): the employer's insured flag and
dates, every assessment item payable by the employer when it was not insured on the accident day, a fund cost
refused, the fund's advance decided by a supervisor and recovered from the employer, the amount still to recover;
refusals change nothing; audit and outbox."""

from __future__ import annotations

from decimal import Decimal

import pytest
from sqlalchemy import select

from injury_desk.domain.errors import DomainError, ValidationFailed
from injury_desk.store.models import AuditEvent, OutboxEntry
from tests.conftest import rules
from tests.integration.test_assessment_services import appraised_claim, proposal_inputs, with_wages
from tests.integration.test_claim_costs import MEDICAL


def set_cover(services, actor, claim_id, **cover) -> None:
    employer = services.claims.get(actor, claim_id).employer
    e = services.employers.get(actor, employer.id)
    data = {k: getattr(e, k) for k in ("name", "credit_code", "industry", "risk_class", "headcount", "address",
                                       "contact_name", "contact_phone")}
    services.employers.update(actor, e.id, {**data, **cover}, token=e.token)


def test_an_employer_not_insured_on_the_accident_day_pays_every_item(services, cw, sup):
    claim_id = appraised_claim(services, cw, grade=8, nursing="none")  # accident 2026-11-01 (test_assessment...)
    accident = services.claims.get(cw, claim_id).accident_date
    # cover ended the day before the accident: uninsured on it
    set_cover(services, cw, claim_id, insured=True, insured_from="2020-01-01",
              insured_to=accident.replace(day=accident.day - 1).isoformat() if accident.day > 1 else "2020-01-01")
    with_wages(services, cw, claim_id)
    assessment = services.assessments.propose(cw, claim_id, proposal_inputs(services, cw, claim_id))
    services.assessments.approve(sup, assessment)
    items = {i["code"]: i for i in services.assessments.get(cw, claim_id).result["items"]}
    # grade 8: 11 months × 6,000 = 66,000.00, the fund's item, now the employer's (Art. 62 para. 2)
    assert items["one_time_disability_subsidy"]["amount"] == "66000.00"
    assert items["one_time_disability_subsidy"]["payer"] == "employer"
    assert "Art. 62" in items["one_time_disability_subsidy"]["basis"]
    assert {p.payer for p in services.assessments.list_payments(cw, claim_id)} == {"employer"}
    with pytest.raises(ValidationFailed) as bad:  # a cost the fund would pay: the employer pays it
        services.costs.propose(cw, claim_id, MEDICAL)
    assert ("payer", "cost.employer_uninsured") in rules(bad.value)
    services.costs.propose(cw, claim_id, {**MEDICAL, "payer": "employer"})


def test_the_fund_advances_what_the_employer_does_not_pay_and_recovers_it(services, cw, sup, db):
    claim_id = appraised_claim(services, cw, grade=8, nursing="none")
    with pytest.raises(DomainError) as insured:  # an insured employer's claim: the fund pays, nothing advanced
        services.advances.record(sup, claim_id, {"kind": "advance", "dated_on": "2026-11-28", "amount": "66000.00",
                                                 "reference": "先行支付 001"})
    assert insured.value.key == "advance.employer_insured"
    set_cover(services, cw, claim_id, insured=False)
    advance = {"kind": "advance", "dated_on": "2026-11-28", "amount": "66,000.00", "reference": "榕社保先支〔2026〕3号"}
    with pytest.raises(DomainError) as denied:  # a caseworker does not decide an advance
        services.advances.record(cw, claim_id, advance)
    assert denied.value.key == "permission.denied"
    services.advances.record(sup, claim_id, advance)
    services.advances.record(sup, claim_id, {**advance, "amount": "18000.00", "reference": "榕社保先支〔2026〕4号"})
    # the employer repays 30,000.00 (recorded by the caseworker)
    services.advances.record(cw, claim_id, {"kind": "recovery", "dated_on": "2026-11-28", "amount": "30000",
                                            "reference": "单位还款 001"})
    view = services.advances.view(cw, claim_id)
    # advanced 66,000.00 + 18,000.00 = 84,000.00; recovered 30,000.00; to recover 54,000.00
    assert (view.insured, view.advanced, view.recovered, view.to_recover) == (
        False, Decimal("84000.00"), Decimal("30000.00"), Decimal("54000.00"))
    assert [x.recorded_by_name for x in view.lines] == ["Super Visor", "Super Visor", "Case Worker"]
    with pytest.raises(ValidationFailed) as bad:  # more than is owed
        services.advances.record(cw, claim_id, {"kind": "recovery", "dated_on": "2026-11-28", "amount": "54000.01",
                                                "reference": "单位还款 002"})
    assert ("amount", "advance.recovery_exceeds") in rules(bad.value)
    with pytest.raises(ValidationFailed) as bad:
        services.advances.record(cw, claim_id, {"kind": "recovery", "dated_on": "2026-11-29", "amount": "1",
                                                "reference": "x"})
    assert ("dated_on", "field.date_in_future") in rules(bad.value)
    assert services.advances.view(cw, claim_id).to_recover == Decimal("54000.00")  # nothing changed
    with db.read() as s:
        actions = s.scalars(select(AuditEvent.action).where(AuditEvent.table_name == "fund_advances")).all()
        pushed = s.scalars(select(OutboxEntry.table_name).where(OutboxEntry.table_name == "fund_advances")).all()
    assert sorted(set(actions)) == ["claim.fund_advance", "claim.fund_recovery"] and len(pushed) == 3


def test_insured_dates_are_checked_on_the_employer(services, cw):
    claim_id = appraised_claim(services, cw, grade=8, nursing="none")
    with pytest.raises(ValidationFailed) as bad:
        set_cover(services, cw, claim_id, insured=True, insured_from="2025-01-01", insured_to="2024-12-31")
    assert ("insured_to", "employer.insured_to_before_from") in rules(bad.value)
    with pytest.raises(ValidationFailed) as bad:
        set_cover(services, cw, claim_id, insured=False, insured_from="2025-01-01")
    assert ("insured", "employer.dates_without_insurance") in rules(bad.value)
    employer = services.claims.get(cw, claim_id).employer
    assert services.employers.get(cw, employer.id).insured is True  # unchanged


def test_the_calculation_sheet_prints_the_advances_and_the_amount_to_recover(services, cw, sup):
    from tests.integration.test_decision_documents import pdf_text

    claim_id = appraised_claim(services, cw, grade=8, nursing="none")
    set_cover(services, cw, claim_id, insured=False)
    with_wages(services, cw, claim_id)
    services.assessments.approve(sup, services.assessments.propose(cw, claim_id, proposal_inputs(services, cw,
                                                                                                 claim_id)))
    services.advances.record(sup, claim_id, {"kind": "advance", "dated_on": "2026-11-28", "amount": "66000",
                                             "reference": "榕社保先支〔2026〕3号"})
    services.advances.record(cw, claim_id, {"kind": "recovery", "dated_on": "2026-11-28", "amount": "30000",
                                            "reference": "单位还款 001"})
    text = pdf_text(services, cw, "benefit_calculation", claim_id)
    # 66,000.00 advanced − 30,000.00 repaid = 36,000.00 to recover
    assert "先行支付" in text and "榕社保先支" in text and "36,000.00" in text and "用人单位偿还" in text
    assert "第六十二条" in text or "Art. 62" in text  # every item the employer's, naming the article
