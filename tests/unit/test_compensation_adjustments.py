"""Annual adjustments (Art. 40) by example, with the numbers worked out by hand: the amount of a monthly
benefit for any month, the back pay when a notice is published late, and the rule file behind them."""

from __future__ import annotations

import json
import shutil
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from injury_desk.domain.compensation import Adjustment, Benefit, back_pay, load_rules, monthly_amount
from injury_desk.domain.compensation.wording import ENGLISH
from injury_desk.domain.errors import DomainError
from injury_desk.domain.messages import render

RULES_DIR = Path(__file__).resolve().parents[2] / "resources" / "rules"
ALLOWANCE = "monthly_disability_allowance"


@pytest.fixture(scope="module")
def shipped():
    """The example region's notices: 2024 +3 % (on time); 2025 +2.5 % and +30 (allowance, dependants) and
    +100 (nursing), effective 2025-01-01 but published 2025-04-18."""
    return load_rules(RULES_DIR).adjustments("example")


def adj(effective: str, published: str, *, percentage="0", fixed="0", items=(ALLOWANCE,), before=None):
    return Adjustment(
        region="test", notice=f"notice {effective}", basis="Art. 40", effective_from=date.fromisoformat(effective),
        published_on=date.fromisoformat(published),
        entitled_before=date.fromisoformat(before or effective), applies_to=frozenset(items),
        percentage=Decimal(percentage), fixed_amount=Decimal(fixed),
    )


def amount(benefit, month, adjustments, **kw):
    return monthly_amount(benefit, date.fromisoformat(month), adjustments, **kw).amount


# --- the amount for a month ------------------------------------------------------------------------


def test_allowance_raised_year_by_year(shipped):
    benefit = Benefit(ALLOWANCE, Decimal("4500.00"), date(2023, 5, 1))
    assert amount(benefit, "2023-12-01", shipped) == Decimal("4500.00")  # before the first adjustment
    # 2024: 4,500 × 1.03 = 4,635.00
    assert amount(benefit, "2024-01-01", shipped) == Decimal("4635.00")
    assert amount(benefit, "2024-12-31", shipped) == Decimal("4635.00")  # any day of the month
    # 2025: 4,635 × 1.025 = 4,750.875 -> 4,750.88, + 30 = 4,780.88 (percentage first, rounded, then the fixed sum)
    assert amount(benefit, "2025-01-01", shipped) == Decimal("4780.88")
    assert amount(benefit, "2030-06-01", shipped) == Decimal("4780.88")


def test_each_step_is_explained_with_its_notice(shipped):
    result = monthly_amount(Benefit(ALLOWANCE, Decimal("4500.00"), date(2023, 5, 1)), date(2025, 3, 1), shipped)
    assert [(s.before, s.after) for s in result.steps] == [
        (Decimal("4500.00"), Decimal("4635.00")), (Decimal("4635.00"), Decimal("4780.88"))]
    assert render(result.steps[0].formula, ENGLISH).startswith("4,500.00 × (1 + 3%) = 4,635.00 (Example Province")
    assert render(result.steps[1].formula, ENGLISH).startswith("4,635.00 × (1 + 2.5%) + 30.00 = 4,780.88 (")
    assert all("illustrative" in s.adjustment.notice for s in result.steps)


def test_nursing_and_dependants_follow_their_own_entries(shipped):
    nursing = Benefit("nursing_care_allowance", Decimal("2400.00"), date(2023, 5, 1))
    # 2024: 2,400 × 1.03 = 2,472.00; 2025: + 100 = 2,572.00
    assert amount(nursing, "2024-06-01", shipped) == Decimal("2472.00")
    assert amount(nursing, "2025-06-01", shipped) == Decimal("2572.00")
    pension = Benefit("dependants_pension", Decimal("4200.00"), date(2023, 5, 1))
    # 4,200 × 1.03 = 4,326.00; × 1.025 = 4,434.15, + 30 = 4,464.15
    assert amount(pension, "2025-06-01", shipped) == Decimal("4464.15")


