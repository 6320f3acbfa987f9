"""The Tasks page: statutory deadlines due soon or overdue and rehabilitation follow-ups, per caseworker and office."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import and_, func, or_, select

from injury_desk.domain.compensation import load_rules
from injury_desk.domain.compensation.dependants import endings_within
from injury_desk.domain.deadlines import THIS_WEEK_DAYS, claim_deadlines
from injury_desk.domain.errors import FieldError, ValidationFailed
from injury_desk.domain.identifiers import mask_resident_id
from injury_desk.domain.rehab import goal_reached
from injury_desk.services.actor import Actor
from injury_desk.services.claim_facts import facts_for
from injury_desk.services.context import ServiceContext
from injury_desk.resources import resources_dir
from injury_desk.services.permissions import require
from injury_desk.store.models import (
    Claim,
    Delivery,
    Dependant,
    Person,
    RehabCase,
    RehabGoal,
    RehabMeasurement,
    RehabPlan,
    RehabSession,
    User,
    claim_list,
)

DUE_SOON_DAYS = 14
# The Tasks page and `injury-desk tasks` look this far ahead for statutory clocks ("later" ends here).
DEADLINE_HORIZON_DAYS = 30
# Appeal windows of closed claims: a delivery older than the longest window (6 months) opens nothing more.
APPEAL_LOOKBACK_DAYS = 190
# A session recorded as missed stays a task for this long, unless a later session is booked in its plan.
MISSED_FOLLOW_UP_DAYS = 30
REHAB_TASK_KINDS = ("session_upcoming", "session_unrecorded", "session_missed", "goal_overdue", "plan_review")
GROUPS = ("overdue", "this_week", "later")
# A dependant's pension ending (a child turning 18) shows this far ahead, whatever the deadline horizon.
DEPENDANT_NOTICE_DAYS = 60
DEPENDANT_BASIS = "Provisions on Dependants Art. 4"


@dataclass(frozen=True)
class TaskRow:
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


def deadline_rows(s, office_id: str, user_id: str | None, today: date,
                  horizon_days: int = DEADLINE_HORIZON_DAYS) -> list[TaskRow]:
    """Every clock of the office's claims (``user_id``: only claims assigned to them) that is overdue work or
    ends within ``horizon_days`` of ``today``, computed from the claims' facts for that day."""
    until = today + timedelta(days=horizon_days)
    t = claim_list.c
    recent = select(Delivery.claim_id).where(Delivery.deleted.is_(False),
                                             Delivery.delivered_on >= today - timedelta(days=APPEAL_LOOKBACK_DAYS))
    stmt = (select(t.claim_id, t.claim_no, t.worker_name, t.id_number, t.assigned_to)
            .where(t.deleted == False, t.office_id == office_id,  # noqa: E712
                   or_(t.status != "closed", t.claim_id.in_(recent))))
    if user_id is not None:
        stmt = stmt.where(t.assigned_to == user_id)
    claims = {r.claim_id: r for r in s.execute(stmt)}
    names = dict(s.execute(select(User.id, User.display_name)).all())
    rows: list[TaskRow] = []
    for claim_id, facts in facts_for(s, claims).items():
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
    rows += dependant_ending_rows(s, claims, names, today, max(horizon_days, DEPENDANT_NOTICE_DAYS))
    order = {g: i for i, g in enumerate(GROUPS)}
    rows.sort(key=lambda r: (order[r.group], r.due, r.claim_no, r.kind, r.recipient))
    return rows


def dependant_ending_rows(s, claims: dict, names: dict[str, str], today: date, days: int) -> list[TaskRow]:
    """Dependants' pensions that end within ``days`` (a child's 18th birthday, a recorded event): the caseworker
    checks before the last payment whether the person has completely lost the capacity to work (Provisions
    Art. 4(1)) and tells the payee. Not a statutory duty that can be overdue: once the day passed the schedule
    has stopped by itself."""
    if not claims:
        return []
    from injury_desk.services.dependants import register_person  # the one mapping from a row to the rule

    rows = s.scalars(select(Dependant).where(Dependant.claim_id.in_(list(claims)), Dependant.deleted.is_(False)))
    by_claim: dict[str, list] = {}
    for r in rows:
        by_claim.setdefault(r.claim_id, []).append(r)
    if not by_claim:
        return []
    book = load_rules(resources_dir() / "rules")
    out: list[TaskRow] = []
    for claim_id, people in by_claim.items():
        c = claims[claim_id]
        rules = book.national_for(today).register_rules
        for person, end in endings_within([register_person(p) for p in people], today, days, rules):
            left = (end.on - today).days
            group = "this_week" if left <= THIS_WEEK_DAYS else "later"
            out.append(TaskRow(
                kind="dependant_pension_ends", due=end.on, days_left=left, overdue=False, claim_id=claim_id,
                claim_no=c.claim_no, worker_name=c.worker_name, id_number=mask_resident_id(c.id_number),
                assigned_to=names.get(c.assigned_to, ""), basis=DEPENDANT_BASIS, status=group, group=group,
                attention=group == "this_week", recipient="", start_event=end.reason, subject=person.name))
    return out


