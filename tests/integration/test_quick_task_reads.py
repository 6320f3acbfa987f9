"""The Tasks page's plain reads (services.task_rows over store.quick_tasks and store.quick_facts) on the demo data with
every kind of task: the quick start's read-only connection gives what the services give, and the plain SQL gives
what the SQLAlchemy queries it replaced gave (dates, flags and NULLs converted as SQLAlchemy's types do)."""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta

import pytest
from sqlalchemy import and_, func, select

from injury_desk.domain.identifiers import make_resident_id
from injury_desk.domain.lifecycle import DeliveryFact
from injury_desk.domain.prevention import OPEN_ACTION_STATUSES
from injury_desk.services import task_rows
from injury_desk.services.claim_facts import claim_row_facts, facts_for
from injury_desk.services.container import Services
from injury_desk.services.context import ServiceContext
from injury_desk.services.demo import build_demo
from injury_desk.services.dependant_person import register_person
from injury_desk.services.quick_start import QuickStart
from injury_desk.store import quick_tasks
from injury_desk.store.database import open_database
from injury_desk.store.models import (
    Appraisal,
    Assessment,
    Claim,
    CorrectiveAction,
    Delivery,
    Dependant,
    Determination,
    DeterminationSuspension,
    Employer,
    Hazard,
    RehabMeasurement,
    RehabSession,
)
from injury_desk.store.quick_facts import CLAIM_FACT_COLUMNS, facts_and_deadlines, facts_of_claims
from injury_desk.store.quick_read import driver_connection
from tests.conftest import claim_draft, worker_data

DEMO_TODAY = date(2026, 11, 28)
LONG_HORIZON = 400  # every clock of a claim, the appeal windows of six months too


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    """The demo (300 claims) on a fixed day, with what it lacks added through the services: a late application,
    a not-accepted claim with its notice delivered (appeal windows), a suspension period running, a decision
    clock paused and a missed rehabilitation session."""
    data_dir = tmp_path_factory.mktemp("quick_tasks") / "demo"
    db = open_database(data_dir, purpose="demo")
    build_demo(db, claims=300, today=DEMO_TODAY)
    services = Services.build(ServiceContext(db=db, today=lambda: DEMO_TODAY))
    sup = services.auth.login("supervisor", "demo-supervisor")
    cw = services.auth.login("caseworker", "demo-caseworker")
    day = lambda n: (DEMO_TODAY - timedelta(days=n)).isoformat()  # noqa: E731 - n days before the demo's today

    services.claims.create(cw, claim_draft(accident_date=day(400), applicant_type=None, application_received_on=None,
                                           worker=worker_data(id_number="110105198005060125", name="李娜")))
    closed = services.claims.create(cw, claim_draft(application_received_on=day(20), accident_date=day(25),
                                                    worker=worker_data(id_number=make_resident_id("110105", date(1970, 3, 7), 13, "M"), name="周军")))
    services.clocks.not_accept(sup, closed, {"not_accepted_on": day(18), "reason": "不属于本部门管辖"})
    services.clocks.record_delivery(sup, closed, {"document_kind": "not_accepted_notice", "delivered_on": day(17),
                                                  "recipient": "worker", "recipient_name": "周军"})
    working = services.claims.create(cw, claim_draft(application_received_on=day(30), accident_date=day(362),
                                                     worker=worker_data(id_number=make_resident_id("110105", date(1965, 11, 23), 31, "M"), name="孙明")))
    services.clocks.start_stop_work(sup, working, {"started_on": day(362)})
    services.claims.accept(sup, working, {"accepted_on": day(28)})
    services.clocks.start_suspension(sup, working, {"started_on": day(10), "reason": "法院审理劳动关系"})

    case_id = services.tasks.rehab_tasks(sup, scope="office")[0].case_id
    plan = services.rehab.add_plan(cw, case_id, {"drawn_up_on": day(6)})
    missed = services.rehab.schedule_session(cw, plan, {"scheduled_on": day(3), "kind": "理疗"})
    services.rehab.record_attendance(cw, missed, False)
    yield data_dir, services, {"sup": sup, "cw": cw}
    services.close()


