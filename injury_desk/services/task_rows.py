"""The Tasks page's three lists computed from plain reads (store.quick_tasks, store.quick_facts) on a DB-API
connection, without SQLAlchemy: statutory claim deadlines, rehabilitation follow-ups and overdue corrective actions.

TaskService and InspectionService run these functions on their session's connection (driver_connection), the
Tasks page on the quick start's while the full services open, so the two can never show different rows."""

from __future__ import annotations

from datetime import date, timedelta
from typing import NamedTuple

from injury_desk.domain.deadlines import THIS_WEEK_DAYS, claim_deadlines
from injury_desk.domain.errors import FieldError, ValidationFailed
from injury_desk.domain.identifiers import mask_resident_id
from injury_desk.domain.prevention import OPEN_ACTION_STATUSES
from injury_desk.domain.rehab import goal_reached
from injury_desk.resources import resources_dir
from injury_desk.services.actor import Actor
from injury_desk.services.permissions import require
from injury_desk.store import quick_tasks
from injury_desk.store.quick_facts import facts_of_claims

DUE_SOON_DAYS = 14
# The Tasks page and `injury-desk tasks` look this far ahead for statutory clocks ("later" ends here).
DEADLINE_HORIZON_DAYS = 30
# Appeal windows of closed claims: a delivery older than the longest window (6 months) opens nothing more.
APPEAL_LOOKBACK_DAYS = 190
# A session recorded as missed stays a task for this long, unless a later session is booked in its plan.
MISSED_FOLLOW_UP_DAYS = 30
REHAB_TASK_KINDS = ("session_upcoming", "session_unrecorded", "session_missed", "goal_overdue", "plan_review")
GROUPS = ("overdue", "this_week", "later")
# While the window opens, the Tasks page computes its lists on the GUI thread (from the quick start) only when
# they check this many claims' clocks at most: about 60 ms on the development machine (3,808 claims took 0.24 s).
# A caseworker or office with more waits for the full services and reads them off the GUI thread, as any other
# refresh does, rather than keep the window from appearing.
QUICK_CLAIM_LIMIT = 1_000
# A dependant's pension ending (a child turning 18) shows this far ahead, whatever the deadline horizon.
DEPENDANT_NOTICE_DAYS = 60
DEPENDANT_BASIS = "Provisions on Dependants Art. 4"


# The rows are NamedTuples, not dataclasses: a frozen dataclass is built from source at import (about 1.3 ms each,
# on the Tasks page's start-up path), a NamedTuple in a fraction of that.
class TaskRow(NamedTuple):
    """One running statutory clock of a claim as it stands on the day asked for (see domain/deadlines.py)."""

    kind: str  # domain.deadlines.KINDS
    due: date
    days_left: int
    overdue: bool
    claim_id: str
    claim_no: str
    worker_name: str
    id_number: str  # masked
    assigned_to: str  # display name
    basis: str
    status: str = "later"  # domain.deadlines.STATUSES
    group: str = "later"  # overdue, this_week, later
    attention: bool = False  # a duty overdue or due this week: the only rows shown in colour
    recipient: str = ""
    start_event: str = ""
    subject: str = ""  # whom the row is about besides the worker (a dependant's name)


class RehabTaskRow(NamedTuple):
    """A rehabilitation follow-up of an open case.

    ``kind``: session_upcoming (booked within the horizon), session_unrecorded (past, attendance not recorded),
    session_missed (recorded as missed, no later session booked), goal_overdue (target date passed, target
    not reached), plan_review (the case's current plan is due for review).
    """

    kind: str
    due: date
    days_left: int
    overdue: bool
    case_id: str
    claim_id: str
    claim_no: str
    worker_name: str
    provider: str
    subject: str  # the session kind, the goal, or the plan's date
    row_id: str  # the session, goal or plan


class OverdueAction(NamedTuple):
    id: str
    hazard_id: str
    employer_id: str
    employer_name: str
    hazard_category: str
    severity: str
    description: str
    owner: str
    due_date: date
    days_overdue: int
    status: str


