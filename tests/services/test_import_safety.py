"""Imports that never lose data: each case that once lost data, reproduced and held."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import inspect, select, text, update

from tests.actors import TESTER
from verzuimdesk.errors import ImportProblems, PermissionDenied, RemovalsNeedConfirmation
from verzuimdesk.services.consent import record_consent
from verzuimdesk.services.context import Context
from verzuimdesk.services.exporting.generic import export_generic
from verzuimdesk.services.importing import registration_writer
from verzuimdesk.services.importing.generic import import_generic
from verzuimdesk.store.models import AuditEntry, Guardian, Registration, Student, TimetableSlot
from verzuimdesk.store.registrations import Source

from .test_import_generic import HEADER, copy_basic, count, dump, problems_of, write


def student_id(ctx: Context, number: str) -> int:
    with ctx.db.engine.connect() as connection:
        found = connection.scalar(select(Student.id).where(Student.leerlingnummer == number))
    assert found is not None
    return found


def audits(ctx: Context, action: str) -> list[AuditEntry]:
    with ctx.db.sessions() as session:
        return list(session.scalars(select(AuditEntry).where(AuditEntry.action == action)))


# -- removals are never silent ----------------------------------------------------------------


def test_a_header_only_ouders_csv_removes_no_guardian(ctx: Context, tmp_path: Path) -> None:
    folder = copy_basic(tmp_path)
    import_generic(ctx, folder)
    before = dump(ctx)
    write(folder, "ouders.csv", "leerlingnummer,naam,relatie,telefoon,email\n")

    with pytest.raises(RemovalsNeedConfirmation) as caught:
        import_generic(ctx, folder)

    assert "ouders.csv zou 4 van de 4 opgeslagen ouders en verzorgers verwijderen" in str(
        caught.value
    )
    assert "--allow-removals" in str(caught.value)
    assert dump(ctx) == before


def test_removals_allowed_are_done_and_audited_with_their_before_values(
    ctx: Context, tmp_path: Path
) -> None:
    folder = copy_basic(tmp_path)
    import_generic(ctx, folder)
    write(folder, "ouders.csv", "leerlingnummer,naam,relatie,telefoon,email\n")

    summary = import_generic(ctx, folder, allow_removals=True)

    assert count(ctx, Guardian) == 0
    assert summary.file("ouders.csv").removed == 4
    removed = audits(ctx, "import.verwijder")
    assert len(removed) == 3  # one per student whose guardians went
    names = [g["naam"] for entry in removed for g in json.loads(entry.before or "")["ouders"]]
    assert sorted(names) == ["A. Jansen", "K. el Amrani", "M. de Vries-Bakker", "P. de Vries"]


def test_one_guardian_less_is_an_ordinary_change(ctx: Context, tmp_path: Path) -> None:
    folder = copy_basic(tmp_path)
    import_generic(ctx, folder)
    lines = (folder / "ouders.csv").read_text(encoding="utf-8").splitlines()
    write(folder, "ouders.csv", "\n".join(lines[:-1]) + "\n")

    summary = import_generic(ctx, folder)

    assert summary.file("ouders.csv").removed == 1
    assert count(ctx, Guardian) == 3


def test_a_timetable_that_drops_most_lessons_stops(ctx: Context, tmp_path: Path) -> None:
    folder = copy_basic(tmp_path)
    import_generic(ctx, folder)
    before = dump(ctx)
    write(folder, "rooster.csv", "klas,weekdag,begin,eind\n1A,1,08:30,09:20\nMV2B,1,08:30,10:10\n")

    with pytest.raises(RemovalsNeedConfirmation, match="3 van de 5 opgeslagen roosterlessen"):
        import_generic(ctx, folder)
    assert dump(ctx) == before


# -- a file cut off is a problem of that file ---------------------------------------------------


@pytest.mark.parametrize("skip_bad_rows", [False, True])
def test_a_truncated_rooster_csv_replaces_nothing(
    ctx: Context, tmp_path: Path, skip_bad_rows: bool
) -> None:
    folder = copy_basic(tmp_path)
    import_generic(ctx, folder)
    before = dump(ctx)
    whole = (folder / "rooster.csv").read_text(encoding="utf-8")
    write(folder, "rooster.csv", whole[: whole.index("MV2B,3") + 8])  # "MV2B,3,1" and no more

    with pytest.raises(ImportProblems) as caught:
        import_generic(ctx, folder, skip_bad_rows=skip_bad_rows)

    assert [str(p) for p in caught.value.problems if "afgebroken" in str(p)] == [
        "rooster.csv, regel 6: De laatste regel heeft minder waarden dan de kopregel (6 "
        "kolommen): het bestand lijkt halverwege afgebroken. Exporteer het bestand opnieuw uit "
        "het leerlingvolgsysteem; er is niets geïmporteerd."
    ]
    assert dump(ctx) == before


def test_a_quote_never_closed_is_a_problem_not_a_shorter_file(ctx: Context, tmp_path: Path) -> None:
    folder = copy_basic(tmp_path)
    text_ = (folder / "absenties.csv").read_text(encoding="utf-8")
    write(folder, "absenties.csv", text_ + '100001,2025-09-04,08:30,09:20,,Z,"ziek\n')

    problems = problems_of(ctx, folder)

    assert len(problems) == 1 and "aanhalingsteken" in problems[0]
    assert problems[0].startswith("absenties.csv, regel 10")


def test_a_row_added_by_hand_without_its_empty_columns_is_fine(
    ctx: Context, tmp_path: Path
) -> None:
    folder = copy_basic(tmp_path)
    text_ = (folder / "rooster.csv").read_text(encoding="utf-8")
    write(folder, "rooster.csv", text_ + "1A,3,08:30,09:20\n")

    summary = import_generic(ctx, folder)

    assert summary.file("rooster.csv").added == 6


# -- the index work is undone with everything else ---------------------------------------------


def registration_indexes(ctx: Context) -> list[str]:
    with ctx.db.engine.connect() as connection:
        return sorted(str(i["name"]) for i in inspect(connection).get_indexes("registration"))


def test_a_late_bad_row_after_the_index_work_leaves_the_indexes(
    ctx: Context, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The second import writes nothing before the registrations, so no transaction was open
    when the indexes were dropped: that once dropped them for good."""
    monkeypatch.setattr(registration_writer, "BULK_ROWS", 5)
    folder = copy_basic(tmp_path)
    import_generic(ctx, folder)
    indexes = registration_indexes(ctx)
    assert len(indexes) == 4
    before = dump(ctx)
    rows = [f"100002,2025-10-{d:02},08:30,09:20,,OA,,,," for d in range(1, 31)]
    write(folder, "absenties.csv", HEADER + "\n".join([*rows, "100002,2025-13-01,,,50,OA,,,,"]))

    with pytest.raises(ImportProblems):
        import_generic(ctx, folder)

    assert registration_indexes(ctx) == indexes
    assert dump(ctx) == before
    write(folder, "absenties.csv", HEADER + "\n".join(rows) + "\n")
    assert import_generic(ctx, folder).file("absenties.csv").added == 30
    assert registration_indexes(ctx) == indexes


