"""Loading and validating the effective-dated statutory rule files and regional parameter files."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

from injury_desk.domain.compensation.dependants import RegisterAges, RegisterRules, read_register_rules
from injury_desk.domain.errors import DomainError
from injury_desk.domain.rules_file import (
    DISPOSABLE_INCOME_FILE,
    NATIONAL_DIR,
    RulesFile,
    check_national_day,
    national_files,
    rel_path,
)

if TYPE_CHECKING:
    from injury_desk.domain.compensation.adjustments import Adjustment

PAYERS = ("fund", "employer")
SCHEDULE_UNITS = ("months_of_wage_base",)
ADJUSTMENTS_FILE = "adjustments.json"
_REGION_YEAR_NAME = re.compile(r"^(\d{4})\.json$")
# Every line item the engine can produce, in the order it lists them (docs/calc.md).
ITEM_CODES = (
    "wage_base",
    "one_time_disability_subsidy",
    "monthly_disability_allowance",
    "pension_top_up",
    "nursing_care_allowance",
    "one_time_medical_subsidy",
    "one_time_employment_subsidy",
    "work_suspension_wages",
    "hospital_meal_allowance",
    "funeral_subsidy",
    "dependants_pension",
    "one_time_death_subsidy",
)


@dataclass(frozen=True)
class GradeMonths:
    months: Decimal
    basis: str


@dataclass(frozen=True)
class AllowanceRule:
    share: Decimal
    payer: str
    requires_employer_cannot_arrange_work: bool
    basis: str


@dataclass(frozen=True)
class Benefit:
    """Payer and legal basis of a benefit whose numbers live elsewhere."""

    payer: str
    basis: str


@dataclass(frozen=True)
class RecognitionBasis:
    """One article a work injury can be recognised under (Arts. 14, 15) and the items it does not give."""

    key: str
    excluded_items: frozenset[str]
    requires_fatal: bool
    basis: str


@dataclass(frozen=True)
class ClaimLifeRules:
    """Rules of a claim's later life: hospital meals, retirement, death after the suspension period, Art. 15."""

    hospital_meal: Benefit
    pension_top_up: Benefit
    pension_top_up_grades: frozenset[int]
    death_after_suspension_grades: frozenset[int]
    death_after_suspension_items: tuple[str, ...]
    death_after_suspension_basis: str
    recognition_bases: dict[str, RecognitionBasis]
    default_recognition_basis: str
    register_ages: RegisterAges


@dataclass(frozen=True)
class NationalRules:
    """One national rule set, in force from ``effective_from`` until the next one."""

    rules_version: str
    effective_from: date
    source_file: str
    wage_base_basis: str
    months_averaged: int
    floor_share: Decimal
    ceiling_share: Decimal
    disability_subsidy: Benefit
    disability_subsidy_months: dict[int, GradeMonths]
    allowance_by_grade: dict[int, AllowanceRule]
    minimum_wage_top_up: bool
    minimum_wage_top_up_basis: str
    employment_end_grades: frozenset[int]
    medical_subsidy: Benefit
    employment_subsidy: Benefit
    nursing: Benefit
    nursing_shares: dict[str, Decimal]
    suspension: Benefit
    suspension_months: int
    suspension_extension_months: int
    funeral: Benefit
    funeral_months: Decimal
    dependants: Benefit
    spouse_share: Decimal
    other_share: Decimal
    lonely_supplement: Decimal
    dependants_cap_share: Decimal
    death_subsidy: Benefit
    death_multiple: Decimal
    claim_life: ClaimLifeRules

    @property
    def grades(self) -> tuple[int, ...]:
        return tuple(sorted(self.disability_subsidy_months))

    @property
    def max_suspension_months(self) -> int:
        return self.suspension_months + self.suspension_extension_months

    @property
    def register_rules(self) -> RegisterRules:
        """The numbers the dependants register needs: Art. 39(2) shares and the Provisions' ages."""
        return RegisterRules(
            spouse_share=self.spouse_share,
            other_share=self.other_share,
            lonely_supplement=self.lonely_supplement,
            cap_share=self.dependants_cap_share,
            ages=self.claim_life.register_ages,
        )


@dataclass(frozen=True)
class Schedule:
    """A provincial schedule: months of the wage base per disability grade."""

    unit: str
    basis: str
    months_by_grade: dict[int, Decimal]


@dataclass(frozen=True)
class RegionParams:
    """Parameters of one region for one statistical year."""

    region: str
    name: str
    year: int
    params_version: str
    illustrative: bool
    label: str
    source: str
    source_file: str
    average_monthly_wage: Decimal
    minimum_wage: Decimal | None
    medical_subsidy: Schedule
    employment_subsidy: Schedule
    hospital_meal_allowance_per_day: Decimal | None = None


