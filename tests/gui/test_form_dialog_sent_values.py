"""A form's save runs on the writer thread with the values shown when OK was pressed, never reading a widget
there (widgets belong to the GUI thread, and the user may type on, or close the dialog, while it saves)."""

from __future__ import annotations

import threading

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QLineEdit

from injury_desk.ui.form_dialog import FormDialog


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


class ShapedDialog(NoteDialog):
    """An editor whose values() drops a field by a checkbox that is not a field (as the claim tabs' editors do)."""

    def __init__(self, env) -> None:
        super().__init__(env)
        self.add_field("until", "&Until", QLineEdit())
        self.open_ended = QCheckBox("Open-ended")
        self.form.addRow("", self.open_ended)
        self.shaped_on: list[bool] = []

    def shape(self, values):
        self.shaped_on.append(threading.current_thread() is threading.main_thread())
        if self.open_ended.isChecked():  # a widget: read on the GUI thread only
            values.pop("until")
        return values

    def save(self) -> dict:
        self.release.wait(10)
        return self.values()


def test_save_gets_the_shaped_values_of_the_moment_ok_was_pressed(qtbot, env):
    dialog = ShapedDialog(env)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.edit.setText("first text")
    dialog.fields["until"][0].setText("2027-01-01")
    dialog.open_ended.setChecked(True)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    dialog.open_ended.setChecked(False)  # changed while saving: not what was sent
    dialog.edit.setText("typed while saving")
    dialog.release.set()
    qtbot.waitUntil(lambda: not dialog.saving)
    assert dialog.result_value == {"note": "first text"}
    assert dialog.shaped_on and all(dialog.shaped_on)  # shape() never ran on the writer thread
    assert dialog.values() == {"note": "typed while saving", "until": "2027-01-01"}  # the widgets again


def test_a_form_labels_its_fields_with_the_languages_colon(qtbot, env, qapp):
    """Form dialogs wrote "Paid on" where the step dialogs and the wizard write "Accepted on:"; the colon is the
    language's own, and the label's mnemonic still reaches its field."""
    from PySide6.QtWidgets import QLabel

    from injury_desk.ui.app import install_translations

    texts = {}
    for language in ("en", "zh_CN"):
        install_translations(qapp, language)
        dialog = NoteDialog(env)
        qtbot.addWidget(dialog)
        label = dialog.form.labelForField(dialog.edit.parentWidget())
        assert isinstance(label, QLabel) and label.buddy() is dialog.edit
        texts[language] = label.text()
    install_translations(qapp, "en")
    assert texts == {"en": "&Note:", "zh_CN": "&Note："}


def test_the_refused_change_dialog_has_one_colon_per_label(qtbot, env):
    """It added its own ":" before add_field added the language's: "Name::"."""
    from datetime import datetime

    from injury_desk.store.quick_sync import RejectedView
    from injury_desk.ui.sync.correct_dialog import CorrectDialog

    entry = RejectedView(7, "employers", "e" * 32, "update", {"name": ["Old", "New"]}, "sync.not_permitted", {},
                         datetime(2026, 11, 28, 9, 0))
    dialog = CorrectDialog(env, entry)
    qtbot.addWidget(dialog)
    edit = dialog.fields["name"][0]
    assert dialog.form.labelForField(edit.parentWidget()).text() == "Name:"
