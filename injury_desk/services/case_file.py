"""A claim's case file: its documents and photos (with type and received date) and the checklist of what the
current step still needs, dated notes that are never edited, the history read from the audit log of the claim
and its children, and the money picture (current assessment, payments made and due)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import case, select
from sqlalchemy.orm import Session

from injury_desk.domain.errors import DomainError, FieldError, ValidationFailed, raise_if
from injury_desk.services.actor import Actor
from injury_desk.services.attachments import attach, prepare, read_file
from injury_desk.services.claim_clocks import DOCUMENT_TYPES
from injury_desk.services.claim_facts import office_claim
from injury_desk.services.context import ServiceContext
from injury_desk.services.fields import FieldReader
from injury_desk.services.permissions import require
from injury_desk.store.batches import in_batches
from injury_desk.store.models import (
    Appraisal,
    Assessment,
    Attachment,
    AuditEvent,
    Claim,
    ClaimNote,
    DecisionDocument,
    Delivery,
    Determination,
    DeterminationSuspension,
    Payment,
    User,
    WageRecord,
)

MAX_NOTE = 4000
# What each step needs on file (Regulation Art. 18: the application form, proof of the employment relation,
# the medical or occupational-disease diagnosis; a death certificate for a fatal case; Art. 23: the
# determination decision and the medical records go with the appraisal request).
_NEEDED: dict[str, tuple[str, ...]] = {
    "reported": ("application", "id_copy", "labour_contract", "medical_record"),
    "application_received": ("application", "id_copy", "labour_contract", "medical_record"),
    "determination": ("application", "id_copy", "labour_contract", "medical_record"),
    "appraisal": ("decision", "medical_record"),
}
# Columns a service derives (never typed, so never history); the sync bookkeeping columns.
_DERIVED = set(Claim.__local_columns__) | {"version", "updated_at", "updated_by"}
# Child tables whose rows belong to a claim (their audit events make up its history).
_CHILDREN = (Determination, Appraisal, WageRecord, Assessment, Payment, DeterminationSuspension, DecisionDocument,
             Delivery, ClaimNote)


@dataclass(frozen=True)
class DocumentView:
    id: str
    file_name: str
    doc_type: str
    received_on: date | None
    size: int
    note: str
    added_at: datetime


@dataclass(frozen=True)
class ChecklistItem:
    doc_type: str
    present: bool


@dataclass(frozen=True)
class NoteView:
    id: str
    written_at: datetime
    author: str
    text: str
    corrects_id: str | None


@dataclass(frozen=True)
class HistoryEntry:
    at: datetime
    who: str
    action: str  # the audit action key, e.g. claim.accept (the GUI words it)
    table: str
    fields: tuple[str, ...]  # what changed (never values: the timeline is a summary)


@dataclass(frozen=True)
class MoneyView:
    assessment_status: str | None  # proposed, approved, returned; None when there is none
    once_fen: int
    monthly_fen: int
    paid_fen: int
    due_fen: int  # scheduled, not yet paid
    overdue_fen: int  # scheduled before today and not paid
    payments_paid: int
    payments_due: int
    next_due_on: date | None


def needed_documents(status: str, fatal: bool) -> tuple[str, ...]:
    needed = _NEEDED.get(status, ())
    if fatal and status in ("reported", "application_received", "determination"):
        needed += ("death_certificate",)
    return needed


class CaseFileService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def _claim(self, s: Session, actor: Actor, claim_id: str) -> Claim:
        return office_claim(s, actor, claim_id)

    # ---------------------------------------------------------------- documents

    def _read_kind(self, data: dict[str, Any]) -> tuple[str, date]:
        r = FieldReader(data)
        doc_type = r.choice("doc_type", DOCUMENT_TYPES, required=True)
        received = r.date("received_on", required=True, not_after=self.ctx.today())
        raise_if(r.errors)
        return doc_type, received

    def add_document(self, actor: Actor, claim_id: str, data: dict[str, Any], *, path: Path | str | None = None,
                     file_name: str = "", content: bytes | None = None) -> str:
        """A document or photo for the claim's file: ``data`` has doc_type, received_on and an optional note."""
        require(actor, "claim.edit")
        doc_type, received = self._read_kind(data)
        note = str(data.get("note") or "")
        file = read_file(path, note) if path is not None else prepare(file_name, content or b"", note)
        with self.ctx.write(actor, "claim.add_document") as s:
            claim = self._claim(s, actor, claim_id)
            if received < claim.accident_date:
                raise ValidationFailed([FieldError("received_on", "claim.received_before_accident",
                                                   {"accident_date": claim.accident_date.isoformat()})])
            row = attach(s, claim, file)
            row.doc_type = doc_type
            row.received_on = received
            return row.id

    def documents(self, actor: Actor, claim_id: str) -> list[DocumentView]:
        require(actor, "claim.view")
        with self.ctx.read() as s:
            self._claim(s, actor, claim_id)
            rows = s.execute(select(Attachment.id, Attachment.file_name, Attachment.doc_type, Attachment.received_on,
                                    Attachment.size, Attachment.note, Attachment.updated_at)
                             .where(Attachment.owner_table == "claims", Attachment.owner_id == claim_id,
                                    Attachment.deleted.is_(False))
                             .order_by(Attachment.received_on, Attachment.file_name)).all()
            return [DocumentView(*r) for r in rows]

    def checklist(self, actor: Actor, claim_id: str) -> list[ChecklistItem]:
        """The documents the current step needs, each marked present or still missing."""
        require(actor, "claim.view")
        with self.ctx.read() as s:
            claim = self._claim(s, actor, claim_id)
            have = set(s.scalars(select(Attachment.doc_type).where(
                Attachment.owner_table == "claims", Attachment.owner_id == claim_id, Attachment.deleted.is_(False))))
            return [ChecklistItem(t, t in have) for t in needed_documents(claim.status, claim.fatal)]

    # ---------------------------------------------------------------- notes

    def add_note(self, actor: Actor, claim_id: str, text: str, *, corrects_id: str | None = None) -> str:
        """A dated note by the acting user. Notes are never edited: a correction is a new note naming the old."""
        require(actor, "claim.edit")
        r = FieldReader({"text": text})
        clean = r.text("text", required=True, max_len=MAX_NOTE)
        raise_if(r.errors)
        with self.ctx.write(actor, "claim.add_note") as s:
            claim = self._claim(s, actor, claim_id)
            if corrects_id is not None:
                old = s.get(ClaimNote, corrects_id)
                if old is None or old.deleted or old.claim_id != claim.id:
                    raise DomainError("note.not_found", id=corrects_id)
            note = ClaimNote(office_id=claim.office_id, claim_id=claim.id, written_by=actor.user_id, text=clean,
                             corrects_id=corrects_id)
            s.add(note)
            s.flush()
            return note.id

    def notes(self, actor: Actor, claim_id: str) -> list[NoteView]:
        require(actor, "claim.view")
        with self.ctx.read() as s:
            self._claim(s, actor, claim_id)
            names = dict(s.execute(select(User.id, User.display_name)).all())
            rows = s.scalars(select(ClaimNote).where(ClaimNote.claim_id == claim_id, ClaimNote.deleted.is_(False))
                             .order_by(ClaimNote.written_at, ClaimNote.id)).all()
            return [NoteView(n.id, n.written_at, names.get(n.written_by, ""), n.text, n.corrects_id) for n in rows]

    # ---------------------------------------------------------------- history

    def history(self, actor: Actor, claim_id: str) -> list[HistoryEntry]:
        """Every audit event of the claim and of its children (decisions, appraisals, assessments, payments,
        suspensions, documents, deliveries, notes), oldest first."""
        require(actor, "claim.view")
        with self.ctx.read() as s:
            self._claim(s, actor, claim_id)
            ids = {claim_id}
            for model in _CHILDREN:
                ids.update(s.scalars(select(model.id).where(model.claim_id == claim_id)))
            ids.update(s.scalars(select(Attachment.id).where(Attachment.owner_table == "claims",
                                                             Attachment.owner_id == claim_id)))
            names = dict(s.execute(select(User.id, User.display_name)).all())
            events = []
            id_list = list(ids)
            for batch in in_batches(id_list):
                events += s.scalars(select(AuditEvent).where(AuditEvent.row_id.in_(batch))).all()
            events.sort(key=lambda e: e.seq)
            out: list[HistoryEntry] = []
            for e in events:
                after, before = e.after or {}, e.before or {}
                # A new row names what was filled in; a change names what differs from before.
                changed = {k for k, v in after.items() if (v not in (None, "", False) if e.before is None
                                                           else before.get(k) != v)} - _DERIVED
                last = out[-1] if out else None
                # One action writes several rows in one transaction (a decision and its numbered document, a
                # flush and then the derived deadline): one line for it, with everything it changed.
                if last is not None and (last.action, last.who) == (e.action, names.get(e.user_id, "")) \
                        and abs((e.at - last.at).total_seconds()) < 2:
                    out[-1] = HistoryEntry(last.at, last.who, last.action, last.table,
                                           tuple(sorted(set(last.fields) | changed)))
                    continue
                if not changed and e.before is not None:
                    continue  # only derived columns moved: nothing a person did
                out.append(HistoryEntry(e.at, names.get(e.user_id, ""), e.action, e.table_name,
                                        tuple(sorted(changed))))
            return out

    # ---------------------------------------------------------------- money

    def money(self, actor: Actor, claim_id: str) -> MoneyView:
        require(actor, "claim.view")
        today = self.ctx.today()
        with self.ctx.read() as s:
            self._claim(s, actor, claim_id)
            current = s.scalar(select(Assessment).where(Assessment.claim_id == claim_id, Assessment.deleted.is_(False))
                               .order_by(case((Assessment.status == "approved", 0), else_=1),
                                         Assessment.proposed_at.desc()).limit(1))
            paid = due = overdue = n_paid = n_due = 0
            next_due = None
            for p in s.scalars(select(Payment).where(Payment.claim_id == claim_id, Payment.deleted.is_(False))):
                if p.status == "paid":
                    paid += p.amount_fen
                    n_paid += 1
                elif p.status == "scheduled":
                    due += p.amount_fen
                    n_due += 1
                    if p.due_on < today:
                        overdue += p.amount_fen
                    next_due = p.due_on if next_due is None else min(next_due, p.due_on)
            return MoneyView(current.status if current else None, current.total_once_fen if current else 0,
                             current.total_monthly_fen if current else 0, paid, due, overdue, n_paid, n_due, next_due)
