"""Rare characters in names (CJK Extensions A to H) print from the fallback fonts; none is dropped (issue 14)."""

from __future__ import annotations

import pytest

from injury_desk.domain.errors import DomainError
from injury_desk.printing.fonts import font_for
from tests.unit.test_printing_render import forms, pdf_bytes, record, text_of  # noqa: F401 - forms is a fixture


@pytest.mark.parametrize("ch, font", [
    ("张", "WQYMicroHei"),  # common: the main font
    ("䶮", "HanaMinA"),  # U+4DAE, Extension A
    ("𠀀", "HanaMinB"),  # U+20000, Extension B
    ("𪜀", "HanaMinB"),  # U+2A700, Extension C
    ("𫝀", "HanaMinB"),  # U+2B740, Extension D
    ("𫠠", "HanaMinB"),  # U+2B820, Extension E
    ("𬺰", "HanaMinB"),  # U+2CEB0, Extension F
    ("𰀀", "BabelStoneHanGH"),  # U+30000, Extension G
])
def test_each_extension_has_a_font(ch, font):
    assert font_for(ch) == font


def test_rare_characters_in_the_worker_name_are_printed(forms):
    rec = record("claim")
    rec["worker"]["name"] = "李𠀀䶮"
    text = "".join(text_of(pdf_bytes(forms["claim_application"], rec, language="zh")).split())
    # pypdf reads them back (a line break between fonts aside): drawn, embedded, mapped to their code points
    assert "姓名李𠀀䶮" in text


def test_a_character_no_font_has_is_reported_before_printing(forms):
    rec = record("claim")
    rec["worker"]["name"] = "王\U0002EBF0"  # Extension I: in none of the shipped fonts
    with pytest.raises(DomainError) as info:
        pdf_bytes(forms["claim_application"], rec, language="zh")
    assert info.value.key == "print.missing_glyphs"
    assert info.value.params == {"characters": "\U0002EBF0", "code_points": "U+2EBF0"}
