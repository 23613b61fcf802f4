"""Every report on paper, in the bellijst's look (styles.py): school name, title, period and
selection on top, the plain-words summary, the chart (ReportLab graphics, so it prints sharp),
then each table with its header repeated on every page and "pagina X van Y" below. Wide reports
print landscape. Printed with invariant=1: the same report gives the same bytes."""

from __future__ import annotations

from pathlib import Path
from typing import BinaryIO
from xml.sax.saxutils import escape

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.charts.linecharts import HorizontalLineChart
from reportlab.graphics.shapes import Drawing, Line, String
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.platypus import (
    Flowable,
    LongTable,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    TableStyle,
)

from verzuimdesk.services.printing.styles import (
    FONT,
    FONT_BOLD,
    GRID,
    HEADER_FILL,
    MARGIN,
    numbered_canvas,
    styles,
)
from verzuimdesk.services.progress import Cancel, Progress, check, never_cancel, no_progress
from verzuimdesk.services.reports.model import Chart, ChartKind, Kind, Report, Table

SERIES_COLOURS = ("#c0392b", "#e6a23c", "#5b8def", "#8e6bbf", "#2e8b57", "#52606d")
# the tier colours: green, amber, red
TIER_COLOURS = ("#2e8b57", "#e6a23c", "#c0392b")
ROWS_PER_CHECK = 200
# a huge table still prints, but at most this many rows: a printout of 240,000 rows helps no one
MAX_PRINTED_ROWS = 5000


def series_colours(chart: Chart) -> list[str]:
    if chart.series and chart.series[0][0].startswith("niveau"):
        return list(TIER_COLOURS)
    return list(SERIES_COLOURS)


def _chart_drawing(chart: Chart, width: float, height: float) -> Drawing:
    drawing = Drawing(width, height)
    palette = series_colours(chart)
    plot = HorizontalLineChart() if chart.kind is ChartKind.LINE else VerticalBarChart()
    many = len(chart.categories) > 12
    plot.x, plot.y = 30, 62 if many else 44
    plot.width, plot.height = width - 40, height - plot.y - 18
    plot.data = [tuple(values) for _, values in chart.series] or [(0,)]
    plot.categoryAxis.categoryNames = chart.categories
    plot.categoryAxis.labels.fontName = FONT
    plot.categoryAxis.labels.fontSize = 6.5
    plot.categoryAxis.labels.angle = 45 if many else 0
    plot.categoryAxis.labels.boxAnchor = "ne" if many else "n"
    if len(chart.categories) > 30:  # every other label, or they print over each other
        step = len(chart.categories) // 20 + 1
        plot.categoryAxis.categoryNames = [
            c if i % step == 0 else "" for i, c in enumerate(chart.categories)
        ]
    plot.valueAxis.labels.fontName = FONT
    plot.valueAxis.labels.fontSize = 7
    plot.valueAxis.valueMin = 0
    top = max([max(v) for _, v in chart.series if v] + [1.0])
    if chart.reference:
        top = max(top, chart.reference[1])
    plot.valueAxis.valueMax = chart.y_max if chart.y_max else top * 1.1
    if isinstance(plot, VerticalBarChart):
        if chart.kind is ChartKind.STACKED:
            plot.categoryAxis.style = "stacked"
        plot.barSpacing = 0.5
        for index in range(len(chart.series)):
            colour = colors.HexColor(palette[index % len(palette)])
            plot.bars[index].fillColor = colour
            plot.bars[index].strokeColor = colour
    else:
        for index in range(len(chart.series)):
            plot.lines[index].strokeColor = colors.HexColor(palette[index % len(palette)])
            plot.lines[index].strokeWidth = 2
    drawing.add(plot)
    if chart.reference:
        label, value = chart.reference
        y = plot.y + plot.height * value / plot.valueAxis.valueMax
        drawing.add(
            Line(
                plot.x, y, plot.x + plot.width, y, strokeColor=colors.black, strokeDashArray=[3, 2]
            )
        )
        drawing.add(String(plot.x + 4, y + 3, label, fontName=FONT, fontSize=7))
    legend = Legend()
    legend.x, legend.y = plot.x, 8
    legend.fontName, legend.fontSize = FONT, 7.5
    legend.alignment = "right"
    legend.columnMaximum = 1  # one row, side by side
    legend.deltax = 110
    legend.colorNamePairs = [
        (colors.HexColor(palette[i % len(palette)]), name)
        for i, (name, _) in enumerate(chart.series)
    ]
    drawing.add(legend)
    drawing.add(String(plot.x, height - 10, chart.title, fontName=FONT_BOLD, fontSize=9))
    if chart.y_title:
        drawing.add(
            String(width, height - 10, chart.y_title, fontName=FONT, fontSize=7, textAnchor="end")
        )
    return drawing


