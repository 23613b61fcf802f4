"""`verzuimdesk import generic FOLDER`: a folder in the exchange format, all or nothing.

Every file is read and checked before anything is written, all in one unit of work: a single bad
row stops the import with every problem listed, unless the user chose to skip bad rows. The same
folder imported twice changes nothing the second time.
"""

from __future__ import annotations

import time
from pathlib import Path

from sqlalchemy import select

from verzuimdesk.errors import ImportProblems, RowProblem, ValidationError
from verzuimdesk.services import audit
from verzuimdesk.services.changes import Changes
from verzuimdesk.services.context import Context
from verzuimdesk.services.importing.columns import (
    ABSENTIES,
    ALL_FILES,
    KALENDER,
    LEERLINGEN,
    MELDINGEN,
    OUDERS,
    ROOSTER,
)
from verzuimdesk.services.importing.csv_reader import CsvTable, open_table
from verzuimdesk.services.importing.guardians import read_guardians, write_guardians
from verzuimdesk.services.importing.registrations import read_registrations, write_registrations
from verzuimdesk.services.importing.reports import read_reports, write_reports
from verzuimdesk.services.importing.school_calendar import read_calendar, write_calendar
from verzuimdesk.services.importing.students import (
    StudentFile,
    ensure_classes,
    read_students,
    write_students,
)
from verzuimdesk.services.importing.summary import FileSummary, ImportSummary
from verzuimdesk.services.importing.timetable import read_timetable, write_timetable
from verzuimdesk.services.progress import Cancel, Progress, check, never_cancel, no_progress
from verzuimdesk.services.school import code_map, ensure_codes, get_school
from verzuimdesk.store.models import Student

_ORDER = {spec.name: i for i, spec in enumerate(ALL_FILES)}


def find_file(folder: Path, name: str) -> Path | None:
    """The file of that name in the folder, whatever its case ('Leerlingen.CSV' from Windows)."""
    exact = folder / name
    if exact.is_file():
        return exact
    return next(
        (p for p in folder.iterdir() if p.name.lower() == name and p.is_file()),
        None,
    )


def _check_folder(folder: Path) -> dict[str, Path | None]:
    if not folder.is_dir():
        raise ValidationError(
            f"De map '{folder}' bestaat niet of is geen map. Kies de map met de CSV-bestanden "
            "(leerlingen.csv, absenties.csv, …).",
            field="map",
        )
    paths = {spec.name: find_file(folder, spec.name) for spec in ALL_FILES}
    if paths[LEERLINGEN.name] is None:
        raise ValidationError(
            f"In de map '{folder}' staat geen leerlingen.csv. Dat bestand is verplicht: zet het "
            "leerlingenbestand uit het leerlingvolgsysteem in deze map en importeer opnieuw.",
            field="map",
        )
    return paths


def import_generic(
    ctx: Context,
    folder: Path,
    *,
    skip_bad_rows: bool = False,
    progress: Progress = no_progress,
    cancel: Cancel = never_cancel,
) -> ImportSummary:
    started = time.perf_counter()
    folder = Path(folder)
    paths = _check_folder(folder)
    files = {name: FileSummary(name, present=path is not None) for name, path in paths.items()}
    summary = ImportSummary(str(folder), list(files.values()))
    problems: list[RowProblem] = []

    with ctx.db.unit_of_work() as session:
        ensure_codes(session)
        codes = code_map(session)
        school = get_school(session)
        connection = session.connection()

        tables: dict[str, CsvTable] = {}
        for name, path in paths.items():
            if path is None:
                continue
            check(cancel)
            progress(0, 0, f"{name} openen")
            spec = next(s for s in ALL_FILES if s.name == name)
            table, file_problems = open_table(path, name, spec.names, spec.required)
            if table is None:
                files[name].unreadable = True
                problems += file_problems
            else:
                tables[name] = table
                files[name].unknown_columns = table.unknown

        if files[LEERLINGEN.name].unreadable and not skip_bad_rows:
            # without students every other row would only add "unknown student" noise
            raise ImportProblems(problems)

        # -- read and check everything; nothing is written yet ---------------------------
        students = StudentFile(columns=[])
        if LEERLINGEN.name in tables:
            sector = school.sector if school else None
            students = read_students(tables[LEERLINGEN.name], sector, problems)
        known = set(students.rows) | set(connection.scalars(select(Student.leerlingnummer)))
        guardians = calendar = timetable = registrations = reports = None
        if OUDERS.name in tables:
            guardians = read_guardians(tables[OUDERS.name], known, problems)
        if KALENDER.name in tables:
            calendar = read_calendar(tables[KALENDER.name], problems)
        if ROOSTER.name in tables:
            timetable = read_timetable(tables[ROOSTER.name], problems)
        if ABSENTIES.name in tables:
            registrations = read_registrations(
                tables[ABSENTIES.name], known, codes, connection, problems, progress, cancel
            )
        if MELDINGEN.name in tables:
            reports = read_reports(tables[MELDINGEN.name], known, problems)
        for table in tables.values():
            problems += table.problems
        problems.sort(key=lambda p: (_ORDER[p.file], p.line))
        if problems:
            if not skip_bad_rows:
                raise ImportProblems(problems)
            summary.skipped_problems = problems
            for name in tables:
                files[name].skipped = len({p.line for p in problems if p.file == name})

        # -- write --------------------------------------------------------------------------
        check(cancel)
        progress(0, 0, "leerlingen opslaan")
        klassen = {values["klas"] for values in students.rows.values()}
        ensure_classes(connection, klassen | set(timetable or ()))
        ids = write_students(connection, students, files[LEERLINGEN.name])
        if guardians is not None:
            write_guardians(connection, guardians, students.rows, ids, files[OUDERS.name])
        if calendar is not None:
            write_calendar(connection, calendar, files[KALENDER.name])
        if timetable is not None:
            write_timetable(connection, timetable, files[ROOSTER.name])
        if registrations is not None:
            write_registrations(
                connection, registrations, ids, files[ABSENTIES.name], progress, cancel
            )
        if reports is not None:
            write_reports(connection, *reports, ids, ctx.now(), files[MELDINGEN.name])
        check(cancel)
        audit.record(
            session,
            ctx,
            "import.generic",
            "import",
            None,
            after={"map": str(folder), **summary.counts()},
        )

    summary.changes = Changes(
        students=files[LEERLINGEN.name].touched or files[OUDERS.name].touched,
        registrations=files[ABSENTIES.name].touched,
        reports=files[MELDINGEN.name].touched,
        settings=files[KALENDER.name].touched or files[ROOSTER.name].touched,
    )
    summary.seconds = time.perf_counter() - started
    return summary
