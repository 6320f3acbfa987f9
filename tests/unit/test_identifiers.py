"""Resident ID and unified social credit code validation, masking and demo-number helpers."""

from __future__ import annotations

from datetime import date

import pytest

from injury_desk.domain.errors import FieldError, ValidationFailed
from injury_desk.domain.identifiers import (
    ResidentId,
    check_person_against_id,
    credit_code_check_char,
    credit_code_errors,
    make_credit_code,
    make_resident_id,
    mask_credit_code,
    mask_resident_id,
    parse_credit_code,
    parse_resident_id,
    resident_id_check_char,
    resident_id_errors,
)
from tests.conftest import rule_keys as rules

TODAY = date(2026, 6, 1)

# The example printed in GB 11643-1999. By hand: digits 1 1 0 1 0 5 1 9 4 9 1 2 3 1 0 0 2 times
# weights 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2 give 7+9+0+5+0+20+2+9+24+27+7+18+30+5+0+0+4 = 167;
# 167 mod 11 = 2 and "10X98765432"[2] = "X".
GB_EXAMPLE = "11010519491231002X"

# Checked by hand too: 1 1 0 1 0 5 1 9 9 0 0 2 2 8 1 2 3 gives
# 7+9+0+5+0+20+2+9+54+0+0+18+20+40+8+8+6 = 206; 206 mod 11 = 8 and "10X98765432"[8] = "4".
HAND_CHECKED = "110105199002281234"

# A frequently quoted credit code. By hand, with M = 21 and Y = 30 in the code charset:
# 9*1 + 1*3 + 3*9 + 5*27 + 0*19 + 1*26 + 0*16 + 0*17 + 21*20 + 0*29 + 0*25 + 0*13 + 1*8 + 0*24
# + 0*10 + 30*30 + 4*28 = 1640; 1640 mod 31 = 28; 31 - 28 = 3, so the check character is "3".
CREDIT_EXAMPLE = "91350100M000100Y43"


# --- resident ID: check character -------------------------------------------------------------


def test_check_char_of_gb_example_is_x() -> None:
    assert resident_id_check_char(GB_EXAMPLE[:17]) == "X"


def test_check_char_of_hand_checked_number() -> None:
    assert resident_id_check_char(HAND_CHECKED[:17]) == "4"


def test_check_char_remainder_zero_gives_one() -> None:
    # 17 zeros sum to 0 -> "10X98765432"[0]
    assert resident_id_check_char("0" * 17) == "1"


@pytest.mark.parametrize("bad", ["1" * 16, "1" * 18, "1101051949123100A"])
def test_check_char_refuses_malformed_input(bad: str) -> None:
    with pytest.raises(ValueError):
        resident_id_check_char(bad)


# --- resident ID: parsing ----------------------------------------------------------------------


def test_parse_gb_example_decodes_every_part() -> None:
    rid = parse_resident_id(GB_EXAMPLE, today=TODAY)
    assert rid == ResidentId(
        number="11010519491231002X", region_code="110105", birth_date=date(1949, 12, 31), sex="F"
    )
    assert rid.sequence == "002"


def test_parse_hand_checked_is_male() -> None:
    rid = parse_resident_id(HAND_CHECKED, today=TODAY)
    assert rid.sex == "M"
    assert rid.birth_date == date(1990, 2, 28)
    assert rid.region_code == "110105"


def test_lowercase_x_and_spaces_are_normalised() -> None:
    assert parse_resident_id(" 110105 19491231 002x ", today=TODAY).number == GB_EXAMPLE


def test_full_width_digits_are_normalised() -> None:
    full_width = "".join(chr(ord(c) + 0xFEE0) for c in GB_EXAMPLE)  # e.g. "１１０１…Ｘ"
    assert parse_resident_id(full_width, today=TODAY).number == GB_EXAMPLE


def test_wrong_check_digit_is_refused() -> None:
    with pytest.raises(ValidationFailed) as info:
        parse_resident_id("110105194912310021", today=TODAY)
    assert [e.as_dict() for e in info.value.errors] == [
        {"field": "id_number", "rule": "id_number.check_digit", "params": {}}
    ]


def test_field_name_is_carried_into_errors() -> None:
    with pytest.raises(ValidationFailed) as info:
        parse_resident_id("110105194912310021", field="worker.id_number", today=TODAY)
    assert info.value.errors[0].field == "worker.id_number"


@pytest.mark.parametrize("value", ["", "   ", None])
def test_empty_is_required(value: object) -> None:
    assert rules(resident_id_errors(value, today=TODAY)) == ["id_number.required"]


def test_short_number_reports_length_only() -> None:
    errors = resident_id_errors("11010519491231002", today=TODAY)
    assert errors == [FieldError("id_number", "id_number.length", {"expected": 18, "actual": 17})]


def test_old_15_digit_number_is_refused_for_length() -> None:
    assert rules(resident_id_errors("110105491231002", today=TODAY)) == ["id_number.length"]


