"""Claims: intake (the wizard and the import), detail, lifecycle steps and deletion."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from injury_desk.domain.death import death_after_assessment_errors, death_date_errors, suspension_last_day
from injury_desk.domain.deadlines import Deadline, application_warnings, claim_deadlines, next_deadline
from injury_desk.domain.errors import DomainError, FieldError, ValidationFailed, raise_if
from injury_desk.domain.identifiers import mask_credit_code
from injury_desk.domain.legal_basis import basis_errors, quote
from injury_desk.domain.lifecycle import (
    ApplicantType,
    ClaimStatus,
    DeterminationOutcome,
    allowed_transitions,
    next_step,
    transition_errors,
)
from injury_desk.services.actor import Actor
from injury_desk.services.claim_facts import claim_facts, first_appraised_on, refresh_deadline
from injury_desk.services.decision_documents import issue_document
from injury_desk.services.dependants import reschedule_pensions
from injury_desk.services.context import ServiceContext
from injury_desk.services.employers import EmployerView, add_employer, employer_view, read_employer
from injury_desk.services.fields import FieldReader
from injury_desk.services.people import PersonView, add_person, check_token, edit_token, person_view, read_person
from injury_desk.services.permissions import require, require_office
from injury_desk.store.models import (
    Appraisal,
    Assessment,
    Claim,
    Dependant,
    Determination,
    Employer,
    LocalSetting,
    MissingWorker,
    Payment,
    Person,
    RehabCase,
)

from injury_desk.domain.suspension_period import months_paid  # noqa: E402 - beside its one use

APPLICANT_TYPES = tuple(t.value for t in ApplicantType)
OUTCOMES = tuple(o.value for o in DeterminationOutcome)
NURSING_LEVELS = ("none", "partial", "major", "full")


@dataclass(frozen=True)
class ClaimDetail:
    id: str
    claim_no: str
    status: str
    worker: PersonView
    employer: EmployerView
    accident_date: date
    accident_time: str
    accident_place: str
    circumstances: str
    body_parts: str
    diagnosis: str
    fatal: bool
    applicant_type: str | None
    application_received_on: date | None
    accepted_on: date | None
    clear_case: bool
    next_deadline: date | None
    next_deadline_kind: str | None
    next_deadline_basis: str | None
    next_step: str
    allowed_transitions: tuple[str, ...]
    warnings: tuple[FieldError, ...]
    determination: dict[str, Any] | None
    appraisal: dict[str, Any] | None
    token: str
    version: int
    office_id: str
    deadlines: tuple[Deadline, ...] = ()  # every running clock, by due date
    deadline_status: tuple[str, ...] = ()  # each clock's status on the day the claim was read
    extra: dict[str, Any] = field(default_factory=dict)
    death_date: date | None = None  # recorded apart from the accident (Art. 39); None: the accident day, or alive


def latest_appraisal(s: Session, claim_id: str) -> Appraisal | None:
    return s.scalar(select(Appraisal).where(Appraisal.claim_id == claim_id, Appraisal.deleted.is_(False))
                    .order_by(Appraisal.requested_on.desc()).limit(1))


def latest_determination(s: Session, claim_id: str) -> Determination | None:
    return s.scalar(select(Determination).where(Determination.claim_id == claim_id,
                                                Determination.deleted.is_(False))
                    .order_by(Determination.decided_on.desc()).limit(1))


def _next_claim_no(s: Session, actor: Actor, device_id: str, year: int) -> str:
    # Office code + device tag + per-device counter: unique across offices and desktops with no network.
    key = claim_series_key(actor, year)
    row = s.get(LocalSetting, key)
    if row is None:
        row = LocalSetting(key=key, value="0")
        s.add(row)
    number = int(row.value) + 1
    row.value = str(number)
    return claim_number(actor.office_code, year, device_tag(s, device_id), number)


def claim_series_key(actor: Actor, year: int) -> str:
    """The local setting that counts this desktop's claim numbers of one year."""
    return f"claim_seq:{actor.office_code}:{year}"


def device_tag(s: Session, device_id: str) -> str:
    # The central store assigns a tag unique in the office at enrolment; before that, the device id's.
    assigned = s.get(LocalSetting, "sync.device_tag")
    return assigned.value if assigned is not None else device_id.replace("-", "")[:4].upper()


