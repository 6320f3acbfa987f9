"""Injury statistics for prevention: rates per 100 workers, days lost and benefit costs by employer, industry,
risk class and year; the trend; CSV export; and the employers whose injury rate is rising.

Definitions (also in docs/prevention.md):

- **Year** of a claim is its accident year; of an incident, the year it occurred. Benefit costs belong to
  the accident year of their claim (the cost of that year's injuries), whenever they are paid.
- **Workers** are the employer's recorded headcount. The register keeps today's headcount only, so the same
  figure is the denominator of every year; a group's workers are the sum over its employers.
- **Claims per 100 workers** = claims × 100 / workers; **incidents per 100 workers** likewise, counting
  accidents and near misses. Rounded to 0.01, half up. No workers recorded: no rate (None), never 0.
- **Days lost** = the days lost recorded on the incidents (claims hold no sick-leave days).
- **Benefit costs** = payments scheduled or paid (not cancelled) on the claims, fund and employer items alike.
- **Rising injury rate**: an employer whose claims per 100 workers rose strictly in each of the last two
  complete years (Y-3 < Y-2 < Y-1, Y = this year) and who had at least ``RISING_MIN_CLAIMS`` claims in Y-1,
  so one accident after a clean year does not put an employer on the list.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

from sqlalchemy import extract, func, select

from injury_desk.domain.errors import DomainError
from injury_desk.domain.money import from_fen
from injury_desk.services.actor import Actor
from injury_desk.services.context import ServiceContext
from injury_desk.services.permissions import require
from injury_desk.store.models import Claim, Employer, Incident, Payment

GROUPINGS = ("employer", "industry", "risk_class")
RISING_MIN_CLAIMS = 2
DEFAULT_YEARS = 5
RATE_PLACES = Decimal("0.01")
CSV_COLUMNS = ("group_by", "key", "label", "year", "workers", "claims", "claims_per_100", "incidents",
               "accidents", "incidents_per_100", "days_lost", "benefit_cost")


def rate(count: int, workers: int) -> Decimal | None:
    """``count`` per 100 workers, to 0.01 half up; None when no workers are recorded."""
    if workers <= 0:
        return None
    return (Decimal(count) * 100 / Decimal(workers)).quantize(RATE_PLACES, rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class StatsRow:
    """One group (an employer, an industry, a risk class, or ``all``) in one year."""

    group_by: str
    key: str
    label: str
    year: int
    workers: int
    claims: int
    incidents: int
    accidents: int
    days_lost: int
    benefit_cost: Decimal

    @property
    def claim_rate(self) -> Decimal | None:
        return rate(self.claims, self.workers)

    @property
    def incident_rate(self) -> Decimal | None:
        return rate(self.incidents, self.workers)


@dataclass(frozen=True)
class RisingEmployer:
    employer_id: str
    name: str
    industry: str
    risk_class: int
    workers: int
    years: tuple[int, int, int]
    claims: tuple[int, int, int]
    rates: tuple[Decimal, Decimal, Decimal]


@dataclass
class _Cell:
    claims: int = 0
    incidents: int = 0
    accidents: int = 0
    days_lost: int = 0
    cost_fen: int = 0

    def add(self, other: "_Cell") -> None:
        self.claims += other.claims
        self.incidents += other.incidents
        self.accidents += other.accidents
        self.days_lost += other.days_lost
        self.cost_fen += other.cost_fen


@dataclass(frozen=True)
class _Employer:
    id: str
    name: str
    industry: str
    risk_class: int
    headcount: int


class PreventionStatsService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def default_years(self) -> tuple[int, int]:
        """The last ``DEFAULT_YEARS`` years up to this one (this one so far)."""
        this = self.ctx.today().year
        return this - DEFAULT_YEARS + 1, this

    # ------------------------------------------------------------ reading

    def _collect(self, actor: Actor, first: int, last: int,
                 employer_id: str | None = None) -> tuple[list[_Employer], dict[tuple[str, int], _Cell]]:
        """The office's employers (or one) and one cell of counts per (employer, year): four grouped queries."""
        if first > last:
            raise DomainError("stats.years_reversed", first=first, last=last)
        office = actor.office_id
        cells: dict[tuple[str, int], _Cell] = {}

        def cell(employer_id: str, year: int) -> _Cell:
            return cells.setdefault((employer_id, int(year)), _Cell())

        claim_year = extract("year", Claim.accident_date)
        incident_year = extract("year", Incident.occurred_on)
        only_e = [Employer.id == employer_id] if employer_id else []
        only_c = [Claim.employer_id == employer_id] if employer_id else []
        only_i = [Incident.employer_id == employer_id] if employer_id else []
        with self.ctx.read() as s:
            employers = [_Employer(*row) for row in s.execute(
                select(Employer.id, Employer.name, Employer.industry, Employer.risk_class, Employer.headcount)
                .where(Employer.office_id == office, Employer.deleted.is_(False), *only_e)).all()]
            for e_id, year, n in s.execute(
                    select(Claim.employer_id, claim_year, func.count())
                    .where(Claim.office_id == office, Claim.deleted.is_(False), claim_year.between(first, last),
                           *only_c)
                    .group_by(Claim.employer_id, claim_year)).all():
                cell(e_id, year).claims += n
            for e_id, year, kind, n, days in s.execute(
                    select(Incident.employer_id, incident_year, Incident.kind, func.count(),
                           func.coalesce(func.sum(Incident.days_lost), 0))
                    .where(Incident.office_id == office, Incident.deleted.is_(False),
                           incident_year.between(first, last), *only_i)
                    .group_by(Incident.employer_id, incident_year, Incident.kind)).all():
                c = cell(e_id, year)
                c.incidents += n
                c.days_lost += int(days)
                if kind == "accident":
                    c.accidents += n
            for e_id, year, fen in s.execute(
                    select(Claim.employer_id, claim_year, func.coalesce(func.sum(Payment.amount_fen), 0))
                    .join(Claim, Payment.claim_id == Claim.id)
                    .where(Claim.office_id == office, Claim.deleted.is_(False), Payment.deleted.is_(False),
                           Payment.status != "cancelled", claim_year.between(first, last), *only_c)
                    .group_by(Claim.employer_id, claim_year)).all():
                cell(e_id, year).cost_fen += int(fen)
        return employers, cells

    @staticmethod
    def _group_of(e: _Employer, group_by: str) -> tuple[str, str]:
        if group_by == "employer":
            return e.id, e.name
        if group_by == "industry":
            return e.industry, e.industry
        if group_by == "risk_class":
            return str(e.risk_class), str(e.risk_class)
        return "all", ""

    # ------------------------------------------------------------ reports

    def report(self, actor: Actor, group_by: str, first: int | None = None, last: int | None = None) -> list[StatsRow]:
        """One row per group and year from ``first`` to ``last`` (every year, also those with nothing).

        ``group_by`` is ``employer``, ``industry``, ``risk_class`` or ``all`` (the whole office).
        """
        require(actor, "claim.view")
        if group_by not in GROUPINGS + ("all",):
            raise DomainError("stats.unknown_grouping", group_by=group_by)
        d_first, d_last = self.default_years()
        first, last = first or d_first, last or d_last
        employers, cells = self._collect(actor, first, last)
        groups: dict[str, tuple[str, int]] = {}
        sums: dict[tuple[str, int], _Cell] = {}
        for e in employers:
            key, label = self._group_of(e, group_by)
            _label, workers = groups.get(key, (label, 0))
            groups[key] = (label, workers + max(e.headcount, 0))
            for year in range(first, last + 1):
                c = cells.get((e.id, year))
                if c is not None:
                    sums.setdefault((key, year), _Cell()).add(c)
        rows = []
        for key, (label, workers) in groups.items():
            for year in range(first, last + 1):
                c = sums.get((key, year), _Cell())
                rows.append(StatsRow(group_by, key, label, year, workers, c.claims, c.incidents, c.accidents,
                                     c.days_lost, from_fen(c.cost_fen)))
        rows.sort(key=lambda r: (r.label, r.key, r.year))
        return rows

    def employer_trend(self, actor: Actor, employer_id: str, first: int | None = None,
                       last: int | None = None) -> list[StatsRow]:
        """One employer's rows, year by year (for its page): the same figures as ``report``, one employer's queries."""
        require(actor, "claim.view")
        d_first, d_last = self.default_years()
        first, last = first or d_first, last or d_last
        employers, cells = self._collect(actor, first, last, employer_id)
        rows = []
        for e in employers:
            for year in range(first, last + 1):
                c = cells.get((e.id, year), _Cell())
                rows.append(StatsRow("employer", e.id, e.name, year, max(e.headcount, 0), c.claims, c.incidents,
                                     c.accidents, c.days_lost, from_fen(c.cost_fen)))
        return rows

    def rising_employers(self, actor: Actor, min_claims: int = RISING_MIN_CLAIMS) -> list[RisingEmployer]:
        """Employers whose claims per 100 workers rose in each of the last two complete years (see module doc)."""
        require(actor, "claim.view")
        last = self.ctx.today().year - 1
        years = (last - 2, last - 1, last)
        employers, cells = self._collect(actor, years[0], years[2])
        found = []
        for e in employers:
            if e.headcount <= 0:
                continue
            counts = tuple(cells.get((e.id, y), _Cell()).claims for y in years)
            rates = tuple(rate(n, e.headcount) for n in counts)
            if rates[0] < rates[1] < rates[2] and counts[2] >= min_claims:
                found.append(RisingEmployer(e.id, e.name, e.industry, e.risk_class, e.headcount, years, counts, rates))
        # The steepest rise first: that is where a prevention visit is most urgent.
        found.sort(key=lambda r: (-(r.rates[2] - r.rates[0]), r.name))
        return found

    # ------------------------------------------------------------ export

    def export_csv(self, actor: Actor, path: Path | str, group_by: str, first: int | None = None,
                   last: int | None = None) -> int:
        """Write ``report`` to a UTF-8 CSV file (with a BOM, so spreadsheet programs read the Chinese names);
        returns the number of data rows. Numbers are plain: rates and yuan with two decimals, empty = no rate.
        """
        require(actor, "data.export")
        rows = self.report(actor, group_by, first, last)
        path = Path(path)
        try:
            with path.open("w", encoding="utf-8-sig", newline="") as fh:
                out = csv.writer(fh)
                out.writerow(CSV_COLUMNS)
                for r in rows:
                    out.writerow([r.group_by, r.key, r.label, r.year, r.workers, r.claims,
                                  "" if r.claim_rate is None else f"{r.claim_rate:.2f}", r.incidents, r.accidents,
                                  "" if r.incident_rate is None else f"{r.incident_rate:.2f}", r.days_lost,
                                  f"{r.benefit_cost:.2f}"])
        except OSError as exc:
            raise DomainError("stats.export_failed", path=str(path), reason=exc.strerror or str(exc)) from exc
        return len(rows)
