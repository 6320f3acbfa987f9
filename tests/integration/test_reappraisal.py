"""Re-appraisal (Art. 26) and review (Art. 28) through the services: a new conclusion is a new appraisal; the new
assessment is proposed and approved by two people, supersedes the approved one (which is never edited) from the
conclusion's date, and settles arrears as payments; the old schedule's later payments are cancelled."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from injury_desk.domain.errors import DomainError, ValidationFailed
from tests.conftest import rules
from tests.integration.test_assessment_services import appraised_claim, proposal_inputs, with_wages


def approved_grade_4(services, cw, sup) -> tuple[str, str]:
    claim_id = appraised_claim(services, cw, grade=4, nursing="none")  # concluded 2026-11-20
    with_wages(services, cw, claim_id)  # wage base 6,000
    first = services.assessments.propose(cw, claim_id, proposal_inputs(services, cw, claim_id))
    services.assessments.approve(sup, first)  # 2026-11-28
    return claim_id, first


def test_a_worse_grade_supersedes_the_assessment_and_pays_the_arrears(services, cw, sup, ctx):
    claim_id, first = approved_grade_4(services, cw, sup)
    old = services.assessments.get(cw, claim_id)
    assert (old.total_once, old.total_monthly) == (Decimal("126000.00"), Decimal("4500.00"))  # 21 × 6,000; 75 %
    with pytest.raises(DomainError) as info:  # no new conclusion: nothing to supersede
        services.assessments.propose(cw, claim_id, proposal_inputs(services, cw, claim_id))
    assert info.value.key == "assessment.already_approved"
    ctx.today = lambda: date(2027, 3, 10)
    with pytest.raises(ValidationFailed) as bad:  # Art. 28: a review only a year after the conclusion
        services.reappraisals.record_conclusion(cw, claim_id, {"kind": "review", "requested_on": "2027-01-05",
                                                               "appraised_on": "2027-01-15", "disability_grade": 3})
    assert ("requested_on", "reappraisal.review_too_early") in rules(bad.value)
    services.reappraisals.record_conclusion(cw, claim_id, {"kind": "reappraisal", "requested_on": "2026-12-01",
                                                           "appraised_on": "2027-01-15", "disability_grade": 3})
    assert services.assessments.state(cw, claim_id).reassessment_from == date(2027, 1, 15)
    doc = services.assessments.prefill(cw, claim_id)
    assert doc["disability_grade"] == 3
    new = services.assessments.propose(cw, claim_id, doc)
    assert services.claims.get(cw, claim_id).status == "payment"  # the claim stays in payment
    with pytest.raises(DomainError) as info:
        services.assessments.approve(cw, new)
    assert info.value.key == "permission.denied"
    services.assessments.approve(sup, new)  # on 2027-03-10
    current = services.assessments.get(cw, claim_id)
    assert current.id == new and current.effective_from == date(2027, 1, 15) and current.supersedes_id == first
    # grade 3 (Art. 35): 23 × 6,000 = 138,000 once, 80 % × 6,000 = 4,800 a month.
    assert (current.total_once, current.total_monthly) == (Decimal("138000.00"), Decimal("4800.00"))
    # Effective 15 January: February and March (due on the 1st, by the approval on 10 March) were paid at 4,500:
    # (4,800 − 4,500) × 2 = 600.00; the one-time subsidy 138,000 − 126,000 = 12,000.00; both owed to the worker.
    lines = {line["item_code"]: line for line in current.settlement}
    assert lines["monthly_disability_allowance"]["difference"] == "600.00"
    assert lines["monthly_disability_allowance"]["months"] == 2
    assert lines["one_time_disability_subsidy"]["difference"] == "12000.00"
    assert {line["kind"] for line in current.settlement} == {"arrears"}
    history = {a.id: a for a in services.assessments.history(cw, claim_id)}
    assert history[first].superseded_by == new and history[first].status == "approved"  # never edited
    assert history[first].total_monthly == Decimal("4500.00")
    payments = services.assessments.list_payments(cw, claim_id)
    arrears = sorted((p.item_code, p.amount, p.due_on) for p in payments if p.item_code.startswith("arrears:"))
    assert arrears == [("arrears:monthly_disability_allowance", Decimal("600.00"), date(2027, 3, 10)),
                       ("arrears:one_time_disability_subsidy", Decimal("12000.00"), date(2027, 3, 10))]
    old_later = [p for p in payments if p.assessment_id == first and p.due_on > date(2027, 3, 10)]
    assert old_later and {p.status for p in old_later} == {"cancelled"}  # April to November 2027
    new_monthly = [p for p in payments if p.assessment_id == new and p.item_code == "monthly_disability_allowance"]
    assert len(new_monthly) == 12 and new_monthly[0].due_on == date(2027, 4, 1)
    assert {p.amount for p in new_monthly} == {Decimal("4800.00")}


def test_a_conclusion_needs_an_approved_assessment_and_a_date_after_the_last(services, cw, sup):
    claim_id = appraised_claim(services, cw, grade=4, nursing="none")
    with pytest.raises(DomainError) as info:
        services.reappraisals.record_conclusion(cw, claim_id, {"kind": "reappraisal", "requested_on": "2026-11-25",
                                                               "appraised_on": "2026-11-26", "disability_grade": 3})
    assert info.value.key == "reappraisal.no_approved_assessment"
    with_wages(services, cw, claim_id)
    services.assessments.approve(sup, services.assessments.propose(cw, claim_id, proposal_inputs(
        services, cw, claim_id)))
    with pytest.raises(ValidationFailed) as bad:
        services.reappraisals.record_conclusion(cw, claim_id, {"kind": "reappraisal", "requested_on": "2026-11-19",
                                                               "appraised_on": "2026-11-26", "disability_grade": 3})
    assert ("requested_on", "reappraisal.before_conclusion") in rules(bad.value)
    # the same grade again (a re-appraisal that confirms it): no new assessment is due
    services.reappraisals.record_conclusion(cw, claim_id, {"kind": "reappraisal", "requested_on": "2026-11-25",
                                                           "appraised_on": "2026-11-27", "disability_grade": 4})
    assert services.assessments.state(cw, claim_id).reassessment_from is None


def test_the_calculation_sheet_prints_the_superseded_totals_and_the_settlement(services, cw, sup, ctx):
    from tests.integration.test_decision_documents import pdf_text

    claim_id, _first = approved_grade_4(services, cw, sup)
    assert "This assessment supersedes none" in pdf_text(services, cw, "benefit_calculation", claim_id)
    ctx.today = lambda: date(2027, 3, 10)
    services.reappraisals.record_conclusion(cw, claim_id, {"kind": "reappraisal", "requested_on": "2026-12-01",
                                                           "appraised_on": "2027-01-15", "disability_grade": 3})
    services.assessments.approve(sup, services.assessments.propose(cw, claim_id, services.assessments.prefill(
        cw, claim_id)))
    text = pdf_text(services, cw, "benefit_calculation", claim_id)
    assert "2027-01-15" in text and "126,000.00" in text and "4,500.00" in text  # in force from; superseded totals
    assert "12,000.00" in text and "600.00" in text and "补发" in text  # the settlement, line by line
