"""leerlingen.csv: students keyed by leerlingnummer; a re-import updates, never duplicates.

A column the file has is the truth (empty means "not known" and clears the field); a column it
leaves out is not touched, so a file with only the required columns keeps the rest intact.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, insert, select, update

from verzuimdesk.errors import RowProblem
from verzuimdesk.services.bulk import RawStatement, param, to_db_rows
from verzuimdesk.services.importing.columns import LEERLINGEN
from verzuimdesk.services.importing.csv_reader import CsvTable
from verzuimdesk.services.importing.records import read_records
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


def write_students(
    connection: Connection, parsed: StudentFile, summary: FileSummary
) -> dict[str, int]:
    """Insert new and update changed students; returns every student's id by leerlingnummer."""
    columns = parsed.columns
    current = select(_table.c.leerlingnummer, _table.c.id, *(_table.c[c] for c in columns))
    existing = {row[0]: tuple(row) for row in connection.execute(current)}
    new: list[tuple[Any, ...]] = []
    changed: list[tuple[Any, ...]] = []
    for number, values in parsed.rows.items():
        old = existing.get(number)
        if old is None:
            new.append(tuple(map(values.get, NAMES)))
            continue
        wanted = tuple(map(values.__getitem__, columns))
        if old[2:] != wanted:
            changed.append((*wanted, old[1]))
        else:
            summary.unchanged += 1
    if new:
        statement = insert(_table).values({n: param(n) for n in NAMES})
        RawStatement(connection, statement, NAMES).execute(
            to_db_rows(new, [_table.c[n] for n in NAMES], connection)
        )
    if changed:
        names = [*columns, "id"]
        update_statement = (
            update(_table).where(_table.c.id == param("id")).values({c: param(c) for c in columns})
        )
        RawStatement(connection, update_statement, names).execute(
            to_db_rows(changed, [_table.c[n] for n in names], connection)
        )
    summary.added, summary.changed = len(new), len(changed)
    return {
        number: id_
        for number, id_ in connection.execute(select(_table.c.leerlingnummer, _table.c.id))
    }


def ensure_classes(connection: Connection, codes: set[str]) -> None:
    """A SchoolClass for every klas the import names; existing ones keep their mentor."""
    table = table_of(SchoolClass)
    present = set(connection.scalars(select(table.c.code)))
    missing = sorted(codes - present)
    if missing:
        connection.execute(insert(table), [{"code": code} for code in missing])
