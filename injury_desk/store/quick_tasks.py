"""The Tasks page's records read with plain SQL on a DB-API connection (no SQLAlchemy): claims with running
clocks, dependants, open rehabilitation cases with their plans, sessions and goals, and overdue corrective actions.

services.task_rows turns them into the page's rows; the services run it on their session's connection
(store.quick_read.driver_connection) and the quick start on its own, so both read the same rows."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import NamedTuple

from injury_desk.store.batches import in_batches
from injury_desk.store.sql_values import placeholders, sql_bool, sql_date


class ListedClaim(NamedTuple):
    claim_id: str
    claim_no: str
    worker_name: str
    id_number: str
    assigned_to: str | None


class DependantRecord(NamedTuple):
    """The columns of a dependants row the register's rules read (services.dependant_person.register_person)."""

    id: str
    claim_id: str
    name: str
    relation: str
    sex: str
    birth_date: date
    condition: str
    lost_capacity: bool
    lonely_elderly_or_orphan: bool
    payee: str
    ended_by: str | None
    ended_on: date | None


class RehabCaseRecord(NamedTuple):
    id: str
    claim_id: str
    provider: str
    claim_no: str
    name: str  # the worker's


class PlanRecord(NamedTuple):
    id: str
    case_id: str
    drawn_up_on: date
    review_on: date | None


class SessionRecord(NamedTuple):
    id: str
    plan_id: str
    scheduled_on: date
    kind: str
    attended: bool | None  # None: not recorded yet


class GoalRecord(NamedTuple):
    id: str
    plan_id: str
    description: str
    measure: str
    baseline: str
    target: str
    target_date: date


class ActionRecord(NamedTuple):
    id: str
    hazard_id: str
    employer_id: str
    employer_name: str
    hazard_category: str
    severity: str
    description: str
    owner: str
    due_date: date
    status: str


def _listed_where(office_id: str, user_id: str | None, delivered_since: date) -> tuple[str, tuple]:
    sql = (" FROM claim_list WHERE deleted = 0 AND office_id = ? AND (status != 'closed' OR claim_id IN"
           " (SELECT claim_id FROM deliveries WHERE deleted = 0 AND delivered_on >= ?))")
    params: tuple = (office_id, delivered_since.isoformat())
    if user_id is not None:
        sql += " AND assigned_to = ?"
        params += (user_id,)
    return sql, params


def listed_claims(con, office_id: str, user_id: str | None, delivered_since: date) -> dict[str, ListedClaim]:
    """The office's (not deleted) claims-list rows that are not closed, or were closed with a decision delivered
    on or after ``delivered_since`` (an appeal window may still run); ``user_id``: only the claims assigned to
    them."""
    where, params = _listed_where(office_id, user_id, delivered_since)
    sql = "SELECT claim_id, claim_no, worker_name, id_number, assigned_to" + where
    return {r[0]: ListedClaim(*r) for r in con.execute(sql, params)}


def listed_claim_count(con, office_id: str, user_id: str | None, delivered_since: date, at_most: int) -> int:
    """How many claims listed_claims would give, counted up to ``at_most`` + 1 (a bound, not a total)."""
    where, params = _listed_where(office_id, user_id, delivered_since)
    return con.execute(f"SELECT count(*) FROM (SELECT 1{where} LIMIT ?)", (*params, at_most + 1)).fetchone()[0]


def user_names(con) -> dict[str, str]:
    """Every user's display name by id (deleted ones too: old claims still name them)."""
    return dict(con.execute("SELECT id, display_name FROM users"))


def dependants_of(con, claim_ids: Sequence[str]) -> list[DependantRecord]:
    """The (not deleted) dependants of the listed claims."""
    out: list[DependantRecord] = []
    for chunk in in_batches(list(claim_ids)):
        for r in con.execute(
                "SELECT id, claim_id, name, relation, sex, birth_date, condition, lost_capacity,"
                " lonely_elderly_or_orphan, payee, ended_by, ended_on FROM dependants"
                f" WHERE claim_id IN ({placeholders(chunk)}) AND deleted = 0", tuple(chunk)):
            out.append(DependantRecord(*r[:5], sql_date(r[5]), r[6], sql_bool(r[7]), sql_bool(r[8]), r[9], r[10],
                                       sql_date(r[11])))
    return out


