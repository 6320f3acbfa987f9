"""Prevention indicators from plain records: injury and incident rates per 100 workers on each year's
headcount, corrective-action closure, and prevention spending against the cap. Definitions: docs/prevention.md.

- A **recognised injury** is a claim whose latest determination is ``recognised`` or ``deemed`` (认定/视同工伤,
  Regulation on Work-Related Injury Insurance Arts. 14, 15). Claims without a determination are **pending**,
  claims determined ``not_recognised`` are **not recognised**: both are separate figures, never in the rate.
- **Accidents** and **near misses** are separate figures; days lost are the accidents' and near misses' days.
- **Workers** of a group in a year = the sum of the headcounts recorded for that year of its employers. An
  employer without a headcount for the year is left out of the group's denominator *and* numerators, and is
  listed by name; it is never counted as zero workers.
- A year's figures count the events dated both in that calendar year and in the period asked for.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from injury_desk.domain.money import FEN
from injury_desk.domain.figures import FigureLine, Median, Ratio, median, median_line, per_100, percent, ratio_line

RECOGNISED = ("recognised", "deemed")
NOT_RECOGNISED = "not_recognised"
INJURY_GROUPINGS = ("employer", "industry", "region", "all")
ACTION_GROUPINGS = ("employer", "industry", "inspector", "region", "all")
SPEND_KINDS = ("training", "project", "publicity")
# An employer's rate "rising" three years running means something only with this many recognised injuries.
RISING_MIN_CLAIMS = 2


@dataclass(frozen=True)
class EmployerFact:
    id: str
    name: str
    industry: str
    region: str


@dataclass(frozen=True)
class HeadcountFact:
    employer_id: str
    year: int
    headcount: int
    source: str


@dataclass(frozen=True)
class ClaimFact:
    employer_id: str
    accident_date: date
    outcome: str | None  # the latest determination's outcome; None while none is decided
    cost: Decimal = Decimal(0)  # payments scheduled or paid, not cancelled


@dataclass(frozen=True)
class IncidentFact:
    employer_id: str
    occurred_on: date
    kind: str  # accident, near_miss
    days_lost: int = 0


@dataclass(frozen=True)
class ActionFact:
    employer_id: str
    inspector: str
    found_on: date  # the date of the inspection that found the hazard
    due_date: date  # the due date in force (an extension moves it)
    closed_on: date | None


def group_of(e: EmployerFact, group_by: str) -> tuple[str, str]:
    """(key, label) of the group an employer falls in."""
    if group_by == "employer":
        return e.id, e.name
    if group_by == "industry":
        return e.industry, e.industry
    if group_by == "region":
        return e.region, e.region
    return "all", ""


def _check_period(start: date, end: date) -> None:
    if start > end:
        raise ValueError("the period ends before it starts")


# ---------------------------------------------------------------- injuries and incidents


@dataclass(frozen=True)
class InjuryFigures:
    """One group in one year (the part of it inside the period)."""

    group_by: str
    key: str
    label: str
    year: int
    workers: int
    counted_employers: int
    missing_headcount: tuple[str, ...]  # names of the group's employers with no headcount for the year
    recognised: Ratio  # per 100 workers
    pending: Ratio
    not_recognised: Ratio
    accidents: Ratio
    near_misses: Ratio
    days_lost: int  # all the group's incidents, counted employers or not
    benefit_cost: Decimal  # all the group's claims of the year, by accident year
    left_out_claims: int  # claims at employers without a headcount (in no rate)
    left_out_incidents: int


@dataclass
class _Counts:
    recognised: int = 0
    pending: int = 0
    not_recognised: int = 0
    accidents: int = 0
    near_misses: int = 0
    days_lost: int = 0
    cost: Decimal = field(default_factory=Decimal)
    left_out_claims: int = 0
    left_out_incidents: int = 0


def headcount_table(headcounts: Iterable[HeadcountFact]) -> dict[tuple[str, int], int]:
    """(employer, year) → headcount; a later entry for the same employer and year replaces an earlier one."""
    return {(h.employer_id, h.year): h.headcount for h in headcounts}


def injury_figures(employers: Sequence[EmployerFact], headcounts: Iterable[HeadcountFact],
                   claims: Iterable[ClaimFact], incidents: Iterable[IncidentFact], start: date, end: date,
                   group_by: str) -> list[InjuryFigures]:
    """One row per group and calendar year touching ``start``..``end``, sorted by label, key and year."""
    _check_period(start, end)
    if group_by not in INJURY_GROUPINGS:
        raise ValueError(f"unknown grouping {group_by}")
    heads = headcount_table(headcounts)
    by_id = {e.id: e for e in employers}
    years = range(start.year, end.year + 1)
    counts: dict[tuple[str, int], _Counts] = {}

    def cell(employer_id: str, year: int) -> _Counts:
        return counts.setdefault((employer_id, year), _Counts())

    for c in claims:
        if c.employer_id not in by_id or not start <= c.accident_date <= end:
            continue
        n = cell(c.employer_id, c.accident_date.year)
        n.cost += c.cost
        if (c.employer_id, c.accident_date.year) not in heads:
            n.left_out_claims += 1
        elif c.outcome in RECOGNISED:
            n.recognised += 1
        elif c.outcome == NOT_RECOGNISED:
            n.not_recognised += 1
        else:
            n.pending += 1
    for i in incidents:
        if i.employer_id not in by_id or not start <= i.occurred_on <= end:
            continue
        n = cell(i.employer_id, i.occurred_on.year)
        n.days_lost += i.days_lost
        if (i.employer_id, i.occurred_on.year) not in heads:
            n.left_out_incidents += 1
        elif i.kind == "accident":
            n.accidents += 1
        else:
            n.near_misses += 1

    groups: dict[str, tuple[str, list[EmployerFact]]] = {}
    for e in employers:
        key, label = group_of(e, group_by)
        groups.setdefault(key, (label, []))[1].append(e)
    rows = []
    for key, (label, members) in groups.items():
        for year in years:
            total = _Counts()
            workers = counted = 0
            missing = []
            for e in members:
                head = heads.get((e.id, year))
                if head is None:
                    missing.append(e.name)
                else:
                    workers += head
                    counted += 1
                n = counts.get((e.id, year))
                if n is None:
                    continue
                for name in ("recognised", "pending", "not_recognised", "accidents", "near_misses", "days_lost",
                             "cost", "left_out_claims", "left_out_incidents"):
                    setattr(total, name, getattr(total, name) + getattr(n, name))
            rows.append(InjuryFigures(
                group_by, key, label, year, workers, counted, tuple(sorted(missing)),
                per_100(total.recognised, workers), per_100(total.pending, workers),
                per_100(total.not_recognised, workers), per_100(total.accidents, workers),
                per_100(total.near_misses, workers), total.days_lost, total.cost.quantize(FEN),
                total.left_out_claims, total.left_out_incidents))
    rows.sort(key=lambda r: (r.label, r.key, r.year))
    return rows


# ---------------------------------------------------------------- corrective actions


@dataclass(frozen=True)
class ActionFigures:
    group_by: str
    key: str
    label: str
    closure: Ratio  # raised in the period and closed by its end, of those raised in it (per cent)
    on_time: Ratio  # due in the period and closed on or before the due date, of those due in it (per cent)
    days_to_close: Median  # days from the inspection to the closing, over actions closed in the period


def action_figures(employers: Sequence[EmployerFact], actions: Iterable[ActionFact], start: date, end: date,
                   group_by: str) -> list[ActionFigures]:
    """One row per group that has an action raised, due or closed in the period, sorted by label."""
    _check_period(start, end)
    if group_by not in ACTION_GROUPINGS:
        raise ValueError(f"unknown grouping {group_by}")
    by_id = {e.id: e for e in employers}
    cells: dict[str, dict] = {}
    for a in actions:
        e = by_id.get(a.employer_id)
        if e is None:
            continue
        key, label = (a.inspector, a.inspector) if group_by == "inspector" else group_of(e, group_by)
        raised_in = start <= a.found_on <= end
        due_in = start <= a.due_date <= end
        closed_in = a.closed_on is not None and start <= a.closed_on <= end
        if not (raised_in or due_in or closed_in):
            continue
        c = cells.setdefault(key, {"label": label, "raised": 0, "closed": 0, "due": 0, "on_time": 0, "days": []})
        if raised_in:
            c["raised"] += 1
            if a.closed_on is not None and a.closed_on <= end:
                c["closed"] += 1
        if due_in:
            c["due"] += 1
            if a.closed_on is not None and a.closed_on <= a.due_date:
                c["on_time"] += 1
        if closed_in:
            c["days"].append((a.closed_on - a.found_on).days)
    rows = [ActionFigures(group_by, key, c["label"], percent(c["closed"], c["raised"]),
                          percent(c["on_time"], c["due"]), median(c["days"])) for key, c in cells.items()]
    rows.sort(key=lambda r: (r.label, r.key))
    return rows


# ---------------------------------------------------------------- prevention spending against the cap


@dataclass(frozen=True)
class SpendFact:
    kind: str  # training, project, publicity
    spent_on: date
    amount: Decimal


@dataclass(frozen=True)
class SpendingFigures:
    """One year's prevention spending of every kind against that year's cap (None: no income on file)."""

    year: int
    by_kind: tuple[tuple[str, Decimal], ...]
    total: Decimal
    cap: Decimal | None
    used: Ratio  # total of the cap, per cent

    @property
    def remaining(self) -> Decimal | None:
        return None if self.cap is None else self.cap - self.total

    @property
    def over_cap(self) -> bool:
        return self.cap is not None and self.total > self.cap


def prevention_cap(income: Decimal | None, share: Decimal, office_share: Decimal = Decimal(1)) -> Decimal | None:
    """The cap: ``share`` of the previous year's fund income, times the office's share of the region, to the fen."""
    if income is None:
        return None
    return (income * share * office_share).quantize(FEN, rounding=ROUND_HALF_UP)


def spending_figures(spends: Iterable[SpendFact], year: int, cap: Decimal | None) -> SpendingFigures:
    """Every kind of prevention spending dated in ``year`` counts against the year's cap."""
    sums = {kind: Decimal(0) for kind in SPEND_KINDS}
    for sp in spends:
        if sp.spent_on.year == year:
            if sp.kind not in sums:
                raise ValueError(f"unknown kind of prevention spending {sp.kind}")
            sums[sp.kind] += sp.amount
    total = sum(sums.values(), Decimal(0)).quantize(FEN)
    return SpendingFigures(year, tuple((k, v.quantize(FEN)) for k, v in sums.items()), total, cap,
                           Ratio(total, cap if cap is not None else 0, 100, Decimal("0.1")))