def deadline_user(actor: Actor, scope: str) -> str | None:
    """Whose claims a scope lists (None: the whole office), after the permission checks the scope needs."""
    require(actor, "claim.view")
    if scope == "office":
        require(actor, "tasks.office")
        return None
    if scope != "mine":
        raise ValidationFailed([FieldError("scope", "field.choice", {"value": scope})])
    return actor.user_id


def few_enough_claims(con, actor: Actor, scope: str, today: date) -> bool:
    """Whether task_lists for ``scope`` checks at most QUICK_CLAIM_LIMIT claims' clocks (no permission check:
    task_lists makes it)."""
    user_id = actor.user_id if scope == "mine" else None
    since = today - timedelta(days=APPEAL_LOOKBACK_DAYS)
    return quick_tasks.listed_claim_count(con, actor.office_id, user_id, since, QUICK_CLAIM_LIMIT) <= QUICK_CLAIM_LIMIT


def task_lists(con, actor: Actor, scope: str, today: date) -> tuple[list[TaskRow], list[RehabTaskRow],
                                                                      list[OverdueAction]]:
    """What the Tasks page shows for ``scope`` on ``today``, with the permission checks of TaskService and
    InspectionService: the same rows as their claim_deadlines, rehab_tasks and overdue_actions."""
    rows = deadline_rows(con, actor.office_id, deadline_user(actor, scope), today)
    rehab = rehab_task_rows(con, actor.office_id, actor.user_id if scope == "mine" else None, today)
    return rows, rehab, overdue_action_rows(con, actor.office_id, today)


def deadline_rows(con, office_id: str, user_id: str | None, today: date,
                  horizon_days: int = DEADLINE_HORIZON_DAYS) -> list[TaskRow]:
    """Every clock of the office's claims (``user_id``: only claims assigned to them) that is overdue work or
    ends within ``horizon_days`` of ``today``, computed from the claims' facts for that day."""
    until = today + timedelta(days=horizon_days)
    claims = quick_tasks.listed_claims(con, office_id, user_id, today - timedelta(days=APPEAL_LOOKBACK_DAYS))
    names = quick_tasks.user_names(con)
    rows: list[TaskRow] = []
    for claim_id, facts in facts_of_claims(con, claims).items():
        c = claims[claim_id]
        for d in claim_deadlines(facts):
            status = d.status(today)
            group = "overdue" if status == "overdue" else status
            if group not in GROUPS or (group == "later" and d.due > until):
                continue  # expired windows, paused clocks and reviews already possible are no tasks
            rows.append(TaskRow(
                kind=d.kind, due=d.due, days_left=d.days_left(today), overdue=status == "overdue",
                claim_id=claim_id, claim_no=c.claim_no, worker_name=c.worker_name,
                id_number=mask_resident_id(c.id_number), assigned_to=names.get(c.assigned_to, ""), basis=d.basis,
                status=status, group=group, attention=d.needs_attention(today), recipient=d.recipient,
                start_event=d.start_event))
    rows += dependant_ending_rows(con, claims, names, today, max(horizon_days, DEPENDANT_NOTICE_DAYS))
    order = {g: i for i, g in enumerate(GROUPS)}
    rows.sort(key=lambda r: (order[r.group], r.due, r.claim_no, r.kind, r.recipient))
    return rows


def dependant_ending_rows(con, claims: dict, names: dict[str, str], today: date, days: int) -> list[TaskRow]:
    """Dependants' pensions that end within ``days`` (a child's 18th birthday, a recorded event): the caseworker
    checks before the last payment whether the person has completely lost the capacity to work (Provisions
    Art. 4(1)) and tells the payee. Not a statutory duty that can be overdue: once the day passed the schedule
    has stopped by itself."""
    if not claims:
        return []
    by_claim: dict[str, list] = {}
    for r in quick_tasks.dependants_of(con, list(claims)):
        by_claim.setdefault(r.claim_id, []).append(r)
    if not by_claim:
        return []
    # The dependants' rules load only for an office with dependants to look at (a fatal claim's survivors), and
    # only the register's part of the national rules, not the whole rule book: importing and building that is
    # about 20 ms of the Tasks page's start-up.
    from injury_desk.domain.compensation.dependants import endings_within, register_rules_in_force
    from injury_desk.services.dependant_person import register_person

    rules = register_rules_in_force(resources_dir() / "rules", today)
    out: list[TaskRow] = []
    for claim_id, people in by_claim.items():
        c = claims[claim_id]
        for person, end in endings_within([register_person(p) for p in people], today, days, rules):
            left = (end.on - today).days
            group = "this_week" if left <= THIS_WEEK_DAYS else "later"
            out.append(TaskRow(
                kind="dependant_pension_ends", due=end.on, days_left=left, overdue=False, claim_id=claim_id,
                claim_no=c.claim_no, worker_name=c.worker_name, id_number=mask_resident_id(c.id_number),
                assigned_to=names.get(c.assigned_to, ""), basis=DEPENDANT_BASIS, status=group, group=group,
                attention=group == "this_week", recipient="", start_event=end.reason, subject=person.name))
    return out


