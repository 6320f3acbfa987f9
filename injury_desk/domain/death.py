"""The day of a work-related death, recorded apart from the accident (Regulation Art. 39); pure.

A worker may die days or months after the accident. Art. 39's benefits count from the death: the dependants' pension
is due from the month after it (a person entitled on a month's first day, domain/compensation/dependants.py), the
register's ages are judged on it, and the funeral subsidy and the one-time death subsidy take the figures of the
year before it (上一年度). A death date is not before the accident and not in the future; a claim recorded as a death
without one died on the accident day (claims recorded before the date existed).

A death recorded after a disability assessment was approved (Art. 39 paras. 2 and 3): 伤残职工在停工留薪期内因工伤导致死亡的，
其近亲属享受本条第一款规定的待遇。一至四级伤残职工在停工留薪期满后死亡的，其近亲属可以享受本条第一款第（一）项、第（二）项规定的
待遇。 A death up to and including the suspension period's last day keeps all three benefits; a grade 1-4 worker's
death from the day after it gives the funeral subsidy and the dependants' pension only. Art. 39 gives nothing to the
family of a worker of grade 5-10 (or without a grade) who dies after the period, so such a death cannot make a death
assessment. The period's last day is the recorded end, else the earlier of its allowed length and the appraisal
that ends it (Art. 33 para. 3).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from injury_desk.domain.deadlines import stop_work_end
from injury_desk.domain.errors import FieldError

# Art. 39 last paragraph: the grades whose death after the suspension period still gives items (1) and (2)
AFTER_SUSPENSION_GRADES = frozenset({1, 2, 3, 4})
# what only a living disabled worker's calculation takes: dropped from a death's inputs
_DISABILITY_ONLY = ("nursing_level", "hospital_days", "hospital_meal_allowance_per_day", "basic_pension",
                    "regional_average_monthly_wage", "national_urban_disposable_income", "death_after_suspension")


def death_day(accident_date: date, death_date: date | None) -> date:
    """The day of the death: the recorded one, else the accident day."""
    return death_date or accident_date


def death_date_errors(accident_date: date | None, death_date: date | None, today: date,
                      fatal: bool) -> list[FieldError]:
    """Why ``death_date`` cannot be the day of death of a worker injured on ``accident_date``."""
    if death_date is None:
        return []
    errors: list[FieldError] = []
    if not fatal:
        errors.append(FieldError("death_date", "claim.death_without_fatal"))
    if accident_date is not None and death_date < accident_date:
        errors.append(FieldError("death_date", "claim.death_before_accident",
                                 {"accident_date": accident_date.isoformat()}))
    if death_date > today:
        errors.append(FieldError("death_date", "field.date_in_future",
                                 {"value": death_date.isoformat(), "today": today.isoformat()}))
    return errors


def suspension_last_day(started_on: date | None, months: int, ended_on: date | None,
                        appraised_on: date | None) -> date | None:
    """The suspension period's last day: the recorded end, else the earlier of its allowed length and the
    appraisal that ends it (Art. 33 para. 3); None when neither a start nor an appraisal is known."""
    if ended_on is not None:
        return ended_on
    known = [d for d in (stop_work_end(started_on, months) if started_on else None, appraised_on) if d is not None]
    return min(known) if known else None


def died_after_suspension(died: date, last_day: date | None) -> bool:
    """Whether the death came after the suspension period (the last day itself is still within it)."""
    return last_day is not None and died > last_day


def death_after_assessment_errors(died: date, last_day: date | None, grade: int | None) -> list[FieldError]:
    """Why a death after an approved disability assessment cannot make a death assessment (Art. 39 last
    paragraph names grades 1-4 only)."""
    if died_after_suspension(died, last_day) and grade not in AFTER_SUSPENSION_GRADES:
        assert last_day is not None
        return [FieldError("death_date", "claim.death_after_suspension_grade",
                           {"last_day": last_day.isoformat(), "grade": "—" if grade is None else grade})]
    return []


def death_inputs(disability_inputs: dict[str, Any], died: date, after_suspension: bool) -> dict[str, Any]:
    """The Art. 39 calculation's inputs from the approved disability assessment's: the same wages and region, the
    figures of the year before the death, no dependants in the document (the register pays each person). After the
    suspension period the grade stays (the engine gives items (1) and (2) only); during it the grade goes, since the
    family's benefits are those of a death at work. The suspension wages and the other items of the living worker
    were settled by the disability assessment and are not calculated again."""
    doc = {k: v for k, v in disability_inputs.items() if k not in _DISABILITY_ONLY}
    doc.update(fatal=True, year=died.year - 1, dependants=[], suspension_months=0, suspension_extended=False,
               employer_cannot_arrange_work=False, employment_ended=False)
    if after_suspension:
        doc["death_after_suspension"] = True
    else:
        doc.pop("disability_grade", None)
    return doc