# ---------------------------------------------------------------- flat lines for the command line and CSV


def injury_lines(rows: Iterable[InjuryFigures]) -> list[FigureLine]:
    """Each group-year's figures as lines (section ``injuries``): workers, the four rates, days lost, costs."""
    lines = []
    for r in rows:
        def add(figure: str, unit: str, value: Decimal | int | None, note: str = "") -> None:
            lines.append(FigureLine("injuries", r.group_by, r.key, r.label, r.year, figure, unit, value, None, None,
                                    note))

        # No employer of the group has a headcount for the year: the number of workers is unknown, not 0.
        add("workers", "workers", r.workers if r.counted_employers else None)
        add("employers_without_headcount", "employers", len(r.missing_headcount), "; ".join(r.missing_headcount))
        for figure, ratio in (("recognised_per_100", r.recognised), ("pending_per_100", r.pending),
                              ("not_recognised_per_100", r.not_recognised), ("accidents_per_100", r.accidents),
                              ("near_misses_per_100", r.near_misses)):
            lines.append(ratio_line("injuries", r.group_by, r.key, r.label, r.year, figure, "per 100 workers",
                                    ratio))
        add("days_lost", "days", r.days_lost)
        add("benefit_cost", "yuan", r.benefit_cost)
        add("left_out_claims", "claims", r.left_out_claims)
        add("left_out_incidents", "incidents", r.left_out_incidents)
    return lines


