"""SQLAlchemy models of every table: people and audit, prevention, compensation, rehabilitation, sync."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    Column,
    Table,
    JSON,
    Boolean,
    LargeBinary,
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column

from injury_desk.store.base import Base, Synced, UTCDateTime, utcnow

# ---------------------------------------------------------------- people, offices, users


class Office(Synced, Base):
    __tablename__ = "offices"
    code: Mapped[str] = mapped_column(String(16), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    region: Mapped[str] = mapped_column(String(64), default="example")
    # Decision numbers (services/decision_numbers.py): the office's prefix and pattern, set by an administrator.
    decision_prefix: Mapped[str] = mapped_column(String(40), default="")
    decision_pattern: Mapped[str] = mapped_column(String(120), default="")


class User(Synced, Base):
    __tablename__ = "users"
    __table_args__ = (CheckConstraint("role in ('caseworker','supervisor','administrator')", name="role"),)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    display_name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(16))
    password_hash: Mapped[str] = mapped_column(String(255))
    active: Mapped[bool] = mapped_column(Boolean, default=True)


# ---------------------------------------------------------------- prevention


class Employer(Synced, Base):
    __tablename__ = "employers"
    __table_args__ = (CheckConstraint("risk_class between 1 and 8", name="risk_class"),)
    name: Mapped[str] = mapped_column(String(200), index=True)
    credit_code: Mapped[str] = mapped_column(String(18), unique=True)
    industry: Mapped[str] = mapped_column(String(100), default="", index=True)
    risk_class: Mapped[int] = mapped_column(Integer, default=1)
    headcount: Mapped[int] = mapped_column(Integer, default=0)
    address: Mapped[str] = mapped_column(String(300), default="")
    contact_name: Mapped[str] = mapped_column(String(100), default="")
    contact_phone: Mapped[str] = mapped_column(String(40), default="")
    # issue 15 (Art. 62; SIL Arts. 41, 42): insured, and from/to when (open dates: no limit that side)
    insured: Mapped[bool] = mapped_column(Boolean, default=True)
    insured_from: Mapped[date | None] = mapped_column(Date, nullable=True)
    insured_to: Mapped[date | None] = mapped_column(Date, nullable=True)


class EmployerHeadcount(Synced, Base):
    """An employer's workers in one year and where the figure comes from: the denominator of that year's rates."""

    __tablename__ = "employer_headcounts"
    __table_args__ = (CheckConstraint("headcount >= 1", name="headcount_positive"),)
    employer_id: Mapped[str] = mapped_column(ForeignKey("employers.id"), index=True)
    year: Mapped[int] = mapped_column(Integer)
    headcount: Mapped[int] = mapped_column(Integer)
    source: Mapped[str] = mapped_column(String(200))


class Inspection(Synced, Base):
    __tablename__ = "inspections"
    employer_id: Mapped[str] = mapped_column(ForeignKey("employers.id"), index=True)
    planned_on: Mapped[date] = mapped_column(Date)
    inspected_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    inspector: Mapped[str] = mapped_column(String(100), default="")
    status: Mapped[str] = mapped_column(String(16), default="planned")  # planned, done, cancelled
    summary: Mapped[str] = mapped_column(Text, default="")


class Hazard(Synced, Base):
    __tablename__ = "hazards"
    inspection_id: Mapped[str] = mapped_column(ForeignKey("inspections.id"), index=True)
    employer_id: Mapped[str] = mapped_column(ForeignKey("employers.id"), index=True)
    category: Mapped[str] = mapped_column(String(64))
    severity: Mapped[str] = mapped_column(String(16))  # low, medium, high, critical
    location: Mapped[str] = mapped_column(String(200), default="")
    description: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(16), default="open")  # open, closed


class CorrectiveAction(Synced, Base):
    __tablename__ = "corrective_actions"
    hazard_id: Mapped[str] = mapped_column(ForeignKey("hazards.id"), index=True)
    description: Mapped[str] = mapped_column(Text)
    owner: Mapped[str] = mapped_column(String(100))
    due_date: Mapped[date] = mapped_column(Date, index=True)
    status: Mapped[str] = mapped_column(String(16), default="open")  # open, done, extended
    closed_on: Mapped[date | None] = mapped_column(Date, nullable=True)


class TrainingSession(Synced, Base):
    __tablename__ = "training_sessions"
    employer_id: Mapped[str | None] = mapped_column(ForeignKey("employers.id"), index=True, nullable=True)
    topic: Mapped[str] = mapped_column(String(200))
    held_on: Mapped[date] = mapped_column(Date)
    trainer: Mapped[str] = mapped_column(String(100), default="")
    attendee_count: Mapped[int] = mapped_column(Integer, default=0)
    attendee_names: Mapped[str] = mapped_column(Text, default="")
    cost_fen: Mapped[int] = mapped_column(Integer, default=0)


class PreventionSpend(Synced, Base):
    """Prevention spending other than training (which has its own records): a funded project or publicity."""

    __tablename__ = "prevention_spends"
    __table_args__ = (CheckConstraint("kind in ('project','publicity')", name="kind"),
                      CheckConstraint("amount_fen >= 0", name="amount_nonneg"))
    kind: Mapped[str] = mapped_column(String(16))
    title: Mapped[str] = mapped_column(String(200))
    spent_on: Mapped[date] = mapped_column(Date, index=True)
    amount_fen: Mapped[int] = mapped_column(Integer)
    employer_id: Mapped[str | None] = mapped_column(ForeignKey("employers.id"), index=True, nullable=True)
    reference: Mapped[str] = mapped_column(String(200), default="")  # contract or approval number


class Incident(Synced, Base):
    __tablename__ = "incidents"
    employer_id: Mapped[str] = mapped_column(ForeignKey("employers.id"), index=True)
    person_id: Mapped[str | None] = mapped_column(ForeignKey("people.id"), nullable=True)
    kind: Mapped[str] = mapped_column(String(16))  # accident, near_miss
    occurred_on: Mapped[date] = mapped_column(Date)
    place: Mapped[str] = mapped_column(String(200), default="")
    description: Mapped[str] = mapped_column(Text, default="")
    days_lost: Mapped[int] = mapped_column(Integer, default=0)


# ---------------------------------------------------------------- compensation


class Person(Synced, Base):
    __tablename__ = "people"
    # A person known to two offices is two records, one of each office (a worker moves between cities and
    # employers; neither office learns anything of the other's record): the ID number is unique per office.
    __table_args__ = (UniqueConstraint("office_id", "id_number", name="uq_people_office_id_number"),)
    id_number: Mapped[str] = mapped_column(String(18))
    name: Mapped[str] = mapped_column(String(100), index=True)
    sex: Mapped[str] = mapped_column(String(1))  # M, F — derived from the ID number and cross-checked
    birth_date: Mapped[date] = mapped_column(Date)
    phone: Mapped[str] = mapped_column(String(40), default="")
    address: Mapped[str] = mapped_column(String(300), default="")


class Claim(Synced, Base):
    __tablename__ = "claims"
    __local_columns__ = frozenset({"next_deadline", "next_deadline_kind"})
    __table_args__ = (
        UniqueConstraint("worker_id", "accident_date", name="uq_claims_worker_accident"),
        Index("ix_claims_next_deadline", "next_deadline"),
        Index("ix_claims_assigned_to", "assigned_to", "next_deadline"),
    )
    claim_no: Mapped[str] = mapped_column(String(40), unique=True)
    worker_id: Mapped[str] = mapped_column(ForeignKey("people.id"), index=True)
    employer_id: Mapped[str] = mapped_column(ForeignKey("employers.id"), index=True)
    incident_id: Mapped[str | None] = mapped_column(ForeignKey("incidents.id"), nullable=True)
    status: Mapped[str] = mapped_column(String(32), default="reported")
    accident_date: Mapped[date] = mapped_column(Date)
    accident_time: Mapped[str] = mapped_column(String(5), default="")  # HH:MM local time
    accident_place: Mapped[str] = mapped_column(String(300), default="")
    circumstances: Mapped[str] = mapped_column(Text, default="")
    body_parts: Mapped[str] = mapped_column(String(300), default="")
    diagnosis: Mapped[str] = mapped_column(String(300), default="")
    fatal: Mapped[bool] = mapped_column(Boolean, default=False)
    # issue 15: the day of death when it followed the accident (Art. 39 counts from it); None: the accident day
    death_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    applicant_type: Mapped[str | None] = mapped_column(String(32), nullable=True)
    application_received_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    accepted_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    clear_case: Mapped[bool] = mapped_column(Boolean, default=False)
    needs_appraisal: Mapped[bool] = mapped_column(Boolean, default=True)
    assigned_to: Mapped[str | None] = mapped_column(String(36), nullable=True)
    # Derived from the lifecycle on every change; local so a recomputation never becomes a sync conflict.
    next_deadline: Mapped[date | None] = mapped_column(Date, nullable=True)
    next_deadline_kind: Mapped[str | None] = mapped_column(String(32), nullable=True)
    # What starts, pauses and stops the statutory clocks (domain/deadlines.py).
    occupational_disease: Mapped[bool] = mapped_column(Boolean, default=False)
    diagnosed_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    employer_extended_to: Mapped[date | None] = mapped_column(Date, nullable=True)
    employer_extension_ref: Mapped[str] = mapped_column(String(100), default="")
    documents_requested_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    documents_missing: Mapped[str] = mapped_column(Text, default="")  # document types, comma-separated
    documents_completed_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    not_accepted_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    not_accepted_reason: Mapped[str] = mapped_column(Text, default="")
    stop_work_started_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    stop_work_months: Mapped[int] = mapped_column(Integer, default=12)
    stop_work_extended_by: Mapped[str | None] = mapped_column(String(36), nullable=True)
    # Issue 15 (Art. 33): the day the suspension period actually ended, and the appraisal committee's
    # confirmation of an extension (its reference: who confirmed it; stop_work_extended_by recorded it).
    stop_work_ended_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    stop_work_extension_ref: Mapped[str] = mapped_column(String(100), default="")


class Determination(Synced, Base):
    __tablename__ = "determinations"
    claim_id: Mapped[str] = mapped_column(ForeignKey("claims.id"), index=True)
    outcome: Mapped[str] = mapped_column(String(32))  # recognised, deemed, not_recognised
    basis: Mapped[str] = mapped_column(String(300), default="")
    decided_on: Mapped[date] = mapped_column(Date)
    decision_no: Mapped[str] = mapped_column(String(64), default="")
    decided_by: Mapped[str | None] = mapped_column(String(36), nullable=True)
    basis_code: Mapped[str] = mapped_column(String(16), default="")  # domain/legal_basis.py, e.g. art14_1


class DeterminationSuspension(Synced, Base):
    """Art. 20 para. 3: the determination waits for a judicial or administrative body's decision."""

    __tablename__ = "determination_suspensions"
    claim_id: Mapped[str] = mapped_column(ForeignKey("claims.id"), index=True)
    started_on: Mapped[date] = mapped_column(Date)
    ended_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    reason: Mapped[str] = mapped_column(Text, default="")