class _Checkpoint(Flowable):
    def __init__(self, done: int, total: int, progress: Progress, cancel: Cancel) -> None:
        super().__init__()
        self.done, self.total, self.progress, self.cancel = done, total, progress, cancel
        self.width = self.height = 0

    def draw(self) -> None:
        check(self.cancel)
        self.progress(self.done, self.total, "rapportage opmaken")


def _table_flowables(
    table: Table, width: float, progress: Progress, cancel: Cancel
) -> list[Flowable]:
    style = styles()
    total_chars = sum(c.width for c in table.columns) or 1
    widths = [width * c.width / total_chars for c in table.columns]
    numeric = {Kind.INT, Kind.NUMBER, Kind.PERCENT, Kind.MINUTES}
    header = [Paragraph(escape(c.title), style["head"]) for c in table.columns]
    rows: list[list[object]] = [header]
    shown = table.rows[:MAX_PRINTED_ROWS]
    for row in shown:
        rows.append(
            [
                Paragraph(escape(c.text(row.get(c.key))), style["small"])
                if c.kind not in numeric
                else c.text(row.get(c.key))
                for c in table.columns
            ]
        )
    if not table.rows:
        rows.append(
            [Paragraph("Niets te melden in deze periode.", style["small"])]
            + [""] * (len(table.columns) - 1)
        )
    commands = [
        ("GRID", (0, 0), (-1, -1), 0.4, GRID),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("FONTNAME", (0, 0), (-1, -1), FONT),
        ("FONTSIZE", (0, 1), (-1, -1), 8),
        ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    for index, column in enumerate(table.columns):
        if column.kind in numeric:
            commands.append(("ALIGN", (index, 1), (index, -1), "RIGHT"))
    flowable = LongTable(rows, colWidths=widths, repeatRows=1)
    flowable.setStyle(TableStyle(commands))
    out: list[Flowable] = [
        Spacer(1, 4 * mm),
        Paragraph(escape(table.title), style["bold"]),
        Spacer(1, 1.5 * mm),
        flowable,
        _Checkpoint(len(shown), len(shown), progress, cancel),
    ]
    if len(table.rows) > len(shown):
        out.append(
            Paragraph(
                f"Alleen de eerste {len(shown)} van {len(table.rows)} regels staan op papier; "
                "de Excel-uitvoer bevat ze allemaal.",
                style["muted"],
            )
        )
    return out


def render_report_pdf(
    report: Report,
    target: Path | BinaryIO,
    progress: Progress = no_progress,
    cancel: Cancel = never_cancel,
) -> None:
    style = styles()
    wide = max(sum(c.width for c in t.columns) for t in report.tables) > 80
    pagesize = landscape(A4) if wide else A4
    page_width = pagesize[0] - 2 * MARGIN
    school = report.school_name or "School"
    title = f"{report.title}"
    story: list[Flowable] = [
        Paragraph(escape(school), style["muted"]),
        Paragraph(escape(title), style["title"]),
        Paragraph(escape(f"Periode {report.period.text} · {report.scope.text}"), style["muted"]),
        Spacer(1, 3 * mm),
    ]
    for line in report.summary:
        story.append(Paragraph(escape(line), style["body"]))
    if report.chart and report.chart.categories:
        story.append(Spacer(1, 3 * mm))
        story.append(_chart_drawing(report.chart, page_width, 62 * mm))
    for table in report.tables:
        story.extend(_table_flowables(table, page_width, progress, cancel))
    doc = SimpleDocTemplate(
        str(target) if isinstance(target, Path) else target,
        pagesize=pagesize,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=16 * mm,
        title=title,
        author=school,
        subject=report.name,
        creator="verzuimdesk",
        invariant=1,
        initialFontName=FONT,
    )
    doc.build(
        story,
        canvasmaker=numbered_canvas(f"{school} · {title} · {report.period.text} · vertrouwelijk"),
    )
    progress(1, 1, "rapportage opgemaakt")
