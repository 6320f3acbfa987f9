"""File → Import records… / Export records…: off the GUI thread with progress, Cancel changes nothing, and the
line-numbered error list; only roles the permission table allows see the entries."""

from __future__ import annotations

import json

from PySide6.QtWidgets import QMenu
from sqlalchemy import func, select

from injury_desk.domain.identifiers import make_resident_id
from injury_desk.store.models import Person
from injury_desk.ui.main_window import MainWindow
from injury_desk.ui.transfer_dialog import TransferDialog
from tests.gui.conftest import make_env


def _menu_actions(window: MainWindow) -> set[str]:
    return {a.objectName() for menu in window.menuBar().findChildren(QMenu) for a in menu.actions()}


def _people(db) -> int:
    with db.read() as s:
        return s.scalar(select(func.count()).select_from(Person))


def _person_lines(n: int) -> str:
    from datetime import date, timedelta

    lines = []
    for k in range(n):
        birth = date(1970, 1, 1) + timedelta(days=k % 9000)
        number = make_resident_id("350102", birth, (k // 9000) * 2 + 1, "M")
        lines.append(json.dumps({"type": "person", "id_number": number, "name": f"王{k}"}, ensure_ascii=False))
    return "\n".join(lines) + "\n"


def test_the_menu_follows_the_permission_table(qtbot, services, sup, adm, cw, tmp_path):
    for actor, can_import in ((sup, True), (adm, False), (cw, False)):
        env = make_env(services, actor, tmp_path / actor.username)
        window = MainWindow(env)
        qtbot.addWidget(window)
        actions = _menu_actions(window)
        assert ("import_records_action" in actions) is can_import
        assert "export_records_action" in actions
        env.runner.wait()


def test_an_import_with_bad_lines_lists_them_by_line_and_changes_nothing(qtbot, services, sup, db, tmp_path):
    env = make_env(services, sup, tmp_path)
    f = tmp_path / "in.jsonl"
    f.write_text(_person_lines(1) + '{"type": "person", "id_number": "110105194912310021", "name": "坏号码"}\n'
                 + '{"type": "person", "name": {"zh": "x"}}\n', encoding="utf-8")
    before = _people(db)
    dialog = TransferDialog(env, "import", f)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.finished_ok is not None, timeout=30_000)
    assert dialog.finished_ok is False
    items = [dialog.errors.item(i).text() for i in range(dialog.errors.count())]
    assert any(text.startswith("line 2:") for text in items)
    assert any(text.startswith("line 3:") for text in items)
    assert "nothing was imported" in dialog.status.text()
    assert _people(db) == before


def test_an_import_runs_with_progress_then_the_export_writes_the_records(qtbot, services, sup, db, tmp_path):
    env = make_env(services, sup, tmp_path)
    f = tmp_path / "in.jsonl"
    f.write_text(_person_lines(30), encoding="utf-8")
    before = _people(db)
    dialog = TransferDialog(env, "import", f)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.finished_ok is not None, timeout=30_000)
    assert dialog.finished_ok is True, dialog.status.text()
    assert dialog.bar.value() == dialog.bar.maximum()
    assert "Imported 30 records" in dialog.status.text()
    assert _people(db) == before + 30
    out = tmp_path / "out.jsonl"
    export = TransferDialog(env, "export", out)
    qtbot.addWidget(export)
    qtbot.waitUntil(lambda: export.finished_ok is not None, timeout=30_000)
    assert export.finished_ok is True, export.status.text()
    assert sum(1 for line in out.read_text(encoding="utf-8").splitlines() if '"type": "person"' in line) >= 30


def test_cancel_during_an_import_changes_nothing(qtbot, services, sup, db, tmp_path):
    env = make_env(services, sup, tmp_path)
    f = tmp_path / "big.jsonl"
    f.write_text(_person_lines(6_000), encoding="utf-8")  # three chunks: the cancel is seen between them
    before = _people(db)
    dialog = TransferDialog(env, "import", f)
    qtbot.addWidget(dialog)
    dialog.cancel_button.click()
    qtbot.waitUntil(lambda: dialog.finished_ok is not None, timeout=60_000)
    assert dialog.finished_ok is False
    assert "Cancelled: nothing was imported." == dialog.status.text()
    assert _people(db) == before
