"""One form for each fact that starts, pauses or stops a claim's clocks (the Deadlines tab's Record menu)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLineEdit, QListWidget, QListWidgetItem, QPlainTextEdit, QSpinBox

from injury_desk.domain.errors import FieldError
from injury_desk.ui.operations import Changes, QueryOp
from injury_desk.ui.messages import field_label, labels
from injury_desk.ui.form_dialog import FormDialog
from injury_desk.ui.widgets import date_edit


@dataclass(frozen=True)
class Field:
    kind: str  # date, text, long_text, choice, months, documents
    key: str
    options: str = ""  # the catalogue label group of a choice
    required: bool = True


@dataclass(frozen=True)
class Action:
    """A menu entry of the Deadlines tab: the statuses it applies to, its fields and the service call."""

    key: str
    statuses: tuple[str, ...]
    fields: tuple[Field, ...]
    call: Callable[[Any, Any, str, dict[str, Any]], Any]  # (services, actor, claim_id, values)
    permission: str = "claim.edit"


def _open_statuses() -> tuple[str, ...]:
    return ("reported", "application_received", "determination", "appraisal", "assessment", "payment")


ACTIONS: tuple[Action, ...] = (
    Action("record_diagnosis", ("reported", "application_received"), (Field("date", "diagnosed_on"),),
           lambda sv, a, c, v: sv.clocks.record_diagnosis(a, c, v)),
    Action("approve_employer_extension", ("reported",),
           (Field("date", "extended_to"), Field("text", "reference")),
           lambda sv, a, c, v: sv.clocks.approve_employer_extension(a, c, v), "claim.decide"),
    Action("request_documents", ("application_received",),
           (Field("date", "requested_on"), Field("documents", "documents")),
           lambda sv, a, c, v: sv.clocks.request_documents(a, c, v), "claim.decide"),
    Action("documents_complete", ("application_received",), (Field("date", "completed_on"),),
           lambda sv, a, c, v: sv.clocks.documents_complete(a, c, v)),
    Action("not_accept", ("application_received",),
           (Field("date", "not_accepted_on"), Field("long_text", "reason")),
           lambda sv, a, c, v: sv.clocks.not_accept(a, c, v), "claim.decide"),
    Action("start_suspension", ("determination",), (Field("date", "started_on"), Field("long_text", "reason")),
           lambda sv, a, c, v: sv.clocks.start_suspension(a, c, v), "claim.decide"),
    Action("end_suspension", ("determination",), (Field("date", "ended_on"),),
           lambda sv, a, c, v: sv.clocks.end_suspension(a, c, v), "claim.decide"),
    Action("record_delivery", _open_statuses() + ("closed",),
           (Field("delivered", "document_kind"), Field("date", "delivered_on"),
            Field("choice", "recipient", "recipient"), Field("text", "recipient_name", required=False)),
           lambda sv, a, c, v: sv.clocks.record_delivery(a, c, v)),
    Action("request_reappraisal", ("appraisal", "assessment", "payment"),
           (Field("date", "requested_on"), Field("long_text", "reason")),
           lambda sv, a, c, v: sv.decisions.request_reappraisal(a, c, v)),
    Action("start_stop_work", _open_statuses(), (Field("date", "started_on"),),
           lambda sv, a, c, v: sv.clocks.start_stop_work(a, c, v)),
    Action("extend_stop_work", _open_statuses(), (Field("months", "months"), Field("text", "reference")),
           lambda sv, a, c, v: sv.clocks.extend_stop_work(a, c, v), "claim.decide"),
    Action("end_stop_work", _open_statuses(), (Field("date", "ended_on"),),
           lambda sv, a, c, v: sv.clocks.end_stop_work(a, c, v)),
    Action("record_new_conclusion", ("assessment", "payment"),
           (Field("choice", "kind", "reappraisal_kind"), Field("date", "requested_on"), Field("date", "appraised_on"),
            Field("grade", "disability_grade", required=False), Field("choice", "nursing_level", "nursing_level")),
           lambda sv, a, c, v: sv.reappraisals.record_conclusion(a, c, v)),
)
ACTIONS += (
    Action("record_death", _open_statuses(), (Field("date", "death_date"),),
           # after an approved assessment this proposes the death's assessment too (Art. 39)
           lambda sv, a, c, v: sv.assessments.record_death(a, c, v)),
)
ACTION_BY_KEY = {a.key: a for a in ACTIONS}


class RecordDialog(FormDialog):
    """The fields of one Action; OK calls its service on the writer thread and refreshes the claims."""

    changes = Changes(claims=True)

    def __init__(self, env, action: Action, claim_id: str, title: str, parent=None) -> None:
        super().__init__(env, title, parent)
        self.action = action
        self.claim_id = claim_id  # before the fields: the delivery choice lists the claim's documents
        for f in action.fields:
            self.add_field(f.key, field_label(f.key), self._widget(f))
        self.revalidate()

    def _widget(self, f: Field):
        if f.kind == "date":
            return date_edit(self.env.today())
        if f.kind == "text":
            return QLineEdit()
        if f.kind == "long_text":
            edit = QPlainTextEdit()
            edit.setMaximumHeight(90)
            return edit
        if f.kind == "choice":
            combo = QComboBox()
            for code, text in labels(f.options).items():
                if code is not None:  # a group's word for "no value" is not a choice
                    combo.addItem(text, code)
            return combo
        if f.kind == "delivered":
            # What was delivered: a numbered document this office issued, or the committee's conclusion.
            combo = QComboBox()
            kinds = labels("document_kind")
            for code in ("appraisal_conclusion", "reappraisal_conclusion"):
                combo.addItem(kinds[code], ("document_kind", code))
            actor, claim_id = self.env.actor, self.claim_id

            def listed(documents) -> None:  # the claim's issued documents come first, chosen unless one was picked
                untouched = combo.currentIndex() == 0
                for i, doc in enumerate(documents):
                    combo.insertItem(i, f"{doc.number} — {kinds.get(doc.kind, doc.kind)}", ("document_id", doc.id))
                if untouched and documents:
                    combo.setCurrentIndex(0)

            QueryOp(combo, self.env, query=lambda services: services.decisions.documents(actor, claim_id),
                    success=listed).run()
            return combo
        if f.kind == "grade":  # 0 shows "no grade" (a conclusion may find no disability)
            spin = QSpinBox()
            spin.setRange(0, 10)
            spin.setSpecialValueText(self.tr("no grade"))
            return spin
        if f.kind == "months":
            spin = QSpinBox()
            spin.setRange(13, 24)
            spin.setSuffix(" " + self.tr("months"))
            return spin
        box = QListWidget()  # documents: the one notice lists every missing document
        for code, text in labels("document_type").items():
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, code)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            box.addItem(item)
        box.itemChanged.connect(lambda _i: (self.touched.add(f.key), self.revalidate()))
        box.setMaximumHeight(150)
        return box

    def read(self, key: str) -> Any:
        widget = self.fields[key][0]
        if isinstance(widget, QListWidget):
            return [widget.item(i).data(Qt.ItemDataRole.UserRole) for i in range(widget.count())
                    if widget.item(i).checkState() == Qt.CheckState.Checked]
        return super().read(key)

    def check(self) -> list[FieldError]:
        return [FieldError(f.key, "field.required") for f in self.action.fields
                if f.required and self.value(f.key) in (None, "", [])]

    def shape(self, values: dict[str, Any]) -> dict[str, Any]:
        for f in self.action.fields:
            if f.kind == "grade" and values.get(f.key) == 0:
                values[f.key] = None
        for f in self.action.fields:
            if f.kind == "delivered":  # (key, value): the issued document's id, or the conclusion's kind
                key, value = values.pop(f.key)
                values[key] = value
        return values

    def save(self) -> Any:
        return self.action.call(self.env.services, self.env.actor, self.claim_id, self.values())