def test_the_demo_holds_every_kind_of_task(demo):
    _dir, services, actors = demo
    sup = actors["sup"]
    rows = services.tasks.claim_deadlines(sup, scope="office", horizon_days=LONG_HORIZON)
    assert {r.kind for r in rows} >= {"application_employer", "application", "acceptance", "decision", "appraisal",
                                      "stop_work", "reconsideration", "lawsuit", "dependant_pension_ends"}
    assert {r.group for r in services.tasks.claim_deadlines(sup, scope="office")} == set(task_rows.GROUPS)
    assert {t.kind for t in services.tasks.rehab_tasks(sup, scope="office")} == set(task_rows.REHAB_TASK_KINDS)
    assert services.inspections.overdue_actions(sup)


@pytest.mark.parametrize(("who", "scope"), [("sup", "office"), ("sup", "mine"), ("cw", "mine")])
def test_the_quick_start_reads_what_the_services_read(demo, who, scope):
    data_dir, services, actors = demo
    actor = actors[who]
    quick = QuickStart.open(data_dir)
    assert quick is not None
    try:
        deadlines, rehab, actions = quick.read(task_rows.task_lists, actor, scope, DEMO_TODAY)
        long = quick.read(task_rows.deadline_rows, actor.office_id, actor.user_id if scope == "mine" else None,
                          DEMO_TODAY, LONG_HORIZON)
    finally:
        quick.close()
    assert deadlines and rehab and actions
    assert deadlines == services.tasks.claim_deadlines(actor, scope=scope)
    assert long == services.tasks.claim_deadlines(actor, scope=scope, horizon_days=LONG_HORIZON)
    assert rehab == services.tasks.rehab_tasks(actor, scope=scope)
    assert actions == services.inspections.overdue_actions(actor)


def test_the_quick_start_refuses_what_the_services_refuse(demo):
    data_dir, services, actors = demo
    quick = QuickStart.open(data_dir)
    try:
        with pytest.raises(Exception) as plain:
            quick.read(task_rows.task_lists, actors["cw"], "office", DEMO_TODAY)
    finally:
        quick.close()
    with pytest.raises(Exception) as full:
        services.tasks.claim_deadlines(actors["cw"], scope="office")
    assert plain.value.key == full.value.key == "permission.denied"


# ------------------------------------------------ the SQLAlchemy reads the plain ones replaced, as they were


def orm_facts(s, claim_ids):
    dets, apprs = {}, {}
    for d in s.execute(select(Determination.claim_id, Determination.outcome, Determination.decided_on)
                       .where(Determination.claim_id.in_(claim_ids), Determination.deleted.is_(False))
                       .order_by(Determination.decided_on)):
        dets[d.claim_id] = d
    for a in s.execute(select(Appraisal.claim_id, Appraisal.requested_on, Appraisal.extended, Appraisal.appraised_on,
                              Appraisal.disability_grade)
                       .where(Appraisal.claim_id.in_(claim_ids), Appraisal.deleted.is_(False))
                       .order_by(Appraisal.requested_on)):
        apprs[a.claim_id] = a
    assessed = defaultdict(set)
    for claim_id, status in s.execute(select(Assessment.claim_id, Assessment.status).where(
            Assessment.claim_id.in_(claim_ids), Assessment.deleted.is_(False))):
        assessed[claim_id].add(status)
    pauses = defaultdict(list)
    for p in s.execute(select(DeterminationSuspension.claim_id, DeterminationSuspension.started_on,
                              DeterminationSuspension.ended_on)
                       .where(DeterminationSuspension.claim_id.in_(claim_ids),
                              DeterminationSuspension.deleted.is_(False))
                       .order_by(DeterminationSuspension.started_on)):
        pauses[p.claim_id].append((p.started_on, p.ended_on))
    delivered = defaultdict(list)
    for d in s.execute(select(Delivery.claim_id, Delivery.document_kind, Delivery.delivered_on, Delivery.recipient,
                              Delivery.number)
                       .where(Delivery.claim_id.in_(claim_ids), Delivery.deleted.is_(False))
                       .order_by(Delivery.delivered_on, Delivery.recipient)):
        delivered[d.claim_id].append(DeliveryFact(d.document_kind, d.delivered_on, d.recipient, d.number))
    columns = [getattr(Claim, name) for name in CLAIM_FACT_COLUMNS]
    return {c.id: claim_row_facts(c._mapping, dets.get(c.id), apprs.get(c.id), assessed[c.id], tuple(pauses[c.id]),
                                  tuple(delivered[c.id]))
            for c in s.execute(select(*columns).where(Claim.id.in_(claim_ids)))}


