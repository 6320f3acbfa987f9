"""A save that meets the database locked by another program past SQLite's busy timeout: the editor says so in the
user's language, keeps what was typed, saves nothing, and saves once the lock is gone."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import threading

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import text

from injury_desk.domain.errors import DomainError
from injury_desk.store import database
from injury_desk.ui.prevention.employer_dialog import EmployerDialog
from injury_desk.ui.prevention.employers_page import EmployersPage
from tests.conftest import employer_data

NAME = "闽侯示例建材有限公司"
CODE = "91350100M000100Y43"


@pytest.fixture
def short_wait(services, monkeypatch):
    """SQLite waits 0.3 s for the lock instead of 10 s: the writer's connections are made again with it."""
    monkeypatch.setattr(database, "BUSY_TIMEOUT_MS", 300)
    services.ctx.db.writer.dispose()


def holder_process(script: str):
    """A process of its own running ``script`` (Python), which takes the write lock, prints "held" and keeps it until
    its standard input closes (release)."""
    proc = subprocess.Popen([sys.executable, "-c", textwrap.dedent(script)], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout.readline().strip() == "held"
    except BaseException:
        release(proc)
        raise
    return proc


def hold_lock(path):
    """Another program holding the write lock: a connection of its own process, with the database's key, that is
    not injury-desk (it leaves no marker in the data folder), in BEGIN IMMEDIATE."""
    return holder_process(f"""
        import sys
        from pathlib import Path
        from injury_desk.store import cipher, db_key
        path = Path({str(path)!r})
        con = cipher.connect(path, db_key.load_key(path), isolation_level=None)
        con.execute("BEGIN IMMEDIATE")
        print("held", flush=True)
        sys.stdin.read()
    """)


def release(proc) -> None:
    proc.stdin.close()
    proc.wait(timeout=30)


def test_a_service_write_past_the_lock_is_refused_by_name_and_changes_nothing(services, cw, short_wait):
    before = services.employers.count(cw)
    holder = hold_lock(services.ctx.db.path)
    try:
        with pytest.raises(DomainError) as refused:
            services.employers.create(cw, employer_data())
    finally:
        release(holder)
    # Before: SQLAlchemy's OperationalError "database is locked", shown as "Unexpected error: ..." in English.
    assert refused.value.key == "store.locked_by_unknown"
    assert services.employers.count(cw) == before
    services.employers.create(cw, employer_data())
    assert services.employers.count(cw) == before + 1


def test_a_lock_held_by_another_injury_desk_process_names_it(services, cw, short_wait, tmp_path):
    # The other process opened the database as injury-desk does (a marker in the data folder says who it is).
    proc = holder_process(f"""
        import sys
        from pathlib import Path
        from injury_desk.store.database import open_database
        db = open_database(Path({str(services.ctx.db.path.parent)!r}), purpose="import")
        con = db.writer.raw_connection()
        con.driver_connection.execute("BEGIN IMMEDIATE")
        print("held", flush=True)
        sys.stdin.read()
        con.driver_connection.execute("ROLLBACK")
        con.close()
        db.dispose()
    """)
    try:
        with pytest.raises(DomainError) as refused:
            services.employers.create(cw, employer_data())
    finally:
        release(proc)
    assert refused.value.key == "store.locked"
    assert refused.value.params["others"].startswith(f"import (pid {proc.pid}), started ")


EXPECTED = {
    "en": "The database stayed locked by another program longer than injury_desk waits for it, so nothing was "
          "changed: close any other program that has it open, then try again.",
    "zh_CN": "数据库被另一个程序锁定的时间超过了 injury_desk 的等待时间，因此未做任何更改：请关闭打开该数据库的其他程序，然后重试。",
}


def test_the_editor_says_the_database_is_locked_keeps_the_form_and_saves_later(qtbot, env, services, cw,
                                                                                short_wait, language):
    page = EmployersPage(env)
    qtbot.addWidget(page)
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    assert isinstance(dialog, EmployerDialog)
    dialog.name_edit.insert(NAME)
    dialog.risk_combo.setCurrentIndex(dialog.risk_combo.findData(4))
    qtbot.keyClicks(dialog.credit_code_edit, CODE)
    dialog.headcount_edit.setText("85")
    before = services.employers.count(cw)
    holder = hold_lock(services.ctx.db.path)
    try:
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: dialog.banner.isVisible() and dialog.ok_button.isEnabled(), timeout=10_000)
    finally:
        release(holder)
    assert dialog.banner.text() == EXPECTED[language]
    assert "Unexpected" not in dialog.banner.text()
    assert dialog.isVisible() and dialog.name_edit.text() == NAME and dialog.credit_code_edit.text() == CODE
    assert services.employers.count(cw) == before

    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)  # the lock is gone: the same form saves
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10_000)
    assert services.employers.count(cw) == before + 1


def test_a_save_kept_waiting_by_this_programs_own_long_write_says_so(services, cw, short_wait):
    # The GUI runs an import (one long transaction) and a save side by side: the save must not blame another
    # program, nor name this process as "another process".
    started, finish = threading.Event(), threading.Event()

    def long_import() -> None:
        with services.ctx.db.write(None, "import") as s:
            s.execute(text("SELECT 1"))  # BEGIN IMMEDIATE: the write lock is this transaction's from here
            started.set()
            finish.wait(30)

    worker = threading.Thread(target=long_import)
    worker.start()
    try:
        assert started.wait(30)
        with pytest.raises(DomainError) as refused:
            services.employers.create(cw, employer_data())
    finally:
        finish.set()
        worker.join(30)
    assert refused.value.key == "store.locked_by_own_work"


def test_two_saves_waiting_on_another_program_both_blame_it(services, cw, short_wait):
    # Neither waiting save holds the lock: another program does, and each says so (two open transactions of this
    # process are not "its own work" unless one of them got the lock).
    holder = hold_lock(services.ctx.db.path)
    keys: list[str] = []

    def save() -> None:
        try:
            services.employers.create(cw, employer_data(credit_code="91350100M000200Y3P", name="另一家公司"))
        except DomainError as exc:
            keys.append(exc.key)

    try:
        other = threading.Thread(target=save)
        other.start()
        with pytest.raises(DomainError) as refused:
            services.employers.create(cw, employer_data())
        other.join(30)
    finally:
        release(holder)
    assert [refused.value.key, *keys] == ["store.locked_by_unknown"] * 2