class TaskService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def claim_deadlines(self, actor: Actor, *, scope: str = "mine", on: date | None = None,
                        horizon_days: int = DEADLINE_HORIZON_DAYS) -> list[TaskRow]:
        """The statutory clocks due by urgency for ``on`` (default today); ``scope`` is mine or office."""
        require(actor, "claim.view")
        if scope == "office":
            require(actor, "tasks.office")
        elif scope != "mine":
            raise ValidationFailed([FieldError("scope", "field.choice", {"value": scope})])
        with self.ctx.read() as s:
            return deadline_rows(s, actor.office_id, actor.user_id if scope == "mine" else None,
                                 on or self.ctx.today(), horizon_days)

    def rehab_tasks(self, actor: Actor, *, scope: str = "mine",
                    horizon_days: int = DUE_SOON_DAYS) -> list[RehabTaskRow]:
        """Follow-ups of the office's open rehabilitation cases (``scope`` mine: cases of claims assigned to me)."""
        require(actor, "claim.view")
        with self.ctx.read() as s:
            return _rehab_tasks(s, actor.office_id, actor.user_id if scope == "mine" else None, self.ctx.today(),
                                horizon_days)


@dataclass(frozen=True)
class RehabTaskRow:
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


def _rehab_tasks(s, office_id: str, user_id: str | None, today: date, horizon_days: int) -> list[RehabTaskRow]:
    until = today + timedelta(days=horizon_days)
    base = (select(RehabCase.id, RehabCase.claim_id, RehabCase.provider, Claim.claim_no, Person.name)
            .join(Claim, RehabCase.claim_id == Claim.id).join(Person, Claim.worker_id == Person.id)
            .where(RehabCase.deleted.is_(False), RehabCase.status == "open", RehabCase.office_id == office_id))
    if user_id is not None:
        base = base.where(Claim.assigned_to == user_id)
    cases = {r.id: r for r in s.execute(base)}
    if not cases:
        return []
    out: list[RehabTaskRow] = []

    def add(kind: str, due: date, case_id: str, subject: str, row_id: str, overdue: bool) -> None:
        c = cases[case_id]
        out.append(RehabTaskRow(kind, due, (due - today).days, overdue, case_id, c.claim_id, c.claim_no, c.name,
                                c.provider, subject, row_id))

    plans = s.execute(select(RehabPlan).where(RehabPlan.case_id.in_(cases), RehabPlan.deleted.is_(False))
                      .order_by(RehabPlan.case_id, RehabPlan.drawn_up_on, RehabPlan.id)).scalars().all()
    plan_case = {p.id: p.case_id for p in plans}
    current: dict[str, RehabPlan] = {}
    for p in plans:  # ordered by date: the last one of a case is the plan in force
        current[p.case_id] = p
    for p in current.values():
        if p.review_on is not None and p.review_on <= until:
            add("plan_review", p.review_on, p.case_id, p.drawn_up_on.isoformat(), p.id, p.review_on < today)

    if plan_case:
        sessions = s.execute(select(RehabSession).where(RehabSession.plan_id.in_(plan_case),
                                                        RehabSession.deleted.is_(False))).scalars().all()
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

        goals = s.execute(select(RehabGoal).where(RehabGoal.plan_id.in_(plan_case), RehabGoal.deleted.is_(False),
                                                  RehabGoal.target_date.is_not(None),
                                                  RehabGoal.target_date < today)).scalars().all()
        if goals:
            last_on = (select(RehabMeasurement.goal_id, func.max(RehabMeasurement.measured_on).label("on"))
                       .where(RehabMeasurement.goal_id.in_([g.id for g in goals]),
                              RehabMeasurement.deleted.is_(False))
                       .group_by(RehabMeasurement.goal_id).subquery())
            latest = dict(s.execute(
                select(RehabMeasurement.goal_id, RehabMeasurement.value)
                .join(last_on, and_(last_on.c.goal_id == RehabMeasurement.goal_id,
                                    last_on.c.on == RehabMeasurement.measured_on))
                .where(RehabMeasurement.deleted.is_(False))).all())
            for g in goals:
                if not goal_reached(g.measure, g.baseline, g.target, latest.get(g.id)):
                    add("goal_overdue", g.target_date, plan_case[g.plan_id], g.description, g.id, True)
    order = {k: i for i, k in enumerate(REHAB_TASK_KINDS)}
    out.sort(key=lambda t: (t.due, order[t.kind], t.claim_no))
    return out
