"""The GUI's first start on a plain database from an earlier version: the encryption runs off the GUI thread
behind a progress dialog that says what is happening and how far it is (issue 16)."""

from __future__ import annotations

from PySide6.QtCore import QTimer

from injury_desk.store import encrypt_plain
from injury_desk.ui import app as app_module
from injury_desk.ui.app import make_application, open_services_showing_progress
from injury_desk.ui.background import TaskRunner
from tests.integration.test_encryption import add_ballast, make_plain_database, plain_sqlite_reads


def test_the_first_start_shows_the_encryptions_progress_and_the_window_system_stays_responsive(
        qtbot, tmp_path, monkeypatch):
    path = make_plain_database(tmp_path / "data")
    add_ballast(path, 20_000)
    monkeypatch.setattr(encrypt_plain, "REPORT_EVERY_S", 0)
    monkeypatch.setattr(encrypt_plain, "HANDLER_STEPS", 100)
    shown: list[tuple[str, int, int, bool]] = []
    original = app_module.OpeningProgress._show

    def watched(self, report):
        original(self, report)
        shown.append((self.dialog.labelText(), self.dialog.value(), self.dialog.maximum(), self.dialog.isVisible()))

    monkeypatch.setattr(app_module.OpeningProgress, "_show", watched)
    ticks: list[int] = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(5)
    app = make_application()
    runner = TaskRunner(app)
    services = open_services_showing_progress(app, path.parent, runner)
    timer.stop()
    try:
        assert not plain_sqlite_reads(path)
        assert services.auth.login("cw", "cw-pass-123").username == "cw"
        encrypting = [s for s in shown if s[0].startswith("Encrypting the database injury_desk.sqlite3")]
        assert encrypting and all(visible for *_rest, visible in shown)
        assert "stays as it is until the encrypted copy is complete and checked" in encrypting[0][0]
        assert encrypting[-1][1] == encrypting[-1][2] == 1000  # the bar reached its end
        assert any(s[0] == "Checking the encrypted copy of injury_desk.sqlite3…" and s[2] == 0 for s in shown)
        assert any(s[0].startswith("Copying the encrypted injury_desk.sqlite3") for s in shown)
        assert len(ticks) > 3  # the GUI thread ran its timers while the database was being encrypted
    finally:
        runner.wait()
        services.close()


def test_an_ordinary_start_shows_no_dialog(qtbot, db, monkeypatch):
    shown: list[object] = []
    monkeypatch.setattr(app_module.OpeningProgress, "_show", lambda self, report: shown.append(report))
    folder = db.path.parent
    db.dispose()
    app = make_application()
    runner = TaskRunner(app)
    services = open_services_showing_progress(app, folder, runner)
    runner.wait()
    services.close()
    assert shown == []
