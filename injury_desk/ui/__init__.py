"""The PySide6 desktop interface.

Importing it first makes PySide6's import hook cheaper (see ``_cheaper_feature_check``)."""

from __future__ import annotations

import sys

import PySide6.QtCore  # noqa: F401 - loads PySide6's import hook, which the next lines adjust


def _cheaper_feature_check() -> None:
    """PySide6 asks, for every module imported after it, whether its source mentions "PySide6" (to decide
    whether ``from __feature__ import ...`` may switch it), through ``inspect.getsource``: linecache, the
    tokenizer's encoding check and a line split of each file. That took 0.45 s of start-up for the ~360
    modules the full services import. The same question, answered from the file's bytes, costs a few ms;
    anything without a plain ``.py`` file still takes PySide6's own path."""
    feature = sys.modules.get("shibokensupport.feature") or sys.modules.get("PySide6.support.feature")
    original = getattr(feature, "_mod_uses_pyside", None)
    if original is None or getattr(original, "reads_bytes", False):
        return

    def uses_pyside(module) -> bool:
        path = getattr(module, "__file__", None)
        if not isinstance(path, str) or not path.endswith(".py"):
            return original(module)
        try:
            with open(path, "rb") as source:
                return b"PySide6" in source.read()
        except OSError:
            return original(module)

    uses_pyside.reads_bytes = True
    feature._mod_uses_pyside = uses_pyside


_cheaper_feature_check()