class DecisionDocument(Synced, Base):
    """A numbered decision or notice the office issued for a claim (the number is never typed)."""

    __tablename__ = "decision_documents"
    __table_args__ = (UniqueConstraint("office_id", "number", name="uq_decision_documents_office_number"),)
    claim_id: Mapped[str] = mapped_column(ForeignKey("claims.id"), index=True)
    kind: Mapped[str] = mapped_column(String(32))  # printing form name, e.g. not_accepted_notice
    number: Mapped[str] = mapped_column(String(80))
    year: Mapped[int] = mapped_column(Integer)
    issued_on: Mapped[date] = mapped_column(Date)
    issued_by: Mapped[str | None] = mapped_column(String(36), nullable=True)
    basis_code: Mapped[str] = mapped_column(String(16), default="")
    text: Mapped[str] = mapped_column(Text, default="")  # reasons, missing documents: what the form quotes


class Delivery(Synced, Base):
    """A decision or notice handed to a recipient: the appeal and re-appraisal windows run from it."""

    __tablename__ = "deliveries"
    claim_id: Mapped[str] = mapped_column(ForeignKey("claims.id"), index=True)
    document_kind: Mapped[str] = mapped_column(String(32))
    document_id: Mapped[str | None] = mapped_column(ForeignKey("decision_documents.id"), nullable=True)
    number: Mapped[str] = mapped_column(String(80), default="")
    delivered_on: Mapped[date] = mapped_column(Date)
    recipient: Mapped[str] = mapped_column(String(32))  # worker, employer, close_relative, trade_union
    recipient_name: Mapped[str] = mapped_column(String(200), default="")
    method: Mapped[str] = mapped_column(String(16), default="in_person")  # in_person, post, left_at_address


