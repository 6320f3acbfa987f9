"""The dependants register of a deceased worker's claim (Art. 39(2); 《因工死亡职工供养亲属范围规定》): record,
correct and end each person's pension, and compute who is due what in any month from the register and the
approved assessment's wage base (never stored ahead: the register may change)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from injury_desk.domain.compensation import Adjustment, Benefit, load_rules, monthly_amount
from injury_desk.domain.compensation.adjustments import next_month
from injury_desk.domain.compensation.dependants import (
    CONDITIONS,
    ENDING_EVENTS,
    RELATIONS,
    RegisterRules,
    ending,
    pension_for_month,
    register_errors,
    register_rules_in_force,
    share_of,
)
from injury_desk.domain.death import death_day
from injury_desk.domain.errors import DomainError, FieldError, raise_if
from injury_desk.domain.identifiers import check_person_against_id, mask_resident_id, parse_resident_id, \
    resident_id_errors
from injury_desk.domain.money import parse_amount, to_fen
from injury_desk.domain.payments import SCHEDULED_MONTHS, first_of_month_after
from injury_desk.services.actor import Actor
from injury_desk.services.claim_facts import approved_assessment, office_claim
from injury_desk.services.context import ServiceContext
from injury_desk.services.dependant_person import register_person
from injury_desk.services.fields import FieldReader
from injury_desk.services.pension_window import paid_from, pension_window
from injury_desk.services.people import check_token, edit_token
from injury_desk.services.permissions import allowed, require, require_office
from injury_desk.store.models import Claim, Dependant, Payment

SCHEDULE_MONTHS_MAX = 600


@dataclass(frozen=True)
class DependantView:
    id: str
    claim_id: str
    name: str
    id_number: str  # masked unless the actor may see the full number
    relation: str
    sex: str  # M, F
    birth_date: date
    condition: str
    lost_capacity: bool
    lonely_elderly_or_orphan: bool
    payee: str  # who receives the money: the payee recorded, else the person
    share: Decimal  # 0.40, 0.30, + 0.10 (before any cut to the cap)
    ended_by: str | None
    ended_on: date | None
    ends_on: date | None  # when the pension ends (an event, or the 18th birthday), None while nothing ends it
    end_reason: str | None  # the event, or "age_limit"
    note: str
    token: str


@dataclass(frozen=True)
class ScheduleLine:
    """One person's pension in one month (a payment goes to ``payee``): ``base`` as the register gives it (the
    share of the wage base, cut to the cap), ``amount`` with the region's Art. 40 adjustments in force."""

    month: date
    dependant_id: str
    name: str
    payee: str
    share: Decimal
    amount: Decimal
    capped: bool
    base: Decimal | None = None
    notices: tuple[str, ...] = ()  # the adjustment notices applied, in order


@dataclass(frozen=True)
class Register:
    claim_id: str
    claim_no: str
    fatal: bool
    death_date: date
    wage_base: Decimal | None  # from the approved assessment; None until one is approved
    dependants: list[DependantView]


def wage_base_of(s: Session, claim_id: str) -> Decimal | None:
    """The wage base (Art. 64) of the claim's approved assessment: the cap of the dependants' pensions."""
    a = approved_assessment(s, claim_id)
    if a is None:
        return None
    for item in (a.result or {}).get("items", []):
        if item.get("code") == "wage_base":
            return parse_amount(item["amount"])
    return None


def dependant_view(actor: Actor, row: Dependant, rules: RegisterRules) -> DependantView:
    """One stored person as the tab and the printed sheet show it: share, payee, ending and why."""
    person = register_person(row)
    end = ending(person, rules)
    shown = row.id_number if allowed(actor, "person.view_full_id") else mask_resident_id(row.id_number)
    return DependantView(
        id=row.id, claim_id=row.claim_id, name=row.name, id_number=shown if row.id_number else "",
        relation=row.relation, sex=row.sex, birth_date=row.birth_date, condition=row.condition,
        lost_capacity=row.lost_capacity, lonely_elderly_or_orphan=row.lonely_elderly_or_orphan,
        payee=person.paid_to, share=share_of(person, rules), ended_by=row.ended_by, ended_on=row.ended_on,
        ends_on=end.on if end else None, end_reason=end.reason if end else None, note=row.note,
        token=edit_token(row))


