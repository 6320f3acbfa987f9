"""A death recorded after the disability assessment was approved (Regulation Art. 39) through the services: the
death makes a superseding assessment due from the day of death, proposed and approved by two people; on approval
the living worker's later unpaid payments are cancelled (kept, as a state), paid ones are overpayment lines, the
funeral subsidy is paid, and each dependant's pension months that fell due before the approval are one back payment
per person, scheduled once."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import select

from injury_desk.domain.errors import DomainError, ValidationFailed
from injury_desk.services.dependants import schedule_pension_arrears
from injury_desk.store.models import Claim, Payment
from tests.conftest import rules
from tests.integration.test_dependants_register import WIFE
from tests.integration.test_reappraisal import approved_grade_4


def pay(services, sup, claim_id, item_code, *months):
    for p in services.assessments.list_payments(sup, claim_id):
        if p.item_code == item_code and p.due_on in months:
            services.assessments.record_payment(sup, p.id, p.due_on.isoformat(), "bank")


def test_a_grade_4_death_after_the_period_supersedes_the_assessment(services, cw, sup, ctx, db):
    # grade 4 appraised on 2026-11-20 (which ends the suspension period, Art. 33 para. 3), wage base 6,000, approved
    # on 2026-11-28: 75 % × 6,000 = 4,500.00 a month from December 2026
    claim_id, first = approved_grade_4(services, cw, sup)
    ctx.today = lambda: date(2027, 2, 10)
    pay(services, sup, claim_id, "monthly_disability_allowance", date(2026, 12, 1), date(2027, 1, 1), date(2027, 2, 1))
    claim = services.claims.get(cw, claim_id)
    # recording the death proposes the death's assessment at once
    new = services.assessments.record_death(cw, claim_id, {"death_date": "2026-12-20"}, token=claim.token)
    assert new is not None and services.claims.get(cw, claim_id).death_date == date(2026, 12, 20)
    services.dependants.add(cw, claim_id, WIFE)  # 58 on the day of death: entitled (55 for a woman)
    proposal = services.assessments.get(cw, claim_id)
    # after the period (20 November 2026), grade 4: Art. 39 last paragraph; the year before the death is 2025
    doc = proposal.inputs
    assert (doc["fatal"], doc["death_after_suspension"], doc["disability_grade"], doc["year"]) == (True, True, 4, 2025)
    with pytest.raises(ValidationFailed) as bad:  # the dates decide, not the caseworker
        services.assessments.preview(cw, claim_id, {**doc, "death_after_suspension": False, "disability_grade": None})
    assert ("death_after_suspension", "assessment.death_after_suspension_due") in rules(bad.value)
    assert (proposal.id, proposal.supersedes_id, proposal.effective_from) == (new, first, date(2026, 12, 20))
    # funeral subsidy 6 × 7,800 (the example region's 2025 average) = 46,800.00; no one-time death subsidy
    assert {i["code"]: i["amount"] for i in proposal.items if not i.get("informational")} == {
        "funeral_subsidy": "46800.00"}
    with pytest.raises(ValidationFailed) as bad:  # the death's assessment waits: its day cannot move now
        services.claims.record_death(cw, claim_id, {"death_date": "2026-12-21"})
    assert rules(bad.value) == {("death_date", "claim.death_after_assessment")}
    with pytest.raises(DomainError) as info:  # four eyes
        services.assessments.approve(cw, new)
    assert info.value.key == "permission.denied"
    services.assessments.approve(sup, new)  # 2027-02-10

    current = services.assessments.get(cw, claim_id)
    assert current.id == new and current.status == "approved"
    history = {a.id: a for a in services.assessments.history(cw, claim_id)}
    assert history[first].superseded_by == new and history[first].total_monthly == Decimal("4500.00")
    # December fell due on the 1st, before the death on the 20th: paid and kept. January and February were paid
    # after it: 2 × 4,500 = 9,000.00 to recover; March to November 2027 were not paid: cancelled, still there
    assert [(x["kind"], x["item_code"], x["months"], x["difference"]) for x in current.settlement] == [
        ("overpayment", "monthly_disability_allowance", 2, "-9000.00")]
    allowance = {p.due_on: p.status for p in services.assessments.list_payments(cw, claim_id)
                 if p.item_code == "monthly_disability_allowance"}
    assert allowance[date(2026, 12, 1)] == allowance[date(2027, 1, 1)] == allowance[date(2027, 2, 1)] == "paid"
    assert [d for d, st in allowance.items() if st == "cancelled"] == [date(2027, m, 1) for m in range(3, 12)]
    payments = services.assessments.list_payments(cw, claim_id)
    assert [(p.amount, p.due_on) for p in payments if p.item_code == "funeral_subsidy"] == [
        (Decimal("46800.00"), date(2027, 2, 10))]
    # the wife's pension 40 % × 6,000 = 2,400.00 from January 2027 (the month after the death): January and
    # February fell due by the approval, 2 × 2,400 = 4,800.00 back pay to her today; March onwards is scheduled
    back = [(p.amount, p.due_on, p.dependant_name) for p in payments if p.item_code == "arrears:dependants_pension"]
    assert back == [(Decimal("4800.00"), date(2027, 2, 10), WIFE["name"])]
    monthly = sorted(p.due_on for p in payments if p.item_code == "dependants_pension" and p.status == "scheduled")
    assert monthly[0] == date(2027, 3, 1) and len(monthly) == 12
    with db.write(None, "test.again") as s:  # once per person: a second run schedules nothing
        assert schedule_pension_arrears(s, s.get(Claim, claim_id), date(2027, 2, 10), services.assessments.rules_dir,
                                        "example") == 0
    with db.read() as s:
        assert len(s.scalars(select(Payment).where(Payment.item_code == "arrears:dependants_pension")).all()) == 1
    # March's run pays the widow's pension to her, and no disability allowance
    run = [(x.item_code, x.amount) for x in services.monthly_run.due(cw, date(2027, 3, 1)) if x.claim_id == claim_id]
    assert run == [("dependants_pension", Decimal("2400.00"))]
    # the benefit calculation sheet prints the overpayment line beside the death's figures
    from tests.integration.test_decision_documents import pdf_text

    text = pdf_text(services, cw, "benefit_calculation", claim_id)
    assert text.count("9,000.00") == 1, text
    assert "46,800.00" in text and "2026-12-20" in text
    # a deceased worker's assessment is not superseded again by the old appraisal
    assert services.assessments.state(cw, claim_id).reassessment_from is None


def test_a_grade_5_death_after_the_period_is_refused(services, cw, sup, ctx):
    from tests.integration.test_assessment_services import appraised_claim, proposal_inputs, with_wages

    claim_id = appraised_claim(services, cw, grade=5, nursing="none")  # concluded 2026-11-20
    with_wages(services, cw, claim_id)
    services.assessments.approve(sup, services.assessments.propose(cw, claim_id, proposal_inputs(
        services, cw, claim_id, employer_cannot_arrange_work=True)))
    ctx.today = lambda: date(2027, 2, 10)
    with pytest.raises(ValidationFailed) as bad:  # Art. 39 last paragraph names grades 1-4 only
        services.claims.record_death(cw, claim_id, {"death_date": "2026-11-21"})
    assert rules(bad.value) == {("death_date", "claim.death_after_suspension_grade")}
    assert services.claims.get(cw, claim_id).fatal is False  # nothing changed


def test_a_death_within_the_period_keeps_the_death_subsidy(services, cw, sup, ctx):
    # grade 4 concluded 2026-11-20 (the period's last day, Art. 33 para. 3); died that very day
    claim_id, _ = approved_grade_4(services, cw, sup)
    ctx.today = lambda: date(2026, 11, 30)
    # the death subsidy needs the 2025 national figure, not in the shipped file: the death is recorded, no proposal
    assert services.assessments.record_death(cw, claim_id, {"death_date": "2026-11-20"}) is None
    state = services.assessments.state(cw, claim_id)
    assert state.death_supersession and state.reassessment_from == date(2026, 11, 20)
    assert services.assessments.get(cw, claim_id).status == "approved"
    doc = services.assessments.prefill(cw, claim_id)
    assert "death_after_suspension" not in doc and "disability_grade" not in doc
    doc["national_urban_disposable_income"] = "54188"  # the caseworker enters it on the Assessment page
    with pytest.raises(ValidationFailed) as bad:  # the dates decide, not the caseworker
        services.assessments.propose(cw, claim_id, {**doc, "death_after_suspension": True, "disability_grade": 4})
    assert ("death_after_suspension", "assessment.death_within_suspension") in rules(bad.value)
    mismatch = next(e for e in bad.value.errors if e.field == "death_after_suspension")
    assert mismatch.params == {"last_day": "2026-11-20", "death_date": "2026-11-20"}
    new = services.assessments.propose(cw, claim_id, doc)
    services.assessments.approve(sup, new)
    # funeral 46,800.00 and 20 × 54,188 = 1,083,760.00, both due on the approval day; no register, no pension
    once = sorted((p.item_code, p.amount) for p in services.assessments.list_payments(cw, claim_id)
                  if p.assessment_id == new)
    assert once == [("funeral_subsidy", Decimal("46800.00")), ("one_time_death_subsidy", Decimal("1083760.00"))]
    # the December allowance was scheduled after the death and never paid: cancelled, and nothing to recover
    assert services.assessments.get(cw, claim_id).settlement == ()
    assert {p.status for p in services.assessments.list_payments(cw, claim_id)
            if p.item_code == "monthly_disability_allowance"} == {"cancelled"}


def test_the_grade_last_appraised_before_the_death_decides(services, cw, sup, ctx):
    # grade 4 approved on 2026-11-28; a re-appraisal concluded on 2026-12-01 finds grade 3, not yet assessed
    claim_id, first = approved_grade_4(services, cw, sup)
    ctx.today = lambda: date(2026, 12, 10)
    services.reappraisals.record_conclusion(cw, claim_id, {"kind": "reappraisal", "requested_on": "2026-11-25",
                                                           "appraised_on": "2026-12-01", "disability_grade": 3})
    new = services.assessments.record_death(cw, claim_id, {"death_date": "2026-12-05"})
    proposal = services.assessments.get(cw, claim_id)
    assert (proposal.id, proposal.supersedes_id) == (new, first)
    assert (proposal.inputs["disability_grade"], proposal.inputs["death_after_suspension"]) == (3, True)


def test_a_re_appraisal_to_grade_5_leaves_no_death_benefit_after_the_period(services, cw, sup, ctx):
    claim_id, _ = approved_grade_4(services, cw, sup)
    ctx.today = lambda: date(2026, 12, 10)
    services.reappraisals.record_conclusion(cw, claim_id, {"kind": "reappraisal", "requested_on": "2026-11-25",
                                                           "appraised_on": "2026-12-01", "disability_grade": 5})
    with pytest.raises(ValidationFailed) as bad:
        services.assessments.record_death(cw, claim_id, {"death_date": "2026-12-05"})
    assert rules(bad.value) == {("death_date", "claim.death_after_suspension_grade")}
    assert services.claims.get(cw, claim_id).fatal is False


def test_a_later_appraisal_does_not_move_the_end_of_the_suspension_period(services, cw, sup, ctx):
    # the first appraisal on 2026-11-20 ended the period (Art. 33 para. 3); a death on the 25th comes after it even
    # though a re-appraisal concluded on 1 December: grade 3 after the period, the funeral subsidy and the pension
    claim_id, _ = approved_grade_4(services, cw, sup)
    ctx.today = lambda: date(2026, 12, 10)
    services.reappraisals.record_conclusion(cw, claim_id, {"kind": "reappraisal", "requested_on": "2026-11-24",
                                                           "appraised_on": "2026-12-01", "disability_grade": 3})
    services.assessments.record_death(cw, claim_id, {"death_date": "2026-11-25"})
    assert services.assessments.get(cw, claim_id).inputs["death_after_suspension"] is True