class ClaimNote(Synced, Base):
    """A dated note on a claim; never edited after saving (a correction is a new note)."""

    __tablename__ = "claim_notes"
    claim_id: Mapped[str] = mapped_column(ForeignKey("claims.id"), index=True)
    written_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    written_by: Mapped[str | None] = mapped_column(String(36), nullable=True)
    text: Mapped[str] = mapped_column(Text)
    corrects_id: Mapped[str | None] = mapped_column(String(36), nullable=True)


class Appraisal(Synced, Base):
    __tablename__ = "appraisals"
    __table_args__ = (
        CheckConstraint("disability_grade is null or disability_grade between 1 and 10", name="grade"),
        CheckConstraint("nursing_level in ('none','partial','major','full')", name="nursing"),
    )
    claim_id: Mapped[str] = mapped_column(ForeignKey("claims.id"), index=True)
    requested_on: Mapped[date] = mapped_column(Date)
    extended: Mapped[bool] = mapped_column(Boolean, default=False)
    appraised_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    disability_grade: Mapped[int | None] = mapped_column(Integer, nullable=True)
    nursing_level: Mapped[str] = mapped_column(String(16), default="none")


class WageRecord(Synced, Base):
    __tablename__ = "wage_records"
    __table_args__ = (
        UniqueConstraint("claim_id", "month", name="uq_wage_records_claim_month"),
        CheckConstraint("amount_fen >= 0", name="amount_nonneg"),
    )
    claim_id: Mapped[str] = mapped_column(ForeignKey("claims.id"), index=True)
    month: Mapped[str] = mapped_column(String(7))  # YYYY-MM
    amount_fen: Mapped[int] = mapped_column(Integer)


