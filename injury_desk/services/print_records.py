"""Printing: builds the record dicts of docs/forms.md from the database and renders forms for one record or a batch."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO, Callable

from sqlalchemy import select
from sqlalchemy.orm import Session

from injury_desk.catalogue.message_words import printed_words
from injury_desk.domain.death import death_day
from injury_desk.domain.errors import DomainError
from injury_desk.domain.identifiers import mask_resident_id
from injury_desk.domain.deadlines import claim_deadlines
from injury_desk.domain.legal_basis import quote
from injury_desk.domain.lifecycle import ClaimStatus
from injury_desk.domain.money import from_fen
from injury_desk.printing import FormDefinition, forms_dir, load_all
from injury_desk.services.actor import Actor
from injury_desk.services.claim_facts import facts_for, office_claim
from injury_desk.services.context import ServiceContext
from injury_desk.services.decision_documents import NUMBERED_KINDS
from injury_desk.services.dependant_person import SEX_CODES
from injury_desk.services.permissions import allowed, require, require_office
from injury_desk.store.models import (
    Recurrence,
    Assessment,
    Claim,
    CorrectiveAction,
    DecisionDocument,
    Delivery,
    Determination,
    Employer,
    Hazard,
    Inspection,
    Office,
    Person,
    RehabCase,
    RehabGoal,
    RehabPlan,
    RehabSession,
    User,
    ClaimCost,
    Dependant,
)

CLAIM_FORMS = ("claim_application", "determination_decision", "not_recognised_decision", "missing_documents_notice",
               "not_accepted_notice", "appraisal_request", "reappraisal_request", "benefit_calculation")
# What each form cannot be printed without: a letter with no decision or a sheet with no figures is no document,
# and a numbered notice is printed only once its number was issued (services/decision_documents.py).
REQUIRED_GROUP = {"determination_decision": ("determination", "print.no_determination"),
                  "not_recognised_decision": ("document", "print.no_document"),
                  "not_accepted_notice": ("document", "print.no_document"),
                  "appraisal_request": ("document", "print.no_document"),
                  "reappraisal_request": ("document", "print.no_document"),
                  "benefit_calculation": ("assessment", "print.no_assessment")}
# The bilingual names of the document types a missing-documents notice lists (services/claim_clocks.py).
DOCUMENT_NAMES = {
    "application": ("工伤认定申请表", "Application form"),
    "labour_contract": ("与用人单位存在劳动关系（包括事实劳动关系）的证明材料", "Proof of the employment relationship"),
    "medical_record": ("医疗诊断证明或者职业病诊断证明书（或者职业病诊断鉴定书）", "Medical diagnosis certificate"),
    "id_copy": ("身份证复印件", "Copy of the ID card"),
    "witness_statement": ("证人证言", "Witness statement"),
    "police_report": ("公安机关证明或交通事故认定书", "Police certificate or traffic accident report"),
    "death_certificate": ("死亡证明", "Death certificate"),
    "diagnosis_certificate": ("职业病诊断证明书", "Occupational disease diagnosis certificate"),
    "decision": ("工伤认定决定书", "Determination decision"),
    "receipt": ("收据", "Receipt"),
    "photo": ("照片", "Photo"),
    "other": ("其他材料", "Other document"),
}

# The documents Art. 18 of the Regulation on Work-Related Injury Insurance requires with an application.
STATUTORY_DOCUMENTS = (
    ("application_form", "工伤认定申请表", "Application form"),
    ("labour_relation_proof", "与用人单位存在劳动关系（包括事实劳动关系）的证明材料", "Proof of the employment relationship"),
    ("medical_diagnosis", "医疗诊断证明或者职业病诊断证明书（或者职业病诊断鉴定书）", "Medical diagnosis certificate"),
)
ITEM_KEYS = ("code", "amount", "period", "payer", "basis", "formula")
# The corrective-action codes the inspection report knows; an extended action is still being worked on.
ACTION_STATUS = {"open": "open", "extended": "in_progress", "done": "done"}


@dataclass
class PrintBatchOutcome:
    """What a batch print did: files written, claims skipped with the reason key, and whether it was cancelled."""

    written: list[Path] = field(default_factory=list)
    skipped: list[tuple[str, str, dict[str, Any]]] = field(default_factory=list)  # (claim id, key, params)
    total: int = 0
    cancelled: bool = False


def _iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def _person(actor: Actor, p: Person) -> dict[str, Any]:
    # The same rule as the screens: only people who need the full ID number get it on paper either.
    full = allowed(actor, "person.view_full_id")
    return {"name": p.name, "id_number": p.id_number if full else mask_resident_id(p.id_number),
            "sex": SEX_CODES.get(p.sex, p.sex), "birth_date": _iso(p.birth_date), "phone": p.phone,
            "address": p.address}


def _claim_life_extras(s: Session, claim: Claim) -> dict[str, Any]:
    """The recurrences (Art. 38) as the Recurrence tab shows them, and for an uninsured employer the fund's advances
    and repayments with the amount still to recover (the Uninsured employer tab)."""
    from injury_desk.services.dependants import wage_base_of
    from injury_desk.services.fund_advances import advances_view
    from injury_desk.services.recurrences import RecurrenceService

    base = wage_base_of(s, claim.id)
    recurrences = []
    for r in s.scalars(select(Recurrence).where(Recurrence.claim_id == claim.id, Recurrence.deleted.is_(False))
                       .order_by(Recurrence.occurred_on, Recurrence.id)):
        v = RecurrenceService._view(r, base, {})
        wages = f"{v.wages.months} × {v.wages.wage_base:,.2f} = {v.wages.amount:,.2f}" if v.wages else ""
        recurrences.append({"occurred_on": _iso(v.occurred_on), "reason": v.reason, "confirmed_by": v.confirmed_by,
                            "stop_work_from": _iso(v.stop_work_started_on),
                            "stop_work_to": _iso(v.stop_work_ended_on or v.stop_work_last_day), "wages": wages})
    view = advances_view(s, claim)
    return {
        "missing": _missing(s, claim),
        "recurrences": recurrences,
        "advances": [{"dated_on": _iso(x.dated_on), "kind": x.kind, "amount": str(x.amount), "reference": x.reference}
                     for x in view.lines],
        "uninsured": {"insured": view.insured, "advanced": str(view.advanced), "recovered": str(view.recovered),
                      "to_recover": str(view.to_recover)},
    }


def _missing(s: Session, claim: Claim) -> dict[str, Any] | None:
    """A missing worker (Art. 41) as the Missing worker tab shows it; None when the worker is not missing."""
    from injury_desk.services.missing_workers import missing_view

    v = missing_view(s, claim)
    if v is None:
        return None
    settled = v.settlement

    def money(value) -> str | None:
        return str(value) if value is not None else None

    return {"circumstance": v.circumstance, "reported_on": _iso(v.reported_on),
            "wages_from": v.wage_months[0].strftime("%Y-%m"), "wages_to": v.wage_months[-1].strftime("%Y-%m"),
            "pension_from": v.pension_from.strftime("%Y-%m"), "death_subsidy": money(v.death_subsidy),
            "advance_cap": money(v.advance_cap), "advance": money(v.advance), "advance_on": _iso(v.advance_on),
            "advance_ref": v.advance_ref, "outcome": v.outcome or "missing", "outcome_on": _iso(v.outcome_on),
            "outcome_ref": v.outcome_ref, "pensions_paid": money(v.pensions_paid),
            "funeral_due": money(settled.funeral_subsidy) if settled and v.outcome == "declared_dead" else None,
            "death_subsidy_due": money(settled.death_subsidy_due) if settled and v.outcome == "declared_dead" else None,
            "to_recover": money(settled.to_recover) if settled and v.outcome == "reappeared" else None}


def _dependants(s: Session, actor: Actor, claim: Claim) -> list[dict[str, Any]]:
    """The register as the Dependants tab shows it (services/dependants.py): share, payee, ending and why."""
    from injury_desk.services.dependants import DependantsService, dependant_view

    if not claim.fatal:
        return []
    rules = DependantsService.rules_for(claim.accident_date)
    rows = s.scalars(select(Dependant).where(Dependant.claim_id == claim.id, Dependant.deleted.is_(False))
                     .order_by(Dependant.birth_date, Dependant.id))
    out = []
    for row in rows:
        v = dependant_view(actor, row, rules)
        out.append({"name": v.name, "relation": v.relation, "id_number": v.id_number,
                    "share": f"{v.share * 100:.0f}%", "payee": v.payee, "ends_on": _iso(v.ends_on),
                    "end_reason": v.end_reason or ""})
    return out


def _employer(e: Employer) -> dict[str, Any]:
    return {"name": e.name, "credit_code": e.credit_code, "address": e.address,
            "contact_name": e.contact_name, "contact_phone": e.contact_phone}


def _office_name(s: Session, office_id: str) -> str:
    office = s.get(Office, office_id)
    return office.name if office else ""


def _latest_determination(s: Session, claim_id: str) -> Determination | None:
    return s.scalar(select(Determination).where(Determination.claim_id == claim_id, Determination.deleted.is_(False))
                    .order_by(Determination.decided_on.desc()).limit(1))


def _printable_assessment(s: Session, claim_id: str) -> Assessment | None:
    """The latest approved assessment; without one, the latest proposal (printed for review before approval)."""
    for status, stamp in (("approved", Assessment.decided_at), ("proposed", Assessment.proposed_at)):
        row = s.scalar(select(Assessment).where(Assessment.claim_id == claim_id, Assessment.deleted.is_(False),
                                                Assessment.status == status)
                       .order_by(stamp.desc().nulls_last(), Assessment.updated_at.desc()).limit(1))
        if row is not None:
            return row
    return None


def documents_present(claim: Claim, has_determination: bool) -> list[dict[str, Any]]:
    """The Art. 18 checklist with what the claim's history proves was received.

    The database records no document receipts, so the rule reads them off the lifecycle: a received
    application means the application form is in; acceptance (or a determination) means the agency found
    the materials complete (Art. 18, 20), so the employment proof and the medical diagnosis were in too.
    Anything not proven this way is listed as missing, so the notice errs on asking, never on assuming.
    """
    accepted = (claim.accepted_on is not None or has_determination
                or ClaimStatus(claim.status).order >= ClaimStatus.DETERMINATION.order)
    present = {
        "application_form": claim.application_received_on is not None or accepted,
        "labour_relation_proof": accepted,
        "medical_diagnosis": accepted,
    }
    return [{"code": code, "label_zh": zh, "label_en": en, "present": present[code]}
            for code, zh, en in STATUTORY_DOCUMENTS]


def _assessment_group(s: Session, a: Assessment) -> dict[str, Any]:
    result = a.result or {}
    names = dict(s.execute(select(User.id, User.display_name).where(User.id.in_(
        [x for x in (a.proposed_by, a.decided_by) if x]))).all())
    approved = a.status == "approved"
    old = s.get(Assessment, a.supersedes_id) if a.supersedes_id else None
    return {
        # An unapproved sheet prints marked as a draft; the approved one names proposer, approver and date.
        "status": a.status, "approved": approved,
        "proposed_by": names.get(a.proposed_by, ""),
        "proposed_on": _iso(a.proposed_at.date()) if a.proposed_at else None,
        "approved_by": names.get(a.decided_by, "") if approved else "",
        "approved_on": _iso(a.decided_at.date()) if approved and a.decided_at else None,
        # The stored items also hold the engine's inputs; the record shape has only what the sheet prints.
        "items": [_printed_item(item) for item in result.get("items", [])],
        "total_once": result.get("total_once") or str(from_fen(a.total_once_fen)),
        "total_monthly": result.get("total_monthly") or str(from_fen(a.total_monthly_fen)),
        # after a re-appraisal or review: the superseded figures and the arrears or overpayment per benefit
        "effective_from": _iso(a.effective_from),
        "superseded_total_once": None if old is None else str(from_fen(old.total_once_fen)),
        "superseded_total_monthly": None if old is None else str(from_fen(old.total_monthly_fen)),
        "settlement": [{key: line.get(key) for key in ("kind", "item_code", "old_amount", "new_amount", "months",
                                                        "difference")} for line in (a.settlement or [])],
    }


def _printed_item(item: dict[str, Any]) -> dict[str, Any]:
    """A stored line item for the sheet: its formula and legal basis in both languages (the form picks)."""
    printed = {key: item.get(key) for key in ITEM_KEYS}
    printed["formula"] = printed_words(item.get("formula_message"), item.get("formula") or "")
    printed["basis"] = printed_words(item.get("basis_message"), item.get("basis") or "")
    return printed


BATCH_FORGET_EVERY = 100
LIFE_GROUPS = ("missing", "recurrences", "advances", "uninsured")  # what _claim_life_extras reads


class PrintService:
    """Reads what a form needs and renders it; it never changes the database."""

    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    # ------------------------------------------------------------ forms

    def forms(self) -> dict[str, FormDefinition]:
        return load_all(forms_dir())

    def form(self, form_id: str) -> FormDefinition:
        forms = self.forms()
        if form_id not in forms:
            raise DomainError("print.unknown_form", form=form_id, known=", ".join(sorted(forms)))
        return forms[form_id]

    # ------------------------------------------------------------ records

    def record_for(self, actor: Actor, form_id: str, record_id: str) -> dict[str, Any]:
        """The record dict of ``form_id``'s record kind for the claim, rehabilitation case or inspection ``record_id``."""
        require(actor, "claim.view")
        form = self.form(form_id)
        with self.ctx.read() as s:
            return self._record(s, actor, form, record_id)

    def _record(self, s: Session, actor: Actor, form: FormDefinition, record_id: str, *,
                only_printed: bool = False) -> dict[str, Any]:
        form_id = form.id
        if form.record_kind == "claim":
            # A batch reads only the groups its form prints: the statutory clocks alone take seven queries, the
            # assessment, dependants, costs and claim-life groups a dozen more, and a decision letter prints none
            # of them. A record asked for singly (preview, CLI, file name) stays whole.
            record = self._claim_record(s, actor, record_id, form_id,
                                        wanted=(lambda group: form.mentions(group) or group == REQUIRED_GROUP.get(
                                            form_id, ("",))[0]) if only_printed else None)
        elif form.record_kind == "rehab_plan":
            record = self._rehab_record(s, actor, record_id)
        elif form.record_kind == "inspection":
            record = self._inspection_record(s, actor, record_id)
        else:
            raise DomainError("print.unknown_record_kind", form=form_id, kind=form.record_kind)
        needed = REQUIRED_GROUP.get(form_id)
        if needed and record.get(needed[0]) is None:
            raise DomainError(needed[1], claim_no=record["claim"]["claim_no"])
        return record

    def _document_groups(self, s: Session, claim: Claim, form_id: str | None) -> dict[str, Any]:
        """The numbered document a form prints (its latest one of that kind) and the deliveries for its receipt."""
        kind = "determination_decision" if form_id == "determination_decision" else form_id
        doc = None
        if kind in NUMBERED_KINDS:
            doc = s.scalar(select(DecisionDocument).where(DecisionDocument.claim_id == claim.id,
                                                          DecisionDocument.kind.in_(
                                                              (kind, "not_recognised_decision")
                                                              if kind == "determination_decision" else (kind,)),
                                                          DecisionDocument.deleted.is_(False))
                           .order_by(DecisionDocument.issued_on.desc(), DecisionDocument.number.desc()).limit(1))
        if doc is None:
            return {"document": None, "deliveries": []}
        deliveries = s.scalars(select(Delivery).where(Delivery.document_id == doc.id, Delivery.deleted.is_(False))
                               .order_by(Delivery.delivered_on)).all()
        names = [DOCUMENT_NAMES.get(code, (code, code)) for code in doc.text.split(",")] \
            if doc.kind == "missing_documents_notice" else []
        return {
            "document": {"kind": doc.kind, "number": doc.number, "issued_on": _iso(doc.issued_on),
                         "text": doc.text if doc.kind != "missing_documents_notice" else "",
                         "basis": quote(doc.basis_code) if doc.basis_code else "",
                         "basis_en": quote(doc.basis_code, "en") if doc.basis_code else ""},
            "deliveries": [{"recipient": d.recipient, "recipient_name": d.recipient_name,
                            "delivered_on": _iso(d.delivered_on), "method": d.method} for d in deliveries],
            **({"documents": [{"code": code, "label_zh": zh, "label_en": en, "present": False}
                              for code, (zh, en) in zip(doc.text.split(","), names)]} if names else {}),
        }

    def _claim_record(self, s: Session, actor: Actor, claim_id: str, form_id: str | None = None, *,
                      wanted: Callable[[str], bool] | None = None) -> dict[str, Any]:
        """The claim's record; with ``wanted``, a group it refuses is left empty instead of read."""
        want = wanted or (lambda _group: True)
        claim = office_claim(s, actor, claim_id)
        worker = s.get(Person, claim.worker_id)
        employer = s.get(Employer, claim.employer_id)
        det = _latest_determination(s, claim.id)
        assessment = _printable_assessment(s, claim.id) if want("assessment") else None
        return {
            "form_record_id": claim.id,
            "version": claim.version,
            "claim": {
                "id": claim.id, "claim_no": claim.claim_no, "status": claim.status,
                "accident_date": _iso(claim.accident_date), "accident_time": claim.accident_time,
                "accident_place": claim.accident_place, "circumstances": claim.circumstances,
                "body_parts": claim.body_parts, "diagnosis": claim.diagnosis,
                "death_date": _iso(death_day(claim.accident_date, claim.death_date)) if claim.fatal else None,
                "applicant_type": claim.applicant_type,
                "application_received_on": _iso(claim.application_received_on),
                "office_name": _office_name(s, claim.office_id),
            },
            "worker": _person(actor, worker),
            "employer": _employer(employer),
            "determination": None if det is None else {
                "outcome": det.outcome, "basis": det.basis, "decided_on": _iso(det.decided_on),
                "decision_no": det.decision_no,
                "basis_en": quote(det.basis_code, "en") if det.basis_code else det.basis},
            "documents": documents_present(claim, det is not None),
            "assessment": None if assessment is None else _assessment_group(s, assessment),
            "dependants": _dependants(s, actor, claim) if want("dependants") else [],
            "costs": [] if not want("costs") else [{"incurred_on": _iso(c.incurred_on), "kind": c.kind, "receipt_ref": c.receipt_ref,
                       "payer": c.payer, "amount": str(from_fen(c.amount_fen)), "status": c.status}
                      for c in s.scalars(select(ClaimCost).where(ClaimCost.claim_id == claim.id,
                                                                 ClaimCost.deleted.is_(False))
                                         .order_by(ClaimCost.incurred_on, ClaimCost.proposed_at))],
            **(_claim_life_extras(s, claim) if any(map(want, LIFE_GROUPS)) else dict.fromkeys(LIFE_GROUPS)),
            # one rule for every due date, on screen and on paper
            "clocks": {d.kind: _iso(d.due) for d in claim_deadlines(facts_for(s, [claim.id])[claim.id])
                       if not d.recipient} if want("clocks") else {},
            **self._document_groups(s, claim, form_id),
        }

    def _rehab_record(self, s: Session, actor: Actor, case_id: str) -> dict[str, Any]:
        case = s.get(RehabCase, case_id)
        if case is None or case.deleted:
            raise DomainError("rehab.case_not_found", id=case_id)
        require_office(actor, case.office_id)
        claim = s.get(Claim, case.claim_id)
        worker = s.get(Person, claim.worker_id)
        # A case may have been re-planned; the current plan is the one drawn up last.
        plan = s.scalar(select(RehabPlan).where(RehabPlan.case_id == case.id, RehabPlan.deleted.is_(False))
                        .order_by(RehabPlan.drawn_up_on.desc(), RehabPlan.updated_at.desc()).limit(1))
        goals: list[RehabGoal] = []
        sessions: list[RehabSession] = []
        if plan is not None:
            goals = list(s.scalars(select(RehabGoal).where(RehabGoal.plan_id == plan.id, RehabGoal.deleted.is_(False))
                                   .order_by(RehabGoal.target_date.asc().nulls_last())).all())
            sessions = list(s.scalars(select(RehabSession).where(RehabSession.plan_id == plan.id,
                                                                 RehabSession.deleted.is_(False))
                                      .order_by(RehabSession.scheduled_on)).all())
        target_dates = [g.target_date for g in goals if g.target_date]
        return {
            "form_record_id": case.id,
            "version": case.version,
            "case": {
                "id": case.id, "case_no": case_number(case.id), "claim_no": claim.claim_no,
                "status": rehab_status(case, plan, sessions, self.ctx.today()),
                "referred_on": _iso(case.opened_on), "provider": case.provider, "coordinator": "",
                "start_date": _iso(plan.drawn_up_on) if plan else None,
                # The plan ends when its last goal is due; the review date is a check-point, not the end.
                "planned_end_date": _iso(max(target_dates)) if target_dates else None,
                "summary": plan.notes if plan else "",
                "office_name": _office_name(s, case.office_id),
            },
            "worker": _person(actor, worker),
            "goals": [{"description": g.description, "measure": g.measure, "baseline": g.baseline,
                       "target": g.target, "target_date": _iso(g.target_date)} for g in goals],
            "sessions": [{"scheduled_on": _iso(x.scheduled_on), "kind": x.kind, "provider": case.provider,
                          "duration_min": None, "notes": x.notes} for x in sessions],
        }

    def _inspection_record(self, s: Session, actor: Actor, inspection_id: str) -> dict[str, Any]:
        insp = s.get(Inspection, inspection_id)
        if insp is None or insp.deleted:
            raise DomainError("inspection.not_found", id=inspection_id)
        require_office(actor, insp.office_id)
        employer = s.get(Employer, insp.employer_id)
        day = insp.inspected_on or insp.planned_on
        next_due = s.scalar(select(Inspection.planned_on).where(
            Inspection.employer_id == insp.employer_id, Inspection.deleted.is_(False),
            Inspection.status == "planned", Inspection.id != insp.id, Inspection.planned_on > day)
            .order_by(Inspection.planned_on).limit(1))
        hazards = s.scalars(select(Hazard).where(Hazard.inspection_id == insp.id, Hazard.deleted.is_(False))
                            .order_by(Hazard.updated_at, Hazard.id)).all()
        hazard_dicts = []
        for h in hazards:
            actions = s.scalars(select(CorrectiveAction).where(CorrectiveAction.hazard_id == h.id,
                                                               CorrectiveAction.deleted.is_(False))
                                .order_by(CorrectiveAction.due_date)).all()
            hazard_dicts.append({
                "category": h.category, "severity": h.severity, "location": h.location, "description": h.description,
                "actions": [{"description": a.description, "owner": a.owner, "due_date": _iso(a.due_date),
                             "status": ACTION_STATUS.get(a.status, a.status)} for a in actions],
            })
        return {
            "form_record_id": insp.id,
            "version": insp.version,
            "inspection": {
                "id": insp.id, "inspection_no": inspection_number(insp.id), "inspected_on": _iso(insp.inspected_on),
                "inspector": insp.inspector, "kind": None, "office_name": _office_name(s, insp.office_id),
                "summary": insp.summary, "next_due": _iso(next_due),
            },
            "employer": _employer(employer),
            "hazards": hazard_dicts,
        }

    # ------------------------------------------------------------ rendering

    def render(self, actor: Actor, form_id: str, record_id: str | None, out: Path | str | BinaryIO, *,
               language: str = "bilingual") -> int:
        """Render ``form_id`` for ``record_id`` (None: the blank fill-in form) to ``out``; returns the page count."""
        require(actor, "claim.view")
        form = self.form(form_id)
        if record_id is None:
            if not form.fill_in:
                raise DomainError("print.form_not_fill_in", form=form_id)
            record = None
        else:
            record = self.record_for(actor, form_id, record_id)
        from injury_desk.printing.render import render_pdf

        return render_pdf(form, record, out, language=language, today=self.ctx.today())

    def prepare_fonts(self) -> int:
        """Load the renderer and the form font, and unpack the fallback fonts into the font cache if they are not
        there yet (once per machine), so that the first print preview of the session, or of a rare character in a
        name, does not wait for them; returns how many fallback fonts are cached. Reads nothing of the database."""
        from injury_desk.printing.fonts import ensure_fonts, prepare_fallback_fonts
        from injury_desk.printing.render import render_pdf  # noqa: F401 - the import is the work

        ensure_fonts()
        return len(prepare_fallback_fonts())

    def decision_letters_approved_on(self, actor: Actor, day: dt.date | None = None) -> list[str]:
        """Ids of this office's claims whose determination was decided on ``day`` (default today), by claim number."""
        require(actor, "claim.view")
        day = day or self.ctx.today()
        with self.ctx.read() as s:
            return list(s.scalars(
                select(Claim.id).join(Determination, Determination.claim_id == Claim.id)
                .where(Determination.decided_on == day, Determination.deleted.is_(False),
                       Claim.deleted.is_(False), Claim.office_id == actor.office_id)
                .distinct().order_by(Claim.claim_no)).all())

    def print_claims(self, actor: Actor, form_id: str, claim_ids: list[str], out_dir: Path | str,
                     progress: Callable[[int, int], None] | None = None,
                     cancelled: Callable[[], bool] | None = None, *, language: str = "bilingual") -> PrintBatchOutcome:
        """One PDF per claim into ``out_dir``.

        Records are read one at a time, so a cancel takes effect before the next claim is even read. A claim
        the form cannot be printed for (no determination, deleted meanwhile), or whose file name is taken by
        something that is not a regular file (a folder, a device, a pipe), is skipped with its reason instead of
        stopping the rest of the batch.
        """
        require(actor, "claim.view")
        form = self.form(form_id)
        if form.record_kind != "claim":
            raise DomainError("print.not_a_claim_form", form=form_id)
        from injury_desk.printing.batch import BatchFolder
        from injury_desk.printing.render import write_pdf

        # A claim named twice would print the same letter twice under one file name: it is printed once.
        claim_ids = list(dict.fromkeys(claim_ids))
        outcome = PrintBatchOutcome(total=len(claim_ids))
        folder = BatchFolder(out_dir)  # the batch's file names so far: two claims never share one
        today = self.ctx.today()
        # One read transaction for the whole batch (the letters show one state of the database) and one form
        # definition: per letter, opening a session and loading the definitions again cost as much as reading.
        with self.ctx.read() as s:
            for index, claim_id in enumerate(claim_ids):
                if cancelled is not None and cancelled():
                    outcome.cancelled = True
                    break
                try:
                    record = self._record(s, actor, form, claim_id, only_printed=True)
                except DomainError as exc:
                    outcome.skipped.append((claim_id, exc.key, dict(exc.params)))
                else:
                    try:
                        target = folder.target(form, record, index + 1)
                        write_pdf(form, record, target, language=language, today=today)
                        outcome.written.append(target)
                    except DomainError as exc:
                        if not _this_letter_only(exc):
                            raise
                        # A device, a pipe or a folder under one letter's name concerns that letter only: the
                        # rest print (a full disk or a closed folder would refuse them all, so that stops).
                        outcome.skipped.append((claim_id, exc.key, dict(exc.params)))
                if index % BATCH_FORGET_EVERY == BATCH_FORGET_EVERY - 1:
                    s.expunge_all()  # a batch of thousands must not keep every row it read
                if progress is not None:
                    progress(index + 1, outcome.total)
        return outcome


def _this_letter_only(exc: DomainError) -> bool:
    """Whether a letter's refusal comes from what lies under its own name (not from the folder or the disk)."""
    return exc.key in ("output.not_a_file", "output.is_a_folder")


def case_number(case_id: str) -> str:
    """Cases have no number of their own; the start of the id is unique enough to quote on the phone."""
    return f"KF-{case_id.replace('-', '')[:8].upper()}"


def inspection_number(inspection_id: str) -> str:
    return f"JC-{inspection_id.replace('-', '')[:8].upper()}"


def rehab_status(case: RehabCase, plan: RehabPlan | None, sessions: list[RehabSession], today: dt.date) -> str:
    """The plan's stage in the form's words, from what the case records (it stores only open or closed)."""
    if case.status == "closed":
        return "closed"
    if case.rtw_outcome and case.rtw_outcome != "not_returned":
        return "returned_to_work"
    if any(x.attended or x.scheduled_on <= today for x in sessions):
        return "in_progress"
    return "planned" if plan is not None else "referred"


__all__ = ["CLAIM_FORMS", "PrintBatchOutcome", "PrintService", "documents_present"]
