"""Helpers the prevention pages and dialogs share: the employer picker, rules asked of a service while typing,
text boxes, date and file checks."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QComboBox, QPlainTextEdit

from injury_desk.domain.errors import DomainError, FieldError, ValidationFailed
from injury_desk.ui.messages import error_text, rule_text
from injury_desk.ui.operations import QueryOp, show_failure

ACTION_DUE_DAYS = 30  # the usual time given to fix a finding; the user changes it as needed
# What the file dialogs offer; the service decides what it accepts.
FILE_FILTER_SUFFIXES = "*.jpg *.jpeg *.png *.gif *.bmp *.webp *.tif *.tiff *.heic *.pdf *.txt *.doc *.docx *.xls *.xlsx *.odt *.ods"
EMPLOYER_LIMIT = 5000  # the employer pickers list this many by name; an office has far fewer


class EmployerChoices(QObject):
    """Fills an employer picker with the office's employers by name, read off the GUI thread, after a first
    entry with no employer (``None``) saying what to do. A choice made before the list arrives (an editor
    showing its record, a wizard opened for one employer) is applied when it does; ``ready`` says whether it
    has, and ``loaded`` is emitted then."""

    loaded = Signal()

    def __init__(self, combo: QComboBox, env, first_text: str) -> None:
        super().__init__(combo)
        self.combo = combo
        self.first_text = first_text
        self.ready = False
        self.wanted: str | None = None
        combo.addItem(QCoreApplication.translate("EmployerChoices", "Loading employers…"), None)
        actor = env.actor

        def query(services) -> list[tuple[str, str]]:
            employers = services.employers.search(actor, "", limit=EMPLOYER_LIMIT)
            return [(e.name, e.id) for e in sorted(employers, key=lambda e: e.name)]

        QueryOp(combo, env, query=query, success=self._fill).failure(self._failed).run()

    def select(self, employer_id: str | None) -> None:
        """Choose ``employer_id`` now, or as soon as the list is there."""
        if self.ready:
            self.combo.setCurrentIndex(max(0, self.combo.findData(employer_id)))
        else:
            self.wanted = employer_id

    def _failed(self, exc: Exception) -> None:
        if not isinstance(exc, DomainError):  # a program error goes to the one handler; the form still works
            show_failure(self.combo, exc)
        self._fill([])

    def _fill(self, employers: list[tuple[str, str]]) -> None:
        # A list that could not be read leaves the first entry alone: the service names the missing employer on OK.
        self.combo.setItemText(0, self.first_text)
        for name, employer_id in employers:
            self.combo.addItem(name, employer_id)
        self.ready = True
        if self.wanted is not None:
            self.select(self.wanted)
        self.loaded.emit()


class WaitsForEmployers:
    """For a FormDialog with ``self.employers`` (EmployerChoices): OK stays disabled until the list is there,
    so that an editor never saves its record's employer as "none" because the picker was still empty."""

    def revalidate(self):
        errors = super().revalidate()  # type: ignore[misc]
        choices = getattr(self, "employers", None)
        if choices is None or not choices.ready:
            self.ok_button.setEnabled(False)  # type: ignore[attr-defined]
        return errors


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


class LiveCheck(QObject):
    """Rules only a service can tell (an employer of this office), asked off the GUI thread as the user types.

    ``errors(key, query)`` gives the errors the service found for ``key`` (the values checked, hashable),
    or None while that answer is on its way; ``answered`` is emitted when one arrives, and the form then asks
    again. A form shows the last errors it had meanwhile and does not let the user go on until the answer is
    there."""

    answered = Signal()
    KEEP = 256  # answers remembered; typing back to an earlier value needs no new question

    def __init__(self, parent: QObject, env) -> None:
        super().__init__(parent)
        self.env = env
        self.answers: dict[Any, list[FieldError]] = {}
        self.asked: set[Any] = set()

    def errors(self, key: Any, query: Callable[[Any], list[FieldError]]) -> list[FieldError] | None:
        if key in self.answers:
            return self.answers[key]
        if key not in self.asked:
            self.asked.add(key)
            QueryOp(self.parent(), self.env, query=query,
                    success=lambda errors: self._answer(key, errors)).failure(
                lambda exc: self._failed(key, exc)).run()
        return None

    def _answer(self, key: Any, errors: list[FieldError]) -> None:
        if len(self.answers) >= self.KEEP:
            self.answers.clear()
        self.asked.discard(key)
        self.answers[key] = errors
        self.answered.emit()

    def _failed(self, key: Any, exc: Exception) -> None:
        # A refusal (no permission) is said again by the service on saving; anything else is a program error.
        if not isinstance(exc, DomainError):
            show_failure(self.parent(), exc)
        self._answer(key, [])
