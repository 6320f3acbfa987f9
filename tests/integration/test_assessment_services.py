"""Assessments through the services: state guards, four eyes, frozen approvals, payments, audit and outbox."""

from __future__ import annotations

import json
import shutil
from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import select

from injury_desk.domain.compensation.wages import months_before
from injury_desk.domain.errors import DomainError, ValidationFailed
from injury_desk.services.assessments import AssessmentService
from injury_desk.store.models import AuditEvent, OutboxEntry, WageRecord
from tests import conftest
from tests.conftest import TODAY, claim_draft, rules

WAGES = ["5800", "5800", "5800", "5800", "6000", "6000", "6000", "6000", "6200", "6200", "6200", "6200"]


def decided_claim(services, cw, *, fatal=False, needs_appraisal=True, outcome="recognised", **over) -> str:
    """Decided on 2026-11-12, so that the appraisal can follow on the 13th."""
    return conftest.decided_claim(services, cw, outcome, decided_on="2026-11-12",
                                  decision={"needs_appraisal": needs_appraisal}, fatal=fatal, **over)


def appraised_claim(services, cw, grade=4, nursing="partial") -> str:
    claim_id = decided_claim(services, cw)
    services.claims.request_appraisal(cw, claim_id, {"appraisal_requested_on": "2026-11-13"})
    services.claims.record_appraisal(cw, claim_id, {"appraised_on": "2026-11-20", "disability_grade": grade,
                                                    "nursing_level": nursing})
    return claim_id


def with_wages(services, cw, claim_id) -> None:
    accident = services.claims.get(cw, claim_id).accident_date
    months = months_before(accident)
    assert services.assessments.record_wages(cw, claim_id, [
        {"month": m, "amount": a} for m, a in zip(months, WAGES)]) == []


def proposal_inputs(services, cw, claim_id, **over) -> dict:
    doc = services.assessments.prefill(cw, claim_id)
    doc.update(over)
    return doc


# ---------------------------------------------------------------- wages


def test_record_wages_replaces_tombstones_and_warns_on_fewer_months(services, cw, db):
    claim_id = decided_claim(services, cw)
    months = months_before(date(2026, 11, 1))
    warnings = services.assessments.record_wages(cw, claim_id, [{"month": m, "amount": "5000"} for m in months[:10]])
    assert [(w.rule, w.params) for w in warnings] == [("wage.months_fewer", {"expected": 12, "count": 10})]
    # A second entry replaces the first: two months gone (tombstoned, not deleted), one changed.
    services.assessments.record_wages(cw, claim_id, [{"month": m, "amount": "5100.50"} for m in months[2:10]])
    assert [w["month"] for w in services.assessments.list_wages(cw, claim_id)] == months[2:10]
    assert services.assessments.list_wages(cw, claim_id)[0]["amount"] == "5100.50"
    with db.read() as s:
        rows = s.scalars(select(WageRecord).where(WageRecord.claim_id == claim_id)).all()
        assert len(rows) == 10 and sum(r.deleted for r in rows) == 2
    # A month that comes back revives its row (one row per claim and month).
    services.assessments.record_wages(cw, claim_id, [{"month": m, "amount": "5000"} for m in months])
    assert len(services.assessments.list_wages(cw, claim_id)) == 12


@pytest.mark.parametrize("entry, expected", [
    ({"month": "2026-05", "amount": "-1"}, ("wages[0].amount", "money.negative")),
    ({"month": "2026/05", "amount": "1"}, ("wages[0].month", "wage.month_format")),
    ({"month": "2026-13", "amount": "1"}, ("wages[0].month", "wage.month_format")),
    ({"month": "2026-11", "amount": "1"}, ("wages[0].month", "wage.month_after_injury")),
    ({"month": "2026-05", "amount": "abc"}, ("wages[0].amount", "money.format")),
])
def test_bad_wages_are_refused_and_change_nothing(services, cw, entry, expected):
    claim_id = decided_claim(services, cw)
    services.assessments.record_wages(cw, claim_id, [{"month": "2026-01", "amount": "4000"}])
    with pytest.raises(ValidationFailed) as info:
        services.assessments.record_wages(cw, claim_id, [entry])
    assert expected in rules(info.value)
    assert services.assessments.list_wages(cw, claim_id) == [{"month": "2026-01", "amount": "4000.00"}]


