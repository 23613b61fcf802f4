"""The generic export: the six files, and export → import into an empty database → export again
gives the same bytes."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from tests.actors import TESTER
from verzuimdesk.demo import build_demo_school
from verzuimdesk.services.context import Context
from verzuimdesk.services.exporting.generic import export_generic, hours
from verzuimdesk.services.importing.generic import import_generic
from verzuimdesk.services.importing.values import parse_hours
from verzuimdesk.store.database import open_database

from .test_import_generic import BASIC, copy_basic

FILES = [
    "leerlingen.csv",
    "ouders.csv",
    "kalender.csv",
    "rooster.csv",
    "absenties.csv",
    "meldingen.csv",
]


def _files(folder: Path) -> dict[str, bytes]:
    return {name: (folder / name).read_bytes() for name in FILES}


def _fresh(tmp_path: Path, name: str) -> Context:
    return Context(open_database(tmp_path / f"{name}.sqlite"), actor=TESTER)


def test_export_writes_the_exchange_format(ctx: Context, tmp_path: Path) -> None:
    import_generic(ctx, copy_basic(tmp_path))

    summary = export_generic(ctx, tmp_path / "uit")

    assert summary.rows == {
        "leerlingen.csv": 4,
        "ouders.csv": 4,
        "leerbedrijven.csv": 0,
        "kalender.csv": 4,
        "rooster.csv": 5,
        "lestijden.csv": 0,
        "codes.csv": 0,
        "absenties.csv": 8,
        "meldingen.csv": 1,
    }
    # what went in comes out the same, in the same order (the fixture is written that way);
    # absenties.csv also gains the minutes of the rows that only had times
    for name in FILES:
        if name != "absenties.csv":
            written = (tmp_path / "uit" / name).read_text(encoding="utf-8").splitlines()
            assert written == (BASIC / name).read_text(encoding="utf-8").splitlines()
    absences = (tmp_path / "uit" / "absenties.csv").read_text(encoding="utf-8").splitlines()
    assert absences[1] == "100001,2025-09-01,08:30,09:20,50,OA,,wiskunde,BRN,2025-09-01 09:25"
    assert not list((tmp_path / "uit").glob(".*"))  # no partial files left behind
    assert "  absenties.csv: 8 regels" in summary.lines()
    assert "  meldingen.csv: 1 regel" in summary.lines()


def test_round_trip_of_the_fixture(ctx: Context, tmp_path: Path) -> None:
    import_generic(ctx, copy_basic(tmp_path))
    export_generic(ctx, tmp_path / "een")
    again = _fresh(tmp_path, "twee")

    import_generic(again, tmp_path / "een")
    export_generic(again, tmp_path / "twee")

    assert _files(tmp_path / "een") == _files(tmp_path / "twee")


def test_round_trip_of_a_demo_school(tmp_path: Path) -> None:
    demo = _fresh(tmp_path, "demo")
    build_demo_school(demo, students=40, seed=3, until=date(2025, 12, 19))
    export_generic(demo, tmp_path / "een")
    again = _fresh(tmp_path, "opnieuw")

    import_generic(again, tmp_path / "een")
    export_generic(again, tmp_path / "twee")
    second = import_generic(again, tmp_path / "twee")

    assert _files(tmp_path / "een") == _files(tmp_path / "twee")
    assert not any(f.touched for f in second.files)
    assert second.file("absenties.csv").unchanged > 500


def test_values_that_excel_would_read_as_formulas_stay_exact(ctx: Context, tmp_path: Path) -> None:
    folder = copy_basic(tmp_path)
    text = (folder / "absenties.csv").read_text(encoding="utf-8")
    text += '100004,2025-09-02,08:30,09:20,,Z,"=ziek, volgens moeder",@vak,-DOC,\n'
    (folder / "absenties.csv").write_text(text, encoding="utf-8")
    import_generic(ctx, folder)

    export_generic(ctx, tmp_path / "uit")

    exported = (tmp_path / "uit" / "absenties.csv").read_bytes().decode("utf-8")
    assert '100004,2025-09-02,08:30,09:20,50,Z,"=ziek, volgens moeder",@vak,-DOC,\r\n' in exported


def test_hours_read_back_to_the_same_minutes() -> None:
    for minutes in [0, 1, 29, 50, 960, 1000, 1001, 12345]:
        assert parse_hours(hours(minutes)) == minutes
    assert hours(990) == "16.5" and hours(None) == ""


def test_export_of_an_empty_database_has_headers_only(ctx: Context, tmp_path: Path) -> None:
    summary = export_generic(ctx, tmp_path / "leeg", progress=lambda *_: None)

    assert set(summary.rows.values()) == {0}
    header = (tmp_path / "leeg" / "absenties.csv").read_bytes().decode("utf-8")
    assert header == (
        "leerlingnummer,datum,begin,eind,minuten,code,reden,vak,docent,geregistreerd_op\r\n"
    )
