"""The assessment services and the claim-life rules: which claims take a basic pension, the region's daily
hospital meal standard for display, and the formula and basis keys stored with a proposal."""

from __future__ import annotations

import pytest

from injury_desk.domain.messages import Message
from tests.integration.test_assessment_services import appraised_claim, decided_claim, proposal_inputs, with_wages


@pytest.mark.parametrize(("grade", "applies"), [(1, True), (4, True), (5, False), (10, False)])
def test_basic_pension_applies_to_grades_1_to_4(services, cw, grade, applies):
    claim_id = appraised_claim(services, cw, grade=grade, nursing="none")
    assert services.assessments.state(cw, claim_id).basic_pension_applies is applies


def test_no_basic_pension_for_a_fatal_case(services, cw):
    assert services.assessments.state(cw, decided_claim(services, cw, fatal=True)).basic_pension_applies is False


def test_region_figures_show_the_daily_hospital_meal_standard(services, cw):
    assert services.assessments.region_figures(cw, "example", 2025)["hospital_meal_allowance_per_day"] == "32.00"


def test_a_proposal_stores_the_formula_and_basis_keys(services, cw):
    claim_id = appraised_claim(services, cw, grade=2, nursing="none")
    with_wages(services, cw, claim_id)
    doc = proposal_inputs(services, cw, claim_id, hospital_days=4, basic_pension="3000")
    services.assessments.propose(cw, claim_id, doc)
    stored = services.assessments.get(cw, claim_id)
    items = {i["code"]: i for i in stored.result["items"]}
    # 85% × 6,000 = 5,100 − 3,000 = 2,100; 4 days × 32.00 = 128.00
    assert items["pension_top_up"]["amount"] == "2100.00"
    assert items["hospital_meal_allowance"]["amount"] == "128.00"
    message = Message.from_dict(items["pension_top_up"]["formula_message"])
    assert message.key == "calc.formula.pension_top_up" and message.params["pension"] == "3,000.00"
    assert Message.from_dict(items["hospital_meal_allowance"]["basis_message"]).key == "list.semicolon"