def test_the_plain_facts_are_the_orm_facts_of_every_claim(demo):
    _dir, services, _actors = demo
    with services.ctx.read() as s:
        ids = s.scalars(select(Claim.id)).all()
        expected = {}
        for start in range(0, len(ids), 500):
            expected.update(orm_facts(s, ids[start:start + 500]))
        plain = facts_of_claims(driver_connection(s), ids)
        assert facts_for(s, ids) == plain
    assert len(plain) == len(ids) > 300
    assert plain == expected
    facts = list(plain.values())
    # the demo exercises the conversions: dates, flags both ways, NULLs, grades and every kind of record
    assert any(f.clear_case for f in facts) and not all(f.needs_appraisal for f in facts)
    assert any(f.suspensions for f in facts) and any(f.deliveries for f in facts)
    assert any(f.disability_grade for f in facts) and any(f.assessment_approved for f in facts)
    assert any(f.stop_work_started_on for f in facts) and any(f.accepted_on is None for f in facts)


def test_the_facts_read_assessments_from_the_covering_index_and_the_stored_deadline_with_the_claims(demo):
    # An assessment row holds its calculation (KiB of JSON): the facts need its status only, which the partial index
    # ix_assessments_claim_status (migration 0016) holds; reading the rows instead cost a page per assessment.
    _dir, services, _actors = demo
    with services.ctx.read() as s:
        con = driver_connection(s)
        ids = s.scalars(select(Claim.id)).all()
        statements: list[str] = []
        con.set_trace_callback(statements.append)
        try:
            with_deadlines, stored = facts_and_deadlines(con, ids)
        finally:
            con.set_trace_callback(None)
        assert with_deadlines == facts_of_claims(con, ids)
        reads = [q for q in statements if "FROM assessments" in q]
        assert reads
        for q in reads:
            plan = " ".join(str(r[-1]) for r in con.execute(f"EXPLAIN QUERY PLAN {q}"))
            assert "USING COVERING INDEX ix_assessments_claim_status " in f"{plan} ", plan
        # the stored deadline as SQLite keeps it (ISO text and kind, or NULLs), for every claim, from the same read
        assert stored == {r[0]: (r[1], r[2]) for r in con.execute(
            "SELECT id, next_deadline, next_deadline_kind FROM claims")}
        assert any(v[0] for v in stored.values()) and any(v[0] is None for v in stored.values())


class Undo(Exception):
    """Rolls the write transaction back: the change is only looked at."""


def test_facts_for_reads_what_the_session_has_not_flushed_yet(demo):
    _dir, services, actors = demo
    with pytest.raises(Undo), services.ctx.write(actors["sup"], "test.unflushed") as s:
        claim = s.scalars(select(Claim).where(Claim.accepted_on.is_not(None))).first()
        claim.accepted_on = claim.accepted_on + timedelta(days=1)
        assert facts_for(s, [claim.id])[claim.id].accepted_on == claim.accepted_on
        raise Undo


