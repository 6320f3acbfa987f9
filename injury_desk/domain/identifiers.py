"""Chinese resident ID numbers (GB 11643-1999) and unified social credit codes (GB 32100-2015)."""

from __future__ import annotations

import unicodedata
from datetime import date
from typing import NamedTuple

from injury_desk.domain.errors import FieldError, raise_if

# --- resident ID (GB 11643-1999) -------------------------------------------------------------

RESIDENT_ID_LENGTH = 18
_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK_CHARS = "10X98765432"
_EARLIEST_BIRTH = date(1900, 1, 1)

# Province-level codes (GB/T 2260): 11-15 north, 21-23 north-east, 31-37 east, 41-46 central-south,
# 50-54 south-west, 61-65 north-west, 71 Taiwan, 81 Hong Kong, 82 Macao; 83 (residence permits
# for Taiwan residents) and 91 are accepted because the agency's agreed list includes them.
PROVINCE_CODES = frozenset(
    [f"{n}" for n in range(11, 16)]
    + [f"{n}" for n in range(21, 24)]
    + [f"{n}" for n in range(31, 38)]
    + [f"{n}" for n in range(41, 47)]
    + [f"{n}" for n in range(50, 55)]
    + [f"{n}" for n in range(61, 66)]
    + ["71", "81", "82", "83", "91"]
)

SEX_MALE = "M"
SEX_FEMALE = "F"


class ResidentId(NamedTuple):
    """A resident ID number that passed every check, with the facts it encodes."""

    number: str
    region_code: str
    birth_date: date
    sex: str  # "M" or "F"

    @property
    def sequence(self) -> str:
        """The three-digit order code (digits 15-17)."""
        return self.number[14:17]


def _normalise(value: object) -> str:
    # Input methods often produce full-width digits and letters, and people paste numbers with
    # spaces in them; NFKC folds the former, and whitespace is never part of a valid number.
    if value is None:
        return ""
    text = unicodedata.normalize("NFKC", str(value))
    return "".join(text.split()).upper()


def resident_id_check_char(first17: str) -> str:
    """The GB 11643 check character (0-9 or X) for the first 17 digits."""
    if len(first17) != 17 or not (first17.isascii() and first17.isdigit()):
        raise ValueError("first17 must be exactly 17 ASCII digits")
    total = sum(int(d) * w for d, w in zip(first17, _ID_WEIGHTS))
    return _ID_CHECK_CHARS[total % 11]


def _has_resident_id_shape(number: str) -> bool:
    return (
        len(number) == RESIDENT_ID_LENGTH
        and number[:17].isascii()
        and number[:17].isdigit()
        and (number[17] == "X" or (number[17].isascii() and number[17].isdigit()))
    )


def _birth_date_of(number: str) -> date | None:
    try:
        return date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        return None


def resident_id_errors(
    value: object, field: str = "id_number", today: date | None = None
) -> list[FieldError]:
    """Every broken rule for a resident ID number; an empty list means it is valid.

    Length and charset come first; only a number with the right shape is checked for its region,
    birth date and check character, since those checks mean nothing on a malformed string.
    """
    number = _normalise(value)
    if not number:
        return [FieldError(field, "id_number.required")]
    errors: list[FieldError] = []
    if len(number) != RESIDENT_ID_LENGTH:
        errors.append(
            FieldError(field, "id_number.length", {"expected": RESIDENT_ID_LENGTH, "actual": len(number)})
        )
    # Digits only, except that the final character may be X (whatever the length, so a short
    # number ending in X is reported as too short, not as containing a bad character).
    digits = number[:-1] if number.endswith("X") else number
    if not (digits.isascii() and digits.isdigit()):
        errors.append(FieldError(field, "id_number.charset"))
    if errors:
        return errors

    province = number[:2]
    if province not in PROVINCE_CODES:
        errors.append(FieldError(field, "id_number.region", {"code": number[:6]}))
    birth = _birth_date_of(number)
    today = today or date.today()
    if birth is None:
        errors.append(FieldError(field, "id_number.birth_date_invalid", {"digits": number[6:14]}))
    elif birth < _EARLIEST_BIRTH:
        errors.append(
            FieldError(
                field,
                "id_number.birth_date_too_early",
                {"birth_date": birth.isoformat(), "earliest": _EARLIEST_BIRTH.isoformat()},
            )
        )
    elif birth > today:
        errors.append(
            FieldError(
                field,
                "id_number.birth_date_future",
                {"birth_date": birth.isoformat(), "today": today.isoformat()},
            )
        )
    # The expected character is deliberately not reported: it would let anyone "fix" a made-up
    # number, and a typo is better found by re-reading the document.
    if resident_id_check_char(number[:17]) != number[17]:
        errors.append(FieldError(field, "id_number.check_digit"))
    return errors


def parse_resident_id(value: object, *, field: str = "id_number", today: date | None = None) -> ResidentId:
    """Validate and decode a resident ID number; raises ValidationFailed with every broken rule."""
    raise_if(resident_id_errors(value, field=field, today=today))
    number = _normalise(value)
    birth = _birth_date_of(number)
    assert birth is not None  # guaranteed by resident_id_errors
    return ResidentId(
        number=number,
        region_code=number[:6],
        birth_date=birth,
        sex=SEX_MALE if int(number[16]) % 2 == 1 else SEX_FEMALE,
    )


