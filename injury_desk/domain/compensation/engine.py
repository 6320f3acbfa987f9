"""The statutory benefit engine: a validated input and a rule book in, explained line items out."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from decimal import ROUND_DOWN, Decimal, localcontext
from typing import Any

from injury_desk.domain.compensation.inputs import CalcInput
from injury_desk.domain.compensation.rules import ITEM_CODES, NationalRules, RegionParams, RuleBook
from injury_desk.domain.compensation.wording import ENGLISH
from injury_desk.domain.errors import DomainError
from injury_desk.domain.messages import Message, joined, render
from injury_desk.domain.money import format_amount, round_fen

__all__ = ["ITEM_CODES", "CalcResult", "LineItem", "calculate"]
INFORMATIONAL_CODES = frozenset({"wage_base"})
ONCE = "once"
MONTHLY = "monthly"
# Amounts stay far below 10**20 yuan, so products of two inputs are exact at this precision and the
# single division by the number of averaged months cannot land on the wrong side of a half fen.
_PRECISION = 60


@dataclass(frozen=True)
class LineItem:
    """One benefit: ``amount`` rounded once to the fen; ``payer`` is None for the informational wage base.

    ``formula_message`` and ``basis_message`` are the formula and the legal basis as message keys with
    parameters (the GUI translates them); ``formula`` and ``basis`` are their English wording.
    """

    code: str
    amount: Decimal
    period: str
    payer: str | None
    formula_message: Message
    basis_message: Message
    inputs: dict[str, str] = field(default_factory=dict)

    @property
    def informational(self) -> bool:
        return self.code in INFORMATIONAL_CODES

    @property
    def formula(self) -> str:
        return render(self.formula_message, ENGLISH)

    @property
    def basis(self) -> str:
        return render(self.basis_message, ENGLISH)

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
    life = national.claim_life
    params = rules.region_params(inp.region, inp.statistics_year) if inp.region is not None else None
    regional = inp.regional_average_monthly_wage
    regional_note = _regional_note(params, regional)
    items: list[LineItem] = []

    own, own_message = _own_average(inp, national)
    base, base_item = _wage_base(own, own_message, regional, regional_note, national)
    items.append(base_item)
    base_text = _num(base.value())

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
                _months_of_base(entry.months, base_text, amount),
                _basis(entry.basis),
                {"grade": str(grade), "months": _plain(entry.months)},
            )
        )
        allowance = national.allowance_by_grade.get(grade)
        if allowance is not None and (
            not allowance.requires_employer_cannot_arrange_work
            or (inp.employer_cannot_arrange_work and not inp.employment_ended)
        ):
            allowance_item = _allowance(inp, national, base, base_text, allowance)
            if inp.basic_pension is None:
                items.append(allowance_item)
            else:
                top_up = _pension_top_up(allowance_item, inp.basic_pension, national)
                if top_up is not None:
                    items.append(top_up)
        if inp.nursing_level is not None:
            share = national.nursing_shares[inp.nursing_level]
            amount = round_fen(regional * share)
            items.append(
                LineItem(
                    "nursing_care_allowance",
                    amount,
                    MONTHLY,
                    national.nursing.payer,
                    Message(
                        "calc.formula.share_of_regional_wage",
                        {"share": _pct(share), "regional": _num(regional), "amount": _num(amount)},
                    ),
                    _basis(national.nursing.basis, *regional_note),
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
                Message(
                    "calc.formula.suspension_wages",
                    {"months": str(inp.suspension_months), "own": _num(own.value()), "amount": _num(amount)},
                ),
                _basis(national.suspension.basis),
                {"months": str(inp.suspension_months), "extended": str(inp.suspension_extended).lower()},
            )
        )

    if inp.hospital_days:
        items.append(_hospital_meals(inp, life.hospital_meal, params))

    income_year = None
    if inp.fatal:
        amount = round_fen(regional * national.funeral_months)
        items.append(
            LineItem(
                "funeral_subsidy",
                amount,
                ONCE,
                national.funeral.payer,
                Message(
                    "calc.formula.months_of_regional_wage",
                    {"months": _plain(national.funeral_months), "regional": _num(regional), "amount": _num(amount)},
                ),
                _basis(national.funeral.basis, *regional_note),
                {"months": _plain(national.funeral_months)},
            )
        )
        if inp.dependants:
            items.append(_dependants(inp, national, base, base_text))
        if _death_subsidy_due(inp, national):
            death_item, income_year = _death_subsidy(inp, national, rules)
            items.append(death_item)

    if inp.death_after_suspension:
        # Art. 39 last paragraph: a grade 1-4 worker who dies after the suspension period leaves the
        # funeral subsidy and the dependants' pension only, each saying so in its basis
        items = [i if i.informational else _with_basis(i, life.death_after_suspension_basis) for i in items
                 if i.informational or i.code in life.death_after_suspension_items]
    excluded = life.recognition_bases[inp.recognition_basis].excluded_items
    items = [i for i in items if i.code not in excluded]

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


def _death_subsidy_due(inp: CalcInput, national: NationalRules) -> bool:
    """Art. 39(3), unless the death came after the suspension period (Art. 39 last paragraph)."""
    return inp.fatal and (
        not inp.death_after_suspension
        or "one_time_death_subsidy" in national.claim_life.death_after_suspension_items
    )


def _basis(text: str, *notes: Message) -> Message:
    """A rule file's legal basis, followed by notes naming the regional figures used."""
    rule = Message("calc.basis.rule", {"text": text})
    return joined("semicolon", (rule, *notes)) if notes else rule


