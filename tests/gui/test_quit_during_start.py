"""Quitting while the full services still open in the background prints nothing: the job finds the window
gone and has nobody to tell, which is not an error (a traceback on the terminal is)."""

from __future__ import annotations

import subprocess
import sys
import textwrap

from tests.conftest import claim_draft

SCRIPT = textwrap.dedent("""
    import os, sys
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from pathlib import Path
    import time
    from injury_desk.services import quick_start
    from injury_desk.ui.app import make_application, start_main_window
    opening = quick_start.QuickStart.open_services
    def slow_open(self):
        time.sleep(1.0)  # an office's database on a slow machine: still opening when the user quits
        return opening(self)
    quick_start.QuickStart.open_services = slow_open
    app = make_application()
    window = start_main_window(Path(sys.argv[1]), "cw", "cw-pass-123")
    app.processEvents()
    print("ROWS", window.claims_page.model.rowCount(), flush=True)
    until = time.monotonic() + 0.6  # the list asks for its count (a background job that needs the services)
    while time.monotonic() < until:
        app.processEvents()
        time.sleep(0.02)
    # The script ends here: the application is torn down while the services are still opening.
""")


def test_quitting_while_the_services_open_prints_no_traceback(db, services, cw):
    services.claims.create(cw, claim_draft(accident_date="2026-10-01", applicant_type="worker"))
    services.close()
    run = subprocess.run([sys.executable, "-c", SCRIPT, str(db.path.parent)], capture_output=True, text=True,
                         timeout=120)
    assert "ROWS 1" in run.stdout, run.stderr
    assert "Traceback" not in run.stderr and "Error calling Python override" not in run.stderr, run.stderr
