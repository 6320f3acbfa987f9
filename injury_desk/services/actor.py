"""The acting user as plain data, handed to every service call."""

from __future__ import annotations

from dataclasses import dataclass

ROLES = ("caseworker", "supervisor", "administrator")


@dataclass(frozen=True)
class Actor:
    user_id: str
    username: str
    display_name: str
    role: str
    office_id: str
    office_code: str
    office_name: str
    office_region: str = "example"