def _with_basis(item: LineItem, text: str) -> LineItem:
    """``item`` with one more legal basis after its own."""
    return replace(item, basis_message=_basis_plus(item.basis_message, text))


def _basis_plus(basis: Message, text: str) -> Message:
    parts = tuple(basis.params["items"]) if basis.key == "list.semicolon" else (basis,)
    return joined("semicolon", (*parts, Message("calc.basis.rule", {"text": text})))


def _months_of_base(months: Decimal, base_text: str, amount: Decimal) -> Message:
    return Message(
        "calc.formula.months_of_wage_base", {"months": _plain(months), "base": base_text, "amount": _num(amount)}
    )


def _own_average(inp: CalcInput, national: NationalRules) -> tuple[_Exact, Message]:
    if inp.monthly_wages is not None:
        total = sum(inp.monthly_wages, Decimal(0))
        count = len(inp.monthly_wages)
        own = _Exact(total, count)
        return own, Message(
            "calc.formula.own_average.wages", {"total": _num(total), "count": str(count), "average": _num(own.value())}
        )
    if inp.average_monthly_wage is None:
        raise DomainError("calc.required", field="monthly_wages")
    return _Exact(inp.average_monthly_wage), Message(
        "calc.formula.own_average.given", {"average": _num(inp.average_monthly_wage)}
    )


def _wage_base(
    own: _Exact, own_message: Message, regional: Decimal, regional_note: tuple[Message, ...], national: NationalRules
) -> tuple[_Exact, LineItem]:
    floor = _Exact(regional * national.floor_share)
    ceiling = _Exact(regional * national.ceiling_share)
    shown = {"own": own_message, "regional": _num(regional)}
    if own.less_than(floor):
        base = floor
        formula = Message(
            "calc.formula.wage_base.below_floor",
            {**shown, "share": _pct(national.floor_share), "bound": _num(floor.value())},
        )
    elif ceiling.less_than(own):
        base = ceiling
        formula = Message(
            "calc.formula.wage_base.above_ceiling",
            {**shown, "share": _pct(national.ceiling_share), "bound": _num(ceiling.value())},
        )
    else:
        base = own
        formula = Message(
            "calc.formula.wage_base.within",
            {
                **shown,
                "floor_share": _pct(national.floor_share),
                "floor": _num(floor.value()),
                "ceiling_share": _pct(national.ceiling_share),
                "ceiling": _num(ceiling.value()),
            },
        )
    amount = base.rounded()
    formula = Message(formula.key, {**formula.params, "amount": _num(amount)})
    item = LineItem(
        "wage_base",
        amount,
        MONTHLY,
        None,
        formula,
        _basis(national.wage_base_basis, *regional_note),
        {"regional_average_monthly_wage": str(regional), "own_average": str(own.value())},
    )
    return base, item


