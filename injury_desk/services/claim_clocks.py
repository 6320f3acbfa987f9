"""Recording what starts, pauses and stops a claim's statutory clocks: occupational-disease diagnosis, the
employer's approved extension, the missing-documents notice and its completion, non-acceptance, Art. 20
suspensions, deliveries of decisions, and the Art. 33 suspension period with its extension."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from injury_desk.domain.deadlines import (
    DOCUMENT_KINDS,
    STOP_WORK_MAX_MONTHS,
    STOP_WORK_MONTHS,
    application_deadline,
    application_start,
)
from injury_desk.domain.errors import DomainError, FieldError, ValidationFailed, raise_if
from injury_desk.domain.lifecycle import ApplicantType, ClaimStatus, transition_errors
from injury_desk.services.actor import Actor
from injury_desk.services.claim_facts import claim_facts, office_claim, refresh_deadline
from injury_desk.services.context import ServiceContext
from injury_desk.services.decision_documents import issue_document
from injury_desk.services.fields import FieldReader
from injury_desk.services.people import check_token
from injury_desk.services.permissions import require
from injury_desk.domain.suspension_period import period_errors
from injury_desk.store.models import Appraisal, Claim, DecisionDocument, Delivery, DeterminationSuspension

RECIPIENTS = ("worker", "employer", "close_relative", "trade_union")
DELIVERY_METHODS = ("in_person", "post", "left_at_address", "public_notice")
# What the Determination Measures Art. 6 asks an applicant to bring; the missing-documents notice lists some.
REQUIRED_DOCUMENTS = ("application", "labour_contract", "medical_record", "id_copy")
DOCUMENT_TYPES = REQUIRED_DOCUMENTS + ("witness_statement", "police_report", "death_certificate",
                                       "diagnosis_certificate", "decision", "receipt", "photo", "other")


def _not_before(field: str, value: date | None, other: date | None, rule: str, other_name: str) -> list[FieldError]:
    if value is not None and other is not None and value < other:
        return [FieldError(field, rule, {other_name: other.isoformat()})]
    return []


class ClaimClockService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def _claim(self, s: Session, actor: Actor, claim_id: str, token: str | None = None,
               status: ClaimStatus | tuple[ClaimStatus, ...] | None = None) -> Claim:
        claim = office_claim(s, actor, claim_id)
        if token is not None:
            check_token(claim, token)
        wanted = (status,) if isinstance(status, ClaimStatus) else status
        if wanted and claim.status not in {w.value for w in wanted}:
            raise DomainError("claim.wrong_status", status=claim.status, expected=wanted[0].value)
        return claim

    # ---------------------------------------------------------------- Art. 17

    def record_diagnosis(self, actor: Actor, claim_id: str, data: dict[str, Any], *, token: str | None = None) -> None:
        """An occupational disease: the Art. 17 clocks start at its diagnosis or appraisal date."""
        require(actor, "claim.edit")
        r = FieldReader(data)
        diagnosed = r.date("diagnosed_on", required=True, not_after=self.ctx.today())
        raise_if(r.errors)
        with self.ctx.write(actor, "claim.record_diagnosis") as s:
            claim = self._claim(s, actor, claim_id, token)
            raise_if(_not_before("diagnosed_on", diagnosed, claim.accident_date, "claim.diagnosis_before_exposure",
                                 "accident_date"))
            claim.occupational_disease = True
            claim.diagnosed_on = diagnosed
            refresh_deadline(s, claim)

    def approve_employer_extension(self, actor: Actor, claim_id: str, data: dict[str, Any], *,
                                   token: str | None = None) -> None:
        """Art. 17 para. 1: the department approves a longer period for the employer's application."""
        require(actor, "claim.decide")
        r = FieldReader(data)
        extended_to = r.date("extended_to", required=True)
        reference = r.text("reference", required=True, max_len=100)
        raise_if(r.errors)
        with self.ctx.write(actor, "claim.extend_employer_window") as s:
            claim = self._claim(s, actor, claim_id, token, ClaimStatus.REPORTED)
            facts = claim_facts(s, claim)
            normal = application_deadline(application_start(facts), ApplicantType.EMPLOYER)
            if extended_to <= normal:
                raise ValidationFailed([FieldError("extended_to", "claim.extension_not_later",
                                                   {"due": normal.isoformat()})])
            claim.employer_extended_to = extended_to
            claim.employer_extension_ref = reference
            refresh_deadline(s, claim)

    # ---------------------------------------------------------------- acceptance (Determination Measures Art. 8)

    def request_documents(self, actor: Actor, claim_id: str, data: dict[str, Any], *, token: str | None = None) -> None:
        """The one notice listing every missing document: the acceptance clock stops until they arrive."""
        require(actor, "claim.decide")
        r = FieldReader(data)
        requested = r.date("requested_on", required=True, not_after=self.ctx.today())
        missing = data.get("documents") or []
        if not missing:
            r.error("documents", "field.required")
        for item in missing:
            if item not in DOCUMENT_TYPES:
                r.error("documents", "field.choice", value=str(item))
        raise_if(r.errors)
        with self.ctx.write(actor, "claim.request_documents") as s:
            claim = self._claim(s, actor, claim_id, token, ClaimStatus.APPLICATION_RECEIVED)
            if claim.documents_requested_on is not None:
                raise DomainError("claim.documents_already_requested",
                                  requested_on=claim.documents_requested_on.isoformat())
            raise_if(_not_before("requested_on", requested, claim.application_received_on,
                                 "claim.notice_before_application", "application_received_on"))
            claim.documents_requested_on = requested
            claim.documents_missing = ",".join(dict.fromkeys(missing))
            issue_document(s, actor, claim, "missing_documents_notice", requested, text=claim.documents_missing)
            refresh_deadline(s, claim)

    def documents_complete(self, actor: Actor, claim_id: str, data: dict[str, Any], *,
                           token: str | None = None) -> None:
        """All requested documents arrived: the department has 15 days again from this date."""
        require(actor, "claim.edit")
        r = FieldReader(data)
        completed = r.date("completed_on", required=True, not_after=self.ctx.today())
        raise_if(r.errors)
        with self.ctx.write(actor, "claim.documents_complete") as s:
            claim = self._claim(s, actor, claim_id, token, ClaimStatus.APPLICATION_RECEIVED)
            if claim.documents_requested_on is None:
                raise DomainError("claim.no_documents_requested")
            raise_if(_not_before("completed_on", completed, claim.documents_requested_on,
                                 "claim.completed_before_notice", "requested_on"))
            claim.documents_completed_on = completed
            refresh_deadline(s, claim)

    def not_accept(self, actor: Actor, claim_id: str, data: dict[str, Any], *, token: str | None = None) -> None:
        """The application is not accepted: the claim closes and the not-accepted notice gets its number."""
        require(actor, "claim.decide")
        r = FieldReader(data)
        on = r.date("not_accepted_on", required=True, not_after=self.ctx.today())
        reason = r.text("reason", required=True, max_len=2000)
        raise_if(r.errors)
        with self.ctx.write(actor, "claim.not_accept") as s:
            claim = self._claim(s, actor, claim_id, token, ClaimStatus.APPLICATION_RECEIVED)
            raise_if(_not_before("not_accepted_on", on, claim.application_received_on,
                                 "claim.notice_before_application", "application_received_on"))
            claim.not_accepted_on = on
            claim.not_accepted_reason = reason
            raise_if(transition_errors(claim_facts(s, claim), ClaimStatus.CLOSED))
            claim.status = ClaimStatus.CLOSED.value
            issue_document(s, actor, claim, "not_accepted_notice", on, text=reason)
            refresh_deadline(s, claim)

    # ---------------------------------------------------------------- Art. 20 suspension

    def start_suspension(self, actor: Actor, claim_id: str, data: dict[str, Any]) -> str:
        require(actor, "claim.decide")
        r = FieldReader(data)
        started = r.date("started_on", required=True, not_after=self.ctx.today())
        reason = r.text("reason", required=True, max_len=2000)
        raise_if(r.errors)
        with self.ctx.write(actor, "claim.suspend_determination") as s:
            claim = self._claim(s, actor, claim_id, None, ClaimStatus.DETERMINATION)
            raise_if(_not_before("started_on", started, claim.accepted_on, "claim.suspension_before_acceptance",
                                 "accepted_on"))
            if s.scalar(select(DeterminationSuspension.id).where(
                    DeterminationSuspension.claim_id == claim.id, DeterminationSuspension.deleted.is_(False),
                    DeterminationSuspension.ended_on.is_(None))) is not None:
                raise DomainError("claim.suspension_open")
            row = DeterminationSuspension(office_id=claim.office_id, claim_id=claim.id, started_on=started,
                                          reason=reason)
            s.add(row)
            refresh_deadline(s, claim)
            return row.id

    def end_suspension(self, actor: Actor, claim_id: str, data: dict[str, Any]) -> None:
        require(actor, "claim.decide")
        r = FieldReader(data)
        ended = r.date("ended_on", required=True, not_after=self.ctx.today())
        raise_if(r.errors)
        with self.ctx.write(actor, "claim.resume_determination") as s:
            claim = self._claim(s, actor, claim_id, None, ClaimStatus.DETERMINATION)
            row = s.scalar(select(DeterminationSuspension).where(
                DeterminationSuspension.claim_id == claim.id, DeterminationSuspension.deleted.is_(False),
                DeterminationSuspension.ended_on.is_(None)))
            if row is None:
                raise DomainError("claim.no_open_suspension")
            raise_if(_not_before("ended_on", ended, row.started_on, "claim.suspension_end_before_start",
                                 "started_on"))
            row.ended_on = ended
            refresh_deadline(s, claim)

    # ---------------------------------------------------------------- deliveries

    def record_delivery(self, actor: Actor, claim_id: str, data: dict[str, Any]) -> str:
        """When and to whom a decision or notice was delivered; appeal and re-appraisal windows run from it."""
        require(actor, "claim.edit")
        r = FieldReader(data)
        delivered = r.date("delivered_on", required=True, not_after=self.ctx.today())
        recipient = r.choice("recipient", RECIPIENTS, required=True)
        name = r.text("recipient_name", max_len=200)
        method = r.choice("method", DELIVERY_METHODS, default="in_person")
        document_id = data.get("document_id") or None
        kind = None if document_id else r.choice("document_kind", DOCUMENT_KINDS, required=True)
        number = r.text("number", max_len=80)
        raise_if(r.errors)
        with self.ctx.write(actor, "claim.record_delivery") as s:
            claim = self._claim(s, actor, claim_id)
            if document_id:
                doc = s.get(DecisionDocument, document_id)
                if doc is None or doc.deleted or doc.claim_id != claim.id:
                    raise DomainError("document.not_found", id=document_id)
                raise_if(_not_before("delivered_on", delivered, doc.issued_on, "claim.delivered_before_issued",
                                     "issued_on"))
                kind, number = doc.kind, doc.number
            row = Delivery(office_id=claim.office_id, claim_id=claim.id, document_kind=kind, document_id=document_id,
                           number=number, delivered_on=delivered, recipient=recipient, recipient_name=name,
                           method=method)
            s.add(row)
            refresh_deadline(s, claim)
            return row.id

    # ---------------------------------------------------------------- Art. 33

    def start_stop_work(self, actor: Actor, claim_id: str, data: dict[str, Any]) -> None:
        require(actor, "claim.edit")
        r = FieldReader(data)
        started = r.date("started_on", required=True)
        raise_if(r.errors)
        with self.ctx.write(actor, "claim.start_stop_work") as s:
            claim = self._claim(s, actor, claim_id)
            raise_if(_not_before("started_on", started, claim.accident_date, "claim.stop_work_before_accident",
                                 "accident_date"))
            claim.stop_work_started_on = started
            claim.stop_work_months = STOP_WORK_MONTHS
            claim.stop_work_extended_by = None
            claim.stop_work_extension_ref = ""
            claim.stop_work_ended_on = None
            refresh_deadline(s, claim)

    def extend_stop_work(self, actor: Actor, claim_id: str, data: dict[str, Any]) -> None:
        """Art. 33 para. 2: extended up to 24 months in all, confirmed by the appraisal committee: ``reference``
        names the confirmation (who confirmed it); the actor who records it is kept with it."""
        require(actor, "claim.decide")
        r = FieldReader(data)
        months = r.integer("months", required=True, minimum=STOP_WORK_MONTHS + 1, maximum=STOP_WORK_MAX_MONTHS)
        reference = r.text("reference", required=True, max_len=100)
        raise_if(r.errors)
        with self.ctx.write(actor, "claim.extend_stop_work") as s:
            claim = self._claim(s, actor, claim_id)
            if claim.stop_work_started_on is None:
                raise DomainError("claim.no_stop_work")
            if claim.stop_work_ended_on is not None:
                raise DomainError("claim.stop_work_ended", ended_on=claim.stop_work_ended_on.isoformat())
            if months <= claim.stop_work_months:
                raise ValidationFailed([FieldError("months", "claim.extension_not_longer",
                                                   {"months": claim.stop_work_months})])
            claim.stop_work_months = months
            claim.stop_work_extended_by = actor.user_id
            claim.stop_work_extension_ref = reference
            refresh_deadline(s, claim)

    def end_stop_work(self, actor: Actor, claim_id: str, data: dict[str, Any]) -> None:
        """The suspension period ended (the worker is back at work, or the last day came): the day is kept, its
        clock stops, and the benefit calculation takes its months from the two dates (domain/suspension_period)."""
        require(actor, "claim.edit")
        r = FieldReader(data)
        ended = r.date("ended_on", required=True, not_after=self.ctx.today())
        raise_if(r.errors)
        with self.ctx.write(actor, "claim.end_stop_work") as s:
            claim = self._claim(s, actor, claim_id)
            if claim.stop_work_started_on is None:
                raise DomainError("claim.no_stop_work")
            appraised = s.scalar(select(Appraisal.appraised_on).where(
                Appraisal.claim_id == claim.id, Appraisal.deleted.is_(False), Appraisal.appraised_on.is_not(None))
                .order_by(Appraisal.appraised_on).limit(1))
            raise_if(period_errors(claim.stop_work_started_on, ended, claim.stop_work_months, appraised_on=appraised))
            claim.stop_work_ended_on = ended
            refresh_deadline(s, claim)