def test_letter_inside_reports_charset_and_skips_later_checks() -> None:
    # also has a wrong check digit and a bad date, but those are not judged on a malformed string
    assert rules(resident_id_errors("11010519491399A021", today=TODAY)) == ["id_number.charset"]


def test_x_not_at_the_end_is_a_charset_error() -> None:
    assert rules(resident_id_errors("1101051949123100X2", today=TODAY)) == ["id_number.charset"]


def test_wrong_length_and_charset_are_both_reported() -> None:
    assert rules(resident_id_errors("1101A5", today=TODAY)) == ["id_number.length", "id_number.charset"]


def test_unknown_province_is_refused_even_with_valid_check_digit() -> None:
    number = "991234199001011" + "23"
    number += resident_id_check_char(number)
    errors = resident_id_errors(number, today=TODAY)
    assert errors == [FieldError("id_number", "id_number.region", {"code": "991234"})]


@pytest.mark.parametrize("province", ["11", "15", "21", "23", "31", "37", "41", "46", "50", "54",
                                      "61", "65", "71", "81", "82", "83", "91"])
def test_every_listed_province_is_accepted(province: str) -> None:
    number = make_resident_id(province + "0101", date(1980, 5, 6), 11, "M")
    assert parse_resident_id(number, today=TODAY).region_code == province + "0101"


@pytest.mark.parametrize("province", ["10", "16", "20", "24", "30", "38", "47", "55", "60", "66",
                                      "70", "72", "80", "84", "90", "92"])
def test_gaps_between_provinces_are_refused(province: str) -> None:
    first17 = province + "0101" + "19800506" + "011"
    number = first17 + resident_id_check_char(first17)
    assert rules(resident_id_errors(number, today=TODAY)) == ["id_number.region"]


def test_impossible_date_with_correct_check_digit() -> None:
    first17 = "110105" + "19900230" + "123"
    number = first17 + resident_id_check_char(first17)
    errors = resident_id_errors(number, today=TODAY)
    assert errors == [FieldError("id_number", "id_number.birth_date_invalid", {"digits": "19900230"})]


def test_impossible_date_and_wrong_check_digit_are_both_reported() -> None:
    first17 = "110105" + "19901301" + "123"
    good = resident_id_check_char(first17)
    bad = "0" if good != "0" else "1"
    assert rules(resident_id_errors(first17 + bad, today=TODAY)) == [
        "id_number.birth_date_invalid",
        "id_number.check_digit",
    ]


def test_leap_day_birth_is_real_in_leap_year_only() -> None:
    assert parse_resident_id(make_resident_id("110105", date(2000, 2, 29), 2, "F"), today=TODAY)
    first17 = "110105" + "19000229" + "002"  # 1900 was not a leap year
    number = first17 + resident_id_check_char(first17)
    assert rules(resident_id_errors(number, today=TODAY)) == ["id_number.birth_date_invalid"]


def test_birth_before_1900_is_refused() -> None:
    # 440524188001010014: by hand 28+36+0+25+16+16+2+8+48+0+0+9+0+5+0+0+2 = 195, mod 11 = 8 -> "4",
    # so only the date is wrong.
    errors = resident_id_errors("440524188001010014", today=TODAY)
    assert errors == [
        FieldError(
            "id_number",
            "id_number.birth_date_too_early",
            {"birth_date": "1880-01-01", "earliest": "1900-01-01"},
        )
    ]


def test_birth_on_1900_01_01_is_accepted() -> None:
    number = make_resident_id("110105", date(1900, 1, 1), 1, "M")
    assert parse_resident_id(number, today=TODAY).birth_date == date(1900, 1, 1)


def test_birth_tomorrow_is_in_the_future() -> None:
    number = make_resident_id("110105", date(2026, 6, 2), 1, "M")
    assert resident_id_errors(number, today=TODAY) == [
        FieldError(
            "id_number",
            "id_number.birth_date_future",
            {"birth_date": "2026-06-02", "today": "2026-06-01"},
        )
    ]


def test_birth_today_is_accepted() -> None:
    number = make_resident_id("110105", TODAY, 2, "F")
    assert parse_resident_id(number, today=TODAY).birth_date == TODAY


# --- resident ID: masking ----------------------------------------------------------------------


def test_mask_keeps_region_and_last_four() -> None:
    assert mask_resident_id(GB_EXAMPLE) == "110105********002X"


def test_mask_normalises_lowercase_x() -> None:
    assert mask_resident_id("11010519491231002x") == "110105********002X"


def test_mask_of_short_input_keeps_last_two() -> None:
    assert mask_resident_id("110105491231002") == "*************02"


def test_mask_of_garbage_keeps_last_two() -> None:
    assert mask_resident_id("ABCDEFGHIJKLMNOPQR") == "****************QR"


@pytest.mark.parametrize("value, expected", [("", ""), (None, ""), ("7", "*"), ("12", "**")])
def test_mask_of_tiny_input_reveals_nothing(value: object, expected: str) -> None:
    assert mask_resident_id(value) == expected


