"""Prevention → Statistics: injury and incident rates per 100 workers on each year's headcount, corrective-action
closure, prevention spending against the cap, and employers with rising rates; the same figures as
`injury-desk stats prevention`, from the same service; CSV export."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path

from PySide6.QtCharts import QBarCategoryAxis, QBarSeries, QBarSet, QChart, QChartView, QValueAxis
from PySide6.QtCore import QMargins, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from injury_desk.domain.figures import Ratio
from injury_desk.domain.prevention_figures import RISING_MIN_CLAIMS, InjuryFigures, SpendingFigures
from injury_desk.placeholders import arg
from injury_desk.services.permissions import allowed
from injury_desk.services.prevention_stats import DEFAULT_YEARS, PreventionReport
from injury_desk.ui.messages import error_text
from injury_desk.ui.period_filter import PeriodFilter
from injury_desk.ui.widgets import date_edit
from injury_desk.ui.row_table import Column, RowTable, RowTableModel, display, error_label, section_label
from injury_desk.ui.figure_text import median_text, rate_text, share_text
from injury_desk.ui.operations import QueryOp
from injury_desk.ui.prevention.spending_list import SpendingList

REFRESH_ON = ("prevention", "employers", "claims")
RATE_MEASURES = ("recognised", "pending", "not_recognised", "accidents", "near_misses")
MEASURES = (*RATE_MEASURES, "days_lost", "benefit_cost")


def nice_scale(top: float, *, whole: bool) -> tuple[float, float]:
    """(tick step, axis top) for values from 0 to ``top``: a step of 1, 2, 2.5 or 5 times a power of ten,
    at least 1 for counts and yuan, and four to six ticks; an empty chart still gets 0..5 (or 0..1)."""
    import math

    if top <= 0:
        return (1.0, 5.0) if whole else (0.2, 1.0)
    raw = top / 5
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    if whole:
        step = max(1.0, float(math.ceil(step)))
    upper = math.ceil(top * 1.05 / step) * step
    return step, upper


@dataclass(frozen=True)
class GroupLine:
    """One group's figures in the last year of the period, with the year before for the trend."""

    id: str
    label: str
    row: InjuryFigures
    previous: InjuryFigures | None
    history: tuple[InjuryFigures, ...]


def measure(row: InjuryFigures | None, key: str) -> Decimal | int | None:
    """The chart's value of a measure: a rate's value, or a plain count or amount."""
    if row is None:
        return None
    value = getattr(row, key)
    return value.value if isinstance(value, Ratio) else value


