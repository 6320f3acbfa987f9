"""Prevention → Employers: find employers, create and edit them, and see each one's prevention record."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from injury_desk.domain.identifiers import mask_credit_code
from injury_desk.placeholders import arg
from injury_desk.services.employer_rows import EmployerView, employer_list
from injury_desk.services.permissions import allowed
from injury_desk.ui.messages import error_text, labels, status_label
from injury_desk.ui.permissions import permit
from injury_desk.ui.row_table import Column, RowTable, RowTableModel, error_label
from injury_desk.ui.operations import Changes, QueryOp

if TYPE_CHECKING:
    from injury_desk.ui.prevention.employer_dialog import EmployerDialog

SEARCH_DELAY_MS = 200
SEARCH_LIMIT = 5000
REFRESH_ON = ("employers", "prevention", "claims")


class EmployersPage(QWidget):
    """The employer list with search and filters, an editor dialog, and the selected employer's overview; every
    read runs off the GUI thread, but for the list's while the window opens from the quick start.

    Its module loads no SQLAlchemy (the editor's does, when it opens), so the window can reopen on this page
    before the full services are up: the list and the industry choices are then read on the spot from the quick
    start's connection, by the very function the service runs (services.employer_rows.employer_list), and the
    overview waits for the services."""

    def __init__(self, env, parent=None) -> None:
        super().__init__(parent)
        self.env = env
        self.dialog = None  # the open editor or wizard (kept so it is not collected)
        self._shown_id: str | None = None  # the employer whose overview the pane shows
        self._select_after: str | None = None  # selected when the list next arrives (just saved)
        self._opening = False  # an editor's record is being read
        self.first_shown = False  # the list and the industry choices show their rows (bench/startup_pages.py)
        self._pending = {"list", "industries"}  # what has yet to be shown for the first time

        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(self.tr("Name or credit code"))
        self.search_edit.setClearButtonEnabled(True)
        search_label = QLabel(self.tr("&Search:"))
        search_label.setBuddy(self.search_edit)
        self.industry_combo = QComboBox()
        self.industry_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        industry_label = QLabel(self.tr("&Industry:"))
        industry_label.setBuddy(self.industry_combo)
        self.risk_combo = QComboBox()
        self.risk_combo.addItem(self.tr("All"), None)
        for n in range(1, 9):
            self.risk_combo.addItem(arg(self.tr("Class %1"), n), n)
        risk_label = QLabel(self.tr("&Risk class:"))
        risk_label.setBuddy(self.risk_combo)
        self.new_button = QPushButton(self.tr("&New employer…"))
        self.edit_button = QPushButton(self.tr("&Edit…"))
        self.edit_button.setEnabled(False)
        self.inspect_button = QPushButton(self.tr("&Inspect…"))
        self.inspect_button.setToolTip(self.tr("Open the inspection wizard for the selected employer"))
        self.inspect_button.setEnabled(False)
        self.headcount_button = QPushButton(self.tr("Head&counts…"))
        self.headcount_button.setToolTip(self.tr("The selected employer's headcount by year, the denominator of "
                                                 "its injury rates"))
        self.headcount_button.setEnabled(False)

        top = QHBoxLayout()
        top.addWidget(search_label)
        top.addWidget(self.search_edit, 2)
        top.addWidget(industry_label)
        top.addWidget(self.industry_combo)
        top.addWidget(risk_label)
        top.addWidget(self.risk_combo)
        top.addStretch(1)
        permit(self.new_button, env.actor, "employer.edit")
        top.addWidget(self.new_button)
        top.addWidget(self.edit_button)
        top.addWidget(self.inspect_button)
        top.addWidget(self.headcount_button)

        self.model = RowTableModel([
            Column(self.tr("Name"), lambda e: e.name),
            Column(self.tr("Credit code"), lambda e: e.credit_code, text=lambda e: mask_credit_code(e.credit_code)),
            Column(self.tr("Industry"), lambda e: e.industry),
            Column(self.tr("Risk class"), lambda e: e.risk_class, right=True),
            Column(self.tr("Headcount"), lambda e: e.headcount, right=True),
        ], self)
        self.table = RowTable(self.model)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.count_label = QLabel()
        self.error = error_label()
        self.detail = QTextBrowser()
        self.detail.setOpenLinks(False)
        self.detail.setPlaceholderText(self.tr("Select an employer to see its overview."))

        left = QWidget()
        left_box = QVBoxLayout(left)
        left_box.setContentsMargins(0, 0, 0, 0)
        left_box.addWidget(self.table)
        left_box.addWidget(self.count_label)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.error)
        layout.addWidget(splitter, 1)

        self.setTabOrder(self.search_edit, self.industry_combo)
        self.setTabOrder(self.industry_combo, self.risk_combo)
        self.setTabOrder(self.risk_combo, self.new_button)
        self.setTabOrder(self.new_button, self.edit_button)
        self.setTabOrder(self.edit_button, self.inspect_button)
        self.setTabOrder(self.inspect_button, self.headcount_button)
        self.setTabOrder(self.headcount_button, self.table)
        self.setTabOrder(self.table, self.detail)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.load_list)
        self.search_edit.textChanged.connect(lambda _t: self._search_timer.start())
        self.industry_combo.currentIndexChanged.connect(lambda _i: self.load_list())
        self.risk_combo.currentIndexChanged.connect(lambda _i: self.load_list())
        self.new_button.clicked.connect(self.new_employer)
        self.edit_button.clicked.connect(self.edit_employer)
        self.inspect_button.clicked.connect(self.inspect_employer)
        self.headcount_button.clicked.connect(self.edit_headcounts)
        self.table.activated.connect(lambda _index: self.edit_employer())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._selection_changed())
        env.bus.changed.connect(self._on_changed)
        if not env.services_ready:
            env.when_services(self._services_up)
        self.refresh()

    # ---------------------------------------------------------------- loading

    def refresh(self) -> None:
        """Reload the industry choices, the list and the selected employer's overview (off the GUI thread once
        the full services are up; before, the industries and the list come from the quick start)."""
        self._load_industries()
        self.load_list()

    def _filters(self) -> tuple[str, str, int | None]:
        return self.search_edit.text(), self.industry_combo.currentData() or "", self.risk_combo.currentData()

    def _load_industries(self) -> None:
        actor = self.env.actor

        def industries(everyone: list[EmployerView]) -> list[str]:
            return sorted({e.industry for e in everyone if e.industry})

        QueryOp(self, self.env,
                query=lambda services: industries(services.employers.search(actor, "", limit=SEARCH_LIMIT)),
                success=self._show_industries,
                quick=lambda q: industries(q.read(employer_list, actor, "", "", None, SEARCH_LIMIT))).failure(
                    self._show_error).run()

    def _show_industries(self, industries: list[str]) -> None:
        if not self._fill_industries(industries):  # the chosen industry is gone: the list shows all again
            self.load_list()

    def _fill_industries(self, industries: list[str]) -> bool:
        """The industry choices; False when the chosen one is no longer among them (All is chosen instead)."""
        current = self.industry_combo.currentData()
        self.industry_combo.blockSignals(True)
        self.industry_combo.clear()
        self.industry_combo.addItem(self.tr("All"), "")
        for name in industries:
            self.industry_combo.addItem(name, name)
        index = self.industry_combo.findData(current or "")
        self.industry_combo.setCurrentIndex(max(0, index))
        self.industry_combo.blockSignals(False)
        self._first_shown("industries")
        return index >= 0

    def load_list(self) -> None:
        actor = self.env.actor
        text, industry, risk_class = self._filters()
        # Filters change while a search runs: only the answer to the latest one is shown.
        QueryOp(self, self.env,
                query=lambda services: services.employers.search(actor, text, industry=industry,
                                                                 risk_class=risk_class, limit=SEARCH_LIMIT),
                success=self._show_list,
                quick=lambda q: q.read(employer_list, actor, text, industry, risk_class, SEARCH_LIMIT)).failure(
                    self._show_error).superseding("list").run()

    def _show_list(self, rows: list[EmployerView]) -> None:
        self.error.setVisible(False)
        self.table.set_rows(rows)
        self.count_label.setText(self.tr("%n employer(s)", "", len(rows)))
        if self._select_after and self.table.select_where(lambda e: e.id == self._select_after):
            self._select_after = None
        self._selection_changed()
        self._first_shown("list")

    def _first_shown(self, part: str) -> None:
        self._pending.discard(part)
        self.first_shown = not self._pending

    def _services_up(self) -> None:
        # The overview of an employer selected before the full services were up is read now.
        self._selection_changed()

    def _show_error(self, exc: Exception) -> None:
        self.error.setText(error_text(exc))
        self.error.setVisible(True)

    def _on_changed(self, changes: Changes) -> None:
        if changes.touches(*REFRESH_ON):
            self.refresh()

    def current_employer(self) -> EmployerView | None:
        return self.table.current()

    def _selection_changed(self) -> None:
        employer = self.current_employer()
        permit(self.edit_button, self.env.actor, "employer.edit", enabled=employer is not None)
        permit(self.inspect_button, self.env.actor, "prevention.edit", enabled=employer is not None)
        self.headcount_button.setEnabled(employer is not None and allowed(self.env.actor, "employer.edit"))
        if employer is None:
            self._shown_id = None
            self.detail.clear()
            return
        if employer.id != self._shown_id:  # another employer's overview must not stand beside this one
            self._shown_id = None
            self.detail.setPlainText(self.tr("Loading the overview…"))
        if not self.env.services_ready:
            return  # the overview is read once they are (_services_up): asking now would open them at once
        actor = self.env.actor

        def still_selected() -> bool:
            current = self.current_employer()
            return current is not None and current.id == employer.id

        def query(services) -> dict[str, Any]:
            overview = services.employers.overview(actor, employer.id)
            overview["rates"] = services.prevention_stats.employer_trend(actor, employer.id)
            return overview

        def show(overview: dict[str, Any]) -> None:
            if still_selected():
                self._shown_id = employer.id
                self.detail.setHtml(self._overview_html(employer, overview))

        def failed(exc: Exception) -> None:
            if still_selected():
                self._shown_id = None
                self.detail.setPlainText(error_text(exc))

        QueryOp(self, self.env, query=query, success=show).failure(failed).superseding("overview").run()

    # ---------------------------------------------------------------- the overview

    def _overview_html(self, e: EmployerView, o: dict[str, Any]) -> str:
        # imported with the first overview, not with the page: the window can reopen on it before they are needed
        from html import escape

        from injury_desk.ui.figure_text import rate_text

        c = o["counts"]
        # the words the lists use for the stored codes (the catalogue's), not look-alikes of the keys
        words = {**labels("inspection_status"), **labels("severity"), **labels("incident_kind")}

        def w(key: str) -> str:
            return words.get(key, key)

        parts = [f"<h3>{escape(e.name)}</h3>",
                 "<p>" + escape(arg(self.tr("Credit code %1 · %2 · risk class %3 · %4 staff"), mask_credit_code(e.credit_code), e.industry or "—", e.risk_class, e.headcount)) + "</p>"]
        if e.address or e.contact_name or e.contact_phone:
            parts.append("<p>" + escape(" · ".join(x for x in (e.address, e.contact_name, e.contact_phone) if x))
                         + "</p>")

        def section(title: str, count: int, items: list[str]) -> None:
            parts.append(f"<h4>{escape(title)} ({count})</h4>")
            if items:
                parts.append("<ul>" + "".join(f"<li>{escape(i)}</li>" for i in items) + "</ul>")
            else:
                parts.append("<p><i>" + escape(self.tr("None")) + "</i></p>")

        rates = o.get("rates", [])
        if rates:
            parts.append("<h4>" + escape(self.tr("Injury rates per 100 workers, on each year's headcount")) + "</h4><ul>")
            for r in rates:
                if not r.counted_employers and not (r.left_out_claims or r.left_out_incidents):
                    continue  # a year with neither a headcount nor anything to count says nothing
                if not r.counted_employers:
                    parts.append("<li>" + escape(arg(self.tr(
                        "%1: no headcount recorded, so no rate (%2 claim(s) and %3 incident(s) left out)"),
                        r.year, r.left_out_claims, r.left_out_incidents)) + "</li>")
                    continue
                parts.append("<li>" + escape(arg(self.tr(
                    "%1: %2 workers; recognised injuries %3, pending %4, not recognised %5; accidents %6, near misses "
                    "%7; %8 day(s) lost"), r.year, r.workers, rate_text(r.recognised), rate_text(r.pending),
                    rate_text(r.not_recognised), rate_text(r.accidents), rate_text(r.near_misses), r.days_lost))
                    + "</li>")
            parts.append("</ul>")
        section(self.tr("Inspections"), c["inspections"],
                [arg(self.tr("%1: %2, %3 open of %4 hazard(s)"), (i.inspected_on or i.planned_on).isoformat(), w(i.status), i.open_hazard_count, i.hazard_count) for i in o["inspections"]])
        section(self.tr("Open hazards"), c["open_hazards"],
                [arg(self.tr("%1: %2 at %3"), w(h.severity), h.category, h.location or "—")
                 for h in o["open_hazards"]])
        section(self.tr("Training"), c["training"],
                [arg(self.tr("%1: %2 (%3 attended)"), t.held_on.isoformat(), t.topic, t.attendee_count) for t in o["training"]])
        section(self.tr("Incidents"), c["incidents"],
                [arg(self.tr("%1: %2, %3, %4 day(s) lost"), i.occurred_on.isoformat(), w(i.kind), i.person_name or "—", i.days_lost)
                 for i in o["incidents"]])
        section(self.tr("Claims"), c["claims"],
                [arg(self.tr("%1 · %2 · accident %3 · %4"), x["claim_no"], x["worker_name"], x["accident_date"].isoformat(), status_label(x["status"])) for x in o["claims"]])
        return "".join(parts)

    # ---------------------------------------------------------------- editing

    def new_employer(self) -> None:
        from injury_desk.ui.prevention.employer_dialog import EmployerDialog  # loads the service (SQLAlchemy)

        self._open_dialog(EmployerDialog(self.env, None, self))

    def edit_employer(self) -> None:
        """The editor of the selected employer as saved now (another user may have changed it since the list
        was read); it opens once the record is read."""
        employer = self.current_employer()
        if employer is None or self._opening:
            return
        self._opening = True
        actor = self.env.actor

        def opened(fresh: EmployerView) -> None:
            from injury_desk.ui.prevention.employer_dialog import EmployerDialog  # loads the service (SQLAlchemy)

            self._opening = False
            self._open_dialog(EmployerDialog(self.env, fresh, self))

        def failed(exc: Exception) -> None:
            self._opening = False
            self._show_error(exc)

        QueryOp(self, self.env, query=lambda services: services.employers.get(actor, employer.id),
                success=opened).failure(failed).run()

    def edit_headcounts(self) -> None:
        from injury_desk.ui.prevention.headcount_dialog import HeadcountDialog

        employer = self.current_employer()
        if employer is None:
            return
        self.dialog = HeadcountDialog(self.env, employer.id, employer.name, self)
        self.dialog.open()

    def inspect_employer(self) -> None:
        from injury_desk.ui.prevention.inspection_wizard import InspectionWizard

        employer = self.current_employer()
        if employer is None:
            return
        wizard = InspectionWizard(self.env, self, employer_id=employer.id)
        self.dialog = wizard
        wizard.open()

    def _open_dialog(self, dialog: EmployerDialog) -> None:
        self.dialog = dialog
        dialog.accepted.connect(lambda d=dialog: self._saved(d.result_value))
        dialog.open()

    def _saved(self, employer_id: str | None) -> None:
        # The bus started the list's refresh; what was just saved is selected when it arrives, so the user sees it.
        if employer_id and not self.table.select_where(lambda e: e.id == employer_id):
            self._select_after = employer_id
