"""The bellijst printed (PDF) and exported (Excel): complete, repeatable, and without the parents
R-OUDERS withholds."""

import io
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from tests.services.bellijst_school import (
    LIST_DAY,
    add_student,
    guardian_phones,
    make_school,
    register,
)
from verzuimdesk.services.bellijst import BellijstFilter, build_bellijst
from verzuimdesk.services.context import Context
from verzuimdesk.services.exporting.bellijst_xlsx import write_bellijst_xlsx
from verzuimdesk.services.printing.bellijst_pdf import render_bellijst_pdf

WITHHELD_PARENT = "Ouder1 Geheim"


@pytest.fixture
def school(ctx: Context) -> tuple[Context, str]:
    """A school with an 18+ student without consent; returns the withheld parent's phone too."""
    make_school(ctx, inform_18plus=False)
    adult = add_student(ctx, roepnaam="Ada", achternaam="Geheim", born=date(2004, 4, 4))
    minor = add_student(
        ctx, roepnaam="=SUM(A1)", achternaam="Jong & Co", born=date(2011, 1, 1), guardians=2
    )
    for sid in (adult, minor):
        register(ctx, sid, LIST_DAY, lessons=range(2))
    return ctx, guardian_phones(ctx, adult)[0]


def pdf_text(data: bytes, tmp_path: Path) -> str:
    path = tmp_path / "bellijst.pdf"
    path.write_bytes(data)
    if shutil.which("pdftotext"):
        return subprocess.run(
            ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
        ).stdout
    pytest.skip("pdftotext (poppler-utils) is not installed")


def test_pdf_is_repeatable_and_shows_the_list(school: tuple[Context, str], tmp_path: Path) -> None:
    ctx, withheld_phone = school
    bellijst = build_bellijst(ctx)
    first, second = io.BytesIO(), io.BytesIO()
    render_bellijst_pdf(bellijst, first)
    render_bellijst_pdf(bellijst, second)
    assert first.getvalue() == second.getvalue()
    assert first.getvalue().startswith(b"%PDF")
    text = pdf_text(first.getvalue(), tmp_path)
    assert "Bellijst woensdag 1 oktober 2025" in text
    assert "ROC De Fictieve Horizon" in text
    assert "Geheim, Ada" in text and "Jong & Co, =SUM(A1)" in text
    assert "pagina 1 van 1" in text
    assert "Ouder1 Jong & Co" in text  # a minor's parent is listed
    assert WITHHELD_PARENT not in text and withheld_phone not in text
    assert "Ouders niet bellen" in text


def test_pdf_of_an_empty_list(ctx: Context, tmp_path: Path) -> None:
    make_school(ctx)
    out = io.BytesIO()
    render_bellijst_pdf(build_bellijst(ctx), out)
    assert "Niemand te bellen" in pdf_text(out.getvalue(), tmp_path)


def test_many_rows_span_pages(ctx: Context, tmp_path: Path) -> None:
    make_school(ctx)
    for i in range(60):
        register(ctx, add_student(ctx, achternaam=f"Leerling{i:02d}"), LIST_DAY, lessons=range(1))
    out = io.BytesIO()
    render_bellijst_pdf(build_bellijst(ctx), out)
    text = pdf_text(out.getvalue(), tmp_path)
    assert "pagina 1 van" in text and "Leerling59" in text
    assert text.count("Waarom bellen") >= 2  # the header row repeats on every page


def test_excel_cells_are_text_and_without_withheld_parents(
    school: tuple[Context, str], tmp_path: Path
) -> None:
    ctx, withheld_phone = school
    path = tmp_path / "bellijst.xlsx"
    write_bellijst_xlsx(build_bellijst(ctx), path)
    sheet = load_workbook(path).active
    cells = [c for row in sheet.iter_rows() for c in row if c.value is not None]
    values = [str(c.value) for c in cells]
    assert sheet["B2"].value == "Leerlingnummer"
    names = [c for c in cells if c.value == "Jong & Co, =SUM(A1)"]
    assert names and names[0].data_type == "s"
    assert not any(c.data_type == "f" for c in cells)
    assert not any(WITHHELD_PARENT in v or withheld_phone in v for v in values)
    assert any("Ouder1 Jong & Co" in v for v in values)
    assert any("Ouders niet bellen" in v for v in values)


@pytest.fixture
def two_klassen(ctx: Context) -> Context:
    make_school(ctx)
    for klas, names in (("2B", ("Bakker", "Smit")), ("3A", ("Visser", "Mulder", "Bos"))):
        for name in names:
            register(ctx, add_student(ctx, achternaam=name, klas=klas), LIST_DAY, lessons=range(1))
    return ctx


def test_a_filtered_pdf_holds_only_those_students_and_names_the_filter(
    two_klassen: Context, tmp_path: Path
) -> None:
    selection = BellijstFilter(klas="2B")
    out = io.BytesIO()
    render_bellijst_pdf(build_bellijst(two_klassen, selection=selection), out)
    text = pdf_text(out.getvalue(), tmp_path)
    assert "Bellijst woensdag 1 oktober 2025 · klas 2B" in text
    assert "2 leerlingen, 0 van 2 gebeld" in text
    assert "Bakker, Sem" in text and "Smit, Sem" in text
    assert not any(name in text for name in ("Visser", "Mulder", "Bos,"))


def test_a_filtered_excel_holds_only_those_students_and_names_the_filter(
    two_klassen: Context, tmp_path: Path
) -> None:
    path = tmp_path / "bellijst.xlsx"
    selection = BellijstFilter(klas="3A", text="ER")  # Visser and Mulder, not Bos
    write_bellijst_xlsx(build_bellijst(two_klassen, selection=selection), path)
    sheet = load_workbook(path).active
    assert sheet["A1"].value.endswith("filter: klas 3A, zoeken \u201cER\u201d · 0 van 2 gebeld")
    names = [row[2] for row in sheet.iter_rows(min_row=3, values_only=True)]
    assert sorted(names) == ["Mulder, Sem", "Visser, Sem"]
    assert all(row[3] == "3A" for row in sheet.iter_rows(min_row=3, values_only=True))


def test_a_filter_that_keeps_nobody_prints_so(two_klassen: Context, tmp_path: Path) -> None:
    out = io.BytesIO()
    selection = BellijstFilter(klas="2B", text="Visser")
    render_bellijst_pdf(build_bellijst(two_klassen, selection=selection), out)
    text = pdf_text(out.getvalue(), tmp_path)
    assert "Niemand te bellen met dit" in text  # the cell wraps before "filter"
    assert "klas 2B, zoeken" in text