# -- the desk's newer record wins ---------------------------------------------------------------


def test_a_refusal_recorded_at_the_desk_survives_the_next_import(
    ctx: Context, tmp_path: Path
) -> None:
    folder = copy_basic(tmp_path)
    import_generic(ctx, folder)  # 100003: "ja" in the file
    record_consent(ctx, student_id(ctx, "100003"), False, date(2025, 9, 30))

    summary = import_generic(ctx, folder)

    with ctx.db.sessions() as session:
        student = session.get(Student, student_id(ctx, "100003"))
        assert student is not None
        assert (student.ouders_informeren, student.ouders_informeren_datum) == (
            False,
            date(2025, 9, 30),
        )
    assert (
        "  leerling 100003: de keuze van de leerling die aan de balie is vastgelegd ('ouders "
        "niet informeren') blijft staan; het bestand zegt 'ouders informeren'."
    ) in summary.lines()


def test_a_newer_choice_in_the_lvs_replaces_an_older_desk_record(
    ctx: Context, tmp_path: Path
) -> None:
    folder = copy_basic(tmp_path)
    import_generic(ctx, folder)
    record_consent(ctx, student_id(ctx, "100003"), False, date(2025, 9, 1))
    import_generic(ctx, folder)  # the desk's record stands (2025-10-01)
    students = (folder / "leerlingen.csv").read_text(encoding="utf-8")
    # the student tells the LVS administration, which records "ja" again after that import
    later = Context(ctx.db, actor=TESTER, clock=lambda: ctx.now().replace(month=11))
    write(
        folder,
        "leerlingen.csv",
        students.replace("Zeist,06-22222222,,ja", "Zeist,06-22222222,,nee"),
    )
    import_generic(later, folder)
    write(folder, "leerlingen.csv", students)

    summary = import_generic(later, folder)

    with ctx.db.sessions() as session:
        student = session.get(Student, student_id(ctx, "100003"))
        assert student is not None and student.ouders_informeren is True
    assert any("nieuwere keuze" in line for line in summary.lines())