class Assessment(Synced, Base):
    __tablename__ = "assessments"
    # A claim's facts read only the status: covered by this index, not by the rows with their JSON (migration 0016).
    __table_args__ = (Index("ix_assessments_claim_status", "claim_id", "status", sqlite_where=text("deleted = 0")),)
    claim_id: Mapped[str] = mapped_column(ForeignKey("claims.id"), index=True)
    status: Mapped[str] = mapped_column(String(16), default="proposed")  # proposed, approved, returned
    inputs: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    result: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    rules_version: Mapped[str] = mapped_column(String(64), default="")
    params_version: Mapped[str] = mapped_column(String(64), default="")
    total_once_fen: Mapped[int] = mapped_column(Integer, default=0)
    total_monthly_fen: Mapped[int] = mapped_column(Integer, default=0)
    proposed_by: Mapped[str | None] = mapped_column(String(36), nullable=True)
    proposed_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    decided_by: Mapped[str | None] = mapped_column(String(36), nullable=True)
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    return_reason: Mapped[str] = mapped_column(Text, default="")
    # Issue 15 (Arts. 26, 28): a new grade's assessment supersedes the approved one (never edited) from
    # effective_from; on approval the arrears and overpayments between the two are stored as settlement lines.
    supersedes_id: Mapped[str | None] = mapped_column(String(36), nullable=True)
    effective_from: Mapped[date | None] = mapped_column(Date, nullable=True)
    settlement: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)


