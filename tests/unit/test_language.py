"""Which language the GUI starts in: the user's choice, INJURY_DESK_LANG, LANG, else the display language."""

from __future__ import annotations

from injury_desk.ui.language import choose_language, normalise

NO_POSIX = {"LC_ALL": None, "LC_MESSAGES": None, "LANG": None}


def test_windows_without_lang_follows_the_display_language():
    # Windows sets no LANG; a Chinese Windows lists zh-Hans-CN (or zh-CN) first in QLocale.uiLanguages()
    assert choose_language(None, None, NO_POSIX, ["zh-Hans-CN", "en-US"]) == "zh_CN"
    assert choose_language(None, None, NO_POSIX, ["en-GB", "zh-CN"]) == "en"
    assert choose_language(None, None, NO_POSIX, []) == "en"


def test_order_of_precedence():
    posix = {"LC_ALL": None, "LC_MESSAGES": None, "LANG": "zh_CN.UTF-8"}
    assert choose_language(None, None, posix, ["en-US"]) == "zh_CN"  # LANG before the display language
    assert choose_language(None, "en", posix, ["zh-CN"]) == "en"  # the user's own choice before LANG
    assert choose_language("zh_CN", "en", posix, []) == "zh_CN"  # INJURY_DESK_LANG before everything
    c_locale = {"LC_ALL": None, "LC_MESSAGES": None, "LANG": "C.UTF-8"}  # says nothing about a language
    assert choose_language(None, None, c_locale, ["zh-Hans"]) == "zh_CN"


def test_normalise():
    assert [normalise(n) for n in ("zh_CN.UTF-8", "zh-Hans-CN", "en_US", "de-DE", "C", "POSIX", "", None)] == [
        "zh_CN", "zh_CN", "en", "en", None, None, None, None]