def test_post_ontvangen_recorded_at_the_desk_survives(ctx: Context, tmp_path: Path) -> None:
    folder = copy_basic(tmp_path)
    import_generic(ctx, folder)
    with ctx.db.engine.begin() as connection:
        connection.execute(
            update(Guardian)
            .where(Guardian.naam == "A. Jansen")
            .values(post_ontvangen=False, post_ontvangen_datum=date(2025, 9, 20))
        )

    summary = import_generic(ctx, folder)

    with ctx.db.engine.connect() as connection:
        post = connection.scalar(
            select(Guardian.post_ontvangen).where(Guardian.naam == "A. Jansen")
        )
    assert post is False
    assert any("A. Jansen: 'post ontvangen'" in line for line in summary.lines())


def test_a_registration_corrected_at_the_desk_survives(ctx: Context, tmp_path: Path) -> None:
    folder = copy_basic(tmp_path)
    import_generic(ctx, folder)
    with ctx.db.engine.begin() as connection:
        first = connection.scalar(select(func_min_id()))
        connection.execute(
            update(Registration)
            .where(Registration.id == first)
            .values(code="Z", reason="ziek naar huis", source=Source.CORRECTIE)
        )
    before = dump(ctx)

    summary = import_generic(ctx, folder)

    assert dump(ctx) == before
    assert any("de correctie aan de balie (Z) blijft staan" in line for line in summary.lines())


def func_min_id() -> object:
    from sqlalchemy import func

    return func.min(Registration.id)


# -- the audit trail holds what an import changed ----------------------------------------------


def test_a_changed_student_is_audited_with_the_value_before(ctx: Context, tmp_path: Path) -> None:
    folder = copy_basic(tmp_path)
    import_generic(ctx, folder)
    students = (folder / "leerlingen.csv").read_text(encoding="utf-8")
    write(folder, "leerlingen.csv", students.replace("Eikstraat 12", "Eikstraat 14"))

    import_generic(ctx, folder)

    [entry] = audits(ctx, "import.wijzig")
    assert (entry.entity, entry.entity_id) == ("student", str(student_id(ctx, "100002")))
    assert json.loads(entry.before or "") == {"straat": "Eikstraat 12"}
    assert json.loads(entry.after or "") == {"straat": "Eikstraat 14"}


def test_a_changed_registration_is_audited(ctx: Context, tmp_path: Path) -> None:
    folder = copy_basic(tmp_path)
    import_generic(ctx, folder)
    text_ = (folder / "absenties.csv").read_text(encoding="utf-8")
    write(folder, "absenties.csv", text_.replace("08:30,09:20,,OA,", "08:30,09:20,,A,", 1))

    import_generic(ctx, folder)

    [entry] = audits(ctx, "import.wijzig")
    assert entry.entity == "registration"
    assert json.loads(entry.before or "") == {"code": "OA"}


# -- absurd cells are problem lines, never a traceback -----------------------------------------