def open_rehab_cases(con, office_id: str, user_id: str | None) -> dict[str, RehabCaseRecord]:
    """The office's open (not deleted) rehabilitation cases with their claim's number and worker; ``user_id``:
    only cases of claims assigned to them."""
    sql = ("SELECT rc.id, rc.claim_id, rc.provider, c.claim_no, p.name FROM rehab_cases AS rc"
           " JOIN claims AS c ON rc.claim_id = c.id JOIN people AS p ON c.worker_id = p.id"
           " WHERE rc.deleted = 0 AND rc.status = 'open' AND rc.office_id = ?")
    params: tuple = (office_id,)
    if user_id is not None:
        sql += " AND c.assigned_to = ?"
        params += (user_id,)
    return {r[0]: RehabCaseRecord(*r) for r in con.execute(sql, params)}


def rehab_plans(con, case_ids: Sequence[str]) -> list[PlanRecord]:
    """The (not deleted) plans of the cases, each case's by date: its last one is the plan in force."""
    out: list[PlanRecord] = []
    for chunk in in_batches(list(case_ids)):
        for r in con.execute("SELECT id, case_id, drawn_up_on, review_on FROM rehab_plans"
                             f" WHERE case_id IN ({placeholders(chunk)}) AND deleted = 0"
                             " ORDER BY case_id, drawn_up_on, id", tuple(chunk)):
            out.append(PlanRecord(r[0], r[1], sql_date(r[2]), sql_date(r[3])))
    return out


def rehab_sessions(con, plan_ids: Sequence[str]) -> list[SessionRecord]:
    """The (not deleted) sessions of the plans."""
    out: list[SessionRecord] = []
    for chunk in in_batches(list(plan_ids)):
        for r in con.execute("SELECT id, plan_id, scheduled_on, kind, attended FROM rehab_sessions"
                             f" WHERE plan_id IN ({placeholders(chunk)}) AND deleted = 0", tuple(chunk)):
            out.append(SessionRecord(r[0], r[1], sql_date(r[2]), r[3], sql_bool(r[4])))
    return out


def goals_past_target(con, plan_ids: Sequence[str], today: date) -> list[GoalRecord]:
    """The (not deleted) goals of the plans whose target date is before ``today``."""
    out: list[GoalRecord] = []
    for chunk in in_batches(list(plan_ids)):
        for r in con.execute("SELECT id, plan_id, description, measure, baseline, target, target_date"
                             f" FROM rehab_goals WHERE plan_id IN ({placeholders(chunk)}) AND deleted = 0"
                             " AND target_date IS NOT NULL AND target_date < ?", (*chunk, today.isoformat())):
            out.append(GoalRecord(*r[:6], sql_date(r[6])))
    return out


def latest_values(con, goal_ids: Sequence[str]) -> dict[str, str]:
    """Each goal's value measured last (not deleted); goals never measured are missing."""
    out: dict[str, str] = {}
    for chunk in in_batches(list(goal_ids)):
        out.update(con.execute(
            "SELECT m.goal_id, m.value FROM rehab_measurements AS m JOIN"
            " (SELECT goal_id, max(measured_on) AS last_on FROM rehab_measurements"
            f" WHERE goal_id IN ({placeholders(chunk)}) AND deleted = 0 GROUP BY goal_id) AS last"
            " ON last.goal_id = m.goal_id AND last.last_on = m.measured_on WHERE m.deleted = 0", tuple(chunk)))
    return out


def overdue_action_records(con, office_id: str, statuses: Sequence[str], today: date) -> list[ActionRecord]:
    """The office's (not deleted) corrective actions of (not deleted) hazards in one of ``statuses`` whose due
    date is before ``today``, oldest first, then by employer."""
    sql = ("SELECT a.id, h.id, h.employer_id, e.name, h.category, h.severity, a.description, a.owner, a.due_date,"
           " a.status FROM corrective_actions AS a JOIN hazards AS h ON a.hazard_id = h.id"
           " JOIN employers AS e ON h.employer_id = e.id"
           f" WHERE a.deleted = 0 AND h.deleted = 0 AND a.office_id = ? AND a.status IN ({placeholders(statuses)})"
           " AND a.due_date < ? ORDER BY a.due_date, e.name")
    return [ActionRecord(*r[:8], sql_date(r[8]), r[9])
            for r in con.execute(sql, (office_id, *statuses, today.isoformat()))]
