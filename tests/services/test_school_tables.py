"""lestijden.csv and codes.csv: the bell schedule and the school's own codes, in and out."""

from __future__ import annotations

from datetime import time
from pathlib import Path

import pytest
from sqlalchemy import select

from verzuimdesk.errors import RemovalsNeedConfirmation, ValidationError
from verzuimdesk.services.bell_schedule import LessonTime, bell_schedule, save_bell_schedule
from verzuimdesk.services.code_table import SchoolCodeEntry, save_school_codes, school_codes
from verzuimdesk.services.context import Context
from verzuimdesk.services.exporting.generic import export_generic
from verzuimdesk.services.importing.generic import import_generic
from verzuimdesk.store.models import Registration

from .test_import_generic import HEADER, copy_basic, dump, problems_of, write

LESTIJDEN = "lesuur,begin,eind\n1,08:30,09:20\n2,09:20,10:10\n3,10:30,11:20\n"
CODES = (
    "code,omschrijving,telt_als,geoorloofd\n"
    "ZH,ziek naar huis,Z,ja\n"
    "SP,gespijbeld,OA,nee\n"
    "HV,huiswerk vergeten,-,\n"
)


def test_both_files_are_imported_and_exported_back(ctx: Context, tmp_path: Path) -> None:
    folder = copy_basic(tmp_path)
    write(folder, "lestijden.csv", LESTIJDEN)
    write(folder, "codes.csv", CODES)

    summary = import_generic(ctx, folder)

    assert summary.file("lestijden.csv").added == 3
    assert summary.file("codes.csv").added == 3
    assert summary.changes.settings
    assert bell_schedule(ctx)[0] == LessonTime(1, time(8, 30), time(9, 20))
    assert [e.code for e in school_codes(ctx)] == ["HV", "SP", "ZH"]
    export_generic(ctx, tmp_path / "uit")
    assert (tmp_path / "uit" / "lestijden.csv").read_text(encoding="utf-8") == LESTIJDEN
    lines = CODES.splitlines(keepends=True)
    assert (tmp_path / "uit" / "codes.csv").read_text(encoding="utf-8") == "".join(
        [lines[0], *sorted(lines[1:])]
    )
    before = dump(ctx)
    assert not import_generic(ctx, tmp_path / "uit").changes.settings
    assert dump(ctx) == before


def test_absenties_use_the_codes_the_same_import_brings(ctx: Context, tmp_path: Path) -> None:
    folder = copy_basic(tmp_path)
    write(folder, "codes.csv", CODES)
    write(
        folder,
        "absenties.csv",
        HEADER
        + "100001,2025-09-01,08:30,09:20,,zh,,,,\n"
        + "100001,2025-09-01,09:20,10:10,,SP,,,,\n"
        + "100001,2025-09-01,10:30,11:20,,HV,,,,\n",
    )

    import_generic(ctx, folder)

    with ctx.db.engine.connect() as connection:
        rows = connection.execute(
            select(Registration.code, Registration.reason).order_by(Registration.begin)
        ).all()
    # ZH is stored as Z with the code's own meaning as its reason; HV is not about presence
    assert [tuple(r) for r in rows] == [("Z", "ziek naar huis"), ("OA", "gespijbeld")]


@pytest.mark.parametrize(
    ("row", "expected"),
    [
        ("A,aanwezig,A,", "'A' is al een code van verzuimdesk (aanwezig)"),
        ("XX,raar,Q,", "'Q' is geen geldige code van verzuimdesk"),
        ("ZZ,ziek?,OA,ja", "maar staat op geoorloofd"),
        ("ZZ,ziek,Z,nee", "maar staat op ongeoorloofd"),
    ],
)
def test_a_wrong_code_is_a_problem_line(
    ctx: Context, tmp_path: Path, row: str, expected: str
) -> None:
    folder = copy_basic(tmp_path)
    write(folder, "codes.csv", "code,omschrijving,telt_als,geoorloofd\n" + row + "\n")

    problems = problems_of(ctx, folder)

    assert len(problems) == 1 and problems[0].startswith("codes.csv, regel 2")
    assert expected in problems[0]


def test_a_wrong_lesson_is_a_problem_line(ctx: Context, tmp_path: Path) -> None:
    folder = copy_basic(tmp_path)
    write(
        folder, "lestijden.csv", "lesuur,begin,eind\n1,08:30,09:20\n1,09:20,10:10\n2,10:00,09:00\n"
    )

    problems = problems_of(ctx, folder)

    assert [p.split(":")[0] for p in problems] == [
        "lestijden.csv, regel 3, kolom 'lesuur'",
        "lestijden.csv, regel 4, kolom 'lesuur'",
    ]


def test_a_header_only_lestijden_csv_stops(ctx: Context, tmp_path: Path) -> None:
    folder = copy_basic(tmp_path)
    write(folder, "lestijden.csv", LESTIJDEN)
    import_generic(ctx, folder)
    write(folder, "lestijden.csv", "lesuur,begin,eind\n")

    with pytest.raises(RemovalsNeedConfirmation, match="3 van de 3 opgeslagen lesuren"):
        import_generic(ctx, folder)


def test_the_settings_save_both_tables_and_check_them(ctx: Context) -> None:
    lessons = [LessonTime(1, time(8, 30), time(9, 20)), LessonTime(2, time(9, 20), time(10, 10))]
    assert save_bell_schedule(ctx, lessons).settings
    assert not save_bell_schedule(ctx, lessons).settings  # the same again changes nothing
    with pytest.raises(ValidationError, match="twee keer"):
        save_bell_schedule(ctx, [*lessons, LessonTime(2, time(11, 0), time(11, 50))])
    assert save_school_codes(ctx, [SchoolCodeEntry("ZH", "ziek naar huis", "Z", True)]).settings
    with pytest.raises(ValidationError, match="al een code van verzuimdesk"):
        save_school_codes(ctx, [SchoolCodeEntry("oa", "", "OA", False)])
    assert bell_schedule(ctx) == lessons
