"""The calculation input: its dataclass and the validation of a JSON-like document into it."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from injury_desk.domain.compensation.rules import RuleBook
from injury_desk.domain.errors import DomainError, FieldError, raise_if
from injury_desk.domain.money import MAX_AMOUNT, AmountError, parse_amount

RELATIONS = ("spouse", "child", "parent", "other")

FIELDS = (
    "injury_date",
    "monthly_wages",
    "average_monthly_wage",
    "regional_average_monthly_wage",
    "region",
    "year",
    "minimum_wage",
    "disability_grade",
    "nursing_level",
    "employer_cannot_arrange_work",
    "employment_ended",
    "fatal",
    "dependants",
    "national_urban_disposable_income",
    "suspension_months",
    "suspension_extended",
    "recognition_basis",
    "death_after_suspension",
    "hospital_days",
    "hospital_meal_allowance_per_day",
    "basic_pension",
)
# A hospital stay longer than a hundred years is a typing error, not a claim.
MAX_HOSPITAL_DAYS = 36_500
DEPENDANT_FIELDS = ("relation", "lonely_elderly_or_orphan")


@dataclass(frozen=True)
class Dependant:
    relation: str
    lonely_elderly_or_orphan: bool = False


@dataclass(frozen=True)
class CalcInput:
    """Validated input of one calculation, with looked-up parameters already resolved to numbers.

    ``monthly_wages`` (12 amounts) or ``average_monthly_wage`` is set, not both. ``region``/``year`` name the
    regional parameter file used (needed for the provincial subsidy schedules); explicit figures in the input
    take precedence over the file's.
    """

    injury_date: date
    regional_average_monthly_wage: Decimal
    monthly_wages: tuple[Decimal, ...] | None = None
    average_monthly_wage: Decimal | None = None
    region: str | None = None
    year: int | None = None
    minimum_wage: Decimal | None = None
    disability_grade: int | None = None
    nursing_level: str | None = None
    employer_cannot_arrange_work: bool = False
    employment_ended: bool = False
    fatal: bool = False
    dependants: tuple[Dependant, ...] = field(default_factory=tuple)
    national_urban_disposable_income: Decimal | None = None
    suspension_months: int = 0
    suspension_extended: bool = False
    recognition_basis: str = "art14"
    death_after_suspension: bool = False
    hospital_days: int = 0
    hospital_meal_allowance_per_day: Decimal | None = None
    basic_pension: Decimal | None = None

    @property
    def statistics_year(self) -> int:
        """Year of the published averages: the one given, else the year before the injury (Arts. 34, 39)."""
        return self.year if self.year is not None else self.injury_date.year - 1


def parse_calc_input(doc: Any, rules: RuleBook) -> CalcInput:
    """Validate a decoded JSON document; raise ValidationFailed with every broken rule at once."""
    errors: list[FieldError] = []

    def err(field_name: str, rule: str, /, **params: Any) -> None:
        errors.append(FieldError(field_name, rule, params))

    if not isinstance(doc, dict):
        err("input", "calc.type", expected="object")
        raise_if(errors)

    def given(name: str) -> bool:
        return doc.get(name) is not None

    for name in doc:
        if name not in FIELDS:
            err(str(name), "calc.unknown_field", name=str(name))

    injury_date = _date(doc, "injury_date", err)
    national = None
    if injury_date is not None:
        try:
            national = rules.national_for(injury_date)
        except DomainError as exc:
            err("injury_date", exc.key, **exc.params)
    # limits below come from the rule set; with no usable date, check against the newest one so all errors show
    limits = national or rules.latest_national()

    region = _text(doc, "region", err)
    year = _whole(doc, "year", err)
    if year is not None and not 1900 <= year <= 9999:
        err("year", "calc.year_range", value=year)
        year = None

    monthly_wages = _wages(doc, err, limits.months_averaged)
    average = _amount(doc, "average_monthly_wage", err, negative_rule="calc.wage_negative")
    if given("monthly_wages") and given("average_monthly_wage"):
        err("monthly_wages", "calc.wages_conflict", other="average_monthly_wage")
    elif not given("monthly_wages") and not given("average_monthly_wage"):
        err("monthly_wages", "calc.required", alternative="average_monthly_wage")

    regional = _amount(doc, "regional_average_monthly_wage", err, positive=True)
    minimum = _amount(doc, "minimum_wage", err, positive=True)

    params = None
    stats_year = year if year is not None else (injury_date.year - 1 if injury_date else None)
    if region is not None and stats_year is not None:
        try:
            params = rules.region_params(region, stats_year)
        except DomainError as exc:
            err("region" if exc.key == "rules.region_unknown" else "year", exc.key, **exc.params)
    if params is not None:
        if not given("regional_average_monthly_wage"):
            regional = params.average_monthly_wage
        if not given("minimum_wage"):
            minimum = params.minimum_wage
    elif not given("regional_average_monthly_wage") and not given("region"):
        err("regional_average_monthly_wage", "calc.required", alternative="region")

    fatal = _flag(doc, "fatal", err)
    employment_ended = _flag(doc, "employment_ended", err)
    cannot_arrange = _flag(doc, "employer_cannot_arrange_work", err)
    extended = _flag(doc, "suspension_extended", err)

    grade = None
    if doc.get("disability_grade") is not None:
        raw = doc["disability_grade"]
        if isinstance(raw, bool) or not isinstance(raw, int):
            err("disability_grade", "calc.type", expected="integer or null")
        elif raw not in limits.disability_subsidy_months:
            err("disability_grade", "calc.grade_range", min=min(limits.grades), max=max(limits.grades), value=raw)
        else:
            grade = raw
    after_suspension = _flag(doc, "death_after_suspension", err)
    life = limits.claim_life
    if after_suspension and not fatal:
        err("death_after_suspension", "calc.death_after_suspension_without_fatal")
    elif after_suspension and grade not in life.death_after_suspension_grades:
        # Art. 39 last paragraph speaks of grades 1-4 only; the grade is the one appraised before death
        err(
            "death_after_suspension",
            "calc.death_after_suspension_grade",
            value=_grade_shown(doc.get("disability_grade")),
            allowed=_grade_list(life.death_after_suspension_grades),
        )
    elif fatal and doc.get("disability_grade") is not None and not after_suspension:
        err("disability_grade", "calc.grade_with_fatal")

    nursing = None
    if doc.get("nursing_level") is not None:
        raw = doc["nursing_level"]
        if not isinstance(raw, str):
            err("nursing_level", "calc.type", expected="string or null")
        elif raw not in limits.nursing_shares:
            err("nursing_level", "calc.nursing_level_unknown", value=raw, allowed=sorted(limits.nursing_shares))
        else:
            nursing = raw
        # Art. 34: nursing care follows an appraised disability grade
        if doc.get("disability_grade") is None:
            err("nursing_level", "calc.nursing_without_grade")

    if grade is not None and employment_ended and cannot_arrange:
        rule = limits.allowance_by_grade.get(grade)
        if rule is not None and rule.requires_employer_cannot_arrange_work:
            # Art. 36: the employer pays the allowance only while the employment lasts
            err("employer_cannot_arrange_work", "calc.allowance_after_employment_ended", grade=grade)
    if (
        grade is not None
        and employment_ended
        and grade in limits.employment_end_grades
        and params is None
        and not any(e.field in ("region", "year") for e in errors)
    ):
        # the medical and employment subsidies follow provincial schedules only a region file holds
        err("region", "calc.region_required", reason="employment_ended", grade=grade)

    dependants = _dependants(doc, err)
    if dependants and not fatal:
        err("dependants", "calc.dependants_without_fatal")

    income = _amount(doc, "national_urban_disposable_income", err, positive=True)
    # after a death past the suspension period the one-time death subsidy is not due (Art. 39 last paragraph)
    death_subsidy_due = fatal and (
        not after_suspension or "one_time_death_subsidy" in life.death_after_suspension_items
    )
    if death_subsidy_due and not given("national_urban_disposable_income") and stats_year is not None:
        # only checked here; the engine looks it up so the result can name the year it used
        try:
            rules.disposable_income(stats_year)
        except DomainError as exc:
            err("national_urban_disposable_income", exc.key, **exc.params)

    months = 0
    if doc.get("suspension_months") is not None:
        raw = doc["suspension_months"]
        if isinstance(raw, bool) or not isinstance(raw, int):
            err("suspension_months", "calc.type", expected="integer")
        elif not 0 <= raw <= limits.max_suspension_months:
            err("suspension_months", "calc.suspension_range", min=0, max=limits.max_suspension_months, value=raw)
        elif raw > limits.suspension_months and not extended:
            err("suspension_months", "calc.suspension_extension_required", max=limits.suspension_months, value=raw)
        else:
            months = raw

    recognition = life.default_recognition_basis
    if doc.get("recognition_basis") is not None:
        raw = doc["recognition_basis"]
        if not isinstance(raw, str):
            err("recognition_basis", "calc.type", expected="string")
        elif raw not in life.recognition_bases:
            err("recognition_basis", "calc.recognition_basis_unknown", value=raw, allowed=", ".join(sorted(life.recognition_bases)))
        elif life.recognition_bases[raw].requires_fatal and not fatal:
            # Art. 15(1): sudden death at work, or within 48 hours: there is no such case without a death
            err("recognition_basis", "calc.recognition_basis_requires_fatal", value=raw)
        else:
            recognition = raw

    days = 0
    if doc.get("hospital_days") is not None:
        raw = doc["hospital_days"]
        if isinstance(raw, bool) or not isinstance(raw, int):
            err("hospital_days", "calc.type", expected="integer")
        elif not 0 <= raw <= MAX_HOSPITAL_DAYS:
            err("hospital_days", "calc.hospital_days_range", min=0, max=MAX_HOSPITAL_DAYS, value=raw)
        else:
            days = raw
    meal_rate = _amount(doc, "hospital_meal_allowance_per_day", err, positive=True)
    if given("hospital_meal_allowance_per_day") and not given("hospital_days"):
        err("hospital_meal_allowance_per_day", "calc.hospital_meal_rate_without_days")
    if meal_rate is None and params is not None and not given("hospital_meal_allowance_per_day"):
        meal_rate = params.hospital_meal_allowance_per_day
    if days > 0 and meal_rate is None and not given("hospital_meal_allowance_per_day"):
        # Art. 30: the daily standard is set by the region; with neither the input nor a region file naming it
        # there is nothing to multiply by
        err(
            "hospital_meal_allowance_per_day",
            "calc.hospital_meal_rate_required",
            region=region if params is not None else "",
            year=params.year if params is not None else "",
        )

    pension = _amount(doc, "basic_pension", err)
    if given("basic_pension") and not after_suspension and (
        fatal or grade not in life.pension_top_up_grades
    ):
        # Art. 35 para. 2, SIL Art. 40: only the fund's lifelong allowance (grades 1-4) meets a pension
        err(
            "basic_pension",
            "calc.basic_pension_grade",
            value=_grade_shown(None if fatal else doc.get("disability_grade")),
            allowed=_grade_list(life.pension_top_up_grades),
        )

    if after_suspension and fatal:
        # Art. 39 last paragraph: the family of a grade 1-4 worker who dies after the suspension period
        # gets the funeral subsidy and the dependants' pension only; anything else given is a mistake
        not_due = {
            "nursing_level": doc.get("nursing_level") is not None,
            "suspension_months": bool(doc.get("suspension_months")),
            "hospital_days": bool(doc.get("hospital_days")),
            "basic_pension": given("basic_pension"),
        }
        for name, present in not_due.items():
            if present:
                err(name, "calc.not_due_after_suspension", items=", ".join(life.death_after_suspension_items))

    raise_if(errors)
    assert injury_date is not None and regional is not None
    return CalcInput(
        injury_date=injury_date,
        regional_average_monthly_wage=regional,
        monthly_wages=monthly_wages,
        average_monthly_wage=average,
        region=region,
        year=year,
        minimum_wage=minimum,
        disability_grade=grade,
        nursing_level=nursing,
        employer_cannot_arrange_work=cannot_arrange,
        employment_ended=employment_ended,
        fatal=fatal,
        dependants=dependants,
        national_urban_disposable_income=income,
        suspension_months=months,
        suspension_extended=extended,
        recognition_basis=recognition,
        death_after_suspension=after_suspension,
        hospital_days=days,
        hospital_meal_allowance_per_day=meal_rate,
        basic_pension=pension,
    )


def _grade_shown(value: Any) -> str:
    """A grade as a message shows it: ``null`` (as the JSON input writes it) when there is none."""
    return "null" if value is None else str(value)


def _grade_list(grades: frozenset[int]) -> str:
    ordered = sorted(grades)
    if ordered == list(range(ordered[0], ordered[-1] + 1)) and len(ordered) > 2:
        return f"{ordered[0]}–{ordered[-1]}"
    return ", ".join(str(g) for g in ordered)


def _date(doc: dict, name: str, err) -> date | None:
    raw = doc.get(name)
    if raw is None:
        err(name, "calc.required")
        return None
    if not isinstance(raw, str):
        err(name, "calc.type", expected="date YYYY-MM-DD")
        return None
    try:
        return date.fromisoformat(raw)
    except ValueError:
        err(name, "calc.date_format", value=raw)
        return None


def _text(doc: dict, name: str, err) -> str | None:
    raw = doc.get(name)
    if raw is None:
        return None
    if not isinstance(raw, str) or not raw.strip():
        err(name, "calc.type", expected="non-empty string")
        return None
    return raw.strip()


def _whole(doc: dict, name: str, err) -> int | None:
    raw = doc.get(name)
    if raw is None:
        return None
    if isinstance(raw, bool) or not isinstance(raw, int):
        err(name, "calc.type", expected="integer")
        return None
    return raw


def _flag(doc: dict, name: str, err) -> bool:
    raw = doc.get(name, False)
    if raw is None:
        return False
    if not isinstance(raw, bool):
        err(name, "calc.type", expected="true or false")
        return False
    return raw


# Why an amount was refused, as the calc input's own message keys.
_AMOUNT_RULES = {"money.format": "calc.amount", "money.separator": "calc.amount_separator",
                 "money.too_large": "calc.amount_too_large"}


def _to_amount(raw: Any) -> tuple[Decimal | None, str | None]:
    """The amount, or None and the calc rule it broke."""
    try:
        return parse_amount(raw), None
    except AmountError as exc:
        return None, _AMOUNT_RULES[exc.rule]


def _shown(raw: Any) -> str:
    # a 5,000-digit number is named by its start, not printed whole
    if isinstance(raw, int) and not isinstance(raw, bool) and abs(raw) > MAX_AMOUNT:
        return "a number with more than 13 digits"
    text = str(raw)
    return text if len(text) <= 40 else text[:40] + "…"


def _amount(doc: dict, name: str, err, *, positive: bool = False, negative_rule: str = "calc.amount_negative"):
    raw = doc.get(name)
    if raw is None:
        return None
    value, rule = _to_amount(raw)
    if value is None:
        err(name, rule, value=_shown(raw), max=str(MAX_AMOUNT))
        return None
    if value < 0:
        err(name, negative_rule, value=str(value))
        return None
    if positive and value == 0:
        err(name, "calc.amount_positive", value=str(value))
        return None
    return value


def _wages(doc: dict, err, months: int) -> tuple[Decimal, ...] | None:
    raw = doc.get("monthly_wages")
    if raw is None:
        return None
    if not isinstance(raw, list):
        err("monthly_wages", "calc.type", expected=f"list of {months} amounts")
        return None
    ok = True
    if len(raw) != months:
        err("monthly_wages", "calc.wages_count", expected=months, count=len(raw))
        ok = False
    values: list[Decimal] = []
    for index, item in enumerate(raw):
        if item is None:
            err("monthly_wages", "calc.required", index=index)
            ok = False
            continue
        value, rule = _to_amount(item)
        if value is None:
            err("monthly_wages", rule, index=index, value=_shown(item), max=str(MAX_AMOUNT))
            ok = False
        elif value < 0:
            err("monthly_wages", "calc.wage_negative", index=index, value=str(value))
            ok = False
        else:
            values.append(value)
    return tuple(values) if ok else None


def _dependants(doc: dict, err) -> tuple[Dependant, ...]:
    raw = doc.get("dependants")
    if raw is None:
        return ()
    if not isinstance(raw, list):
        err("dependants", "calc.type", expected="list of objects")
        return ()
    result: list[Dependant] = []
    for index, item in enumerate(raw):
        if not isinstance(item, dict):
            err("dependants", "calc.type", index=index, expected="object")
            continue
        for key in item:
            if key not in DEPENDANT_FIELDS:
                err("dependants", "calc.unknown_field", index=index, name=str(key))
        relation = item.get("relation")
        if relation is None:
            err("dependants", "calc.required", index=index, name="relation")
            continue
        if not isinstance(relation, str) or relation not in RELATIONS:
            err("dependants", "calc.relation_unknown", index=index, value=str(relation), allowed=list(RELATIONS))
            continue
        lonely = item.get("lonely_elderly_or_orphan", False)
        if lonely is None:
            lonely = False
        if not isinstance(lonely, bool):
            err("dependants", "calc.type", index=index, name="lonely_elderly_or_orphan", expected="true or false")
            continue
        result.append(Dependant(relation, lonely))
    if sum(1 for d in result if d.relation == "spouse") > 1:
        err("dependants", "calc.spouse_duplicate")
    return tuple(result)
