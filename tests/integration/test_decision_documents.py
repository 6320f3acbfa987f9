"""Numbered decisions and notices through the services and printed: numbers issued in the office's pattern and
never typed, the legal basis chosen and quoted, each notice with its proof of delivery, the draft mark on an
unapproved benefit sheet and the proposer, approver and date on the approved one."""

from __future__ import annotations

import io

import pytest
from sqlalchemy import select

from injury_desk.domain.errors import ValidationFailed
from injury_desk.store.models import DecisionDocument, Office
from tests.conftest import claim_draft, worker_data
from tests.integration.test_assessment_services import decided_claim, proposal_inputs, with_wages
from tests.unit.test_printing_render import text_of


def pdf_text(services, actor, form, claim_id) -> str:
    buf = io.BytesIO()
    services.printing.render(actor, form, claim_id, buf)
    return text_of(buf.getvalue()).replace("\n", "")


def test_numbers_follow_the_office_pattern_and_count_up_per_year(services, sup, ctx):
    with ctx.write(sup, "test.configure") as s:  # as the central service would set it (offices are central-only)
        office = s.get(Office, sup.office_id)
        office.decision_prefix, office.decision_pattern = "榕人社工伤认", "{prefix}〔{year}〕{device}第{seq}号"
    first = decided_claim(services, sup)
    second = services.claims.create(sup, claim_draft(worker=worker_data(id_number="110105198005060125",
                                                                         name="李娜")))
    services.clocks.not_accept(sup, second, {"not_accepted_on": "2026-11-15", "reason": "不属于本部门管辖"})
    numbers = [services.claims.get(sup, first).determination["decision_no"],
               services.decisions.documents(sup, second)[0].number]
    tag = numbers[0][len("榕人社工伤认〔2026〕"):-len("第0001号")]
    assert numbers == [f"榕人社工伤认〔2026〕{tag}第0001号", f"榕人社工伤认〔2026〕{tag}第0002号"]
    with ctx.read() as s:
        kinds = sorted(s.scalars(select(DecisionDocument.kind)))
    assert kinds == ["determination_decision", "not_accepted_notice"]


def test_the_basis_is_a_choice_that_fits_the_outcome(services, sup):
    claim_id = services.claims.create(sup, claim_draft())
    services.claims.accept(sup, claim_id, {"accepted_on": "2026-11-11"})
    with pytest.raises(ValidationFailed) as info:
        services.claims.decide(sup, claim_id, {"outcome": "recognised", "decided_on": "2026-11-20",
                                               "basis_code": "art16_1"})
    assert [(e.field, e.rule) for e in info.value.errors] == [("basis_code", "determination.basis_mismatch")]
    with pytest.raises(ValidationFailed) as info:
        services.claims.decide(sup, claim_id, {"outcome": "recognised", "decided_on": "2026-11-20",
                                               "basis": "第十四条", "decision_no": "手写1号"})
    assert ("basis_code", "field.required") in [(e.field, e.rule) for e in info.value.errors]
    assert services.decisions.documents(sup, claim_id) == []  # nothing issued by a refused decision


def test_not_recognised_decision_prints_its_number_quote_and_receipt(services, sup):
    claim_id = services.claims.create(sup, claim_draft())
    services.claims.accept(sup, claim_id, {"accepted_on": "2026-11-11"})
    services.claims.decide(sup, claim_id, {"outcome": "not_recognised", "decided_on": "2026-11-20",
                                           "basis_code": "art16_2"})
    [doc] = services.decisions.documents(sup, claim_id)
    services.clocks.record_delivery(sup, claim_id, {"document_id": doc.id, "delivered_on": "2026-11-21",
                                                    "recipient": "worker", "recipient_name": "张伟"})
    text = pdf_text(services, sup, "not_recognised_decision", claim_id)
    assert doc.number in text and "不予认定工伤决定书" in text
    assert "《工伤保险条例》第十六条第（二）项：“醉酒或者吸毒的”" in text
    assert "送达回证" in text and "2026-11-21" in text and "张伟" in text
    # the appeal windows run from that delivery (60 days -> 2027-01-20)
    rows = services.tasks.claim_deadlines(sup, scope="office", horizon_days=365)
    assert ("reconsideration", "2027-01-20") in {(r.kind, r.due.isoformat()) for r in rows}


