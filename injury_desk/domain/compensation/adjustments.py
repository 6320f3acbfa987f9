"""Annual adjustment of monthly benefits (Art. 40): effective-dated rule data, the amount due for any month,
and the back pay owed when a notice is published after the month it takes effect.

Art. 40 of the Regulation: 伤残津贴、供养亲属抚恤金、生活护理费由统筹地区社会保险行政部门根据职工平均工资和
生活费用变化等情况适时调整 — the region adjusts the disability allowance, the dependants' pension and the
nursing care allowance from time to time. Each region publishes notices; ``regions/<region>/adjustments.json``
holds them (see resources/rules/README.md).

Choices made here (the Regulation leaves them to the notices):

* An adjustment raises a benefit by a percentage of the amount paid before it, then by a fixed amount a
  month (either may be absent); the result is rounded to the fen, half up, because that rounded figure is
  what is paid and what the next adjustment starts from.
* It applies from its effective month to benefits already in payment before its cut-off date
  (``entitled_before``, by default the effective date): a benefit that starts later was calculated from newer
  wages and is not raised again.
* A month's payment falls due on the first day of the month. A month whose due date is before a notice's
  publication date was paid without it; once the notice is published, the difference for those months is
  back pay (negative when a notice lowers a benefit, which is then an overpayment to recover).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from injury_desk.domain.messages import Message
from injury_desk.domain.money import round_fen
from injury_desk.domain.rules_file import RulesFile

# The monthly benefits Art. 40 names.
ADJUSTABLE_ITEMS = ("monthly_disability_allowance", "nursing_care_allowance", "dependants_pension")
ZERO = Decimal("0.00")


@dataclass(frozen=True)
class Adjustment:
    """One region's adjustment of some monthly benefits, from the notice that set it."""

    region: str
    notice: str
    basis: str
    effective_from: date
    published_on: date
    entitled_before: date
    applies_to: frozenset[str]
    percentage: Decimal = Decimal(0)
    fixed_amount: Decimal = ZERO

    @property
    def effective_month(self) -> date:
        return first_of_month(self.effective_from)

    def applies(self, item_code: str, benefit_start: date, month: date) -> bool:
        """Whether this adjustment changes ``item_code`` paid since ``benefit_start`` in ``month``."""
        return (
            item_code in self.applies_to
            and benefit_start < self.entitled_before
            and first_of_month(month) >= self.effective_month
        )


@dataclass(frozen=True)
class Benefit:
    """A monthly benefit in payment: its amount as calculated, from its first month, to its last (inclusive)."""

    item_code: str
    amount: Decimal
    start: date
    end: date | None = None

    def paid_in(self, month: date) -> bool:
        month = first_of_month(month)
        return month >= first_of_month(self.start) and (self.end is None or month <= first_of_month(self.end))


@dataclass(frozen=True)
class Step:
    """One adjustment applied to a month's amount, with its formula as a message key."""

    adjustment: Adjustment
    before: Decimal
    after: Decimal
    formula: Message


@dataclass(frozen=True)
class MonthlyAmount:
    """What a benefit pays in ``month``: the calculated amount raised by every adjustment in force."""

    month: date
    amount: Decimal
    steps: tuple[Step, ...] = ()


@dataclass(frozen=True)
class BackPayLine:
    month: date
    paid: Decimal
    due: Decimal

    @property
    def difference(self) -> Decimal:
        return self.due - self.paid


@dataclass(frozen=True)
class BackPay:
    """The months paid without a notice published later, with what was paid and what was due."""

    lines: tuple[BackPayLine, ...]

    @property
    def total(self) -> Decimal:
        return sum((line.difference for line in self.lines), ZERO)


def first_of_month(day: date) -> date:
    return day.replace(day=1)