@dataclass(frozen=True)
class DisposableIncome:
    year: int
    value: Decimal
    source: str


class RuleBook:
    """Every rule set and parameter file found in one rules directory, validated."""

    def __init__(
        self,
        national: list[NationalRules],
        regions: dict[tuple[str, int], RegionParams],
        disposable_income: dict[int, DisposableIncome],
        adjustments: dict[str, tuple[Adjustment, ...]] | None = None,
    ) -> None:
        if not national:
            raise DomainError("rules.no_national_rules")
        self._national = sorted(national, key=lambda r: r.effective_from)
        self._starts = [r.effective_from for r in self._national]
        self._regions = dict(regions)
        self._income = dict(disposable_income)
        self._adjustments = dict(adjustments or {})

    def national_for(self, on: date) -> NationalRules:
        """The national rule set in force on ``on`` (normally the injury date)."""
        i = bisect_right(self._starts, on)
        if i == 0:
            raise DomainError("rules.no_national_rules", date=on.isoformat())
        return self._national[i - 1]

    def latest_national(self) -> NationalRules:
        return self._national[-1]

    def region_names(self) -> tuple[str, ...]:
        return tuple(sorted({r for r, _ in self._regions}))

    def region_title(self, region: str) -> str:
        """The name the region's newest parameter file gives it, as the file writes it (its code if none)."""
        years = self.region_years(region)
        return self._regions[(region, years[-1])].name if years else region

    def region_years(self, region: str) -> tuple[int, ...]:
        return tuple(sorted(y for r, y in self._regions if r == region))

    def region_params(self, region: str, year: int) -> RegionParams:
        if region not in self.region_names():
            raise DomainError("rules.region_unknown", region=region, known=list(self.region_names()))
        found = self._regions.get((region, year))
        if found is None:
            raise DomainError(
                "rules.region_year_unknown", region=region, year=year, known=list(self.region_years(region))
            )
        return found

    def adjustments(self, region: str) -> tuple[Adjustment, ...]:
        """The region's Art. 40 adjustments in the order they apply; none when it published none."""
        if region not in self.region_names() and region not in self._adjustments:
            raise DomainError("rules.region_unknown", region=region, known=list(self.region_names()))
        return self._adjustments.get(region, ())

    def disposable_income(self, year: int) -> DisposableIncome:
        found = self._income.get(year)
        if found is None:
            raise DomainError("rules.disposable_income_unknown", year=year, known=sorted(self._income))
        return found


def load_rules(directory: Path) -> RuleBook:
    """Read and validate ``national/*.json``, ``national/disposable_income.json`` and ``regions/*/*.json`` (the
    dependants register's part alone: dependants.register_rules_in_force)."""
    directory = Path(directory)
    national = [_parse_national(_Reader.open(path, directory), day) for day, path in national_files(directory)]
    income: dict[int, DisposableIncome] = {}
    income_file = directory / NATIONAL_DIR / DISPOSABLE_INCOME_FILE
    if income_file.exists():
        income = _parse_income(_Reader.open(income_file, directory))
    seen_versions: set[str] = set()
    for rules in national:
        if rules.rules_version in seen_versions:
            raise DomainError("rules.invalid_file", file=rules.source_file, problem="duplicate rules_version")
        seen_versions.add(rules.rules_version)
    found: dict[tuple[str, int], RegionParams] = {}
    adjustments: dict[str, tuple[Adjustment, ...]] = {}
    regions_dir = directory / "regions"
    if regions_dir.is_dir():
        from injury_desk.domain.compensation.adjustments import parse_adjustments

        for region_dir in sorted(p for p in regions_dir.iterdir() if p.is_dir()):
            for path in sorted(region_dir.glob("*.json")):
                if path.name == ADJUSTMENTS_FILE:
                    adjustments[region_dir.name] = parse_adjustments(_Reader.open(path, directory), region_dir.name)
                    continue
                m = _REGION_YEAR_NAME.match(path.name)
                if not m:
                    raise DomainError("rules.invalid_file", file=rel_path(path, directory), problem="name must be YYYY.json")
                params = _parse_region(_Reader.open(path, directory), region_dir.name, int(m.group(1)))
                found[(params.region, params.year)] = params
    return RuleBook(national, found, income, adjustments)


