"""The generic import: forgiving in form, strict in meaning, all or nothing, idempotent."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, time
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event, func, select

from verzuimdesk.errors import ImportProblems, ValidationError
from verzuimdesk.services.context import Context
from verzuimdesk.services.importing.generic import import_generic
from verzuimdesk.services.progress import Cancelled
from verzuimdesk.store.base import Base
from verzuimdesk.store.models import (
    AuditEntry,
    CalendarPeriodRow,
    DuoReport,
    Guardian,
    Registration,
    SchoolClass,
    Student,
    TimetableSlot,
)

BASIC = Path(__file__).resolve().parents[1] / "data" / "generic" / "basic"
HEADER = "leerlingnummer,datum,begin,eind,minuten,code,reden,vak,docent,geregistreerd_op\n"


def copy_basic(tmp_path: Path, name: str = "map") -> Path:
    folder = tmp_path / name
    shutil.copytree(BASIC, folder)
    return folder


def write(folder: Path, name: str, text: str, encoding: str = "utf-8") -> None:
    (folder / name).write_bytes(text.encode(encoding))


def dump(ctx: Context) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table but the audit trail, which gains one entry per import."""
    with ctx.db.engine.connect() as connection:
        return {
            table.name: sorted((tuple(row) for row in connection.execute(select(table))), key=str)
            for table in Base.metadata.sorted_tables
            if table.name not in ("audit_entry", "alembic_version")
        }


def count(ctx: Context, model: type) -> int:
    with ctx.db.engine.connect() as connection:
        return connection.scalar(select(func.count()).select_from(model)) or 0


