"""Every report as an Excel workbook: one sheet per table with real numbers (percentages as
percent cells, hours as hours, dates as dates), an autofilter and frozen header, the summary on
top, and the report's chart as a native Excel chart on a sheet of its own. Text is always written
as text, so a name that starts with "=" can never run as a formula."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, BinaryIO

from openpyxl import Workbook
from openpyxl.chart import BarChart, LineChart, Reference
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from verzuimdesk.services.progress import Cancel, Progress, check, never_cancel, no_progress
from verzuimdesk.services.reports.model import Chart, ChartKind, Column, Kind, Report, Table

_BAD_SHEET_CHARS = re.compile(r"[\[\]:*?/\\]")


def _sheet_title(title: str, used: set[str]) -> str:
    base = _BAD_SHEET_CHARS.sub(" ", title)[:28].strip() or "Blad"
    name, n = base, 2
    while name in used:
        name = f"{base[:25]} {n}"
        n += 1
    used.add(name)
    return name


def _value(column: Column, value: Any) -> tuple[Any, str | None]:
    """The cell value and its number format."""
    if value is None or value == "":
        return None, None
    if column.kind is Kind.PERCENT:
        return value / 100, "0.0%"
    if column.kind is Kind.MINUTES:
        return round(value / 60, 2), "0.00"  # hours, as a number Excel can add up
    if column.kind is Kind.NUMBER:
        return value, "0.0"
    if column.kind is Kind.INT:
        return value, "0"
    if column.kind is Kind.DATE:
        return value, "dd-mm-yyyy"
    return str(value), "@"


def _header(column: Column) -> str:
    return f"{column.title} (uren)" if column.kind is Kind.MINUTES else column.title


def _write_table(
    sheet: Worksheet, report: Report, table: Table, progress: Progress, cancel: Cancel
) -> None:
    sheet.append([f"{report.school_name} · {report.title} · {report.period.text}"])
    sheet["A1"].font = Font(bold=True)
    sheet.append([report.scope.text])
    first_row = 3
    sheet.append([_header(c) for c in table.columns])
    for cell in sheet[first_row]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    for index, column in enumerate(table.columns, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = max(column.width + 2, 8)
    total = len(table.rows)
    for done, row in enumerate(table.rows, start=1):
        values = []
        formats = []
        for column in table.columns:
            value, fmt = _value(column, row.get(column.key))
            values.append(value)
            formats.append(fmt)
        sheet.append(values)
        current = sheet.max_row
        for index, fmt in enumerate(formats, start=1):
            cell = sheet.cell(current, index)
            if fmt == "@":
                cell.data_type = "s"  # never a formula
            if fmt:
                cell.number_format = fmt
        if done % 2000 == 0:
            check(cancel)
            progress(done, total, "rapportage naar Excel")
    last_column = get_column_letter(len(table.columns))
    sheet.auto_filter.ref = f"A{first_row}:{last_column}{max(sheet.max_row, first_row)}"
    sheet.freeze_panes = f"A{first_row + 1}"


def _write_chart(workbook: Workbook, chart: Chart, used: set[str]) -> None:
    sheet = workbook.create_sheet(_sheet_title("Grafiek", used))
    sheet.append(["", *[name for name, _ in chart.series]])
    for index, category in enumerate(chart.categories):
        sheet.append([category, *[values[index] for _, values in chart.series]])
    rows = len(chart.categories)
    if not rows:
        return
    plot: BarChart | LineChart
    if chart.kind is ChartKind.LINE:
        plot = LineChart()
    else:
        plot = BarChart()
        plot.type = "col"
        if chart.kind is ChartKind.STACKED:
            plot.grouping = "stacked"
            plot.overlap = 100
    plot.title = chart.title
    plot.y_axis.title = chart.y_title
    plot.height, plot.width = 9, 22
    data = Reference(sheet, min_col=2, max_col=1 + len(chart.series), min_row=1, max_row=rows + 1)
    plot.add_data(data, titles_from_data=True)
    plot.set_categories(Reference(sheet, min_col=1, min_row=2, max_row=rows + 1))
    sheet.add_chart(plot, f"{get_column_letter(len(chart.series) + 3)}2")


def write_report_xlsx(
    report: Report,
    target: Path | BinaryIO,
    progress: Progress = no_progress,
    cancel: Cancel = never_cancel,
) -> None:
    workbook = Workbook()
    used: set[str] = set()
    summary = workbook.active
    summary.title = _sheet_title("Samenvatting", used)
    summary.append([report.title])
    summary["A1"].font = Font(bold=True, size=13)
    summary.append([report.school_name])
    summary.append([f"Periode {report.period.text}", report.scope.text])
    summary.append([])
    for line in report.summary:
        summary.append([line])
        summary.cell(summary.max_row, 1).data_type = "s"
    summary.column_dimensions["A"].width = 100
    for table in report.tables:
        sheet = workbook.create_sheet(_sheet_title(table.title, used))
        _write_table(sheet, report, table, progress, cancel)
    if report.chart and report.chart.categories:
        _write_chart(workbook, report.chart, used)
    workbook.save(target)
    progress(1, 1, "rapportage naar Excel geschreven")