def action_lines(rows: Iterable[ActionFigures]) -> list[FigureLine]:
    """Each group's corrective-action figures as lines (section ``corrective_actions``)."""
    lines = []
    for r in rows:
        lines.append(ratio_line("corrective_actions", r.group_by, r.key, r.label, None, "closure_rate", "percent",
                                r.closure))
        lines.append(ratio_line("corrective_actions", r.group_by, r.key, r.label, None, "on_time_closure_rate",
                                "percent", r.on_time))
        lines.append(median_line("corrective_actions", r.group_by, r.key, r.label, None, "median_days_to_close",
                                 "days", r.days_to_close))
        lines.append(FigureLine("corrective_actions", r.group_by, r.key, r.label, None, "actions_closed", "actions",
                                r.days_to_close.count, None, None))
    return lines


def spending_lines(rows: Iterable[SpendingFigures], region: str) -> list[FigureLine]:
    """Each year's prevention spending by kind, the total and the share of the cap (section ``spending``)."""
    lines = []
    for r in rows:
        for kind, amount in r.by_kind:
            lines.append(FigureLine("spending", "region", region, region, r.year, kind, "yuan", amount, None, None))
        lines.append(FigureLine("spending", "region", region, region, r.year, "total", "yuan", r.total, None, None))
        lines.append(FigureLine("spending", "region", region, region, r.year, "cap", "yuan", r.cap, None, None))
        lines.append(ratio_line("spending", "region", region, region, r.year, "share_of_cap", "percent", r.used))
    return lines


# ---------------------------------------------------------------- employers whose injury rate rises


@dataclass(frozen=True)
class RisingEmployer:
    employer_id: str
    name: str
    years: tuple[int, int, int]
    workers: tuple[int, int, int]
    claims: tuple[int, int, int]  # recognised injuries
    rates: tuple[Decimal, Decimal, Decimal]


def rising_employers(rows: Iterable[InjuryFigures], years: tuple[int, int, int],
                     min_claims: int) -> list[RisingEmployer]:
    """Employers whose recognised injuries per 100 workers rose strictly from each of ``years`` to the next,
    with at least ``min_claims`` recognised injuries in the last; a year without a headcount has no rate, so
    such an employer is not on the list. Steepest rise first."""
    by_employer: dict[str, dict[int, InjuryFigures]] = {}
    for r in rows:
        if r.group_by == "employer" and r.year in years:
            by_employer.setdefault(r.key, {})[r.year] = r
    found = []
    for key, per_year in by_employer.items():
        if set(per_year) != set(years):
            continue
        rs = tuple(per_year[y] for y in years)
        rates = tuple(r.recognised.value for r in rs)
        if any(v is None for v in rates):
            continue
        if rates[0] < rates[1] < rates[2] and rs[2].recognised.numerator >= min_claims:
            found.append(RisingEmployer(key, rs[0].label, years, tuple(r.workers for r in rs),
                                        tuple(int(r.recognised.numerator) for r in rs), rates))
    # The steepest rise first: that is where a prevention visit is most urgent.
    found.sort(key=lambda e: (-(e.rates[2] - e.rates[0]), e.name))
    return found