class Payment(Synced, Base):
    __tablename__ = "payments"
    __table_args__ = (CheckConstraint("amount_fen >= 0", name="amount_nonneg"),)
    claim_id: Mapped[str] = mapped_column(ForeignKey("claims.id"), index=True)
    assessment_id: Mapped[str] = mapped_column(ForeignKey("assessments.id"), index=True)
    item_code: Mapped[str] = mapped_column(String(64))
    payer: Mapped[str] = mapped_column(String(16), default="fund")
    due_on: Mapped[date] = mapped_column(Date)
    amount_fen: Mapped[int] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(16), default="scheduled")  # scheduled, paid, cancelled
    paid_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    reference: Mapped[str] = mapped_column(String(100), default="")
    # issue 15: a dependant's pension is paid to that person (services/dependants.py reschedules them)
    dependant_id: Mapped[str | None] = mapped_column(ForeignKey("dependants.id"), nullable=True, index=True)


class Dependant(Synced, Base):
    """A relative of a deceased worker in the dependants register (Art. 39(2); 《因工死亡职工供养亲属范围规定》).

    The share is not stored: it follows from the relation and the lonely/orphan flag (domain rule). One
    ending event per person: the first one ends the pension, later ones change nothing.
    """

    __tablename__ = "dependants"
    __table_args__ = (
        CheckConstraint("relation in ('spouse','child','parent','grandparent','grandchild','sibling')",
                        name="relation"),
        CheckConstraint("sex in ('M','F')", name="sex"),
        CheckConstraint("ended_by is null or ended_by in ('employment','enlistment','remarriage','adoption','death')",
                        name="ended_by"),
    )
    claim_id: Mapped[str] = mapped_column(ForeignKey("claims.id"), index=True)
    name: Mapped[str] = mapped_column(String(100))
    id_number: Mapped[str] = mapped_column(String(18), default="")
    relation: Mapped[str] = mapped_column(String(16))
    sex: Mapped[str] = mapped_column(String(1))
    birth_date: Mapped[date] = mapped_column(Date)
    condition: Mapped[str] = mapped_column(String(32))
    lost_capacity: Mapped[bool] = mapped_column(Boolean, default=False)
    lonely_elderly_or_orphan: Mapped[bool] = mapped_column(Boolean, default=False)
    payee: Mapped[str] = mapped_column(String(100), default="")  # a guardian for a child; empty: the person
    ended_by: Mapped[str | None] = mapped_column(String(16), nullable=True)
    ended_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    note: Mapped[str] = mapped_column(Text, default="")


class ClaimCost(Synced, Base):
    """A cost paid against a receipt (Arts. 30, 32; SIL Art. 38): proposed by one person, approved by another."""

    __tablename__ = "claim_costs"
    __table_args__ = (
        CheckConstraint("amount_fen > 0", name="amount_positive"),
        CheckConstraint("payer in ('fund','employer')", name="payer"),
        CheckConstraint("status in ('proposed','approved','returned')", name="status"),
        CheckConstraint("kind in ('medical','hospital_meal','travel_lodging','assistive_device','rehabilitation',"
                        "'appraisal_fee')", name="kind"),
    )
    claim_id: Mapped[str] = mapped_column(ForeignKey("claims.id"), index=True)
    kind: Mapped[str] = mapped_column(String(32))
    incurred_on: Mapped[date] = mapped_column(Date)
    receipt_ref: Mapped[str] = mapped_column(String(100))
    provider: Mapped[str] = mapped_column(String(200), default="")  # hospital, supplier, committee
    payer: Mapped[str] = mapped_column(String(16), default="fund")
    amount_fen: Mapped[int] = mapped_column(Integer)
    days: Mapped[int | None] = mapped_column(Integer, nullable=True)  # hospital meal allowance: days in hospital
    daily_rate_fen: Mapped[int | None] = mapped_column(Integer, nullable=True)  # ... at this daily standard
    status: Mapped[str] = mapped_column(String(16), default="proposed")
    proposed_by: Mapped[str | None] = mapped_column(String(36), nullable=True)
    proposed_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    decided_by: Mapped[str | None] = mapped_column(String(36), nullable=True)
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    return_reason: Mapped[str] = mapped_column(Text, default="")
    note: Mapped[str] = mapped_column(Text, default="")


