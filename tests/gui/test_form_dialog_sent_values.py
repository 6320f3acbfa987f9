"""A form's save runs on the writer thread with the values shown when OK was pressed, never reading a widget
there (widgets belong to the GUI thread, and the user may type on, or close the dialog, while it saves)."""

from __future__ import annotations

import threading

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from injury_desk.ui.pillar_widgets import FormDialog


class NoteDialog(FormDialog):
    def __init__(self, env) -> None:
        super().__init__(env, "Note")
        self.edit = self.add_field("note", "&Note", QLineEdit())
        self.saved: list[tuple[bool, str]] = []
        self.release = threading.Event()

    def save(self) -> str:
        self.release.wait(10)  # still saving while the test types on
        on_gui_thread = threading.current_thread() is threading.main_thread()
        self.saved.append((on_gui_thread, self.value("note")))
        return "done"


def test_save_gets_the_values_of_the_moment_ok_was_pressed(qtbot, env):
    dialog = NoteDialog(env)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.edit.setText("first text")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.saving and not dialog.ok_button.isEnabled()
    dialog.edit.setText("typed while saving")  # the edit stays usable; this is not what was sent
    dialog.release.set()
    qtbot.waitUntil(lambda: not dialog.saving)
    assert dialog.saved == [(False, "first text")]
    assert dialog.result_value == "done" and not dialog.isVisible()
    assert dialog.value("note") == "typed while saving"  # on the GUI thread a value is the widget's, as ever
