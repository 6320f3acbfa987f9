"""Which language the GUI speaks: the user's own choice, else INJURY_DESK_LANG, else the system's."""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence

from PySide6.QtCore import QSettings

LANGUAGES = ("en", "zh_CN")  # the ones that ship
LAST_KEY = "language/last"  # for the login dialog, before anyone has logged in


def normalise(name: str | None) -> str | None:
    """"zh-Hans-CN", "zh_CN.UTF-8" → "zh_CN"; any other real language → "en"; C/POSIX/empty → None."""
    if not name:
        return None
    code = name.split(".")[0].replace("-", "_")
    if code in ("C", "POSIX", ""):
        return None
    return "zh_CN" if code.lower().startswith("zh") else "en"


def choose_language(explicit: str | None, saved: str | None, posix: Mapping[str, str | None],
                    display_languages: Sequence[str]) -> str:
    """INJURY_DESK_LANG (scripts, support) > the user's saved choice > LC_ALL / LC_MESSAGES / LANG > the
    display language. Windows sets no LANG: there the display language (the language of Windows' own
    menus, QLocale.uiLanguages) decides, not the regional format, which is often set apart from it."""
    for candidate in (explicit, saved, posix.get("LC_ALL"), posix.get("LC_MESSAGES"), posix.get("LANG")):
        chosen = normalise(candidate)
        if chosen:
            return chosen
    for candidate in display_languages:
        chosen = normalise(candidate)
        if chosen:
            return chosen
    return "en"


def user_key(username: str) -> str:
    return f"language/user/{username}"


def saved_language(settings: QSettings, username: str | None = None) -> str | None:
    value = settings.value(user_key(username) if username else LAST_KEY)
    return normalise(str(value)) if value else None


def save_language(settings: QSettings, username: str, language: str) -> None:
    settings.setValue(user_key(username), language)
    settings.setValue(LAST_KEY, language)
    settings.sync()


def ui_language(settings: QSettings | None = None, username: str | None = None) -> str:
    from PySide6.QtCore import QLocale

    saved = saved_language(settings, username) if settings is not None else None
    posix = {k: os.environ.get(k) for k in ("LC_ALL", "LC_MESSAGES", "LANG")}
    return choose_language(os.environ.get("INJURY_DESK_LANG"), saved, posix, QLocale.system().uiLanguages())