class Recurrence(Synced, Base):
    """A recurrence of the injury (Art. 38) that reopened a closed claim: when, why, who confirmed the need for
    treatment and who recorded it; its own suspension period (Art. 33), and whether nursing is needed during it."""

    __tablename__ = "recurrences"
    __table_args__ = (CheckConstraint("stop_work_months between 1 and 24", name="stop_work_months"),)
    claim_id: Mapped[str] = mapped_column(ForeignKey("claims.id"), index=True)
    occurred_on: Mapped[date] = mapped_column(Date)
    reason: Mapped[str] = mapped_column(Text)
    confirmed_by: Mapped[str] = mapped_column(String(200))  # who confirmed the need for treatment (their reference)
    recorded_by: Mapped[str | None] = mapped_column(String(36), nullable=True)  # the user who reopened the claim
    stop_work_started_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    stop_work_months: Mapped[int] = mapped_column(Integer, default=12)
    stop_work_ended_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    nursing_needed: Mapped[bool] = mapped_column(Boolean, default=False)  # Art. 33 para. 3: by the employer


class FundAdvance(Synced, Base):
    """The fund's advance payment (先行支付, SIL Art. 41) for an uninsured employer that does not pay, or a
    recovery of it from the employer: what the claim tracks as the amount to recover."""

    __tablename__ = "fund_advances"
    __table_args__ = (
        CheckConstraint("amount_fen > 0", name="amount_positive"),
        CheckConstraint("kind in ('advance','recovery')", name="kind"),
    )
    claim_id: Mapped[str] = mapped_column(ForeignKey("claims.id"), index=True)
    kind: Mapped[str] = mapped_column(String(16))  # advance, recovery
    dated_on: Mapped[date] = mapped_column(Date)  # the day it was paid out or repaid
    amount_fen: Mapped[int] = mapped_column(Integer)
    reference: Mapped[str] = mapped_column(String(100))  # the payment order or the employer's repayment
    note: Mapped[str] = mapped_column(Text, default="")
    recorded_by: Mapped[str | None] = mapped_column(String(36), nullable=True)


class MissingWorker(Synced, Base):
    """A worker missing after an accident away on work or in rescue work (Art. 41): when it was reported, the
    fund's advance of up to half the one-time death subsidy (a supervisor's decision), and how the case ended:
    the worker reappeared, or a court declared him dead (its judgment's reference). One per claim."""

    __tablename__ = "missing_workers"
    __table_args__ = (
        CheckConstraint("circumstance in ('away_on_work','rescue')", name="circumstance"),
        CheckConstraint("outcome is null or outcome in ('reappeared','declared_dead')", name="outcome"),
        CheckConstraint("advance_fen is null or advance_fen > 0", name="advance_positive"),
    )
    claim_id: Mapped[str] = mapped_column(ForeignKey("claims.id"), index=True)
    circumstance: Mapped[str] = mapped_column(String(16))
    reported_on: Mapped[date] = mapped_column(Date)
    recorded_by: Mapped[str | None] = mapped_column(String(36), nullable=True)
    note: Mapped[str] = mapped_column(Text, default="")
    advance_fen: Mapped[int | None] = mapped_column(Integer, nullable=True)
    advance_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    advance_ref: Mapped[str] = mapped_column(String(100), default="")
    advance_by: Mapped[str | None] = mapped_column(String(36), nullable=True)
    outcome: Mapped[str | None] = mapped_column(String(16), nullable=True)
    outcome_on: Mapped[date | None] = mapped_column(Date, nullable=True)  # the day he reappeared, or the judgment
    outcome_ref: Mapped[str] = mapped_column(String(100), default="")  # the court's judgment
    outcome_by: Mapped[str | None] = mapped_column(String(36), nullable=True)


# ---------------------------------------------------------------- rehabilitation


class RehabCase(Synced, Base):
    __tablename__ = "rehab_cases"
    __table_args__ = (CheckConstraint("budget_fen >= 0", name="budget_nonneg"),)
    claim_id: Mapped[str] = mapped_column(ForeignKey("claims.id"), index=True)
    referral_type: Mapped[str] = mapped_column(String(16))  # medical, vocational, social
    provider: Mapped[str] = mapped_column(String(200))
    budget_fen: Mapped[int] = mapped_column(Integer, default=0)
    opened_on: Mapped[date] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(16), default="open")  # open, closed
    closed_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    rtw_outcome: Mapped[str | None] = mapped_column(String(32), nullable=True)
    rtw_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    restrictions: Mapped[str] = mapped_column(Text, default="")
    accommodations: Mapped[str] = mapped_column(Text, default="")