class _Reader(RulesFile):
    """A rules file with the compensation rules' own entries: payers, grades and benefits."""

    def payer(self, path: str) -> str:
        value = self.get(path)
        if value not in PAYERS:
            self.fail(path, f"payer must be one of {', '.join(PAYERS)}")
        return value

    def grade_key(self, path: str, key: str) -> int:
        if not key.isdigit() or int(key) < 1:
            self.fail(f"{path}.{key}", "grade keys must be whole numbers from 1")
        return int(key)

    def benefit(self, path: str) -> Benefit:
        return Benefit(payer=self.payer(f"{path}.payer"), basis=self.text(f"{path}.basis"))


def _parse_national(r: _Reader, file_date: str) -> NationalRules:
    check_national_day(r, file_date)
    try:
        effective_from = date.fromisoformat(file_date)
    except ValueError:
        r.fail("effective_from", "must be a date YYYY-MM-DD")

    subsidy_months: dict[int, GradeMonths] = {}
    for key, entry in r.obj("one_time_disability_subsidy.months_by_grade").items():
        path = f"one_time_disability_subsidy.months_by_grade.{key}"
        grade = r.grade_key("one_time_disability_subsidy.months_by_grade", key)
        subsidy_months[grade] = GradeMonths(months=r.number(f"{path}.months"), basis=r.text(f"{path}.basis"))
    if sorted(subsidy_months) != list(range(1, len(subsidy_months) + 1)):
        r.fail("one_time_disability_subsidy.months_by_grade", "grades must run 1..N without gaps")

    allowance: dict[int, AllowanceRule] = {}
    for key in r.obj("monthly_disability_allowance.by_grade"):
        path = f"monthly_disability_allowance.by_grade.{key}"
        grade = r.grade_key("monthly_disability_allowance.by_grade", key)
        if grade not in subsidy_months:
            r.fail(path, "grade not in one_time_disability_subsidy")
        allowance[grade] = AllowanceRule(
            share=r.number(f"{path}.share"),
            payer=r.payer(f"{path}.payer"),
            requires_employer_cannot_arrange_work=r.boolean(f"{path}.requires_employer_cannot_arrange_work"),
            basis=r.text(f"{path}.basis"),
        )

    end_grades = r.get("employment_end_subsidies.grades")
    if not isinstance(end_grades, list) or not end_grades:
        r.fail("employment_end_subsidies.grades", "must be a non-empty list of grades")
    end_grade_set = frozenset(r.grade_key("employment_end_subsidies.grades", str(g)) for g in end_grades)
    if not end_grade_set <= set(subsidy_months):
        r.fail("employment_end_subsidies.grades", "grade not in one_time_disability_subsidy")

    nursing_shares = {
        str(level): r.number(f"nursing_care_allowance.share_by_level.{level}", value)
        for level, value in r.obj("nursing_care_allowance.share_by_level").items()
    }
    floor_share = r.number("wage_base.floor_share")
    ceiling_share = r.number("wage_base.ceiling_share")
    if floor_share > ceiling_share:
        r.fail("wage_base", "floor_share must not exceed ceiling_share")
    register = read_register_rules(r)

    return NationalRules(
        rules_version=r.text("rules_version"),
        effective_from=effective_from,
        source_file=r.file,
        wage_base_basis=r.text("wage_base.basis"),
        months_averaged=r.whole("wage_base.months_averaged"),
        floor_share=floor_share,
        ceiling_share=ceiling_share,
        disability_subsidy=Benefit(payer=r.payer("one_time_disability_subsidy.payer"), basis=""),
        disability_subsidy_months=subsidy_months,
        allowance_by_grade=allowance,
        minimum_wage_top_up=r.boolean("monthly_disability_allowance.minimum_wage_top_up"),
        minimum_wage_top_up_basis=r.text("monthly_disability_allowance.minimum_wage_top_up_basis"),
        employment_end_grades=end_grade_set,
        medical_subsidy=r.benefit("employment_end_subsidies.one_time_medical_subsidy"),
        employment_subsidy=r.benefit("employment_end_subsidies.one_time_employment_subsidy"),
        nursing=r.benefit("nursing_care_allowance"),
        nursing_shares=nursing_shares,
        suspension=r.benefit("work_suspension"),
        suspension_months=r.whole("work_suspension.months"),
        suspension_extension_months=r.whole("work_suspension.extension_months"),
        funeral=r.benefit("funeral_subsidy"),
        funeral_months=r.number("funeral_subsidy.months"),
        dependants=r.benefit("dependants_pension"),
        spouse_share=register.spouse_share,
        other_share=register.other_share,
        lonely_supplement=register.lonely_supplement,
        dependants_cap_share=register.cap_share,
        death_subsidy=r.benefit("one_time_death_subsidy"),
        death_multiple=r.number("one_time_death_subsidy.multiple"),
        claim_life=_parse_claim_life(
            r,
            frozenset(subsidy_months),
            # the allowance a pension can replace is the fund's, paid until retirement (Art. 35)
            frozenset(g for g, rule in allowance.items()
                      if rule.payer == "fund" and not rule.requires_employer_cannot_arrange_work),
            register.ages,
        ),
    )