def duplicate_errors(s: Session, worker_id: str, accident_date: date) -> list[FieldError]:
    """One claim per worker and accident date; a deleted one still holds the place until restored."""
    row = s.execute(select(Claim.claim_no, Claim.deleted).where(
        Claim.worker_id == worker_id, Claim.accident_date == accident_date)).first()
    if row is None:
        return []
    rule = "claim.duplicate_deleted" if row.deleted else "claim.duplicate"
    return [FieldError("accident_date", rule, {"claim_no": row.claim_no})]


def claim_number(office_code: str, year: int, device_tag: str, number: int) -> str:
    return f"{office_code}-{year}-{device_tag}-{number:06d}"


class ClaimService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    # ------------------------------------------------------------------ intake

    def _read_accident(self, draft: dict[str, Any]) -> tuple[dict[str, Any], list[FieldError]]:
        today = self.ctx.today()
        r = FieldReader(draft)
        clean = {
            "accident_date": r.date("accident_date", required=True, not_after=today),
            "accident_time": r.text("accident_time", max_len=5),
            "accident_place": r.text("accident_place", required=True, max_len=300),
            "circumstances": r.text("circumstances", required=True, max_len=20_000),
            "body_parts": r.text("body_parts", required=True, max_len=300),
            "diagnosis": r.text("diagnosis", required=True, max_len=300),
            "fatal": r.boolean("fatal"),
            "death_date": r.date("death_date"),
        }
        r.errors.extend(death_date_errors(clean["accident_date"], clean["death_date"], today, clean["fatal"]))
        if clean["accident_time"]:
            t = clean["accident_time"]
            ok = len(t) == 5 and t[2] == ":" and t[:2].isdigit() and t[3:].isdigit()
            if not ok or int(t[:2]) > 23 or int(t[3:]) > 59:
                r.error("accident_time", "field.time_format", value=t)
        clean["applicant_type"] = r.choice("applicant_type", APPLICANT_TYPES)
        clean["application_received_on"] = r.date("application_received_on", not_after=today)
        if (clean["applicant_type"] is None) != (clean["application_received_on"] is None) and not r.errors:
            missing = "applicant_type" if clean["applicant_type"] is None else "application_received_on"
            r.error(missing, "claim.application_incomplete")
        if clean["accident_date"] and clean["application_received_on"] and \
                clean["application_received_on"] < clean["accident_date"]:
            r.error("application_received_on", "claim.application_before_accident",
                    accident_date=clean["accident_date"].isoformat())
        return clean, r.errors

    def validate_draft(self, actor: Actor, draft: dict[str, Any], *, section: str | None = None) -> list[FieldError]:
        """Every broken rule of a claim draft (or of one wizard section: worker, employer, accident)."""
        require(actor, "claim.view")
        errors: list[FieldError] = []
        today = self.ctx.today()
        worker_birth = None
        worker_id = None
        if section in (None, "worker"):
            if draft.get("worker_id"):
                with self.ctx.read() as s:
                    p = s.get(Person, draft["worker_id"])
                    if p is None or p.deleted:
                        errors.append(FieldError("worker_id", "person.not_found"))
                    else:
                        worker_birth, worker_id = p.birth_date, p.id
            else:
                clean, errs = read_person(draft.get("worker") or {}, today)
                errors += errs
                worker_birth = clean.get("birth_date")
                if clean.get("id_number"):
                    with self.ctx.read() as s:
                        worker_id = s.scalar(select(Person.id).where(Person.id_number == clean["id_number"]))
        if section in (None, "employer"):
            errors += self._employer_errors(draft)
        if section in (None, "accident", "application"):
            clean, errs = self._read_accident(draft)
            errors += errs
            if section is None and worker_birth and clean["accident_date"] and worker_birth > clean["accident_date"]:
                errors.append(FieldError("accident_date", "claim.birth_after_accident",
                                         {"birth_date": worker_birth.isoformat()}))
            if section is None and worker_id and clean["accident_date"]:
                with self.ctx.read() as s:
                    errors += duplicate_errors(s, worker_id, clean["accident_date"])
        return errors

    def _employer_errors(self, draft: dict[str, Any]) -> list[FieldError]:
        if draft.get("employer_id"):
            with self.ctx.read() as s:
                e = s.get(Employer, draft["employer_id"])
                if e is None or e.deleted:
                    return [FieldError("employer_id", "employer.unknown", {"id": draft["employer_id"]})]
            return []
        if draft.get("employer_credit_code") and not draft.get("employer"):
            with self.ctx.read() as s:
                code = str(draft["employer_credit_code"]).strip().upper()
                if s.scalar(select(Employer.id).where(Employer.credit_code == code)) is None:
                    return [FieldError("employer_credit_code", "employer.unknown", {"credit_code": code})]
            return []
        if not draft.get("employer"):
            return [FieldError("employer_id", "employer.required")]
        return read_employer(draft["employer"])[1]

    def create(self, actor: Actor, draft: dict[str, Any], *, action: str = "claim.create") -> str:
        """Save a new claim with its new worker and employer if given; returns the claim id."""
        require(actor, "claim.create")
        raise_if(self.validate_draft(actor, draft))
        with self.ctx.write(actor, action) as s:
            claim = self.create_in(s, actor, draft)
            return claim.id

    def create_in(self, s: Session, actor: Actor, draft: dict[str, Any]) -> Claim:
        """The write part of create, inside a caller's transaction (the import uses it for all-or-nothing)."""
        today = self.ctx.today()
        accident, errors = self._read_accident(draft)
        raise_if(errors)
        if draft.get("worker_id"):
            worker = s.get(Person, draft["worker_id"])
            if worker is None or worker.deleted:
                raise ValidationFailed([FieldError("worker_id", "person.not_found")])
        else:
            clean, errors = read_person(draft.get("worker") or {}, today)
            raise_if(errors)
            worker = s.scalar(select(Person).where(Person.id_number == clean["id_number"]))
            if worker is None:
                worker = add_person(s, actor, clean, prefix="worker.")
            elif worker.name != clean["name"]:
                raise ValidationFailed([FieldError("worker.name", "person.name_mismatch",
                                                   {"existing": worker.name})])
        employer = self._resolve_employer(s, actor, draft)
        if worker.birth_date > accident["accident_date"]:
            raise ValidationFailed([FieldError("accident_date", "claim.birth_after_accident",
                                               {"birth_date": worker.birth_date.isoformat()})])
        raise_if(duplicate_errors(s, worker.id, accident["accident_date"]))
        status = ClaimStatus.APPLICATION_RECEIVED if accident["applicant_type"] else ClaimStatus.REPORTED
        claim = Claim(
            office_id=actor.office_id,
            claim_no=_next_claim_no(s, actor, s.info["device_id"], accident["accident_date"].year),
            worker_id=worker.id,
            employer_id=employer.id,
            incident_id=draft.get("incident_id") or None,
            status=status.value,
            assigned_to=actor.user_id,
            **accident,
        )
        s.add(claim)
        refresh_deadline(s, claim)
        return claim

    def _resolve_employer(self, s: Session, actor: Actor, draft: dict[str, Any]) -> Employer:
        if draft.get("employer_id"):
            e = s.get(Employer, draft["employer_id"])
            if e is None or e.deleted:
                raise ValidationFailed([FieldError("employer_id", "employer.unknown", {"id": draft["employer_id"]})])
            return e
        if draft.get("employer_credit_code") and not draft.get("employer"):
            code = str(draft["employer_credit_code"]).strip().upper()
            e = s.scalar(select(Employer).where(Employer.credit_code == code, Employer.deleted.is_(False)))
            if e is None:
                raise ValidationFailed([FieldError("employer_credit_code", "employer.unknown", {"credit_code": code})])
            return e
        clean, errors = read_employer(draft.get("employer") or {})
        raise_if(errors)
        existing = s.scalar(select(Employer).where(Employer.credit_code == clean["credit_code"]))
        return existing or add_employer(s, actor, clean, prefix="employer.")

    # ------------------------------------------------------------------ reading

    def get(self, actor: Actor, claim_id: str) -> ClaimDetail:
        require(actor, "claim.view")
        with self.ctx.read() as s:
            claim = self._load(s, claim_id)
            facts = claim_facts(s, claim)
            dl = next_deadline(facts)
            clocks, today = claim_deadlines(facts), self.ctx.today()
            worker = s.get(Person, claim.worker_id)
            employer = s.get(Employer, claim.employer_id)
            det = latest_determination(s, claim.id)
            appr = latest_appraisal(s, claim.id)
            return ClaimDetail(
                id=claim.id, claim_no=claim.claim_no, status=claim.status,
                worker=person_view(actor, worker), employer=employer_view(employer),
                accident_date=claim.accident_date, accident_time=claim.accident_time,
                accident_place=claim.accident_place, circumstances=claim.circumstances,
                body_parts=claim.body_parts, diagnosis=claim.diagnosis, fatal=claim.fatal,
                applicant_type=claim.applicant_type, application_received_on=claim.application_received_on,
                accepted_on=claim.accepted_on, clear_case=claim.clear_case,
                next_deadline=dl.due if dl else None, next_deadline_kind=dl.kind if dl else None,
                next_deadline_basis=dl.basis if dl else None,
                next_step=next_step(facts),
                allowed_transitions=tuple(t.value for t in allowed_transitions(facts)),
                warnings=tuple(application_warnings(facts)),
                determination=None if det is None else {
                    "outcome": det.outcome, "basis": det.basis, "decided_on": det.decided_on,
                    "decision_no": det.decision_no, "basis_code": det.basis_code},
                appraisal=None if appr is None else {
                    "requested_on": appr.requested_on, "extended": appr.extended,
                    "appraised_on": appr.appraised_on, "disability_grade": appr.disability_grade,
                    "nursing_level": appr.nursing_level},
                token=edit_token(claim), version=claim.version, office_id=claim.office_id,
                death_date=claim.death_date if claim.fatal else None,
                deadlines=tuple(clocks), deadline_status=tuple(d.status(today) for d in clocks),
                extra={"employer_code_masked": mask_credit_code(employer.credit_code),
                       "stop_work": None if claim.stop_work_started_on is None else {
                           "started_on": claim.stop_work_started_on, "ended_on": claim.stop_work_ended_on,
                           "months": claim.stop_work_months, "extension_ref": claim.stop_work_extension_ref,
                           "months_paid": None if claim.stop_work_ended_on is None else months_paid(
                               claim.stop_work_started_on, claim.stop_work_ended_on)}},
            )

    def _load(self, s: Session, claim_id: str) -> Claim:
        claim = s.get(Claim, claim_id)
        if claim is None or claim.deleted:
            raise DomainError("claim.not_found", id=claim_id)
        return claim

    def _editable(self, s: Session, actor: Actor, claim_id: str, token: str | None) -> Claim:
        claim = self._load(s, claim_id)
        require_office(actor, claim.office_id)
        if token is not None:
            check_token(claim, token)
        return claim

    # ------------------------------------------------------------------ lifecycle steps

    def _move(self, s: Session, claim: Claim, to: ClaimStatus) -> None:
        facts = claim_facts(s, claim)
        raise_if(transition_errors(facts, to))
        claim.status = to.value
        refresh_deadline(s, claim)

    def record_application(self, actor: Actor, claim_id: str, data: dict[str, Any], *, token: str | None = None) -> None:
        require(actor, "claim.edit")
        r = FieldReader(data)
        applicant = r.choice("applicant_type", APPLICANT_TYPES, required=True)
        received = r.date("application_received_on", required=True, not_after=self.ctx.today())
        raise_if(r.errors)
        with self.ctx.write(actor, "claim.record_application") as s:
            claim = self._editable(s, actor, claim_id, token)
            claim.applicant_type = applicant
            claim.application_received_on = received
            self._move(s, claim, ClaimStatus.APPLICATION_RECEIVED)

    def accept(self, actor: Actor, claim_id: str, data: dict[str, Any], *, token: str | None = None) -> None:
        require(actor, "claim.decide")
        r = FieldReader(data)
        accepted = r.date("accepted_on", required=True, not_after=self.ctx.today())
        clear = r.boolean("clear_case")
        raise_if(r.errors)
        with self.ctx.write(actor, "claim.accept") as s:
            claim = self._editable(s, actor, claim_id, token)
            claim.accepted_on = accepted
            claim.clear_case = clear
            self._move(s, claim, ClaimStatus.DETERMINATION)

    def record_death(self, actor: Actor, claim_id: str, data: dict[str, Any], *, token: str | None = None) -> None:
        """The worker died of the injury on ``death_date`` (days or months after the accident; Art. 39 counts from
        it). The claim is a death from then on; on a claim already recorded as one, the date is corrected. Refused
        once an assessment calculated without the death is proposed or approved (a new one is needed) and for a
        worker recorded as missing (the court's declaration decides, Art. 41)."""
        require(actor, "claim.edit")
        today = self.ctx.today()
        r = FieldReader(data)
        died = r.date("death_date", required=True)
        raise_if(r.errors)
        with self.ctx.write(actor, "claim.record_death") as s:
            claim = self._editable(s, actor, claim_id, token)
            errors = death_date_errors(claim.accident_date, died, today, True)
            if s.scalar(select(MissingWorker.id).where(MissingWorker.claim_id == claim.id,
                                                       MissingWorker.deleted.is_(False)).limit(1)):
                errors.append(FieldError("death_date", "claim.death_of_missing_worker"))
            else:
                errors += self._death_assessment_errors(s, claim, died)
            raise_if(errors)
            claim.fatal, claim.death_date = True, died
            s.flush()
            if s.scalar(select(Dependant.id).where(Dependant.claim_id == claim.id,
                                                   Dependant.deleted.is_(False)).limit(1)):
                reschedule_pensions(s, claim, today, self.ctx.resources_dir / "rules", actor.office_region)
            refresh_deadline(s, claim)

    @staticmethod
    def _death_assessment_errors(s: Session, claim: Claim, died: date) -> list[FieldError]:
        """A death after the approval makes a new assessment superseding it (Art. 39, services/assessments.py), so
        it is refused only where that cannot follow: while a proposal calculated without the death waits, once the
        death's own assessment is proposed or approved (its day is that assessment's start), and for a worker whose
        death after the suspension period Art. 39 gives nothing for (grades 5-10, no grade)."""
        rows = list(s.scalars(select(Assessment).where(Assessment.claim_id == claim.id, Assessment.deleted.is_(False),
                                                       Assessment.status.in_(("proposed", "approved")))
                              .order_by(Assessment.decided_at.desc())))
        if not rows:
            return []
        death_rows = [a for a in rows if (a.inputs or {}).get("fatal") and a.supersedes_id]
        if (not claim.fatal and any(a.status == "proposed" for a in rows)) or death_rows:
            return [FieldError("death_date", "claim.death_after_assessment")]
        approved = next((a for a in rows if a.status == "approved"), None)
        if claim.fatal or approved is None:
            return []
        appr = latest_appraisal(s, claim.id)
        last = suspension_last_day(claim.stop_work_started_on, claim.stop_work_months, claim.stop_work_ended_on,
                                   first_appraised_on(s, claim.id))
        concluded = appr is not None and appr.appraised_on is not None
        grade = appr.disability_grade if concluded else (approved.inputs or {}).get("disability_grade")
        return death_after_assessment_errors(died, last, grade)

    def decide(self, actor: Actor, claim_id: str, data: dict[str, Any], *, token: str | None = None) -> None:
        require(actor, "claim.decide")
        r = FieldReader(data)
        outcome = r.choice("outcome", OUTCOMES, required=True)
        decided = r.date("decided_on", required=True, not_after=self.ctx.today())
        basis_code = r.text("basis_code", max_len=16)
        needs_appraisal = r.boolean("needs_appraisal", default=True)
        # The legal basis is chosen from Arts. 14-16 (domain/legal_basis.py), never typed; the number is issued.
        raise_if(r.errors + basis_errors(outcome, basis_code))
        with self.ctx.write(actor, "claim.decide") as s:
            claim = self._editable(s, actor, claim_id, token)
            if claim.status != ClaimStatus.DETERMINATION.value:
                raise DomainError("claim.wrong_status", status=claim.status, expected="determination")
            if claim.accepted_on and decided < claim.accepted_on:
                raise ValidationFailed([FieldError("decided_on", "claim.decided_before_accepted",
                                                   {"accepted_on": claim.accepted_on.isoformat()})])
            kind = "not_recognised_decision" if outcome == "not_recognised" else "determination_decision"
            doc = issue_document(s, actor, claim, kind, decided, basis_code=basis_code)
            s.add(Determination(office_id=claim.office_id, claim_id=claim.id, outcome=outcome,
                                decided_on=decided, basis=quote(basis_code), basis_code=basis_code,
                                decision_no=doc.number, decided_by=actor.user_id))
            claim.needs_appraisal = needs_appraisal
            refresh_deadline(s, claim)

    def request_appraisal(self, actor: Actor, claim_id: str, data: dict[str, Any], *, token: str | None = None) -> None:
        require(actor, "claim.edit")
        r = FieldReader(data)
        requested = r.date("appraisal_requested_on", required=True, not_after=self.ctx.today())
        raise_if(r.errors)
        with self.ctx.write(actor, "claim.request_appraisal") as s:
            claim = self._editable(s, actor, claim_id, token)
            s.add(Appraisal(office_id=claim.office_id, claim_id=claim.id, requested_on=requested))
            self._move(s, claim, ClaimStatus.APPRAISAL)
            issue_document(s, actor, claim, "appraisal_request", requested)

    def extend_appraisal(self, actor: Actor, claim_id: str) -> None:
        require(actor, "claim.edit")
        with self.ctx.write(actor, "claim.extend_appraisal") as s:
            claim = self._editable(s, actor, claim_id, None)
            appr = latest_appraisal(s, claim.id)
            if appr is None or claim.status != ClaimStatus.APPRAISAL.value:
                raise DomainError("claim.wrong_status", status=claim.status, expected="appraisal")
            if appr.extended:
                raise DomainError("claim.appraisal_already_extended")
            appr.extended = True
            refresh_deadline(s, claim)

    def record_appraisal(self, actor: Actor, claim_id: str, data: dict[str, Any], *, token: str | None = None) -> None:
        require(actor, "claim.edit")
        r = FieldReader(data)
        appraised = r.date("appraised_on", required=True, not_after=self.ctx.today())
        grade = r.integer("disability_grade", minimum=1, maximum=10)
        nursing = r.choice("nursing_level", NURSING_LEVELS, default="none")
        raise_if(r.errors)
        with self.ctx.write(actor, "claim.record_appraisal") as s:
            claim = self._editable(s, actor, claim_id, token)
            appr = latest_appraisal(s, claim.id)
            if appr is None or claim.status != ClaimStatus.APPRAISAL.value:
                raise DomainError("claim.wrong_status", status=claim.status, expected="appraisal")
            if appraised < appr.requested_on:
                raise ValidationFailed([FieldError("appraised_on", "claim.appraised_before_request",
                                                   {"requested_on": appr.requested_on.isoformat()})])
            appr.appraised_on = appraised
            appr.disability_grade = grade
            appr.nursing_level = nursing
            refresh_deadline(s, claim)

    def advance(self, actor: Actor, claim_id: str, to: str) -> None:
        """Move to ``to`` when the guards allow it (assessment, payment, closed)."""
        require(actor, "claim.edit")
        with self.ctx.write(actor, f"claim.to_{to}") as s:
            claim = self._editable(s, actor, claim_id, None)
            try:
                target = ClaimStatus(to)
            except ValueError:
                raise ValidationFailed([FieldError("status", "field.choice", {"value": to})]) from None
            if target is ClaimStatus.CLOSED:
                raise_if(_outstanding(s, claim))
            self._move(s, claim, target)

    def delete(self, actor: Actor, claim_id: str, *, token: str | None = None) -> None:
        """Tombstone a claim (supervisors only); synced rows are never removed."""
        require(actor, "claim.delete")
        with self.ctx.write(actor, "claim.delete") as s:
            claim = self._editable(s, actor, claim_id, token)
            claim.deleted = True


def _outstanding(s, claim: Claim) -> list[FieldError]:
    """What must be done before a claim is closed for good: money still to pay, rehabilitation still open.

    Closing is irreversible in the lifecycle, and a closed claim drops out of the caseworker's lists, so a
    payment still scheduled would never be made and an open case never finished."""
    errors = []
    payments = s.execute(select(func.count(), func.min(Payment.due_on))
                         .where(Payment.claim_id == claim.id, Payment.status == "scheduled",
                                Payment.deleted.is_(False))).one()
    if payments[0]:
        errors.append(FieldError("status", "claim.close_payments_scheduled",
                                 {"count": payments[0], "next_due": payments[1].isoformat()}))
    cases = s.scalar(select(func.count()).select_from(RehabCase)
                     .where(RehabCase.claim_id == claim.id, RehabCase.status == "open", RehabCase.deleted.is_(False)))
    if cases:
        errors.append(FieldError("status", "claim.close_rehab_open", {"count": cases}))
    return errors
