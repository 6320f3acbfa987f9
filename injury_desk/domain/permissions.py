"""Who may do what: the one table of permissions by role that the desktop's services and the central service
both decide from, and the permission a change to each synced table needs."""

from __future__ import annotations

ROLES = ("caseworker", "supervisor", "administrator")
CASEWORK = frozenset({"caseworker", "supervisor"})
EVERYONE = frozenset(ROLES)

PERMISSIONS: dict[str, frozenset[str]] = {
    "claim.view": EVERYONE,
    "claim.create": CASEWORK,
    "claim.edit": CASEWORK,
    "claim.delete": frozenset({"supervisor"}),
    "claim.decide": CASEWORK,
    "person.view_full_id": CASEWORK,
    "person.edit": CASEWORK,
    "employer.edit": CASEWORK,
    "prevention.edit": CASEWORK,
    "rehab.edit": CASEWORK,
    "rehab.stats": EVERYONE,  # aggregate figures only: no names or ID numbers in them
    "assessment.propose": CASEWORK,
    "assessment.approve": frozenset({"supervisor"}),
    "payment.record": CASEWORK,
    "user.manage": frozenset({"administrator"}),
    "database.export_key": frozenset({"administrator"}),
    # An import writes casework records, which sync as changes made by the importing user: only a role that may
    # write them imports (an administrator's import used to be refused by the central service row by row).
    "data.import": frozenset({"supervisor"}),
    "data.export": EVERYONE,
    "demo.reset": EVERYONE,
    "demo.replace_office": frozenset({"administrator"}),  # the demo over a real office's database (--force)
    "tasks.office": frozenset({"supervisor", "administrator"}),
    "sync.run": EVERYONE,
    "sync.enrol": frozenset({"supervisor", "administrator"}),
    "sync.configure": frozenset({"administrator"}),
    "sync.resolve": CASEWORK,
}

# The permission a change to a row of each synced table needs: (to insert or edit it, to delete or restore it).
# The central service sees only the table and the role of the user who made a change, so it decides from this;
# every path on the desktop that writes such a row (the services, an import) holds the same permission.
# Offices and users are made centrally: no desktop changes them (None).
_CLAIM = ("claim.edit", "claim.edit")
_PREVENTION = ("prevention.edit", "prevention.edit")
_REHAB = ("rehab.edit", "rehab.edit")
TABLE_PERMISSIONS: dict[str, tuple[str, str] | None] = {
    "offices": None,
    "users": None,
    "employers": ("employer.edit", "employer.edit"),
    "people": ("person.edit", "person.edit"),
    "claims": ("claim.edit", "claim.delete"),
    "attachments": _CLAIM,
    "appraisals": _CLAIM,
    "assessments": ("assessment.propose", "assessment.propose"),
    "claim_costs": _CLAIM,
    "claim_notes": _CLAIM,
    "decision_documents": _CLAIM,
    "deliveries": _CLAIM,
    "dependants": _CLAIM,
    "recurrences": _CLAIM,
    "missing_workers": _CLAIM,
    # an advance is decided by a supervisor (the desktop also asks assessment.approve); a recovery is recorded
    # as a payment is
    "fund_advances": ("payment.record", "payment.record"),
    "determination_suspensions": _CLAIM,
    "determinations": _CLAIM,
    "payments": ("payment.record", "payment.record"),
    "wage_records": _CLAIM,
    "employer_headcounts": _PREVENTION,
    "incidents": _PREVENTION,
    "inspections": _PREVENTION,
    "hazards": _PREVENTION,
    "corrective_actions": _PREVENTION,
    "prevention_spends": _PREVENTION,
    "training_sessions": _PREVENTION,
    "rehab_cases": _REHAB,
    "rehab_plans": _REHAB,
    "rehab_goals": _REHAB,
    "rehab_sessions": _REHAB,
    "rehab_measurements": _REHAB,
}


def change_permission(table: str, delete: bool) -> str | None:
    """The permission a change to ``table`` needs (None: no desktop may change it, or the table is unknown)."""
    pair = TABLE_PERMISSIONS.get(table)
    return None if pair is None else pair[1 if delete else 0]


def may_change(role: str, table: str, *, delete: bool = False) -> bool:
    """Whether ``role`` may insert or edit (``delete``: delete or restore) a row of ``table`` from a desktop."""
    permission = change_permission(table, delete)
    return permission is not None and role in PERMISSIONS[permission]
