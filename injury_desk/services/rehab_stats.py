"""Return-to-work statistics: the share of rehabilitated workers back at work within 3, 6 and 12 months.

Definitions (docs/rehabilitation.md explains them for readers of the figures):

- One unit is one **claim with at least one rehabilitation case** of the office (a worker injured twice
  counts twice: each injury is its own return to work). Deleted cases do not count.
- The clock starts on the claim's **accident date**, not on the case opening: referral comes at different
  times after an injury, and counting from the accident keeps workers referred late comparable with those
  referred early (and counts the weeks before the referral, which the worker also spent off work).
- **Back at work** means a recorded return-to-work outcome other than "not returned" (same job, modified job,
  other job at the same employer, new employer), on its recorded date. With several cases for one claim,
  the earliest such date counts.
- **Within N months**: the return date is on or before the accident date plus N calendar months (a day
  that month lacks becomes its last day: 31 August + 6 months = 28 February).
- Only claims whose whole N-month window has passed (accident date + N months on or before the day of
  the statistics) are counted for N months; recent injuries would otherwise lower the share just for
  being recent. A claim in the window without a recorded return is "not back".
- **Injury type** is the nature of the injury, read from the diagnosis by the keywords in INJURY_TYPES
  (the first type whose keyword occurs wins); a diagnosis matching none is "other".
- **Employer** is the claim's employer, the one the worker was injured at.
"""

from __future__ import annotations

import csv
from calendar import monthrange
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

from sqlalchemy import select

from injury_desk.domain.rehab import BACK_AT_WORK
from injury_desk.services.actor import Actor
from injury_desk.services.context import ServiceContext
from injury_desk.services.permissions import require
from injury_desk.store.models import Claim, Employer, RehabCase

HORIZONS = (3, 6, 12)
# Nature of injury, after GB 6441-86 appendix A (受伤性质), reduced to the kinds work-injury rehabilitation
# sees; checked in this order, so "脑挫裂伤" is a head injury before it is a wound.
INJURY_TYPES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("amputation", ("截肢", "离断", "缺失", "amputation")),
    ("head_injury", ("颅脑", "脑震荡", "脑挫", "head injury", "concussion")),
    ("spinal_injury", ("脊髓", "截瘫", "spinal cord", "paraplegia")),
    ("fracture", ("骨折", "fracture")),
    ("dislocation", ("脱位", "dislocation")),
    ("burn", ("烧伤", "烫伤", "灼伤", "burn")),
    ("poisoning", ("中毒", "poisoning")),
    ("occupational_disease", ("尘肺", "职业病", "噪声聋", "pneumoconiosis")),
    ("wound", ("裂伤", "割伤", "切割伤", "刺伤", "撕脱", "laceration")),
    ("contusion_sprain", ("挫伤", "扭伤", "拉伤", "软组织", "sprain", "contusion", "strain")),
)
OTHER_TYPE = "other"


def injury_type(diagnosis: str | None) -> str:
    text = (diagnosis or "").lower()
    for key, words in INJURY_TYPES:
        if any(w in text for w in words):
            return key
    return OTHER_TYPE


def add_months(d: date, months: int) -> date:
    years, month0 = divmod(d.month - 1 + months, 12)
    year = d.year + years
    return date(year, month0 + 1, min(d.day, monthrange(year, month0 + 1)[1]))


@dataclass(frozen=True)
class RtwRecord:
    """One claim with rehabilitation, as the statistics see it (plain data, so the arithmetic is testable)."""

    claim_id: str
    accident_date: date
    diagnosis: str
    employer_id: str
    employer_name: str
    back_on: date | None  # earliest back-at-work date over the claim's cases, or None


@dataclass(frozen=True)
class HorizonFigure:
    months: int
    eligible: int  # claims whose N-month window has passed
    back: int  # of those, back at work within N months
    share: Decimal | None  # back / eligible, None when nobody is eligible yet

    def percent(self) -> Decimal | None:
        """The share in per cent, to one decimal, half up."""
        if self.share is None:
            return None
        return (self.share * 100).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class RtwGroup:
    dimension: str  # all, injury_type, employer
    key: str  # the injury type key, the employer id, or "" for all
    label: str  # the employer's name; the injury type key (the ui translates it); "" for all
    workers: int  # claims with rehabilitation in the group
    figures: tuple[HorizonFigure, ...]


