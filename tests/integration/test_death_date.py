"""The date of death apart from the accident (Regulation Art. 39) through the services: given at intake or recorded
later, checked (not before the accident, not in the future, only for a death) with the field named and nothing
changed; the register's ages judged on it, the dependants' pension from the month after it (the stored schedule,
the Dependants tab's schedule and the monthly run agree), and the proposal's statistics year the one before it."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import select

from injury_desk.domain.errors import ValidationFailed
from injury_desk.store.models import AuditEvent
from tests.conftest import claim_draft, rules
from tests.integration.test_assessment_services import decided_claim, proposal_inputs, with_wages
from tests.integration.test_dependants_register import WIFE


def test_a_death_date_at_intake_is_checked_and_named(services, cw):
    for value, rule in (("2026-10-31", "claim.death_before_accident"), ("2026-11-29", "field.date_in_future")):
        with pytest.raises(ValidationFailed) as bad:
            services.claims.create(cw, claim_draft(fatal=True, death_date=value))  # accident 2026-11-01
        assert rules(bad.value) == {("death_date", rule)}
    with pytest.raises(ValidationFailed) as bad:  # a date of death on a living worker's claim
        services.claims.create(cw, claim_draft(death_date="2026-11-05"))
    assert rules(bad.value) == {("death_date", "claim.death_without_fatal")}
    claim_id = services.claims.create(cw, claim_draft(fatal=True, death_date="2026-11-01"))  # the accident day
    assert services.claims.get(cw, claim_id).death_date == date(2026, 11, 1)


def test_a_later_death_moves_the_pension_and_the_statistics_year(services, cw, sup, db):
    # injured on 20 December 2025, died on 5 January 2026 after 16 days in hospital
    claim_id = decided_claim(services, cw, accident_date="2025-12-20", application_received_on="2025-12-23")
    claim = services.claims.get(cw, claim_id)
    assert claim.fatal is False and claim.death_date is None
    with pytest.raises(ValidationFailed) as bad:
        services.claims.record_death(cw, claim_id, {"death_date": "2025-12-19"}, token=claim.token)
    assert rules(bad.value) == {("death_date", "claim.death_before_accident")}
    with pytest.raises(ValidationFailed) as bad:
        services.claims.record_death(cw, claim_id, {"death_date": ""})
    assert rules(bad.value) == {("death_date", "field.required")}
    assert services.claims.get(cw, claim_id).fatal is False  # nothing changed
    services.claims.record_death(cw, claim_id, {"death_date": "2026-01-05"}, token=claim.token)
    claim = services.claims.get(cw, claim_id)
    assert (claim.fatal, claim.death_date) == (True, date(2026, 1, 5))
    with db.read() as s:
        assert "claim.record_death" in s.scalars(select(AuditEvent.action)).all()

    # Art. 39 takes the figures of the year before the death: 2025, not 2024 (the year before the injury)
    with_wages(services, cw, claim_id)
    doc = proposal_inputs(services, cw, claim_id, dependants=[{"relation": "spouse"}],
                          national_urban_disposable_income="54188")
    assert doc["year"] == 2025
    services.assessments.approve(sup, services.assessments.propose(cw, claim_id, doc))
    # the register is judged on the day of death: a son born on 1 January 2008 was 17 at the accident and 18 when
    # his father died, so he does not qualify as a child under 18 (Provisions Art. 3)
    with pytest.raises(ValidationFailed) as bad:
        services.dependants.add(cw, claim_id, {"name": "张成", "relation": "child", "sex": "M",
                                               "birth_date": "2008-01-01", "condition": "child_under_age"})
    assert rules(bad.value) == {("condition", "dependant.not_a_minor")}
    assert bad.value.errors[0].params["on"] == "2026-01-05"  # the day of death, not the accident's
    services.dependants.add(cw, claim_id, WIFE)  # born 1968-02-01: 57 on the day of death, 55 needed
    assert services.dependants.register(cw, claim_id).death_date == date(2026, 1, 5)


def test_the_pension_window_counts_from_the_death():
    from injury_desk.services.pension_window import window_for

    # injured 20 December 2025, died 5 January 2026: from February 2026, not January (the month after the injury)
    assert window_for(date(2025, 12, 20), date(2026, 1, 5), None).first_month == date(2026, 2, 1)
    assert window_for(date(2025, 12, 20), None, None).first_month == date(2026, 1, 1)  # died in the accident


def test_recording_a_death_after_an_assessment_without_it_is_refused(services, cw, sup):
    claim_id = decided_claim(services, cw, needs_appraisal=False)
    with_wages(services, cw, claim_id)
    services.assessments.propose(cw, claim_id, proposal_inputs(services, cw, claim_id))
    with pytest.raises(ValidationFailed) as bad:
        services.claims.record_death(cw, claim_id, {"death_date": "2026-11-20"})
    assert rules(bad.value) == {("death_date", "claim.death_after_assessment")}
    assert services.claims.get(cw, claim_id).fatal is False


def test_the_pension_starts_the_month_after_a_death_in_a_later_month(services, cw, sup):
    # accident 20 October 2026, death 1 November, approved 28 November: nobody is entitled on 1 November, the day of
    # the death (and the approval's month is not paid); December 40 % × 6,000, in the tab's schedule and the run alike
    claim_id = decided_claim(services, cw, fatal=True, accident_date="2026-10-20", death_date="2026-11-01",
                             application_received_on="2026-10-23")
    with_wages(services, cw, claim_id)
    services.assessments.approve(sup, services.assessments.propose(cw, claim_id, proposal_inputs(
        services, cw, claim_id, dependants=[{"relation": "spouse"}], national_urban_disposable_income="54188")))
    services.dependants.add(cw, claim_id, WIFE)
    # November is not paid: on 1 November, the day of the death, nobody is entitled yet; December 40 % × 6,000
    lines = services.dependants.schedule(cw, claim_id, date(2026, 11, 1), months=2)
    assert [(x.month, x.amount) for x in lines] == [(date(2026, 12, 1), Decimal("2400.00"))]
    run = [x for x in services.monthly_run.due(cw, date(2026, 12, 1)) if x.claim_id == claim_id]
    assert [x.amount for x in run] == [Decimal("2400.00")]


def test_the_calculation_sheet_prints_the_date_of_death(services, cw, sup):
    from tests.integration.test_decision_documents import pdf_text

    claim_id = decided_claim(services, cw, fatal=True, accident_date="2026-10-20", death_date="2026-11-01",
                             application_received_on="2026-10-23")
    with_wages(services, cw, claim_id)
    services.assessments.propose(cw, claim_id, proposal_inputs(
        services, cw, claim_id, dependants=[{"relation": "spouse"}], national_urban_disposable_income="54188"))
    text = pdf_text(services, cw, "benefit_calculation", claim_id)
    assert "死亡日期" in text and "2026-11-01" in text and "2026-10-20" in text
