"""Turns message keys with parameters (from services and domain) into translated sentences."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

from injury_desk.domain.errors import DomainError, FieldError, ValidationFailed
from injury_desk.placeholders import Template, arg, fill


def _rules() -> dict[str, str]:
    return {
        "field.required": QCoreApplication.translate("Messages", "is required"),
        "field.too_long": Template(QCoreApplication.translate("Messages", "is too long: at most %1 characters (now %2)"), 'max', 'actual'),
        "field.date_format": Template(QCoreApplication.translate("Messages", "must be a date like 2026-03-01 (got “%1”)"), 'value'),
        "field.date_in_future": Template(QCoreApplication.translate("Messages", "cannot be in the future (%1 is after today, %2)"), 'value', 'today'),
        "field.integer": Template(QCoreApplication.translate("Messages", "must be a whole number (got “%1”)"), 'value'),
        "field.range": Template(QCoreApplication.translate("Messages", "must be between %1 and %2 (got %3)"), 'min', 'max', 'value'),
        "field.boolean": Template(QCoreApplication.translate("Messages", "must be yes or no (got “%1”)"), 'value'),
        "field.choice": Template(QCoreApplication.translate("Messages", "“%1” is not one of the allowed values"), 'value'),
        "field.time_format": Template(QCoreApplication.translate("Messages", "must be a time like 09:30 (got “%1”)"), 'value'),
        "money.format": Template(QCoreApplication.translate("Messages", "must be an amount in yuan like 1234.56 (got “%1”)"), 'value'),
        "money.negative": Template(QCoreApplication.translate("Messages", "cannot be negative (got %1)"), 'value'),
        "money.fen_precision": Template(QCoreApplication.translate("Messages", "cannot have more than two decimals (got %1)"), 'value'),
        "id_number.required": QCoreApplication.translate("Messages", "is required"),
        "id_number.length": Template(QCoreApplication.translate("Messages", "must have %1 characters (now %2)"), 'expected', 'actual'),
        "id_number.charset": QCoreApplication.translate("Messages", "may contain only digits, and X as the last character"),
        "id_number.region": Template(QCoreApplication.translate("Messages", "starts with an unknown region code %1"), 'code'),
        "id_number.birth_date_invalid": Template(QCoreApplication.translate("Messages", "contains an impossible birth date (%1)"), 'digits'),
        "id_number.birth_date_too_early": Template(QCoreApplication.translate("Messages", "contains a birth date before %1"), 'earliest'),
        "id_number.birth_date_future": Template(QCoreApplication.translate("Messages", "contains a birth date in the future (%1)"), 'birth_date'),
        "id_number.check_digit": QCoreApplication.translate("Messages", "has a wrong check digit (GB 11643): please re-read the ID card"),
        "credit_code.required": QCoreApplication.translate("Messages", "is required"),
        "credit_code.length": Template(QCoreApplication.translate("Messages", "must have %1 characters (now %2)"), 'expected', 'actual'),
        "credit_code.charset": Template(QCoreApplication.translate("Messages", "contains characters not used in credit codes: %1"), 'invalid'),
        "credit_code.check_char": QCoreApplication.translate("Messages", "has a wrong check character (GB 32100): please re-read the licence"),
        "person.sex_mismatch": Template(QCoreApplication.translate("Messages", "does not match the ID number (the ID number says %1)"), 'expected'),
        "person.birth_date_mismatch": Template(QCoreApplication.translate("Messages", "does not match the ID number (the ID number says %1)"), 'expected'),
        "person.id_number_taken": QCoreApplication.translate("Messages", "belongs to a person already registered"),
        "person.name_mismatch": Template(QCoreApplication.translate("Messages", "differs from the registered name “%1” for this ID number"), 'existing'),
        "person.not_found": QCoreApplication.translate("Messages", "no such person"),
        "employer.unknown": QCoreApplication.translate("Messages", "is not a known employer"),
        "employer.required": QCoreApplication.translate("Messages", "choose an existing employer or enter a new one"),
        "employer.credit_code_taken": QCoreApplication.translate("Messages", "belongs to an employer already registered"),
        "claim.birth_after_accident": Template(QCoreApplication.translate("Messages", "is before the worker's birth date (%1)"), 'birth_date'),
        "claim.duplicate": Template(QCoreApplication.translate("Messages", "this worker already has claim %1 for an accident on this date"), 'claim_no'),
        "claim.duplicate_deleted": Template(QCoreApplication.translate("Messages", "a deleted claim %1 exists for this worker and accident date; ask a supervisor about it instead of entering it again"), 'claim_no'),
        "claim.application_incomplete": QCoreApplication.translate("Messages", "give both who applies and the date received"),
        "claim.application_before_accident": Template(QCoreApplication.translate("Messages", "cannot be before the accident (%1)"), 'accident_date'),
        "claim.application_late": Template(QCoreApplication.translate("Messages", "the application arrived %1 days after the deadline %2 (%3)"), 'days_late', 'due', 'basis'),
        "claim.transition_not_allowed": Template(QCoreApplication.translate("Messages", "a claim cannot go from %1 to %2"), 'from', 'to'),
        "claim.applicant_required": QCoreApplication.translate("Messages", "who applies is required"),
        "claim.application_date_required": QCoreApplication.translate("Messages", "the date the application was received is required"),
        "claim.accepted_on_required": QCoreApplication.translate("Messages", "the acceptance date is required"),
        "claim.accepted_before_received": Template(QCoreApplication.translate("Messages", "cannot be before the application was received (%1)"), 'application_received_on'),
        "claim.outcome_required": QCoreApplication.translate("Messages", "record the determination first"),
        "claim.decided_on_required": QCoreApplication.translate("Messages", "the decision date is required"),
        "claim.decided_before_accepted": Template(QCoreApplication.translate("Messages", "cannot be before the acceptance (%1)"), 'accepted_on'),
        "claim.outcome_not_recognised": QCoreApplication.translate("Messages", "the injury was not recognised: the claim can only be closed"),
        "claim.outcome_recognised": QCoreApplication.translate("Messages", "a recognised injury is closed after payment, not after the decision"),
        "claim.fatal_no_appraisal": QCoreApplication.translate("Messages", "a fatal case has no disability appraisal"),
        "claim.appraisal_request_required": QCoreApplication.translate("Messages", "the appraisal request date is required"),
        "claim.appraisal_request_before_decision": Template(QCoreApplication.translate("Messages", "cannot be before the decision (%1)"), 'decided_on'),
        "claim.appraisal_needed": QCoreApplication.translate("Messages", "this claim needs a disability appraisal first"),
        "claim.appraised_on_required": QCoreApplication.translate("Messages", "the appraisal conclusion date is required"),
        "claim.appraised_before_request": Template(QCoreApplication.translate("Messages", "cannot be before the appraisal request (%1)"), 'requested_on'),
        "claim.disability_grade_range": Template(QCoreApplication.translate("Messages", "must be between %1 and %2"), 'min', 'max'),
        "claim.assessment_not_approved": QCoreApplication.translate("Messages", "the benefit assessment must be approved first"),
        "claim.wrong_status": Template(QCoreApplication.translate("Messages", "not possible while the claim is in status %1"), 'status'),
        "claim.appraisal_already_extended": QCoreApplication.translate("Messages", "the appraisal period was already extended once (Art. 25)"),
        "claim.not_found": QCoreApplication.translate("Messages", "the claim does not exist or was deleted"),
        "claim.number_taken": Template(QCoreApplication.translate("Messages", "claim number %1 is already used"), 'claim_no'),
        "record.changed_since_loaded": QCoreApplication.translate("Messages", "someone changed this record after you opened it; reopen it to see the change"),
        "permission.denied": Template(QCoreApplication.translate("Messages", "your role (%1) may not do this (%2)"), 'role', 'permission'),
        "permission.other_office": QCoreApplication.translate("Messages", "this record belongs to another office"),
        "auth.invalid_credentials": QCoreApplication.translate("Messages", "unknown user name or wrong password"),
        "user.role_unknown": QCoreApplication.translate("Messages", "is not a known role"),
        "user.password_too_short": Template(QCoreApplication.translate("Messages", "must have at least %1 characters"), 'min'),
        "user.username_taken": QCoreApplication.translate("Messages", "is already taken"),
        "store.network_path": Template(QCoreApplication.translate("Messages", "The database %1 is on a network drive. SQLite is not safe there: use a folder on this computer's own disk."), 'path'),
        "store.not_a_database": Template(QCoreApplication.translate("Messages", "%1 is not a database file. It was left untouched."), 'path'),
        "store.damaged": Template(QCoreApplication.translate("Messages", "The database %1 is damaged (%2). It was left untouched: restore a backup."), 'path', 'detail'),
        "store.foreign_database": Template(QCoreApplication.translate("Messages", "%1 is a database of another program. It was left untouched."), 'path'),
        "store.not_a_file": Template(QCoreApplication.translate("Messages", "%1 is a folder, not a database file."), 'path'),
        "validation.failed": Template(QCoreApplication.translate("Messages", "Please correct the %1 marked field(s)."), 'count'),
    }


def _fields() -> dict[str, str]:
    return {
        "id_number": QCoreApplication.translate("Messages", "ID number"),
        "name": QCoreApplication.translate("Messages", "Name"),
        "sex": QCoreApplication.translate("Messages", "Sex"),
        "birth_date": QCoreApplication.translate("Messages", "Birth date"),
        "phone": QCoreApplication.translate("Messages", "Phone"),
        "address": QCoreApplication.translate("Messages", "Address"),
        "credit_code": QCoreApplication.translate("Messages", "Unified social credit code"),
        "industry": QCoreApplication.translate("Messages", "Industry"),
        "risk_class": QCoreApplication.translate("Messages", "Risk class"),
        "headcount": QCoreApplication.translate("Messages", "Headcount"),
        "contact_name": QCoreApplication.translate("Messages", "Contact person"),
        "contact_phone": QCoreApplication.translate("Messages", "Contact phone"),
        "accident_date": QCoreApplication.translate("Messages", "Accident date"),
        "accident_time": QCoreApplication.translate("Messages", "Accident time"),
        "accident_place": QCoreApplication.translate("Messages", "Accident place"),
        "circumstances": QCoreApplication.translate("Messages", "Circumstances"),
        "body_parts": QCoreApplication.translate("Messages", "Injured body parts"),
        "diagnosis": QCoreApplication.translate("Messages", "Diagnosis"),
        "applicant_type": QCoreApplication.translate("Messages", "Applicant"),
        "application_received_on": QCoreApplication.translate("Messages", "Application received on"),
        "accepted_on": QCoreApplication.translate("Messages", "Accepted on"),
        "decided_on": QCoreApplication.translate("Messages", "Decided on"),
        "outcome": QCoreApplication.translate("Messages", "Determination"),
        "basis": QCoreApplication.translate("Messages", "Legal basis"),
        "appraisal_requested_on": QCoreApplication.translate("Messages", "Appraisal requested on"),
        "appraised_on": QCoreApplication.translate("Messages", "Appraised on"),
        "disability_grade": QCoreApplication.translate("Messages", "Disability grade"),
        "nursing_level": QCoreApplication.translate("Messages", "Nursing dependency"),
        "employer_id": QCoreApplication.translate("Messages", "Employer"),
        "worker_id": QCoreApplication.translate("Messages", "Worker"),
        "status": QCoreApplication.translate("Messages", "Status"),
        "username": QCoreApplication.translate("Messages", "User name"),
        "password": QCoreApplication.translate("Messages", "Password"),
        "role": QCoreApplication.translate("Messages", "Role"),
    }


def all_rules() -> dict[str, str]:
    """Every rule sentence: the shared ones here and each area's own catalogue."""
    from injury_desk.ui.messages_compensation import compensation_rules
    from injury_desk.ui.messages_pillars import _rules as pillar_rules
    from injury_desk.ui.messages_prevention import prevention_rules
    from injury_desk.ui.messages_printing import printing_rules
    from injury_desk.ui.messages_rehab import rehab_rules
    from injury_desk.ui.messages_sync import sync_rules

    rules = {**pillar_rules(), **compensation_rules(), **printing_rules(), **prevention_rules(), **rehab_rules(),
             **sync_rules()}
    rules.update(_rules())
    return rules


