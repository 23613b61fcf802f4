"""Excel (.xlsx) lists read as the rows of a CSV file: openpyxl in read-only mode, first sheet.

Real Excel dates become `YYYY-MM-DD` (with ` HH:MM` when they hold a time), times `HH:MM`,
whole numbers lose Excel's `.0`, yes/no cells `ja`/`nee`; text stays as written (dates as text,
numbers stored as text). The reader then treats them as it treats a CSV file's cells.
"""

from __future__ import annotations

import math
import zipfile
from collections.abc import Iterator
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from verzuimdesk.errors import RowProblem


class UnreadableWorkbook(Exception):
    def __init__(self, problem: RowProblem) -> None:
        super().__init__(problem.reason)
        self.problem = problem


def cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, datetime):
        if value.time() == time(0, 0):
            return value.date().isoformat()
        return f"{value:%Y-%m-%d %H:%M}"
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, time):
        return f"{value:%H:%M}"
    if isinstance(value, float):
        if not math.isfinite(value):
            return str(value)
        if value.is_integer() and abs(value) < 1e15:
            return str(int(value))
        return repr(value)
    return str(value)


def xlsx_rows(path: Path) -> Iterator[tuple[int, list[str]]]:
    """(Excel row number, cell texts) of the first sheet; UnreadableWorkbook when it is none."""
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise UnreadableWorkbook(
            RowProblem(
                path.name,
                1,
                None,
                f"Het bestand is geen leesbaar Excel-bestand (.xlsx): {type(exc).__name__}. "
                "Open het in Excel en sla het opnieuw op als Excel-werkmap of als CSV.",
            )
        ) from None
    try:
        sheet = workbook.worksheets[0]
        for number, row in enumerate(sheet.iter_rows(values_only=True), 1):
            texts = [cell_text(value) for value in row]
            while texts and not texts[-1]:
                texts.pop()
            yield number, texts
    finally:
        workbook.close()


def workbook_to_csv(path: Path, out: Path, known: set[str]) -> int:
    """The first sheet written as a UTF-8 CSV file, from its header row on; the number of rows
    above the header (title rows), so problems can name the Excel row.

    The header is the first row with a cell that names a column of the file (`known`, in
    normalised spelling); without one, the first row is taken.
    """
    import csv

    from verzuimdesk.services.importing.csv_reader import normalize_header

    rows = list(xlsx_rows(path))
    start = next(
        (i for i, (_, row) in enumerate(rows) if known & {normalize_header(c) for c in row}), 0
    )
    with out.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        width = len(rows[start][1]) if rows else 0
        for _, row in rows[start:]:
            writer.writerow(row + [""] * (width - len(row)))
    return start
