"""PostgreSQL roles and the request settings the row-level security policies read."""

from __future__ import annotations

OWNER_ROLE = "injury_desk_owner"  # owns the tables; cannot log in
SERVICE_ROLE = "injury_desk_service"  # the service connects as this: not owner, not superuser, no BYPASSRLS

OFFICE_SETTING = "injury_desk.office_id"
# Before the office is known, a request may look up exactly one row by a secret it holds.
ENROL_SETTING = "injury_desk.enrol_hash"
TOKEN_SETTING = "injury_desk.token_hash"
DEVICE_SETTING = "injury_desk.device_id"


def lookup_policies() -> list[tuple[str, str, str]]:
    """(table, policy, USING expression) for the single-row lookups made before the office is known."""
    return [
        ("enrolment_codes", "enrol_lookup", f"code_hash = current_setting('{ENROL_SETTING}', true)"),
        ("tokens", "token_lookup", f"token_hash = current_setting('{TOKEN_SETTING}', true)"),
        ("devices", "device_lookup", f"id = current_setting('{DEVICE_SETTING}', true)"),
    ]
