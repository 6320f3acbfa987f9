"""A goal's progress chart: its measurements over time, with the target (and the baseline) as lines."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from PySide6.QtCharts import QChart, QChartView, QDateTimeAxis, QLineSeries, QScatterSeries, QValueAxis
from PySide6.QtCore import QDate, QDateTime, QMargins, Qt, QTime
from PySide6.QtGui import QColor, QPainter, QPen

from injury_desk.domain.rehab import MEASURE_SCALES, number_of
from injury_desk.placeholders import arg
from injury_desk.services.rehab_rows import GoalView
from injury_desk.ui.messages import measure_label

MEASURED_COLOUR = "#1f5fa8"
TARGET_COLOUR = "#2e7d32"
BASELINE_COLOUR = "#888888"


def _ms(d: date) -> float:
    return float(QDateTime(QDate(d.year, d.month, d.day), QTime(12, 0)).toMSecsSinceEpoch())


def y_range(measure: str, values: list[Decimal]) -> tuple[float, float]:
    """The y axis: a closed scale shows all of itself; work hours and free measures fit their values."""
    scale = MEASURE_SCALES.get(measure)
    if measure in ("barthel", "pain") and scale is not None:
        return float(scale.low), float(scale.high)
    if not values:
        return 0.0, 10.0
    low, high = float(min(values)), float(max(values))
    if scale is not None:  # work hours: from 0, with room above the highest value, never past 168
        return 0.0, min(float(scale.high), max(40.0, high * 1.15))
    pad = (high - low) * 0.15 or abs(high) * 0.15 or 1.0
    return (0.0 if low >= 0 and low - pad < 0 else low - pad), high + pad


class GoalChart(QChartView):
    """Shows one goal; ``points`` and ``target_points`` hold what is drawn, for tests and screen readers."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.points: list[tuple[date, Decimal]] = []
        self.target_points: list[tuple[date, Decimal]] = []
        self.set_goal(None)

    def set_goal(self, goal: GoalView | None) -> None:
        chart = QChart()
        chart.setMargins(QMargins(4, 4, 4, 4))
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        self.points, self.target_points = [], []
        if goal is None:
            chart.setTitle(self.tr("Choose a goal to see its progress."))
            chart.legend().hide()
            self._replace(chart)
            return
        chart.setTitle(f"{goal.description} — {measure_label(goal.measure)}")
        self.points = [(m.measured_on, v) for m in goal.measurements if (v := number_of(m.value)) is not None]
        target, baseline = number_of(goal.target), number_of(goal.baseline)
        days = [d for d, _ in self.points] + ([goal.target_date] if goal.target_date else [])
        start = min(days) if days else None
        end = max(days) if days else None
        if start is not None:  # room either side, so the first and last points are not cut in half
            pad = max(3, (end - start).days // 25)
            start, end = start - timedelta(days=pad), end + timedelta(days=pad)

        measured = QLineSeries()
        measured.setName(self.tr("Measured"))
        measured.setPointsVisible(True)
        measured.setPen(QPen(QColor(MEASURED_COLOUR), 2.5))
        for d, v in self.points:
            measured.append(_ms(d), float(v))
        series = [measured]
        if target is not None and start is not None:
            line = QLineSeries()
            line.setName(arg(self.tr("Target %1"), goal.target))
            pen = QPen(QColor(TARGET_COLOUR), 2, Qt.PenStyle.DashLine)
            line.setPen(pen)
            line.append(_ms(start), float(target))
            line.append(_ms(end), float(target))
            self.target_points = [(start, target), (end, target)]
            series.append(line)
            if goal.target_date:
                due = QScatterSeries()
                due.setName(arg(self.tr("Target date %1"), goal.target_date.isoformat()))
                due.setColor(QColor(TARGET_COLOUR))
                due.setMarkerSize(11)
                due.append(_ms(goal.target_date), float(target))
                series.append(due)
        if baseline is not None and start is not None:
            base = QLineSeries()
            base.setName(arg(self.tr("Baseline %1"), goal.baseline))
            base.setPen(QPen(QColor(BASELINE_COLOUR), 1.5, Qt.PenStyle.DotLine))
            base.append(_ms(start), float(baseline))
            base.append(_ms(end), float(baseline))
            series.append(base)
        for s in series:
            chart.addSeries(s)

        x_axis = QDateTimeAxis()
        x_axis.setFormat("yyyy-MM-dd")
        x_axis.setTickCount(4)
        if start is not None:
            x_axis.setRange(QDateTime(QDate(start.year, start.month, start.day), QTime(0, 0)),
                            QDateTime(QDate(end.year, end.month, end.day), QTime(23, 59)))
        y_axis = QValueAxis()
        values = [v for _, v in self.points] + [v for v in (target, baseline) if v is not None]
        low, high = y_range(goal.measure, values)
        y_axis.setRange(low, high)
        y_axis.setLabelFormat("%g")
        chart.addAxis(x_axis, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(y_axis, Qt.AlignmentFlag.AlignLeft)
        for s in series:
            s.attachAxis(x_axis)
            s.attachAxis(y_axis)
        if not self.points:
            chart.setTitle(chart.title() + " · " + self.tr("no measurements yet"))
        self._replace(chart)

    def _replace(self, chart: QChart) -> None:
        old = self.chart()
        self.setChart(chart)
        if old is not None and old is not chart:
            old.deleteLater()
