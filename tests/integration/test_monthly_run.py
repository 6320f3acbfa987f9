"""The monthly run through the services: who in the office is due which monthly benefit in a chosen month, from the
assessment in force, the dependants register and the region's Art. 40 notices (a late one paying back pay in the
next run), each line with its basis; CSV export refuses the database's own files; reading changes nothing."""

from __future__ import annotations

import csv
import json
import shutil
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import func, select

from injury_desk.domain.errors import DomainError, ValidationFailed
from injury_desk.services.monthly_run import parse_month
from injury_desk.store.models import AuditEvent, OutboxEntry
from tests.conftest import rules
from tests.integration.test_assessment_services import appraised_claim, proposal_inputs, with_wages
from tests.integration.test_dependants_register import family, fatal_claim

ALLOWANCE, NURSING, PENSION = "monthly_disability_allowance", "nursing_care_allowance", "dependants_pension"


def grade_4(services, cw, sup) -> str:
    claim_id = appraised_claim(services, cw, grade=4, nursing="partial")  # concluded 2026-11-20
    with_wages(services, cw, claim_id)  # wage base 6,000
    services.assessments.approve(sup, services.assessments.propose(cw, claim_id, proposal_inputs(services, cw,
                                                                                                 claim_id)))
    return claim_id  # approved on 2026-11-28 (TODAY): monthly benefits from December


def lines_of(services, actor, month: str, claim_id: str):
    return [x for x in services.monthly_run.due(actor, date.fromisoformat(month)) if x.claim_id == claim_id]


def with_notice(ctx, tmp_path, notice: dict) -> None:
    """The shipped rules with one more Art. 40 notice of the example region."""
    rules_dir = tmp_path / "resources" / "rules"
    shutil.copytree(ctx.resources_dir / "rules", rules_dir)
    path = rules_dir / "regions" / "example" / "adjustments.json"
    doc = json.loads(path.read_text(encoding="utf-8"))
    doc["adjustments"].append(notice)
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    ctx.resources_dir = tmp_path / "resources"


def test_the_run_lists_each_monthly_benefit_from_the_month_after_the_approval(services, cw, sup):
    claim_id = grade_4(services, cw, sup)
    assert lines_of(services, cw, "2026-11-01", claim_id) == []  # approved on 28 November: nothing this month
    december = {x.item_code: x for x in lines_of(services, cw, "2026-12-01", claim_id)}
    # Art. 35: grade 4 → 75 % × 6,000 = 4,500.00 (fund); Art. 34: partial nursing 30 % × 7,800 (the 2025 regional average) = 2,340.00
    assert set(december) == {ALLOWANCE, NURSING}
    allowance = december[ALLOWANCE]
    assert (allowance.amount, allowance.base, allowance.payer, allowance.kind) == (
        Decimal("4500.00"), Decimal("4500.00"), "fund", "monthly")
    assert december[NURSING].amount == Decimal("2340.00")
    assert "Art. 35" in allowance.basis and allowance.notices == ()  # a benefit from 2026: no notice applies to it
    assert allowance.assessment_id == services.assessments.get(cw, claim_id).id
    assert allowance.payee == allowance.worker and allowance.claim_no
    # computed, not read from the twelve months stored ahead: five years on it is still due
    assert {x.item_code for x in lines_of(services, cw, "2031-12-01", claim_id)} == {ALLOWANCE, NURSING}


def test_a_late_notice_raises_the_month_and_pays_back_pay_in_the_next_run(services, cw, sup, ctx, tmp_path):
    claim_id = grade_4(services, cw, sup)
    # +2 % on the allowance from 2027-01-01, published late on 2027-02-10
    with_notice(ctx, tmp_path, {"notice": "Notice 2027 (illustrative figures, not official)",
                                "basis": "Regulation on Work-Related Injury Insurance (2010) Art. 40",
                                "effective_from": "2027-01-01", "published_on": "2027-02-10",
                                "applies_to": [ALLOWANCE], "percentage": "0.02"})
    # February's payment fell due on 1 February, before the notice: 4,500.00
    february = {(x.item_code, x.kind): x for x in lines_of(services, cw, "2027-02-01", claim_id)}
    assert february[(ALLOWANCE, "monthly")].amount == Decimal("4500.00")
    assert (ALLOWANCE, "back_pay") not in february
    # March: 4,500.00 × 1.02 = 4,590.00; January and February were paid 4,500.00: 2 × 90.00 = 180.00 back pay
    march = {(x.item_code, x.kind): x for x in lines_of(services, cw, "2027-03-01", claim_id)}
    assert march[(ALLOWANCE, "monthly")].amount == Decimal("4590.00")
    assert march[(ALLOWANCE, "monthly")].notices == ("Notice 2027 (illustrative figures, not official)",)
    assert march[(ALLOWANCE, "back_pay")].amount == Decimal("180.00")
    assert march[(NURSING, "monthly")].amount == Decimal("2340.00")  # the notice does not name nursing
    assert (ALLOWANCE, "back_pay") not in {(x.item_code, x.kind) for x in lines_of(services, cw, "2027-04-01",
                                                                                    claim_id)}