def _allowance(inp: CalcInput, national: NationalRules, base: _Exact, base_text: str, rule) -> LineItem:
    exact = base.times(rule.share)
    shown = {"share": _pct(rule.share), "base": base_text}
    minimum = inp.minimum_wage
    if minimum is not None and national.minimum_wage_top_up and exact.less_than(_Exact(minimum)):
        amount = round_fen(minimum)
        formula = Message(
            "calc.formula.allowance_minimum_wage",
            {**shown, "exact": _num(exact.value()), "minimum": _num(minimum), "amount": _num(amount)},
        )
        basis = joined(
            "semicolon",
            (Message("calc.basis.rule", {"text": rule.basis}),
             Message("calc.basis.rule", {"text": national.minimum_wage_top_up_basis})),
        )
    else:
        amount = exact.rounded()
        basis = _basis(rule.basis)
        if _num(exact.value()) != _num(amount):
            formula = Message(
                "calc.formula.allowance_rounded", {**shown, "exact": _num(exact.value()), "amount": _num(amount)}
            )
        else:
            formula = Message("calc.formula.allowance", {**shown, "amount": _num(amount)})
    return LineItem(
        "monthly_disability_allowance",
        amount,
        MONTHLY,
        rule.payer,
        formula,
        basis,
        {"share": _plain(rule.share), "minimum_wage": "" if minimum is None else str(minimum)},
    )


def _pension_top_up(allowance: LineItem, pension: Decimal, national: NationalRules) -> LineItem | None:
    """Art. 35 para. 2, SIL Art. 40: after retirement the pension replaces the allowance; the fund pays
    the difference when the pension is lower, and nothing when it is not."""
    difference = allowance.amount - round_fen(pension)
    if difference <= 0:
        return None
    rule = national.claim_life.pension_top_up
    return LineItem(
        "pension_top_up",
        difference,
        MONTHLY,
        rule.payer,
        Message(
            "calc.formula.pension_top_up",
            {
                "allowance_formula": allowance.formula_message,
                "allowance": _num(allowance.amount),
                "pension": _num(pension),
                "amount": _num(difference),
            },
        ),
        _basis_plus(allowance.basis_message, rule.basis),
        {**allowance.inputs, "basic_pension": str(pension), "allowance": str(allowance.amount)},
    )


def _hospital_meals(inp: CalcInput, rule, params: RegionParams | None) -> LineItem:
    """Art. 30: the fund pays a meal allowance for each day in hospital at the region's daily standard."""
    rate = inp.hospital_meal_allowance_per_day
    assert rate is not None  # the input check refuses hospital days without a daily standard
    amount = round_fen(rate * inp.hospital_days)
    notes: tuple[Message, ...] = ()
    if params is not None and params.hospital_meal_allowance_per_day == rate:
        notes = (Message("calc.basis.hospital_meal_standard", {"source": _params_label(params)}),)
    return LineItem(
        "hospital_meal_allowance",
        amount,
        ONCE,
        rule.payer,
        Message(
            "calc.formula.hospital_meal_allowance",
            {"days": str(inp.hospital_days), "rate": _num(rate), "amount": _num(amount)},
        ),
        _basis(rule.basis, *notes),
        {"days": str(inp.hospital_days), "rate": str(rate)},
    )


def _death_subsidy(inp: CalcInput, national: NationalRules, rules: RuleBook) -> tuple[LineItem, int | None]:
    income = inp.national_urban_disposable_income
    income_year = None
    if income is None:
        found = rules.disposable_income(inp.statistics_year)
        income, income_year = found.value, found.year
    amount = round_fen(income * national.death_multiple)
    shown = {"multiple": _plain(national.death_multiple), "income": _num(income), "amount": _num(amount)}
    formula = (
        Message("calc.formula.death_subsidy", shown)
        if income_year is None
        else Message("calc.formula.death_subsidy_year", {**shown, "year": str(income_year)})
    )
    item = LineItem(
        "one_time_death_subsidy",
        amount,
        ONCE,
        national.death_subsidy.payer,
        formula,
        _basis(national.death_subsidy.basis),
        {"disposable_income": str(income)},
    )
    return item, income_year


