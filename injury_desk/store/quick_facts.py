"""Claims' facts for the lifecycle and its clocks, read with plain SQL on a DB-API connection (no SQLAlchemy).

services.claim_facts.facts_for runs this same read on its session's connection, and the Tasks page runs it on the
quick start's, so the clocks shown before and after the full services open are computed from the same facts."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Set
from datetime import date
from typing import Any, NamedTuple

from injury_desk.domain.lifecycle import ClaimFacts, DeliveryFact
from injury_desk.store.batches import in_batches
from injury_desk.store.sql_values import placeholders, sql_bool, sql_date

# The claim's own columns its facts come from (claim_row_facts reads them by name), with how SQLite stores them.
CLAIM_FACT_COLUMNS = (
    "id", "status", "accident_date", "applicant_type", "application_received_on", "accepted_on", "clear_case",
    "needs_appraisal", "fatal", "occupational_disease", "diagnosed_on", "employer_extended_to",
    "documents_requested_on", "documents_completed_on", "not_accepted_on", "stop_work_started_on",
    "stop_work_months", "stop_work_ended_on",
)
_DATE_COLUMNS = frozenset({
    "accident_date", "application_received_on", "accepted_on", "diagnosed_on", "employer_extended_to",
    "documents_requested_on", "documents_completed_on", "not_accepted_on", "stop_work_started_on",
    "stop_work_ended_on",
})
_BOOL_COLUMNS = frozenset({"clear_case", "needs_appraisal", "fatal", "occupational_disease"})
# Each column's conversion, looked up once rather than per row (a pull reads tens of thousands of claims' facts).
_CONVERTERS = tuple(sql_date if name in _DATE_COLUMNS else sql_bool if name in _BOOL_COLUMNS else None
                    for name in CLAIM_FACT_COLUMNS)


class DeterminationFact(NamedTuple):
    claim_id: str
    outcome: str
    decided_on: date


class AppraisalFact(NamedTuple):
    claim_id: str
    requested_on: date
    extended: bool
    appraised_on: date | None
    disability_grade: int | None


# A claim's deadline as SQLite keeps it in the claims row: (ISO date text or None, kind or None).
StoredDeadline = tuple[str | None, str | None]


def facts_of_claims(con, claim_ids: Iterable[str]) -> dict[str, ClaimFacts]:
    """The facts of every listed claim, with a handful of queries per batch of ids (never one per claim); keyed
    in the order the claims table returns them."""
    return _read_facts(con, claim_ids, None)


def facts_and_deadlines(con, claim_ids: Iterable[str]) -> tuple[dict[str, ClaimFacts], dict[str, StoredDeadline]]:
    """The facts of every listed claim and, from the same read of the claims rows, each one's stored deadline
    (a deadline refresh compares the two without reading the claims again)."""
    stored: dict[str, StoredDeadline] = {}
    return _read_facts(con, claim_ids, stored), stored


def _read_facts(con, claim_ids: Iterable[str],
                stored_deadlines: dict[str, StoredDeadline] | None) -> dict[str, ClaimFacts]:
    ids = list(dict.fromkeys(claim_ids))
    out: dict[str, ClaimFacts] = {}
    width = len(CLAIM_FACT_COLUMNS)
    columns = ", ".join(CLAIM_FACT_COLUMNS)
    if stored_deadlines is not None:
        columns += ", next_deadline, next_deadline_kind"
    for chunk in in_batches(ids):
        params = tuple(chunk)
        marks = placeholders(chunk)
        dets: dict[str, DeterminationFact] = {}
        for r in con.execute("SELECT claim_id, outcome, decided_on FROM determinations"
                             f" WHERE claim_id IN ({marks}) AND deleted = 0 ORDER BY decided_on", params):
            dets[r[0]] = DeterminationFact(r[0], r[1], sql_date(r[2]))  # ordered: the latest decision wins
        apprs: dict[str, AppraisalFact] = {}
        for r in con.execute("SELECT claim_id, requested_on, extended, appraised_on, disability_grade FROM appraisals"
                             f" WHERE claim_id IN ({marks}) AND deleted = 0 ORDER BY requested_on", params):
            apprs[r[0]] = AppraisalFact(r[0], sql_date(r[1]), sql_bool(r[2]), sql_date(r[3]), r[4])
        assessed: dict[str, set[str]] = defaultdict(set)
        for claim_id, status in con.execute(
                f"SELECT claim_id, status FROM assessments WHERE claim_id IN ({marks}) AND deleted = 0", params):
            assessed[claim_id].add(status)
        pauses: dict[str, list] = defaultdict(list)
        for r in con.execute("SELECT claim_id, started_on, ended_on FROM determination_suspensions"
                             f" WHERE claim_id IN ({marks}) AND deleted = 0 ORDER BY started_on", params):
            pauses[r[0]].append((sql_date(r[1]), sql_date(r[2])))
        delivered: dict[str, list] = defaultdict(list)
        for r in con.execute("SELECT claim_id, document_kind, delivered_on, recipient, number FROM deliveries"
                             f" WHERE claim_id IN ({marks}) AND deleted = 0 ORDER BY delivered_on, recipient",
                             params):
            delivered[r[0]].append(DeliveryFact(r[1], sql_date(r[2]), r[3], r[4]))
        for r in con.execute(f"SELECT {columns} FROM claims WHERE id IN ({marks})", params):
            if stored_deadlines is not None:
                stored_deadlines[r[0]] = r[width:]
                r = r[:width]
            c = claim_columns(r)
            claim_id = c["id"]
            out[claim_id] = claim_row_facts(c, dets.get(claim_id), apprs.get(claim_id), assessed[claim_id],
                                            tuple(pauses[claim_id]), tuple(delivered[claim_id]))
    return out


def claim_columns(row: tuple) -> dict[str, Any]:
    """A claims row in CLAIM_FACT_COLUMNS order by name, its dates as dates and its flags as bools."""
    return {name: value if convert is None else convert(value)
            for name, convert, value in zip(CLAIM_FACT_COLUMNS, _CONVERTERS, row, strict=True)}


def claim_row_facts(c: Mapping[str, Any], det=None, appr=None, assessed: Set[str] = frozenset(),
                    pauses: tuple = (), delivered: tuple = ()) -> ClaimFacts:
    """The facts of one claim from its own columns (by name) and its records; with no records given, those of
    a claim that has none yet (an import computes a new claim's deadline from the values it is inserting)."""
    return ClaimFacts(
        status=c["status"], accident_date=c["accident_date"], applicant_type=c["applicant_type"],
        application_received_on=c["application_received_on"], accepted_on=c["accepted_on"],
        clear_case=c["clear_case"],
        determination_outcome=det.outcome if det else None,
        decided_on=det.decided_on if det else None,
        needs_appraisal=c["needs_appraisal"],
        appraisal_requested_on=appr.requested_on if appr else None,
        appraisal_extended=appr.extended if appr else False,
        appraised_on=appr.appraised_on if appr else None,
        disability_grade=appr.disability_grade if appr else None,
        assessment_proposed="proposed" in assessed,
        assessment_approved="approved" in assessed,
        fatal=c["fatal"], occupational_disease=c["occupational_disease"], diagnosed_on=c["diagnosed_on"],
        employer_extended_to=c["employer_extended_to"], documents_requested_on=c["documents_requested_on"],
        documents_completed_on=c["documents_completed_on"], not_accepted_on=c["not_accepted_on"],
        suspensions=pauses, deliveries=delivered,
        stop_work_started_on=c["stop_work_started_on"], stop_work_months=c["stop_work_months"] or 12,
        stop_work_ended_on=c["stop_work_ended_on"],
    )
