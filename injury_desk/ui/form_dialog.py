"""Editing dialogs: a form of labelled fields with their live rules, and the money rules."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from injury_desk.domain.errors import FieldError, ValidationFailed
from injury_desk.domain.money import MAX_AMOUNT, AmountError, parse_amount
from injury_desk.placeholders import arg
from injury_desk.ui.messages import error_text, field_label, labelled, rule_text
from injury_desk.ui.operations import Changes, CollectionOp
from injury_desk.ui.row_table import error_label

@dataclass(frozen=True)
class _Sent:
    """What OK sent to save(), read on the GUI thread at the click: each field as ``value()`` reads it, and the
    form's ``values()`` (shaped by the editor)."""

    fields: dict[str, Any]
    values: dict[str, Any]


class FormDialog(QDialog):
    """A dialog of labelled fields, each with a red rule line under it; OK stays disabled while a rule is broken.

    Subclasses add fields with ``add_field``, implement ``check()`` (the live rules) and ``save()`` (the
    service call run off the GUI thread), and may override ``shape()`` (what ``values()`` sends) and ``read()``
    (a widget kind of their own). Rules show only for fields the user has touched, so an empty new form is not a
    wall of red; OK still counts every rule.
    """

    changes = Changes()  # what a successful save announces on the bus

    def __init_subclass__(cls, **kwargs) -> None:
        super().__init_subclass__(**kwargs)
        if "bus_topic" in cls.__dict__:  # a string topic would be ignored without a word: refuse it at import
            raise TypeError(f"{cls.__name__}: bus_topic was replaced by changes = Changes(...) (ui/operations.py)")

    def __init__(self, env, title: str, parent=None) -> None:
        super().__init__(parent)
        self.env = env
        self._gui_thread = threading.get_ident()
        self._sent: _Sent | None = None  # while a save runs: what OK sent to it
        self.setWindowTitle(title)
        self.setModal(True)
        self.fields: dict[str, tuple[QWidget, QLabel]] = {}
        self.touched: set[str] = set()
        self.saving = False
        self.result_value: Any = None
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.banner = error_label()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self._ok)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.banner)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(480)

    @property
    def ok_button(self):
        return self.buttons.button(QDialogButtonBox.StandardButton.Ok)

    # ---------------------------------------------------------------- fields

    def add_field(self, key: str, label: str, widget: QWidget) -> QWidget:
        holder = QWidget()
        box = QVBoxLayout(holder)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(2)
        box.addWidget(widget)
        err = error_label()
        err.setObjectName(f"error_{key}")
        box.addWidget(err)
        # "Paid on:" / "支付日期：", as the step dialogs and wizards write their labels (the colon is the language's).
        self.form.addRow(arg(QCoreApplication.translate("FormDialog", "%1:"), label), holder)
        self.form.labelForField(holder).setBuddy(widget)
        self.fields[key] = (widget, err)
        self._watch(key, widget)
        return widget

    def _watch(self, key: str, widget: QWidget) -> None:
        def changed(*_args, k=key):
            self.touched.add(k)
            self.revalidate()

        if isinstance(widget, QLineEdit):
            widget.textChanged.connect(changed)
        elif isinstance(widget, QPlainTextEdit):
            widget.textChanged.connect(changed)
        elif isinstance(widget, QComboBox):
            widget.currentIndexChanged.connect(changed)
        elif isinstance(widget, QDateEdit):
            widget.dateChanged.connect(changed)
        elif isinstance(widget, QSpinBox):
            widget.valueChanged.connect(changed)
        elif isinstance(widget, QCheckBox):
            widget.toggled.connect(changed)

    def _sent_here(self) -> _Sent | None:
        """The snapshot, when asked from the writer thread during a save; None on the GUI thread."""
        # save() runs on the writer thread: it gets the values as they were when OK was pressed, never a
        # widget (widgets belong to the GUI thread, and the user may type on, or close the dialog, meanwhile).
        # On the GUI thread a value is the widget's, as ever.
        sent = self._sent
        return sent if sent is not None and threading.get_ident() != self._gui_thread else None

    def value(self, key: str) -> Any:
        sent = self._sent_here()
        return sent.fields[key] if sent is not None else self.read(key)

    def read(self, key: str) -> Any:
        """The field's value from its widget (GUI thread only); override for a widget kind of your own."""
        widget = self.fields[key][0]
        if isinstance(widget, QLineEdit):
            return widget.text()
        if isinstance(widget, QPlainTextEdit):
            return widget.toPlainText()
        if isinstance(widget, QComboBox):
            return widget.currentData()
        if isinstance(widget, QDateEdit):
            return widget.date().toString(Qt.DateFormat.ISODate)
        if isinstance(widget, QSpinBox):
            return widget.value()
        if isinstance(widget, QCheckBox):
            return widget.isChecked()
        raise TypeError(type(widget))

    def values(self) -> dict[str, Any]:
        """What save() sends to its service: every field, as ``shape()`` leaves them."""
        sent = self._sent_here()
        if sent is not None:
            return dict(sent.values)
        return self.shape({k: self.value(k) for k in self.fields})

    def shape(self, values: dict[str, Any]) -> dict[str, Any]:
        """Override: drop or reword the fields that do not apply (read on the GUI thread, widgets allowed)."""
        return values

    def required_errors(self, *keys: str) -> list[FieldError]:
        return [FieldError(k, "field.required") for k in keys if self.value(k) in (None, "")]

    # ---------------------------------------------------------------- rules

    def check(self) -> list[FieldError]:
        """The rules that can be checked while typing; override."""
        return []

    def show_errors(self, errors: list[FieldError], *, all_fields: bool = False) -> None:
        by_field: dict[str, list[str]] = {}
        stray: list[str] = []
        for e in errors:
            key = e.field.rsplit(".", 1)[-1]
            text = rule_text(e.rule, e.params)
            if key in self.fields:
                by_field.setdefault(key, []).append(text)
            else:
                stray.append(labelled(field_label(e.field), text))
        for key, (_widget, label) in self.fields.items():
            texts = by_field.get(key, [])
            visible = bool(texts) and (all_fields or key in self.touched)
            label.setText("\n".join(texts) if visible else "")
            label.setVisible(visible)
        if stray and all_fields:
            self.set_banner("\n".join(stray))

    def set_banner(self, text: str) -> None:
        self.banner.setText(text)
        self.banner.setVisible(bool(text))

    def revalidate(self) -> list[FieldError]:
        errors = self.check()
        self.show_errors(errors)
        if not self.saving:
            self.set_banner("")
        self.ok_button.setEnabled(not errors and not self.saving)
        return errors

    # ---------------------------------------------------------------- saving

    def save(self) -> Any:
        """Runs on the writer thread: call the service and return what it returned (each editor defines it)."""
        raise TypeError(f"{type(self).__name__} must define save()")

    def _ok(self) -> None:
        errors = self.check()
        if errors:
            self.show_errors(errors, all_fields=True)
            self.ok_button.setEnabled(False)
            return
        self.saving = True
        self.ok_button.setEnabled(False)
        # save() is each editor's call of its service; the op runs it on the writer thread and announces
        # self.changes once it succeeded (also if the dialog was closed meanwhile). The fields are read here,
        # on the GUI thread: while the save runs, value() and values() answer there with what they held now.
        self._sent = _Sent({k: self.value(k) for k in self.fields}, self.values())
        CollectionOp(self, self.env, op=lambda _services: self.save(), changes=self.changes,
                     success=self._saved).failure(self._failed).run()

    def _saved(self, result: Any) -> None:
        self._sent = None
        self.saving = False
        self.result_value = result
        self.accept()

    def _failed(self, exc: Exception) -> None:
        self._sent = None
        self.saving = False
        if isinstance(exc, ValidationFailed):
            self.touched.update(self.fields)
            self.show_errors(exc.errors, all_fields=True)
            shown = {e.field.rsplit(".", 1)[-1] for e in exc.errors} & set(self.fields)
            if len(shown) < len(exc.errors):
                self.set_banner(error_text(exc))
        else:
            self.set_banner(error_text(exc))
        self.ok_button.setEnabled(True)


def money_errors(key: str, text: str, *, required: bool) -> list[FieldError]:
    """The service's money rules, checked while typing so OK can stay disabled."""
    text = (text or "").strip()
    if not text:
        return [FieldError(key, "field.required")] if required else []
    try:
        amount = parse_amount(text, grouping=True)
    except AmountError as exc:
        return [FieldError(key, exc.rule, {"value": text, "max": str(MAX_AMOUNT)})]
    if amount < 0:
        return [FieldError(key, "money.negative", {"value": str(amount)})]
    if amount != amount.quantize(amount.__class__("0.01")):
        return [FieldError(key, "money.fen_precision", {"value": text})]
    return []
