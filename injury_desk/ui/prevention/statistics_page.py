"""Prevention → Statistics: injury rates per 100 workers, days lost and benefit costs by employer, industry
and risk class; the trend over the years as a chart; employers with rising injury rates; CSV export."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

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
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from injury_desk.placeholders import arg
from injury_desk.services.prevention_stats import RISING_MIN_CLAIMS, StatsRow
from injury_desk.ui.messages import error_text
from injury_desk.ui.pillar_widgets import Column, RowTable, RowTableModel, display, error_label, section_label

REFRESH_ON = {"prevention", "employers", "claims", "all"}
MEASURES = ("claim_rate", "incident_rate", "days_lost", "benefit_cost")


@dataclass(frozen=True)
class GroupLine:
    """One group's figures in the last year of the range, with the year before for the trend."""

    id: str
    label: str
    row: StatsRow
    previous: StatsRow | None
    history: tuple[StatsRow, ...]


def measure(row: StatsRow | None, key: str) -> Decimal | int | None:
    if row is None:
        return None
    return getattr(row, key)


class StatisticsPage(QWidget):
    """Filters on top, the group list and the trend chart side by side, the rising-rates list below."""

    def __init__(self, env, parent=None) -> None:
        super().__init__(parent)
        self.env = env
        self.lines: list[GroupLine] = []
        self.office: list[StatsRow] = []
        self.loading = False
        this_year = env.services.ctx.today().year
        first, last = env.services.prevention_stats.default_years()

        self.group_combo = QComboBox()
        for key, text in (("employer", self.tr("Employer")), ("industry", self.tr("Industry")),
                          ("risk_class", self.tr("Risk class"))):
            self.group_combo.addItem(text, key)
        group_label = QLabel(self.tr("&Group by:"))
        group_label.setBuddy(self.group_combo)
        self.first_spin = QSpinBox()
        self.last_spin = QSpinBox()
        for spin, value in ((self.first_spin, first), (self.last_spin, last)):
            spin.setRange(2000, this_year)
            spin.setValue(value)
        first_label = QLabel(self.tr("&From:"))
        first_label.setBuddy(self.first_spin)
        last_label = QLabel(self.tr("&To:"))
        last_label.setBuddy(self.last_spin)
        self.measure_combo = QComboBox()
        self.measure_names = {"claim_rate": self.tr("Claims per 100 workers"),
                              "incident_rate": self.tr("Incidents per 100 workers"),
                              "days_lost": self.tr("Days lost"), "benefit_cost": self.tr("Benefit costs (yuan)")}
        for key in MEASURES:
            self.measure_combo.addItem(self.measure_names[key], key)
        measure_label = QLabel(self.tr("C&hart:"))
        measure_label.setBuddy(self.measure_combo)
        self.filter_edit = QLineEdit()
        self.filter_edit.setPlaceholderText(self.tr("Filter"))
        self.filter_edit.setClearButtonEnabled(True)
        self.export_button = QPushButton(self.tr("&Export CSV…"))

        top = QHBoxLayout()
        for w in (group_label, self.group_combo, first_label, self.first_spin, last_label, self.last_spin,
                  measure_label, self.measure_combo):
            top.addWidget(w)
        top.addWidget(self.filter_edit, 1)
        top.addWidget(self.export_button)

        def trend(line: GroupLine) -> str:
            now, before = line.row.claim_rate, line.previous.claim_rate if line.previous else None
            if now is None or before is None:
                return ""
            if now > before:
                return "▲ +" + display(now - before)
            if now < before:
                return "▼ −" + display(before - now)
            return "="

        self.model = RowTableModel([
            Column(self.tr("Name"), lambda g: g.label),
            Column(self.tr("Workers"), lambda g: g.row.workers, right=True),
            Column(self.tr("Claims"), lambda g: g.row.claims, right=True),
            Column(self.tr("Claims / 100"), lambda g: g.row.claim_rate, right=True,
                   text=lambda g: "—" if g.row.claim_rate is None else display(g.row.claim_rate)),
            Column(self.tr("Trend"), lambda g: (g.row.claim_rate or 0) - ((g.previous.claim_rate or 0)
                                                                           if g.previous else 0), text=trend),
            Column(self.tr("Incidents"), lambda g: g.row.incidents, right=True),
            Column(self.tr("Incidents / 100"), lambda g: g.row.incident_rate, right=True,
                   text=lambda g: "—" if g.row.incident_rate is None else display(g.row.incident_rate)),
            Column(self.tr("Days lost"), lambda g: g.row.days_lost, right=True),
            Column(self.tr("Benefit costs (yuan)"), lambda g: g.row.benefit_cost, right=True),
        ], self)
        self.table = RowTable(self.model)
        self.table.sortByColumn(3, Qt.SortOrder.DescendingOrder)
        self.year_title = section_label("")
        self.count_label = QLabel()

        self.chart = QChart()
        self.chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        self.chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        self.chart.setMargins(QMargins(4, 4, 4, 4))
        # The axes stay for the page's life and are updated in place: removing and adding axes on every redraw
        # left the old axis labels painted under the new ones.
        self.x_axis = QBarCategoryAxis()
        self.y_axis = QValueAxis()
        self.chart.addAxis(self.x_axis, Qt.AlignmentFlag.AlignBottom)
        self.chart.addAxis(self.y_axis, Qt.AlignmentFlag.AlignLeft)
        self.chart_view = QChartView(self.chart)
        self.chart_view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.chart_view.setMinimumSize(320, 240)

        self.rising_model = RowTableModel([
            Column(self.tr("Employer"), lambda r: r.name),
            Column(self.tr("Industry"), lambda r: r.industry),
            Column(self.tr("Risk class"), lambda r: r.risk_class, right=True),
            Column(self.tr("Workers"), lambda r: r.workers, right=True),
            Column(self.tr("Claims / 100, three years"), lambda r: r.rates[2] - r.rates[0],
                   text=lambda r: " → ".join(display(x) for x in r.rates)),
            Column(self.tr("Claims, three years"), lambda r: r.claims[2],
                   text=lambda r: " → ".join(str(x) for x in r.claims)),
        ], self)
        self.rising_table = RowTable(self.rising_model)
        self.rising_table.sortByColumn(4, Qt.SortOrder.DescendingOrder)
        self.rising_title = section_label(self.tr("Employers with rising injury rates"))
        self.rising_rule = QLabel()
        self.rising_rule.setWordWrap(True)
        self.error = error_label()
        self.status = QLabel()

        left = QWidget()
        left_box = QVBoxLayout(left)
        left_box.setContentsMargins(0, 0, 0, 0)
        left_box.addWidget(self.year_title)
        left_box.addWidget(self.table, 1)
        left_box.addWidget(self.count_label)
        upper = QSplitter(Qt.Orientation.Horizontal)
        upper.addWidget(left)
        upper.addWidget(self.chart_view)
        upper.setStretchFactor(0, 3)
        upper.setStretchFactor(1, 2)
        upper.setChildrenCollapsible(False)
        lower = QWidget()
        lower_box = QVBoxLayout(lower)
        lower_box.setContentsMargins(0, 0, 0, 0)
        lower_box.addWidget(self.rising_title)
        lower_box.addWidget(self.rising_rule)
        lower_box.addWidget(self.rising_table, 1)
        outer = QSplitter(Qt.Orientation.Vertical)
        outer.addWidget(upper)
        outer.addWidget(lower)
        outer.setStretchFactor(0, 3)
        outer.setStretchFactor(1, 2)
        outer.setChildrenCollapsible(False)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.error)
        layout.addWidget(outer, 1)
        layout.addWidget(self.status)

        self.group_combo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.first_spin.valueChanged.connect(lambda _v: self.refresh())
        self.last_spin.valueChanged.connect(lambda _v: self.refresh())
        self.measure_combo.currentIndexChanged.connect(lambda _i: self.draw_chart())
        self.filter_edit.textChanged.connect(self.table.proxy.setFilterFixedString)
        self.filter_edit.textChanged.connect(self.rising_table.proxy.setFilterFixedString)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self.draw_chart())
        self.export_button.clicked.connect(self.export)
        env.bus.changed.connect(lambda what: self.refresh() if what in REFRESH_ON else None)
        self.refresh()

    # ---------------------------------------------------------------- loading

    def years(self) -> tuple[int, int]:
        return self.first_spin.value(), self.last_spin.value()

    def refresh(self) -> None:
        """Compute off the GUI thread (a large office has many claims); the result replaces the lists."""
        first, last = self.years()
        group_by = self.group_combo.currentData()
        if first > last:
            self.error.setText(self.tr("The first year is after the last year."))
            self.error.setVisible(True)
            return
        self.error.setVisible(False)
        self.loading = True
        self.status.setText(self.tr("Calculating…"))
        stats, actor = self.env.services.prevention_stats, self.env.actor

        def work() -> tuple[str, int, int, list[StatsRow], list[StatsRow], list[Any]]:
            return (group_by, first, last, stats.report(actor, group_by, first, last),
                    stats.report(actor, "all", first, last), stats.rising_employers(actor))

        self.env.runner.submit(work, on_done=self._loaded, on_error=self._failed)

    def _loaded(self, result) -> None:
        group_by, first, last, rows, office, rising = result
        if (group_by, first, last) != (self.group_combo.currentData(), *self.years()):
            return  # the user changed the filters meanwhile: a newer result is on its way
        self.loading = False
        by_key: dict[str, list[StatsRow]] = {}
        for r in rows:
            by_key.setdefault(r.key, []).append(r)
        labels = {"risk_class": self.tr("Class %1")}
        lines = []
        for key, history in by_key.items():
            history.sort(key=lambda r: r.year)
            label = history[-1].label or self.tr("(no industry recorded)")
            if group_by == "risk_class":
                label = arg(labels["risk_class"], key)
            lines.append(GroupLine(key, label, history[-1], history[-2] if len(history) > 1 else None,
                                   tuple(history)))
        self.lines = lines
        self.office = office
        self.table.set_rows(lines)
        self.year_title.setText(arg(self.tr("%1, by %2"), last, self.group_combo.currentText().lower()))
        self.count_label.setText(self.tr("%n group(s)", "", len(lines)))
        self.rising_table.set_rows(rising)
        this_year = self.env.services.ctx.today().year
        self.rising_rule.setText(arg(self.tr(
            "Claims per 100 workers rose in each of the last two complete years (%1 → %2 → %3), with at least "
            "%4 claims in %3: candidates for an experience-rated premium and a prevention visit."), this_year - 3, this_year - 2, this_year - 1, RISING_MIN_CLAIMS))
        if last == this_year:
            self.status.setText(arg(self.tr("%1 counts the year so far (up to %2). Workers are today's "
                                        "headcount."), last, self.env.services.ctx.today().isoformat()))
        else:
            self.status.setText(self.tr("Workers are today's headcount."))
        self.draw_chart()

    def _failed(self, exc: Exception) -> None:
        self.loading = False
        self.status.setText("")
        self.error.setText(error_text(exc))
        self.error.setVisible(True)

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
        self.y_axis.setRange(0, top * 1.15 if top > 0 else 1)
        self.y_axis.setLabelFormat("%.2f" if key in ("claim_rate", "incident_rate") else "%.0f")
        self.y_axis.applyNiceNumbers()
        series.attachAxis(self.y_axis)

    # ---------------------------------------------------------------- export

    def export(self) -> None:
        first, last = self.years()
        group_by = self.group_combo.currentData()
        name = f"injury-statistics-{group_by}-{first}-{last}.csv"
        target, _f = QFileDialog.getSaveFileName(self, self.tr("Export CSV"), str(Path.home() / name),
                                                 self.tr("CSV files (*.csv)"))
        if target:
            self.export_to(target)

    def export_to(self, target: str) -> None:
        first, last = self.years()
        group_by = self.group_combo.currentData()
        stats, actor = self.env.services.prevention_stats, self.env.actor
        self.export_button.setEnabled(False)
        self.status.setText(self.tr("Exporting…"))
        self.env.runner.submit(lambda: stats.export_csv(actor, target, group_by, first, last),
                               on_done=lambda n: self._exported(n, target), on_error=self._export_failed)

    def _exported(self, count: int, target: str) -> None:
        self.export_button.setEnabled(True)
        self.status.setText(arg(self.tr("%n row(s) written to %1", "", count), target))

    def _export_failed(self, exc: Exception) -> None:
        self.export_button.setEnabled(True)
        self._failed(exc)
