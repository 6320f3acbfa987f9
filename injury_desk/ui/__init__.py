"""The PySide6 desktop interface.

Importing it first makes PySide6's import hook cheaper (see ``_cheaper_feature_check``)."""

from __future__ import annotations

import sys

import PySide6.QtCore  # noqa: F401 - loads PySide6's import hook, which the next lines adjust


def _cheaper_feature_check() -> None:
    """PySide6 asks, for every module imported after it, whether its source mentions "PySide6", to decide whether
    a selection from ``__feature__`` (snake_case, true_property) may switch the Qt classes it sees: a module that
    does is given the default selection (0), any other one is left out of the switching (-1). It reads each
    module's source for that (inspect.getsource: 0.45 s for the ~360 modules the full services import; still
    25 ms of every start when read as plain bytes, for the keyring's and our own ~250 modules).

    Nothing in this application or its libraries imports ``__feature__``, so no module's selection is ever other
    than the default and the two answers act the same: every module is answered "uses PySide6" without reading
    its file. tests/gui/test_feature_check.py keeps the premise checked."""
    feature = sys.modules.get("shibokensupport.feature") or sys.modules.get("PySide6.support.feature")
    original = getattr(feature, "_mod_uses_pyside", None)
    if original is None or getattr(original, "answers_at_once", False):
        return

    def uses_pyside(module) -> bool:
        return True

    uses_pyside.answers_at_once = True
    feature._mod_uses_pyside = uses_pyside


_cheaper_feature_check()
