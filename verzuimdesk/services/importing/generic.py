"""`verzuimdesk import generic FOLDER`: a folder in the exchange format, all or nothing.

Everything happens in one unit of work: a single bad row stops the import with every problem
listed and nothing written, unless the user chose to skip bad rows. The other files are read and
checked before anything is written; absenties.csv, by far the largest, is stored while it is
still being read (`registration_source.py`), and a problem found in it rolls the whole import
back. The same folder imported twice changes nothing the second time.
"""

from __future__ import annotations

import shutil
import tempfile
import time
from contextlib import ExitStack, suppress
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, select

from verzuimdesk.domain.roles import Permission
from verzuimdesk.errors import ImportProblems, RowProblem, ValidationError
from verzuimdesk.services import audit
from verzuimdesk.services.access import require
from verzuimdesk.services.bell_schedule import store_schedule
from verzuimdesk.services.changes import Changes
from verzuimdesk.services.code_table import load_codes, store_codes, with_school_codes
from verzuimdesk.services.context import Context
from verzuimdesk.services.gc_pause import gc_paused
from verzuimdesk.services.importing.columns import (
    ABSENTIES,
    ALL_FILES,
    CODES,
    KALENDER,
    LEERBEDRIJVEN,
    LEERLINGEN,
    LESTIJDEN,
    MELDINGEN,
    OUDERS,
    ROOSTER,
)
from verzuimdesk.services.importing.companies import read_companies, write_companies
from verzuimdesk.services.importing.csv_reader import (
    BrokenFile,
    CsvTable,
    normalize_header,
    open_table,
)
from verzuimdesk.services.importing.guardians import read_guardians, write_guardians
from verzuimdesk.services.importing.registration_source import (
    Chunk,
    Opened,
    RegistrationSource,
)
from verzuimdesk.services.importing.registration_writer import RegistrationWriter
from verzuimdesk.services.importing.reports import read_reports, write_reports
from verzuimdesk.services.importing.safety import Trail, last_import_day
from verzuimdesk.services.importing.school_calendar import read_calendar, write_calendar
from verzuimdesk.services.importing.school_tables import read_codes, read_lestijden
from verzuimdesk.services.importing.students import (
    StudentFile,
    ensure_classes,
    read_students,
    write_students,
)
from verzuimdesk.services.importing.summary import FileSummary, ImportSummary
from verzuimdesk.services.importing.timetable import read_timetable, write_timetable
from verzuimdesk.services.importing.xlsx import UnreadableWorkbook, workbook_to_csv
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


def _check_folder(folder: Path, students_required: bool = True) -> dict[str, Path | None]:
    if not folder.is_dir():
        raise ValidationError(
            f"De map '{folder}' bestaat niet of is geen map. Kies de map met de CSV-bestanden "
            "(leerlingen.csv, absenties.csv, …).",
            field="map",
        )
    paths = {spec.name: find_file(folder, spec.name) for spec in ALL_FILES}
    if paths[LEERLINGEN.name] is None and students_required:
        raise ValidationError(
            f"In de map '{folder}' staat geen leerlingen.csv. Dat bestand is verplicht: zet het "
            "leerlingenbestand uit het leerlingvolgsysteem in deze map en importeer opnieuw.",
            field="map",
        )
    return paths


def _workbooks(folder: Path) -> dict[str, Path]:
    """The files given as Excel workbooks (leerlingen.xlsx for leerlingen.csv), by CSV name."""
    found = {}
    for spec in ALL_FILES:
        workbook = find_file(folder, spec.name.removesuffix(".csv") + ".xlsx")
        if workbook is not None and find_file(folder, spec.name) is None:
            found[spec.name] = workbook
    return found


def _import_workbooks(ctx: Context, folder: Path, **options: Any) -> ImportSummary:
    """The folder with its workbooks as CSV files beside the others, imported as one; problems
    name the workbook and its Excel row."""
    workbooks = _workbooks(folder)
    with tempfile.TemporaryDirectory(prefix="verzuimdesk-") as temp:
        staged = Path(temp)
        shifts: dict[str, tuple[str, int]] = {}
        for spec in ALL_FILES:
            if spec.name in workbooks:
                known = {normalize_header(n) for n in spec.names}
                try:
                    above = workbook_to_csv(workbooks[spec.name], staged / spec.name, known)
                except UnreadableWorkbook as exc:
                    raise ImportProblems([exc.problem]) from None
                shifts[spec.name] = (workbooks[spec.name].name, above)
            elif (path := find_file(folder, spec.name)) is not None:
                shutil.copyfile(path, staged / spec.name)

        def named(problems: list[RowProblem]) -> list[RowProblem]:
            result = []
            for p in problems:
                file, above = shifts.get(p.file, (p.file, 0))
                result.append(RowProblem(file, p.line + above, p.column, p.reason))
            return result

        try:
            summary = import_generic(ctx, staged, **options)
        except ImportProblems as exc:
            raise ImportProblems(named(exc.problems)) from None
    summary.folder = str(folder)
    summary.skipped_problems = named(summary.skipped_problems)
    return summary