def _mask(text: str, keep_head: int, keep_tail: int) -> str:
    return text[:keep_head] + "*" * (len(text) - keep_head - keep_tail) + text[len(text) - keep_tail :]


def _mask_fallback(text: str) -> str:
    # Unknown shape: we cannot tell which part identifies the person, so reveal only the last two.
    if len(text) <= 2:
        return "*" * len(text)
    return _mask(text, 0, 2)


def mask_resident_id(number: object) -> str:
    """``110105********123X``: first 6 (region) and last 4 visible; anything malformed keeps only 2.

    The check character is not verified: a stored number with a wrong check digit exposes no more
    than a valid one when masked the same way.
    """
    text = _normalise(number)
    if _has_resident_id_shape(text):
        return _mask(text, 6, 4)
    return _mask_fallback(text)


def check_person_against_id(
    id: ResidentId,  # noqa: A002 - the name the callers agreed on
    *,
    sex: str | None,
    birth_date: date | None,
    field_prefix: str = "",
) -> list[FieldError]:
    """Differences between what a person record says and what their ID number encodes.

    Missing values are not errors here: the form may fill them from the ID number.
    """
    errors: list[FieldError] = []
    if sex is not None and sex.strip().upper() != id.sex:
        errors.append(
            FieldError(f"{field_prefix}sex", "person.sex_mismatch", {"expected": id.sex, "actual": sex})
        )
    if birth_date is not None and birth_date != id.birth_date:
        errors.append(
            FieldError(
                f"{field_prefix}birth_date",
                "person.birth_date_mismatch",
                {"expected": id.birth_date.isoformat(), "actual": birth_date.isoformat()},
            )
        )
    return errors


def make_resident_id(region_code: str, birth: date, seq: int, sex: str) -> str:
    """A valid resident ID number for demo and test data.

    ``seq`` is the three-digit order code (0-999); as in real numbers it is odd for men and even
    for women, so a code whose parity contradicts ``sex`` is refused rather than silently changed.
    """
    if len(region_code) != 6 or not region_code.isdigit() or region_code[:2] not in PROVINCE_CODES:
        raise ValueError(f"region_code {region_code!r} is not a 6-digit code with a valid province")
    if birth < _EARLIEST_BIRTH or birth.year > 9999:
        raise ValueError(f"birth date {birth} is out of range")
    if not 0 <= seq <= 999:
        raise ValueError("seq must be 0-999")
    sex = sex.upper()
    if sex not in (SEX_MALE, SEX_FEMALE):
        raise ValueError("sex must be 'M' or 'F'")
    if (seq % 2 == 1) != (sex == SEX_MALE):
        raise ValueError(f"seq {seq} is {'odd' if seq % 2 else 'even'}, which does not encode sex {sex}")
    first17 = f"{region_code}{birth:%Y%m%d}{seq:03d}"
    return first17 + resident_id_check_char(first17)


# --- unified social credit code (GB 32100-2015) ----------------------------------------------

CREDIT_CODE_LENGTH = 18
CREDIT_CODE_CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY"  # no I, O, Z, S, V: easily misread
_CC_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
_CC_VALUES = {c: i for i, c in enumerate(CREDIT_CODE_CHARSET)}


def credit_code_check_char(first17: str) -> str:
    """The GB 32100 check character for the first 17 characters (upper case, code charset)."""
    if len(first17) != 17 or any(c not in _CC_VALUES for c in first17):
        raise ValueError("first17 must be 17 characters from the credit-code charset")
    total = sum(_CC_VALUES[c] * w for c, w in zip(first17, _CC_WEIGHTS))
    return CREDIT_CODE_CHARSET[(31 - total % 31) % 31]


def credit_code_errors(value: object, field: str = "credit_code") -> list[FieldError]:
    """Every broken rule for a credit code: length and charset first, then the check character."""
    code = _normalise(value)
    if not code:
        return [FieldError(field, "credit_code.required")]
    errors: list[FieldError] = []
    if len(code) != CREDIT_CODE_LENGTH:
        errors.append(
            FieldError(field, "credit_code.length", {"expected": CREDIT_CODE_LENGTH, "actual": len(code)})
        )
    bad = sorted({c for c in code if c not in _CC_VALUES})
    if bad:
        errors.append(FieldError(field, "credit_code.charset", {"invalid": "".join(bad)}))
    if errors:
        return errors
    if credit_code_check_char(code[:17]) != code[17]:
        errors.append(FieldError(field, "credit_code.check_char"))
    return errors


def parse_credit_code(value: object, *, field: str = "credit_code") -> str:
    """The normalised (upper-case) credit code; raises ValidationFailed with every broken rule."""
    raise_if(credit_code_errors(value, field=field))
    return _normalise(value)


def mask_credit_code(code: object) -> str:
    """``9135**********0Y43``: first 4 and last 4 visible; anything not 18 long keeps only 2."""
    text = _normalise(code)
    if len(text) == CREDIT_CODE_LENGTH:
        return _mask(text, 4, 4)
    return _mask_fallback(text)


def make_credit_code(first17: str) -> str:
    """A valid credit code for demo and test data: ``first17`` plus its check character."""
    first17 = first17.upper()
    return first17 + credit_code_check_char(first17)