def test_the_plain_task_records_are_the_orm_rows(demo):
    _dir, services, actors = demo
    sup = actors["sup"]
    with services.ctx.read() as s:
        con = driver_connection(s)
        claims = quick_tasks.listed_claims(con, sup.office_id, None, DEMO_TODAY - timedelta(days=190))
        dependants = quick_tasks.dependants_of(con, list(claims))
        orm_dependants = s.scalars(select(Dependant).where(Dependant.claim_id.in_(list(claims)),
                                                           Dependant.deleted.is_(False))).all()
        assert dependants and [register_person(d) for d in dependants] == [register_person(d) for d in orm_dependants]

        q = (select(CorrectiveAction, Hazard, Employer.name)
             .join(Hazard, CorrectiveAction.hazard_id == Hazard.id).join(Employer, Hazard.employer_id == Employer.id)
             .where(CorrectiveAction.deleted.is_(False), Hazard.deleted.is_(False),
                    CorrectiveAction.office_id == sup.office_id, CorrectiveAction.status.in_(OPEN_ACTION_STATUSES),
                    CorrectiveAction.due_date < DEMO_TODAY)
             .order_by(CorrectiveAction.due_date, Employer.name))
        orm_actions = [(a.id, h.id, h.employer_id, name, h.category, h.severity, a.description, a.owner, a.due_date,
                        a.status) for a, h, name in s.execute(q).all()]
        assert orm_actions and quick_tasks.overdue_action_records(
            con, sup.office_id, OPEN_ACTION_STATUSES, DEMO_TODAY) == orm_actions

        plans = [p.id for p in quick_tasks.rehab_plans(
            con, list(quick_tasks.open_rehab_cases(con, sup.office_id, None)))]
        sessions = quick_tasks.rehab_sessions(con, plans)
        orm_sessions = s.scalars(select(RehabSession).where(RehabSession.plan_id.in_(plans),
                                                            RehabSession.deleted.is_(False))).all()
        assert sessions == [(x.id, x.plan_id, x.scheduled_on, x.kind, x.attended) for x in orm_sessions]
        assert {x.attended for x in sessions} == {None, True, False}
        goals = quick_tasks.goals_past_target(con, plans, DEMO_TODAY)

        last_on = (select(RehabMeasurement.goal_id, func.max(RehabMeasurement.measured_on).label("on"))
                   .where(RehabMeasurement.goal_id.in_([g.id for g in goals]), RehabMeasurement.deleted.is_(False))
                   .group_by(RehabMeasurement.goal_id).subquery())
        orm_latest = dict(s.execute(
            select(RehabMeasurement.goal_id, RehabMeasurement.value)
            .join(last_on, and_(last_on.c.goal_id == RehabMeasurement.goal_id,
                                last_on.c.on == RehabMeasurement.measured_on))
            .where(RehabMeasurement.deleted.is_(False))).all())
        assert goals and orm_latest and quick_tasks.latest_values(con, [g.id for g in goals]) == orm_latest


def test_the_claim_count_bounding_the_quick_read_counts_what_it_would_check(demo, monkeypatch):
    data_dir, _services, actors = demo
    sup = actors["sup"]
    quick = QuickStart.open(data_dir)
    try:
        since = quick.today() - timedelta(days=task_rows.APPEAL_LOOKBACK_DAYS)
        listed = len(quick.read(quick_tasks.listed_claims, sup.office_id, None, since))
        assert listed > 3
        # the whole number when it is within the bound, the bound plus one when it is over
        assert quick.read(quick_tasks.listed_claim_count, sup.office_id, None, since, listed) == listed
        assert quick.read(quick_tasks.listed_claim_count, sup.office_id, None, since, listed - 1) == listed
        assert quick.read(quick_tasks.listed_claim_count, sup.office_id, None, since, 2) == 3
        today = quick.today()
        for limit, few in ((listed, True), (listed - 1, False)):
            monkeypatch.setattr(task_rows, "QUICK_CLAIM_LIMIT", limit)
            assert quick.read(task_rows.few_enough_claims, sup, "office", today) is few
    finally:
        quick.close()
