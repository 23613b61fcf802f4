"""Excel lists as schools save them: title rows above the header, real dates and dates as text,
numbers stored as numbers or as text."""

from __future__ import annotations

import csv
from datetime import date, datetime, time
from pathlib import Path

import pytest
from openpyxl import Workbook

from verzuimdesk.errors import ImportProblems
from verzuimdesk.services.bell_schedule import LessonTime, save_bell_schedule
from verzuimdesk.services.context import Context
from verzuimdesk.services.importing.generic import import_generic
from verzuimdesk.services.importing.presets import import_preset

from .test_import_generic import BASIC, copy_basic, dump


def save(path: Path, rows: list[list[object]]) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for row in rows:
        sheet.append(row)
    book.save(path)


def students_workbook(folder: Path, bad: bool = False) -> None:
    """leerlingen.csv of the basic folder as Excel writes it: numbers, real dates, a title."""
    with (BASIC / "leerlingen.csv").open(encoding="utf-8") as handle:
        header, *rows = list(csv.reader(handle))
    typed: list[list[object]] = [["Leerlingen per 1 oktober"], [], header]
    for row in rows:
        cells: list[object] = list(row)
        cells[0] = int(row[0])  # leerlingnummer stored as a number
        cells[4] = datetime.fromisoformat(row[4])  # a real Excel date
        cells[9] = row[9]  # leerjaar stored as text
        typed.append(cells)
    if bad:
        typed[-1][4] = "31-02-2007"
    (folder / "leerlingen.csv").unlink()
    save(folder / "leerlingen.xlsx", typed)


def test_a_folder_with_a_workbook_imports_as_its_csv_would(ctx: Context, tmp_path: Path) -> None:
    folder = copy_basic(tmp_path, "excel")
    students_workbook(folder)
    import_generic(ctx, folder)
    from_excel = dump(ctx)

    summary = import_generic(ctx, copy_basic(tmp_path))

    assert not summary.changes.students  # the CSV brings nothing the workbook did not
    assert dump(ctx) == from_excel


def test_a_bad_cell_names_the_workbook_and_its_excel_row(ctx: Context, tmp_path: Path) -> None:
    folder = copy_basic(tmp_path)
    students_workbook(folder, bad=True)

    with pytest.raises(ImportProblems) as caught:
        import_generic(ctx, folder)

    # (that student's registrations in absenties.csv are then unknown: a problem each)
    assert str(caught.value.problems[0]).split(":")[0] == (
        "leerlingen.xlsx, regel 7, kolom 'geboortedatum'"
    )


def test_a_broken_workbook_is_a_dutch_problem(ctx: Context, tmp_path: Path) -> None:
    folder = copy_basic(tmp_path)
    (folder / "leerlingen.csv").unlink()
    (folder / "leerlingen.xlsx").write_bytes(b"PK\x03\x04 not really a workbook")

    with pytest.raises(ImportProblems, match="geen leesbaar Excel-bestand"):
        import_generic(ctx, folder)


def test_a_magister_list_saved_as_excel(ctx: Context, tmp_path: Path) -> None:
    import_generic(ctx, copy_basic(tmp_path))
    save_bell_schedule(ctx, [LessonTime(1, time(8, 30), time(9, 20))])
    path = tmp_path / "absenties.xlsx"
    save(
        path,
        [
            ["Absenties 2025-2026"],
            ["Stamnummer", "Roepnaam", "Klas", "Datum", "Lesuur", "Code", "Vak"],
            [100001, "Daan", "1A", datetime(2025, 11, 3), 1, "Z", "wiskunde"],
            ["100002", "Sanne", "1A", "04-11-2025", "1", "A", None],
        ],
    )

    preset, summary = import_preset(ctx, path)

    assert preset.name == "magister-lijst"
    assert summary.file("absenties.csv").added == 2
    with ctx.db.engine.connect() as connection:
        from sqlalchemy import select

        from verzuimdesk.store.models import Registration

        rows = connection.execute(
            select(Registration.date, Registration.code).where(
                Registration.date >= date(2025, 11, 1)
            )
        ).all()
    assert sorted(tuple(r) for r in rows) == [(date(2025, 11, 3), "Z"), (date(2025, 11, 4), "OA")]