def _blocking(problems: list[RowProblem], skip_bad_rows: bool) -> bool:
    """Problems that stop the import: any, or with skipping only a file that is broken."""
    if not problems:
        return False
    return not skip_bad_rows or any(isinstance(p, BrokenFile) for p in problems)


def _stop_unless_skipping(problems: list[RowProblem], skip_bad_rows: bool) -> None:
    if _blocking(problems, skip_bad_rows):
        problems.sort(key=lambda p: (_ORDER[p.file], p.line))
        raise ImportProblems(problems)


class _DryRun(Exception):
    """Raised at the end of a dry run, so its unit of work rolls back everything it did."""


def _store_registrations(
    source: RegistrationSource,
    connection: Connection,
    ids: dict[str, int] | None,
    summary: FileSummary,
    problems: list[RowProblem],
    skip_bad_rows: bool,
    progress: Progress,
    cancel: Cancel,
    trail: Trail,
) -> None:
    """absenties.csv read to its end, its rows stored while no problem stands in the way.

    `ids` None: another file has a problem, so the rows are only checked. The check for
    problems comes before the writer's end, so indexes are not rebuilt for a rollback.
    """
    messages = iter(source)
    opened = next(messages)
    assert isinstance(opened, Opened)
    summary.unreadable, summary.unknown_columns = opened.unreadable, opened.unknown_columns
    problems += opened.problems
    with ExitStack() as stack:
        writer = None
        if ids is not None and not opened.unreadable:
            writer = RegistrationWriter(connection, ids, summary, opened.lines, trail)
            stack.enter_context(writer)
        for chunk in messages:
            assert isinstance(chunk, Chunk)  # only the first message is the Opened one
            check(cancel)
            problems += chunk.problems
            if writer is not None and not _blocking(problems, skip_bad_rows):
                writer.write(chunk.values)
            progress(chunk.line, opened.lines, f"{summary.file} lezen en opslaan")
        _stop_unless_skipping(problems, skip_bad_rows)


def import_generic(
    ctx: Context,
    folder: Path,
    *,
    skip_bad_rows: bool = False,
    allow_removals: bool = False,
    dry_run: bool = False,
    students_required: bool = True,
    progress: Progress = no_progress,
    cancel: Cancel = never_cancel,
) -> ImportSummary:
    """The folder imported all or nothing; see the module's text.

    `allow_removals`: a file may remove more than a small share of its kind of stored rows
    (safety.py). `dry_run`: everything is done and counted, then rolled back (the preview).
    """
    require(ctx, Permission.IMPORT)
    started = time.perf_counter()
    folder = Path(folder)
    if folder.is_dir() and _workbooks(folder):
        return _import_workbooks(
            ctx,
            folder,
            skip_bad_rows=skip_bad_rows,
            allow_removals=allow_removals,
            dry_run=dry_run,
            students_required=students_required,
            progress=progress,
            cancel=cancel,
        )
    paths = _check_folder(folder, students_required)
    files = {name: FileSummary(name, present=path is not None) for name, path in paths.items()}
    summary = ImportSummary(str(folder), list(files.values()))
    problems: list[RowProblem] = []
    trail = Trail(ctx)
    with suppress(_DryRun):
        _import(
            ctx,
            folder,
            paths,
            files,
            summary,
            problems,
            trail,
            skip_bad_rows,
            allow_removals,
            dry_run,
            progress,
            cancel,
        )
    summary.dry_run = dry_run
    summary.changes = (
        Changes()
        if dry_run
        else Changes(
            students=files[LEERLINGEN.name].touched
            or files[OUDERS.name].touched
            or files[LEERBEDRIJVEN.name].touched,
            letters=files[LEERBEDRIJVEN.name].touched or files[MELDINGEN.name].touched,
            registrations=files[ABSENTIES.name].touched,
            reports=files[MELDINGEN.name].touched,
            settings=files[KALENDER.name].touched
            or files[ROOSTER.name].touched
            or files[LESTIJDEN.name].touched
            or files[CODES.name].touched,
        )
    )
    summary.seconds = time.perf_counter() - started
    return summary


