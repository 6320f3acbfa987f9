"""The claims list's rows and queries as plain data: shared by the list service, the quick start and the GUI."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from injury_desk.domain.identifiers import mask_resident_id
from injury_desk.store.quick_read import LIST_SORT_KEYS

SORT_KEYS = LIST_SORT_KEYS


@dataclass(frozen=True)
class ClaimRow:
    claim_id: str
    claim_no: str
    worker_name: str
    id_number: str  # masked
    employer_name: str
    accident_date: date
    status: str
    next_deadline: date | None


@dataclass(frozen=True)
class ClaimQuery:
    text: str = ""
    sort: str = "accident_date"
    descending: bool = True


def claim_row(values) -> ClaimRow:
    """A list row from the claim_list columns in store order; the ID number masked, as lists always show it."""
    claim_id, claim_no, worker_name, id_number, employer_name, accident_date, status, next_deadline = values
    return ClaimRow(claim_id, claim_no, worker_name, mask_resident_id(id_number), employer_name, accident_date,
                    status, next_deadline)
