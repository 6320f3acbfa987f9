"""The yearly cap on prevention spending: the region's budget rule file and the cap's arithmetic (the prevention
constants are in domain/prevention.py, which the lists load without these rules)."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from injury_desk.domain.rules_file import RulesFile


# 工伤预防费使用管理暂行办法（人社部规〔2017〕13号）第五条: prevention spending should in principle not exceed 3 % of
# the region's work-injury fund contribution income of the year before; a higher share needs the consent of the
# province's human resources and social security and finance departments. Both shares are rule data, per
# region, and the approved share per year: resources/rules/prevention/<region>.json.


@dataclass(frozen=True)
class ApprovedShare:
    """A higher cap share the province approved for one year, with the approval's reference."""

    share: Decimal
    approval: str


@dataclass(frozen=True)
class BudgetParams:
    """``rules/prevention/<region>.json``: the cap share, the highest share a province may approve and the shares
    it approved by year, contribution income by year, office shares."""

    file: str
    cap_share: Decimal
    cap_source: str
    income: dict[int, Decimal]
    office_shares: dict[str, Decimal]
    label: str  # "illustrative figures" wording, empty for official figures
    max_share: Decimal | None = None  # None: no higher share may be approved
    max_source: str = ""
    approved: dict[int, ApprovedShare] = field(default_factory=dict)

    def share_for(self, year: int) -> tuple[Decimal, str]:
        """The cap share of ``year`` and the approval it rests on ("" for the standard share)."""
        approved = self.approved.get(year)
        if approved is None:
            return self.cap_share, ""
        return approved.share, approved.approval


@dataclass(frozen=True)
class PreventionBudget:
    """The office's prevention spending of a year, every kind of it, against the region's cap (cap None: no
    figure on file)."""

    year: int
    region: str
    training: Decimal
    projects: Decimal
    publicity: Decimal
    sessions: int
    contribution_income: Decimal | None
    income_year: int
    cap_share: Decimal
    office_share: Decimal
    cap: Decimal | None
    source: str
    label: str
    params_file: str
    approval: str = ""  # the provincial approval of a share above the standard one

    @property
    def planned(self) -> Decimal:
        """Everything counted against the cap: training, funded projects and publicity."""
        return self.training + self.projects + self.publicity

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
    max_share = None
    if r.get("max_share", None) is not None:
        max_share = r.number("max_share.value")
        if not share <= max_share <= 1:
            r.fail("max_share.value", "lies between cap_share and 1 (0.05 = 5 %)")
    approved: dict[int, ApprovedShare] = {}
    for year in r.obj("approved_shares", {}):
        where = f"approved_shares.{year}"
        if not year.isdigit():
            r.fail(where, "years are written as four digits")
        if max_share is None:
            r.fail(where, "a higher share needs max_share, the highest share the province may approve")
        value = r.number(f"{where}.value")
        if not share < value <= max_share:
            r.fail(f"{where}.value", f"lies above cap_share and at most max_share ({max_share})")
        approved[int(year)] = ApprovedShare(value, r.text(f"{where}.approval"))
    return BudgetParams(r.file, share, str(r.get("cap_share.source", "")), income, shares, label, max_share,
                        str(r.get("max_share.source", "")) if max_share is not None else "", approved)


def prevention_budget(year: int, region: str, office_code: str, spending: dict[str, Decimal], sessions: int,
                      params: BudgetParams | None) -> PreventionBudget:
    """An office's prevention ``spending`` of ``year`` (by kind: training, project, publicity) against its cap.

    The cap is the year's share (``cap_share``, usually 3 %, or the share the province approved for the year, at
    most ``max_share``) of the region's contribution income of the year before, times this office's share of the
    region when the file gives one (工伤预防费使用管理暂行办法 第五条), rounded to the fen half up. No income figure
    for the year before: the cap is unknown (None), not zero.
    """
    kinds = (spending.get("training", Decimal(0)), spending.get("project", Decimal(0)),
             spending.get("publicity", Decimal(0)))
    if params is None:
        return PreventionBudget(year, region, *kinds, sessions, None, year - 1, Decimal(0), Decimal(1), None,
                                "", "", f"prevention/{region}.json")
    # The figures module (and its dozen record types) loads only for a budget, not with the training page.
    from injury_desk.domain.prevention_figures import prevention_cap

    income = params.income.get(year - 1)
    office_share = params.office_shares.get(office_code, Decimal(1))
    share, approval = params.share_for(year)
    return PreventionBudget(year, region, *kinds, sessions, income, year - 1, share, office_share,
                            prevention_cap(income, share, office_share), params.cap_source, params.label,
                            params.file, approval)
