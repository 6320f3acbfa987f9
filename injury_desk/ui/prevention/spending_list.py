"""The funded projects and publicity spends of the office (training has its own page), with an editor; every
one of them counts against the prevention spending cap."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from injury_desk.domain.errors import FieldError
from injury_desk.services.permissions import allowed
from injury_desk.services.prevention_spending import SpendView
from injury_desk.ui.messages import error_text
from injury_desk.ui.operations import Changes, CollectionOp, QueryOp
from injury_desk.ui.form_dialog import FormDialog
from injury_desk.ui.widgets import date_edit
from injury_desk.ui.row_table import Column, RowTable, RowTableModel, error_label, section_label


def kind_labels() -> dict[str, str]:
    return {"project": QCoreApplication.translate("SpendingList", "Funded project"),
            "publicity": QCoreApplication.translate("SpendingList", "Publicity")}


class SpendDialog(FormDialog):
    """Records a funded project or a publicity spend (``spend is None``) or edits one."""

    changes = Changes(spending=True)

    def __init__(self, env, spend: SpendView | None = None, parent=None) -> None:
        super().__init__(env, "", parent)
        self.setWindowTitle(self.tr("New prevention spend") if spend is None else self.tr("Edit prevention spend"))
        self.spend = spend
        self.kind_combo = QComboBox()
        for key, text in kind_labels().items():
            self.kind_combo.addItem(text, key)
        self.add_field("kind", self.tr("&Kind"), self.kind_combo)
        self.title_edit = self.add_field("title", self.tr("&Title"), QLineEdit())
        self.date_edit = self.add_field("spent_on", self.tr("&Date"), date_edit(env.today()))
        self.amount_edit = self.add_field("amount", self.tr("&Amount (yuan)"), QLineEdit())
        self.reference_edit = self.add_field("reference", self.tr("&Contract or approval no."), QLineEdit())
        if spend is not None:
            self.kind_combo.setCurrentIndex(max(0, self.kind_combo.findData(spend.kind)))
            self.title_edit.setText(spend.title)
            self.date_edit.setDate(QDate(spend.spent_on.year, spend.spent_on.month, spend.spent_on.day))
            self.amount_edit.setText(str(spend.amount))
            self.reference_edit.setText(spend.reference)
            self.touched.update(self.fields)
        self.revalidate()

    def check(self) -> list[FieldError]:
        return self.required_errors("title", "amount")

    def save(self) -> str:
        services, actor, data = self.env.services, self.env.actor, self.values()
        if self.spend is None:
            return services.prevention_spending.add(actor, data)
        services.prevention_spending.update(actor, self.spend.id, data, token=self.spend.token)
        return self.spend.id


class SpendingList(QWidget):
    """The office's project and publicity spends, newest first, with New / Edit / Remove."""

    def __init__(self, env, parent=None) -> None:
        super().__init__(parent)
        self.env = env
        self.dialog: SpendDialog | None = None
        kinds = kind_labels()
        self.model = RowTableModel([
            Column(self.tr("Date"), lambda s: s.spent_on),
            Column(self.tr("Kind"), lambda s: kinds.get(s.kind, s.kind)),
            Column(self.tr("Title"), lambda s: s.title),
            Column(self.tr("Amount (yuan)"), lambda s: s.amount, right=True),
            Column(self.tr("Contract or approval no."), lambda s: s.reference),
        ], self)
        self.table = RowTable(self.model)
        self.new_button = QPushButton(self.tr("&New spend…"))
        self.edit_button = QPushButton(self.tr("Edi&t…"))
        self.remove_button = QPushButton(self.tr("&Remove"))
        editable = allowed(env.actor, "prevention.edit")
        for b in (self.new_button, self.edit_button, self.remove_button):
            b.setVisible(editable)
        self.error = error_label()
        top = QHBoxLayout()
        # the heading takes the row's slack: a wrapping label next to a stretch would be squeezed onto two lines
        top.addWidget(section_label(self.tr("Funded projects and publicity")), 1)
        for b in (self.new_button, self.edit_button, self.remove_button):
            top.addWidget(b)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addLayout(top)
        box.addWidget(QLabel(self.tr("Training sessions are recorded on the Training page with their cost.")))
        box.addWidget(self.error)
        box.addWidget(self.table, 1)
        self.new_button.clicked.connect(lambda: self._open(None))
        self.edit_button.clicked.connect(lambda: self._open(self.table.current()))
        self.remove_button.clicked.connect(self.remove)
        self.table.activated.connect(lambda _i: self._open(self.table.current()) if editable else None)
        env.bus.changed.connect(lambda changes: self.refresh() if changes.prevention else None)
        self.refresh()

    def refresh(self) -> None:
        """Read the list off the GUI thread; it keeps what it showed until the answer is there."""
        actor = self.env.actor
        QueryOp(self, self.env, query=lambda services: services.prevention_spending.list(actor),
                success=self._loaded).failure(self._show_error).run()

    def _loaded(self, rows: list[SpendView]) -> None:
        self.table.set_rows(rows)
        self.error.setVisible(False)

    def _show_error(self, exc: Exception) -> None:
        self.error.setText(error_text(exc))
        self.error.setVisible(True)

    def _open(self, spend: SpendView | None) -> None:
        if spend is None and self.sender() is self.edit_button:
            return
        self.dialog = SpendDialog(self.env, spend, self)
        self.dialog.open()

    def remove(self) -> None:
        spend: Any = self.table.current()
        if spend is None:
            return
        actor = self.env.actor
        CollectionOp(self, self.env,
                     op=lambda services: services.prevention_spending.remove(actor, spend.id, token=spend.token),
                     changes=Changes(spending=True)).failure(self._show_error).run()
