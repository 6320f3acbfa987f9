"""Rehabilitation: referral cases, plans, goals, sessions against a budget, measurements and return to work."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from injury_desk.domain.errors import DomainError, FieldError, ValidationFailed, raise_if
from injury_desk.domain.money import from_fen
from injury_desk.domain.rehab import (
    ELIGIBLE_OUTCOMES,
    MEASURE_SCALES,
    OVER_BUDGET_APPROVER,
    REFERRAL_TYPES,
    RTW_OUTCOMES,
    measure_value_error,
)
from injury_desk.services.actor import Actor
from injury_desk.services.context import ServiceContext
from injury_desk.services.fields import FieldReader
from injury_desk.services.people import check_token, edit_token
from injury_desk.services.permissions import require, require_office
from injury_desk.services.rehab_rows import (  # re-exported: the rows were defined here
    CaseDetail,
    CaseRow,
    CaseSummary,
    GoalView,
    LatestMeasure,
    MeasurementView,
    PlanView,
    SessionView,
    case_rows,
)
from injury_desk.store.models import (
    Claim,
    Determination,
    Person,
    RehabCase,
    RehabGoal,
    RehabMeasurement,
    RehabPlan,
    RehabSession,
)
from injury_desk.store.quick_read import driver_connection

__all__ = ["CaseDetail", "CaseRow", "CaseSummary", "GoalView", "LatestMeasure", "MeasurementView", "PlanView",
           "RehabService", "SessionView"]


def _committed_fen(s: Session, case_id: str) -> int:
    """What the case's sessions cost; a booked session commits its cost, attended or not."""
    return s.scalar(
        select(func.coalesce(func.sum(RehabSession.cost_fen), 0))
        .join(RehabPlan, RehabSession.plan_id == RehabPlan.id)
        .where(RehabPlan.case_id == case_id, RehabPlan.deleted.is_(False), RehabSession.deleted.is_(False))
    ) or 0


