"""Numbered decisions and notices: the number is assigned here, in the office's pattern, never typed. The office's
prefix and pattern are set centrally (`injury-desk central set-numbering`) and pulled like every office fact.
Why numbers cannot collide: domain/decision_numbers.py and docs/decision-numbers.md."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from injury_desk.domain.decision_numbers import DEFAULT_PATTERN, format_number
from injury_desk.domain.errors import DomainError, raise_if
from injury_desk.services.actor import Actor
from injury_desk.services.claim_facts import office_claim
from injury_desk.services.context import ServiceContext
from injury_desk.services.fields import FieldReader
from injury_desk.services.permissions import require
from injury_desk.store.models import Claim, DecisionDocument, Delivery, LocalSetting, Office

# The documents that carry a number (each has its form in forms/ with the same name).
NUMBERED_KINDS = ("determination_decision", "not_recognised_decision", "not_accepted_notice",
                  "missing_documents_notice", "appraisal_request", "reappraisal_request")
TAG_KEY = "sync.device_tag"


def device_tag(s: Session) -> str:
    """The tag the central service gave this desktop at enrolment (unique in the office); before enrolment
    the first four hex digits of the device id, which enrolment then keeps when no other desktop has them."""
    assigned = s.get(LocalSetting, TAG_KEY)
    if assigned is not None and assigned.value:
        return assigned.value
    return provisional_tag(s.info["device_id"])


def provisional_tag(device_id: str) -> str:
    return device_id.replace("-", "")[:4].upper()


def _next_seq(s: Session, office_id: str, year: int) -> int:
    key = f"decision_seq:{office_id}:{year}"
    row = s.get(LocalSetting, key)
    if row is None:
        row = LocalSetting(key=key, value="0")
        s.add(row)
    row.value = str(int(row.value) + 1)
    return int(row.value)


def issue_document(s: Session, actor: Actor, claim: Claim, kind: str, issued_on: date, *, basis_code: str = "",
                   text: str = "") -> DecisionDocument:
    """A numbered document for ``claim`` inside the caller's transaction (so the number and the decision it
    belongs to are saved together or not at all)."""
    if kind not in NUMBERED_KINDS:
        raise DomainError("document.unknown_kind", kind=kind)
    office = s.get(Office, claim.office_id)
    pattern = office.decision_pattern or DEFAULT_PATTERN
    tag = device_tag(s)
    while True:
        seq = _next_seq(s, claim.office_id, issued_on.year)
        number = format_number(pattern, prefix=office.decision_prefix, year=issued_on.year, device=tag, seq=seq)
        # A counter restored from an older backup must not reuse a number this desktop already issued (its
        # documents come back with the next pull): skip every number already on file.
        taken = s.scalar(select(DecisionDocument.id).where(DecisionDocument.office_id == claim.office_id,
                                                           DecisionDocument.number == number))
        if taken is None:
            break
    doc = DecisionDocument(office_id=claim.office_id, claim_id=claim.id, kind=kind, number=number,
                           year=issued_on.year, issued_on=issued_on, issued_by=actor.user_id,
                           basis_code=basis_code, text=text)
    s.add(doc)
    s.flush()
    return doc


@dataclass(frozen=True)
class DocumentView:
    id: str
    kind: str
    number: str
    issued_on: date
    basis_code: str
    text: str
    deliveries: tuple[tuple[date, str, str], ...]  # (delivered_on, recipient, recipient_name)


class DecisionDocumentService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def numbering(self, actor: Actor) -> tuple[str, str]:
        """The office's (prefix, pattern); the default pattern when none is set."""
        require(actor, "claim.view")
        with self.ctx.read() as s:
            office = s.get(Office, actor.office_id)
            return office.decision_prefix, office.decision_pattern or DEFAULT_PATTERN

    def documents(self, actor: Actor, claim_id: str) -> list[DocumentView]:
        require(actor, "claim.view")
        with self.ctx.read() as s:
            office_claim(s, actor, claim_id)
            docs = s.scalars(select(DecisionDocument).where(DecisionDocument.claim_id == claim_id,
                                                            DecisionDocument.deleted.is_(False))
                             .order_by(DecisionDocument.issued_on, DecisionDocument.number)).all()
            out = []
            for d in docs:
                delivered = s.execute(select(Delivery.delivered_on, Delivery.recipient, Delivery.recipient_name)
                                      .where(Delivery.document_id == d.id, Delivery.deleted.is_(False))
                                      .order_by(Delivery.delivered_on)).all()
                out.append(DocumentView(d.id, d.kind, d.number, d.issued_on, d.basis_code, d.text,
                                        tuple(tuple(x) for x in delivered)))
            return out

    def request_reappraisal(self, actor: Actor, claim_id: str, data: dict[str, Any]) -> str:
        """Art. 26: a party asks for re-appraisal; the request to the provincial committee gets its number."""
        require(actor, "claim.edit")
        r = FieldReader(data)
        requested = r.date("requested_on", required=True, not_after=self.ctx.today())
        reason = r.text("reason", required=True, max_len=2000)
        raise_if(r.errors)
        with self.ctx.write(actor, "claim.issue_document") as s:
            claim = office_claim(s, actor, claim_id)
            if not s.scalar(select(DecisionDocument.id).where(DecisionDocument.claim_id == claim.id,
                                                              DecisionDocument.kind == "appraisal_request",
                                                              DecisionDocument.deleted.is_(False))) \
                    and claim.status not in ("appraisal", "assessment", "payment"):
                raise DomainError("claim.wrong_status", status=claim.status, expected="appraisal")
            return issue_document(s, actor, claim, "reappraisal_request", requested, text=reason).id


__all__ = ["NUMBERED_KINDS", "DecisionDocumentService", "DocumentView", "device_tag", "issue_document",
           "provisional_tag"]
