"""Rehabilitation → Return-to-work statistics: shares back at work within 3, 6 and 12 months, days from injury to
return, same vs new employer; table, chart, CSV. The same figures as `injury-desk stats rehab`, from the same service."""

from __future__ import annotations

from datetime import date

from PySide6.QtCharts import QBarCategoryAxis, QBarSet, QChart, QChartView, QHorizontalBarSeries, QValueAxis
from PySide6.QtCore import QMargins, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from injury_desk.domain.figures import Median, Ratio
from injury_desk.domain.rehab_figures import HorizonFigure, RtwGroup, RtwStats
from injury_desk.placeholders import arg
from injury_desk.services.permissions import allowed
from injury_desk.services.prevention_stats import DEFAULT_YEARS
from injury_desk.ui.messages import error_text, injury_type_labels
from injury_desk.ui.operations import QueryOp
from injury_desk.ui.period_filter import PeriodFilter
from injury_desk.ui.widgets import date_edit
from injury_desk.ui.row_table import Column, RowTable, RowTableModel, error_label

CHART_GROUPS = 8  # the largest groups; the table has them all
BAR_COLOURS = ("#9ecae1", "#4292c6", "#08519c")


class RehabStatsPage(PeriodFilter, QWidget):
    """Figures by injury type or by employer; computed off the GUI thread when shown and after changes."""

    def __init__(self, env, parent=None) -> None:
        super().__init__(parent)
        self.env = env
        self.stats: RtwStats | None = None
        self.loading = False
        self.again = False  # a change arrived while counting: count once more afterwards
        types = injury_type_labels()
        self.type_labels = types

        self.dimension_combo = QComboBox()
        self.dimension_combo.addItem(self.tr("By injury type"), "injury_type")
        self.dimension_combo.addItem(self.tr("By employer"), "employer")
        dimension_label = QLabel(self.tr("&Group:"))
        dimension_label.setBuddy(self.dimension_combo)
        # The service's default period (the last DEFAULT_YEARS calendar years to today), a function of the clock
        # alone: worked out here rather than asked of the service on the GUI thread.
        end = env.today()
        start = date(end.year - DEFAULT_YEARS + 1, 1, 1)
        self.from_edit = date_edit(start)
        self.to_edit = date_edit(end)
        from_label = QLabel(self.tr("Injured &from:"))
        from_label.setBuddy(self.from_edit)
        to_label = QLabel(self.tr("&to:"))
        to_label.setBuddy(self.to_edit)
        self.export_button = QPushButton(self.tr("&Export CSV…"))
        self.export_button.setEnabled(False)
        if not allowed(env.actor, "data.export"):
            self.export_button.setVisible(False)
        self.overall = QLabel()
        self.overall.setWordWrap(True)
        self.note = QLabel(self.tr(
            "Workers with a rehabilitation case, counted from the accident date. “Back at work”: any recorded "
            "return other than “has not returned”. An injury counts for a period only once the period has "
            "passed, so recent injuries do not lower the share."))
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #555555;")
        self.status = QLabel()
        self.error = error_label()

        def cell(n: int):
            return lambda g: self._cell(g.figures[n])

        def share(n: int):
            return lambda g: -1 if g.figures[n].share is None else g.figures[n].share

        self.model = RowTableModel([
            Column(self.tr("Group"), lambda g: self._label(g)),
            Column(self.tr("Workers"), lambda g: g.workers, right=True),
            Column(self.tr("Within 3 months"), share(0), text=cell(0), right=True),
            Column(self.tr("Within 6 months"), share(1), text=cell(1), right=True),
            Column(self.tr("Within 12 months"), share(2), text=cell(2), right=True),
            Column(self.tr("Back"), lambda g: g.returned, right=True),
            Column(self.tr("Median days"), lambda g: g.median_days.value, right=True,
                   text=lambda g: self._median(g.median_days)),
            Column(self.tr("Mean days"), lambda g: g.mean_days.value, right=True,
                   text=lambda g: self._mean(g.mean_days)),
            Column(self.tr("Same employer"), lambda g: g.same_employer.value, right=True,
                   text=lambda g: self._share(g.same_employer)),
            Column(self.tr("New employer"), lambda g: g.new_employer.value, right=True,
                   text=lambda g: self._share(g.new_employer)),
        ], self)
        self.table = RowTable(self.model)
        self.table.sortByColumn(1, Qt.SortOrder.DescendingOrder)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.chart_view = QChartView()
        self.chart_view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.chart_view.setMinimumSize(360, 340)  # a readable label for each of eight groups

        top = QHBoxLayout()
        for w in (from_label, self.from_edit, to_label, self.to_edit, dimension_label, self.dimension_combo):
            top.addWidget(w)
        top.addStretch(1)
        top.addWidget(self.export_button)
        # The chart under the table: side by side, the table's ten columns did not fit 1366 pixels.
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self.chart_view)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([180, 380])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.overall)
        layout.addWidget(self.note)
        layout.addWidget(self.error)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.status)

        self.dimension_combo.currentIndexChanged.connect(lambda _i: self._show())
        self.from_edit.dateChanged.connect(lambda _d: self.refresh())
        self.to_edit.dateChanged.connect(lambda _d: self.refresh())
        self.export_button.clicked.connect(self._choose_file)
        env.bus.changed.connect(lambda changes: changes.touches("rehab", "claims") and self.refresh())
        self.refresh()

    # ---------------------------------------------------------------- text

    def _label(self, g: RtwGroup) -> str:
        if g.dimension == "injury_type":
            return self.type_labels.get(g.label, g.label)
        return g.label

    def _cell(self, f: HorizonFigure) -> str:
        if f.share is None:
            return self.tr("— (none yet)")
        return self._share(f.ratio)

    def _share(self, r: Ratio) -> str:
        """A share with its numerator and denominator, "60.0 % (3 of 5)"; "—" when nobody is counted."""
        if r.value is None:
            return "—"
        return arg(self.tr("%1 % (%2 of %3)"), str(r.value), str(r.numerator), str(r.denominator))

    @staticmethod
    def _median(m: Median) -> str:
        return "—" if m.value is None else str(m.value)

    @staticmethod
    def _mean(r: Ratio) -> str:
        return "—" if r.value is None else f"{r.value} ({r.numerator}/{r.denominator})"

    # ---------------------------------------------------------------- loading

    def refresh(self) -> None:
        if self.loading:
            self.again = True
            return
        start, end = self.period()
        if start > end:
            self.error.setText(self.tr("The period ends before it starts."))
            self.error.setVisible(True)
            return
        self.loading = True
        actor = self.env.actor
        self.status.setText(self.tr("Counting…"))
        QueryOp(self, self.env, query=lambda services: services.rehab_stats.return_to_work(actor, start, end),
                success=self._loaded).failure(self._failed).run()

    def _loaded(self, stats: RtwStats) -> None:
        self.loading = False
        if self.again:
            self.again = False
            self.refresh()
        self.stats = stats
        self.error.setVisible(False)
        self.status.setText(arg(self.tr("Injuries from %1 to %2, as of %3."), stats.start.isoformat(), stats.end.isoformat(), stats.as_of.isoformat()))
        self.export_button.setEnabled(True)
        self._show()

    def _failed(self, exc: Exception) -> None:
        self.loading = False
        self.again = False
        self.status.setText("")
        self.error.setText(error_text(exc))
        self.error.setVisible(True)

    def groups(self) -> tuple[RtwGroup, ...]:
        if self.stats is None:
            return ()
        return self.stats.by_injury_type if self.dimension_combo.currentData() == "injury_type" \
            else self.stats.by_employer

    def _show(self) -> None:
        stats = self.stats
        if stats is None:
            return
        o = stats.overall
        self.overall.setText(arg(self.tr(
            "All %1 workers with rehabilitation: within 3 months %2 · 6 months %3 · 12 months %4. Back at work: "
            "%5; days from injury to return: median %6, mean %7; same employer %8, new employer %9."), str(o.workers), self._cell(o.figures[0]), self._cell(o.figures[1]), self._cell(o.figures[2]), str(o.returned), self._median(o.median_days), self._mean(o.mean_days), self._share(o.same_employer), self._share(o.new_employer)))
        groups = self.groups()
        self.table.set_rows(list(groups))
        self._chart(groups[:CHART_GROUPS])

    def _chart(self, groups: tuple[RtwGroup, ...]) -> None:
        chart = QChart()
        chart.setMargins(QMargins(4, 4, 4, 4))
        chart.setTitle(self.tr("Back at work (% of workers whose period has passed)"))
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        series = QHorizontalBarSeries()
        # The largest group on top: a horizontal bar chart draws its first category at the bottom.
        ordered = list(reversed(groups))
        for n, months in enumerate(self.stats.horizons if self.stats else ()):
            bar = QBarSet(arg(self.tr("within %1 months"), months))
            bar.setColor(QColor(BAR_COLOURS[n % len(BAR_COLOURS)]))
            for g in ordered:
                pct = g.figures[n].percent()
                bar.append(float(pct) if pct is not None else 0.0)
            series.append(bar)
        chart.addSeries(series)
        categories = QBarCategoryAxis()
        categories.append([self._short(self._label(g)) for g in ordered])
        values = QValueAxis()
        values.setRange(0, 100)
        values.setLabelFormat("%.0f")
        values.setTickCount(6)
        values.setTitleText(self.tr("Back at work (%)"))
        categories.setTitleText(self.tr("Injury type") if self.dimension_combo.currentData() == "injury_type"
                                else self.tr("Employer"))
        chart.addAxis(categories, Qt.AlignmentFlag.AlignLeft)
        chart.addAxis(values, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(categories)
        series.attachAxis(values)
        old = self.chart_view.chart()
        self.chart_view.setChart(chart)
        if old is not None and old is not chart:
            old.deleteLater()

    @staticmethod
    def _short(text: str, limit: int = 16) -> str:
        return text if len(text) <= limit else text[: limit - 1] + "…"

    # ---------------------------------------------------------------- export

    def _choose_file(self) -> None:
        if self.stats is None:
            return
        default = str(self.env.data_dir / f"return-to-work-{self.stats.as_of.isoformat()}.csv")
        path, _filter = QFileDialog.getSaveFileName(self, self.tr("Export statistics"), default,
                                                    self.tr("CSV files (*.csv)"))
        if path:
            self.export_to(path)

    def export_to(self, path: str) -> None:
        stats = self.stats
        if stats is None:
            return
        header = [self.tr("Grouped by"), self.tr("Group"), self.tr("Workers")]
        for months in stats.horizons:
            header += [arg(self.tr("Eligible (%1 months)"), months),
                       arg(self.tr("Back (%1 months)"), months),
                       arg(self.tr("Share % (%1 months)"), months)]
        header += [self.tr("Back"), self.tr("Median days to return"), self.tr("Mean days to return"),
                   self.tr("Same employer %"), self.tr("New employer %")]
        dimensions = {"all": self.tr("All"), "injury_type": self.tr("Injury type"),
                      "employer": self.tr("Employer")}
        actor, types = self.env.actor, dict(self.type_labels)
        self.export_button.setEnabled(False)
        # Writes the user's file, not a record: a query.
        QueryOp(self, self.env,
                query=lambda services: services.rehab_stats.export_csv(
                    actor, path, stats, header=header, dimension_labels=dimensions, type_labels=types),
                success=lambda rows: self._exported(path, rows)).failure(self._export_failed).run()

    def _exported(self, path: str, rows: int) -> None:
        self.export_button.setEnabled(True)
        self.status.setText(arg(self.tr("Saved %n row(s) to %1.", "", rows), path))

    def _export_failed(self, exc: Exception) -> None:
        self.export_button.setEnabled(True)
        self._failed(exc)