def test_a_benefit_starting_after_the_cut_off_is_not_raised_again(shipped):
    # started 2024-03: its amount came from newer wages; only the 2025 notice applies:
    # 4,500 × 1.025 = 4,612.50, + 30 = 4,642.50
    assert amount(Benefit(ALLOWANCE, Decimal("4500.00"), date(2024, 3, 1)), "2025-02-01", shipped) == Decimal("4642.50")
    # started 2025-02: neither notice
    assert amount(Benefit(ALLOWANCE, Decimal("4500.00"), date(2025, 2, 1)), "2025-02-01", shipped) == Decimal("4500.00")


@pytest.mark.parametrize(("start", "expected"), [
    ("2023-12-31", "1030.00"),  # in payment the day before the cut-off: raised (1,000 × 1.03)
    ("2024-01-01", "1000.00"),  # starting on the cut-off day: not
])
def test_entitlement_cut_off_boundary(start, expected):
    adjustments = [adj("2024-01-01", "2023-12-01", percentage="0.03")]
    assert amount(Benefit(ALLOWANCE, Decimal("1000"), date.fromisoformat(start)), "2024-02-01", adjustments) == \
        Decimal(expected)


def test_an_explicit_cut_off_date():
    # raised from July for benefits in payment before January: a benefit from March is not
    adjustments = [adj("2024-07-01", "2024-06-01", fixed="50", before="2024-01-01")]
    assert amount(Benefit(ALLOWANCE, Decimal("1000"), date(2023, 12, 1)), "2024-07-01", adjustments) == Decimal("1050.00")
    assert amount(Benefit(ALLOWANCE, Decimal("1000"), date(2024, 3, 1)), "2024-07-01", adjustments) == Decimal("1000.00")


def test_effective_month_boundary():
    adjustments = [adj("2024-07-01", "2024-06-01", percentage="0.10")]
    benefit = Benefit(ALLOWANCE, Decimal("1000"), date(2020, 1, 1))
    assert amount(benefit, "2024-06-30", adjustments) == Decimal("1000.00")
    assert amount(benefit, "2024-07-01", adjustments) == Decimal("1100.00")


def test_each_adjustment_rounds_half_up_to_the_fen():
    # 4,500.20 × 1.025 = 4,612.705 -> 4,612.71 (banker's rounding would give 4,612.70)
    adjustments = [adj("2024-01-01", "2023-12-01", percentage="0.025")]
    assert amount(Benefit(ALLOWANCE, Decimal("4500.20"), date(2020, 1, 1)), "2024-01-01", adjustments) == \
        Decimal("4612.71")


def test_other_benefits_are_untouched():
    adjustments = [adj("2024-01-01", "2023-12-01", percentage="0.10", items=("nursing_care_allowance",))]
    assert amount(Benefit(ALLOWANCE, Decimal("1000"), date(2020, 1, 1)), "2024-01-01", adjustments) == Decimal("1000.00")


def test_outside_the_benefit_months_nothing_is_due(shipped):
    pension = Benefit("dependants_pension", Decimal("4200.00"), date(2023, 5, 10), end=date(2025, 2, 28))
    assert amount(pension, "2023-04-01", shipped) == Decimal("0.00")
    assert amount(pension, "2023-05-01", shipped) == Decimal("4200.00")  # the start month counts whole
    assert amount(pension, "2025-02-01", shipped) == Decimal("4464.15")  # the end month counts
    assert amount(pension, "2025-03-01", shipped) == Decimal("0.00")


def test_what_a_payment_could_know():
    adjustments = [adj("2025-01-01", "2025-04-18", percentage="0.10")]
    benefit = Benefit(ALLOWANCE, Decimal("1000"), date(2020, 1, 1))
    assert amount(benefit, "2025-02-01", adjustments, known_on=date(2025, 2, 1)) == Decimal("1000.00")
    assert amount(benefit, "2025-02-01", adjustments, known_on=date(2025, 4, 18)) == Decimal("1100.00")


# --- back pay for a notice published late ------------------------------------------------------------