def test_duplicate_month_is_refused(services, cw):
    claim_id = decided_claim(services, cw)
    with pytest.raises(ValidationFailed) as info:
        services.assessments.record_wages(cw, claim_id, [{"month": "2026-01", "amount": "1"},
                                                         {"month": "2026-01", "amount": "2"}])
    assert ("wages[1].month", "wage.month_duplicate") in rules(info.value)


# ---------------------------------------------------------------- prefill and guards


def test_prefill_takes_wages_region_and_appraisal(services, cw):
    claim_id = appraised_claim(services, cw)
    assert "monthly_wages" not in services.assessments.prefill(cw, claim_id)  # nothing invented
    with_wages(services, cw, claim_id)
    doc = services.assessments.prefill(cw, claim_id)
    assert doc["injury_date"] == "2026-11-01"
    assert doc["monthly_wages"] == [f"{Decimal(w):.2f}" for w in WAGES]
    assert (doc["region"], doc["year"]) == ("example", 2025)
    assert (doc["disability_grade"], doc["nursing_level"], doc["fatal"]) == (4, "partial", False)
    result = services.assessments.preview(cw, claim_id, doc)
    assert result.item("wage_base").amount == Decimal("6000.00")
    assert result.item("one_time_disability_subsidy").amount == Decimal("126000.00")


def test_preview_needs_a_recognised_determination(services, cw):
    claim_id = services.claims.create(cw, claim_draft())
    doc = {"injury_date": "2026-11-01", "average_monthly_wage": "6000", "region": "example"}
    with pytest.raises(DomainError) as info:
        services.assessments.preview(cw, claim_id, doc)
    assert info.value.key == "assessment.no_determination"
    refused = decided_claim(services, cw, outcome="not_recognised",
                            worker={"id_number": "110105199002281234", "name": "王五"})
    with pytest.raises(DomainError) as info:
        services.assessments.preview(cw, refused, doc)
    assert info.value.key == "assessment.no_determination"
    assert "assessment.no_determination" in services.assessments.state(cw, refused).missing


def test_disability_benefits_need_a_concluded_appraisal(services, cw):
    claim_id = decided_claim(services, cw)
    services.claims.request_appraisal(cw, claim_id, {"appraisal_requested_on": "2026-11-13"})
    assert services.assessments.state(cw, claim_id).missing == ("assessment.no_appraisal",)
    doc = {"injury_date": "2026-11-01", "average_monthly_wage": "6000", "region": "example", "disability_grade": 4}
    with pytest.raises(DomainError) as info:
        services.assessments.preview(cw, claim_id, doc)
    assert info.value.key == "assessment.no_appraisal"


def test_inputs_must_match_the_appraisal_and_the_claim(services, cw):
    claim_id = appraised_claim(services, cw, grade=4, nursing="partial")
    doc = proposal_inputs(services, cw, claim_id, average_monthly_wage="6000", disability_grade=3,
                          nursing_level="full", injury_date="2026-10-01")
    with pytest.raises(ValidationFailed) as info:
        services.assessments.preview(cw, claim_id, doc)
    assert rules(info.value) == {("disability_grade", "assessment.grade_mismatch"),
                                 ("nursing_level", "assessment.nursing_mismatch"),
                                 ("injury_date", "assessment.injury_date_mismatch")}


def test_engine_errors_reach_the_caller_with_field_names(services, cw):
    claim_id = appraised_claim(services, cw)
    doc = proposal_inputs(services, cw, claim_id, monthly_wages=["100"] * 11)
    with pytest.raises(ValidationFailed) as info:
        services.assessments.preview(cw, claim_id, doc)
    assert ("monthly_wages", "calc.wages_count") in rules(info.value)


