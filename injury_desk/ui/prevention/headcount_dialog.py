"""An employer's headcount by year, with its source: the list, and a form to record or correct one year."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QSpinBox

from injury_desk.domain.errors import FieldError
from injury_desk.domain.prevention import FIRST_YEAR, MAX_HEADCOUNT
from injury_desk.placeholders import arg
from injury_desk.services.employer_headcounts import HeadcountView
from injury_desk.ui.messages import error_text
from injury_desk.ui.form_dialog import FormDialog
from injury_desk.ui.row_table import Column, RowTable, RowTableModel, section_label
from injury_desk.ui.operations import Changes, CollectionOp, QueryOp


class HeadcountDialog(FormDialog):
    """Records the headcount of a year; choosing a recorded year (or its row) corrects that year's figure."""

    changes = Changes(employers=True)

    def __init__(self, env, employer_id: str, employer_name: str, parent=None) -> None:
        super().__init__(env, "", parent)
        self.setWindowTitle(arg(self.tr("Headcount by year: %1"), employer_name))
        self.employer_id = employer_id
        self.history: list[HeadcountView] = []
        self.loading = True  # OK waits for the recorded years: a correction needs the year's edit token
        self.model = RowTableModel([
            Column(self.tr("Year"), lambda h: h.year),
            Column(self.tr("Workers"), lambda h: h.headcount, right=True),
            Column(self.tr("Source"), lambda h: h.source),
        ], self)
        self.table = RowTable(self.model)
        self.table.setMinimumHeight(160)
        self.remove_button = QPushButton(self.tr("&Remove year"))
        self.remove_button.setEnabled(False)
        self.note = QLabel(self.tr("A year's injury rates use that year's headcount; a year without one has no rate, "
                                   "and the employer is left out of its group's rates for that year."))
        self.note.setWordWrap(True)
        head = QHBoxLayout()
        head.addWidget(section_label(self.tr("Recorded years")), 1)  # the row's slack: one line, not two
        head.addWidget(self.remove_button)
        self.layout().insertLayout(0, head)
        self.layout().insertWidget(1, self.table)
        self.layout().insertWidget(2, self.note)

        this_year = env.today().year
        self.year_spin = QSpinBox()
        self.year_spin.setRange(FIRST_YEAR, this_year)
        self.year_spin.setValue(this_year)
        self.add_field("year", self.tr("&Year"), self.year_spin)
        self.headcount_spin = QSpinBox()
        self.headcount_spin.setRange(0, MAX_HEADCOUNT)
        self.headcount_spin.setSpecialValueText(self.tr("— enter —"))
        self.add_field("headcount", self.tr("&Workers"), self.headcount_spin)
        self.source_edit = self.add_field("source", self.tr("&Source"), QLineEdit())
        self.source_edit.setPlaceholderText(self.tr("e.g. insured workers in the social insurance system"))

        self.table.selectionModel().selectionChanged.connect(lambda *_: self._picked())
        self.year_spin.valueChanged.connect(lambda _v: self._year_changed())
        self.remove_button.clicked.connect(self.remove)
        self.load()
        self.revalidate()

    def load(self) -> None:
        """Read the recorded years off the GUI thread; the dialog is shown meanwhile, OK waits for them."""
        actor, employer_id = self.env.actor, self.employer_id
        QueryOp(self, self.env, query=lambda services: services.headcounts.list(actor, employer_id),
                success=self._loaded).failure(self._load_failed).run()

    def _load_failed(self, exc: Exception) -> None:
        # Recording a new year still works; the service refuses a year already recorded, saying so.
        self.loading = False
        self.revalidate()
        self.set_banner(error_text(exc))

    def _loaded(self, history: list[HeadcountView]) -> None:
        self.loading = False
        self.history = history
        self.table.set_rows(self.history)
        self._year_changed()
        self.revalidate()

    def recorded(self) -> HeadcountView | None:
        return next((h for h in self.history if h.year == self.value("year")), None)

    def _picked(self) -> None:
        h = self.table.current()
        self.remove_button.setEnabled(h is not None)
        if h is not None:
            self.year_spin.setValue(h.year)

    def _year_changed(self) -> None:
        h = self.recorded()
        if h is not None:
            self.headcount_spin.setValue(h.headcount)
            self.source_edit.setText(h.source)
        self.ok_button.setText(self.tr("Correct year") if h is not None else self.tr("Record year"))

    def revalidate(self) -> list[FieldError]:
        errors = super().revalidate()
        if self.loading:
            self.ok_button.setEnabled(False)
        return errors

    def check(self) -> list[FieldError]:
        errors = self.required_errors("source")
        if self.headcount_spin.value() < 1:
            errors.append(FieldError("headcount", "field.range", {"min": 1, "max": MAX_HEADCOUNT,
                                                                    "value": self.headcount_spin.value()}))
        return errors

    def save(self) -> str:
        h = self.recorded()
        return self.env.services.headcounts.record(self.env.actor, self.employer_id, self.values(),
                                                   token=h.token if h is not None else None)

    def remove(self) -> None:
        h = self.table.current()
        if h is None:
            return
        actor = self.env.actor
        self.remove_button.setEnabled(False)

        def failed(exc: Exception) -> None:
            self.set_banner(error_text(exc))
            self.remove_button.setEnabled(self.table.current() is not None)

        CollectionOp(self, self.env, op=lambda services: services.headcounts.remove(actor, h.id, token=h.token),
                     changes=self.changes, success=lambda _r: self.load()).failure(failed).run()
