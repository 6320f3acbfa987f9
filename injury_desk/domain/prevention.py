"""Prevention rules: inspection, hazard and incident kinds, and the yearly cap on prevention spending."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

from injury_desk.domain.money import FEN
from injury_desk.domain.rules_file import RulesFile

SEVERITIES = ("low", "medium", "high", "critical")
INCIDENT_KINDS = ("accident", "near_miss")
OPEN_ACTION_STATUSES = ("open", "extended")


@dataclass(frozen=True)
class BudgetParams:
    """``rules/prevention/<region>.json``: the cap share, contribution income by year, office shares."""

    file: str
    cap_share: Decimal
    cap_source: str
    income: dict[int, Decimal]
    office_shares: dict[str, Decimal]
    label: str  # "illustrative figures" wording, empty for official figures


@dataclass(frozen=True)
class TrainingBudget:
    """The office's prevention spending for a year against the region's cap (cap None: no figure on file)."""

    year: int
    region: str
    planned: Decimal
    sessions: int
    contribution_income: Decimal | None
    income_year: int
    cap_share: Decimal
    office_share: Decimal
    cap: Decimal | None
    source: str
    label: str
    params_file: str

    @property
    def remaining(self) -> Decimal | None:
        return None if self.cap is None else self.cap - self.planned

    @property
    def over_cap(self) -> bool:
        return self.cap is not None and self.planned > self.cap

    def over_with(self, extra: Decimal) -> bool:
        """Whether planning ``extra`` more would take the year over the cap."""
        return self.cap is not None and self.planned + extra > self.cap


def load_budget_params(rules_dir: Path, region: str) -> BudgetParams | None:
    """``rules/prevention/<region>.json`` read and checked; None when the region has no file."""
    path = Path(rules_dir) / "prevention" / f"{region}.json"
    if not path.is_file():
        return None
    r = RulesFile.open(path, Path(rules_dir), "budget.params_invalid")
    if r.get("region") != region:
        r.fail("region", "must be the file name")
    illustrative = r.boolean("illustrative", False)
    label = r.text("label") if illustrative else ""
    share = r.number("cap_share.value", positive=False)
    if share > 1:
        r.fail("cap_share.value", "is a fraction (0.03 = 3 %)")
    income: dict[int, Decimal] = {}
    for year, entry in r.obj("contribution_income", {}).items():
        if not year.isdigit():
            r.fail(f"contribution_income.{year}", "years are written as four digits")
        income[int(year)] = r.number(f"contribution_income.{year}.value", positive=False)
    shares = {str(code): r.number(f"office_shares.{code}", value, positive=False)
              for code, value in r.obj("office_shares", {}).items()}
    return BudgetParams(r.file, share, str(r.get("cap_share.source", "")), income, shares, label)


def training_budget(year: int, region: str, office_code: str, planned: Decimal, sessions: int,
                    params: BudgetParams | None) -> TrainingBudget:
    """An office's ``planned`` training spending of ``year`` against its cap on prevention spending.

    The cap is ``cap_share`` (usually 3 %) of the region's contribution income of the year before, times
    this office's share of the region when the file gives one (工伤预防费使用管理暂行办法 第五条), rounded to
    the fen half up. No income figure for the year before: the cap is unknown (None), not zero.
    """
    if params is None:
        return TrainingBudget(year, region, planned, sessions, None, year - 1, Decimal(0), Decimal(1), None,
                              "", "", f"prevention/{region}.json")
    income = params.income.get(year - 1)
    office_share = params.office_shares.get(office_code, Decimal(1))
    cap = None
    if income is not None:
        cap = (income * params.cap_share * office_share).quantize(FEN, rounding=ROUND_HALF_UP)
    return TrainingBudget(year, region, planned, sessions, income, year - 1, params.cap_share, office_share,
                          cap, params.cap_source, params.label, params.file)
