"""The suspension period's dates on the claim (Art. 33): start, the extension with the committee's confirmation,
the end; the benefit calculation takes its months from them and refuses other months."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from injury_desk.domain.errors import DomainError, ValidationFailed
from injury_desk.store.models import AuditEvent
from tests.conftest import rules
from tests.integration.test_assessment_services import appraised_claim, decided_claim, proposal_inputs, with_wages


def test_the_calculation_takes_its_months_from_the_recorded_period(services, cw, sup, db):
    claim_id = appraised_claim(services, cw, grade=8, nursing="none")  # appraised on 2026-11-20
    with_wages(services, cw, claim_id)
    services.clocks.start_stop_work(cw, claim_id, {"started_on": "2026-11-01"})
    with pytest.raises(ValidationFailed) as bad:  # Art. 33 para. 3: the appraisal on the 20th ends the period
        services.clocks.end_stop_work(cw, claim_id, {"ended_on": "2026-11-21"})
    assert ("ended_on", "claim.stop_work_end_after_appraisal") in rules(bad.value)
    services.clocks.end_stop_work(cw, claim_id, {"ended_on": "2026-11-20"})
    doc = services.assessments.prefill(cw, claim_id)
    # 1 November – 20 November: 20 days of a first month, paid as one month
    assert (doc["suspension_months"], doc["suspension_extended"]) == (1, False)
    with pytest.raises(ValidationFailed) as bad:
        services.assessments.propose(cw, claim_id, proposal_inputs(services, cw, claim_id, suspension_months=3))
    assert ("suspension_months", "assessment.suspension_mismatch") in rules(bad.value)
    services.assessments.propose(cw, claim_id, doc)
    wages = next(i for i in services.assessments.get(cw, claim_id).items if i["code"] == "work_suspension_wages")
    assert wages["amount"] == "6000.00"  # 1 month × 6,000 own wage (Art. 33, employer)
    assert not any(d.kind == "stop_work" for d in services.claims.get(cw, claim_id).deadlines)  # the clock stopped
    with db.read() as s:
        assert "claim.end_stop_work" in s.scalars(select(AuditEvent.action).where(AuditEvent.row_id == claim_id)).all()


def test_extension_needs_the_confirmation_and_the_end_stays_within_it(services, cw, sup, adm):
    claim_id = decided_claim(services, cw)
    with pytest.raises(DomainError) as info:
        services.clocks.end_stop_work(cw, claim_id, {"ended_on": "2026-11-20"})
    assert info.value.key == "claim.no_stop_work"
    services.clocks.start_stop_work(cw, claim_id, {"started_on": "2026-11-01"})
    with pytest.raises(DomainError) as info:  # the committee's confirmation is recorded by casework, not an admin
        services.clocks.extend_stop_work(adm, claim_id, {"months": 18, "reference": "x"})
    assert info.value.key == "permission.denied"
    services.clocks.extend_stop_work(sup, claim_id, {"months": 18, "reference": "榕劳鉴〔2026〕12号"})
    with pytest.raises(ValidationFailed) as bad:  # in the future
        services.clocks.end_stop_work(cw, claim_id, {"ended_on": "2026-12-01"})
    assert ("ended_on", "field.date_in_future") in rules(bad.value)
    services.clocks.end_stop_work(cw, claim_id, {"ended_on": "2026-11-28"})
    with pytest.raises(DomainError) as info:
        services.clocks.extend_stop_work(sup, claim_id, {"months": 20, "reference": "y"})
    assert info.value.key == "claim.stop_work_ended"