def _import(
    ctx: Context,
    folder: Path,
    paths: dict[str, Path | None],
    files: dict[str, FileSummary],
    summary: ImportSummary,
    problems: list[RowProblem],
    trail: Trail,
    skip_bad_rows: bool,
    allow_removals: bool,
    dry_run: bool,
    progress: Progress,
    cancel: Cancel,
) -> None:
    with ctx.db.unit_of_work() as session, ExitStack() as stack, gc_paused():
        ensure_codes(session)
        codes = code_map(session)
        school = get_school(session)
        connection = session.connection()

        tables: dict[str, CsvTable] = {}
        for name, path in paths.items():
            if path is None or name == ABSENTIES.name:
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

        if files[LEERLINGEN.name].unreadable and _blocking(problems, skip_bad_rows):
            # without students every other row would only add "unknown student" noise
            raise ImportProblems(problems)

        # -- read and check; absenties.csv is read alongside (see the module's text) ---------
        students = StudentFile(columns=[])
        if LEERLINGEN.name in tables:
            sector = school.sector if school else None
            students = read_students(tables[LEERLINGEN.name], sector, problems)
        stored = set(connection.scalars(select(Student.leerlingnummer)))
        known = set(students.rows) | stored
        students_read = not any(p.file == LEERLINGEN.name for p in problems)
        if LEERLINGEN.name in tables and students_read:
            # never removed (their history stays), but named: they may have left the school
            summary.not_in_file = sorted(stored - set(students.rows))
        lessons = school_codes = None
        if LESTIJDEN.name in tables:
            lessons = read_lestijden(tables[LESTIJDEN.name], problems)
        if CODES.name in tables:
            school_codes = read_codes(tables[CODES.name], problems)
        # absenties.csv may use the codes codes.csv brings in the same import
        in_use = {e.code: e for e in school_codes} if school_codes is not None else None
        codes = with_school_codes(codes, load_codes(connection) if in_use is None else in_use)
        absenties = paths[ABSENTIES.name]
        source = None
        if absenties is not None:
            driver = f"{connection.dialect.name}+{connection.dialect.driver}"
            source = stack.enter_context(
                RegistrationSource(absenties, known, codes, driver, ctx.helpers)
            )
        guardians = calendar = timetable = reports = companies = None
        if OUDERS.name in tables:
            guardians = read_guardians(tables[OUDERS.name], known, problems)
        if LEERBEDRIJVEN.name in tables:
            companies = read_companies(tables[LEERBEDRIJVEN.name], known, problems)
        if KALENDER.name in tables:
            calendar = read_calendar(tables[KALENDER.name], problems)
        if ROOSTER.name in tables:
            timetable = read_timetable(tables[ROOSTER.name], problems)
        if MELDINGEN.name in tables:
            reports = read_reports(tables[MELDINGEN.name], known, problems)
        for table in tables.values():
            problems += table.problems

        # -- write --------------------------------------------------------------------------
        ids = None
        if not _blocking(problems, skip_bad_rows):
            check(cancel)
            progress(0, 0, "leerlingen opslaan")
            last_import = last_import_day(connection)
            klassen = {values["klas"] for values in students.rows.values()}
            ensure_classes(connection, klassen | set(timetable or ()))
            ids = write_students(connection, students, files[LEERLINGEN.name], trail, last_import)
            if guardians is not None:
                write_guardians(
                    connection,
                    guardians,
                    students.rows,
                    ids,
                    files[OUDERS.name],
                    trail,
                    last_import,
                    allow_removals,
                )
            if companies is not None:
                write_companies(
                    connection,
                    companies,
                    students.rows,
                    ids,
                    files[LEERBEDRIJVEN.name],
                    trail,
                    allow_removals,
                )
            if calendar is not None:
                write_calendar(connection, calendar, files[KALENDER.name], trail, allow_removals)
            if timetable is not None:
                write_timetable(connection, timetable, files[ROOSTER.name], trail, allow_removals)
            if lessons is not None:
                counts = store_schedule(connection, lessons, trail, allow_removals)
                files[LESTIJDEN.name].count(*counts)
            if school_codes is not None:
                counts = store_codes(connection, school_codes, trail, allow_removals)
                files[CODES.name].count(*counts)
        if source is not None:
            summary_of = files[ABSENTIES.name]
            _store_registrations(
                source,
                connection,
                ids,
                summary_of,
                problems,
                skip_bad_rows,
                progress,
                cancel,
                trail,
            )
        _stop_unless_skipping(problems, skip_bad_rows)
        if problems:
            problems.sort(key=lambda p: (_ORDER[p.file], p.line))
            summary.skipped_problems = problems
            for name, file in files.items():
                file.skipped = len({p.line for p in problems if p.file == name})
        if reports is not None and ids is not None:
            write_reports(connection, *reports, ids, ctx.now(), files[MELDINGEN.name], trail)
        check(cancel)
        trail.write(connection)
        audit.record(
            session,
            ctx,
            "import.generic",
            "import",
            None,
            after={"map": str(folder), **summary.counts()},
        )
        if dry_run:
            raise _DryRun
