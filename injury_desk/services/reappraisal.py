"""A new appraisal conclusion after the first assessment was approved: re-appraisal at the provincial committee
(Art. 26) or review once a year has passed (Art. 28). It is recorded as a new appraisal, never by editing the old;
the caseworker then proposes a new assessment on the Assessment page, which supersedes the approved one from the
conclusion's date once a second person approves it (services/assessments.py, domain/reappraisal.py)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from sqlalchemy import select

from injury_desk.domain.deadlines import add_years
from injury_desk.domain.errors import DomainError, FieldError, raise_if
from injury_desk.services.actor import Actor
from injury_desk.services.claim_facts import office_claim, refresh_deadline
from injury_desk.services.claims import NURSING_LEVELS, latest_appraisal
from injury_desk.services.context import ServiceContext
from injury_desk.services.fields import FieldReader
from injury_desk.services.permissions import require
from injury_desk.store.models import Appraisal, Assessment

KINDS = ("reappraisal", "review")


class ReappraisalService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def record_conclusion(self, actor: Actor, claim_id: str, data: dict[str, Any]) -> str:
        """``kind`` (reappraisal, review), ``requested_on``, ``appraised_on``, ``disability_grade`` (none: no
        grade), ``nursing_level``; the claim must have an approved assessment for the new one to supersede."""
        require(actor, "claim.edit")
        r = FieldReader(data)
        kind = r.choice("kind", KINDS, required=True)
        requested = r.date("requested_on", required=True, not_after=self.ctx.today())
        appraised = r.date("appraised_on", required=True, not_after=self.ctx.today())
        grade = r.integer("disability_grade", minimum=1, maximum=10)
        nursing = r.choice("nursing_level", NURSING_LEVELS, default="none")
        raise_if(r.errors)
        if appraised < requested:
            raise_if([FieldError("appraised_on", "claim.appraised_before_request",
                                 {"requested_on": requested.isoformat()})])
        if grade is None and nursing != "none":
            raise_if([FieldError("nursing_level", "reappraisal.nursing_without_grade", {})])
        with self.ctx.write(actor, f"claim.record_{kind}") as s:
            claim = office_claim(s, actor, claim_id)
            if s.scalar(select(Assessment.id).where(Assessment.claim_id == claim.id, Assessment.deleted.is_(False),
                                                    Assessment.status == "approved").limit(1)) is None:
                raise DomainError("reappraisal.no_approved_assessment")
            last = latest_appraisal(s, claim.id)
            if last is None or last.appraised_on is None:
                raise DomainError("reappraisal.no_appraisal")
            if requested <= last.appraised_on:
                raise_if([FieldError("requested_on", "reappraisal.before_conclusion",
                                     {"appraised_on": last.appraised_on.isoformat()})])
            if kind == "review" and requested <= add_years(last.appraised_on, 1):
                # Art. 28: 自劳动能力鉴定结论作出之日起1年后 — from the day after the first anniversary
                raise_if([FieldError("requested_on", "reappraisal.review_too_early",
                                     {"from": (add_years(last.appraised_on, 1) + timedelta(days=1)).isoformat()})])
            row = Appraisal(office_id=claim.office_id, claim_id=claim.id, requested_on=requested, extended=False,
                            appraised_on=appraised, disability_grade=grade, nursing_level=nursing)
            s.add(row)
            refresh_deadline(s, claim)
            s.flush()
            return row.id
