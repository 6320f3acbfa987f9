"""Correcting a change the central service refused: its fields as they were sent, edited and queued again."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QLineEdit

from injury_desk.domain.errors import DomainError, FieldError, ValidationFailed
from injury_desk.placeholders import arg
from injury_desk.ui.form_dialog import FormDialog
from injury_desk.ui.messages import error_text, field_label, readable_params, table_label
from injury_desk.ui.operations import Changes
from injury_desk.ui.sync.common import BOOKKEEPING, SECRET, edit_text, parse_typed, reason_text, sync_service, value_text


class CorrectDialog(FormDialog):
    """One line per field of the refused change, holding the value it tried to set; OK queues it again."""

    changes = Changes.everything()  # the corrected values are a change of whatever record it was

    def __init__(self, env, entry, parent=None, record: str = "") -> None:
        super().__init__(env, self.tr("Correct the refused change"), parent)
        self.entry = entry
        self.setObjectName("correct_dialog")
        intro = QLabel(arg(self.tr("%1 — refused because: %2"), record or f"{table_label(entry.table)} {entry.row_id[:8]}", reason_text(entry.reason_key, entry.reason_params)))
        intro.setWordWrap(True)
        self.form.insertRow(0, intro)
        self.originals = {}
        for name, pair in sorted(entry.changes.items()):
            if name in BOOKKEEPING or name in SECRET:
                continue
            before, after = (list(pair) + [None, None])[:2]
            edit = QLineEdit(edit_text(after))
            edit.setObjectName(f"correct_{name}")
            edit.setToolTip(arg(self.tr("Before this change: %1"), value_text(before)))
            self.originals[name] = (before, after)
            self.add_field(name, field_label(name), edit)  # add_field puts the language's colon after it
        self.ok_button.setText(self.tr("Correct and &resend"))

    def corrected(self) -> dict:
        """The fields whose text the user changed, as typed values."""
        return {name: parse_typed(self.value(name), [before, after])
                for name, (before, after) in self.originals.items() if self.value(name) != edit_text(after)}

    def check(self) -> list[FieldError]:
        return []

    def save(self):
        values = self.corrected()
        if not values:
            # Nothing edited: there is nothing new to send.
            raise DomainError("sync.correction_unchanged")
        sync_service(self.env.services).correct_rejected(self.env.actor, self.entry.seq, values)

    def show_errors(self, errors: list[FieldError], *, all_fields: bool = False) -> None:
        # Raw table/field/type names in the parameters become labels before the sentence is made.
        super().show_errors([FieldError(e.field, e.rule, readable_params(e.params)) for e in errors],
                            all_fields=all_fields)

    def _failed(self, exc: Exception) -> None:
        if not isinstance(exc, ValidationFailed):
            self.saving = False
            self.set_banner(error_text(exc))
            self.ok_button.setEnabled(True)
            return
        super()._failed(exc)
