"""`verzuimdesk report NAME`: JSON rows, Excel and PDF files, Dutch errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from openpyxl import load_workbook

from tests.services import reports_school as school
from verzuimdesk.cli import main
from verzuimdesk.services.context import Context
from verzuimdesk.store.students import Student


def _db(ctx: Context) -> str:
    return ctx.db.url


def test_json_rows_have_student_and_day_keys(
    ctx: Context, capsys: pytest.CaptureFixture[str]
) -> None:
    school.build(ctx)
    code = main(
        [
            "--db",
            _db(ctx),
            "report",
            "klas-week",
            "--from",
            "2025-10-13",
            "--to",
            "2025-10-17",
            "--klas",
            "1A",
            "--json",
        ]
    )
    assert code == 0
    rows = json.loads(capsys.readouterr().out)
    day_rows = [r for r in rows if "datum" in r]
    assert day_rows and all(r["student_id"] for r in day_rows)
    assert {r["datum"] for r in day_rows} == {f"2025-10-{d}" for d in range(13, 18)}


def test_class_report_json(ctx: Context, capsys: pytest.CaptureFixture[str]) -> None:
    school.build(ctx)
    assert (
        main(
            [
                "--db",
                _db(ctx),
                "report",
                "klas",
                "--from",
                "2025-10-13",
                "--to",
                "2025-10-31",
                "--json",
            ]
        )
        == 0
    )
    rows = {r["klas"]: r for r in json.loads(capsys.readouterr().out)}
    assert rows["1A"]["aanwezig_pct"] == 91.1


def test_xlsx_has_real_numbers_and_autofilter(ctx: Context, tmp_path: Path) -> None:
    school.build(ctx)
    target = tmp_path / "klas.xlsx"
    assert (
        main(
            [
                "--db",
                _db(ctx),
                "report",
                "klas",
                "--from",
                "2025-10-13",
                "--to",
                "2025-10-31",
                "--xlsx",
                str(target),
            ]
        )
        == 0
    )
    book = load_workbook(target)
    sheet = book["Per klas"]
    assert sheet.auto_filter.ref.startswith("A3:")
    header = [c.value for c in sheet[3]]
    column = header.index("Aanwezig") + 1
    values = {sheet.cell(r, 1).value: sheet.cell(r, column) for r in range(4, sheet.max_row + 1)}
    assert values["1A"].value == pytest.approx(0.911)
    assert values["1A"].number_format == "0.0%"
    assert "Grafiek" in book.sheetnames and book["Grafiek"]._charts


def test_card_pdf_is_written(ctx: Context, tmp_path: Path) -> None:
    ids = school.build(ctx)
    with ctx.db.unit_of_work() as s:
        number = s.get(Student, ids["anna"]).leerlingnummer
    target = tmp_path / "kaart.pdf"
    assert (
        main(
            [
                "--db",
                _db(ctx),
                "report",
                "kaart",
                "--from",
                "2025-10-13",
                "--to",
                "2025-10-31",
                "--student",
                number,
                "--pdf",
                str(target),
            ]
        )
        == 0
    )
    assert target.read_bytes().startswith(b"%PDF")


def test_errors_are_dutch_and_write_nothing(
    ctx: Context, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    school.build(ctx)
    target = tmp_path / "kaart.pdf"
    assert (
        main(
            [
                "--db",
                _db(ctx),
                "report",
                "kaart",
                "--from",
                "2025-10-13",
                "--to",
                "2025-10-31",
                "--pdf",
                str(target),
            ]
        )
        == 1
    )
    assert "Kies een leerling" in capsys.readouterr().err
    assert not target.exists() and not list(tmp_path.glob(".verzuimdesk-*"))
    assert (
        main(
            [
                "--db",
                _db(ctx),
                "report",
                "klas",
                "--from",
                "2025-10-31",
                "--to",
                "2025-10-01",
                "--json",
            ]
        )
        == 1
    )
    assert "einddatum" in capsys.readouterr().err
    assert (
        main(
            [
                "--db",
                _db(ctx),
                "report",
                "klas",
                "--from",
                "2025-10-01",
                "--to",
                "2025-10-31",
                "--klas",
                "9Z",
                "--json",
            ]
        )
        == 1
    )
    assert "geen klas 9Z" in capsys.readouterr().err
