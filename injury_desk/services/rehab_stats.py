"""Return-to-work statistics of an office: reads the records and hands them to domain/rehab_figures.py."""

from __future__ import annotations

import csv
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from sqlalchemy import select

from injury_desk.domain.errors import FieldError, raise_if
from injury_desk.domain.figures import FigureLine
from injury_desk.domain.rehab_figures import (
    BACK_AT_WORK,
    HORIZONS,
    RtwRecord,
    RtwStats,
    compute_rtw_stats,
    earliest_return,
    rtw_lines,
)
from injury_desk.private_files import private_output
from injury_desk.services.actor import Actor
from injury_desk.services.context import ServiceContext
from injury_desk.services.permissions import require
from injury_desk.store.models import Claim, Employer, RehabCase
from injury_desk.store.own_files import refuse_own_file

GROUPINGS = ("injury_type", "employer")


class RehabStatsService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def records(self, actor: Actor) -> list[RtwRecord]:
        require(actor, "rehab.stats")
        q = (select(RehabCase.claim_id, RehabCase.rtw_outcome, RehabCase.rtw_date, Claim.accident_date,
                    Claim.diagnosis, Claim.employer_id, Employer.name)
             .join(Claim, RehabCase.claim_id == Claim.id).join(Employer, Claim.employer_id == Employer.id)
             .where(RehabCase.deleted.is_(False), Claim.deleted.is_(False), RehabCase.office_id == actor.office_id))
        claims: dict[str, RtwRecord] = {}
        with self.ctx.read() as s:
            for row in s.execute(q):
                back = row.rtw_date if row.rtw_outcome in BACK_AT_WORK else None
                record = RtwRecord(row.claim_id, row.accident_date, row.diagnosis or "", row.employer_id, row.name,
                                   back, row.rtw_outcome if back is not None else None)
                claims[row.claim_id] = earliest_return(claims.get(row.claim_id), record)
        return list(claims.values())

    def return_to_work(self, actor: Actor, start: date | None = None, end: date | None = None,
                       horizons: Sequence[int] = HORIZONS) -> RtwStats:
        """The office's return-to-work figures as of today, for the injuries from ``start`` to ``end``."""
        if start is not None and end is not None and start > end:
            raise_if([FieldError("to", "stats.period_reversed", {"from": start.isoformat(), "to": end.isoformat()})])
        return compute_rtw_stats(self.records(actor), self.ctx.today(), horizons, start, end)

    def figure_lines(self, actor: Actor, start: date, end: date, group_by: str) -> list[FigureLine]:
        """The figures as flat lines with numerators and denominators: the whole office, then each group."""
        if group_by not in GROUPINGS:
            raise_if([FieldError("by", "stats.unknown_grouping", {"group_by": group_by})])
        return rtw_lines(self.return_to_work(actor, start, end), group_by)

    def export_csv(self, actor: Actor, path: Path | str, stats: RtwStats, *, header: Sequence[str],
                   dimension_labels: dict[str, str], type_labels: dict[str, str]) -> int:
        """Write ``stats`` as CSV (UTF-8 with BOM, which spreadsheet programs on Windows read as UTF-8).

        ``header`` names the columns: dimension, group, workers, then eligible / back / share % per horizon, then
        back at work, median and mean days to return, same and new employer %;
        the labels come from the ui so the file reads in the user's language. Returns the rows written.
        """
        require(actor, "rehab.stats")
        require(actor, "data.export")
        refuse_own_file(Path(path), self.ctx.db.path, field="file")
        rows = 0
        with private_output(path, "w", unwritable="stats.export_failed", encoding="utf-8-sig", newline="") as f:
            w = csv.writer(f)
            w.writerow(list(header))
            for g in stats.groups():
                label = type_labels.get(g.label, g.label) if g.dimension == "injury_type" else g.label
                line: list[object] = [dimension_labels.get(g.dimension, g.dimension), label, g.workers]
                for fig in g.figures:
                    pct = fig.percent()
                    line += [fig.eligible, fig.back, "" if pct is None else str(pct)]
                line += [g.returned] + ["" if v is None else str(v) for v in (
                    g.median_days.value, g.mean_days.value, g.same_employer.value, g.new_employer.value)]
                w.writerow(line)
                rows += 1
        return rows
