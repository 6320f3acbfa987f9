"""Helpers the prevention pages and dialogs share: the employer picker, text boxes, date and file checks."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QPlainTextEdit

from injury_desk.domain.errors import FieldError, ValidationFailed
from injury_desk.ui.messages import error_text, rule_text

ACTION_DUE_DAYS = 30  # the usual time given to fix a finding; the user changes it as needed
# What the file dialogs offer; the service decides what it accepts.
FILE_FILTER_SUFFIXES = "*.jpg *.jpeg *.png *.gif *.bmp *.webp *.tif *.tiff *.heic *.pdf *.txt *.doc *.docx *.xls *.xlsx *.odt *.ods"
EMPLOYER_LIMIT = 5000  # the employer pickers list this many by name; an office has far fewer


def fill_employers(combo: QComboBox, env, first_text: str) -> None:
    """The office's employers by name, after a first entry with no employer (``None``) saying what to do."""
    combo.addItem(first_text, None)
    try:
        employers = env.services.employers.search(env.actor, "", limit=EMPLOYER_LIMIT)
    except Exception:  # the dialog still opens; the service names the missing employer on OK
        return
    for e in sorted(employers, key=lambda e: e.name):
        combo.addItem(e.name, e.id)


def future_date_errors(key: str, iso: str, today) -> list[FieldError]:
    """The service's "not after today" rule for a date picker's value, checked while the user picks."""
    if iso and iso > today.isoformat():
        return [FieldError(key, "field.date_in_future", {"value": iso, "today": today.isoformat()})]
    return []


def text_box() -> QPlainTextEdit:
    """A multi-line field about five lines high, where Tab moves on instead of typing a tab."""
    edit = QPlainTextEdit()
    edit.setTabChangesFocus(True)
    edit.setMaximumHeight(edit.fontMetrics().lineSpacing() * 5 + 12)
    return edit


def file_error_text(exc: Exception) -> str:
    """A refused file in the words of its rules (the file name is in each sentence already)."""
    if isinstance(exc, ValidationFailed):
        return "\n".join(rule_text(e.rule, e.params) for e in exc.errors)
    return error_text(exc)


def size_text(size: int) -> str:
    return f"{size / 1024:.0f} KB" if size < 1024 * 1024 else f"{size / 1048576:.1f} MB"
