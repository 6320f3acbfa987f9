"""The line `sync now` prints about the state check: matches, differs, or not checked and why."""

from __future__ import annotations

import pytest

from injury_desk.commands.sync import _print_report
from injury_desk.sync.engine import SyncReport


@pytest.mark.parametrize(("report", "said"), [
    ({"state_ok": True}, "; state matches\n"),
    ({"state_ok": False, "drift_rows": [("claims", "c-1")]}, "; state differs\n"),
    ({"state_ok": None, "state_busy": True}, "; state not checked (the office kept changing; the next sync checks)\n"),
    ({"state_ok": None}, "; state not checked\n"),  # a reply package: it compares nothing, no reason to give
])
def test_sync_now_says_what_the_state_check_found(capsys, report, said):
    _print_report(SyncReport(**report))
    assert said in capsys.readouterr().out