# ---------------------------------------------------------------- propose, approve, return


def test_propose_moves_claim_to_assessment_and_stores_everything(services, cw, db):
    claim_id = appraised_claim(services, cw)
    with_wages(services, cw, claim_id)
    assert services.claims.get(cw, claim_id).status == "appraisal"
    assessment_id = services.assessments.propose(cw, claim_id, proposal_inputs(services, cw, claim_id))
    detail = services.claims.get(cw, claim_id)
    assert detail.status == "assessment"
    assert detail.next_step == "next.approve_assessment"
    stored = services.assessments.get(cw, claim_id)
    assert stored.id == assessment_id and stored.status == "proposed"
    assert stored.proposed_by == cw.user_id and stored.proposed_by_name == "Case Worker"
    assert stored.rules_version and stored.params_version.startswith("example-2025")
    assert stored.inputs["monthly_wages"][0] == "5800.00"
    codes = [i["code"] for i in stored.items]
    assert codes == ["wage_base", "one_time_disability_subsidy", "monthly_disability_allowance",
                     "nursing_care_allowance"]
    assert all(i["formula"] and i["basis"] for i in stored.items)
    assert stored.result["versions"]["region_params_version"] == "example-2025.1"
    # nursing: partial = 30% of the example region's 2025 average wage
    assert stored.total_once == Decimal("126000.00")
    assert stored.total_monthly == Decimal(stored.result["total_monthly"])
    with db.read() as s:
        assert s.scalar(select(OutboxEntry).where(OutboxEntry.table_name == "assessments")).op == "insert"
        actions = s.scalars(select(AuditEvent.action).where(AuditEvent.table_name.in_(["assessments", "claims"]))
                            .order_by(AuditEvent.seq.desc())).all()
        assert actions[:2] == ["assessment.propose", "assessment.propose"]


def test_fatal_case_is_proposed_straight_from_determination(services, cw):
    claim_id = decided_claim(services, cw, fatal=True)
    with_wages(services, cw, claim_id)
    doc = proposal_inputs(services, cw, claim_id, dependants=[{"relation": "spouse"}],
                          national_urban_disposable_income="54188")
    services.assessments.propose(cw, claim_id, doc)
    assert services.claims.get(cw, claim_id).status == "assessment"
    codes = [i["code"] for i in services.assessments.get(cw, claim_id).items]
    assert {"funeral_subsidy", "dependants_pension", "one_time_death_subsidy"} <= set(codes)


def test_claim_needing_appraisal_cannot_be_proposed_from_determination(services, cw):
    claim_id = decided_claim(services, cw)
    with pytest.raises(ValidationFailed) as info:
        services.assessments.propose(cw, claim_id, proposal_inputs(services, cw, claim_id, average_monthly_wage="6000"))
    assert ("needs_appraisal", "claim.appraisal_needed") in rules(info.value)
    assert services.assessments.get(cw, claim_id) is None


def test_only_one_open_proposal(services, cw, sup):
    claim_id = appraised_claim(services, cw)
    with_wages(services, cw, claim_id)
    services.assessments.propose(cw, claim_id, proposal_inputs(services, cw, claim_id))
    with pytest.raises(DomainError) as info:
        services.assessments.propose(cw, claim_id, proposal_inputs(services, cw, claim_id))
    assert info.value.key == "assessment.already_proposed"


def test_four_eyes_proposer_cannot_approve(services, cw, sup):
    claim_id = appraised_claim(services, cw)
    with_wages(services, cw, claim_id)
    own = services.assessments.propose(sup, claim_id, proposal_inputs(services, sup, claim_id))
    with pytest.raises(DomainError) as info:
        services.assessments.approve(sup, own)
    assert info.value.key == "assessment.same_person"
    with pytest.raises(DomainError) as info:
        services.assessments.approve(cw, own)
    assert (info.value.key, info.value.params["permission"]) == ("permission.denied", "assessment.approve")
    assert services.assessments.get(cw, claim_id).status == "proposed"
    assert services.claims.get(cw, claim_id).status == "assessment"