def test_back_pay_for_the_months_paid_before_the_notice(shipped):
    benefit = Benefit(ALLOWANCE, Decimal("4500.00"), date(2023, 5, 1))
    owed = back_pay(benefit, shipped, as_of=date(2025, 5, 2), through=date(2025, 5, 1))
    # January to April 2025 were paid (on the 1st) at 4,635.00 before the 2025-04-18 notice; due 4,780.88:
    # 4 × 145.88 = 583.52. May was paid after the notice at the new amount. 2024's notice came in time.
    assert [(line.month, line.paid, line.due) for line in owed.lines] == [
        (date(2025, m, 1), Decimal("4635.00"), Decimal("4780.88")) for m in (1, 2, 3, 4)]
    assert owed.total == Decimal("583.52")
    nursing = Benefit("nursing_care_allowance", Decimal("2400.00"), date(2023, 5, 1))
    # 2,472.00 paid, 2,572.00 due, January to April: 4 × 100.00 = 400.00 (docs/claim-life.md)
    assert back_pay(nursing, shipped, as_of=date(2025, 5, 2), through=date(2025, 5, 1)).total == Decimal("400.00")


def test_a_notice_published_on_the_due_date_is_paid_in_that_month():
    adjustments = [adj("2025-01-01", "2025-03-01", fixed="10")]
    owed = back_pay(Benefit(ALLOWANCE, Decimal("1000"), date(2020, 1, 1)), adjustments,
                    as_of=date(2025, 3, 1), through=date(2025, 6, 1))
    # January and February were paid before 1 March: 2 × 10 = 20; March's payment already knew it
    assert [line.month.month for line in owed.lines] == [1, 2]
    assert owed.total == Decimal("20.00")


def test_back_pay_stops_with_the_benefit(shipped):
    pension = Benefit("dependants_pension", Decimal("4200.00"), date(2023, 5, 1), end=date(2025, 2, 28))
    owed = back_pay(pension, shipped, as_of=date(2025, 5, 1), through=date(2025, 5, 1))
    # 4,326.00 paid, 4,464.15 due, January and February only: 2 × 138.15 = 276.30
    assert owed.total == Decimal("276.30") and len(owed.lines) == 2


def test_nothing_owed_before_the_notice_is_published(shipped):
    benefit = Benefit(ALLOWANCE, Decimal("4500.00"), date(2023, 5, 1))
    assert back_pay(benefit, shipped, as_of=date(2025, 4, 17), through=date(2025, 4, 1)).lines == ()


def test_a_late_cut_is_an_overpayment_to_recover():
    adjustments = [adj("2025-01-01", "2025-03-15", percentage="-0.01")]
    owed = back_pay(Benefit(ALLOWANCE, Decimal("1000"), date(2020, 1, 1)), adjustments,
                    as_of=date(2025, 4, 1), through=date(2025, 4, 1))
    # 1,000 × 0.99 = 990.00: January, February, March paid 10.00 too much each: −30.00
    assert owed.total == Decimal("-30.00")


# --- the rule file -----------------------------------------------------------------------------------


def test_a_region_without_notices_has_no_adjustments():
    book = load_rules(RULES_DIR)
    assert book.adjustments("example")
    with pytest.raises(DomainError) as info:
        book.adjustments("nowhere")
    assert info.value.key == "rules.region_unknown"


@pytest.mark.parametrize(("change", "entry"), [
    (lambda d: d["adjustments"][0].update(applies_to=["one_time_disability_subsidy"]), "adjustments.0.applies_to"),
    (lambda d: (d["adjustments"][1].pop("percentage"), d["adjustments"][1].pop("fixed_amount")), "adjustments.1"),
    (lambda d: d["adjustments"][0].update(effective_from="2024-13-01"), "adjustments.0.effective_from"),
    (lambda d: d["adjustments"][0].update(percentage="three"), "adjustments.0.percentage"),
    (lambda d: d["adjustments"][0].update(percentage="-1"), "adjustments.0.percentage"),
    (lambda d: d["adjustments"][2].pop("notice"), "adjustments.2.notice"),
    (lambda d: d.update(region="elsewhere"), "region"),
    (lambda d: d.update(label=""), "label"),
])
def test_broken_adjustment_files_are_refused_naming_the_entry(tmp_path, change, entry):
    target = tmp_path / "rules"
    shutil.copytree(RULES_DIR, target)
    path = target / "regions" / "example" / "adjustments.json"
    doc = json.loads(path.read_text(encoding="utf-8"))
    change(doc)
    path.write_text(json.dumps(doc), encoding="utf-8")
    with pytest.raises(DomainError) as info:
        load_rules(target)
    assert info.value.params["file"] == "regions/example/adjustments.json"
    assert (info.value.key, info.value.params.get("entry")) == ("rules.invalid_file", entry)
