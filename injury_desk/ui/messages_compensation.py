"""Message keys of the compensation engine and assessment services that messages.py does not translate yet."""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import QCoreApplication

from injury_desk.domain.errors import DomainError, FieldError, ValidationFailed
from injury_desk.placeholders import Template, arg
from injury_desk.ui.messages import error_text, field_label, fill, rule_text


def compensation_rules() -> dict[str, str]:
    """Rule keys -> sentences. A key ending in ``.named`` is used when the error names a sub-field."""
    return {
        "assessment.no_determination": QCoreApplication.translate("Messages", "a recognised or deemed work-related injury determination is needed before benefits can be calculated"),
        "assessment.no_appraisal": QCoreApplication.translate("Messages", "disability benefits need a concluded disability appraisal first"),
        "assessment.grade_mismatch": Template(QCoreApplication.translate("Messages", "must be the appraised grade (%1), not %2"), 'appraised', 'value'),
        "assessment.nursing_mismatch": Template(QCoreApplication.translate("Messages", "must be the appraised nursing dependency (%1), not %2"), 'appraised', 'value'),
        "assessment.injury_date_mismatch": Template(QCoreApplication.translate("Messages", "must be the claim's accident date (%1)"), 'accident_date'),
        "assessment.fatal_mismatch": Template(QCoreApplication.translate("Messages", "must match the claim (fatal: %1)"), 'fatal'),
        "assessment.already_proposed": QCoreApplication.translate("Messages", "this claim already has a proposal waiting for a supervisor"),
        "assessment.already_approved": QCoreApplication.translate("Messages", "this claim's assessment is already approved; approved assessments are never changed"),
        "assessment.not_found": QCoreApplication.translate("Messages", "the assessment does not exist or was deleted"),
        "assessment.not_proposed": Template(QCoreApplication.translate("Messages", "only an open proposal can be approved or returned (this one is %1)"), 'status'),
        "assessment.same_person": QCoreApplication.translate("Messages", "you proposed this assessment, so you cannot approve it: another supervisor must (four-eyes rule)"),
        "wage.month_format": Template(QCoreApplication.translate("Messages", "must be a month like 2026-03 (got “%1”)"), 'value'),
        "wage.month_duplicate": Template(QCoreApplication.translate("Messages", "month %1 is listed twice"), 'value'),
        "wage.month_after_injury": Template(QCoreApplication.translate("Messages", "month %1 is not before the injury (%2); only the months before it count"), 'value', 'accident_date'),
        "wage.months_fewer": Template(QCoreApplication.translate("Messages", "%1 of the %2 months before the injury have a wage; the calculation needs all %2"), 'count', 'expected'),
        "payment.not_found": QCoreApplication.translate("Messages", "the payment does not exist or was deleted"),
        "payment.already_paid": Template(QCoreApplication.translate("Messages", "this payment was already recorded as paid on %1"), 'paid_on'),
        "payment.not_scheduled": Template(QCoreApplication.translate("Messages", "only a scheduled payment can be paid (this one is %1)"), 'status'),
        "calc.required": QCoreApplication.translate("Messages", "is required"),
        "calc.required.named": Template(QCoreApplication.translate("Messages", "%1 is required"), 'name'),
        "calc.type": Template(QCoreApplication.translate("Messages", "has the wrong type (expected %1)"), 'expected'),
        "calc.type.named": Template(QCoreApplication.translate("Messages", "%1 has the wrong type (expected %2)"), 'name', 'expected'),
        "calc.unknown_field": Template(QCoreApplication.translate("Messages", "%1 is not a known field"), 'name'),
        "calc.amount": Template(QCoreApplication.translate("Messages", "is not an amount (got “%1”)"), 'value'),
        "calc.amount_negative": Template(QCoreApplication.translate("Messages", "must not be negative (got %1)"), 'value'),
        "calc.amount_positive": Template(QCoreApplication.translate("Messages", "must be greater than zero (got %1)"), 'value'),
        "calc.wage_negative": Template(QCoreApplication.translate("Messages", "a wage must not be negative (got %1)"), 'value'),
        "calc.wages_count": Template(QCoreApplication.translate("Messages", "needs exactly %1 monthly wages (got %2)"), 'expected', 'count'),
        "calc.wages_conflict": QCoreApplication.translate("Messages", "give either the monthly wages or the average monthly wage, not both"),
        "calc.date_format": Template(QCoreApplication.translate("Messages", "must be a date like 2026-03-01 (got “%1”)"), 'value'),
        "calc.year_range": Template(QCoreApplication.translate("Messages", "is not a plausible year (got %1)"), 'value'),
        "calc.grade_range": Template(QCoreApplication.translate("Messages", "must be between %1 and %2 (got %3)"), 'min', 'max', 'value'),
        "calc.grade_with_fatal": QCoreApplication.translate("Messages", "a fatal case has no disability grade"),
        "calc.nursing_level_unknown": Template(QCoreApplication.translate("Messages", "is not a known nursing dependency level (got %1)"), 'value'),
        "calc.nursing_without_grade": QCoreApplication.translate("Messages", "nursing care needs an appraised disability grade"),
        "calc.allowance_after_employment_ended": Template(QCoreApplication.translate("Messages", "the employer's monthly allowance ends with the employment (grade %1): untick one of the two"), 'grade'),
        "calc.region_required": Template(QCoreApplication.translate("Messages", "the provincial subsidy schedules for grade %1 need a region"), 'grade'),
        "calc.dependants_without_fatal": QCoreApplication.translate("Messages", "dependants' pensions apply only to a fatal case"),
        "calc.relation_unknown": Template(QCoreApplication.translate("Messages", "is not a known relation (got %1)"), 'value'),
        "calc.spouse_duplicate": QCoreApplication.translate("Messages", "at most one spouse"),
        "calc.suspension_range": Template(QCoreApplication.translate("Messages", "must be %1 to %2 months (got %3)"), 'min', 'max', 'value'),
        "calc.suspension_extension_required": Template(QCoreApplication.translate("Messages", "more than %1 months needs the confirmed extension (got %2)"), 'max', 'value'),
        "rules.region_unknown": Template(QCoreApplication.translate("Messages", "there are no parameter files for region %1"), 'region'),
        "rules.region_year_unknown": Template(QCoreApplication.translate("Messages", "there is no parameter file for region %1 and year %2; ask the administrator to add it, or enter the figures by hand"), 'region', 'year'),
        "rules.disposable_income_unknown": Template(QCoreApplication.translate("Messages", "no national urban disposable income is on file for %1; enter it by hand"), 'year'),
        "rules.no_national_rules": Template(QCoreApplication.translate("Messages", "no national rule set was in force on %1"), 'date'),
        "rules.invalid_file": Template(QCoreApplication.translate("Messages", "the rule file %1 is broken (%2); tell the administrator"), 'file', 'problem'),
        "rules.directory_missing": Template(QCoreApplication.translate("Messages", "the rule files are missing (%1); tell the administrator"), 'path'),
    }