class RehabService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    # ------------------------------------------------------------ loading

    @staticmethod
    def _load(s: Session, model: type, row_id: str, key: str) -> Any:
        row = s.get(model, row_id)
        if row is None or row.deleted:
            raise DomainError(key, id=row_id)
        return row

    def _case_for_edit(self, s: Session, actor: Actor, case_id: str, token: str | None = None) -> RehabCase:
        case = self._load(s, RehabCase, case_id, "rehab.case_not_found")
        require_office(actor, case.office_id)
        if token is not None:
            check_token(case, token)
        return case

    @staticmethod
    def _require_open(case: RehabCase) -> None:
        if case.status != "open":
            raise DomainError("rehab.case_closed", id=case.id, closed_on=case.closed_on.isoformat()
                              if case.closed_on else None)

    def _plan_for_edit(self, s: Session, actor: Actor, plan_id: str) -> tuple[RehabPlan, RehabCase]:
        plan = self._load(s, RehabPlan, plan_id, "rehab.plan_not_found")
        case = self._case_for_edit(s, actor, plan.case_id)
        self._require_open(case)
        return plan, case

    # ------------------------------------------------------------ reading

    def list_cases(self, actor: Actor, status: str | None = None) -> list[CaseRow]:
        """The office's cases, newest opened first: the quick start's read (rehab_rows.case_rows) on this session."""
        with self.ctx.read() as s:
            return case_rows(driver_connection(s), actor, status)

    def get_case(self, actor: Actor, case_id: str) -> CaseDetail:
        require(actor, "claim.view")
        with self.ctx.read() as s:
            c = self._load(s, RehabCase, case_id, "rehab.case_not_found")
            claim_no, worker_name = s.execute(select(Claim.claim_no, Person.name)
                                              .join(Person, Claim.worker_id == Person.id)
                                              .where(Claim.id == c.claim_id)).one()
            plans = s.scalars(select(RehabPlan).where(RehabPlan.case_id == c.id, RehabPlan.deleted.is_(False))
                              .order_by(RehabPlan.drawn_up_on)).all()
            plan_views = []
            for p in plans:
                goals = s.scalars(select(RehabGoal).where(RehabGoal.plan_id == p.id, RehabGoal.deleted.is_(False))
                                  .order_by(RehabGoal.target_date)).all()
                goal_views = []
                for g in goals:
                    ms = s.scalars(select(RehabMeasurement).where(RehabMeasurement.goal_id == g.id,
                                                                  RehabMeasurement.deleted.is_(False))
                                   .order_by(RehabMeasurement.measured_on)).all()
                    goal_views.append(GoalView(g.id, p.id, g.description, g.measure, g.baseline, g.target,
                                               g.target_date,
                                               tuple(MeasurementView(m.id, g.id, m.measured_on, m.value) for m in ms),
                                               edit_token(g)))
                sessions = s.scalars(select(RehabSession).where(RehabSession.plan_id == p.id,
                                                                RehabSession.deleted.is_(False))
                                     .order_by(RehabSession.scheduled_on)).all()
                plan_views.append(PlanView(
                    p.id, c.id, p.drawn_up_on, p.review_on, p.notes, tuple(goal_views),
                    tuple(SessionView(x.id, p.id, x.scheduled_on, x.kind, x.attended, from_fen(x.cost_fen), x.notes,
                                      edit_token(x)) for x in sessions),
                    edit_token(p)))
            spent = _committed_fen(s, c.id)
            return CaseDetail(
                id=c.id, claim_id=c.claim_id, claim_no=claim_no, worker_name=worker_name,
                referral_type=c.referral_type, provider=c.provider, status=c.status, opened_on=c.opened_on,
                closed_on=c.closed_on, budget=from_fen(c.budget_fen), spent=from_fen(spent),
                remaining=from_fen(c.budget_fen - spent), rtw_outcome=c.rtw_outcome, rtw_date=c.rtw_date,
                restrictions=c.restrictions, accommodations=c.accommodations, plans=tuple(plan_views),
                token=edit_token(c), office_id=c.office_id,
            )

    def budget_status(self, actor: Actor, case_id: str) -> tuple[Decimal, Decimal, Decimal]:
        """(budget, spent, remaining) in yuan; remaining is negative after an approved overrun."""
        require(actor, "claim.view")
        with self.ctx.read() as s:
            c = self._load(s, RehabCase, case_id, "rehab.case_not_found")
            spent = _committed_fen(s, c.id)
            return from_fen(c.budget_fen), from_fen(spent), from_fen(c.budget_fen - spent)

    def claim_summary(self, actor: Actor, claim_id: str) -> list[CaseSummary]:
        """The claim's rehabilitation for its detail page: each case, its budget use, latest measures, RTW."""
        require(actor, "claim.view")
        with self.ctx.read() as s:
            claim = s.get(Claim, claim_id)
            if claim is None or claim.deleted:
                raise DomainError("claim.not_found", id=claim_id)
            require_office(actor, claim.office_id)
            cases = s.scalars(select(RehabCase).where(RehabCase.claim_id == claim_id, RehabCase.deleted.is_(False))
                              .order_by(RehabCase.opened_on, RehabCase.id)).all()
            out = []
            for c in cases:
                goals = s.execute(
                    select(RehabGoal).join(RehabPlan, RehabGoal.plan_id == RehabPlan.id)
                    .where(RehabPlan.case_id == c.id, RehabPlan.deleted.is_(False), RehabGoal.deleted.is_(False))
                    .order_by(RehabPlan.drawn_up_on, RehabGoal.target_date, RehabGoal.id)).scalars().all()
                latest = []
                for g in goals:
                    m = s.scalar(select(RehabMeasurement).where(RehabMeasurement.goal_id == g.id,
                                                                RehabMeasurement.deleted.is_(False))
                                 .order_by(RehabMeasurement.measured_on.desc(), RehabMeasurement.id.desc()).limit(1))
                    latest.append(LatestMeasure(g.id, g.description, g.measure, g.baseline, g.target,
                                                m.value if m else None, m.measured_on if m else None))
                out.append(CaseSummary(c.id, c.referral_type, c.provider, c.status, c.opened_on, c.closed_on,
                                       from_fen(c.budget_fen), from_fen(_committed_fen(s, c.id)), c.rtw_outcome,
                                       c.rtw_date, tuple(latest)))
            return out

    # ------------------------------------------------------------ cases

    def open_case(self, actor: Actor, claim_id: str, data: dict[str, Any]) -> str:
        require(actor, "rehab.edit")
        r = FieldReader(data)
        referral_type = r.choice("referral_type", REFERRAL_TYPES, required=True)
        provider = r.text("provider", required=True, max_len=200)
        budget_fen = r.money_fen("budget", required=True)
        opened_on = r.date("opened_on", required=True, not_after=self.ctx.today())
        raise_if(r.errors)
        with self.ctx.write(actor, "rehab.open_case") as s:
            claim = s.get(Claim, claim_id)
            if claim is None or claim.deleted:
                raise DomainError("claim.not_found", id=claim_id)
            require_office(actor, claim.office_id)
            det = s.scalar(select(Determination).where(Determination.claim_id == claim.id,
                                                       Determination.deleted.is_(False))
                           .order_by(Determination.decided_on.desc()).limit(1))
            if det is None or det.outcome not in ELIGIBLE_OUTCOMES:
                raise DomainError("rehab.claim_not_recognised", claim_no=claim.claim_no,
                                  outcome=det.outcome if det else None)
            if opened_on < det.decided_on:
                raise ValidationFailed([FieldError("opened_on", "rehab.opened_before_decision",
                                                   {"decided_on": det.decided_on.isoformat()})])
            # Two open referrals of one kind for one claim would split the budget and double-book sessions.
            if s.scalar(select(RehabCase.id).where(RehabCase.claim_id == claim.id, RehabCase.deleted.is_(False),
                                                   RehabCase.status == "open",
                                                   RehabCase.referral_type == referral_type)):
                raise DomainError("rehab.case_already_open", claim_no=claim.claim_no, referral_type=referral_type)
            case = RehabCase(office_id=claim.office_id, claim_id=claim.id, referral_type=referral_type,
                             provider=provider, budget_fen=budget_fen, opened_on=opened_on, status="open")
            s.add(case)
            s.flush()
            return case.id

    def record_return_to_work(self, actor: Actor, case_id: str, data: dict[str, Any], *,
                              token: str | None = None) -> None:
        require(actor, "rehab.edit")
        r = FieldReader(data)
        outcome = r.choice("outcome", RTW_OUTCOMES, required=True)
        # "not returned" is a finding, not an event with a date, so the date is optional only there.
        rtw_date = r.date("rtw_date", required=outcome not in (None, "not_returned"), not_after=self.ctx.today())
        restrictions = r.text("restrictions", max_len=20_000)
        accommodations = r.text("accommodations", max_len=20_000)
        raise_if(r.errors)
        with self.ctx.write(actor, "rehab.return_to_work") as s:
            case = self._case_for_edit(s, actor, case_id, token)
            self._require_open(case)
            if rtw_date is not None and rtw_date < case.opened_on:
                raise ValidationFailed([FieldError("rtw_date", "rehab.rtw_before_opened",
                                                   {"opened_on": case.opened_on.isoformat()})])
            case.rtw_outcome = outcome
            case.rtw_date = rtw_date
            case.restrictions = restrictions
            case.accommodations = accommodations

    def close_case(self, actor: Actor, case_id: str, closed_on: date | str | None, *,
                   token: str | None = None) -> None:
        require(actor, "rehab.edit")
        r = FieldReader({"closed_on": closed_on})
        closed = r.date("closed_on", required=True, not_after=self.ctx.today())
        raise_if(r.errors)
        with self.ctx.write(actor, "rehab.close_case") as s:
            case = self._case_for_edit(s, actor, case_id, token)
            self._require_open(case)
            if not case.rtw_outcome:
                raise DomainError("rehab.outcome_required", id=case.id)
            if closed < case.opened_on:
                raise ValidationFailed([FieldError("closed_on", "rehab.closed_before_opened",
                                                   {"opened_on": case.opened_on.isoformat()})])
            case.status = "closed"
            case.closed_on = closed

    # ------------------------------------------------------------ plans, goals, measurements

    def add_plan(self, actor: Actor, case_id: str, data: dict[str, Any]) -> str:
        require(actor, "rehab.edit")
        r = FieldReader(data)
        drawn_up_on = r.date("drawn_up_on", required=True, not_after=self.ctx.today())
        review_on = r.date("review_on")
        notes = r.text("notes", max_len=20_000)
        if drawn_up_on and review_on and review_on < drawn_up_on:
            r.error("review_on", "rehab.review_before_plan", drawn_up_on=drawn_up_on.isoformat())
        raise_if(r.errors)
        with self.ctx.write(actor, "rehab.add_plan") as s:
            case = self._case_for_edit(s, actor, case_id)
            self._require_open(case)
            if drawn_up_on < case.opened_on:
                raise ValidationFailed([FieldError("drawn_up_on", "rehab.plan_before_opened",
                                                   {"opened_on": case.opened_on.isoformat()})])
            plan = RehabPlan(office_id=case.office_id, case_id=case.id, drawn_up_on=drawn_up_on,
                             review_on=review_on, notes=notes)
            s.add(plan)
            s.flush()
            return plan.id

    def review_plan(self, actor: Actor, plan_id: str, data: dict[str, Any], *, token: str | None = None) -> None:
        """Record that the plan was reviewed: the review date moves to the next review (or none is planned).

        The audit event of the change (``rehab.review_plan``, old and new ``review_on``) is the record of
        the review; the notes of the review are appended to the plan's notes with the date.
        """
        require(actor, "rehab.edit")
        r = FieldReader(data)
        reviewed_on = r.date("reviewed_on", required=True, not_after=self.ctx.today())
        next_review = r.date("next_review_on")
        notes = r.text("notes", max_len=5_000)
        if reviewed_on and next_review and next_review <= reviewed_on:
            r.error("next_review_on", "rehab.next_review_not_after", reviewed_on=reviewed_on.isoformat())
        raise_if(r.errors)
        with self.ctx.write(actor, "rehab.review_plan") as s:
            plan, _case = self._plan_for_edit(s, actor, plan_id)
            if token is not None:
                check_token(plan, token)
            if reviewed_on < plan.drawn_up_on:
                raise ValidationFailed([FieldError("reviewed_on", "rehab.review_before_plan",
                                                   {"drawn_up_on": plan.drawn_up_on.isoformat()})])
            plan.review_on = next_review
            if notes:
                entry = f"[{reviewed_on.isoformat()}] {notes}"
                plan.notes = f"{plan.notes}\n{entry}" if plan.notes else entry

    def add_goal(self, actor: Actor, plan_id: str, data: dict[str, Any]) -> str:
        require(actor, "rehab.edit")
        r = FieldReader(data)
        description = r.text("description", required=True, max_len=20_000)
        measure = r.text("measure", required=True, max_len=64)
        baseline = r.text("baseline", max_len=32)
        target = r.text("target", max_len=32)
        target_date = r.date("target_date")
        # On a standard scale the baseline and target are points of the scale, so the chart can plot them.
        if measure in MEASURE_SCALES:
            for key, text in (("baseline", baseline), ("target", target)):
                broken = measure_value_error(measure, text) if text else None
                if broken:
                    r.error(key, broken[0], **broken[1])
        raise_if(r.errors)
        with self.ctx.write(actor, "rehab.add_goal") as s:
            plan, _case = self._plan_for_edit(s, actor, plan_id)
            if target_date is not None and target_date < plan.drawn_up_on:
                raise ValidationFailed([FieldError("target_date", "rehab.target_before_plan",
                                                   {"drawn_up_on": plan.drawn_up_on.isoformat()})])
            goal = RehabGoal(office_id=plan.office_id, plan_id=plan.id, description=description, measure=measure,
                             baseline=baseline, target=target, target_date=target_date)
            s.add(goal)
            s.flush()
            return goal.id

    def record_measurement(self, actor: Actor, goal_id: str, measured_on: date | str | None,
                           value: str | None) -> str:
        require(actor, "rehab.edit")
        r = FieldReader({"measured_on": measured_on, "value": value})
        measured = r.date("measured_on", required=True, not_after=self.ctx.today())
        text = r.text("value", required=True, max_len=32)
        raise_if(r.errors)
        with self.ctx.write(actor, "rehab.record_measurement") as s:
            goal = self._load(s, RehabGoal, goal_id, "rehab.goal_not_found")
            plan, _case = self._plan_for_edit(s, actor, goal.plan_id)
            # A measurement is a number (on the goal's scale when it has one): it is charted against the target.
            broken = measure_value_error(goal.measure, text)
            if broken:
                raise ValidationFailed([FieldError("value", broken[0], broken[1])])
            text = format(Decimal(text), "f")
            if measured < plan.drawn_up_on:
                raise ValidationFailed([FieldError("measured_on", "rehab.measured_before_plan",
                                                   {"drawn_up_on": plan.drawn_up_on.isoformat()})])
            m = RehabMeasurement(office_id=goal.office_id, goal_id=goal.id, measured_on=measured, value=text)
            s.add(m)
            s.flush()
            return m.id

    # ------------------------------------------------------------ sessions and the budget

    def schedule_session(self, actor: Actor, plan_id: str, data: dict[str, Any], *,
                         approve_over_budget: bool = False) -> str:
        """Book a session; its cost must fit the case budget unless a supervisor approves the overrun."""
        require(actor, "rehab.edit")
        r = FieldReader(data)
        scheduled_on = r.date("scheduled_on", required=True)
        kind = r.text("kind", required=True, max_len=100)
        cost_fen = r.money_fen("cost")
        notes = r.text("notes", max_len=20_000)
        raise_if(r.errors)
        cost_fen = cost_fen or 0
        approving = approve_over_budget and actor.role == OVER_BUDGET_APPROVER
        # The approval is audited under its own action so an overrun is always traceable to its approver.
        action = "rehab.schedule_session_over_budget" if approving else "rehab.schedule_session"
        with self.ctx.write(actor, action) as s:
            plan, case = self._plan_for_edit(s, actor, plan_id)
            if scheduled_on < case.opened_on:
                raise ValidationFailed([FieldError("scheduled_on", "rehab.session_before_opened",
                                                   {"opened_on": case.opened_on.isoformat()})])
            total = _committed_fen(s, case.id) + cost_fen
            # A free session adds nothing to an overrun that was already approved, so it is never refused.
            if cost_fen and total > case.budget_fen and not approving:
                raise DomainError("rehab.budget_exceeded", budget=from_fen(case.budget_fen), total=from_fen(total),
                                  cost=from_fen(cost_fen), approver_role=OVER_BUDGET_APPROVER)
            session = RehabSession(office_id=plan.office_id, plan_id=plan.id, scheduled_on=scheduled_on, kind=kind,
                                   cost_fen=cost_fen, notes=notes)
            s.add(session)
            s.flush()
            return session.id

    def record_attendance(self, actor: Actor, session_id: str, attended: bool) -> None:
        require(actor, "rehab.edit")
        if not isinstance(attended, bool):
            raise ValidationFailed([FieldError("attended", "field.boolean", {"value": str(attended)})])
        with self.ctx.write(actor, "rehab.record_attendance") as s:
            session = self._load(s, RehabSession, session_id, "rehab.session_not_found")
            self._plan_for_edit(s, actor, session.plan_id)
            # Attendance is a fact about the past; a booked future session has none yet.
            if session.scheduled_on > self.ctx.today():
                raise DomainError("rehab.session_in_future", scheduled_on=session.scheduled_on.isoformat(),
                                  today=self.ctx.today().isoformat())
            session.attended = attended