def rehab_task_rows(con, office_id: str, user_id: str | None, today: date,
                    horizon_days: int = DUE_SOON_DAYS) -> list[RehabTaskRow]:
    """Follow-ups of the office's open rehabilitation cases (``user_id``: cases of claims assigned to them) on
    ``today``, by date."""
    until = today + timedelta(days=horizon_days)
    cases = quick_tasks.open_rehab_cases(con, office_id, user_id)
    if not cases:
        return []
    out: list[RehabTaskRow] = []

    def add(kind: str, due: date, case_id: str, subject: str, row_id: str, overdue: bool) -> None:
        c = cases[case_id]
        out.append(RehabTaskRow(kind, due, (due - today).days, overdue, case_id, c.claim_id, c.claim_no, c.name,
                                c.provider, subject, row_id))

    plans = quick_tasks.rehab_plans(con, list(cases))
    plan_case = {p.id: p.case_id for p in plans}
    current: dict[str, quick_tasks.PlanRecord] = {}
    for p in plans:  # ordered by date: the last one of a case is the plan in force
        current[p.case_id] = p
    for p in current.values():
        if p.review_on is not None and p.review_on <= until:
            add("plan_review", p.review_on, p.case_id, p.drawn_up_on.isoformat(), p.id, p.review_on < today)

    if plan_case:
        sessions = quick_tasks.rehab_sessions(con, list(plan_case))
        latest_booked: dict[str, date] = {}
        for x in sessions:
            latest_booked[x.plan_id] = max(latest_booked.get(x.plan_id, x.scheduled_on), x.scheduled_on)
        for x in sessions:
            case_id = plan_case[x.plan_id]
            if x.attended is None and today <= x.scheduled_on <= until:
                add("session_upcoming", x.scheduled_on, case_id, x.kind, x.id, False)
            elif x.attended is None and x.scheduled_on < today:
                add("session_unrecorded", x.scheduled_on, case_id, x.kind, x.id, True)
            elif (x.attended is False and x.scheduled_on >= today - timedelta(days=MISSED_FOLLOW_UP_DAYS)
                  and latest_booked[x.plan_id] <= x.scheduled_on):
                add("session_missed", x.scheduled_on, case_id, x.kind, x.id, True)

        goals = quick_tasks.goals_past_target(con, list(plan_case), today)
        if goals:
            latest = quick_tasks.latest_values(con, [g.id for g in goals])
            for g in goals:
                if not goal_reached(g.measure, g.baseline, g.target, latest.get(g.id)):
                    add("goal_overdue", g.target_date, plan_case[g.plan_id], g.description, g.id, True)
    order = {k: i for i, k in enumerate(REHAB_TASK_KINDS)}
    out.sort(key=lambda t: (t.due, order[t.kind], t.claim_no))
    return out


def overdue_action_rows(con, office_id: str, today: date) -> list[OverdueAction]:
    """Open or extended corrective actions of the office whose due date has passed, oldest first."""
    return [OverdueAction(a.id, a.hazard_id, a.employer_id, a.employer_name, a.hazard_category, a.severity,
                          a.description, a.owner, a.due_date, (today - a.due_date).days, a.status)
            for a in quick_tasks.overdue_action_records(con, office_id, OPEN_ACTION_STATUSES, today)]
