"""A report's chart on screen (QtCharts), drawn from the same `Chart` the printout uses, in the
same colours."""

from __future__ import annotations

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QLineSeries,
    QStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QMargins, QPointF, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QWidget

from verzuimdesk.services.printing.report_pdf import series_colours
from verzuimdesk.services.reports.model import Chart, ChartKind


class ReportChartView(QChartView):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumSize(300, 240)
        chart = QChart()
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        chart.setMargins(QMargins(2, 2, 2, 2))
        self.setChart(chart)
        self.spec: Chart | None = None

    def set_chart(self, spec: Chart | None) -> None:
        self.spec = spec
        # a fresh chart each time: axes of the previous report must not linger beside the new
        old = self.chart()
        chart = QChart()
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        chart.setMargins(QMargins(2, 2, 2, 2))
        self.setChart(chart)
        if old is not None:
            old.deleteLater()
        if spec is None or not spec.categories:
            chart.setTitle("Bij deze rapportage hoort geen grafiek.")
            return
        chart.setTitle(spec.title)
        palette = [QColor(c) for c in series_colours(spec)]
        axis_x = QBarCategoryAxis()
        axis_x.append(spec.categories)
        axis_x.setTruncateLabels(False)  # "deze peri…" tells nothing; labels may wrap
        if len(spec.categories) > 8:
            axis_x.setLabelsAngle(-90)
            small = axis_x.labelsFont()
            small.setPointSizeF(max(6.0, small.pointSizeF() * 0.8))
            axis_x.setLabelsFont(small)
        axis_y = QValueAxis()
        top = max([max(v) for _, v in spec.series if v] + [1.0])
        if spec.kind is ChartKind.STACKED and spec.y_max is None:
            top = max(sum(v[i] for _, v in spec.series) for i in range(len(spec.categories)))
        if spec.reference:
            top = max(top, spec.reference[1])
        axis_y.setRange(0, spec.y_max or top * 1.1 or 1)
        if not spec.y_max:
            axis_y.applyNiceNumbers()
        axis_y.setLabelFormat("%.0f")
        axis_y.setTitleText(spec.y_title)
        chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
        series_list: list[QLineSeries | QBarSeries | QStackedBarSeries] = []
        if spec.kind is ChartKind.LINE:
            for index, (name, values) in enumerate(spec.series):
                line = QLineSeries()
                line.setName(name)
                line.setPen(QPen(palette[index % len(palette)], 2.5))
                for i, value in enumerate(values):
                    line.append(QPointF(i, value))
                series_list.append(line)
        else:
            bars = QStackedBarSeries() if spec.kind is ChartKind.STACKED else QBarSeries()
            for index, (name, values) in enumerate(spec.series):
                bar_set = QBarSet(name)
                bar_set.setColor(palette[index % len(palette)])
                bar_set.setBorderColor(palette[index % len(palette)])
                bar_set.append(list(values))
                bars.append(bar_set)
            bars.setBarWidth(0.8)
            series_list.append(bars)
        if spec.reference:
            label, value = spec.reference
            limit = QLineSeries()
            limit.setName(label)
            limit.setPen(QPen(QColor("#222222"), 1.5, Qt.PenStyle.DashLine))
            limit.append(QPointF(-0.5, value))
            limit.append(QPointF(len(spec.categories) - 0.5, value))
            series_list.append(limit)
        for series in series_list:
            chart.addSeries(series)
            series.attachAxis(axis_x)
            series.attachAxis(axis_y)
