"""A claim's facts for the lifecycle and its clocks, read for one claim or thousands at once, and the stored
governing deadline (a local column that does not depend on today, so it never goes stale)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from injury_desk.domain.deadlines import next_deadline, no_governing_deadline
from injury_desk.domain.errors import DomainError
from injury_desk.domain.lifecycle import ClaimFacts
from injury_desk.services.actor import Actor
from injury_desk.services.permissions import require_office
from injury_desk.store.batches import in_batches
from injury_desk.store.models import Appraisal, Assessment, Claim
from injury_desk.store.quick_facts import claim_row_facts, facts_and_deadlines, facts_of_claims
from injury_desk.store.quick_read import driver_connection
from injury_desk.store.sql_values import placeholders

__all__ = ["approved_assessment", "claim_facts", "claim_row_facts", "facts_for", "first_appraised_on",
           "office_claim", "refresh_deadline", "refresh_deadlines"]


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
    """The facts of every listed claim, with a handful of queries per batch of ids (never one per claim): the
    plain read the quick start runs too (store.quick_facts), on this session's connection."""
    if s.autoflush:
        s.flush()  # as an ORM query would: a caller reads the facts it has just changed in this session
    return facts_of_claims(driver_connection(s), claim_ids)


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
    if s.autoflush:
        s.flush()  # the plain reads below see what this session has changed, as an ORM query would
    con = driver_connection(s)
    changed = 0
    for chunk in in_batches(ids):
        params = []
        # Plain reads (a pull compares tens of thousands): the ORM's row and date processing cost more than them.
        # The stored deadline comes with the claims rows the facts are read from, as SQLite keeps it (ISO text, as
        # a Date column writes it), and is compared unparsed.
        if facts is None:
            # A claim whose own row settles that it has no governing deadline (most: closed) needs no records read.
            with_records = []
            for claim_id, status, started, ended, fatal, *stored_deadline in con.execute(
                    "SELECT id, status, stop_work_started_on, stop_work_ended_on, fatal, next_deadline,"
                    f" next_deadline_kind FROM claims WHERE id IN ({placeholders(chunk)})", tuple(chunk)):
                if not no_governing_deadline(status, started is not None, ended is not None, bool(fatal)):
                    with_records.append(claim_id)
                elif stored_deadline != [None, None]:
                    params.append((None, None, claim_id))
            chunk_facts, stored = facts_and_deadlines(con, with_records)
        else:
            chunk_facts = {i: facts[i] for i in chunk if i in facts}
            stored = {r[0]: r[1:] for r in con.execute(
                f"SELECT id, next_deadline, next_deadline_kind FROM claims WHERE id IN ({placeholders(chunk)})",
                tuple(chunk))}
        for claim_id, f in chunk_facts.items():
            dl = next_deadline(f)
            value = (dl.due.isoformat(), dl.kind) if dl else (None, None)
            if stored.get(claim_id) != value:  # most pulled claims keep their deadline: no write, no trigger
                params.append((*value, claim_id))
        if params:
            con.executemany("UPDATE claims SET next_deadline = ?, next_deadline_kind = ? WHERE id = ?", params)
            changed += len(params)
    return changed