class StatisticsPage(PeriodFilter, QWidget):
    """Period and grouping on top; tabs for injuries (table and trend chart), corrective actions, spending,
    and rising rates."""

    def __init__(self, env, parent=None) -> None:
        super().__init__(parent)
        self.env = env
        self.lines: list[GroupLine] = []
        self.office: list[InjuryFigures] = []
        self.report: PreventionReport | None = None
        self.loading = False
        # The service's default period (the last DEFAULT_YEARS calendar years to today), a function of the clock
        # alone: worked out here rather than asked of the service on the GUI thread.
        end = env.today()
        start = date(end.year - DEFAULT_YEARS + 1, 1, 1)

        self.from_edit = date_edit(start)
        self.to_edit = date_edit(end)
        from_label = QLabel(self.tr("&From:"))
        from_label.setBuddy(self.from_edit)
        to_label = QLabel(self.tr("&To:"))
        to_label.setBuddy(self.to_edit)
        self.group_combo = QComboBox()
        for key, text in (("employer", self.tr("Employer")), ("industry", self.tr("Industry")),
                          ("region", self.tr("Region"))):
            self.group_combo.addItem(text, key)
        group_label = QLabel(self.tr("&Group by:"))
        group_label.setBuddy(self.group_combo)
        self.measure_names = {
            "recognised": self.tr("Recognised injuries per 100 workers"),
            "pending": self.tr("Pending claims per 100 workers"),
            "not_recognised": self.tr("Claims not recognised per 100 workers"),
            "accidents": self.tr("Accidents per 100 workers"),
            "near_misses": self.tr("Near misses per 100 workers"),
            "days_lost": self.tr("Days lost"),
            "benefit_cost": self.tr("Benefit costs"),
        }
        self.units = {key: self.tr("per 100 workers") for key in RATE_MEASURES}
        self.units.update({"days_lost": self.tr("days"), "benefit_cost": self.tr("yuan")})
        self.measure_combo = QComboBox()
        for key in MEASURES:
            self.measure_combo.addItem(self.measure_names[key], key)
        measure_label = QLabel(self.tr("C&hart:"))
        measure_label.setBuddy(self.measure_combo)
        self.filter_edit = QLineEdit()
        self.filter_edit.setPlaceholderText(self.tr("Filter"))
        self.filter_edit.setClearButtonEnabled(True)
        self.export_button = QPushButton(self.tr("&Export CSV…"))
        if not allowed(env.actor, "data.export"):
            self.export_button.setVisible(False)

        top = QHBoxLayout()
        for w in (from_label, self.from_edit, to_label, self.to_edit, group_label, self.group_combo, measure_label,
                  self.measure_combo):
            top.addWidget(w)
        top.addWidget(self.filter_edit, 1)
        top.addWidget(self.export_button)

        def trend(line: GroupLine) -> str:
            now = line.row.recognised.value
            before = line.previous.recognised.value if line.previous else None
            if now is None or before is None:
                return ""
            if now > before:
                return "▲ +" + display(now - before)
            if now < before:
                return "▼ −" + display(before - now)
            return "="

        def rate_column(title: str, key: str) -> Column:
            return Column(title, lambda g: getattr(g.row, key).value, right=True,
                          text=lambda g: rate_text(getattr(g.row, key)))

        self.model = RowTableModel([
            Column(self.tr("Name"), lambda g: g.label),
            Column(self.tr("Workers"), lambda g: g.row.workers, right=True,
                   text=lambda g: str(g.row.workers) if g.row.counted_employers else "—"),
            rate_column(self.tr("Recognised"), "recognised"),
            Column(self.tr("Trend"), lambda g: (g.row.recognised.value or 0) - (
                (g.previous.recognised.value or 0) if g.previous else 0), text=trend),
            rate_column(self.tr("Pending"), "pending"),
            rate_column(self.tr("Not recognised"), "not_recognised"),
            rate_column(self.tr("Accidents"), "accidents"),
            rate_column(self.tr("Near misses"), "near_misses"),
            Column(self.tr("Days lost"), lambda g: g.row.days_lost, right=True),
            Column(self.tr("Benefit costs (yuan)"), lambda g: g.row.benefit_cost, right=True),
        ], self)
        self.table = RowTable(self.model)
        self.table.sortByColumn(2, Qt.SortOrder.DescendingOrder)
        self.year_title = section_label("")
        self.count_label = QLabel()
        self.count_label.setWordWrap(True)
        self.missing_label = QLabel()
        self.missing_label.setWordWrap(True)

        self.chart = QChart()
        self.chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        self.chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        self.chart.setMargins(QMargins(4, 4, 4, 4))
        # The axes stay for the page's life and are updated in place: removing and adding axes on every redraw
        # left the old axis labels painted under the new ones.
        self.x_axis = QBarCategoryAxis()
        self.x_axis.setTitleText(self.tr("Year"))
        self.y_axis = QValueAxis()
        self.chart.addAxis(self.x_axis, Qt.AlignmentFlag.AlignBottom)
        self.chart.addAxis(self.y_axis, Qt.AlignmentFlag.AlignLeft)
        self.chart_view = QChartView(self.chart)
        self.chart_view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.chart_view.setMinimumSize(400, 280)  # room for the y axis's labels

        left = QWidget()
        left_box = QVBoxLayout(left)
        left_box.setContentsMargins(0, 0, 0, 0)
        left_box.addWidget(self.year_title)
        left_box.addWidget(self.table, 1)
        left_box.addWidget(self.count_label)
        left_box.addWidget(self.missing_label)
        # The chart under the table: side by side, the table's ten columns did not fit 1366 pixels.
        injuries = QSplitter(Qt.Orientation.Vertical)
        injuries.addWidget(left)
        injuries.addWidget(self.chart_view)
        injuries.setStretchFactor(0, 1)
        injuries.setStretchFactor(1, 1)
        injuries.setChildrenCollapsible(False)
        injuries.setSizes([300, 300])

        def action_columns(first: str) -> list[Column]:
            return [
                Column(first, lambda a: a.label),
                Column(self.tr("Closed (of raised)"), lambda a: a.closure.value, right=True,
                       text=lambda a: share_text(a.closure)),
                Column(self.tr("Closed on time (of due)"), lambda a: a.on_time.value, right=True,
                       text=lambda a: share_text(a.on_time)),
                Column(self.tr("Median days to close"), lambda a: a.days_to_close.value, right=True,
                       text=lambda a: median_text(a.days_to_close)),
            ]

        self.actions_model = RowTableModel(action_columns(self.tr("Group")), self)
        self.actions_table = RowTable(self.actions_model)
        self.inspector_model = RowTableModel(action_columns(self.tr("Inspector")), self)
        self.inspector_table = RowTable(self.inspector_model)
        self.actions_office = QLabel()
        self.actions_office.setWordWrap(True)
        actions_rule = QLabel(self.tr(
            "Closed: actions raised at an inspection in the period and closed by its end. On time: actions due in "
            "the period and closed on or before their due date (an extension moves it). Days to close: from the "
            "inspection to the closing, over the actions closed in the period."))
        actions_rule.setWordWrap(True)
        actions = QWidget()
        actions_box = QVBoxLayout(actions)
        actions_box.addWidget(self.actions_office)
        actions_box.addWidget(actions_rule)
        # One above the other: side by side, neither table's four columns fitted 1366 pixels.
        actions_split = QSplitter(Qt.Orientation.Vertical)
        actions_split.addWidget(self.actions_table)
        actions_split.addWidget(self.inspector_table)
        actions_split.setStretchFactor(0, 2)
        actions_split.setStretchFactor(1, 1)
        actions_split.setChildrenCollapsible(False)
        actions_box.addWidget(actions_split, 1)

        self.spending_model = RowTableModel([
            Column(self.tr("Year"), lambda s: s.year),
            Column(self.tr("Training (yuan)"), lambda s: dict(s.by_kind)["training"], right=True),
            Column(self.tr("Projects (yuan)"), lambda s: dict(s.by_kind)["project"], right=True),
            Column(self.tr("Publicity (yuan)"), lambda s: dict(s.by_kind)["publicity"], right=True),
            Column(self.tr("Total (yuan)"), lambda s: s.total, right=True),
            Column(self.tr("Cap (yuan)"), lambda s: s.cap, right=True,
                   text=lambda s: "—" if s.cap is None else display(s.cap)),
            Column(self.tr("Share of cap"), lambda s: s.used.value, right=True,
                   text=lambda s: "—" if s.used.value is None else f"{s.used.value} %"),
        ], self)
        self.spending_table = RowTable(self.spending_model)
        self.spending_note = QLabel()
        self.spending_note.setWordWrap(True)
        self.spending_list = SpendingList(env)
        spending = QWidget()
        spending_box = QVBoxLayout(spending)
        spending_box.addWidget(self.spending_table, 1)
        spending_box.addWidget(self.spending_note)
        spending_box.addWidget(self.spending_list, 2)

        self.rising_model = RowTableModel([
            Column(self.tr("Employer"), lambda r: r.name),
            Column(self.tr("Workers, three years"), lambda r: r.workers[2],
                   text=lambda r: " → ".join(str(x) for x in r.workers)),
            Column(self.tr("Recognised / 100, three years"), lambda r: r.rates[2] - r.rates[0],
                   text=lambda r: " → ".join(str(x) for x in r.rates)),
            Column(self.tr("Recognised, three years"), lambda r: r.claims[2],
                   text=lambda r: " → ".join(str(x) for x in r.claims)),
        ], self)
        self.rising_table = RowTable(self.rising_model)
        self.rising_table.sortByColumn(2, Qt.SortOrder.DescendingOrder)
        self.rising_rule = QLabel()
        self.rising_rule.setWordWrap(True)
        rising = QWidget()
        rising_box = QVBoxLayout(rising)
        rising_box.addWidget(self.rising_rule)
        rising_box.addWidget(self.rising_table, 1)

        self.tabs = QTabWidget()
        self.tabs.addTab(injuries, self.tr("Injuries and incidents"))
        self.tabs.addTab(actions, self.tr("Corrective actions"))
        self.tabs.addTab(spending, self.tr("Prevention spending"))
        self.tabs.addTab(rising, self.tr("Rising injury rates"))
        self.error = error_label()
        self.status = QLabel()
        self.status.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.error)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.status)

        self.group_combo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.from_edit.dateChanged.connect(lambda _d: self.refresh())
        self.to_edit.dateChanged.connect(lambda _d: self.refresh())
        self.measure_combo.currentIndexChanged.connect(lambda _i: self.draw_chart())
        for table in (self.table, self.actions_table, self.inspector_table, self.rising_table):
            self.filter_edit.textChanged.connect(table.proxy.setFilterFixedString)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self.draw_chart())
        self.export_button.clicked.connect(self.export)
        env.bus.changed.connect(lambda changes: self.refresh() if changes.touches(*REFRESH_ON) else None)
        self.refresh()

    # ---------------------------------------------------------------- loading

    def refresh(self) -> None:
        """Compute off the GUI thread (a large office has many claims); the result replaces the lists."""
        start, end = self.period()
        group_by = self.group_combo.currentData()
        if start > end:
            self._clear_figures()
            self.error.setText(self.tr("The period ends before it starts."))
            self.error.setVisible(True)
            return
        self.error.setVisible(False)
        self.loading = True
        self.status.setText(self.tr("Calculating…"))
        actor = self.env.actor

        def query(services):
            stats = services.prevention_stats
            return stats.report(actor, start, end, group_by), stats.rising_employers(actor)

        QueryOp(self, self.env, query=query, success=self._loaded).failure(self._failed).run()

    def _loaded(self, result) -> None:
        report, rising = result
        if (report.group_by, report.start, report.end) != (self.group_combo.currentData(), *self.period()):
            return  # the user changed the filters meanwhile: a newer result is on its way
        self.loading = False
        self.report = report
        by_key: dict[str, list[InjuryFigures]] = {}
        for r in report.injuries:
            by_key.setdefault(r.key, []).append(r)
        lines = []
        for key, history in by_key.items():
            history.sort(key=lambda r: r.year)
            label = history[-1].label or self.tr("(no industry recorded)")
            lines.append(GroupLine(key, label, history[-1], history[-2] if len(history) > 1 else None,
                                   tuple(history)))
        self.lines = lines
        self.office = report.office
        self.table.set_rows(lines)
        last = report.end.year
        self.year_title.setText(arg(self.tr("%1, by %2: rates per 100 workers, the count in brackets"), str(last), self.group_combo.currentText().lower()))
        office = report.office[-1] if report.office else None
        if office is not None:
            self.count_label.setText(arg(self.tr(
                "Whole office %1: %2 workers; recognised injuries %3 per 100 workers (%4 of %2); pending %5; "
                "not recognised %6; accidents %7; near misses %8."), str(last), str(office.workers), str(office.recognised.value or "—"), str(office.recognised.numerator), rate_text(office.pending), rate_text(office.not_recognised), rate_text(office.accidents), rate_text(office.near_misses)))
            if office.missing_headcount:
                self.missing_label.setText(arg(self.tr(
                    "No headcount for %1, left out of every rate (their claims and incidents too): %2"), str(last), "、".join(office.missing_headcount)))
            else:
                self.missing_label.setText("")
        self._show_actions(report)
        self._show_spending(report.spending)
        self.rising_table.set_rows(rising)
        this_year = self.env.today().year
        self.rising_rule.setText(arg(self.tr(
            "Recognised injuries per 100 workers rose in each of the last two complete years (%1 → %2 → %3), on "
            "each year's headcount, with at least %4 recognised injuries in %3: candidates for an "
            "experience-rated premium and a prevention visit."), str(this_year - 3), str(this_year - 2), str(this_year - 1), str(RISING_MIN_CLAIMS)))
        self.status.setText(arg(self.tr("Each year's rates use that year's headcount; %1 to %2."), report.start.isoformat(), report.end.isoformat()))
        self.draw_chart()

    def _show_actions(self, report: PreventionReport) -> None:
        self.actions_table.set_rows(report.actions)
        self.inspector_table.set_rows(report.actions_by_inspector)
        if report.actions_office:
            a = report.actions_office[0]
            self.actions_office.setText(arg(self.tr("Whole office: closed %1 · closed on time %2 · median days to "
                                                "close %3"), share_text(a.closure), share_text(a.on_time), median_text(a.days_to_close)))
        else:
            self.actions_office.setText(self.tr("No corrective actions were raised, due or closed in the period."))

    def _show_spending(self, rows: list[SpendingFigures]) -> None:
        self.spending_table.set_rows(rows)
        over = [str(r.year) for r in rows if r.over_cap]
        note = self.tr("Every prevention spend counts against the cap: training, funded projects and publicity. "
                       "The cap is a share of the region's fund income of the year before (resources/rules/prevention).")
        if over:
            note += " " + arg(self.tr("Over the cap in %1."), "、".join(over))
        self.spending_note.setText(note)

    def _failed(self, exc: Exception) -> None:
        self.loading = False
        self.status.setText("")
        self._clear_figures()
        self.error.setText(error_text(exc))
        self.error.setVisible(True)

    def _clear_figures(self) -> None:
        """No figures beside a refusal: what is on screen must be the period in the date edits or nothing (the
        employers with rising rates do not depend on the period and stay)."""
        self.report = None
        self.lines, self.office = [], []
        for table in (self.table, self.actions_table, self.inspector_table, self.spending_table):
            table.set_rows([])
        for text_label in (self.year_title, self.count_label, self.missing_label, self.actions_office,
                           self.spending_note):
            text_label.setText("")
        self.draw_chart()

    # ---------------------------------------------------------------- the chart

    def draw_chart(self) -> None:
        key = self.measure_combo.currentData()
        self.chart.removeAllSeries()
        years = [str(r.year) for r in self.office]
        self.x_axis.clear()
        if not years:
            return
        series = QBarSeries()
        office = QBarSet(self.tr("Whole office"))
        top = 0.0
        for r in self.office:
            value = float(measure(r, key) or 0)
            office.append(value)
            top = max(top, value)
        series.append(office)
        selected: GroupLine | None = self.table.current()
        if selected is not None:
            group = QBarSet(selected.label)
            for r in selected.history:
                value = float(measure(r, key) or 0)  # no workers recorded: drawn as 0, the table says "—"
                group.append(value)
                top = max(top, value)
            series.append(group)
        self.chart.addSeries(series)
        self.chart.setTitle(self.measure_names[key])
        self.x_axis.append(years)
        series.attachAxis(self.x_axis)
        self.y_axis.setTitleText(self.units[key])
        whole = key not in RATE_MEASURES
        step, upper = nice_scale(top, whole=whole)
        # Ticks at whole multiples of a round step: "%.0f" on ticks 0.25 apart printed "0, 0, 0, 1, 1".
        self.y_axis.setTickType(QValueAxis.TickType.TicksDynamic)
        self.y_axis.setTickAnchor(0)
        self.y_axis.setTickInterval(step)
        self.y_axis.setRange(0, upper)
        self.y_axis.setLabelFormat("%.0f" if whole and step >= 1 else "%.2f")
        series.attachAxis(self.y_axis)

    # ---------------------------------------------------------------- export

    def export(self) -> None:
        start, end = self.period()
        group_by = self.group_combo.currentData()
        name = f"prevention-statistics-{group_by}-{start.isoformat()}-{end.isoformat()}.csv"
        target, _f = QFileDialog.getSaveFileName(self, self.tr("Export CSV"), str(Path.home() / name),
                                                 self.tr("CSV files (*.csv)"))
        if target:
            self.export_to(target)

    def export_to(self, target: str) -> None:
        start, end = self.period()
        group_by = self.group_combo.currentData()
        actor = self.env.actor
        self.export_button.setEnabled(False)
        self.status.setText(self.tr("Exporting…"))
        # Writes the user's file, not a record: a query.
        QueryOp(self, self.env,
                query=lambda services: services.prevention_stats.export_csv(actor, target, start, end, group_by),
                success=lambda n: self._exported(n, target)).failure(self._export_failed).run()

    def _exported(self, count: int, target: str) -> None:
        self.export_button.setEnabled(True)
        self.status.setText(arg(self.tr("%1 figures written to %2"), str(count), target))

    def _export_failed(self, exc: Exception) -> None:
        self.export_button.setEnabled(True)
        self._failed(exc)