@pytest.mark.parametrize(
    ("file", "row", "expected"),
    [
        ("absenties.csv", "100001,9999-09-04,08:30,09:20,,OA,,,,", "tussen 1900 en 2100"),
        ("absenties.csv", "100001,2025-09-04,,,nan,OA,,,,", "'nan' is geen heel getal"),
        ("absenties.csv", "100001,2025-09-04,08:30,09:20,,OA,,,,2025-09-04T08:30:00+99:00", "geen"),
        ("absenties.csv", "100001,2025-09-04,08:30,09:20,,OA,,,,0001-01-01 08:00", "1900"),
        ("absenties.csv", "100001,2025-09-04,08:30,09:20,,OA," + "x" * 200_000 + ",,,", "kB"),
        ("absenties.csv", "1" * 5000 + ",2025-09-04,08:30,09:20,,OA,,,,", "Onbekende leerling"),
        ("meldingen.csv", "100001,16u,2025-09-01,,nan", "geen aantal uren"),
        ("meldingen.csv", "100001,16u,2025-09-01,,Infinity", "geen aantal uren"),
        ("meldingen.csv", "100001,16u,2025-09-01,,1e999999", "geen aantal uren"),
        ("meldingen.csv", "100001,16u,2025-09-01,,99999999", "tikfout"),
    ],
)
def test_absurd_cells_are_dutch_problem_lines(
    ctx: Context, tmp_path: Path, file: str, row: str, expected: str
) -> None:
    folder = copy_basic(tmp_path)
    header = (
        HEADER if file == "absenties.csv" else "leerlingnummer,soort,begindatum,einddatum,uren\n"
    )
    write(folder, file, header + row + "\n")

    problems = problems_of(ctx, folder)

    assert len(problems) == 1
    assert expected in problems[0]
    assert len(problems[0]) < 400


# -- round trips, dry runs, permissions ----------------------------------------------------------


def test_export_then_import_changes_nothing_even_with_desk_made_rows(
    ctx: Context, tmp_path: Path
) -> None:
    folder = copy_basic(tmp_path)
    import_generic(ctx, folder)
    with ctx.db.engine.begin() as connection:
        connection.execute(
            text(
                'INSERT INTO registration (student_id, date, begin, "end", minutes, code, '
                "reason, source) SELECT id, '2025-09-22', '08:30:00.000000', '09:20:00.000000', "
                "50, 'Z', 'ziek', 'receptie' FROM student WHERE leerlingnummer = '100004'"
            )
        )
    exported = tmp_path / "export"
    export_generic(ctx, exported)
    before = dump(ctx)

    summary = import_generic(ctx, exported)

    assert dump(ctx) == before
    assert not summary.changes.registrations


def test_a_dry_run_counts_and_writes_nothing(ctx: Context, tmp_path: Path) -> None:
    folder = copy_basic(tmp_path)
    before = dump(ctx)

    summary = import_generic(ctx, folder, dry_run=True)

    assert summary.file("leerlingen.csv").added == 4
    assert summary.file("absenties.csv").added == 8
    assert summary.lines()[0].startswith("Proefimport uit")
    assert dump(ctx) == before
    assert count(ctx, AuditEntry) == 0


def test_import_needs_the_import_permission(db: object, tmp_path: Path) -> None:
    from verzuimdesk.domain.roles import Role
    from verzuimdesk.services.context import Actor

    reader = Context(db, actor=Actor("Lezer", Role.MENTOR, None, frozenset()))  # type: ignore[arg-type]
    with pytest.raises(PermissionDenied):
        import_generic(reader, copy_basic(tmp_path))
    assert TimetableSlot  # the import touched nothing


def test_students_no_longer_in_the_file_are_kept_and_named(ctx: Context, tmp_path: Path) -> None:
    folder = copy_basic(tmp_path)
    import_generic(ctx, folder)
    lines = (folder / "leerlingen.csv").read_text(encoding="utf-8").splitlines()
    write(folder, "leerlingen.csv", "\n".join(lines[:-1]) + "\n")  # 100004 left

    summary = import_generic(ctx, folder)

    assert count(ctx, Student) == 4
    assert summary.not_in_file == ["100004"]
    assert (
        "Niet meer in leerlingen.csv (1; vertrokken? hun gegevens blijven bewaard): 100004"
        in summary.lines()
    )