def _pension_lines(s: Session, claim: Claim, months: list[date], base: Decimal, rules_dir: Path,
                   region: str) -> list[tuple[date, str, Decimal]]:
    """(month, dependant id, amount) of each person's pension in each of ``months`` the pension runs in, from the
    register, the wage base and the region's Art. 40 adjustments."""
    book = load_rules(rules_dir)
    rules = book.national_for(claim.accident_date).register_rules
    try:
        adjustments = book.adjustments(region)
    except DomainError:
        adjustments = ()
    people = [register_person(r) for r in s.scalars(select(Dependant).where(
        Dependant.claim_id == claim.id, Dependant.deleted.is_(False)).order_by(Dependant.birth_date, Dependant.id))]
    window = pension_window(s, claim)
    started = window.first_month
    out = []
    for month in months:
        if not window.due(month):
            continue
        for line in pension_for_month(people, month, window.after, base, rules).lines:
            d = line.dependant
            since = max(next_month(d.birth_date), started) if d.birth_date > window.death_date else started
            out.append((month, d.key, monthly_amount(Benefit("dependants_pension", line.amount, since), month,
                                                     adjustments).amount))
    return out


def reschedule_pensions(s: Session, claim: Claim, today: date, rules_dir: Path, region: str) -> int:
    """Each dependant's pension as that person's own payments (Art. 39(2): each payment goes to a person), for the
    SCHEDULED_MONTHS after ``today``'s month, from the register, the approved assessment's wage base and the
    region's Art. 40 adjustments. Payments of the dependants' pension not yet due and not paid are cancelled first
    (the assessment's single monthly total too): the register decides who is paid, and an ending, a new person or
    a changed share takes effect on every later payment. Returns the payments scheduled; none before an approval."""
    approved = approved_assessment(s, claim.id)
    base = wage_base_of(s, claim.id)
    if approved is None or base is None:
        return 0
    for p in s.scalars(select(Payment).where(Payment.claim_id == claim.id, Payment.deleted.is_(False),
                                             Payment.item_code == "dependants_pension",
                                             Payment.status == "scheduled", Payment.due_on > today)):
        p.status = "cancelled"
    months = [first_of_month_after(today, n) for n in range(1, SCHEDULED_MONTHS + 1)]
    count = 0
    for month, dependant_id, amount in _pension_lines(s, claim, months, base, rules_dir, region):
        s.add(Payment(office_id=claim.office_id, claim_id=claim.id, assessment_id=approved.id,
                      item_code="dependants_pension", payer="fund", due_on=month, amount_fen=to_fen(amount),
                      dependant_id=dependant_id))
        count += 1
    return count


PENSION_ARREARS = "arrears:dependants_pension"


def schedule_pension_arrears(s: Session, claim: Claim, today: date, rules_dir: Path, region: str) -> int:
    """The pension months that fell due between the death and the approval on ``today`` (from the month after the
    death through ``today``'s month: the stored schedule starts with the next one) as one back payment per person,
    due today. Once per person: whoever already has one (not cancelled) gets none again, so a second call changes
    nothing. Returns the payments scheduled."""
    approved = approved_assessment(s, claim.id)
    base = wage_base_of(s, claim.id)
    if approved is None or base is None:
        return 0
    already = set(s.scalars(select(Payment.dependant_id).where(
        Payment.claim_id == claim.id, Payment.deleted.is_(False), Payment.item_code == PENSION_ARREARS,
        Payment.status != "cancelled")))
    months = []
    month = pension_window(s, claim).first_month
    while month <= today:
        months.append(month)
        month = next_month(month)
    owed: dict[str, Decimal] = {}
    for _, dependant_id, amount in _pension_lines(s, claim, months, base, rules_dir, region):
        if dependant_id not in already:
            owed[dependant_id] = owed.get(dependant_id, Decimal("0.00")) + amount
    for dependant_id, amount in owed.items():
        s.add(Payment(office_id=claim.office_id, claim_id=claim.id, assessment_id=approved.id,
                      item_code=PENSION_ARREARS, payer="fund", due_on=today, amount_fen=to_fen(amount),
                      dependant_id=dependant_id))
    return len(owed)