def test_return_needs_a_reason_and_allows_a_new_proposal(services, cw, sup):
    claim_id = appraised_claim(services, cw)
    with_wages(services, cw, claim_id)
    first = services.assessments.propose(cw, claim_id, proposal_inputs(services, cw, claim_id))
    with pytest.raises(ValidationFailed) as info:
        services.assessments.return_for_changes(sup, first, "  ")
    assert ("reason", "field.required") in rules(info.value)
    services.assessments.return_for_changes(sup, first, "工资记录缺少十月份")
    returned = services.assessments.get(cw, claim_id)
    assert (returned.status, returned.return_reason, returned.decided_by) == ("returned", "工资记录缺少十月份", sup.user_id)
    with pytest.raises(DomainError) as info:
        services.assessments.approve(sup, first)
    assert info.value.key == "assessment.not_proposed"
    second = services.assessments.propose(cw, claim_id, proposal_inputs(services, cw, claim_id))
    assert second != first and services.assessments.get(cw, claim_id).status == "proposed"
    assert [a.status for a in services.assessments.history(cw, claim_id)] == ["proposed", "returned"]


def test_approve_moves_claim_to_payment_and_schedules(services, cw, sup, db):
    claim_id = appraised_claim(services, cw)
    with_wages(services, cw, claim_id)
    assessment_id = services.assessments.propose(cw, claim_id, proposal_inputs(services, cw, claim_id,
                                                                               suspension_months=6))
    services.assessments.approve(sup, assessment_id)
    assert services.claims.get(cw, claim_id).status == "payment"
    approved = services.assessments.get(cw, claim_id)
    assert (approved.status, approved.decided_by_name) == ("approved", "Super Visor")
    payments = services.assessments.list_payments(cw, claim_id)
    once = [(p.item_code, p.due_on, p.amount, p.payer) for p in payments if p.due_on == TODAY]
    assert sorted(once) == [("one_time_disability_subsidy", TODAY, Decimal("126000.00"), "fund"),
                            ("work_suspension_wages", TODAY, Decimal("36000.00"), "employer")]
    allowance = [p for p in payments if p.item_code == "monthly_disability_allowance"]
    assert [p.due_on for p in allowance] == [date(2026, 12, 1)] + [date(2027, m, 1) for m in range(1, 12)]
    assert {p.amount for p in allowance} == {Decimal("4500.00")}
    assert len([p for p in payments if p.item_code == "nursing_care_allowance"]) == 12
    assert not any(p.item_code == "wage_base" for p in payments)
    assert all(p.status == "scheduled" for p in payments)
    with db.read() as s:
        outbox = s.scalars(select(OutboxEntry.table_name).where(OutboxEntry.table_name == "payments")).all()
        assert len(outbox) == len(payments) == 26
        approve_events = s.scalars(select(AuditEvent.table_name).where(AuditEvent.action == "assessment.approve")).all()
        assert sorted(set(approve_events)) == ["assessments", "claims", "payments"]
    with pytest.raises(DomainError) as info:
        services.assessments.propose(cw, claim_id, proposal_inputs(services, cw, claim_id))
    assert info.value.key == "assessment.already_approved"