def test_appraisal_and_reappraisal_requests_are_numbered_and_printed(services, cw):
    claim_id = decided_claim(services, cw)
    services.claims.request_appraisal(cw, claim_id, {"appraisal_requested_on": "2026-11-13"})
    # the conclusion's Art. 25 date, from the same rule as the screens: 13 Nov + 60 days = 12 Jan
    assert "2027-01-12" in pdf_text(services, cw, "appraisal_request", claim_id)
    services.claims.record_appraisal(cw, claim_id, {"appraised_on": "2026-11-20", "disability_grade": 7})
    re_id = services.decisions.request_reappraisal(cw, claim_id, {"requested_on": "2026-11-25",
                                                                  "reason": "伤残等级评定过低"})
    docs = {d.kind: d for d in services.decisions.documents(cw, claim_id)}
    assert set(docs) == {"determination_decision", "appraisal_request", "reappraisal_request"}
    assert docs["reappraisal_request"].id == re_id
    assert len({d.number for d in docs.values()}) == 3
    text = pdf_text(services, cw, "appraisal_request", claim_id)
    assert docs["appraisal_request"].number in text and docs["determination_decision"].number in text
    text = pdf_text(services, cw, "reappraisal_request", claim_id)
    assert docs["reappraisal_request"].number in text and "伤残等级评定过低" in text and "第二十六条" in text


def test_benefit_sheet_is_a_draft_until_approved_then_names_proposer_approver_and_date(services, cw, sup):
    claim_id = decided_claim(services, cw)
    services.claims.request_appraisal(cw, claim_id, {"appraisal_requested_on": "2026-11-13"})
    services.claims.record_appraisal(cw, claim_id, {"appraised_on": "2026-11-20", "disability_grade": 4,
                                                    "nursing_level": "partial"})
    with_wages(services, cw, claim_id)
    proposal = services.assessments.propose(cw, claim_id, proposal_inputs(services, cw, claim_id,
                                                                          suspension_months=6))
    draft = pdf_text(services, cw, "benefit_calculation", claim_id)
    assert "草稿　未经审批" in draft and "DRAFT – not approved" in draft
    assert "Case Worker" in draft and "Super Visor" not in draft
    services.assessments.approve(sup, proposal)
    approved = pdf_text(services, cw, "benefit_calculation", claim_id)
    assert "草稿" not in approved and "DRAFT" not in approved
    day = services.assessments.get(cw, claim_id).decided_at.date().isoformat()
    assert "Case Worker" in approved and "Super Visor" in approved and day in approved


def test_art_15_3_determination_carries_into_the_benefit_calculation(services, cw):
    # A disabled veteran's old wound recurring at work (Art. 15 item 3): every benefit except the one-time
    # disability subsidy. The basis comes from the determination, and a calculation claiming Art. 14 is refused.
    claim_id = decided_claim(services, cw, outcome="deemed", basis_code="art15_3")
    services.claims.request_appraisal(cw, claim_id, {"appraisal_requested_on": "2026-11-13"})
    services.claims.record_appraisal(cw, claim_id, {"appraised_on": "2026-11-20", "disability_grade": 7})
    with_wages(services, cw, claim_id)
    inputs = proposal_inputs(services, cw, claim_id, suspension_months=2)
    assert inputs["recognition_basis"] == "art15_3"
    codes = {item.code for item in services.assessments.preview(cw, claim_id, inputs).items}
    # grade 7 under Art. 14 gives 13 months' wages as a one-time disability subsidy (Art. 37); not here
    assert "one_time_disability_subsidy" not in codes and "work_suspension_wages" in codes
    with pytest.raises(ValidationFailed) as info:
        services.assessments.preview(cw, claim_id, {**inputs, "recognition_basis": "art14"})
    assert [(e.field, e.rule) for e in info.value.errors] == [("recognition_basis", "assessment.basis_mismatch")]
