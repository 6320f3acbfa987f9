"""PySide6's import hook answers "does this module use PySide6?" without reading the module's file (injury_desk.ui),
which is sound only while nothing the application loads selects a ``__feature__``."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

# Everything a full start loads: the window, each page, the full services and the sync and print code behind them.
_LOAD_ALL = """
import json, sys
import injury_desk.ui.app, injury_desk.ui.main_window
from injury_desk.ui.main_window import SECTION_PAGES, _inspections_page, _monthly_run_page, _statistics_page
from injury_desk.ui.main_window import _incidents_page, _training_page
for page in (*SECTION_PAGES.values(), _inspections_page, _monthly_run_page, _statistics_page, _incidents_page,
             _training_page):
    page()
import injury_desk.services.container, injury_desk.sync.engine, injury_desk.sync.http_transport
import injury_desk.ui.claims.claims_page, injury_desk.ui.sync.controller
feature = sys.modules.get("shibokensupport.feature")
print(json.dumps({"files": [getattr(m, "__file__", None) for m in list(sys.modules.values())],
                  "answers_at_once": getattr(getattr(feature, "_mod_uses_pyside", None), "answers_at_once", False)}))
"""


def _loaded() -> dict:
    out = subprocess.run([sys.executable, "-c", _LOAD_ALL], capture_output=True, text=True, check=True,
                         env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"})
    return json.loads(out.stdout.splitlines()[-1])


def test_no_module_the_application_loads_selects_a_pyside_feature_and_the_hook_reads_no_file():
    loaded = _loaded()
    assert loaded["answers_at_once"], "injury_desk.ui did not replace PySide6's source-reading check"
    selecting = []
    for name in loaded["files"]:
        if not isinstance(name, str) or not name.endswith(".py"):
            continue
        path = Path(name)
        if not path.is_absolute() or "shiboken6" in path.parts or "PySide6" in path.parts:
            continue  # PySide6's own support code (some of it embedded, without a file) defines the machinery
        source = path.read_bytes()
        if b"from __feature__" in source or b"import __feature__" in source:
            selecting.append(name)
    assert selecting == [], f"these modules select a PySide6 feature; restore the source check: {selecting}"
    assert len(loaded["files"]) > 300  # the full application was loaded, not an import that failed early