@dataclass(frozen=True)
class RtwStats:
    as_of: date
    horizons: tuple[int, ...]
    overall: RtwGroup
    by_injury_type: tuple[RtwGroup, ...]
    by_employer: tuple[RtwGroup, ...]

    def groups(self) -> tuple[RtwGroup, ...]:
        return (self.overall, *self.by_injury_type, *self.by_employer)


def _group(dimension: str, key: str, label: str, records: Sequence[RtwRecord], as_of: date,
           horizons: Sequence[int]) -> RtwGroup:
    figures = []
    for n in horizons:
        eligible = [r for r in records if add_months(r.accident_date, n) <= as_of]
        back = sum(1 for r in eligible if r.back_on is not None and r.back_on <= add_months(r.accident_date, n))
        share = Decimal(back) / Decimal(len(eligible)) if eligible else None
        figures.append(HorizonFigure(n, len(eligible), back, share))
    return RtwGroup(dimension, key, label, len(records), tuple(figures))


def compute_rtw_stats(records: Iterable[RtwRecord], as_of: date,
                      horizons: Sequence[int] = HORIZONS) -> RtwStats:
    """The figures for ``records`` on the day ``as_of``; groups sorted by size, largest first, then by name."""
    records = list(records)
    by_type: dict[str, list[RtwRecord]] = {}
    by_employer: dict[str, list[RtwRecord]] = {}
    for r in records:
        by_type.setdefault(injury_type(r.diagnosis), []).append(r)
        by_employer.setdefault(r.employer_id, []).append(r)
    types = [_group("injury_type", k, k, rs, as_of, horizons) for k, rs in by_type.items()]
    employers = [_group("employer", k, rs[0].employer_name, rs, as_of, horizons) for k, rs in by_employer.items()]
    types.sort(key=lambda g: (-g.workers, g.key == OTHER_TYPE, g.key))
    employers.sort(key=lambda g: (-g.workers, g.label))
    return RtwStats(as_of, tuple(horizons), _group("all", "", "", records, as_of, horizons), tuple(types),
                    tuple(employers))


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
                known = claims.get(row.claim_id)
                # Several cases of one claim: the earliest return to work counts.
                if known is None or (back is not None and (known.back_on is None or back < known.back_on)):
                    claims[row.claim_id] = RtwRecord(row.claim_id, row.accident_date, row.diagnosis or "",
                                                     row.employer_id, row.name, back)
        return list(claims.values())

    def return_to_work(self, actor: Actor, horizons: Sequence[int] = HORIZONS) -> RtwStats:
        """The office's return-to-work shares as of today."""
        return compute_rtw_stats(self.records(actor), self.ctx.today(), horizons)

    def export_csv(self, actor: Actor, path: Path | str, stats: RtwStats, *, header: Sequence[str],
                   dimension_labels: dict[str, str], type_labels: dict[str, str]) -> int:
        """Write ``stats`` as CSV (UTF-8 with BOM, which spreadsheet programs on Windows read as UTF-8).

        ``header`` names the columns: dimension, group, workers, then eligible / back / share % per horizon;
        the labels come from the ui so the file reads in the user's language. Returns the rows written.
        """
        require(actor, "rehab.stats")
        require(actor, "data.export")
        rows = 0
        with Path(path).open("w", newline="", encoding="utf-8-sig") as f:
            w = csv.writer(f)
            w.writerow(list(header))
            for g in stats.groups():
                label = type_labels.get(g.label, g.label) if g.dimension == "injury_type" else g.label
                line: list[object] = [dimension_labels.get(g.dimension, g.dimension), label, g.workers]
                for fig in g.figures:
                    pct = fig.percent()
                    line += [fig.eligible, fig.back, "" if pct is None else str(pct)]
                w.writerow(line)
                rows += 1
        return rows