def test_approved_assessment_is_frozen_when_rules_change(services, cw, sup, ctx, tmp_path):
    claim_id = appraised_claim(services, cw)
    with_wages(services, cw, claim_id)
    doc = proposal_inputs(services, cw, claim_id)
    services.assessments.approve(sup, services.assessments.propose(cw, claim_id, doc))
    before = services.assessments.get(cw, claim_id)

    # An administrator publishes a different figure for the same region and year.
    resources = tmp_path / "resources"
    shutil.copytree(ctx.resources_dir / "rules", resources / "rules")
    param_file = resources / "rules" / "regions" / "example" / "2025.json"
    data = json.loads(param_file.read_text(encoding="utf-8"))
    data["average_monthly_wage"]["value"] = "9999.00"
    data["params_version"] = "example-2025.2"
    param_file.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    changed = AssessmentService(replace(ctx, resources_dir=resources))

    recalculated = changed.preview(cw, claim_id, doc)
    nursing_now = recalculated.item("nursing_care_allowance").amount
    nursing_then = next(i for i in before.items if i["code"] == "nursing_care_allowance")["amount"]
    assert (nursing_now, nursing_then) == (Decimal("2999.70"), "2340.00")  # the new rules do differ

    after = changed.get(cw, claim_id)
    assert after == before
    assert after.params_version.startswith("example-2025.1")
    assert services.assessments.list_payments(cw, claim_id) == changed.list_payments(cw, claim_id)


# ---------------------------------------------------------------- payments


def approved_claim(services, cw, sup) -> str:
    claim_id = appraised_claim(services, cw)
    with_wages(services, cw, claim_id)
    services.assessments.approve(sup, services.assessments.propose(cw, claim_id, proposal_inputs(services, cw, claim_id)))
    return claim_id


def test_record_payment_once_and_not_in_the_future(services, cw, sup, db):
    claim_id = approved_claim(services, cw, sup)
    payment = next(p for p in services.assessments.list_payments(cw, claim_id) if p.due_on == TODAY)
    with pytest.raises(ValidationFailed) as info:
        services.assessments.record_payment(cw, payment.id, "2026-11-29", "BANK-1")
    assert ("paid_on", "field.date_in_future") in rules(info.value)
    services.assessments.record_payment(cw, payment.id, "2026-11-28", "BANK-1")
    paid = next(p for p in services.assessments.list_payments(cw, claim_id) if p.id == payment.id)
    assert (paid.status, paid.paid_on, paid.reference) == ("paid", TODAY, "BANK-1")
    with pytest.raises(DomainError) as info:
        services.assessments.record_payment(cw, payment.id, "2026-11-28", "BANK-2")
    assert info.value.key == "payment.already_paid"
    with db.read() as s:
        last = s.scalar(select(OutboxEntry).where(OutboxEntry.row_id == payment.id).order_by(OutboxEntry.seq.desc()))
        assert last.op == "update" and last.changes["status"] == ["scheduled", "paid"]
        assert s.scalar(select(AuditEvent.action).where(AuditEvent.row_id == payment.id)
                        .order_by(AuditEvent.seq.desc()).limit(1)) == "payment.record"


def test_administrator_cannot_propose_or_record_payments(services, cw, sup, adm):
    claim_id = approved_claim(services, cw, sup)
    payment = services.assessments.list_payments(cw, claim_id)[0]
    with pytest.raises(DomainError) as info:
        services.assessments.record_payment(adm, payment.id, "2026-11-28", "")
    assert info.value.key == "permission.denied"
    with pytest.raises(DomainError) as info:
        services.assessments.propose(adm, claim_id, {})
    assert info.value.key == "permission.denied"


def test_a_claim_is_not_closed_while_payments_are_scheduled(services, cw, sup):
    """Closing is irreversible: refused, saying what is outstanding, while money is still to pay (issue 14)."""
    claim_id = approved_claim(services, cw, sup)
    scheduled = [p for p in services.assessments.list_payments(cw, claim_id) if p.status == "scheduled"]
    assert scheduled
    with pytest.raises(ValidationFailed) as info:
        services.claims.advance(cw, claim_id, "closed")
    [error] = info.value.errors
    assert error.rule == "claim.close_payments_scheduled"
    assert error.params == {"count": len(scheduled), "next_due": min(p.due_on for p in scheduled).isoformat()}
    assert services.claims.get(cw, claim_id).status == "payment"  # nothing changed
