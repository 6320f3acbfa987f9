"""Writing an Art. 40 notice into the stored payments through the service: unpaid months of the adjusted benefit
take the new amount, paid months get their back pay scheduled once; a second apply changes nothing; only a
supervisor applies; audit and outbox."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from injury_desk.domain.errors import DomainError
from injury_desk.store.models import AuditEvent, OutboxEntry
from tests.integration.test_monthly_run import ALLOWANCE, NURSING, grade_4, with_notice

NOTICE = {"notice": "Notice 2027 (illustrative figures, not official)",
          "basis": "Regulation on Work-Related Injury Insurance (2010) Art. 40",
          "effective_from": "2027-01-01", "published_on": "2027-02-10", "applies_to": [ALLOWANCE],
          "percentage": "0.02"}


def _outbox(db) -> int:
    with db.read() as s:
        return s.scalar(select(func.count()).select_from(OutboxEntry))


def test_a_late_notice_is_written_into_the_stored_schedule_once(services, cw, sup, ctx, tmp_path, db):
    claim_id = grade_4(services, cw, sup)  # approved 2026-11-28: 4,500.00 and 2,340.00 from December to November
    with_notice(ctx, tmp_path, NOTICE)  # +2 % on the allowance from January 2027, published 10 February
    ctx.today = lambda: date(2027, 2, 15)
    for p in services.assessments.list_payments(cw, claim_id):
        if p.item_code == ALLOWANCE and p.due_on <= date(2027, 2, 1):
            services.assessments.record_payment(cw, p.id, p.due_on.isoformat(), "代发")  # Dec, Jan, Feb at 4,500.00
    with pytest.raises(DomainError) as denied:
        services.schedule_adjustments.apply(cw)
    assert denied.value.key == "permission.denied"

    report = services.schedule_adjustments.apply(sup)
    # March to November (9 months) unpaid: 4,500.00 × 1.02 = 4,590.00; January and February paid 4,500.00 each:
    # back pay 2 × 90.00 = 180.00 (December is before the notice's effective month); nursing is not named
    assert (report.updated, report.back_pay_payments, report.back_pay_total) == (9, 1, Decimal("180.00"))
    payments = services.assessments.list_payments(cw, claim_id)
    allowance = {p.due_on: p.amount for p in payments if p.item_code == ALLOWANCE}
    assert allowance[date(2027, 2, 1)] == Decimal("4500.00") and allowance[date(2027, 3, 1)] == Decimal("4590.00")
    assert allowance[date(2027, 11, 1)] == Decimal("4590.00")
    assert {p.amount for p in payments if p.item_code == NURSING} == {Decimal("2340.00")}
    [back] = [p for p in payments if p.item_code == "back_pay:" + ALLOWANCE]
    assert (back.amount, back.due_on, back.status) == (Decimal("180.00"), date(2027, 2, 15), "scheduled")
    with db.read() as s:
        assert "payments.apply_adjustments" in s.scalars(select(AuditEvent.action)).all()

    before = _outbox(db)
    again = services.schedule_adjustments.apply(sup, claim_id)
    assert (again.updated, again.back_pay_payments) == (0, 0)  # idempotent
    assert _outbox(db) == before  # nothing written
    assert len(services.assessments.list_payments(cw, claim_id)) == len(payments)


def test_each_dependants_stored_pension_takes_the_notice_and_its_back_pay(services, cw, sup, ctx, tmp_path):
    from tests.integration.test_dependants_register import family, fatal_claim

    claim_id = fatal_claim(services, cw, sup)  # died 2026-11-01, wage base 6,000, approved 2026-11-28
    family(services, cw, claim_id)  # each person's payments stored December 2026 to November 2027
    with_notice(ctx, tmp_path, {**NOTICE, "applies_to": ["dependants_pension"]})  # +2 % from January 2027
    ctx.today = lambda: date(2027, 2, 15)
    wife = [p for p in services.assessments.list_payments(cw, claim_id)
            if p.dependant_name == "李秀英" and p.item_code == "dependants_pension" and p.status == "scheduled"]
    for p in wife:
        if p.due_on <= date(2027, 2, 1):  # December 1,846.14, January 1,846.14, February 2,400.00 (Anna left)
            services.assessments.record_payment(cw, p.id, p.due_on.isoformat(), "代发")
    report = services.schedule_adjustments.apply(sup, claim_id)
    # the wife's back pay: January 1,846.14 × 1.02 = 1,883.0628 → 1,883.06, 36.92 more; February 2,400.00 × 1.02 =
    # 2,448.00, 48.00 more; December is before the notice: 36.92 + 48.00 = 84.92
    assert (report.back_pay_payments, report.back_pay_total) == (1, Decimal("84.92"))
    # unpaid months from January on: the wife's March to November (9), Bo's and the father's January to November
    # (11 each), Anna's January (1): 32
    assert report.updated == 32
    after = {(p.dependant_name, p.due_on): p.amount for p in services.assessments.list_payments(cw, claim_id)
             if p.item_code == "dependants_pension" and p.status == "scheduled"}
    assert after[("李秀英", date(2027, 3, 1))] == Decimal("2448.00")
    assert after[("张博", date(2027, 1, 1))] == Decimal("1412.31")  # 1,384.62 × 1.02 = 1,412.3124
    assert after[("张德福", date(2026, 12, 1))] == Decimal("1384.62")  # December: before the notice
    [back] = [p for p in services.assessments.list_payments(cw, claim_id) if p.item_code.startswith("back_pay:")]
    assert (back.dependant_name, back.amount) == ("李秀英", Decimal("84.92"))
    assert services.schedule_adjustments.apply(sup, claim_id).back_pay_payments == 0