def compensation_fields() -> dict[str, str]:
    return {
        "injury_date": QCoreApplication.translate("Messages", "Injury date"),
        "monthly_wages": QCoreApplication.translate("Messages", "Monthly wages"),
        "average_monthly_wage": QCoreApplication.translate("Messages", "Average monthly wage"),
        "regional_average_monthly_wage": QCoreApplication.translate("Messages", "Regional average monthly wage"),
        "region": QCoreApplication.translate("Messages", "Region"),
        "year": QCoreApplication.translate("Messages", "Statistics year"),
        "minimum_wage": QCoreApplication.translate("Messages", "Minimum wage"),
        "employer_cannot_arrange_work": QCoreApplication.translate("Messages", "Employer cannot arrange suitable work"),
        "employment_ended": QCoreApplication.translate("Messages", "Employment ended"),
        "fatal": QCoreApplication.translate("Messages", "Fatal"),
        "dependants": QCoreApplication.translate("Messages", "Dependants"),
        "national_urban_disposable_income": QCoreApplication.translate("Messages", "National urban disposable income"),
        "suspension_months": QCoreApplication.translate("Messages", "Suspension months"),
        "suspension_extended": QCoreApplication.translate("Messages", "Suspension extended"),
        "wages": QCoreApplication.translate("Messages", "Wages"),
        "reason": QCoreApplication.translate("Messages", "Reason"),
        "paid_on": QCoreApplication.translate("Messages", "Paid on"),
        "reference": QCoreApplication.translate("Messages", "Reference"),
        "needs_appraisal": QCoreApplication.translate("Messages", "Appraisal"),
        "amount": QCoreApplication.translate("Messages", "Amount"),
        "month": QCoreApplication.translate("Messages", "Month"),
    }


_ENTRY = re.compile(r"^(\w+)\[(\d+)\]\.(\w+)$")


def compensation_field_label(name: str) -> str:
    """``wages[3].amount`` reads "Wages, entry 4: Amount"; other fields use the shared labels."""
    m = _ENTRY.match(name)
    if m:
        return arg(QCoreApplication.translate("Messages", "%1, entry %2: %3"), compensation_field_label(m.group(1)), int(m.group(2)) + 1, compensation_field_label(m.group(3)))
    return compensation_fields().get(name.rsplit(".", 1)[-1]) or field_label(name)


def compensation_rule_text(key: str, params: dict[str, Any] | None = None) -> str:
    params = dict(params or {})
    rules = compensation_rules()
    template = rules.get(f"{key}.named") if "name" in params else None
    template = template or rules.get(key)
    if template is None:
        return rule_text(key, params)
    text = fill(template, params)
    if isinstance(params.get("index"), int):
        # engine errors count list entries from 0; people count from 1
        text = arg(QCoreApplication.translate("Messages", "entry %1: %2"), params["index"] + 1, text)
    return text


def compensation_error_text(exc: BaseException) -> str:
    """Like messages.error_text, knowing the compensation keys too."""
    if isinstance(exc, ValidationFailed):
        return "\n".join(compensation_field_error_text(e) for e in exc.errors)
    if isinstance(exc, DomainError):
        return compensation_rule_text(exc.key, exc.params)
    return error_text(exc)


def compensation_field_error_text(err: FieldError) -> str:
    return f"{compensation_field_label(err.field)}: {compensation_rule_text(err.rule, err.params)}"