# --- person cross-check ------------------------------------------------------------------------


def test_person_matching_the_id_has_no_errors() -> None:
    rid = parse_resident_id(GB_EXAMPLE, today=TODAY)
    assert check_person_against_id(rid, sex="F", birth_date=date(1949, 12, 31)) == []
    assert check_person_against_id(rid, sex="f", birth_date=None) == []
    assert check_person_against_id(rid, sex=None, birth_date=None) == []


def test_person_mismatches_are_reported_with_prefix() -> None:
    rid = parse_resident_id(GB_EXAMPLE, today=TODAY)
    errors = check_person_against_id(
        rid, sex="M", birth_date=date(1949, 12, 30), field_prefix="worker."
    )
    assert errors == [
        FieldError("worker.sex", "person.sex_mismatch", {"expected": "F", "actual": "M"}),
        FieldError(
            "worker.birth_date",
            "person.birth_date_mismatch",
            {"expected": "1949-12-31", "actual": "1949-12-30"},
        ),
    ]


# --- resident ID: demo helper ------------------------------------------------------------------


def test_make_resident_id_matches_hand_checked_number() -> None:
    assert make_resident_id("110105", date(1990, 2, 28), 123, "M") == HAND_CHECKED


def test_make_resident_id_round_trips() -> None:
    number = make_resident_id("440305", date(1975, 11, 9), 48, "F")
    rid = parse_resident_id(number, today=TODAY)
    assert (rid.region_code, rid.birth_date, rid.sex, rid.sequence) == (
        "440305",
        date(1975, 11, 9),
        "F",
        "048",
    )


@pytest.mark.parametrize(
    "args",
    [
        ("110105", date(1990, 1, 1), 2, "M"),  # even sequence cannot be male
        ("110105", date(1990, 1, 1), 1, "F"),
        ("110105", date(1990, 1, 1), 1000, "F"),
        ("990105", date(1990, 1, 1), 1, "M"),
        ("11010", date(1990, 1, 1), 1, "M"),
        ("110105", date(1899, 12, 31), 1, "M"),
        ("110105", date(1990, 1, 1), 1, "X"),
    ],
)
def test_make_resident_id_refuses_bad_arguments(args: tuple) -> None:
    with pytest.raises(ValueError):
        make_resident_id(*args)


# --- credit code -------------------------------------------------------------------------------


def test_credit_check_char_of_example_is_3() -> None:
    assert credit_code_check_char(CREDIT_EXAMPLE[:17]) == "3"


def test_credit_check_value_31_maps_to_zero() -> None:
    # all zeros: sum 0, 31 - 0 = 31 -> 0
    assert credit_code_check_char("0" * 17) == "0"


def test_credit_check_char_can_be_a_letter() -> None:
    # "1" then zeros: sum = 1, 31 - 1 = 30 -> "Y"
    assert credit_code_check_char("1" + "0" * 16) == "Y"


def test_parse_credit_code_normalises_case_and_spaces() -> None:
    assert parse_credit_code(" 91350100m000100y43 ") == CREDIT_EXAMPLE


def test_credit_code_with_wrong_check_char_is_refused() -> None:
    with pytest.raises(ValidationFailed) as info:
        parse_credit_code("91350100M000100Y44", field="employer.credit_code")
    assert [e.as_dict() for e in info.value.errors] == [
        {"field": "employer.credit_code", "rule": "credit_code.check_char", "params": {}}
    ]


@pytest.mark.parametrize("letter", ["I", "O", "Z", "S", "V"])
def test_credit_code_refuses_ambiguous_letters(letter: str) -> None:
    code = "91350100" + letter + "000100Y43"
    assert credit_code_errors(code) == [
        FieldError("credit_code", "credit_code.charset", {"invalid": letter})
    ]


def test_credit_code_length_and_charset_are_both_reported() -> None:
    assert credit_code_errors("9135-0100") == [
        FieldError("credit_code", "credit_code.length", {"expected": 18, "actual": 9}),
        FieldError("credit_code", "credit_code.charset", {"invalid": "-"}),
    ]


def test_credit_code_empty_is_required() -> None:
    assert rules(credit_code_errors("")) == ["credit_code.required"]


def test_mask_credit_code() -> None:
    assert mask_credit_code(CREDIT_EXAMPLE) == "9135**********0Y43"
    assert mask_credit_code("91350100m000100y43") == "9135**********0Y43"
    assert mask_credit_code("913501") == "****01"


def test_make_credit_code_round_trips() -> None:
    code = make_credit_code("91110108mA0abcdE5")
    assert code == "91110108MA0ABCDE5" + credit_code_check_char("91110108MA0ABCDE5")
    assert parse_credit_code(code) == code
    assert make_credit_code(CREDIT_EXAMPLE[:17]) == CREDIT_EXAMPLE


def test_make_credit_code_refuses_bad_charset() -> None:
    with pytest.raises(ValueError):
        make_credit_code("9135010OM000100Y4")
