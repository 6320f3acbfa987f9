"""The statutory benefit engine: a validated input and a rule book in, explained line items out."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import ROUND_DOWN, Decimal, localcontext
from typing import Any

from injury_desk.domain.compensation.inputs import CalcInput
from injury_desk.domain.compensation.rules import NationalRules, RegionParams, RuleBook
from injury_desk.domain.errors import DomainError
from injury_desk.domain.money import format_amount, round_fen

ITEM_CODES = (
    "wage_base",
    "one_time_disability_subsidy",
    "monthly_disability_allowance",
    "nursing_care_allowance",
    "one_time_medical_subsidy",
    "one_time_employment_subsidy",
    "work_suspension_wages",
    "funeral_subsidy",
    "dependants_pension",
    "one_time_death_subsidy",
)
INFORMATIONAL_CODES = frozenset({"wage_base"})
ONCE = "once"
MONTHLY = "monthly"
# Amounts stay far below 10**20 yuan, so products of two inputs are exact at this precision and the
# single division by the number of averaged months cannot land on the wrong side of a half fen.
_PRECISION = 60


@dataclass(frozen=True)
class LineItem:
    """One benefit: ``amount`` rounded once to the fen; ``payer`` is None for the informational wage base."""

    code: str
    amount: Decimal
    period: str
    payer: str | None
    basis: str
    formula: str
    inputs: dict[str, str] = field(default_factory=dict)

    @property
    def informational(self) -> bool:
        return self.code in INFORMATIONAL_CODES

    def to_json_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "amount": format_amount(self.amount),
            "period": self.period,
            "payer": self.payer,
            "basis": self.basis,
            "formula": self.formula,
        }


@dataclass(frozen=True)
class CalcResult:
    """The line items with their totals and the versions of the rules and parameters used."""

    items: tuple[LineItem, ...]
    total_once: Decimal
    total_monthly: Decimal
    rules_version: str
    region_params_version: str | None = None
    disposable_income_year: int | None = None
    illustrative_parameters: bool = False

    @property
    def versions(self) -> dict[str, Any]:
        """What an approved assessment must store to be reproducible."""
        return {
            "rules_version": self.rules_version,
            "region_params_version": self.region_params_version,
            "disposable_income_year": self.disposable_income_year,
            "illustrative_parameters": self.illustrative_parameters,
        }

    def item(self, code: str) -> LineItem | None:
        return next((i for i in self.items if i.code == code), None)

    def to_json_dict(self) -> dict[str, Any]:
        return {
            "items": [i.to_json_dict() for i in self.items],
            "total_once": format_amount(self.total_once),
            "total_monthly": format_amount(self.total_monthly),
        }


@dataclass(frozen=True)
class _Exact:
    """``numerator / denominator`` kept apart so an average of 12 wages is divided only at the final rounding."""

    numerator: Decimal
    denominator: int = 1

    def times(self, factor: Decimal) -> _Exact:
        return _Exact(self.numerator * factor, self.denominator)

    def value(self) -> Decimal:
        return self.numerator / self.denominator

    def less_than(self, other: _Exact) -> bool:
        return self.numerator * other.denominator < other.numerator * self.denominator

    def rounded(self) -> Decimal:
        return round_fen(self.value())


def calculate(inp: CalcInput, rules: RuleBook) -> CalcResult:
    """Every benefit the input qualifies for, each with its formula and legal basis; pure."""
    with localcontext() as ctx:
        ctx.prec = _PRECISION
        return _calculate(inp, rules)


def _calculate(inp: CalcInput, rules: RuleBook) -> CalcResult:
    national = rules.national_for(inp.injury_date)
    params = rules.region_params(inp.region, inp.statistics_year) if inp.region is not None else None
    regional = inp.regional_average_monthly_wage
    regional_note = _regional_note(params, regional)
    items: list[LineItem] = []

    own, own_text = _own_average(inp, national)
    base, base_item = _wage_base(own, own_text, regional, regional_note, national)
    items.append(base_item)
    base_text = f"{_num(base.value())} wage base"

    grade = inp.disability_grade
    if grade is not None and not inp.fatal:
        entry = national.disability_subsidy_months[grade]
        amount = base.times(entry.months).rounded()
        items.append(
            LineItem(
                "one_time_disability_subsidy",
                amount,
                ONCE,
                national.disability_subsidy.payer,
                entry.basis,
                f"{_plain(entry.months)} months × {base_text} = {_num(amount)}",
                {"grade": str(grade), "months": _plain(entry.months)},
            )
        )
        allowance = national.allowance_by_grade.get(grade)
        if allowance is not None and (
            not allowance.requires_employer_cannot_arrange_work
            or (inp.employer_cannot_arrange_work and not inp.employment_ended)
        ):
            items.append(_allowance(inp, national, base, base_text, allowance))
        if inp.nursing_level is not None:
            share = national.nursing_shares[inp.nursing_level]
            amount = round_fen(regional * share)
            items.append(
                LineItem(
                    "nursing_care_allowance",
                    amount,
                    MONTHLY,
                    national.nursing.payer,
                    national.nursing.basis + regional_note,
                    f"{_pct(share)} × {_num(regional)} regional average monthly wage = {_num(amount)}",
                    {"nursing_level": inp.nursing_level, "share": _plain(share)},
                )
            )
        if inp.employment_ended and grade in national.employment_end_grades:
            if params is None:
                raise DomainError("calc.region_required", reason="employment_ended", grade=grade)
            items.append(_schedule_item("one_time_medical_subsidy", national, params, grade, base, base_text))
            items.append(_schedule_item("one_time_employment_subsidy", national, params, grade, base, base_text))

    if inp.suspension_months:
        months = Decimal(inp.suspension_months)
        amount = own.times(months).rounded()
        items.append(
            LineItem(
                "work_suspension_wages",
                amount,
                ONCE,
                national.suspension.payer,
                national.suspension.basis,
                f"{inp.suspension_months} months × {_num(own.value())} own average monthly wage "
                f"(original wage, not bounded) = {_num(amount)}",
                {"months": str(inp.suspension_months), "extended": str(inp.suspension_extended).lower()},
            )
        )

    income_year = None
    if inp.fatal:
        amount = round_fen(regional * national.funeral_months)
        items.append(
            LineItem(
                "funeral_subsidy",
                amount,
                ONCE,
                national.funeral.payer,
                national.funeral.basis + regional_note,
                f"{_plain(national.funeral_months)} months × {_num(regional)} regional average monthly wage "
                f"= {_num(amount)}",
                {"months": _plain(national.funeral_months)},
            )
        )
        if inp.dependants:
            items.append(_dependants(inp, national, base, base_text))
        income = inp.national_urban_disposable_income
        income_note = ""
        if income is None:
            found = rules.disposable_income(inp.statistics_year)
            income, income_year = found.value, found.year
            income_note = f" ({found.year})"
        amount = round_fen(income * national.death_multiple)
        items.append(
            LineItem(
                "one_time_death_subsidy",
                amount,
                ONCE,
                national.death_subsidy.payer,
                national.death_subsidy.basis,
                f"{_plain(national.death_multiple)} × {_num(income)} national urban per-capita disposable "
                f"income{income_note} = {_num(amount)}",
                {"disposable_income": str(income)},
            )
        )

    counted = [i for i in items if not i.informational]
    return CalcResult(
        items=tuple(items),
        total_once=sum((i.amount for i in counted if i.period == ONCE), Decimal("0.00")),
        total_monthly=sum((i.amount for i in counted if i.period == MONTHLY), Decimal("0.00")),
        rules_version=national.rules_version,
        region_params_version=params.params_version if params is not None else None,
        disposable_income_year=income_year,
        illustrative_parameters=params is not None and params.illustrative,
    )


def _own_average(inp: CalcInput, national: NationalRules) -> tuple[_Exact, str]:
    if inp.monthly_wages is not None:
        total = sum(inp.monthly_wages, Decimal(0))
        count = len(inp.monthly_wages)
        own = _Exact(total, count)
        return own, f"{_num(total)} ÷ {count} = {_num(own.value())}"
    if inp.average_monthly_wage is None:
        raise DomainError("calc.required", field="monthly_wages")
    return _Exact(inp.average_monthly_wage), f"average monthly wage {_num(inp.average_monthly_wage)}"


def _wage_base(
    own: _Exact, own_text: str, regional: Decimal, regional_note: str, national: NationalRules
) -> tuple[_Exact, LineItem]:
    floor = _Exact(regional * national.floor_share)
    ceiling = _Exact(regional * national.ceiling_share)
    floor_text = f"{_pct(national.floor_share)} × {_num(regional)} = {_num(floor.value())}"
    ceiling_text = f"{_pct(national.ceiling_share)} × {_num(regional)} = {_num(ceiling.value())}"
    if own.less_than(floor):
        base, bound = floor, f" < {floor_text}"
    elif ceiling.less_than(own):
        base, bound = ceiling, f" > {ceiling_text}"
    else:
        base, bound = own, f", within {floor_text} .. {ceiling_text}"
    amount = base.rounded()
    item = LineItem(
        "wage_base",
        amount,
        MONTHLY,
        None,
        national.wage_base_basis + regional_note,
        f"{own_text}{bound} → {_num(amount)}",
        {"regional_average_monthly_wage": str(regional), "own_average": str(own.value())},
    )
    return base, item


def _allowance(inp: CalcInput, national: NationalRules, base: _Exact, base_text: str, rule) -> LineItem:
    exact = base.times(rule.share)
    formula = f"{_pct(rule.share)} × {base_text} = {_num(exact.value())}"
    basis = rule.basis
    minimum = inp.minimum_wage
    if minimum is not None and national.minimum_wage_top_up and exact.less_than(_Exact(minimum)):
        amount = round_fen(minimum)
        formula += f" < minimum wage {_num(minimum)} → {_num(amount)}"
        basis = f"{rule.basis}; {national.minimum_wage_top_up_basis}"
    else:
        amount = exact.rounded()
        if _num(exact.value()) != _num(amount):
            formula += f" → {_num(amount)}"
    return LineItem(
        "monthly_disability_allowance",
        amount,
        MONTHLY,
        rule.payer,
        basis,
        formula,
        {"share": _plain(rule.share), "minimum_wage": "" if minimum is None else str(minimum)},
    )


def _schedule_item(
    code: str, national: NationalRules, params: RegionParams, grade: int, base: _Exact, base_text: str
) -> LineItem:
    benefit = national.medical_subsidy if code == "one_time_medical_subsidy" else national.employment_subsidy
    schedule = params.medical_subsidy if code == "one_time_medical_subsidy" else params.employment_subsidy
    months = schedule.months_by_grade.get(grade)
    if months is None:
        raise DomainError("rules.schedule_grade_missing", region=params.region, year=params.year, grade=grade, item=code)
    amount = base.times(months).rounded()
    basis = f"{benefit.basis}; {schedule.basis} ({_params_label(params)})"
    return LineItem(
        code,
        amount,
        ONCE,
        benefit.payer,
        basis,
        f"{_plain(months)} months × {base_text} = {_num(amount)}",
        {"grade": str(grade), "months": _plain(months), "region_params_version": params.params_version},
    )


def _dependants(inp: CalcInput, national: NationalRules, base: _Exact, base_text: str) -> LineItem:
    parts = []
    total_share = Decimal(0)
    for dep in inp.dependants:
        share = national.spouse_share if dep.relation == "spouse" else national.other_share
        text = f"{dep.relation} {_pct(share)}"
        if dep.lonely_elderly_or_orphan:
            share += national.lonely_supplement
            text += f"+{_pct(national.lonely_supplement)}"
        parts.append(text)
        total_share += share
    formula = " + ".join(parts) + f" = {_pct(total_share)}"
    if total_share > national.dependants_cap_share:
        formula += f" > cap {_pct(national.dependants_cap_share)}"
        total_share = national.dependants_cap_share
        formula += f" → {_pct(total_share)}"
    amount = base.times(total_share).rounded()
    formula += f"; {_pct(total_share)} × {base_text} = {_num(amount)}"
    return LineItem(
        "dependants_pension",
        amount,
        MONTHLY,
        national.dependants.payer,
        national.dependants.basis,
        formula,
        {"dependants": str(len(inp.dependants)), "share": _plain(total_share)},
    )


def _regional_note(params: RegionParams | None, regional: Decimal) -> str:
    if params is None or params.average_monthly_wage != regional:
        return ""
    return f"; regional average monthly wage: {_params_label(params)}"


def _params_label(params: RegionParams) -> str:
    label = f"{params.name}, {params.year}"
    # an invented figure must say so wherever it is printed, without repeating the region's own name
    if params.illustrative and params.label.lower() not in params.name.lower():
        label += f" [{params.label}]"
    return label


def _num(value: Decimal) -> str:
    """Grouped with two decimals; a value that is not a whole fen shows four decimals and an ellipsis."""
    if value == round_fen(value):
        return f"{round_fen(value):,.2f}"
    return f"{value.quantize(Decimal('0.0001'), rounding=ROUND_DOWN):,.4f}…"


def _plain(value: Decimal) -> str:
    return format(value.normalize(), "f")


def _pct(share: Decimal) -> str:
    return f"{_plain(share * 100)}%"