class DependantsService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def rules(self, on: date) -> RegisterRules:
        return register_rules_in_force(self.ctx.resources_dir / "rules", on)

    @staticmethod
    def rules_for(on: date) -> RegisterRules:
        """The register's rules from the shipped rule files (for readers with no service context: printing)."""
        from injury_desk.resources import resources_dir

        return register_rules_in_force(resources_dir() / "rules", on)

    # ---------------------------------------------------------------- reading

    def _rows(self, s: Session, claim_id: str) -> list[Dependant]:
        return list(s.scalars(select(Dependant).where(Dependant.claim_id == claim_id, Dependant.deleted.is_(False))
                              .order_by(Dependant.birth_date, Dependant.id)))

    def register(self, actor: Actor, claim_id: str) -> Register:
        """The claim's register, youngest last, each person with share and ending, and the cap's wage base."""
        require(actor, "claim.view")
        with self.ctx.read() as s:
            claim = office_claim(s, actor, claim_id)
            rules = self.rules(claim.accident_date)
            return Register(claim.id, claim.claim_no, claim.fatal, death_day(claim.accident_date, claim.death_date),
                            wage_base_of(s, claim.id),
                            [dependant_view(actor, r, rules) for r in self._rows(s, claim.id)])

    def schedule(self, actor: Actor, claim_id: str, first_month: date, months: int = 12) -> list[ScheduleLine]:
        """Who is due what in each of ``months`` months from ``first_month``: each person's share of the worker's
        wage base, cut in proportion when the shares pass the cap; nothing after a person's ending date, and nothing
        before the month after the approval (the months the monthly run pays; earlier ones are arrears)."""
        require(actor, "claim.view")
        if not 1 <= months <= SCHEDULE_MONTHS_MAX:
            raise_if([FieldError("months", "field.range", {"min": 1, "max": SCHEDULE_MONTHS_MAX, "value": months})])
        with self.ctx.read() as s:
            claim = office_claim(s, actor, claim_id)
            base = wage_base_of(s, claim.id)
            if base is None:
                raise DomainError("dependant.no_approved_assessment")
            rules = self.rules(claim.accident_date)
            people = [register_person(r) for r in self._rows(s, claim.id)]
            window = pension_window(s, claim)
            # as the monthly run pays it: nothing before the month after the approval (domain/monthly_run.py)
            first_paid = paid_from(s, claim.id)
        adjustments = self.adjustments(actor)
        # Art. 40: each person's pension is the benefit a notice raises, in payment from the month after the death
        # (for a missing worker, from the 4th month: Art. 41)
        started = window.first_month
        out: list[ScheduleLine] = []
        month = first_month.replace(day=1)
        for _ in range(months):
            result = pension_for_month(people, month, window.after, base, rules)
            for line in result.lines if window.due(month) and (first_paid is None or month >= first_paid) else ():
                d = line.dependant
                # a child born after the death draws the pension from the month after the birth
                since = max(next_month(d.birth_date), started) if d.birth_date > window.death_date else started
                adjusted = monthly_amount(Benefit("dependants_pension", line.amount, since), month, adjustments)
                out.append(ScheduleLine(month, d.key, d.name, d.paid_to, line.share, adjusted.amount, result.capped,
                                        base=line.amount, notices=tuple(x.adjustment.notice for x in adjusted.steps)))
            month = next_month(month)
        return out

    def adjustments(self, actor: Actor) -> tuple[Adjustment, ...]:
        """The office region's Art. 40 notices (none for a region that published none)."""
        try:
            return load_rules(self.ctx.resources_dir / "rules").adjustments(actor.office_region)
        except DomainError:
            return ()

    # ---------------------------------------------------------------- writing

    def _read(self, data: dict[str, Any]) -> tuple[dict[str, Any], list[FieldError]]:
        r = FieldReader(data)
        clean: dict[str, Any] = {
            "name": r.text("name", required=True, max_len=100),
            "relation": r.choice("relation", RELATIONS, required=True),
            "condition": r.choice("condition", tuple(CONDITIONS), required=True),
            "lost_capacity": r.boolean("lost_capacity"),
            "lonely_elderly_or_orphan": r.boolean("lonely_elderly_or_orphan"),
            "payee": r.text("payee", max_len=100),
            "note": r.text("note", max_len=2000),
        }
        sex = r.choice("sex", ("M", "F"))
        birth = r.date("birth_date", not_after=self.ctx.today())
        errors: list[FieldError] = []
        raw_id = (data.get("id_number") or "").strip()
        if raw_id:
            # the ID number gives the sex and birth date; typed ones must agree with it (as for a worker)
            id_errors = resident_id_errors(raw_id, field="id_number", today=self.ctx.today())
            errors += id_errors
            if not id_errors:
                rid = parse_resident_id(raw_id, today=self.ctx.today())
                errors += check_person_against_id(rid, sex=sex, birth_date=birth)
                clean.update(id_number=rid.number, sex=rid.sex, birth_date=rid.birth_date)
        else:
            # a child born after the death may have no number yet: sex and birth date are then required
            if sex is None:
                r.error("sex", "field.required")
            if birth is None:
                r.error("birth_date", "field.required")
            clean.update(id_number="", sex=sex, birth_date=birth)
        return clean, errors + r.errors

    def _check_register(self, claim: Claim, rows: list[Dependant], index: int) -> None:
        """The register's rules (Provisions Arts. 3, 4) over every person, reported for the one being saved."""
        rules = self.rules(claim.accident_date)
        errors = register_errors([register_person(r) for r in rows], death_day(claim.accident_date, claim.death_date),
                                 rules)
        mine = [FieldError(e.field.split("].", 1)[1], e.rule, e.params) for e in errors
                if e.field.startswith(f"dependants[{index}].")]
        other = [e for e in errors if e.field == "dependants"]
        raise_if(mine + [FieldError("relation", e.rule, e.params) for e in other])

    def _fatal_claim(self, s: Session, actor: Actor, claim_id: str) -> Claim:
        claim = office_claim(s, actor, claim_id)
        if not claim.fatal:
            raise DomainError("dependant.claim_not_fatal", claim_no=claim.claim_no)
        return claim

    def add(self, actor: Actor, claim_id: str, data: dict[str, Any]) -> str:
        """Enter a dependant: relation, the Art. 3 condition, ID number (or sex and birth date), payee."""
        require(actor, "claim.edit")
        clean, errors = self._read(data)
        raise_if(errors)
        with self.ctx.write(actor, "dependant.add") as s:
            claim = self._fatal_claim(s, actor, claim_id)
            row = Dependant(office_id=claim.office_id, claim_id=claim.id, **clean)
            rows = self._rows(s, claim.id) + [row]
            self._check_register(claim, rows, len(rows) - 1)
            s.add(row)
            s.flush()
            self._reschedule(s, actor, claim)
            return row.id

    def _editable(self, s: Session, actor: Actor, dependant_id: str, token: str | None) -> Dependant:
        row = s.get(Dependant, dependant_id)
        if row is None or row.deleted:
            raise DomainError("dependant.not_found", id=dependant_id)
        require_office(actor, row.office_id)
        if token is not None:
            check_token(row, token)
        return row

    def update(self, actor: Actor, dependant_id: str, data: dict[str, Any], *, token: str | None = None) -> None:
        require(actor, "claim.edit")
        clean, errors = self._read(data)
        raise_if(errors)
        with self.ctx.write(actor, "dependant.update") as s:
            row = self._editable(s, actor, dependant_id, token)
            claim = self._fatal_claim(s, actor, row.claim_id)
            for key, value in clean.items():
                setattr(row, key, value)
            rows = self._rows(s, claim.id)
            self._check_register(claim, rows, next(i for i, r in enumerate(rows) if r.id == row.id))
            self._reschedule(s, actor, claim)

    def record_end(self, actor: Actor, dependant_id: str, data: dict[str, Any], *, token: str | None = None) -> None:
        """An event of Art. 4 of the Provisions ends the person's pension from the day it happened."""
        require(actor, "claim.edit")
        r = FieldReader(data)
        event = r.choice("ended_by", ENDING_EVENTS, required=True)
        on = r.date("ended_on", required=True, not_after=self.ctx.today())
        raise_if(r.errors)
        with self.ctx.write(actor, "dependant.end") as s:
            row = self._editable(s, actor, dependant_id, token)
            claim = self._fatal_claim(s, actor, row.claim_id)
            if row.ended_by is not None:
                raise DomainError("dependant.already_ended", kind=row.ended_by, on=row.ended_on.isoformat())
            row.ended_by, row.ended_on = event, on
            rows = self._rows(s, claim.id)
            errors = register_errors([register_person(x) for x in rows],
                                     death_day(claim.accident_date, claim.death_date), self.rules(claim.accident_date))
            index = next(i for i, x in enumerate(rows) if x.id == row.id)
            mine = [e for e in errors if e.field == f"dependants[{index}].events"]
            raise_if([FieldError("ended_on" if e.rule == "dependant.event_before_death" else "ended_by", e.rule,
                                 e.params) for e in mine])
            self._reschedule(s, actor, claim)

    def remove(self, actor: Actor, dependant_id: str, *, token: str | None = None) -> None:
        """A person entered by mistake (not one whose pension ended: record the event instead)."""
        require(actor, "claim.edit")
        with self.ctx.write(actor, "dependant.remove") as s:
            row = self._editable(s, actor, dependant_id, token)
            row.deleted = True
            s.flush()
            self._reschedule(s, actor, s.get(Claim, row.claim_id))

    def _reschedule(self, s: Session, actor: Actor, claim: Claim) -> None:
        s.flush()
        reschedule_pensions(s, claim, self.ctx.today(), self.ctx.resources_dir / "rules", actor.office_region)
