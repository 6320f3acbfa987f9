"""Words for the rehabilitation keys: referral types, statuses, outcomes, measures, tasks, injury types."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def referral_labels() -> dict[str, str]:
    return {"medical": QCoreApplication.translate("Rehab", "Medical"),
            "vocational": QCoreApplication.translate("Rehab", "Vocational"),
            "social": QCoreApplication.translate("Rehab", "Social")}


def rtw_labels() -> dict[str, str]:
    return {
        "same_job": QCoreApplication.translate("Rehab", "Back in the same job"),
        "modified_job": QCoreApplication.translate("Rehab", "Back in a modified job"),
        "other_job_same_employer": QCoreApplication.translate("Rehab", "Other job, same employer"),
        "new_employer": QCoreApplication.translate("Rehab", "Works for a new employer"),
        "not_returned": QCoreApplication.translate("Rehab", "Has not returned to work"),
    }


def status_labels() -> dict[str, str]:
    return {"open": QCoreApplication.translate("Rehab", "open"),
            "closed": QCoreApplication.translate("Rehab", "closed")}


def measure_labels() -> dict[str, str]:
    """The standard scales; any other measure is shown as the caseworker typed it."""
    return {
        "barthel": QCoreApplication.translate("Rehab", "Barthel index (0–100)"),
        "pain": QCoreApplication.translate("Rehab", "Pain score (0–10)"),
        "work_hours": QCoreApplication.translate("Rehab", "Work capacity (hours/week, 0–168)"),
    }


def measure_label(measure: str) -> str:
    return measure_labels().get(measure, measure)


def measure_short(measure: str) -> str:
    """The measure's name without its range, for running text."""
    return {
        "barthel": QCoreApplication.translate("Rehab", "Barthel index"),
        "pain": QCoreApplication.translate("Rehab", "pain score"),
        "work_hours": QCoreApplication.translate("Rehab", "work hours per week"),
    }.get(measure, measure)


def attendance_labels() -> dict[bool | None, str]:
    return {True: QCoreApplication.translate("Rehab", "attended"),
            False: QCoreApplication.translate("Rehab", "missed"),
            None: QCoreApplication.translate("Rehab", "booked")}


def task_labels() -> dict[str, str]:
    return {
        "session_upcoming": QCoreApplication.translate("Rehab", "Session coming up"),
        "session_unrecorded": QCoreApplication.translate("Rehab", "Attendance not recorded"),
        "session_missed": QCoreApplication.translate("Rehab", "Session missed: book another"),
        "goal_overdue": QCoreApplication.translate("Rehab", "Goal past its date"),
        "plan_review": QCoreApplication.translate("Rehab", "Plan due for review"),
    }


def injury_type_labels() -> dict[str, str]:
    return {
        "amputation": QCoreApplication.translate("Rehab", "Amputation"),
        "head_injury": QCoreApplication.translate("Rehab", "Head injury"),
        "spinal_injury": QCoreApplication.translate("Rehab", "Spinal cord injury"),
        "fracture": QCoreApplication.translate("Rehab", "Fracture"),
        "dislocation": QCoreApplication.translate("Rehab", "Dislocation"),
        "burn": QCoreApplication.translate("Rehab", "Burn"),
        "poisoning": QCoreApplication.translate("Rehab", "Poisoning"),
        "occupational_disease": QCoreApplication.translate("Rehab", "Occupational disease"),
        "wound": QCoreApplication.translate("Rehab", "Wound"),
        "contusion_sprain": QCoreApplication.translate("Rehab", "Contusion or sprain"),
        "other": QCoreApplication.translate("Rehab", "Other"),
    }
