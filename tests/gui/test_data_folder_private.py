"""Every file the application leaves in the data folder is the user's only (issue 16, Files): after a GUI session
(login, the window's layout saved into settings.ini), an internal error logged by the command line and an export
with an attachment, every folder is 0700 and every file 0600, even under a umask that makes files 0644."""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

import pytest

from injury_desk.ui.app import make_application, start_main_window
from tests.conftest import employer_data

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX modes; Windows checks the profile")

PHOTO = b"\x89PNG\r\n\x1a\n" + b"\0" * 64


@pytest.fixture
def open_umask():
    """The usual umask of a desktop session: new files 0644, new folders 0755 unless the code says otherwise."""
    previous = os.umask(0o022)
    yield
    os.umask(previous)


def modes(folder: Path) -> dict[str, str]:
    found = {".": oct(folder.stat().st_mode & 0o777)}
    for path in folder.rglob("*"):
        found[str(path.relative_to(folder))] = oct(path.stat().st_mode & 0o777)
    return found


def not_private(folder: Path) -> dict[str, str]:
    return {name: mode for name, mode in modes(folder).items()
            if mode != (oct(0o700) if (folder / name).is_dir() else oct(0o600))}


def test_after_a_gui_session_the_data_folder_holds_only_private_files(qtbot, db, open_umask):
    folder = db.path.parent
    db.dispose()
    old_settings = folder / "settings.ini"  # left 0644 by an earlier version
    old_settings.write_text("[General]\n", encoding="utf-8")
    os.chmod(old_settings, 0o644)
    make_application()
    window = start_main_window(folder, "cw", "cw-pass-123")
    qtbot.waitUntil(lambda: window.claims_page.model.rowCount() >= 0)
    window.save_layout()
    window.env.settings.sync()
    window.close()
    window.env.runner.wait(10_000)
    window.env.close()
    settings = folder / "settings.ini"
    assert "geometry" in settings.read_text(encoding="utf-8").lower()  # Qt wrote the layout into it ...
    assert stat.S_IMODE(settings.stat().st_mode) == 0o600  # ... and the file stayed the user's only
    assert not_private(folder) == {}


def test_a_new_settings_file_is_created_private(tmp_path, open_umask):
    from injury_desk.ui.app import _settings

    make_application()
    settings = _settings(tmp_path / "fresh")
    settings.setValue("language", "zh_CN")
    settings.sync()
    assert modes(tmp_path / "fresh") == {".": oct(0o700), "settings.ini": oct(0o600)}


def test_the_command_lines_error_log_and_an_exports_attachments_are_private(db, services, cw, tmp_path, open_umask,
                                                                            monkeypatch, capsys):
    from injury_desk.cli import main
    from injury_desk.services import tasks

    employer = services.employers.create(cw, employer_data())
    services.inspections.inspect(cw, {
        "plan": {"employer_id": employer, "planned_on": "2026-11-20", "inspector": "王芳"},
        "visit": {"inspected_on": "2026-11-20", "summary": "冲压线检查"},
        "hazards": [{"category": "机械防护", "severity": "high", "location": "二号车间",
                     "attachments": [{"file_name": "护栏.png", "content": PHOTO}],
                     "actions": [{"description": "加装护栏", "owner": "李明", "due_date": "2026-12-20"}]}]})
    out = tmp_path / "export" / "records.jsonl"
    out.parent.mkdir()
    services.transfer.export_jsonl(cw, out)
    attachments = list((out.parent / "records.jsonl.files").iterdir())
    assert attachments  # the photo was saved beside the export
    assert not_private(out.parent / "records.jsonl.files") == {}
    assert stat.S_IMODE(out.stat().st_mode) == 0o600

    def broken(*_a, **_k):
        raise RuntimeError("boom")

    monkeypatch.setattr(tasks, "deadline_rows", broken)
    monkeypatch.setenv("INJURY_DESK_PASSWORD", "sup-pass-123")
    folder = db.path.parent
    assert main(["tasks", "--data-dir", str(folder), "--user", "sup"]) == 3
    capsys.readouterr()
    assert "RuntimeError: boom" in (folder / "logs" / "cli-errors.log").read_text(encoding="utf-8")
    assert not_private(folder) == {}
