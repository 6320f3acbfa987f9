"""Benefit assessments: wage records, calculation preview, propose/approve (four eyes), payments.

Choices made here (the issue leaves them open):

* An assessment is calculated once, when it is proposed, and stored with its inputs, the full result
  (every line item with its formula, inputs and basis) and the versions of the rules and parameters used.
  Approving never recalculates: a supervisor approves exactly the figures the caseworker proposed, and a
  later change to a rule file never touches an approved assessment.
* The inputs must agree with the claim's recorded facts: the injury date is the accident date, ``fatal``
  is the claim's, and the disability grade and nursing level are those of the latest concluded appraisal.
  The wages and the parameters (region, year, minimum wage, flags, dependants) are the caseworker's to enter;
  the suspension months are the recorded period's once it has ended (issue 15, Art. 33), else the caseworker's.
* Payment schedule on approval: the rule lives in ``domain/payments.py`` (once items on the approval date,
  monthly items for the 12 months after the approval month; items of zero yuan get no payment).
* Only one proposal per claim may be open; a returned proposal stays as a record and a new one is made.
  Returning needs the approver's permission but not a second person: a supervisor may send back even
  their own proposal, since returning decides nothing about money.
* Wage records are replaced as a whole (the wage table is edited as one list); rows that disappear are
  tombstoned, and a month that comes back revives its old row (one row per claim and month).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from injury_desk.domain.compensation import CalcResult, RuleBook, calculate, load_rules, parse_calc_input
from injury_desk.domain.compensation.wages import MONTHS_EXPECTED, months_before
from injury_desk.domain.deadlines import STOP_WORK_MONTHS
from injury_desk.domain.insurance import employer_pays_every_item
from injury_desk.domain.errors import DomainError, FieldError, ValidationFailed, raise_if
from injury_desk.domain.suspension_period import months_paid
from injury_desk.domain.lifecycle import ClaimStatus, DeterminationOutcome, transition_errors
from injury_desk.domain.money import format_amount, from_fen, to_fen
from injury_desk.domain.payments import payment_schedule
from injury_desk.domain.reappraisal import settle, settle_death
from injury_desk.services.actor import Actor
from injury_desk.services.claim_facts import approved_assessment, first_appraised_on, office_claim
from injury_desk.services.claims import ClaimService, claim_facts, refresh_deadline
from injury_desk.services.context import ServiceContext
from injury_desk.domain.death import death_day, death_inputs, died_after_suspension, suspension_last_day
from injury_desk.services.fund_advances import employer_insured_at_accident
from injury_desk.services.pension_window import held_back
from injury_desk.services.fields import FieldReader
from injury_desk.services.permissions import allowed, require, require_office
from injury_desk.store.base import utcnow
from injury_desk.services.dependants import reschedule_pensions, schedule_pension_arrears
from injury_desk.store.models import Appraisal, Assessment, Claim, Dependant, Determination, Payment, User, WageRecord

_MONTH = re.compile(r"^(\d{4})-(\d{2})$")


@dataclass(frozen=True)
class AssessmentState:
    """What the assessment page needs to guide the caseworker; ``missing`` holds message keys."""

    claim_id: str
    claim_no: str
    claim_status: str
    accident_date: date
    fatal: bool
    determination_outcome: str | None
    appraised: bool
    disability_grade: int | None
    nursing_level: str | None
    missing: tuple[str, ...]
    # the appraised grade draws a lifelong allowance that a basic pension replaces after retirement (Art. 35)
    basic_pension_applies: bool = False
    # Arts. 26, 28: a new conclusion came after the approval: a new assessment is due, superseding the approved
    # one from this date
    reassessment_from: date | None = None
    # Art. 39: the worker died after the approved disability assessment; the new one is the death's, from that day
    death_supersession: bool = False


@dataclass(frozen=True)
class AssessmentView:
    """One stored assessment exactly as saved; amounts are Decimal yuan."""

    id: str
    claim_id: str
    status: str
    inputs: dict[str, Any]
    result: dict[str, Any]
    rules_version: str
    params_version: str
    total_once: Decimal
    total_monthly: Decimal
    proposed_by: str | None
    proposed_by_name: str
    proposed_at: Any
    decided_by: str | None
    decided_by_name: str
    decided_at: Any
    return_reason: str
    supersedes_id: str | None = None
    effective_from: date | None = None
    settlement: tuple[dict[str, Any], ...] = ()  # arrears (> 0) and overpayments (< 0) stored on approval
    superseded_by: str | None = None  # a newer approved assessment took over from its effective date

    @property
    def items(self) -> list[dict[str, Any]]:
        return list(self.result.get("items", []))


@dataclass(frozen=True)
class PaymentView:
    id: str
    assessment_id: str
    item_code: str
    payer: str
    due_on: date
    amount: Decimal
    status: str
    paid_on: date | None
    reference: str
    dependant_name: str = ""  # a dependant's pension: the person it goes to


def _plain(value: Any) -> Any:
    """Inputs as stored: JSON-safe, with amounts as text so no float ever enters the record."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, date):
        return value.isoformat()
    return value


