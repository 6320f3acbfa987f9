"""Translated labels for the codes stored in the data: statuses, applicant types, outcomes, roles."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

def status_label(code: str) -> str:
    return {
        "reported": QCoreApplication.translate("Labels", "Reported"),
        "application_received": QCoreApplication.translate("Labels", "Application received"),
        "determination": QCoreApplication.translate("Labels", "Determination"),
        "appraisal": QCoreApplication.translate("Labels", "Appraisal"),
        "assessment": QCoreApplication.translate("Labels", "Assessment"),
        "payment": QCoreApplication.translate("Labels", "Payment"),
        "closed": QCoreApplication.translate("Labels", "Closed"),
    }.get(code, code)

def applicant_labels() -> dict[str, str]:
    return {
        "employer": QCoreApplication.translate("Labels", "Employer"),
        "worker": QCoreApplication.translate("Labels", "The injured worker"),
        "close_relative": QCoreApplication.translate("Labels", "A close relative"),
        "trade_union": QCoreApplication.translate("Labels", "Trade union"),
    }

def outcome_labels() -> dict[str, str]:
    return {
        "recognised": QCoreApplication.translate("Labels", "Recognised as work-related injury"),
        "deemed": QCoreApplication.translate("Labels", "Deemed work-related injury"),
        "not_recognised": QCoreApplication.translate("Labels", "Not recognised"),
    }

def role_label(code: str) -> str:
    return {
        "caseworker": QCoreApplication.translate("Labels", "Caseworker"),
        "supervisor": QCoreApplication.translate("Labels", "Supervisor"),
        "administrator": QCoreApplication.translate("Labels", "Administrator"),
    }.get(code, code)

def sex_label(code: str) -> str:
    return {"M": QCoreApplication.translate("Labels", "Male"), "F": QCoreApplication.translate("Labels", "Female")}.get(code, code)

def next_step_label(key: str) -> str:
    return {
        "next.record_application": QCoreApplication.translate("Labels", "Record the application (who applies, date received)"),
        "next.accept_application": QCoreApplication.translate("Labels", "Accept the application"),
        "next.decide": QCoreApplication.translate("Labels", "Record the injury determination"),
        "next.request_appraisal": QCoreApplication.translate("Labels", "Request the disability appraisal"),
        "next.record_appraisal": QCoreApplication.translate("Labels", "Record the appraisal conclusion"),
        "next.propose_assessment": QCoreApplication.translate("Labels", "Propose the benefit assessment"),
        "next.approve_assessment": QCoreApplication.translate("Labels", "A supervisor approves the assessment"),
        "next.record_payments": QCoreApplication.translate("Labels", "Record the payments"),
        "next.close_claim": QCoreApplication.translate("Labels", "Close the claim"),
        "next.none": QCoreApplication.translate("Labels", "Nothing: the claim is closed"),
    }.get(key, key)

def deadline_kind_label(kind: str | None) -> str:
    return {
        "application": QCoreApplication.translate("Labels", "Application (Art. 17)"),
        "decision": QCoreApplication.translate("Labels", "Decision (Art. 20)"),
        "appraisal": QCoreApplication.translate("Labels", "Appraisal (Art. 25)"),
    }.get(kind or "", kind or "")
