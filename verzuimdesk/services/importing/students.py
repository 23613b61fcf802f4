"""leerlingen.csv: students keyed by leerlingnummer; a re-import updates, never duplicates.

A column the file has is the truth (empty means "not known" and clears the field); a column it
leaves out is not touched, so a file with only the required columns keeps the rest intact.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import Connection, insert, select, update

from verzuimdesk.errors import RowProblem
from verzuimdesk.services.bulk import RawStatement, param, to_db_rows
from verzuimdesk.services.importing.columns import LEERLINGEN
from verzuimdesk.services.importing.csv_reader import CsvTable
from verzuimdesk.services.importing.records import read_records
from verzuimdesk.services.importing.safety import DESK, Trail, keep_desk
from verzuimdesk.services.importing.summary import FileSummary
from verzuimdesk.store.base import table_of
from verzuimdesk.store.models import SchoolClass, Student

NAMES = LEERLINGEN.names  # the file's columns are the Student columns of the same name
_table = table_of(Student)


@dataclass
class StudentFile:
    columns: list[str]  # what a re-import may change: the columns the file has
    rows: dict[str, dict[str, Any]] = field(default_factory=dict)  # leerlingnummer → values


def read_students(
    table: CsvTable, default_sector: str | None, problems: list[RowProblem]
) -> StudentFile:
    parsed = StudentFile(columns=[n for n in NAMES if table.has(n)])
    first_line: dict[str, int] = {}
    for line, values in read_records(table, LEERLINGEN, problems):
        number = values["leerlingnummer"]
        if number in first_line:
            problems.append(
                RowProblem(
                    table.file,
                    line,
                    table.label("leerlingnummer"),
                    f"Leerlingnummer '{number}' staat ook op regel {first_line[number]}. Elk "
                    "leerlingnummer mag maar één keer in leerlingen.csv staan; voeg de regels "
                    "samen of verbeter het nummer.",
                )
            )
            continue
        start, end = values.get("ingeschreven_van"), values.get("ingeschreven_tot")
        if start and end and end < start:
            problems.append(
                RowProblem(
                    table.file,
                    line,
                    table.label("ingeschreven_tot"),
                    f"De inschrijving eindigt ({end:%d-%m-%Y}) voor zij begint "
                    f"({start:%d-%m-%Y}). Verbeter een van de twee datums.",
                )
            )
            continue
        if values.get("sector") is None:
            values["sector"] = default_sector
        first_line[number] = line
        parsed.rows[number] = values
    return parsed


CONSENT = "ouders_informeren"
# stored beside the consent choice: the desk's day and what the LVS said (see safety.py)
CONSENT_EXTRA = ["ouders_informeren_datum", "ouders_informeren_lvs"]
INSERTED = [*NAMES, "ouders_informeren_lvs"]


def write_students(
    connection: Connection,
    parsed: StudentFile,
    summary: FileSummary,
    trail: Trail,
    last_import: date | None,
) -> dict[str, int]:
    """Insert new and update changed students; returns every student's id by leerlingnummer.

    The desk's newer consent record is kept (safety.keep_desk); every change is audited.
    """
    columns = parsed.columns
    extra = CONSENT_EXTRA if CONSENT in columns else []
    stored = [*columns, *extra]
    current = select(_table.c.leerlingnummer, _table.c.id, *(_table.c[c] for c in stored))
    existing = {row[0]: tuple(row) for row in connection.execute(current)}
    consent_at = columns.index(CONSENT) if extra else -1
    new: list[tuple[Any, ...]] = []
    changed: list[tuple[Any, ...]] = []
    for number, values in parsed.rows.items():
        old = existing.get(number)
        if old is None:
            new.append((*map(values.get, NAMES), values.get(CONSENT)))
            continue
        wanted = list(map(values.__getitem__, columns))
        if extra:
            file_value = values[CONSENT]
            now, desk_day = old[2 + consent_at], old[2 + len(columns)]
            lvs = old[3 + len(columns)]
            value, day, won = keep_desk(file_value, now, desk_day, lvs, last_import)
            wanted[consent_at] = value
            wanted += [day, file_value if file_value is not None else lvs]
            if won is not None:
                summary.desk_cases.append(_consent_case(number, file_value, now, won))
        if tuple(old[2:]) != tuple(wanted):
            changed.append((*wanted, old[1]))
            before = {c: v for c, v, w in zip(stored, old[2:], wanted, strict=True) if v != w}
            after = {c: w for c, v, w in zip(stored, old[2:], wanted, strict=True) if v != w}
            if set(before) != {"ouders_informeren_lvs"}:
                summary.changed += 1
                trail.add("import.wijzig", "student", old[1], before, after)
            else:
                summary.unchanged += 1  # only what the LVS says changed; nothing the user sees
        else:
            summary.unchanged += 1
    if new:
        statement = insert(_table).values({n: param(n) for n in INSERTED})
        RawStatement(connection, statement, INSERTED).execute(
            to_db_rows(new, [_table.c[n] for n in INSERTED], connection)
        )
    if changed:
        names = [*stored, "id"]
        update_statement = (
            update(_table).where(_table.c.id == param("id")).values({c: param(c) for c in stored})
        )
        RawStatement(connection, update_statement, names).execute(
            to_db_rows(changed, [_table.c[n] for n in names], connection)
        )
    summary.added = len(new)
    return {
        number: id_
        for number, id_ in connection.execute(select(_table.c.leerlingnummer, _table.c.id))
    }


def _consent_case(number: str, file_value: bool, desk_value: bool | None, won: str) -> str:
    def said(value: bool | None) -> str:
        if value is None:
            return "geen keuze"
        return "ouders informeren" if value else "ouders niet informeren"

    if won == DESK:
        return (
            f"leerling {number}: de keuze van de leerling die aan de balie is vastgelegd "
            f"('{said(desk_value)}') blijft staan; het bestand zegt '{said(file_value)}'."
        )
    return (
        f"leerling {number}: het leerlingvolgsysteem heeft een nieuwere keuze "
        f"('{said(file_value)}') dan de balie ('{said(desk_value)}'); die is overgenomen."
    )


def ensure_classes(connection: Connection, codes: set[str]) -> None:
    """A SchoolClass for every klas the import names; existing ones keep their mentor."""
    table = table_of(SchoolClass)
    present = set(connection.scalars(select(table.c.code)))
    missing = sorted(codes - present)
    if missing:
        connection.execute(insert(table), [{"code": code} for code in missing])
