"""placeholders.arg and fill: Qt's numbered placeholders, in any order, filled once."""

from __future__ import annotations

from injury_desk.placeholders import Template, arg, fill


def test_a_translation_may_put_the_numbers_in_any_order():
    english = "the application arrived %1 days after the deadline (%2)"
    chinese = "申请在时限（%2）后 %1 天才收到"
    assert arg(english, 40, "2026-10-01") == "the application arrived 40 days after the deadline (2026-10-01)"
    assert arg(chinese, 40, "2026-10-01") == "申请在时限（2026-10-01）后 40 天才收到"


def test_a_value_is_never_substituted_again():
    assert arg("%1 and %2", "%2", "x") == "%2 and x"


def test_a_number_without_a_value_stays_visible_and_plural_counts_are_left_to_qt():
    assert arg("%1 of %2", "a") == "a of %2"
    assert arg("%n row(s) to %1", "f.csv") == "%n row(s) to f.csv"
    assert arg("%10 then %1", *"abcdefghij") == "j then a"


def test_fill_puts_named_parameters_at_their_numbers():
    template = Template("申报 %2 的事故日期为 %1", "accident_date", "claim_no")
    assert fill(template, {"claim_no": "GZ01-2026-0001", "accident_date": "2026-09-01"}) == \
        "申报 GZ01-2026-0001 的事故日期为 2026-09-01"
    assert fill(template, {"claim_no": "X"}) == "申报 X 的事故日期为 ?"