def result_record(result: CalcResult) -> dict[str, Any]:
    """The full result as stored with an assessment: items with formulas and inputs, totals, versions."""
    items = []
    for item in result.items:
        entry = item.to_json_dict()
        entry["inputs"] = dict(item.inputs)
        # the formula and basis as message keys too, so that the GUI and printed sheets can translate them
        entry["formula_message"] = item.formula_message.to_dict()
        entry["basis_message"] = item.basis_message.to_dict()
        entry["informational"] = item.informational
        items.append(entry)
    return {
        "items": items,
        "total_once": format_amount(result.total_once),
        "total_monthly": format_amount(result.total_monthly),
        "versions": _plain(result.versions),
    }


def recognition_basis(basis_code: str) -> str | None:
    """The engine's ``recognition_basis`` for a determination's article: every Art. 14 item is ``art14``, the
    Art. 15 items keep their own value; None for a determination recorded before the basis was a choice."""
    if basis_code.startswith("art14_"):
        return "art14"
    if basis_code in ("art15_1", "art15_2", "art15_3"):
        return basis_code
    return None


def recorded_suspension_months(claim: Claim) -> int | None:
    """The months of suspension wages the claim's recorded period gives (Art. 33), None until it has ended."""
    if claim.fatal or claim.stop_work_started_on is None or claim.stop_work_ended_on is None:
        return None
    return months_paid(claim.stop_work_started_on, claim.stop_work_ended_on)


