"""A claim's facts for the lifecycle and its clocks, read for one claim or thousands at once, and the stored
governing deadline (a local column that does not depend on today, so it never goes stale)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Set
from datetime import date
from typing import Any

from sqlalchemy import bindparam, func, select, update
from sqlalchemy.orm import Session

from injury_desk.domain.deadlines import next_deadline
from injury_desk.domain.errors import DomainError
from injury_desk.domain.lifecycle import ClaimFacts, DeliveryFact
from injury_desk.services.actor import Actor
from injury_desk.services.permissions import require_office
from injury_desk.store.batches import in_batches
from injury_desk.store.models import Appraisal, Assessment, Claim, Delivery, Determination, DeterminationSuspension

_CLAIM_COLUMNS = (
    Claim.id, Claim.status, Claim.accident_date, Claim.applicant_type, Claim.application_received_on,
    Claim.accepted_on, Claim.clear_case, Claim.needs_appraisal, Claim.fatal, Claim.occupational_disease,
    Claim.diagnosed_on, Claim.employer_extended_to, Claim.documents_requested_on, Claim.documents_completed_on,
    Claim.not_accepted_on, Claim.stop_work_started_on, Claim.stop_work_months, Claim.stop_work_ended_on,
)


def office_claim(s: Session, actor: Actor, claim_id: str) -> Claim:
    """The claim, if it exists, is not deleted and belongs to the actor's office (else the refusal to show)."""
    claim = s.get(Claim, claim_id)
    if claim is None or claim.deleted:
        raise DomainError("claim.not_found", id=claim_id)
    require_office(actor, claim.office_id)
    return claim


def approved_assessment(s: Session, claim_id: str) -> Assessment | None:
    """The approved assessment in force: the newest approval (an older one is superseded, never edited)."""
    return s.scalar(select(Assessment).where(Assessment.claim_id == claim_id, Assessment.deleted.is_(False),
                                             Assessment.status == "approved")
                    .order_by(Assessment.decided_at.desc()).limit(1))


def first_appraised_on(s: Session, claim_id: str) -> date | None:
    """The day the disability was first appraised: it ends the suspension period at the latest (Art. 33 para. 3);
    a later re-appraisal or review does not move that end."""
    return s.scalar(select(func.min(Appraisal.appraised_on)).where(Appraisal.claim_id == claim_id,
                                                                   Appraisal.deleted.is_(False)))


def facts_for(s: Session, claim_ids: Iterable[str]) -> dict[str, ClaimFacts]:
    """The facts of every listed claim, with a handful of queries per batch of ids (never one per claim)."""
    ids = list(dict.fromkeys(claim_ids))
    out: dict[str, ClaimFacts] = {}
    for chunk in in_batches(ids):
        dets: dict[str, Determination] = {}
        for d in s.execute(select(Determination.claim_id, Determination.outcome, Determination.decided_on)
                           .where(Determination.claim_id.in_(chunk), Determination.deleted.is_(False))
                           .order_by(Determination.decided_on)):
            dets[d.claim_id] = d  # ordered: the latest decision wins
        apprs = {}
        for a in s.execute(select(Appraisal.claim_id, Appraisal.requested_on, Appraisal.extended,
                                  Appraisal.appraised_on, Appraisal.disability_grade)
                           .where(Appraisal.claim_id.in_(chunk), Appraisal.deleted.is_(False))
                           .order_by(Appraisal.requested_on)):
            apprs[a.claim_id] = a
        assessed: dict[str, set[str]] = defaultdict(set)
        for claim_id, status in s.execute(select(Assessment.claim_id, Assessment.status).where(
                Assessment.claim_id.in_(chunk), Assessment.deleted.is_(False))):
            assessed[claim_id].add(status)
        pauses: dict[str, list] = defaultdict(list)
        for p in s.execute(select(DeterminationSuspension.claim_id, DeterminationSuspension.started_on,
                                  DeterminationSuspension.ended_on)
                           .where(DeterminationSuspension.claim_id.in_(chunk),
                                  DeterminationSuspension.deleted.is_(False))
                           .order_by(DeterminationSuspension.started_on)):
            pauses[p.claim_id].append((p.started_on, p.ended_on))
        delivered: dict[str, list] = defaultdict(list)
        for d in s.execute(select(Delivery.claim_id, Delivery.document_kind, Delivery.delivered_on,
                                  Delivery.recipient, Delivery.number)
                           .where(Delivery.claim_id.in_(chunk), Delivery.deleted.is_(False))
                           .order_by(Delivery.delivered_on, Delivery.recipient)):
            delivered[d.claim_id].append(DeliveryFact(d.document_kind, d.delivered_on, d.recipient, d.number))
        for c in s.execute(select(*_CLAIM_COLUMNS).where(Claim.id.in_(chunk))):
            out[c.id] = claim_row_facts(c._mapping, dets.get(c.id), apprs.get(c.id), assessed[c.id],
                                        tuple(pauses[c.id]), tuple(delivered[c.id]))
    return out


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


def claim_facts(s: Session, claim: Claim) -> ClaimFacts:
    s.flush()
    return facts_for(s, [claim.id])[claim.id]


def refresh_deadline(s: Session, claim: Claim) -> ClaimFacts:
    """Recompute the stored governing deadline of one claim after a change in this session."""
    facts = claim_facts(s, claim)
    dl = next_deadline(facts)
    claim.next_deadline = dl.due if dl else None
    claim.next_deadline_kind = dl.kind if dl else None
    return facts


def refresh_deadlines(s: Session, claim_ids: Iterable[str], facts: dict[str, ClaimFacts] | None = None) -> int:
    """The same for many claims at once (a sync pull, an import): facts read in bulk (or given, when the
    caller has just read them), one executemany per chunk on the local columns only (they are never captured
    for sync); the claims-list trigger follows."""
    ids = list(dict.fromkeys(claim_ids))
    given = facts
    changed = 0
    t = Claim.__table__
    stmt = update(t).where(t.c.id == bindparam("cid")).values(next_deadline=bindparam("due"),
                                                               next_deadline_kind=bindparam("kind"))
    for chunk in in_batches(ids):
        facts = {i: given[i] for i in chunk if i in given} if given is not None else facts_for(s, chunk)
        stored = {r.id: (r.next_deadline, r.next_deadline_kind)
                  for r in s.execute(select(t.c.id, t.c.next_deadline, t.c.next_deadline_kind)
                                     .where(t.c.id.in_(chunk)))}
        params = []
        for claim_id, f in facts.items():
            dl = next_deadline(f)
            value = (dl.due, dl.kind) if dl else (None, None)
            if stored.get(claim_id) != value:  # most pulled claims keep their deadline: no write, no trigger
                params.append({"cid": claim_id, "due": value[0], "kind": value[1]})
        if params:
            s.connection().execute(stmt, params)
            changed += len(params)
    return changed
