"""Decision numbers and legal bases: the office pattern's rules and formatting, the articles a decision quotes."""

from __future__ import annotations

from injury_desk.domain.decision_numbers import DEFAULT_PATTERN, format_number, pattern_errors
from injury_desk.domain.legal_basis import BASES, basis_errors, codes_for, quote


def test_pattern_formats_with_office_prefix_year_device_and_four_digits():
    assert format_number("{prefix}〔{year}〕{device}第{seq}号", prefix="榕人社工伤认", year=2026, device="3F2A",
                         seq=1) == "榕人社工伤认〔2026〕3F2A第0001号"
    assert format_number(DEFAULT_PATTERN, prefix="", year=2026, device="A1B2", seq=12) == "〔2026〕A1B2第0012号"
    assert format_number(DEFAULT_PATTERN, prefix="", year=2026, device="A1B2", seq=12345).endswith("第12345号")


def test_pattern_needs_year_device_and_seq_and_only_known_placeholders():
    assert pattern_errors(DEFAULT_PATTERN) == []
    # without {device} two desktops could both issue 〔2026〕第0001号
    assert [e.rule for e in pattern_errors("〔{year}〕第{seq}号")] == ["numbering.placeholder_missing"]
    assert pattern_errors("〔{year}〕第{seq}号")[0].params == {"placeholder": "{device}"}
    assert [e.rule for e in pattern_errors("{office}〔{year}〕{device}{seq}")] == ["numbering.unknown_placeholder"]
    assert "numbering.unbalanced_braces" in [e.rule for e in pattern_errors("{year}{device}{seq}}")]


def test_bases_cover_articles_14_15_16_with_their_items():
    assert [c for c in BASES if c.startswith("art14")] == [f"art14_{i}" for i in range(1, 8)]
    assert [c for c in BASES if c.startswith("art15")] == ["art15_1", "art15_2", "art15_3"]
    assert [c for c in BASES if c.startswith("art16")] == ["art16_1", "art16_2", "art16_3"]
    assert codes_for("deemed") == ("art15_1", "art15_2", "art15_3")
    assert codes_for("not_recognised") == ("art16_1", "art16_2", "art16_3", "none")


def test_basis_must_fit_the_outcome():
    assert basis_errors("recognised", "art14_6") == []
    assert [e.rule for e in basis_errors("recognised", "art16_2")] == ["determination.basis_mismatch"]
    assert [e.rule for e in basis_errors("not_recognised", "art14_1")] == ["determination.basis_mismatch"]
    assert [e.rule for e in basis_errors("recognised", "")] == ["field.required"]
    assert [e.rule for e in basis_errors("recognised", "art14_9")] == ["field.choice"]


def test_the_printed_decision_quotes_the_article():
    assert quote("art15_3") == ("《工伤保险条例》第十五条第（三）项：“职工原在军队服役，因战、因公负伤致残，已取得革命伤残军人证，"
                                "到用人单位后旧伤复发的”")
    assert quote("art16_2", "en").startswith("Regulation on Work-Related Injury Insurance, Art. 16 item (2)")
