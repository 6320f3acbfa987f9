"""The monthly run's rules (Art. 40; the payment schedule's month after approval; Arts. 26, 28 supersession) by
example, every figure worked out by hand in the comments, at the boundaries of each rule."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from injury_desk.domain.compensation import Adjustment, load_rules
from injury_desk.domain.monthly_run import ApprovedAssessment, assessment_due, in_force, previous_month

RULES_DIR = Path(__file__).resolve().parents[2] / "resources" / "rules"
ALLOWANCE, NURSING = "monthly_disability_allowance", "nursing_care_allowance"
ART35 = "Regulation on Work-Related Injury Insurance (2010) Art. 35"

# A grade 4 worker: allowance 75 % × 6,000 = 4,500.00 (Art. 35, fund), nursing 30 % × 8,000 = 2,400.00 (Art. 34)
GRADE4 = (
    {"code": "wage_base", "amount": "6000.00", "period": "monthly", "payer": None},
    {"code": "one_time_disability_subsidy", "amount": "126000.00", "period": "once", "payer": "fund"},
    {"code": ALLOWANCE, "amount": "4500.00", "period": "monthly", "payer": "fund", "basis": ART35},
    {"code": NURSING, "amount": "2400.00", "period": "monthly", "payer": "fund", "basis": "Art. 34"},
)


@pytest.fixture(scope="module")
def notices() -> tuple[Adjustment, ...]:
    """2024: +3 % on all three, effective 2024-01-01, published 2023-12-20 (on time). 2025: +2.5 % then +30.00 on
    the allowance, +100.00 on nursing, effective 2025-01-01, published late on 2025-04-18."""
    return load_rules(RULES_DIR).adjustments("example")


def run(assessments, month: str, notices):
    current, lines = assessment_due(assessments, date.fromisoformat(month), notices)
    return current, {(line.item_code, line.kind): line for line in lines}


def test_nothing_is_due_before_the_month_after_the_approval(notices):
    # approved on 30 April 2023: the payment schedule pays from the month after, so May is the first month
    a = ApprovedAssessment("a1", date(2023, 4, 30), GRADE4)
    assert run([a], "2023-04-01", notices) == (None, {})
    current, lines = run([a], "2023-05-01", notices)
    assert current is a
    assert lines[(ALLOWANCE, "monthly")].amount == Decimal("4500.00")
    assert lines[(NURSING, "monthly")].amount == Decimal("2400.00")
    assert set(lines) == {(ALLOWANCE, "monthly"), (NURSING, "monthly")}  # no wage base, no once item
    # approved on the 1st of May: May's payment fell due that day, before the approval existed → June first
    assert run([ApprovedAssessment("a2", date(2023, 5, 1), GRADE4)], "2023-05-01", notices) == (None, {})


def test_each_month_pays_with_the_notices_published_by_its_first_day(notices):
    a = ApprovedAssessment("a1", date(2023, 4, 20), GRADE4)  # in payment since May 2023, before both cut-offs
    # December 2023: the 2024 notice is not yet in force
    assert run([a], "2023-12-01", notices)[1][(ALLOWANCE, "monthly")].amount == Decimal("4500.00")
    # January 2024: 4,500.00 × 1.03 = 4,635.00; 2,400.00 × 1.03 = 2,472.00 (published 2023-12-20, on time)
    _, jan = run([a], "2024-01-01", notices)
    assert jan[(ALLOWANCE, "monthly")].amount == Decimal("4635.00")
    assert jan[(ALLOWANCE, "monthly")].base == Decimal("4500.00")
    assert jan[(ALLOWANCE, "monthly")].notices and "2024" in jan[(ALLOWANCE, "monthly")].notices[0]
    assert jan[(NURSING, "monthly")].amount == Decimal("2472.00")
    assert (ALLOWANCE, "back_pay") not in jan  # nothing published late
    # April 2025: the 2025 notice (effective January) is published on 18 April, after April's due date
    _, apr = run([a], "2025-04-01", notices)
    assert apr[(ALLOWANCE, "monthly")].amount == Decimal("4635.00")
    assert (ALLOWANCE, "back_pay") not in apr


def test_a_late_notice_pays_its_back_pay_in_the_first_run_after_it(notices):
    a = ApprovedAssessment("a1", date(2023, 4, 20), GRADE4)
    _, may = run([a], "2025-05-01", notices)
    # May 2025: 4,635.00 × 1.025 = 4,750.875 → 4,750.88, + 30.00 = 4,780.88; nursing 2,472.00 + 100.00 = 2,572.00
    assert may[(ALLOWANCE, "monthly")].amount == Decimal("4780.88")
    assert may[(NURSING, "monthly")].amount == Decimal("2572.00")
    # January–April 2025 were paid at 4,635.00: 4 × (4,780.88 − 4,635.00) = 4 × 145.88 = 583.52;
    # nursing 4 × (2,572.00 − 2,472.00) = 400.00; 2023 and 2024 months gain nothing from the 2025 notice
    assert may[(ALLOWANCE, "back_pay")].amount == Decimal("583.52")
    assert may[(NURSING, "back_pay")].amount == Decimal("400.00")
    assert "2025" in may[(ALLOWANCE, "back_pay")].notices[0]
    # June: the notice (18 April) was known at the last run of 1 May, so no back pay again
    _, june = run([a], "2025-06-01", notices)
    assert june[(ALLOWANCE, "monthly")].amount == Decimal("4780.88")
    assert (ALLOWANCE, "back_pay") not in june


def test_a_notice_lowering_a_benefit_gives_a_negative_line_to_recover():
    # −10 % from 2025-01-01, published 2025-02-15: January paid 1,000.00, due 900.00 → −100.00 in March's run
    cut = Adjustment(region="t", notice="cut", basis="Art. 40", effective_from=date(2025, 1, 1),
                     published_on=date(2025, 2, 15), entitled_before=date(2025, 1, 1),
                     applies_to=frozenset({ALLOWANCE}), percentage=Decimal("-0.10"))
    items = ({"code": ALLOWANCE, "amount": "1000.00", "period": "monthly", "payer": "fund"},)
    a = ApprovedAssessment("a", date(2024, 11, 5), items)  # paid since December 2024
    _, feb = run([a], "2025-02-01", (cut,))
    assert feb[(ALLOWANCE, "monthly")].amount == Decimal("1000.00")  # 1 February: not yet published
    _, mar = run([a], "2025-03-01", (cut,))
    assert mar[(ALLOWANCE, "monthly")].amount == Decimal("900.00")
    # January and February paid 1,000.00 each, due 900.00: 2 × −100.00 = −200.00 (an overpayment)
    assert mar[(ALLOWANCE, "back_pay")].amount == Decimal("-200.00")


def test_a_later_approval_takes_over_from_the_month_after_it(notices):
    old = ApprovedAssessment("old", date(2026, 11, 28), GRADE4)
    grade3 = tuple({**i, "amount": "4800.00"} if i["code"] == ALLOWANCE else i for i in GRADE4)
    new = ApprovedAssessment("new", date(2027, 3, 10), grade3)  # effective 2027-01-15; arrears settle Feb, Mar
    assert in_force([old, new], date(2027, 3, 1)) is old  # March fell due before the approval of 10 March
    assert in_force([old, new], date(2027, 4, 1)) is new
    # 80 % × 6,000 = 4,800.00 from April; no notice applies to a benefit starting in 2027
    assert run([old, new], "2027-04-01", notices)[1][(ALLOWANCE, "monthly")].amount == Decimal("4800.00")
    assert run([old, new], "2027-03-01", notices)[1][(ALLOWANCE, "monthly")].amount == Decimal("4500.00")


def test_previous_month_crosses_the_year():
    assert previous_month(date(2025, 1, 1)) == date(2024, 12, 1)
    assert previous_month(date(2025, 3, 17)) == date(2025, 2, 1)


def test_the_first_paid_month_is_the_month_after_the_approval():
    from injury_desk.domain.monthly_run import first_paid_month

    assert first_paid_month(date(2026, 11, 28)) == date(2026, 12, 1)
    assert first_paid_month(date(2026, 12, 31)) == date(2027, 1, 1)  # across the year
    assert first_paid_month(date(2026, 5, 1)) == date(2026, 6, 1)  # approved on the 1st: still the next month
    # the stored schedule's first month wins (the approval's local day decided it)
    assert first_paid_month(date(2026, 11, 30), date(2026, 12, 1)) == date(2026, 12, 1)