class RehabPlan(Synced, Base):
    __tablename__ = "rehab_plans"
    case_id: Mapped[str] = mapped_column(ForeignKey("rehab_cases.id"), index=True)
    drawn_up_on: Mapped[date] = mapped_column(Date)
    review_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    notes: Mapped[str] = mapped_column(Text, default="")


class RehabGoal(Synced, Base):
    __tablename__ = "rehab_goals"
    plan_id: Mapped[str] = mapped_column(ForeignKey("rehab_plans.id"), index=True)
    description: Mapped[str] = mapped_column(Text)
    measure: Mapped[str] = mapped_column(String(64))
    baseline: Mapped[str] = mapped_column(String(32), default="")
    target: Mapped[str] = mapped_column(String(32), default="")
    target_date: Mapped[date | None] = mapped_column(Date, nullable=True)


class RehabSession(Synced, Base):
    __tablename__ = "rehab_sessions"
    __table_args__ = (CheckConstraint("cost_fen >= 0", name="cost_nonneg"),)
    plan_id: Mapped[str] = mapped_column(ForeignKey("rehab_plans.id"), index=True)
    scheduled_on: Mapped[date] = mapped_column(Date)
    kind: Mapped[str] = mapped_column(String(100), default="")
    attended: Mapped[bool | None] = mapped_column(Boolean, nullable=True)
    cost_fen: Mapped[int] = mapped_column(Integer, default=0)
    notes: Mapped[str] = mapped_column(Text, default="")


class RehabMeasurement(Synced, Base):
    __tablename__ = "rehab_measurements"
    goal_id: Mapped[str] = mapped_column(ForeignKey("rehab_goals.id"), index=True)
    measured_on: Mapped[date] = mapped_column(Date)
    value: Mapped[str] = mapped_column(String(32))



# ---------------------------------------------------------------- attachments


class Attachment(Synced, Base):
    """A photo or document attached to a row (an inspection, a hazard, an incident...), kept by content hash."""

    __tablename__ = "attachments"
    owner_table: Mapped[str] = mapped_column(String(64))
    owner_id: Mapped[str] = mapped_column(String(36), index=True)
    file_name: Mapped[str] = mapped_column(String(255))
    media_type: Mapped[str] = mapped_column(String(100), default="application/octet-stream")
    sha256: Mapped[str] = mapped_column(String(64))
    size: Mapped[int] = mapped_column(Integer)
    content: Mapped[bytes] = mapped_column(LargeBinary)
    note: Mapped[str] = mapped_column(Text, default="")
    # A claim's case file (issue 18): what the document is and when it was received.
    doc_type: Mapped[str] = mapped_column(String(32), default="")
    received_on: Mapped[date | None] = mapped_column(Date, nullable=True)

# ---------------------------------------------------------------- local only: audit, outbox, settings


class AuditEvent(Base):
    """One change, hash-chained to the previous event of this database."""

    __tablename__ = "audit_events"
    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    user_id: Mapped[str | None] = mapped_column(String(36), nullable=True)
    office_id: Mapped[str | None] = mapped_column(String(36), nullable=True)
    action: Mapped[str] = mapped_column(String(64))
    table_name: Mapped[str] = mapped_column(String(64))
    row_id: Mapped[str] = mapped_column(String(36), index=True)
    before: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)
    after: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))
    # How many audit_rows records this event wrote (part of its hash, so none can be removed unseen).
    records: Mapped[int] = mapped_column(Integer, default=0, server_default="0")


