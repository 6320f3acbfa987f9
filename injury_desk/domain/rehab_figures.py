"""Return-to-work indicators from plain records: shares back within 3/6/12 months, days from injury to
return (median and mean), and back at the same employer vs a new one. Definitions: docs/rehabilitation.md.

- One unit is one **claim with at least one rehabilitation case** (a worker injured twice counts twice: each
  injury is its own return to work). The **cohort** is the claims whose accident date is in the period.
- The clock starts on the claim's **accident date**, not on the case opening: referral comes at different
  times after an injury, and counting from the accident keeps workers referred late comparable with those
  referred early.
- **Back at work** means a recorded return-to-work outcome other than "not returned" (same job, modified job,
  other job at the same employer, new employer), on its recorded date, on or before the day of the
  statistics. With several cases for one claim, the earliest such date counts (and its outcome).
- **Within N months**: the return date is on or before the accident date plus N calendar months (a day
  that month lacks becomes its last day: 31 August + 6 months = 28 February). Only claims whose whole
  N-month window has passed on the day of the statistics count for N months.
- **Days to return** = return date − accident date, over the cohort's claims back at work; median and mean.
- **Same employer** = back in the same job, a modified job or another job at the injury employer; **new
  employer** = back at another employer; both are shares of the claims back at work.
- **Injury type** is the nature of the injury, read from the diagnosis by the keywords in INJURY_TYPES
  (the first type whose keyword occurs wins); a diagnosis matching none is "other".
"""

from __future__ import annotations

from calendar import monthrange
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from injury_desk.domain.rehab import BACK_AT_WORK
from injury_desk.domain.figures import FigureLine, Median, Ratio, mean, median, median_line, percent, ratio_line

HORIZONS = (3, 6, 12)
NEW_EMPLOYER = "new_employer"
SAME_EMPLOYER = tuple(o for o in BACK_AT_WORK if o != NEW_EMPLOYER)  # back at the employer of the injury
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
    back_outcome: str | None = None  # the outcome recorded with ``back_on``


def earliest_return(known: RtwRecord | None, candidate: RtwRecord) -> RtwRecord:
    """Of two records of one claim (two cases), the one with the earlier back-at-work date."""
    if known is None:
        return candidate
    if candidate.back_on is not None and (known.back_on is None or candidate.back_on < known.back_on):
        return candidate
    return known


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

    @property
    def ratio(self) -> Ratio:
        return percent(self.back, self.eligible)


@dataclass(frozen=True)
class RtwGroup:
    dimension: str  # all, injury_type, employer
    key: str  # the injury type key, the employer id, or "" for all
    label: str  # the employer's name; the injury type key (the ui translates it); "" for all
    workers: int  # claims with rehabilitation in the group
    figures: tuple[HorizonFigure, ...]
    returned: int = 0  # back at work by the day of the statistics
    median_days: Median = Median(0, 0, 0)
    mean_days: Ratio = Ratio(0, 0, 1)
    same_employer: Ratio = Ratio(0, 0)
    new_employer: Ratio = Ratio(0, 0)


@dataclass(frozen=True)
class RtwStats:
    as_of: date
    horizons: tuple[int, ...]
    overall: RtwGroup
    by_injury_type: tuple[RtwGroup, ...]
    by_employer: tuple[RtwGroup, ...]
    start: date | None = None
    end: date | None = None

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
    returned = [r for r in records if r.back_on is not None and r.back_on <= as_of]
    days = [(r.back_on - r.accident_date).days for r in returned]
    same = sum(1 for r in returned if r.back_outcome in SAME_EMPLOYER)
    new = sum(1 for r in returned if r.back_outcome == NEW_EMPLOYER)
    return RtwGroup(dimension, key, label, len(records), tuple(figures), len(returned), median(days), mean(days),
                    percent(same, len(returned)), percent(new, len(returned)))


def compute_rtw_stats(records: Iterable[RtwRecord], as_of: date, horizons: Sequence[int] = HORIZONS,
                      start: date | None = None, end: date | None = None) -> RtwStats:
    """The figures for the ``records`` injured from ``start`` to ``end`` (all when not given), on the day
    ``as_of``; groups sorted by size, largest first, then by name."""
    if start is not None and end is not None and start > end:
        raise ValueError("the period ends before it starts")
    records = [r for r in records if (start is None or r.accident_date >= start)
               and (end is None or r.accident_date <= end)]
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
                    tuple(employers), start, end)


def rtw_lines(stats: RtwStats, group_by: str) -> list[FigureLine]:
    """Flat lines (section ``return_to_work``) for the whole cohort and each group of ``group_by``
    (``injury_type`` or ``employer``): per horizon the share back, then days to return and the employer split."""
    groups = stats.by_injury_type if group_by == "injury_type" else stats.by_employer
    lines = []
    for g in (stats.overall, *groups):
        by = "all" if g.dimension == "all" else group_by

        def add(figure: str, unit: str, ratio: Ratio) -> None:
            lines.append(ratio_line("return_to_work", by, g.key, g.label, None, figure, unit, ratio))

        lines.append(FigureLine("return_to_work", by, g.key, g.label, None, "workers", "claims", g.workers,
                                None, None))
        for f in g.figures:
            add(f"back_within_{f.months}_months", "percent", f.ratio)
        lines.append(median_line("return_to_work", by, g.key, g.label, None, "median_days_to_return", "days",
                                 g.median_days))
        add("mean_days_to_return", "days", g.mean_days)
        add("back_at_same_employer", "percent", g.same_employer)
        add("back_at_new_employer", "percent", g.new_employer)
    return lines