def _schedule_item(
    code: str, national: NationalRules, params: RegionParams, grade: int, base: _Exact, base_text: str
) -> LineItem:
    benefit = national.medical_subsidy if code == "one_time_medical_subsidy" else national.employment_subsidy
    schedule = params.medical_subsidy if code == "one_time_medical_subsidy" else params.employment_subsidy
    months = schedule.months_by_grade.get(grade)
    if months is None:
        raise DomainError("rules.schedule_grade_missing", region=params.region, year=params.year, grade=grade, item=code)
    amount = base.times(months).rounded()
    return LineItem(
        code,
        amount,
        ONCE,
        benefit.payer,
        _months_of_base(months, base_text, amount),
        _basis(benefit.basis, Message("calc.basis.schedule", {"schedule": _rule_text(schedule.basis),
                                                              "source": _params_label(params)})),
        {"grade": str(grade), "months": _plain(months), "region_params_version": params.params_version},
    )


def _dependants(inp: CalcInput, national: NationalRules, base: _Exact, base_text: str) -> LineItem:
    parts = []
    total_share = Decimal(0)
    for dep in inp.dependants:
        share = national.spouse_share if dep.relation == "spouse" else national.other_share
        relation = Message(f"calc.relation.{dep.relation}")
        if dep.lonely_elderly_or_orphan:
            parts.append(
                Message(
                    "calc.formula.dependant_share_supplement",
                    {"relation": relation, "share": _pct(share), "supplement": _pct(national.lonely_supplement)},
                )
            )
            share += national.lonely_supplement
        else:
            parts.append(Message("calc.formula.dependant_share", {"relation": relation, "share": _pct(share)}))
        total_share += share
    shown: dict = {"shares": joined("plus", parts), "total": _pct(total_share), "base": base_text}
    if total_share > national.dependants_cap_share:
        total_share = national.dependants_cap_share
        amount = base.times(total_share).rounded()
        formula = Message(
            "calc.formula.dependants_pension_capped", {**shown, "cap": _pct(total_share), "amount": _num(amount)}
        )
    else:
        amount = base.times(total_share).rounded()
        formula = Message("calc.formula.dependants_pension", {**shown, "amount": _num(amount)})
    return LineItem(
        "dependants_pension",
        amount,
        MONTHLY,
        national.dependants.payer,
        formula,
        _basis(national.dependants.basis),
        {"dependants": str(len(inp.dependants)), "share": _plain(total_share)},
    )


def _regional_note(params: RegionParams | None, regional: Decimal) -> tuple[Message, ...]:
    if params is None or params.average_monthly_wage != regional:
        return ()
    return (Message("calc.basis.regional_wage", {"source": _params_label(params)}),)


def _params_label(params: RegionParams) -> Message:
    """The region's parameter file by name and year. The name (and label) are the rule file's own words, kept
    as rule texts so that the interface words them in its language (catalogue REGION_TEXTS), as the bases."""
    shown = {"name": _rule_text(params.name), "year": str(params.year)}
    # an invented figure must say so wherever it is printed, without repeating the region's own name
    if params.illustrative and params.label.lower() not in params.name.lower():
        return Message("calc.source.region_marked", {**shown, "label": _rule_text(params.label)})
    return Message("calc.source.region", shown)


def _rule_text(text: str) -> Message:
    return Message("calc.basis.rule", {"text": text})


def _num(value: Decimal) -> str:
    """Grouped with two decimals; a value that is not a whole fen shows four decimals and an ellipsis."""
    if value == round_fen(value):
        return f"{round_fen(value):,.2f}"
    return f"{value.quantize(Decimal('0.0001'), rounding=ROUND_DOWN):,.4f}…"


def _plain(value: Decimal) -> str:
    return format(value.normalize(), "f")


def _pct(share: Decimal) -> str:
    return f"{_plain(share * 100)}%"
