"""Message keys of the compensation engine and assessment services that messages.py does not translate yet."""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import QCoreApplication

from injury_desk.domain.errors import DomainError, FieldError, ValidationFailed
from injury_desk.ui.messages import error_text, field_label, fill, rule_text


def compensation_rules() -> dict[str, str]:
    """Rule keys -> sentences. A key ending in ``.named`` is used when the error names a sub-field."""
    return {
        "assessment.no_determination": QCoreApplication.translate("Messages", "a recognised or deemed work-related injury determination is needed before benefits can be calculated"),
        "assessment.no_appraisal": QCoreApplication.translate("Messages", "disability benefits need a concluded disability appraisal first"),
        "assessment.grade_mismatch": QCoreApplication.translate("Messages", "must be the appraised grade ({appraised}), not {value}"),
        "assessment.nursing_mismatch": QCoreApplication.translate("Messages", "must be the appraised nursing dependency ({appraised}), not {value}"),
        "assessment.injury_date_mismatch": QCoreApplication.translate("Messages", "must be the claim's accident date ({accident_date})"),
        "assessment.fatal_mismatch": QCoreApplication.translate("Messages", "must match the claim (fatal: {fatal})"),
        "assessment.already_proposed": QCoreApplication.translate("Messages", "this claim already has a proposal waiting for a supervisor"),
        "assessment.already_approved": QCoreApplication.translate("Messages", "this claim's assessment is already approved; approved assessments are never changed"),
        "assessment.not_found": QCoreApplication.translate("Messages", "the assessment does not exist or was deleted"),
        "assessment.not_proposed": QCoreApplication.translate("Messages", "only an open proposal can be approved or returned (this one is {status})"),
        "assessment.same_person": QCoreApplication.translate("Messages", "you proposed this assessment, so you cannot approve it: another supervisor must (four-eyes rule)"),
        "wage.month_format": QCoreApplication.translate("Messages", "must be a month like 2026-03 (got “{value}”)"),
        "wage.month_duplicate": QCoreApplication.translate("Messages", "month {value} is listed twice"),
        "wage.month_after_injury": QCoreApplication.translate("Messages", "month {value} is not before the injury ({accident_date}); only the months before it count"),
        "wage.months_fewer": QCoreApplication.translate("Messages", "{count} of the {expected} months before the injury have a wage; the calculation needs all {expected}"),
        "payment.not_found": QCoreApplication.translate("Messages", "the payment does not exist or was deleted"),
        "payment.already_paid": QCoreApplication.translate("Messages", "this payment was already recorded as paid on {paid_on}"),
        "payment.not_scheduled": QCoreApplication.translate("Messages", "only a scheduled payment can be paid (this one is {status})"),
        "calc.required": QCoreApplication.translate("Messages", "is required"),
        "calc.required.named": QCoreApplication.translate("Messages", "{name} is required"),
        "calc.type": QCoreApplication.translate("Messages", "has the wrong type (expected {expected})"),
        "calc.type.named": QCoreApplication.translate("Messages", "{name} has the wrong type (expected {expected})"),
        "calc.unknown_field": QCoreApplication.translate("Messages", "{name} is not a known field"),
        "calc.amount": QCoreApplication.translate("Messages", "is not an amount (got “{value}”)"),
        "calc.amount_negative": QCoreApplication.translate("Messages", "must not be negative (got {value})"),
        "calc.amount_positive": QCoreApplication.translate("Messages", "must be greater than zero (got {value})"),
        "calc.wage_negative": QCoreApplication.translate("Messages", "a wage must not be negative (got {value})"),
        "calc.wages_count": QCoreApplication.translate("Messages", "needs exactly {expected} monthly wages (got {count})"),
        "calc.wages_conflict": QCoreApplication.translate("Messages", "give either the monthly wages or the average monthly wage, not both"),
        "calc.date_format": QCoreApplication.translate("Messages", "must be a date like 2026-03-01 (got “{value}”)"),
        "calc.year_range": QCoreApplication.translate("Messages", "is not a plausible year (got {value})"),
        "calc.grade_range": QCoreApplication.translate("Messages", "must be between {min} and {max} (got {value})"),
        "calc.grade_with_fatal": QCoreApplication.translate("Messages", "a fatal case has no disability grade"),
        "calc.nursing_level_unknown": QCoreApplication.translate("Messages", "is not a known nursing dependency level (got {value})"),
        "calc.nursing_without_grade": QCoreApplication.translate("Messages", "nursing care needs an appraised disability grade"),
        "calc.allowance_after_employment_ended": QCoreApplication.translate("Messages", "the employer's monthly allowance ends with the employment (grade {grade}): untick one of the two"),
        "calc.region_required": QCoreApplication.translate("Messages", "the provincial subsidy schedules for grade {grade} need a region"),
        "calc.dependants_without_fatal": QCoreApplication.translate("Messages", "dependants' pensions apply only to a fatal case"),
        "calc.relation_unknown": QCoreApplication.translate("Messages", "is not a known relation (got {value})"),
        "calc.spouse_duplicate": QCoreApplication.translate("Messages", "at most one spouse"),
        "calc.suspension_range": QCoreApplication.translate("Messages", "must be {min} to {max} months (got {value})"),
        "calc.suspension_extension_required": QCoreApplication.translate("Messages", "more than {max} months needs the confirmed extension (got {value})"),
        "rules.region_unknown": QCoreApplication.translate("Messages", "there are no parameter files for region {region}"),
        "rules.region_year_unknown": QCoreApplication.translate("Messages", "there is no parameter file for region {region} and year {year}; ask the administrator to add it, or enter the figures by hand"),
        "rules.disposable_income_unknown": QCoreApplication.translate("Messages", "no national urban disposable income is on file for {year}; enter it by hand"),
        "rules.no_national_rules": QCoreApplication.translate("Messages", "no national rule set was in force on {date}"),
        "rules.invalid_file": QCoreApplication.translate("Messages", "the rule file {file} is broken ({problem}); tell the administrator"),
        "rules.directory_missing": QCoreApplication.translate("Messages", "the rule files are missing ({path}); tell the administrator"),
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
        return QCoreApplication.translate("Messages", "{list}, entry {number}: {field}").format(
            list=compensation_field_label(m.group(1)), number=int(m.group(2)) + 1,
            field=compensation_field_label(m.group(3)))
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
        text = QCoreApplication.translate("Messages", "entry {number}: {text}").format(
            number=params["index"] + 1, text=text)
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
