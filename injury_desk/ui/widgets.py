"""Small shared widgets: a form row with its error label, date edits, and error display helpers."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, QDate, Qt
from PySide6.QtWidgets import QDateEdit, QLabel, QMessageBox, QVBoxLayout, QWidget

from injury_desk.domain.errors import FieldError
from injury_desk.ui.messages import error_text, rule_text


class ErrorLabel(QLabel):
    """The broken rule shown directly under its field (red text, hidden when the field is fine)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setStyleSheet("color: #b00020;")
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.hide()

    def show_errors(self, errors: list[FieldError]) -> None:
        if errors:
            self.setText("\n".join(rule_text(e.rule, e.params) for e in errors))
            self.show()
        else:
            self.clear()
            self.hide()


def with_error(field: QWidget, error: ErrorLabel) -> QWidget:
    """Stack a field and its error label so a QFormLayout row holds both."""
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(2)
    layout.addWidget(field)
    layout.addWidget(error)
    return box


def date_edit(value: date | None = None, parent: QWidget | None = None) -> QDateEdit:
    edit = QDateEdit(parent)
    # Qt's own earliest is 1752-09-14; nothing this application records is older than 1900 (the earliest birth
    # date an ID number may hold, domain/identifiers.py).
    edit.setMinimumDate(QDate(1900, 1, 1))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setDate(to_qdate(value or date.today()))
    return edit


def to_qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


def from_qdate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def show_error(parent: QWidget, exc: BaseException, title: str | None = None) -> None:
    QMessageBox.warning(parent, title or QCoreApplication.translate("Widgets", "Not saved"), error_text(exc))
