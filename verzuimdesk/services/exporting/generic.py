"""`verzuimdesk export generic FOLDER`: the database as the files of the exchange format.

UTF-8 without BOM, `,` between values, ISO dates, `HH:MM` times, `ja`/`nee`. The files are
written in an order fixed by their values only, so export → import into an empty database →
export gives the same bytes. Each file is written beside its final name and then moved into
place, so a cancelled export never leaves half a file.
"""

from __future__ import annotations

import csv
import os
import time as clock
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, select

from verzuimdesk.domain.roles import Permission
from verzuimdesk.services.access import require
from verzuimdesk.services.context import Context
from verzuimdesk.services.importing.columns import (
    ABSENTIES,
    CODES,
    KALENDER,
    LEERBEDRIJVEN,
    LEERLINGEN,
    LESTIJDEN,
    MELDINGEN,
    OUDERS,
    ROOSTER,
    FileSpec,
)
from verzuimdesk.services.progress import Cancel, Progress, check, never_cancel, no_progress
from verzuimdesk.store.base import table_of
from verzuimdesk.store.models import (
    BellLesson,
    CalendarPeriodRow,
    Company,
    DuoReport,
    Guardian,
    Registration,
    SchoolCode,
    Student,
    TimetableSlot,
)

STEP = 50_000  # rows between progress reports and cancel checks


@dataclass
class ExportSummary:
    folder: str
    rows: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0

    def lines(self) -> list[str]:
        result = [f"Export naar {self.folder}:"]
        result += [
            f"  {name}: {count} {'regel' if count == 1 else 'regels'}"
            for name, count in self.rows.items()
        ]
        seconds = f"{self.seconds:.1f}".replace(".", ",")
        result.append(f"Klaar in {seconds} seconden.")
        return result


class _Formatted(dict[Any, str]):
    """Each distinct value formatted once: a million rows share a few hundred dates and times."""

    def __init__(self, form: Callable[[Any], str]) -> None:
        super().__init__({None: ""})
        self._form = form

    def __missing__(self, value: Any) -> str:
        text = self[value] = self._form(value)
        return text


def text(value: Any) -> Any:
    """A value as the exchange format writes it; csv writes None as empty and ints as digits."""
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, datetime):
        return f"{value:%Y-%m-%d %H:%M}"
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, time):
        return f"{value:%H:%M}"
    return value


def hours(minutes: int | None) -> str:
    """Minutes as decimal hours with at most two decimals; reads back to the same minutes."""
    if minutes is None:
        return ""
    return f"{minutes / 60:.2f}".rstrip("0").rstrip(".")


def _write(
    folder: Path,
    spec: FileSpec,
    rows: Iterable[Sequence[Any]],
    progress: Progress,
    cancel: Cancel,
) -> int:
    target = folder / spec.name
    partial = folder / f".{spec.name}.deels"
    count = 0
    try:
        with partial.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(spec.names)
            for row in rows:
                writer.writerow(row)
                count += 1
                if count % STEP == 0:
                    check(cancel)
                    progress(count, 0, f"{spec.name} schrijven")
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)
    return count


def _students(connection: Connection) -> Iterable[Sequence[Any]]:
    table = table_of(Student)
    statement = select(*(table.c[n] for n in LEERLINGEN.names)).order_by(table.c.leerlingnummer)
    for row in connection.execute(statement):
        yield [text(v) for v in row]


def _guardians(connection: Connection) -> Iterable[Sequence[Any]]:
    table, students = table_of(Guardian), table_of(Student)
    statement = (
        select(students.c.leerlingnummer, *(table.c[n] for n in OUDERS.names[1:]))
        .join_from(table, students, table.c.student_id == students.c.id)
        .order_by(students.c.leerlingnummer, table.c.id)
    )
    for row in connection.execute(statement):
        yield [text(v) for v in row]


def _companies(connection: Connection) -> Iterable[Sequence[Any]]:
    table, students = table_of(Company), table_of(Student)
    statement = (
        select(students.c.leerlingnummer, *(table.c[n] for n in LEERBEDRIJVEN.names[1:]))
        .join_from(table, students, table.c.student_id == students.c.id)
        .order_by(students.c.leerlingnummer, table.c.id)
    )
    for row in connection.execute(statement):
        yield [text(v) for v in row]


def _calendar(connection: Connection) -> Iterable[Sequence[Any]]:
    table = table_of(CalendarPeriodRow)
    columns = (table.c.start, table.c.end, table.c.kind, table.c.name)
    for row in connection.execute(select(*columns).order_by(*columns)):
        yield [text(v) for v in row]