@contextmanager
def writes(ctx: Context) -> Iterator[list[str]]:
    """The INSERT, UPDATE and DELETE statements sent to the database inside the block."""
    seen: list[str] = []

    def listen(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if statement.lstrip().split(" ", 1)[0].upper() in ("INSERT", "UPDATE", "DELETE"):
            seen.append(statement)

    event.listen(ctx.db.engine, "before_cursor_execute", listen)
    try:
        yield seen
    finally:
        event.remove(ctx.db.engine, "before_cursor_execute", listen)


def problems_of(ctx: Context, folder: Path) -> list[str]:
    """The problems of an import that must fail, after checking it wrote nothing."""
    before = dump(ctx)
    audits = count(ctx, AuditEntry)
    with pytest.raises(ImportProblems) as caught:
        import_generic(ctx, folder)
    assert dump(ctx) == before
    assert count(ctx, AuditEntry) == audits
    assert "Er is niets opgeslagen" in caught.value.message
    return [str(p) for p in caught.value.problems]


# -- the happy path ------------------------------------------------------------------------


def test_imports_every_file(any_ctx: Context, tmp_path: Path) -> None:
    summary = import_generic(any_ctx, copy_basic(tmp_path))

    assert summary.file("leerlingen.csv").added == 4
    assert summary.file("ouders.csv").added == 4
    assert summary.file("kalender.csv").added == 4
    assert summary.file("rooster.csv").added == 5
    assert summary.file("absenties.csv").added == 8
    assert summary.file("meldingen.csv").added == 1
    assert summary.changes.students and summary.changes.registrations
    with any_ctx.db.unit_of_work() as session:
        daan = session.scalars(select(Student).where(Student.leerlingnummer == "100001")).one()
        assert (daan.tussenvoegsel, daan.geboortedatum, daan.klas) == (
            "de",
            date(2009, 3, 14),
            "1A",
        )
        assert daan.startkwalificatie is False and daan.studiefinanciering is None
        assert [g.naam for g in daan.guardians] == ["P. de Vries", "M. de Vries-Bakker"]
        mohammed = session.scalars(select(Student).where(Student.leerlingnummer == "100003")).one()
        assert (mohammed.leerweg, mohammed.ouders_informeren) == ("BOL", True)
        sick = session.scalars(select(Registration).where(Registration.code == "Z")).one()
        assert (sick.begin, sick.end, sick.minutes) == (time(8, 30), time(9, 20), 50)
        assert sick.reason == "ziek gemeld door moeder" and sick.source == "import"
        assert sick.registered_at is not None and sick.registered_at.hour == 8
        untimed = session.scalars(select(Registration).where(Registration.begin.is_(None))).all()
        assert [r.minutes for r in untimed] == [90, 90]  # two identical rows stay two
        report = session.scalars(select(DuoReport)).one()
        assert (report.soort, report.minutes, report.source) == ("16u", 1000, "import")
        assert report.actie_gewenst is False and report.meldingsnummer == "DUO-0001234"
        assert set(session.scalars(select(SchoolClass.code))) == {"1A", "MV2B"}
        assert session.scalar(select(func.count()).select_from(TimetableSlot)) == 5
        assert session.scalar(select(func.count()).select_from(CalendarPeriodRow)) == 4
        audit = session.scalars(select(AuditEntry)).all()
        assert [a.action for a in audit] == ["import.generic"]
        assert '"toegevoegd": 8' in (audit[0].after or "")


def test_second_import_changes_nothing(any_ctx: Context, tmp_path: Path) -> None:
    folder = copy_basic(tmp_path)
    import_generic(any_ctx, folder)
    before = dump(any_ctx)

    with writes(any_ctx) as statements:
        summary = import_generic(any_ctx, folder)

    assert dump(any_ctx) == before
    assert all(s.lstrip().startswith("INSERT INTO audit_entry") for s in statements)
    assert count(any_ctx, AuditEntry) == 2
    for file in summary.files:
        assert (file.added, file.changed, file.removed) == (0, 0, 0)
    assert summary.file("absenties.csv").unchanged == 8
    assert "ongewijzigd" in summary.lines()[1]
    assert any("niets gewijzigd" in line for line in summary.lines())
    assert not summary.changes.registrations


def test_changed_code_on_reimport_updates_in_place(any_ctx: Context, tmp_path: Path) -> None:
    folder = copy_basic(tmp_path)
    import_generic(any_ctx, folder)
    with any_ctx.db.engine.connect() as connection:
        ids_before = connection.scalars(select(Registration.id).order_by(Registration.id)).all()
    text = (folder / "absenties.csv").read_text(encoding="utf-8")
    write(
        folder,
        "absenties.csv",
        text.replace(
            "100001,2025-09-01,08:30,09:20,,OA,,", "100001,2025-09-01,08:30,09:20,,Z,griep,"
        ),
    )

    summary = import_generic(any_ctx, folder)

    assert (summary.file("absenties.csv").changed, summary.file("absenties.csv").added) == (1, 0)
    with any_ctx.db.unit_of_work() as session:
        assert (
            session.scalars(select(Registration.id).order_by(Registration.id)).all() == ids_before
        )
        changed = session.scalars(
            select(Registration).where(Registration.vak == "wiskunde", Registration.code == "Z")
        ).one()
        assert (changed.reason, changed.begin) == ("griep", time(8, 30))


def test_changed_student_is_updated_not_duplicated(ctx: Context, tmp_path: Path) -> None:
    folder = copy_basic(tmp_path)
    import_generic(ctx, folder)
    text = (folder / "leerlingen.csv").read_text(encoding="utf-8")
    write(
        folder,
        "leerlingen.csv",
        text.replace("Sanne,,Jansen,2008-11-02,1A", "Sanne,,Jansen,2008-11-02,2A"),
    )

    summary = import_generic(ctx, folder)

    assert (summary.file("leerlingen.csv").changed, summary.file("leerlingen.csv").unchanged) == (
        1,
        3,
    )
    assert count(ctx, Student) == 4
    with ctx.db.unit_of_work() as session:
        assert (
            session.scalars(select(Student.klas).where(Student.leerlingnummer == "100002")).one()
            == "2A"
        )
        assert "2A" in set(session.scalars(select(SchoolClass.code)))


def test_guardians_are_replaced_only_for_a_student_whose_list_changed(
    ctx: Context, tmp_path: Path
) -> None:
    folder = copy_basic(tmp_path)
    import_generic(ctx, folder)
    with ctx.db.engine.connect() as connection:
        kept = connection.scalars(select(Guardian.id).where(Guardian.naam == "A. Jansen")).one()
    lines = (folder / "ouders.csv").read_text(encoding="utf-8").splitlines()
    write(folder, "ouders.csv", "\n".join(line for line in lines if "Bakker" not in line) + "\n")

    summary = import_generic(ctx, folder)

    assert summary.file("ouders.csv").removed == 1
    with ctx.db.engine.connect() as connection:
        names = connection.scalars(select(Guardian.naam).order_by(Guardian.id)).all()
        assert (
            connection.scalars(select(Guardian.id).where(Guardian.naam == "A. Jansen")).one()
            == kept
        )
    assert sorted(names) == ["A. Jansen", "K. el Amrani", "P. de Vries"]


# -- forgiving in form ---------------------------------------------------------------------


def test_windows_1252_file_with_accents_imports_right(ctx: Context, tmp_path: Path) -> None:
    folder = copy_basic(tmp_path)
    text = (folder / "leerlingen.csv").read_text(encoding="utf-8")
    write(
        folder, "leerlingen.csv", text.replace("Eline", "Eloïse").replace("Daan", "Dané"), "cp1252"
    )

    import_generic(ctx, folder)

    with ctx.db.engine.connect() as connection:
        names = set(connection.scalars(select(Student.roepnaam)))
    assert {"Eloïse", "Dané"} <= names


def test_utf8_with_bom_semicolons_and_dutch_header_spellings(ctx: Context, tmp_path: Path) -> None:
    folder = tmp_path / "map"
    folder.mkdir()
    write(
        folder,
        "leerlingen.csv",
        "\ufeffLeerling Nummer;Roepnaam;ACHTERNAAM;Geboorte_datum;Klas;Ouders Informeren;"
        "Ingeschreven-van\n"
        "200001;Zoë;Bakker;14-03-2009;3B;J;1/8/2025\n"
        "200002;Bram;Smit;2009/04/01;3B;nee;\n",
    )
    write(
        folder,
        "absenties.csv",
        "Leerlingnummer;Dátum;Begin;Eind;Code;Réden\n"
        "200001;02-09-2025;8:30;9:20;OA;\n"
        "200002;2025/09/03;13:00;14:40;Z;koorts\n",
    )

    summary = import_generic(ctx, folder)

    assert summary.file("absenties.csv").added == 2
    with ctx.db.unit_of_work() as session:
        zoe = session.scalars(select(Student).where(Student.leerlingnummer == "200001")).one()
        assert (zoe.roepnaam, zoe.geboortedatum) == ("Zoë", date(2009, 3, 14))
        assert (zoe.ouders_informeren, zoe.ingeschreven_van) == (True, date(2025, 8, 1))
        rows = session.scalars(select(Registration).order_by(Registration.date)).all()
        assert [(r.date, r.begin, r.minutes) for r in rows] == [
            (date(2025, 9, 2), time(8, 30), 50),
            (date(2025, 9, 3), time(13, 0), 100),
        ]


def test_minutes_come_from_the_times_when_both_are_given(ctx: Context, tmp_path: Path) -> None:
    folder = copy_basic(tmp_path)
    write(folder, "absenties.csv", HEADER + "100001,2025-09-01,08:30,09:20,999,OA,,,,\n")

    import_generic(ctx, folder)

    with ctx.db.engine.connect() as connection:
        assert connection.scalars(select(Registration.minutes)).all() == [50]


def test_absent_files_and_unknown_columns_are_named(ctx: Context, tmp_path: Path) -> None:
    folder = tmp_path / "map"
    folder.mkdir()
    shutil.copy(BASIC / "leerlingen.csv", folder)
    text = (folder / "leerlingen.csv").read_text(encoding="utf-8")
    lines = text.splitlines()
    lines = [lines[0] + ",mentor"] + [line + ",X" for line in lines[1:]]
    write(folder, "leerlingen.csv", "\n".join(lines) + "\n")

    summary = import_generic(ctx, folder)

    text = "\n".join(summary.lines())
    assert "absenties.csv: niet aanwezig, overgeslagen" in text
    assert "kalender.csv: niet aanwezig, overgeslagen" in text
    assert "onbekende kolommen genegeerd: 'mentor'" in text
    assert "Klaar in" in text


# -- strict in meaning: nothing is written -------------------------------------------------


def test_missing_required_column_is_one_problem_naming_it(ctx: Context, tmp_path: Path) -> None:
    folder = copy_basic(tmp_path)
    text = (folder / "leerlingen.csv").read_text(encoding="utf-8")
    write(folder, "leerlingen.csv", text.replace("geboortedatum", "verjaardag", 1))

    problems = problems_of(ctx, folder)

    assert len(problems) == 1
    assert "leerlingen.csv, regel 1, kolom 'geboortedatum'" in problems[0]
    assert "ontbreekt" in problems[0]


def test_bad_date_names_file_line_and_column(ctx: Context, tmp_path: Path) -> None:
    folder = copy_basic(tmp_path)
    lines = (folder / "absenties.csv").read_text(encoding="utf-8").splitlines()
    lines[6] = lines[6].replace("2025-09-03", "31-02-2025")  # the file's line 7
    write(folder, "absenties.csv", "\n".join(lines) + "\n")

    problems = problems_of(ctx, folder)

    assert len(problems) == 1
    assert problems[0].startswith("absenties.csv, regel 7, kolom 'datum': ")
    assert "31-02-2025" in problems[0] and "JJJJ-MM-DD" in problems[0]


def test_duplicate_leerlingnummer(ctx: Context, tmp_path: Path) -> None:
    folder = copy_basic(tmp_path)
    text = (folder / "leerlingen.csv").read_text(encoding="utf-8")
    write(folder, "leerlingen.csv", text + "100002,Sam,,Jansen,2008-11-02,1A\n")

    problems = problems_of(ctx, folder)

    assert problems == [
        "leerlingen.csv, regel 6, kolom 'leerlingnummer': Leerlingnummer '100002' staat ook op "
        "regel 3. Elk leerlingnummer mag maar één keer in leerlingen.csv staan; voeg de regels "
        "samen of verbeter het nummer."
    ]


def test_unknown_code(ctx: Context, tmp_path: Path) -> None:
    folder = copy_basic(tmp_path)
    write(folder, "absenties.csv", HEADER + "100001,2025-09-01,08:30,09:20,,XX,,,,\n")

    problems = problems_of(ctx, folder)

    assert len(problems) == 1
    assert "regel 2, kolom 'code': Onbekende code 'XX'" in problems[0]


def test_geoorloofd_without_reason(ctx: Context, tmp_path: Path) -> None:
    folder = copy_basic(tmp_path)
    write(folder, "absenties.csv", HEADER + "100001,2025-09-01,08:30,09:20,,V,,,,\n")

    problems = problems_of(ctx, folder)

    assert len(problems) == 1
    assert "kolom 'reden'" in problems[0] and "R-REASON" in problems[0]


def test_unknown_student_in_other_files(ctx: Context, tmp_path: Path) -> None:
    folder = copy_basic(tmp_path)
    write(folder, "absenties.csv", HEADER + "999999,2025-09-01,08:30,09:20,,OA,,,,\n")
    write(folder, "ouders.csv", "leerlingnummer,naam\n999998,Iemand\n")

    problems = problems_of(ctx, folder)

    assert problems == [
        "ouders.csv, regel 2, kolom 'leerlingnummer': Onbekende leerling '999998'. Zet de "
        "leerling in leerlingen.csv (zonder fouten) of verbeter het leerlingnummer.",
        "absenties.csv, regel 2, kolom 'leerlingnummer': Onbekende leerling '999999'. Zet de "
        "leerling in leerlingen.csv (zonder fouten) of verbeter het leerlingnummer.",
    ]


def test_times_and_minutes_must_make_sense(ctx: Context, tmp_path: Path) -> None:
    folder = copy_basic(tmp_path)
    write(
        folder,
        "absenties.csv",
        HEADER + "100001,2025-09-01,10:00,09:00,,OA,,,,\n100001,2025-09-02,,,,OA,,,,\n"
        "100001,2025-09-03,8h30,09:00,,OA,,,,\n",
    )

    problems = problems_of(ctx, folder)

    assert [p.split(":")[0] for p in problems] == [
        "absenties.csv, regel 2, kolom 'eind'",
        "absenties.csv, regel 3, kolom 'minuten'",
        "absenties.csv, regel 4, kolom 'begin'",
    ]
    assert "ligt voor de begintijd" in problems[0]


def test_problems_in_several_files_are_all_reported(ctx: Context, tmp_path: Path) -> None:
    folder = copy_basic(tmp_path)
    write(folder, "kalender.csv", "van,tot,soort,naam\n2025-10-26,2025-10-18,vakantie,Herfst\n")
    write(folder, "meldingen.csv", "leerlingnummer,soort,begindatum\n100001,16uur,2025-03-03\n")
    write(folder, "rooster.csv", "klas,weekdag,begin,eind\n1A,zaterdag,08:30,09:20\n")

    problems = problems_of(ctx, folder)

    assert [p.split(":")[0] for p in problems] == [
        "kalender.csv, regel 2, kolom 'tot'",
        "rooster.csv, regel 2, kolom 'weekdag'",
        "meldingen.csv, regel 2, kolom 'soort'",
    ]


def test_skip_bad_rows_imports_the_good_ones(ctx: Context, tmp_path: Path) -> None:
    folder = copy_basic(tmp_path)
    text = (folder / "absenties.csv").read_text(encoding="utf-8")
    write(folder, "absenties.csv", text + "100001,2025-09-04,08:30,09:20,,XX,,,,\n")
    students = (folder / "leerlingen.csv").read_text(encoding="utf-8")
    write(folder, "leerlingen.csv", students + "100009,Zonder,,Datum,,1A\n")

    summary = import_generic(ctx, folder, skip_bad_rows=True)

    assert count(ctx, Registration) == 8
    assert count(ctx, Student) == 4
    assert summary.file("absenties.csv").skipped == 1
    assert summary.file("leerlingen.csv").skipped == 1
    text = "\n".join(summary.lines())
    assert "Overgeslagen regels (2):" in text
    assert "absenties.csv, regel 10, kolom 'code'" in text


# -- the folder itself ---------------------------------------------------------------------


def test_missing_folder_and_missing_leerlingen(ctx: Context, tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match="bestaat niet"):
        import_generic(ctx, tmp_path / "nergens")
    (tmp_path / "leeg").mkdir()
    with pytest.raises(ValidationError, match=r"geen leerlingen\.csv"):
        import_generic(ctx, tmp_path / "leeg")


def test_file_names_are_matched_without_regard_to_case(ctx: Context, tmp_path: Path) -> None:
    folder = tmp_path / "map"
    folder.mkdir()
    shutil.copy(BASIC / "leerlingen.csv", folder / "Leerlingen.CSV")

    summary = import_generic(ctx, folder)

    assert summary.file("leerlingen.csv").added == 4


def test_cancel_writes_nothing(ctx: Context, tmp_path: Path) -> None:
    with pytest.raises(Cancelled):
        import_generic(ctx, copy_basic(tmp_path), cancel=lambda: True)
    assert count(ctx, Student) == 0
