"""Costs paid against receipts (Regulation Arts. 30, 32; Social Insurance Law Art. 38): the kinds of cost, the
article each rests on, the hospital meal allowance (days × the region's daily standard) and the checks on an item.

Art. 30: 职工因工作遭受事故伤害或者患职业病进行治疗，享受工伤医疗待遇。…治疗工伤所需费用符合工伤保险诊疗项目目录、
工伤保险药品目录、工伤保险住院服务标准的，从工伤保险基金支付。职工住院治疗工伤的伙食补助费，以及经医疗机构出具证明，
报经办机构同意，工伤职工到统筹地区以外就医所需的交通、食宿费用从工伤保险基金支付，基金支付的具体标准由统筹地区人民政府
规定。…工伤职工到签订服务协议的医疗机构进行工伤康复的费用，符合规定的，从工伤保险基金支付。
Art. 32: 工伤职工因日常生活或者就业需要，经劳动能力鉴定委员会确认，可以安装假肢、矫形器、假眼、假牙和配置轮椅等辅助器具，
所需费用按照国家规定的标准从工伤保险基金支付。
SIL Art. 38 lists what the fund pays: (1) medical and rehabilitation costs, (2) the hospital meal allowance, (3) travel
and lodging for treatment outside the region, (4) assistive devices, …, (9) the appraisal fee.

Choices made here: every kind is the fund's by law; ``employer`` is recorded where the employer bears it (an
uninsured employer, Art. 62; costs while the employer's application was late, Art. 17 para. 4) — that finding is
the caseworker's, the supervisor approves it with the amount. The meal allowance is never typed: it is the days
times the daily standard, rounded once to the fen, half up.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from injury_desk.domain.errors import FieldError
from injury_desk.domain.money import round_fen

PAYERS = ("fund", "employer")
STATUSES = ("proposed", "approved", "returned")


@dataclass(frozen=True)
class CostKind:
    code: str
    basis: str
    per_day: bool = False  # the amount is days × a daily standard


COST_KINDS: dict[str, CostKind] = {k.code: k for k in (
    CostKind("medical", "Regulation Art. 30 paras. 1–3; Social Insurance Law Art. 38(1)"),
    CostKind("hospital_meal", "Regulation Art. 30 para. 4; Social Insurance Law Art. 38(2)", per_day=True),
    CostKind("travel_lodging", "Regulation Art. 30 para. 4; Social Insurance Law Art. 38(3)"),
    CostKind("assistive_device", "Regulation Art. 32; Social Insurance Law Art. 38(4)"),
    CostKind("rehabilitation", "Regulation Art. 30 para. 6; Social Insurance Law Art. 38(1)"),
    CostKind("appraisal_fee", "Social Insurance Law Art. 38(9)"),
)}
MAX_HOSPITAL_DAYS = 3660  # ten years in hospital: anything longer is a typing error


def meal_allowance(days: int, daily_rate: Decimal) -> Decimal:
    """Art. 30 para. 4: days in hospital × the region's daily standard, rounded once to the fen, half up."""
    return round_fen(Decimal(days) * daily_rate)


def cost_errors(kind: str, *, incurred_on: date | None, accident_date: date, amount: Decimal | None,
                days: int | None = None, daily_rate: Decimal | None = None) -> list[FieldError]:
    """Every rule an item breaks, by field: a known kind; not before the accident it treats; an amount above
    zero (typed, or for the meal allowance days ≥ 1 and a daily standard above zero)."""
    errors: list[FieldError] = []
    spec = COST_KINDS.get(kind)
    if spec is None:
        return [FieldError("kind", "field.choice", {"value": kind})]
    if incurred_on is not None and incurred_on < accident_date:
        errors.append(FieldError("incurred_on", "cost.before_accident", {"accident_date": accident_date.isoformat()}))
    if spec.per_day:
        if days is None:
            errors.append(FieldError("days", "field.required", {}))
        elif not 1 <= days <= MAX_HOSPITAL_DAYS:
            errors.append(FieldError("days", "field.range", {"min": 1, "max": MAX_HOSPITAL_DAYS, "value": days}))
        if daily_rate is None:
            errors.append(FieldError("daily_rate", "cost.daily_rate_required", {}))
        elif daily_rate <= 0:
            errors.append(FieldError("daily_rate", "cost.amount_positive", {}))
    else:
        if days is not None:
            errors.append(FieldError("days", "cost.days_only_for_meals", {}))
        if amount is None:
            errors.append(FieldError("amount", "field.required", {}))
        elif amount <= 0:
            errors.append(FieldError("amount", "cost.amount_positive", {}))
    return errors