def _parse_claim_life(r, grades: frozenset[int], fund_allowance_grades: frozenset[int],
                      register_ages: RegisterAges) -> ClaimLifeRules:
    """The ``hospital_meal_allowance``, ``pension_top_up``, ``death_after_suspension`` and
    ``recognition_basis`` sections of a national rule file."""

    def grade_set(path: str, within: frozenset[int], outside: str) -> frozenset[int]:
        raw = r.get(path)
        if not isinstance(raw, list) or not raw:
            r.fail(path, "must be a non-empty list of grades")
        found = frozenset(r.grade_key(path, str(g)) for g in raw)
        if not found <= within:
            r.fail(path, outside)
        return found

    def item_codes(path: str) -> tuple[str, ...]:
        raw = r.get(path)
        if not isinstance(raw, list) or any(code not in ITEM_CODES for code in raw):
            r.fail(path, f"must be a list of item codes ({', '.join(ITEM_CODES)})")
        return tuple(raw)

    bases: dict[str, RecognitionBasis] = {}
    for key in r.obj("recognition_basis.choices"):
        path = f"recognition_basis.choices.{key}"
        bases[key] = RecognitionBasis(
            key=key,
            excluded_items=frozenset(item_codes(f"{path}.excluded_items")),
            requires_fatal=r.boolean(f"{path}.requires_fatal"),
            basis=r.text(f"{path}.basis"),
        )
    default = r.text("recognition_basis.default")
    if default not in bases:
        r.fail("recognition_basis.default", "must be one of the choices")
    return ClaimLifeRules(
        hospital_meal=r.benefit("hospital_meal_allowance"),
        pension_top_up=r.benefit("pension_top_up"),
        pension_top_up_grades=grade_set(
            "pension_top_up.grades", fund_allowance_grades, "grade without a lifelong allowance from the fund"
        ),
        death_after_suspension_grades=grade_set(
            "death_after_suspension.grades", grades, "grade not in one_time_disability_subsidy"
        ),
        death_after_suspension_items=item_codes("death_after_suspension.items"),
        death_after_suspension_basis=r.text("death_after_suspension.basis"),
        recognition_bases=bases,
        default_recognition_basis=default,
        register_ages=register_ages,
    )


def _parse_schedule(r: _Reader, path: str) -> Schedule:
    unit = r.get(f"{path}.unit")
    if unit not in SCHEDULE_UNITS:
        r.fail(f"{path}.unit", f"must be one of {', '.join(SCHEDULE_UNITS)}")
    months = {
        r.grade_key(f"{path}.months_by_grade", key): r.number(f"{path}.months_by_grade.{key}", value, positive=False)
        for key, value in r.obj(f"{path}.months_by_grade").items()
    }
    return Schedule(unit=unit, basis=r.text(f"{path}.basis"), months_by_grade=months)


def _parse_region(r: _Reader, folder: str, file_year: int) -> RegionParams:
    from injury_desk.domain.compensation.adjustments import region_header

    region, illustrative, label = region_header(r, folder)
    year = r.whole("year")
    if year != file_year:
        r.fail("year", f"must equal the file name year {file_year}")
    minimum = r.get("minimum_wage", None)
    meal = r.get("hospital_meal_allowance_per_day", None)
    return RegionParams(
        region=region,
        name=r.text("name"),
        year=year,
        params_version=r.text("params_version"),
        illustrative=illustrative,
        label=label,
        source=r.text("source"),
        source_file=r.file,
        average_monthly_wage=r.number("average_monthly_wage.value"),
        minimum_wage=None if minimum is None else r.number("minimum_wage.value"),
        medical_subsidy=_parse_schedule(r, "one_time_medical_subsidy"),
        employment_subsidy=_parse_schedule(r, "one_time_employment_subsidy"),
        hospital_meal_allowance_per_day=None if meal is None else r.number("hospital_meal_allowance_per_day.value"),
    )


def _parse_income(r: _Reader) -> dict[int, DisposableIncome]:
    result: dict[int, DisposableIncome] = {}
    for key in r.obj("by_year"):
        if not key.isdigit():
            r.fail(f"by_year.{key}", "year keys must be four-digit years")
        result[int(key)] = DisposableIncome(
            year=int(key), value=r.number(f"by_year.{key}.value"), source=r.text(f"by_year.{key}.source")
        )
    return result
