"""Prevention statistics of an office: reads the records a period needs and hands them to the pure functions in
domain/prevention_figures.py (the definitions are there and in docs/prevention.md); CSV export of the lines."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path

from sqlalchemy import func, select

from injury_desk.domain.errors import FieldError, raise_if
from injury_desk.domain.figures import FigureLine
from injury_desk.domain.money import from_fen
from injury_desk.domain.prevention_budget import load_budget_params
from injury_desk.domain.prevention_figures import (
    RISING_MIN_CLAIMS,
    ActionFact,
    ActionFigures,
    ClaimFact,
    EmployerFact,
    HeadcountFact,
    IncidentFact,
    InjuryFigures,
    RisingEmployer,
    SpendFact,
    SpendingFigures,
    action_figures,
    action_lines,
    injury_figures,
    injury_lines,
    prevention_cap,
    rising_employers,
    spending_figures,
    spending_lines,
)
from injury_desk.private_files import private_output
from injury_desk.services.actor import Actor
from injury_desk.services.context import ServiceContext
from injury_desk.services.permissions import require
from injury_desk.store.models import (
    Claim,
    CorrectiveAction,
    Determination,
    Employer,
    EmployerHeadcount,
    Hazard,
    Incident,
    Inspection,
    Office,
    Payment,
    PreventionSpend,
    TrainingSession,
)
from injury_desk.store.own_files import refuse_own_file

GROUPINGS = ("employer", "industry", "region")
DEFAULT_YEARS = 5
# The report has a line of prevention spending per calendar year: a mistyped year (0001 for 2001) would print
# thousands of them. Fifty years reach back before the insurance itself (the Regulations date from 2003).
MAX_PERIOD_YEARS = 50
CSV_COLUMNS = ("section", "group_by", "key", "label", "year", "figure", "unit", "value", "numerator", "denominator",
               "note")


@dataclass(frozen=True)
class PreventionFacts:
    """The plain records of one office that the figures of a period are computed from."""

    region: str
    office_code: str
    employers: list[EmployerFact]
    headcounts: list[HeadcountFact]
    claims: list[ClaimFact]
    incidents: list[IncidentFact]
    actions: list[ActionFact]
    spends: list[SpendFact]


@dataclass(frozen=True)
class PreventionReport:
    """Everything the Statistics page and ``injury-desk stats prevention`` show for one period and grouping."""

    start: date
    end: date
    group_by: str
    region: str
    injuries: list[InjuryFigures]  # by the grouping, one row per group and year
    office: list[InjuryFigures]  # the whole office, one row per year
    actions: list[ActionFigures]  # by the grouping
    actions_by_inspector: list[ActionFigures]
    actions_office: list[ActionFigures]
    spending: list[SpendingFigures]  # each calendar year of the period

    def lines(self) -> list[FigureLine]:
        return (injury_lines(self.office) + injury_lines(self.injuries) + action_lines(self.actions_office)
                + action_lines(self.actions) + action_lines(self.actions_by_inspector)
                + spending_lines(self.spending, self.region))


def format_value(value) -> str:
    """A figure as the CSV and the command line print it: empty when there is none."""
    if value is None:
        return ""
    return str(value)


def csv_rows(lines: list[FigureLine]) -> list[list[str]]:
    return [[ln.section, ln.group_by, ln.key, ln.label, "" if ln.year is None else str(ln.year), ln.figure, ln.unit,
             format_value(ln.value), format_value(ln.numerator), format_value(ln.denominator), ln.note]
            for ln in lines]


def write_csv(path: Path | str, lines: list[FigureLine]) -> int:
    """Write figure lines to a UTF-8 CSV file (with a BOM, so spreadsheet programs read the Chinese names)."""
    with private_output(path, "w", unwritable="stats.export_failed", encoding="utf-8-sig", newline="") as fh:
        out = csv.writer(fh)
        out.writerow(CSV_COLUMNS)
        out.writerows(csv_rows(lines))
    return len(lines)


def check_period(start: date, end: date) -> None:
    if start > end:
        raise_if([FieldError("to", "stats.period_reversed", {"from": start.isoformat(), "to": end.isoformat()})])
    years = end.year - start.year + 1
    if years > MAX_PERIOD_YEARS:
        raise_if([FieldError("from", "stats.period_too_long", {"years": years, "max": MAX_PERIOD_YEARS})])


class PreventionStatsService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def default_period(self) -> tuple[date, date]:
        """1 January of the year ``DEFAULT_YEARS`` - 1 years ago, to today."""
        today = self.ctx.today()
        return date(today.year - DEFAULT_YEARS + 1, 1, 1), today

    # ------------------------------------------------------------ reading

    def facts(self, actor: Actor, start: date, end: date, employer_id: str | None = None) -> PreventionFacts:
        """The office's records for the calendar years ``start``..``end`` touch (or one employer's)."""
        require(actor, "claim.view")
        check_period(start, end)
        office_id = actor.office_id
        first, last = date(start.year, 1, 1), date(end.year, 12, 31)
        only = (lambda column: [column == employer_id]) if employer_id else (lambda column: [])
        with self.ctx.read() as s:
            office = s.get(Office, office_id)
            region = office.region if office else ""
            employers = [EmployerFact(i, name, industry, region) for i, name, industry in s.execute(
                select(Employer.id, Employer.name, Employer.industry)
                .where(Employer.office_id == office_id, Employer.deleted.is_(False), *only(Employer.id)))]
            headcounts = [HeadcountFact(*row) for row in s.execute(
                select(EmployerHeadcount.employer_id, EmployerHeadcount.year, EmployerHeadcount.headcount,
                       EmployerHeadcount.source)
                .where(EmployerHeadcount.office_id == office_id, EmployerHeadcount.deleted.is_(False),
                       EmployerHeadcount.year.between(start.year, end.year), *only(EmployerHeadcount.employer_id))
                .order_by(EmployerHeadcount.updated_at))]
            claim_rows = s.execute(
                select(Claim.id, Claim.employer_id, Claim.accident_date)
                .where(Claim.office_id == office_id, Claim.deleted.is_(False),
                       Claim.accident_date.between(first, last), *only(Claim.employer_id))).all()
            # The latest determination decides (a review may replace the first one).
            outcomes: dict[str, str] = {}
            for claim_id, outcome in s.execute(
                    select(Determination.claim_id, Determination.outcome)
                    .join(Claim, Determination.claim_id == Claim.id)
                    .where(Determination.office_id == office_id, Determination.deleted.is_(False),
                           Claim.accident_date.between(first, last), *only(Claim.employer_id))
                    .order_by(Determination.decided_on, Determination.updated_at)):
                outcomes[claim_id] = outcome
            costs = dict(s.execute(
                select(Payment.claim_id, func.coalesce(func.sum(Payment.amount_fen), 0))
                .join(Claim, Payment.claim_id == Claim.id)
                .where(Payment.office_id == office_id, Payment.deleted.is_(False), Payment.status != "cancelled",
                       Claim.accident_date.between(first, last), *only(Claim.employer_id))
                .group_by(Payment.claim_id)).all())
            claims = [ClaimFact(e, d, outcomes.get(c), from_fen(int(costs.get(c, 0)))) for c, e, d in claim_rows]
            incidents = [IncidentFact(*row) for row in s.execute(
                select(Incident.employer_id, Incident.occurred_on, Incident.kind, Incident.days_lost)
                .where(Incident.office_id == office_id, Incident.deleted.is_(False),
                       Incident.occurred_on.between(first, last), *only(Incident.employer_id)))]
            found_on = func.coalesce(Inspection.inspected_on, Inspection.planned_on)
            actions = [ActionFact(*row) for row in s.execute(
                select(Hazard.employer_id, Inspection.inspector, found_on, CorrectiveAction.due_date,
                       CorrectiveAction.closed_on)
                .join(Hazard, CorrectiveAction.hazard_id == Hazard.id)
                .join(Inspection, Hazard.inspection_id == Inspection.id)
                .where(CorrectiveAction.office_id == office_id, CorrectiveAction.deleted.is_(False),
                       Hazard.deleted.is_(False), Inspection.deleted.is_(False), *only(Hazard.employer_id)))]
            spends = [SpendFact("training", d, from_fen(fen)) for d, fen in s.execute(
                select(TrainingSession.held_on, TrainingSession.cost_fen)
                .where(TrainingSession.office_id == office_id, TrainingSession.deleted.is_(False),
                       TrainingSession.held_on.between(first, last)))]
            spends += [SpendFact(kind, d, from_fen(fen)) for kind, d, fen in s.execute(
                select(PreventionSpend.kind, PreventionSpend.spent_on, PreventionSpend.amount_fen)
                .where(PreventionSpend.office_id == office_id, PreventionSpend.deleted.is_(False),
                       PreventionSpend.spent_on.between(first, last)))]
        return PreventionFacts(region, office.code if office else "", employers, headcounts, claims, incidents,
                               actions, spends)

    def caps(self, region: str, office_code: str, years: range) -> dict[int, Decimal | None]:
        """Each year's cap on prevention spending from the region's rule file (None: no figure on file)."""
        params = load_budget_params(Path(self.ctx.resources_dir) / "rules", region)
        if params is None:
            return {y: None for y in years}
        office_share = params.office_shares.get(office_code, Decimal(1))
        return {y: prevention_cap(params.income.get(y - 1), params.share_for(y)[0], office_share) for y in years}

    # ------------------------------------------------------------ reports

    def report(self, actor: Actor, start: date, end: date, group_by: str) -> PreventionReport:
        """The figures of the period by ``group_by`` (employer, industry or region), with the whole office."""
        if group_by not in GROUPINGS:
            raise_if([FieldError("by", "stats.unknown_grouping", {"group_by": group_by})])
        f = self.facts(actor, start, end)
        years = range(start.year, end.year + 1)
        caps = self.caps(f.region, f.office_code, years)
        return PreventionReport(
            start, end, group_by, f.region,
            injury_figures(f.employers, f.headcounts, f.claims, f.incidents, start, end, group_by),
            injury_figures(f.employers, f.headcounts, f.claims, f.incidents, start, end, "all"),
            action_figures(f.employers, f.actions, start, end, group_by),
            action_figures(f.employers, f.actions, start, end, "inspector"),
            action_figures(f.employers, f.actions, start, end, "all"),
            [spending_figures(f.spends, y, caps[y]) for y in years])

    def employer_trend(self, actor: Actor, employer_id: str) -> list[InjuryFigures]:
        """One employer's figures year by year over the default period (for its page)."""
        start, end = self.default_period()
        f = self.facts(actor, start, end, employer_id)
        return injury_figures(f.employers, f.headcounts, f.claims, f.incidents, start, end, "employer")

    def rising_employers(self, actor: Actor, min_claims: int = RISING_MIN_CLAIMS) -> list[RisingEmployer]:
        """Employers whose recognised injuries per 100 workers rose in each of the last two complete years."""
        last = self.ctx.today().year - 1
        years = (last - 2, last - 1, last)
        start, end = date(years[0], 1, 1), date(last, 12, 31)
        f = self.facts(actor, start, end)
        rows = injury_figures(f.employers, f.headcounts, f.claims, f.incidents, start, end, "employer")
        return rising_employers(rows, years, min_claims)

    def export_csv(self, actor: Actor, path: Path | str, start: date, end: date, group_by: str) -> int:
        """Write the report's lines to a CSV file; returns the number of data rows."""
        require(actor, "data.export")
        refuse_own_file(Path(path), self.ctx.db.path, field="file")
        return write_csv(path, self.report(actor, start, end, group_by).lines())

