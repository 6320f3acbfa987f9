"""When a claim's dependants' pension runs (the month after the death; for a missing worker, Regulation Art. 41,
from the 4th month and while he is missing) and which scheduled payments a missing worker's claim holds back: one
rule for the register, its stored schedule, the approval and the monthly run; and the first month an approved
assessment pays (the month after the approval), shared by the run and the Dependants tab's schedule."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timezone

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from injury_desk.domain.compensation.adjustments import next_month
from injury_desk.domain.death import death_day
from injury_desk.domain.missing_worker import DEATH_ITEMS, entitled_after, pension_due
from injury_desk.domain.monthly_run import first_paid_month
from injury_desk.store.models import Assessment, Claim, MissingWorker, Payment

PENSION = "dependants_pension"


def missing_row(s: Session, claim_id: str) -> MissingWorker | None:
    return s.scalar(select(MissingWorker).where(MissingWorker.claim_id == claim_id,
                                                MissingWorker.deleted.is_(False)).limit(1))


@dataclass(frozen=True)
class PensionWindow:
    """When a claim's dependants' pension runs. ``death_date``: the day the register's ages are judged on (the
    accident day for a missing worker, Civil Code Art. 48); a person is entitled on a month's first day after
    ``after`` (the death; for a missing worker the last day of the 3rd month); a missing worker's pension is due for
    no month beginning after ``reappeared_on``."""

    death_date: date
    after: date
    missing: bool = False
    reappeared_on: date | None = None

    @property
    def first_month(self) -> date:
        return next_month(self.after)

    def due(self, month: date) -> bool:
        if self.missing:
            return pension_due(month, self.death_date, self.reappeared_on)
        return month.replace(day=1) >= self.first_month


def pension_window(s: Session, claim: Claim) -> PensionWindow:
    """The one rule for when the claim's pension runs, used by the register, its stored schedule and the run."""
    return window_for(claim.accident_date, claim.death_date, missing_row(s, claim.id))


def window_for(accident_date: date, death_date: date | None, row: MissingWorker | None) -> PensionWindow:
    """A death: from the month after the day of death (recorded apart from the accident, or the accident day). A
    missing worker: from the 4th month counted from the accident month, the accident day as the day of death."""
    if row is None:
        died = death_day(accident_date, death_date)
        return PensionWindow(died, died)
    reappeared = row.outcome_on if row.outcome == "reappeared" else None
    return PensionWindow(accident_date, entitled_after(accident_date), True, reappeared)


def held_back(s: Session, claim: Claim, item_code: str, due_on: date) -> bool:
    """Whether a payment the approval would schedule is not due for a missing worker: the death's once items until
    a court declares the death, a pension month outside Art. 41's window."""
    row = missing_row(s, claim.id)
    if row is None:
        return False
    if item_code in DEATH_ITEMS:
        return row.outcome != "declared_dead"
    if item_code == PENSION:
        reappeared = row.outcome_on if row.outcome == "reappeared" else None
        return not pension_due(due_on, claim.accident_date, reappeared)
    return False


def local_day(moment: datetime) -> date:
    """The local calendar day of a stored UTC timestamp (naive ones are UTC)."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.astimezone().date()


def first_monthly_due(s, assessments: list[Assessment]) -> dict[str, date]:
    """Each assessment's first scheduled monthly payment (cancelled ones count: the schedule began there). The
    approval's day as the office saw it decided it; decided_at is a UTC timestamp and may name the day before."""
    monthly = {a.id: {i.get("code") for i in (a.result or {}).get("items", []) if i.get("period") == "monthly"}
               for a in assessments}
    out: dict[str, date] = {}
    for assessment_id, code, due in s.execute(
            select(Payment.assessment_id, Payment.item_code, func.min(Payment.due_on))
            .where(Payment.assessment_id.in_(list(monthly)), Payment.deleted.is_(False))
            .group_by(Payment.assessment_id, Payment.item_code)):
        if code in monthly[assessment_id] and (assessment_id not in out or due < out[assessment_id]):
            out[assessment_id] = due
    return out


def paid_from(s: Session, claim_id: str) -> date | None:
    """The first month the claim's approved assessments pay monthly benefits (domain/monthly_run.first_paid_month:
    the month after the approval); None before an approval."""
    rows = list(s.scalars(select(Assessment).where(Assessment.claim_id == claim_id, Assessment.deleted.is_(False),
                                                   Assessment.status == "approved",
                                                   Assessment.decided_at.is_not(None))))
    if not rows:
        return None
    first = first_monthly_due(s, rows)
    return min(first_paid_month(local_day(a.decided_at), first.get(a.id)) for a in rows)