class AuditRow(Base):
    """What an audited row held after an event (see store/audit_records.py); keyed, so it cannot be forged."""

    __tablename__ = "audit_rows"
    __table_args__ = {"sqlite_with_rowid": False}
    # Keyed by event first, so records are appended in order (a pull writes thousands per page); `check` sorts
    # them by row once.
    event_seq: Mapped[int] = mapped_column(Integer, primary_key=True)
    table_name: Mapped[str] = mapped_column(String(64), primary_key=True)
    row_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    prints: Mapped[str] = mapped_column(Text)  # four hex digits per column, to name what differs
    mac: Mapped[str] = mapped_column(String(32))


class OutboxEntry(Base):
    """A captured local change waiting to be pushed; seq is the device sequence."""

    __tablename__ = "outbox"
    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    mutation_id: Mapped[str] = mapped_column(String(36), unique=True)
    device_id: Mapped[str] = mapped_column(String(36))
    user_id: Mapped[str | None] = mapped_column(String(36), nullable=True)
    table_name: Mapped[str] = mapped_column(String(64))
    row_id: Mapped[str] = mapped_column(String(36), index=True)
    office_id: Mapped[str] = mapped_column(String(36))
    op: Mapped[str] = mapped_column(String(8))  # insert, update, delete
    base_version: Mapped[int] = mapped_column(Integer)
    changes: Mapped[dict[str, Any]] = mapped_column(JSON)
    schema_version: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    state: Mapped[str] = mapped_column(String(16), default="pending", index=True)  # pending, rejected
    reject_reason: Mapped[str] = mapped_column(Text, default="")


class LocalSetting(Base):
    """Key/value facts about this database: device id, audit head, counters."""

    __tablename__ = "local_settings"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class SyncConflict(Base):
    """A field the central store kept because this desktop's edit met a different central value."""

    __tablename__ = "sync_conflicts"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)  # the central conflict id
    table_name: Mapped[str] = mapped_column(String(64))
    row_id: Mapped[str] = mapped_column(String(36), index=True)
    office_id: Mapped[str] = mapped_column(String(36))
    field: Mapped[str] = mapped_column(String(64))
    base_value: Mapped[Any] = mapped_column(JSON, nullable=True)
    central_value: Mapped[Any] = mapped_column(JSON, nullable=True)
    local_value: Mapped[Any] = mapped_column(JSON, nullable=True)
    central_version: Mapped[int] = mapped_column(Integer)
    mutation_id: Mapped[str] = mapped_column(String(36))
    detected_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    state: Mapped[str] = mapped_column(String(16), default="open", index=True)  # open, resolved
    resolved_by: Mapped[str | None] = mapped_column(String(36), nullable=True)
    resolution: Mapped[Any] = mapped_column(JSON, nullable=True)


SYNCED_MODELS: tuple[type[Synced], ...] = (
    Office, User, Employer, EmployerHeadcount, Inspection, Hazard, CorrectiveAction, TrainingSession,
    PreventionSpend, Incident,
    Person, Claim, Determination, Appraisal, WageRecord, Assessment, Payment,
    RehabCase, RehabPlan, RehabGoal, RehabSession, RehabMeasurement, Attachment,
    DeterminationSuspension, DecisionDocument, Delivery, ClaimNote, Dependant, ClaimCost, Recurrence,
    FundAdvance, MissingWorker,
)
MODEL_BY_TABLE: dict[str, type[Synced]] = {m.__tablename__: m for m in SYNCED_MODELS}


# Local read model behind the claims list (migration 0002 creates it with its triggers and FTS index):
# one row per claim with the names it is searched and sorted by, so the list never joins at 1M rows.
claim_list = Table(
    "claim_list",
    Base.metadata,
    Column("rid", Integer, primary_key=True),
    Column("claim_id", String(36), nullable=False, unique=True),
    Column("office_id", String(36), nullable=False),
    Column("claim_no", String(40), nullable=False),
    Column("worker_name", String(100), nullable=False),
    Column("id_number", String(18), nullable=False),
    Column("employer_name", String(200), nullable=False),
    Column("accident_date", Date, nullable=False),
    Column("status", String(32), nullable=False),
    Column("next_deadline", Date, nullable=True),
    Column("assigned_to", String(36), nullable=True),
    Column("deleted", Boolean, nullable=False),
    info={"local_read_model": True},
)
