"""Turns message keys with parameters (from services and domain) into translated sentences."""

from __future__ import annotations

import string
from typing import Any

from PySide6.QtCore import QCoreApplication

from injury_desk.domain.errors import DomainError, FieldError, ValidationFailed


def _rules() -> dict[str, str]:
    return {
        "field.required": QCoreApplication.translate("Messages", "is required"),
        "field.too_long": QCoreApplication.translate("Messages", "is too long: at most {max} characters (now {actual})"),
        "field.date_format": QCoreApplication.translate("Messages", "must be a date like 2026-03-01 (got “{value}”)"),
        "field.date_in_future": QCoreApplication.translate("Messages", "cannot be in the future ({value} is after today, {today})"),
        "field.integer": QCoreApplication.translate("Messages", "must be a whole number (got “{value}”)"),
        "field.range": QCoreApplication.translate("Messages", "must be between {min} and {max} (got {value})"),
        "field.boolean": QCoreApplication.translate("Messages", "must be yes or no (got “{value}”)"),
        "field.choice": QCoreApplication.translate("Messages", "“{value}” is not one of the allowed values"),
        "field.time_format": QCoreApplication.translate("Messages", "must be a time like 09:30 (got “{value}”)"),
        "money.format": QCoreApplication.translate("Messages", "must be an amount in yuan like 1234.56 (got “{value}”)"),
        "money.negative": QCoreApplication.translate("Messages", "cannot be negative (got {value})"),
        "money.fen_precision": QCoreApplication.translate("Messages", "cannot have more than two decimals (got {value})"),
        "id_number.required": QCoreApplication.translate("Messages", "is required"),
        "id_number.length": QCoreApplication.translate("Messages", "must have {expected} characters (now {actual})"),
        "id_number.charset": QCoreApplication.translate("Messages", "may contain only digits, and X as the last character"),
        "id_number.region": QCoreApplication.translate("Messages", "starts with an unknown region code {code}"),
        "id_number.birth_date_invalid": QCoreApplication.translate("Messages", "contains an impossible birth date ({digits})"),
        "id_number.birth_date_too_early": QCoreApplication.translate("Messages", "contains a birth date before {earliest}"),
        "id_number.birth_date_future": QCoreApplication.translate("Messages", "contains a birth date in the future ({birth_date})"),
        "id_number.check_digit": QCoreApplication.translate("Messages", "has a wrong check digit (GB 11643): please re-read the ID card"),
        "credit_code.required": QCoreApplication.translate("Messages", "is required"),
        "credit_code.length": QCoreApplication.translate("Messages", "must have {expected} characters (now {actual})"),
        "credit_code.charset": QCoreApplication.translate("Messages", "contains characters not used in credit codes: {invalid}"),
        "credit_code.check_char": QCoreApplication.translate("Messages", "has a wrong check character (GB 32100): please re-read the licence"),
        "person.sex_mismatch": QCoreApplication.translate("Messages", "does not match the ID number (the ID number says {expected})"),
        "person.birth_date_mismatch": QCoreApplication.translate("Messages", "does not match the ID number (the ID number says {expected})"),
        "person.id_number_taken": QCoreApplication.translate("Messages", "belongs to a person already registered"),
        "person.name_mismatch": QCoreApplication.translate("Messages", "differs from the registered name “{existing}” for this ID number"),
        "person.not_found": QCoreApplication.translate("Messages", "no such person"),
        "employer.unknown": QCoreApplication.translate("Messages", "is not a known employer"),
        "employer.required": QCoreApplication.translate("Messages", "choose an existing employer or enter a new one"),
        "employer.credit_code_taken": QCoreApplication.translate("Messages", "belongs to an employer already registered"),
        "claim.birth_after_accident": QCoreApplication.translate("Messages", "is before the worker's birth date ({birth_date})"),
        "claim.duplicate": QCoreApplication.translate("Messages", "this worker already has claim {claim_no} for an accident on this date"),
        "claim.duplicate_deleted": QCoreApplication.translate("Messages", "a deleted claim {claim_no} exists for this worker and accident date; ask a supervisor about it instead of entering it again"),
        "claim.application_incomplete": QCoreApplication.translate("Messages", "give both who applies and the date received"),
        "claim.application_before_accident": QCoreApplication.translate("Messages", "cannot be before the accident ({accident_date})"),
        "claim.application_late": QCoreApplication.translate("Messages", "the application arrived {days_late} days after the deadline {due} ({basis})"),
        "claim.transition_not_allowed": QCoreApplication.translate("Messages", "a claim cannot go from {from} to {to}"),
        "claim.applicant_required": QCoreApplication.translate("Messages", "who applies is required"),
        "claim.application_date_required": QCoreApplication.translate("Messages", "the date the application was received is required"),
        "claim.accepted_on_required": QCoreApplication.translate("Messages", "the acceptance date is required"),
        "claim.accepted_before_received": QCoreApplication.translate("Messages", "cannot be before the application was received ({application_received_on})"),
        "claim.outcome_required": QCoreApplication.translate("Messages", "record the determination first"),
        "claim.decided_on_required": QCoreApplication.translate("Messages", "the decision date is required"),
        "claim.decided_before_accepted": QCoreApplication.translate("Messages", "cannot be before the acceptance ({accepted_on})"),
        "claim.outcome_not_recognised": QCoreApplication.translate("Messages", "the injury was not recognised: the claim can only be closed"),
        "claim.outcome_recognised": QCoreApplication.translate("Messages", "a recognised injury is closed after payment, not after the decision"),
        "claim.fatal_no_appraisal": QCoreApplication.translate("Messages", "a fatal case has no disability appraisal"),
        "claim.appraisal_request_required": QCoreApplication.translate("Messages", "the appraisal request date is required"),
        "claim.appraisal_request_before_decision": QCoreApplication.translate("Messages", "cannot be before the decision ({decided_on})"),
        "claim.appraisal_needed": QCoreApplication.translate("Messages", "this claim needs a disability appraisal first"),
        "claim.appraised_on_required": QCoreApplication.translate("Messages", "the appraisal conclusion date is required"),
        "claim.appraised_before_request": QCoreApplication.translate("Messages", "cannot be before the appraisal request ({requested_on})"),
        "claim.disability_grade_range": QCoreApplication.translate("Messages", "must be between {min} and {max}"),
        "claim.assessment_not_approved": QCoreApplication.translate("Messages", "the benefit assessment must be approved first"),
        "claim.wrong_status": QCoreApplication.translate("Messages", "not possible while the claim is in status {status}"),
        "claim.appraisal_already_extended": QCoreApplication.translate("Messages", "the appraisal period was already extended once (Art. 25)"),
        "claim.not_found": QCoreApplication.translate("Messages", "the claim does not exist or was deleted"),
        "claim.number_taken": QCoreApplication.translate("Messages", "claim number {claim_no} is already used"),
        "record.changed_since_loaded": QCoreApplication.translate("Messages", "someone changed this record after you opened it; reopen it to see the change"),
        "permission.denied": QCoreApplication.translate("Messages", "your role ({role}) may not do this ({permission})"),
        "permission.other_office": QCoreApplication.translate("Messages", "this record belongs to another office"),
        "auth.invalid_credentials": QCoreApplication.translate("Messages", "unknown user name or wrong password"),
        "user.role_unknown": QCoreApplication.translate("Messages", "is not a known role"),
        "user.password_too_short": QCoreApplication.translate("Messages", "must have at least {min} characters"),
        "user.username_taken": QCoreApplication.translate("Messages", "is already taken"),
        "store.network_path": QCoreApplication.translate("Messages", "The database {path} is on a network drive. SQLite is not safe there: use a folder on this computer's own disk."),
        "store.not_a_database": QCoreApplication.translate("Messages", "{path} is not a database file. It was left untouched."),
        "store.damaged": QCoreApplication.translate("Messages", "The database {path} is damaged ({detail}). It was left untouched: restore a backup."),
        "store.foreign_database": QCoreApplication.translate("Messages", "{path} is a database of another program. It was left untouched."),
        "store.not_a_file": QCoreApplication.translate("Messages", "{path} is a folder, not a database file."),
        "validation.failed": QCoreApplication.translate("Messages", "Please correct the {count} marked field(s)."),
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


class _Safe(dict):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def fill(template: str, params: dict[str, Any]) -> str:
    return string.Formatter().vformat(template, (), _Safe({k: v for k, v in params.items()}))


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
    return QCoreApplication.translate("Messages", "Unexpected error: {error}").format(error=exc)