class AssessmentService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    # ------------------------------------------------------------------ rules

    @property
    def rules_dir(self) -> Path:
        return Path(self.ctx.resources_dir) / "rules"

    def rules(self) -> RuleBook:
        # Read on every use: an administrator may add a parameter file while the app runs, and approved
        # assessments never depend on it anyway.
        return load_rules(self.rules_dir)

    def region_figures(self, actor: Actor, region: str, year: int) -> dict[str, Any] | None:
        """The published (or illustrative) figures of one region and year, for display; None if unknown."""
        require(actor, "claim.view")
        try:
            params = self.rules().region_params(region, year)
        except DomainError:
            return None
        return {
            "region": params.region, "name": params.name, "year": params.year,
            "average_monthly_wage": format_amount(params.average_monthly_wage),
            "minimum_wage": None if params.minimum_wage is None else format_amount(params.minimum_wage),
            "illustrative": params.illustrative, "label": params.label, "source": params.source,
            "params_version": params.params_version,
            "hospital_meal_allowance_per_day": (None if params.hospital_meal_allowance_per_day is None
                                                else format_amount(params.hospital_meal_allowance_per_day)),
        }

    def regions(self, actor: Actor) -> tuple[tuple[str, str], ...]:
        """Each region with a parameter file: its code and the name its newest file gives it (the file's own
        words, which the interface translates where its catalogue lists them)."""
        require(actor, "claim.view")
        rules = self.rules()
        return tuple((code, rules.region_title(code)) for code in rules.region_names())

    # ------------------------------------------------------------------ loading

    def _claim(self, s: Session, claim_id: str) -> Claim:
        claim = s.get(Claim, claim_id)
        if claim is None or claim.deleted:
            raise DomainError("claim.not_found", id=claim_id)
        return claim

    @staticmethod
    def _determination(s: Session, claim_id: str) -> Determination | None:
        return s.scalar(select(Determination).where(Determination.claim_id == claim_id,
                                                    Determination.deleted.is_(False))
                        .order_by(Determination.decided_on.desc()).limit(1))

    @staticmethod
    def _appraisal(s: Session, claim_id: str) -> Appraisal | None:
        return s.scalar(select(Appraisal).where(Appraisal.claim_id == claim_id, Appraisal.deleted.is_(False))
                        .order_by(Appraisal.requested_on.desc()).limit(1))

    def _assessment(self, s: Session, assessment_id: str) -> Assessment:
        a = s.get(Assessment, assessment_id)
        if a is None or a.deleted:
            raise DomainError("assessment.not_found", id=assessment_id)
        return a

    # ------------------------------------------------------------------ state and guidance

    def state(self, actor: Actor, claim_id: str) -> AssessmentState:
        """Where the claim stands for an assessment, with the message keys of what is still missing."""
        require(actor, "claim.view")
        with self.ctx.read() as s:
            claim = self._claim(s, claim_id)
            det = self._determination(s, claim.id)
            appr = self._appraisal(s, claim.id)
            missing: list[str] = []
            if det is None or not DeterminationOutcome(det.outcome).is_injury:
                missing.append("assessment.no_determination")
            appraised = appr is not None and appr.appraised_on is not None
            if not claim.fatal and claim.needs_appraisal and not appraised:
                missing.append("assessment.no_appraisal")
            grade = appr.disability_grade if appraised else None
            return AssessmentState(
                claim_id=claim.id, claim_no=claim.claim_no, claim_status=claim.status,
                accident_date=claim.accident_date, fatal=claim.fatal,
                determination_outcome=det.outcome if det else None, appraised=appraised,
                disability_grade=grade,
                nursing_level=(appr.nursing_level if appraised and appr.nursing_level != "none" else None),
                missing=tuple(missing),
                basic_pension_applies=not claim.fatal and grade is not None
                and grade in self._pension_top_up_grades(claim.accident_date),
                reassessment_from=self._reassessment_from(s, claim),
                death_supersession=self._death_due(claim, approved_assessment(s, claim.id)),
            )

    def _reassessment_from(self, s: Session, claim: Claim) -> date | None:
        """The effective date of a new assessment that is due and not yet proposed (Arts. 26, 28, 39), else None."""
        current = approved_assessment(s, claim.id)
        if current is None or s.scalar(select(Assessment.id).where(
                Assessment.claim_id == claim.id, Assessment.deleted.is_(False), Assessment.status == "proposed")):
            return None
        if self._death_due(claim, current):
            return death_day(claim.accident_date, claim.death_date)
        newer = self._appraisal_after(s, claim.id, current)
        return newer.appraised_on if newer is not None else None

    @staticmethod
    def _death_due(claim: Claim, current: Assessment | None) -> bool:
        """Art. 39: the claim records a death the approved assessment was calculated without."""
        return claim.fatal and current is not None and not (current.inputs or {}).get("fatal")

    def _death_after_suspension(self, s: Session, claim: Claim) -> bool:
        """Whether the recorded death came after the suspension period (Art. 39 last paragraph)."""
        last = suspension_last_day(claim.stop_work_started_on, claim.stop_work_months, claim.stop_work_ended_on,
                                   first_appraised_on(s, claim.id))
        return died_after_suspension(death_day(claim.accident_date, claim.death_date), last)

    def _pension_top_up_grades(self, injury_date: date) -> frozenset[int]:
        try:
            return self.rules().national_for(injury_date).claim_life.pension_top_up_grades
        except DomainError:
            # no rule set for the date: the calculation itself will say so
            return frozenset()

    # ------------------------------------------------------------------ wages

    def list_wages(self, actor: Actor, claim_id: str) -> list[dict[str, str]]:
        """The claim's wage records, oldest month first, amounts as yuan text."""
        require(actor, "claim.view")
        with self.ctx.read() as s:
            self._claim(s, claim_id)
            rows = s.scalars(select(WageRecord).where(WageRecord.claim_id == claim_id, WageRecord.deleted.is_(False))
                             .order_by(WageRecord.month)).all()
            return [{"month": r.month, "amount": format_amount(from_fen(r.amount_fen))} for r in rows]

    def record_wages(self, actor: Actor, claim_id: str, wages: list[dict[str, Any]]) -> list[FieldError]:
        """Replace the claim's wage records; returns warnings (fewer than 12 months before the injury)."""
        require(actor, "claim.edit")
        with self.ctx.read() as s:
            accident = self._claim(s, claim_id).accident_date
        injury_month = f"{accident.year:04d}-{accident.month:02d}"
        errors: list[FieldError] = []
        clean: dict[str, int] = {}
        if not isinstance(wages, list):
            raise ValidationFailed([FieldError("wages", "field.required")])
        for i, entry in enumerate(wages):
            r = FieldReader(entry if isinstance(entry, dict) else {}, prefix=f"wages[{i}].")
            month = r.text("month", required=True, max_len=7)
            amount = r.money_fen("amount", required=True)
            errors += r.errors
            if not month:
                continue
            m = _MONTH.match(month)
            if m is None or not 1 <= int(m.group(2)) <= 12:
                errors.append(FieldError(f"wages[{i}].month", "wage.month_format", {"value": month}))
                continue
            if month >= injury_month:
                # Art. 64 averages the months before the injury; later pay is not part of the base
                errors.append(FieldError(f"wages[{i}].month", "wage.month_after_injury",
                                         {"value": month, "accident_date": accident.isoformat()}))
                continue
            if month in clean:
                errors.append(FieldError(f"wages[{i}].month", "wage.month_duplicate", {"value": month}))
                continue
            if amount is not None:
                clean[month] = amount
        raise_if(errors)
        with self.ctx.write(actor, "assessment.record_wages") as s:
            claim = office_claim(s, actor, claim_id)
            existing = {r.month: r for r in s.scalars(select(WageRecord).where(WageRecord.claim_id == claim.id))}
            for month, row in existing.items():
                if month not in clean and not row.deleted:
                    row.deleted = True
            for month, fen in clean.items():
                row = existing.get(month)
                if row is None:
                    s.add(WageRecord(office_id=claim.office_id, claim_id=claim.id, month=month, amount_fen=fen))
                else:
                    row.amount_fen = fen
                    row.deleted = False
        expected = set(months_before(accident))
        have = len(expected & set(clean))
        if have < MONTHS_EXPECTED:
            return [FieldError("wages", "wage.months_fewer", {"expected": MONTHS_EXPECTED, "count": have})]
        return []

    # ------------------------------------------------------------------ calculation

    def prefill(self, actor: Actor, claim_id: str) -> dict[str, Any]:
        """The engine input document as far as the claim's records give it; the caseworker completes it."""
        require(actor, "claim.view")
        with self.ctx.read() as s:
            claim = self._claim(s, claim_id)
            current = approved_assessment(s, claim.id)
            if self._death_due(claim, current):
                # Art. 39: the death's calculation takes the approved one's wages and region, and the grade last
                # appraised before the death (a re-appraisal not yet assessed included)
                after = self._death_after_suspension(s, claim)
                doc = death_inputs(dict(current.inputs or {}), death_day(claim.accident_date, claim.death_date), after)
                appr = self._appraisal(s, claim.id)
                if after and appr is not None and appr.appraised_on is not None:
                    doc["disability_grade"] = appr.disability_grade
                return doc
            appr = self._appraisal(s, claim.id)
            first_injury_month = f"{claim.accident_date.year:04d}-{claim.accident_date.month:02d}"
            rows = s.scalars(select(WageRecord).where(WageRecord.claim_id == claim.id, WageRecord.deleted.is_(False),
                                                      WageRecord.month < first_injury_month)
                             .order_by(WageRecord.month.desc()).limit(MONTHS_EXPECTED)).all()
            doc: dict[str, Any] = {"injury_date": claim.accident_date.isoformat()}
            if len(rows) == MONTHS_EXPECTED:
                doc["monthly_wages"] = [format_amount(from_fen(r.amount_fen)) for r in reversed(rows)]
            doc["region"] = actor.office_region
            # Art. 34 uses the averages of the year before the injury, Art. 39 those of the year before the death
            # (recorded apart from the accident when it followed it)
            doc["year"] = (death_day(claim.accident_date, claim.death_date) if claim.fatal
                           else claim.accident_date).year - 1
            appraised = appr is not None and appr.appraised_on is not None
            if appraised and not claim.fatal:
                doc["disability_grade"] = appr.disability_grade
                if appr.disability_grade is not None and appr.nursing_level != "none":
                    doc["nursing_level"] = appr.nursing_level
            doc["fatal"] = claim.fatal
            doc["employer_cannot_arrange_work"] = False
            doc["employment_ended"] = False
            if claim.fatal:
                doc["dependants"] = []
            doc["suspension_months"] = 0
            doc["suspension_extended"] = False
            recorded = recorded_suspension_months(claim)
            if recorded is not None:  # Art. 33: the months come from the period's recorded dates
                doc["suspension_months"] = recorded
                doc["suspension_extended"] = recorded > STOP_WORK_MONTHS
            det = self._determination(s, claim.id)
            basis = recognition_basis(det.basis_code if det else "")
            if basis is not None:
                doc["recognition_basis"] = basis  # Art. 15(3) drops the one-time disability subsidy
            return doc

    def _guard(self, s: Session, claim: Claim, inputs: dict[str, Any]) -> None:
        """The claim's state must allow a calculation, and the inputs must match its recorded facts."""
        det = self._determination(s, claim.id)
        if det is None or not DeterminationOutcome(det.outcome).is_injury:
            raise DomainError("assessment.no_determination", outcome=det.outcome if det else None)
        errors: list[FieldError] = []
        if isinstance(inputs, dict):
            if inputs.get("injury_date") not in (None, claim.accident_date.isoformat()):
                errors.append(FieldError("injury_date", "assessment.injury_date_mismatch",
                                         {"accident_date": claim.accident_date.isoformat()}))
            if bool(inputs.get("fatal", False)) != claim.fatal:
                errors.append(FieldError("fatal", "assessment.fatal_mismatch", {"fatal": claim.fatal}))
            grade = inputs.get("disability_grade")
            appr = self._appraisal(s, claim.id)
            concluded = appr is not None and appr.appraised_on is not None
            if grade is not None and not concluded:
                raise DomainError("assessment.no_appraisal")
            if concluded and not claim.fatal:
                # the grade and nursing level are the appraisal committee's findings, not the caseworker's
                if grade != appr.disability_grade:
                    errors.append(FieldError("disability_grade", "assessment.grade_mismatch",
                                             {"appraised": appr.disability_grade, "value": grade}))
                nursing = inputs.get("nursing_level") or "none"
                if appr.disability_grade is not None and nursing != appr.nursing_level:
                    errors.append(FieldError("nursing_level", "assessment.nursing_mismatch",
                                             {"appraised": appr.nursing_level, "value": nursing}))
            recorded = recorded_suspension_months(claim)
            given = inputs.get("suspension_months") or 0
            if recorded is not None and given != recorded:
                errors.append(FieldError("suspension_months", "assessment.suspension_mismatch",
                                         {"expected": recorded, "value": given}))
            if self._death_due(claim, approved_assessment(s, claim.id)):
                # Art. 39 last paragraph: the suspension period's dates decide, and the grade is the committee's
                after = self._death_after_suspension(s, claim)
                if bool(inputs.get("death_after_suspension", False)) != after:
                    last = suspension_last_day(claim.stop_work_started_on, claim.stop_work_months,
                                               claim.stop_work_ended_on, first_appraised_on(s, claim.id))
                    key = "assessment.death_after_suspension_due" if after else "assessment.death_within_suspension"
                    errors.append(FieldError("death_after_suspension", key, {
                        "last_day": last.isoformat() if last else "—",
                        "death_date": death_day(claim.accident_date, claim.death_date).isoformat()}))
                if after and concluded and grade != appr.disability_grade:
                    errors.append(FieldError("disability_grade", "assessment.grade_mismatch",
                                             {"appraised": appr.disability_grade, "value": grade}))
            # the article the determination rests on is the decision's, not the caseworker's (issue 15 point 2)
            decided = recognition_basis(det.basis_code)
            if decided is not None and inputs.get("recognition_basis", "art14") != decided:
                errors.append(FieldError("recognition_basis", "assessment.basis_mismatch",
                                         {"decided": decided, "value": inputs.get("recognition_basis", "art14")}))
        raise_if(errors)

    def _calculate(self, inputs: dict[str, Any]) -> CalcResult:
        rules = self.rules()
        return calculate(parse_calc_input(inputs, rules), rules)

    def preview(self, actor: Actor, claim_id: str, inputs: dict[str, Any]) -> CalcResult:
        """Calculate without saving anything."""
        require(actor, "assessment.propose")
        with self.ctx.read() as s:
            claim = self._claim(s, claim_id)
            self._guard(s, claim, inputs)
        return self._calculate(inputs)

    # ------------------------------------------------------------------ four eyes

    def propose(self, actor: Actor, claim_id: str, inputs: dict[str, Any]) -> str:
        """Calculate and store a proposal (moving the claim into ``assessment`` when it may); its id."""
        require(actor, "assessment.propose")
        stored_inputs = _plain(inputs)
        with self.ctx.read() as s:
            self._guard(s, self._claim(s, claim_id), stored_inputs)
        result = self._calculate(stored_inputs)
        with self.ctx.write(actor, "assessment.propose") as s:
            claim = office_claim(s, actor, claim_id)
            self._guard(s, claim, stored_inputs)  # again inside the transaction: the claim may have moved
            statuses = s.scalars(select(Assessment.status).where(Assessment.claim_id == claim.id,
                                                                 Assessment.deleted.is_(False))).all()
            if "proposed" in statuses:
                raise DomainError("assessment.already_proposed")
            supersedes, effective = None, None
            if "approved" in statuses:
                # Arts. 26, 28: only a new appraisal conclusion makes a new assessment; it supersedes the current one
                current = approved_assessment(s, claim.id)
                if self._death_due(claim, current):  # Art. 39: a death after the approval, from that day
                    supersedes, effective = current.id, death_day(claim.accident_date, claim.death_date)
                else:
                    newer = self._appraisal_after(s, claim.id, current)
                    if newer is None:
                        raise DomainError("assessment.already_approved")
                    supersedes, effective = current.id, newer.appraised_on
            elif claim.status in (ClaimStatus.DETERMINATION.value, ClaimStatus.APPRAISAL.value):
                raise_if(transition_errors(claim_facts(s, claim), ClaimStatus.ASSESSMENT))
                claim.status = ClaimStatus.ASSESSMENT.value
            wanted = (ClaimStatus.ASSESSMENT.value, ClaimStatus.PAYMENT.value) if supersedes else (
                ClaimStatus.ASSESSMENT.value,)
            if claim.status not in wanted:
                raise DomainError("claim.wrong_status", status=claim.status, expected=wanted[-1])
            versions = result.versions
            params_version = versions.get("region_params_version") or ""
            if versions.get("disposable_income_year"):
                params_version = f"{params_version}; income {versions['disposable_income_year']}".lstrip("; ")
            record = result_record(result)
            if not employer_insured_at_accident(s, claim):
                # Art. 62 para. 2: the employer not insured on the accident day pays every item
                record["items"] = employer_pays_every_item(record["items"])
                record["uninsured_employer"] = True
            assessment = Assessment(
                office_id=claim.office_id, claim_id=claim.id, status="proposed",
                inputs=stored_inputs, result=record,
                rules_version=result.rules_version[:64], params_version=params_version[:64],
                total_once_fen=to_fen(result.total_once), total_monthly_fen=to_fen(result.total_monthly),
                proposed_by=actor.user_id, proposed_at=utcnow(), supersedes_id=supersedes, effective_from=effective,
            )
            s.add(assessment)
            refresh_deadline(s, claim)
            return assessment.id

    def record_death(self, actor: Actor, claim_id: str, data: dict[str, Any], *, token: str | None = None) -> str | None:
        """The worker died on ``death_date`` (ClaimService.record_death) and, on a claim whose approved assessment
        was calculated without the death, the death's assessment is proposed at once from the pre-filled inputs
        (Art. 39), superseding it from that day once a second person approves it. Returns the proposal's id; None
        when none is due, the actor may not propose, or the calculation needs a figure the caseworker must enter
        first (a national figure of the year before the death not yet in the rule files): the death stays
        recorded and the Assessment page says that the death's assessment is due."""
        ClaimService(self.ctx).record_death(actor, claim_id, data, token=token)
        if not self.state(actor, claim_id).death_supersession or not allowed(actor, "assessment.propose"):
            return None
        try:
            return self.propose(actor, claim_id, self.prefill(actor, claim_id))
        except DomainError:  # ValidationFailed included: the page shows what is missing
            return None

    def _open_proposal(self, s: Session, actor: Actor, assessment_id: str) -> tuple[Assessment, Claim]:
        a = self._assessment(s, assessment_id)
        require_office(actor, a.office_id)
        if a.status != "proposed":
            raise DomainError("assessment.not_proposed", status=a.status)
        return a, self._claim(s, a.claim_id)

    def approve(self, actor: Actor, assessment_id: str) -> None:
        """Approve the stored figures as they are, move the claim to payment and schedule the payments."""
        require(actor, "assessment.approve")
        with self.ctx.write(actor, "assessment.approve") as s:
            a, claim = self._open_proposal(s, actor, assessment_id)
            if a.proposed_by == actor.user_id:
                raise DomainError("assessment.same_person")
            today = self.ctx.today()
            a.status = "approved"
            a.decided_by = actor.user_id
            a.decided_at = utcnow()
            if a.supersedes_id:
                old = self._assessment(s, a.supersedes_id)
                if (a.inputs or {}).get("fatal") and not (old.inputs or {}).get("fatal"):
                    self._supersede_by_death(s, claim, old, a, today, actor)
                else:
                    self._supersede(s, claim, a, today)
                refresh_deadline(s, claim)
                return
            s.flush()
            raise_if(transition_errors(claim_facts(s, claim), ClaimStatus.PAYMENT))
            claim.status = ClaimStatus.PAYMENT.value
            for p in payment_schedule(a.result.get("items", []), today):
                if held_back(s, claim, p.item_code, p.due_on):  # a missing worker (Art. 41)
                    continue
                s.add(Payment(office_id=claim.office_id, claim_id=claim.id, assessment_id=a.id,
                              item_code=p.item_code, payer=p.payer, due_on=p.due_on, amount_fen=p.amount_fen))
            if claim.fatal:
                # a register entered before the approval pays each person from now on (services/dependants.py)
                s.flush()
                self._pay_register(s, claim, today, actor)
            refresh_deadline(s, claim)

    def _pay_register(self, s: Session, claim: Claim, today: date, actor: Actor) -> None:
        """A register entered before the approval pays each person from now on (services/dependants.py), and the
        months that fell due between the death and today as one back payment per person."""
        if s.scalar(select(Dependant.id).where(Dependant.claim_id == claim.id,
                                               Dependant.deleted.is_(False)).limit(1)):
            reschedule_pensions(s, claim, today, self.rules_dir, actor.office_region)
            schedule_pension_arrears(s, claim, today, self.rules_dir, actor.office_region)

    # ------------------------------------------------------------------ re-appraisal and review (Arts. 26, 28)

    def _appraisal_after(self, s: Session, claim_id: str, current: Assessment) -> Appraisal | None:
        """The latest conclusion when its grade or nursing level is not the one ``current`` was calculated with (a
        re-appraisal or review changed them); None when they are the same (a review that changed nothing needs
        no new assessment). Compared by content, never by clock time."""
        appr = self._appraisal(s, claim_id)
        if appr is None or appr.appraised_on is None or (current.inputs or {}).get("fatal"):
            return None  # a deceased worker is not re-appraised
        used = (current.inputs or {}).get("disability_grade"), (current.inputs or {}).get("nursing_level") or "none"
        found = appr.disability_grade, (appr.nursing_level if appr.disability_grade is not None else "none")
        return appr if found != used else None

    def _supersede(self, s: Session, claim: Claim, a: Assessment, today: date) -> None:
        """The new assessment takes over from ``effective_from``: the settlement lines are stored with it, the old
        one's payments not yet due are cancelled, the new monthly payments scheduled, and arrears paid now."""
        old = self._assessment(s, a.supersedes_id)
        lines = settle(list(old.result.get("items", [])), list(a.result.get("items", [])), a.effective_from, today)
        a.settlement = [line.to_dict() for line in lines]
        for p in s.scalars(select(Payment).where(Payment.assessment_id == old.id, Payment.deleted.is_(False),
                                                 Payment.status == "scheduled", Payment.due_on > today)):
            p.status = "cancelled"
        monthly = [i for i in a.result.get("items", []) if i.get("period") == "monthly"]
        for p in payment_schedule(monthly, today):
            s.add(Payment(office_id=claim.office_id, claim_id=claim.id, assessment_id=a.id,
                          item_code=p.item_code, payer=p.payer, due_on=p.due_on, amount_fen=p.amount_fen))
        for line in lines:
            if line.difference > 0:
                s.add(Payment(office_id=claim.office_id, claim_id=claim.id, assessment_id=a.id,
                              item_code=f"arrears:{line.item_code}", payer=line.payer, due_on=today,
                              amount_fen=to_fen(line.difference)))

    def _supersede_by_death(self, s: Session, claim: Claim, old: Assessment, a: Assessment, today: date,
                            actor: Actor) -> None:
        """Art. 39: the death's assessment takes over from the day of death. The living worker's monthly benefits
        stop with the month of death: their payments due after it are cancelled when unpaid (a state, never
        deleted) and, when paid, become overpayment lines to recover; the death's items are scheduled as for any
        approval, the register's pensions per person with the months already due as back pay."""
        monthly = {i["code"] for i in (old.result or {}).get("items", []) if i.get("period") == "monthly"}
        after = list(s.scalars(select(Payment).where(
            Payment.claim_id == claim.id, Payment.deleted.is_(False), Payment.item_code.in_(monthly),
            Payment.due_on > a.effective_from, Payment.status.in_(("scheduled", "paid")))
            .order_by(Payment.due_on)))
        lines = settle_death(list(old.result.get("items", [])),
                             [(p.item_code, from_fen(p.amount_fen)) for p in after if p.status == "paid"])
        a.settlement = [line.to_dict() for line in lines]
        for p in after:
            if p.status == "scheduled":
                p.status = "cancelled"
        for p in payment_schedule(a.result.get("items", []), today):
            s.add(Payment(office_id=claim.office_id, claim_id=claim.id, assessment_id=a.id,
                          item_code=p.item_code, payer=p.payer, due_on=p.due_on, amount_fen=p.amount_fen))
        s.flush()
        self._pay_register(s, claim, today, actor)

    def return_for_changes(self, actor: Actor, assessment_id: str, reason: str) -> None:
        """Send a proposal back with the supervisor's reason; the claim stays in assessment."""
        require(actor, "assessment.approve")
        r = FieldReader({"reason": reason})
        text = r.text("reason", required=True, max_len=2000)
        raise_if(r.errors)
        with self.ctx.write(actor, "assessment.return") as s:
            a, claim = self._open_proposal(s, actor, assessment_id)
            a.status = "returned"
            a.return_reason = text
            a.decided_by = actor.user_id
            a.decided_at = utcnow()
            refresh_deadline(s, claim)

    # ------------------------------------------------------------------ reading

    def _view(self, s: Session, a: Assessment) -> AssessmentView:
        def name(user_id: str | None) -> str:
            if user_id is None:
                return ""
            user = s.get(User, user_id)
            return user.display_name if user is not None else user_id

        return AssessmentView(
            id=a.id, claim_id=a.claim_id, status=a.status, inputs=dict(a.inputs or {}),
            result=dict(a.result or {}), rules_version=a.rules_version, params_version=a.params_version,
            total_once=from_fen(a.total_once_fen), total_monthly=from_fen(a.total_monthly_fen),
            proposed_by=a.proposed_by, proposed_by_name=name(a.proposed_by), proposed_at=a.proposed_at,
            decided_by=a.decided_by, decided_by_name=name(a.decided_by), decided_at=a.decided_at,
            return_reason=a.return_reason, supersedes_id=a.supersedes_id, effective_from=a.effective_from,
            settlement=tuple(a.settlement or ()),
            superseded_by=s.scalar(select(Assessment.id).where(
                Assessment.supersedes_id == a.id, Assessment.status == "approved", Assessment.deleted.is_(False))),
        )

    def get(self, actor: Actor, claim_id: str) -> AssessmentView | None:
        """The claim's current assessment as stored: the approved one, else the latest proposal or return."""
        require(actor, "claim.view")
        with self.ctx.read() as s:
            self._claim(s, claim_id)
            rows = s.scalars(select(Assessment).where(Assessment.claim_id == claim_id, Assessment.deleted.is_(False))
                             .order_by(Assessment.proposed_at.desc())).all()
            if not rows:
                return None
            # an open proposal first (after a re-appraisal it waits beside the approved one it will supersede),
            # then the approval in force, then the latest return
            chosen = next((a for a in rows if a.status == "proposed"), None) or next(
                (a for a in sorted(rows, key=lambda a: a.decided_at or a.proposed_at, reverse=True)
                 if a.status == "approved"), rows[0])
            return self._view(s, chosen)

    def history(self, actor: Actor, claim_id: str) -> list[AssessmentView]:
        """Every assessment of the claim, newest first (returned ones included)."""
        require(actor, "claim.view")
        with self.ctx.read() as s:
            self._claim(s, claim_id)
            rows = s.scalars(select(Assessment).where(Assessment.claim_id == claim_id, Assessment.deleted.is_(False))
                             .order_by(Assessment.proposed_at.desc())).all()
            return [self._view(s, a) for a in rows]

    # ------------------------------------------------------------------ payments

    def list_payments(self, actor: Actor, claim_id: str) -> list[PaymentView]:
        require(actor, "claim.view")
        with self.ctx.read() as s:
            self._claim(s, claim_id)
            rows = s.scalars(select(Payment).where(Payment.claim_id == claim_id, Payment.deleted.is_(False))
                             .order_by(Payment.due_on, Payment.item_code)).all()
            names = dict(s.execute(select(Dependant.id, Dependant.name).where(Dependant.claim_id == claim_id)).all())
            return [PaymentView(id=p.id, assessment_id=p.assessment_id, item_code=p.item_code, payer=p.payer,
                                due_on=p.due_on, amount=from_fen(p.amount_fen), status=p.status,
                                paid_on=p.paid_on, reference=p.reference,
                                dependant_name=names.get(p.dependant_id or "", "")) for p in rows]

    def record_payment(self, actor: Actor, payment_id: str, paid_on: Any, reference: str) -> None:
        """Mark a scheduled payment paid; a payment is paid once, never in the future."""
        require(actor, "payment.record")
        r = FieldReader({"paid_on": paid_on, "reference": reference})
        paid = r.date("paid_on", required=True, not_after=self.ctx.today())
        ref = r.text("reference", max_len=100)
        raise_if(r.errors)
        with self.ctx.write(actor, "payment.record") as s:
            p = s.get(Payment, payment_id)
            if p is None or p.deleted:
                raise DomainError("payment.not_found", id=payment_id)
            require_office(actor, p.office_id)
            if p.status == "paid":
                raise DomainError("payment.already_paid", paid_on=p.paid_on.isoformat() if p.paid_on else "")
            if p.status != "scheduled":
                raise DomainError("payment.not_scheduled", status=p.status)
            p.status = "paid"
            p.paid_on = paid
            p.reference = ref