def all_fields() -> dict[str, str]:
    from injury_desk.ui.messages_compensation import compensation_fields
    from injury_desk.ui.messages_pillars import _fields as pillar_fields

    fields = {**pillar_fields(), **compensation_fields()}
    fields.update(_fields())
    return fields


def rule_text(key: str, params: dict[str, Any] | None = None) -> str:
    """The sentence for a rule key; an unknown key is shown as itself so it is never silently lost."""
    template = all_rules().get(key)
    if template is None:
        extra = ", ".join(f"{k}={v}" for k, v in (params or {}).items())
        return f"{key} ({extra})" if extra else key
    return fill(template, params or {})


def field_label(field: str) -> str:
    leaf = field.rsplit(".", 1)[-1]
    return all_fields().get(leaf, leaf)


def field_error_text(err: FieldError) -> str:
    return f"{field_label(err.field)}: {rule_text(err.rule, err.params)}"


def error_text(exc: BaseException) -> str:
    """A readable message for anything a service raised."""
    if isinstance(exc, ValidationFailed):
        return "\n".join(field_error_text(e) for e in exc.errors)
    if isinstance(exc, DomainError):
        return rule_text(exc.key, exc.params)
    return arg(QCoreApplication.translate("Messages", "Unexpected error: %1"), exc)
