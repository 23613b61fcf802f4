"""Charts of the dossier: weekly hours by category against the R-16U threshold (QtCharts), and a
weekday × lesson heat map that makes patterns ("always Friday afternoon") visible."""

from __future__ import annotations

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSet,
    QChart,
    QChartView,
    QLineSeries,
    QStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QEvent, QMargins, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QHelpEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QToolTip, QWidget

from verzuimdesk.domain.hours import format_hhmm
from verzuimdesk.services.dossier import (
    CHART_CATEGORIES,
    ONGEOORLOOFD,
    TE_LAAT,
    VERLOF,
    WEEKDAYS,
    ZIEK,
    HeatMap,
    WeekHours,
)

COLOURS = {
    ONGEOORLOOFD: QColor("#c0392b"),
    ZIEK: QColor("#e6a23c"),
    VERLOF: QColor("#5b8def"),
    TE_LAAT: QColor("#8e6bbf"),
}
ROLLING_COLOUR = QColor("#6d0f0f")


class WeeklyHoursChart(QChartView):
    """Stacked bars of hours per lesweek, a line of OA hours over the last 4 lesweken and the
    16-hour line it must stay under: where the dark line crosses the dashed one, R-16U is due."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumHeight(260)
        chart = QChart()
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        chart.setMargins(QMargins(4, 4, 4, 4))
        self.setChart(chart)

    def set_weeks(
        self, weeks: tuple[WeekHours, ...], threshold_minutes: int, lesweken: int
    ) -> None:
        chart = self.chart()
        chart.removeAllSeries()
        for axis in chart.axes():
            chart.removeAxis(axis)
        bars = QStackedBarSeries()
        for category in CHART_CATEGORIES:
            bar_set = QBarSet(category)
            bar_set.setColor(COLOURS[category])
            bar_set.setBorderColor(COLOURS[category])
            bar_set.append([w.minutes[category] / 60 for w in weeks])
            bars.append(bar_set)
        bars.setBarWidth(0.8)
        rolling = QLineSeries()
        rolling.setName(f"ongeoorloofd in de laatste {lesweken} lesweken")
        rolling.setPen(QPen(ROLLING_COLOUR, 2.5))
        limit = QLineSeries()
        limit.setName(f"grens: {format_hhmm(threshold_minutes)} uur per {lesweken} lesweken")
        limit.setPen(QPen(QColor("#222222"), 1.5, Qt.PenStyle.DashLine))
        for i, week in enumerate(weeks):
            rolling.append(QPointF(i, week.rolling_oa / 60))
            limit.append(QPointF(i, threshold_minutes / 60))
        if len(weeks) == 1:  # a line needs two points to be drawn
            limit.append(QPointF(0.4, threshold_minutes / 60))
        for series in (bars, rolling, limit):
            chart.addSeries(series)
        axis_x = QBarCategoryAxis()
        axis_x.append([w.label.removeprefix("wk ") for w in weeks] or ["-"])
        axis_x.setTitleText("lesweek (weeknummer)")
        axis_x.setLabelsAngle(-90)  # two-digit week numbers of a whole year side by side
        small = axis_x.labelsFont()
        small.setPointSizeF(max(6.0, small.pointSizeF() * 0.8))
        axis_x.setLabelsFont(small)
        axis_y = QValueAxis()
        top = max(
            [threshold_minutes / 60 * 1.2]
            + [w.rolling_oa / 60 for w in weeks]
            + [sum(w.minutes.values()) / 60 for w in weeks]
        )
        axis_y.setRange(0, top * 1.05)
        axis_y.applyNiceNumbers()
        axis_y.setLabelFormat("%d")
        axis_y.setTitleText("uren")
        chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
        for series in (bars, rolling, limit):
            series.attachAxis(axis_x)
            series.attachAxis(axis_y)


class HeatMapWidget(QWidget):
    """Absence per weekday (rows) and lesson (columns); darker is more."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._heat = HeatMap((), {})
        self._categories: tuple[str, ...] = (ONGEOORLOOFD, ZIEK)
        self.setMinimumSize(QSize(360, 170))
        self.setMouseTracking(True)

    def set_heat(self, heat: HeatMap, categories: tuple[str, ...]) -> None:
        self._heat = heat
        self._categories = categories
        self.update()

    def value(self, weekday: int, slot: int) -> int:
        return self._heat.minutes(weekday, slot, self._categories)

    def _geometry(self) -> tuple[float, float, float, float]:
        left, top = 34.0, 30.0
        columns = max(1, len(self._heat.slots))
        cell_w = (self.width() - left - 4) / columns
        cell_h = (self.height() - top - 4) / len(WEEKDAYS)
        return left, top, cell_w, cell_h

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        left, top, cell_w, cell_h = self._geometry()
        slots = self._heat.slots
        if not slots:
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, "Geen rooster of lessen")
            return
        highest = max(
            (self.value(d, s) for d in range(len(WEEKDAYS)) for s in range(len(slots))),
            default=0,
        )
        text_pen = painter.pen()
        for s, label in enumerate(slots):
            rect = QRectF(left + s * cell_w, 0, cell_w, top - 2)
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, label)
        for d, name in enumerate(WEEKDAYS):
            painter.setPen(text_pen)
            painter.drawText(
                QRectF(0, top + d * cell_h, left - 4, cell_h),
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight,
                name,
            )
            for s in range(len(slots)):
                minutes = self.value(d, s)
                share = minutes / highest if highest else 0.0
                colour = QColor.fromRgbF(1.0, 1.0 - 0.75 * share, 1.0 - 0.8 * share)
                rect = QRectF(left + s * cell_w + 1, top + d * cell_h + 1, cell_w - 2, cell_h - 2)
                painter.fillRect(rect, colour)
                painter.setPen(QColor("#d0d4d9"))
                painter.drawRect(rect)
                if minutes:
                    painter.setPen(QColor("white") if share > 0.6 else QColor("#222222"))
                    painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, format_hhmm(minutes))
        painter.end()

    def event(self, event: QEvent) -> bool:
        if isinstance(event, QHelpEvent) and self._heat.slots:
            left, top, cell_w, cell_h = self._geometry()
            slot = int((event.pos().x() - left) // cell_w)
            day = int((event.pos().y() - top) // cell_h)
            if 0 <= slot < len(self._heat.slots) and 0 <= day < len(WEEKDAYS):
                cell = self._heat.cells.get((day, slot), {})
                parts = [f"{c}: {format_hhmm(m)}" for c, m in cell.items() if m]
                QToolTip.showText(
                    event.globalPos(),
                    f"{WEEKDAYS[day]} {self._heat.slots[slot]}\n" + ("\n".join(parts) or "niets"),
                    self,
                )
                return True
        return super().event(event)