def next_month(day: date) -> date:
    return date(day.year + day.month // 12, day.month % 12 + 1, 1)


def monthly_amount(
    benefit: Benefit, month: date, adjustments: Iterable[Adjustment], *, known_on: date | None = None
) -> MonthlyAmount:
    """The amount ``benefit`` pays in ``month`` with the adjustments in force; pure.

    ``known_on`` limits the adjustments to notices published on or before that day (what a payment made
    then could know); by default every adjustment counts. Outside the benefit's months the amount is zero.
    """
    month = first_of_month(month)
    if not benefit.paid_in(month):
        return MonthlyAmount(month, ZERO)
    amount = round_fen(benefit.amount)
    steps: list[Step] = []
    for adjustment in _in_order(adjustments):
        if known_on is not None and adjustment.published_on > known_on:
            continue
        if not adjustment.applies(benefit.item_code, benefit.start, month):
            continue
        after = round_fen(amount * (1 + adjustment.percentage)) + adjustment.fixed_amount
        steps.append(Step(adjustment, amount, after, _formula(adjustment, amount, after)))
        amount = after
    return MonthlyAmount(month, amount, tuple(steps))


def back_pay(benefit: Benefit, adjustments: Sequence[Adjustment], *, as_of: date, through: date) -> BackPay:
    """What is owed on ``as_of`` for the months up to ``through`` that were paid before a notice came out.

    A month's payment falls due on its first day and knew only the notices published by then; the amount
    due knows every notice published by ``as_of``. Months with no difference are left out.
    """
    lines: list[BackPayLine] = []
    month = first_of_month(benefit.start)
    last = first_of_month(through)
    if benefit.end is not None:
        last = min(last, first_of_month(benefit.end))
    while month <= last:
        paid = monthly_amount(benefit, month, adjustments, known_on=month).amount
        due = monthly_amount(benefit, month, adjustments, known_on=as_of).amount
        if paid != due:
            lines.append(BackPayLine(month, paid, due))
        month = next_month(month)
    return BackPay(tuple(lines))


def _in_order(adjustments: Iterable[Adjustment]) -> list[Adjustment]:
    # by effective date, then by publication: a later notice for the same month builds on the earlier one
    return sorted(adjustments, key=lambda a: (a.effective_from, a.published_on, a.notice))


def _formula(adjustment: Adjustment, before: Decimal, after: Decimal) -> Message:
    # the notice's title as the rule file writes it: the interface words it in its language where it knows it
    notice = Message("calc.basis.rule", {"text": adjustment.notice})
    shown = {"before": f"{before:,.2f}", "after": f"{after:,.2f}", "notice": notice}
    percent = format((adjustment.percentage * 100).normalize(), "f") + "%"
    fixed = f"{adjustment.fixed_amount:,.2f}"
    if adjustment.percentage and adjustment.fixed_amount:
        return Message("calc.formula.adjustment.both", {**shown, "percentage": percent, "fixed": fixed})
    if adjustment.percentage:
        return Message("calc.formula.adjustment.percentage", {**shown, "percentage": percent})
    return Message("calc.formula.adjustment.fixed", {**shown, "fixed": fixed})


def region_header(r: RulesFile, folder: str) -> tuple[str, bool, str]:
    """``region``, ``illustrative`` and ``label`` of any file in a region's folder, checked."""
    region = r.text("region")
    if region != folder:
        r.fail("region", f"must equal the folder name {folder!r}")
    illustrative = r.boolean("illustrative")
    label = r.get("label", "")
    if illustrative and (not isinstance(label, str) or not label.strip()):
        # an invented figure must never reach a printed sheet without saying so
        r.fail("label", "an illustrative file needs a label saying so")
    return region, illustrative, label if isinstance(label, str) else ""


def parse_adjustments(r: RulesFile, folder: str) -> tuple[Adjustment, ...]:
    """``regions/<region>/adjustments.json``: every notice's adjustment, each naming what it raises and how."""
    region, illustrative, label = region_header(r, folder)
    entries = r.get("adjustments")
    if not isinstance(entries, list):
        r.fail("adjustments", "must be a list")
    # the list's entries by their index, so that every problem names its entry as adjustments.<index>.<key>
    r = type(r)({"adjustments": {str(i): entry for i, entry in enumerate(entries)}}, r.file, r.error_key)
    result: list[Adjustment] = []
    for index in range(len(entries)):
        path = f"adjustments.{index}"
        applies_to = r.get(f"{path}.applies_to")
        if not isinstance(applies_to, list) or not applies_to or any(c not in ADJUSTABLE_ITEMS for c in applies_to):
            r.fail(f"{path}.applies_to", f"must be a non-empty list of {', '.join(ADJUSTABLE_ITEMS)}")
        raw_percentage = r.get(f"{path}.percentage", None)
        raw_fixed = r.get(f"{path}.fixed_amount", None)
        if raw_percentage is None and raw_fixed is None:
            r.fail(path, "needs a percentage, a fixed_amount or both")
        percentage = Decimal(0) if raw_percentage is None else _signed(r, f"{path}.percentage", raw_percentage)
        fixed = ZERO if raw_fixed is None else _signed(r, f"{path}.fixed_amount", raw_fixed)
        if percentage <= -1:
            r.fail(f"{path}.percentage", "a cut of 100 % or more is not an adjustment")
        effective = _date(r, f"{path}.effective_from")
        published = _date(r, f"{path}.published_on")
        entitled_before = _date(r, f"{path}.entitled_before") if r.get(f"{path}.entitled_before", None) else effective
        notice = r.text(f"{path}.notice")
        if illustrative and label.lower() not in notice.lower():
            # an invented notice must say so wherever it is printed
            notice = f"{notice} [{label}]"
        result.append(
            Adjustment(
                region=region,
                notice=notice,
                basis=r.text(f"{path}.basis"),
                effective_from=effective,
                published_on=published,
                entitled_before=entitled_before,
                applies_to=frozenset(applies_to),
                percentage=percentage,
                fixed_amount=round_fen(fixed),
            )
        )
    return tuple(_in_order(result))


def _signed(r: RulesFile, path: str, value: object) -> Decimal:
    """A number that may be negative (a notice may lower a benefit)."""
    text = str(value).strip()
    negative = text.startswith("-")
    number = r.number(path, text[1:] if negative else text, positive=False)
    return -number if negative else number


def _date(r: RulesFile, path: str) -> date:
    text = r.text(path)
    try:
        return date.fromisoformat(text)
    except ValueError:
        r.fail(path, "must be a date YYYY-MM-DD")