def test_each_dependant_is_paid_in_the_run_and_not_the_assessments_total(services, cw, sup):
    claim_id = fatal_claim(services, cw, sup)
    family(services, cw, claim_id)
    december = lines_of(services, cw, "2026-12-01", claim_id)
    # 130 % > 100 %: 6,000 × 40/130 → 1,846.15, less the fen over: 1,846.14; 6,000 × 30/130 → 1,384.62 × 3
    assert sorted((x.payee, x.amount) for x in december if x.item_code == PENSION) == sorted([
        ("李秀英", Decimal("1846.14")), ("李秀英", Decimal("1384.62")), ("李秀英", Decimal("1384.62")),
        ("张德福", Decimal("1384.62"))])  # the children's pensions go to their mother, the payee
    assert sum(x.amount for x in december if x.item_code == PENSION) == Decimal("6000.00")
    # February 2027 (Anna 18 on 15 January): 2,400.00 + 1,800.00 + 1,800.00
    february = lines_of(services, cw, "2027-02-01", claim_id)
    assert sorted(x.amount for x in february if x.item_code == PENSION) == [
        Decimal("1800.00"), Decimal("1800.00"), Decimal("2400.00")]


def test_csv_export_writes_the_run_and_refuses_the_database(services, cw, sup, db, tmp_path):
    claim_id = grade_4(services, cw, sup)
    audit_before = _count(db, AuditEvent), _count(db, OutboxEntry)
    target = tmp_path / "run.csv"
    assert services.monthly_run.export_csv(cw, target, date(2026, 12, 1)) == 2
    with target.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    mine = {r["item_code"]: r for r in rows}
    assert mine[ALLOWANCE]["amount"] == "4500.00" and mine[ALLOWANCE]["month"] == "2026-12"
    assert mine[ALLOWANCE]["assessment_id"] == services.assessments.get(cw, claim_id).id
    assert (_count(db, AuditEvent), _count(db, OutboxEntry)) == audit_before  # a read changes nothing
    with pytest.raises(DomainError) as refused:
        services.monthly_run.export_csv(cw, Path(db.path), date(2026, 12, 1))
    assert refused.value.key == "output.is_database"


def test_a_month_that_is_not_a_month_is_refused_naming_the_field():
    assert parse_month("2027-03") == date(2027, 3, 1)
    with pytest.raises(ValidationFailed) as bad:
        parse_month("2027-13")
    assert [(e.field, e.rule) for e in bad.value.errors] == [("month", "field.month_format")]


def _count(db, model) -> int:
    with db.read() as s:
        return s.scalar(select(func.count()).select_from(model))


def test_mark_a_run_lines_payment_paid_once_with_its_reference(services, cw, sup, adm, db, ctx):
    claim_id = grade_4(services, cw, sup)
    ctx.today = lambda: date(2026, 12, 3)
    [allowance] = [x for x in lines_of(services, cw, "2026-12-01", claim_id) if x.item_code == ALLOWANCE]
    # the run's line carries the stored payment of December: 4,500.00, scheduled
    assert (allowance.payment_status, allowance.payment_amount) == ("scheduled", Decimal("4500.00"))
    with pytest.raises(ValidationFailed) as bad:  # the reference is required, the day not in the future
        services.monthly_run.mark_paid(cw, allowance.payment_id, {"paid_on": "2026-12-04", "reference": ""})
    assert rules(bad.value) == {("paid_on", "field.date_in_future"), ("reference", "field.required")}
    with pytest.raises(DomainError) as denied:  # an administrator does not record payments
        services.monthly_run.mark_paid(adm, allowance.payment_id, {"paid_on": "2026-12-03", "reference": "x"})
    assert denied.value.key == "permission.denied"
    services.monthly_run.mark_paid(cw, allowance.payment_id, {"paid_on": "2026-12-03", "reference": "工行代发 1203"})
    [line] = [x for x in lines_of(services, cw, "2026-12-01", claim_id) if x.item_code == ALLOWANCE]
    assert (line.payment_status, line.paid_on) == ("paid", date(2026, 12, 3))
    with pytest.raises(DomainError) as twice:
        services.monthly_run.mark_paid(cw, allowance.payment_id, {"paid_on": "2026-12-03", "reference": "again"})
    assert twice.value.key == "payment.already_paid"
    with db.read() as s:
        assert s.scalars(select(AuditEvent.action).where(AuditEvent.action == "payment.record")).all()