def _timetable(connection: Connection) -> Iterable[Sequence[Any]]:
    table = table_of(TimetableSlot)
    columns = (table.c.klas, table.c.weekday, table.c.begin, table.c.end, table.c.vak)
    rows = [tuple(row) for row in connection.execute(select(*columns, table.c.docent))]
    # sorted here: SQLite and PostgreSQL put empty subjects at opposite ends
    rows.sort(key=lambda r: tuple("" if v is None else v for v in r))
    for row in rows:
        yield [text(v) for v in row]


def _bell_schedule(connection: Connection) -> Iterable[Sequence[Any]]:
    table = table_of(BellLesson)
    columns = (table.c.lesuur, table.c.begin, table.c.end)
    for row in connection.execute(select(*columns).order_by(table.c.lesuur)):
        yield [text(v) for v in row]


def _school_codes(connection: Connection) -> Iterable[Sequence[Any]]:
    table = table_of(SchoolCode)
    columns = (table.c.code, table.c.omschrijving, table.c.telt_als, table.c.geoorloofd)
    for code, omschrijving, telt_als, geoorloofd in connection.execute(
        select(*columns).order_by(table.c.code)
    ):
        yield [code, omschrijving, telt_als or "-", text(geoorloofd)]


def _registrations(connection: Connection) -> Iterable[Sequence[Any]]:
    table, students = table_of(Registration), table_of(Student)
    statement = (
        select(
            students.c.leerlingnummer,
            table.c.date,
            table.c.begin,
            table.c.end,
            table.c.minutes,
            table.c.code,
            table.c.reason,
            table.c.vak,
            table.c.docent,
            table.c.registered_at,
        )
        .join_from(table, students, table.c.student_id == students.c.id)
        .order_by(students.c.leerlingnummer, table.c.date, table.c.begin.nulls_first(), table.c.id)
    )
    days = _Formatted(date.isoformat)
    times = _Formatted(lambda t: f"{t:%H:%M}")
    result = connection.execution_options(yield_per=STEP).execute(statement)
    for number, day, begin, end, minutes, code, reason, vak, docent, at in result:
        moment = "" if at is None else f"{at:%Y-%m-%d %H:%M}"
        yield (
            number,
            days[day],
            times[begin],
            times[end],
            minutes,
            code,
            reason,
            vak,
            docent,
            moment,
        )


def _reports(connection: Connection) -> Iterable[Sequence[Any]]:
    table, students = table_of(DuoReport), table_of(Student)
    statement = (
        select(
            students.c.leerlingnummer,
            table.c.soort,
            table.c.begindatum,
            table.c.einddatum,
            table.c.minutes,
            table.c.meldingsnummer,
            table.c.actie_gewenst,
            table.c.gemeld_op,
        )
        .join_from(table, students, table.c.student_id == students.c.id)
        .order_by(students.c.leerlingnummer, table.c.begindatum, table.c.soort)
    )
    for number, soort, start, end, minutes, nummer, actie, gemeld in connection.execute(statement):
        yield (
            number,
            soort,
            text(start),
            text(end),
            hours(minutes),
            nummer,
            text(actie),
            text(gemeld),
        )


_FILES: tuple[tuple[FileSpec, Callable[[Connection], Iterable[Sequence[Any]]]], ...] = (
    (LEERLINGEN, _students),
    (OUDERS, _guardians),
    (LEERBEDRIJVEN, _companies),
    (KALENDER, _calendar),
    (ROOSTER, _timetable),
    (LESTIJDEN, _bell_schedule),
    (CODES, _school_codes),
    (ABSENTIES, _registrations),
    (MELDINGEN, _reports),
)


def export_generic(
    ctx: Context,
    folder: Path,
    *,
    progress: Progress = no_progress,
    cancel: Cancel = never_cancel,
) -> ExportSummary:
    require(ctx, Permission.EXPORT)
    started = clock.perf_counter()
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    summary = ExportSummary(str(folder))
    # one read transaction, so the files show the same moment
    with ctx.db.engine.connect() as connection:
        for spec, rows in _FILES:
            check(cancel)
            progress(0, 0, f"{spec.name} schrijven")
            summary.rows[spec.name] = _write(folder, spec, rows(connection), progress, cancel)
    summary.seconds = clock.perf_counter() - started
    return summary
