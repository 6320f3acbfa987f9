"""Whether an employer was insured on a day, and what follows when it was not (Regulation Art. 62 para. 2; Social
Insurance Law Arts. 41, 42); pure.

Art. 62 para. 2: 依照本条例规定应当参加工伤保险而未参加工伤保险的用人单位职工发生工伤的，由该用人单位按照本条例规定的
工伤保险待遇项目和标准支付费用。 — every benefit item is payable by the employer, at the Regulation's standards.
SIL Art. 41: 职工所在用人单位未依法缴纳工伤保险费，发生工伤事故的，由用人单位支付工伤保险待遇。用人单位不支付的，从工伤保险
基金中先行支付。从工伤保险基金中先行支付的工伤保险待遇应当由用人单位偿还。 — where the employer does not pay, the fund
advances the payment (先行支付) and the employer must repay it.

Choices made here: an employer is insured on a day when its flag is set and the day lies within its insured-from and
insured-to dates (either may be open); a cleared flag means not insured at all (no dates). What was advanced less
what was recovered is the amount to recover; a recovery never exceeds it.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from injury_desk.domain.errors import FieldError

ART_62 = "Regulation on Work-Related Injury Insurance (2010) Art. 62 para. 2"
SIL_41 = "Social Insurance Law Art. 41"


def insured_on(insured: bool, insured_from: date | None, insured_to: date | None, day: date) -> bool:
    """Whether the employer was insured on ``day``."""
    if not insured:
        return False
    return (insured_from is None or insured_from <= day) and (insured_to is None or day <= insured_to)


def insurance_errors(insured: bool, insured_from: date | None, insured_to: date | None) -> list[FieldError]:
    """Dates only with the flag; the end not before the start."""
    errors: list[FieldError] = []
    if not insured and (insured_from or insured_to):
        errors.append(FieldError("insured", "employer.dates_without_insurance"))
    if insured_from and insured_to and insured_to < insured_from:
        errors.append(FieldError("insured_to", "employer.insured_to_before_from",
                                 {"insured_from": insured_from.isoformat()}))
    return errors


def employer_pays_every_item(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The stored line items of an assessment when the employer was not insured on the accident day: each item
    that pays money is payable by the employer (Art. 62 para. 2), its basis naming the article; the wage base and
    informational items unchanged."""
    out = []
    for item in items:
        if item.get("code") == "wage_base" or item.get("informational") or item.get("payer") is None:
            out.append(item)
            continue
        basis = item.get("basis", "")
        out.append({**item, "payer": "employer", "uninsured_employer": True,
                    "basis": f"{basis}; {ART_62}" if basis else ART_62})
    return out


def to_recover(advanced: Decimal, recovered: Decimal) -> Decimal:
    """What the employer still owes the fund for its advances (SIL Art. 41: 应当由用人单位偿还)."""
    return advanced - recovered
