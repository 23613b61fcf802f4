"""ouders.csv: each student's guardians, replaced as a whole and only when they differ.

When the file is there it is the complete list for every student it or leerlingen.csv names: a
student without rows has no guardians (any left from an earlier import are removed).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from sqlalchemy import Connection, delete, insert, select

from verzuimdesk.errors import RowProblem
from verzuimdesk.services.bulk import RawStatement, param, to_db_rows
from verzuimdesk.services.importing.columns import OUDERS
from verzuimdesk.services.importing.csv_reader import CsvTable
from verzuimdesk.services.importing.records import read_records, unknown_student
from verzuimdesk.services.importing.summary import FileSummary
from verzuimdesk.store.base import table_of
from verzuimdesk.store.models import Guardian

FIELDS = [n for n in OUDERS.names if n != "leerlingnummer"]  # Guardian columns of that name
_table = table_of(Guardian)

Guardians = dict[str, list[tuple[Any, ...]]]  # leerlingnummer → guardians in file order


def read_guardians(table: CsvTable, known: set[str], problems: list[RowProblem]) -> Guardians:
    groups: Guardians = defaultdict(list)
    for line, values in read_records(table, OUDERS, problems):
        number = values["leerlingnummer"]
        if number not in known:
            problems.append(
                RowProblem(table.file, line, table.label("leerlingnummer"), unknown_student(number))
            )
            continue
        groups[number].append(tuple(map(values.get, FIELDS)))
    return groups


def write_guardians(
    connection: Connection,
    groups: Guardians,
    students: Iterable[str],
    ids: dict[str, int],
    summary: FileSummary,
) -> None:
    existing: dict[int, list[tuple[Any, ...]]] = defaultdict(list)
    columns = [_table.c[n] for n in FIELDS]
    for row in connection.execute(
        select(_table.c.student_id, *columns).order_by(_table.c.student_id, _table.c.id)
    ):
        existing[row[0]].append(tuple(row[1:]))
    replaced: list[int] = []
    new: list[tuple[Any, ...]] = []
    for number in sorted(set(students) | set(groups)):
        student_id = ids[number]
        wanted, old = groups.get(number, []), existing.get(student_id, [])
        if wanted == old:
            summary.unchanged += len(wanted)
            continue
        replaced.append(student_id)
        new += [(student_id, *g) for g in wanted]
        if old:
            summary.changed += len(wanted)
            summary.removed += max(0, len(old) - len(wanted))
        else:
            summary.added += len(wanted)
    for start in range(0, len(replaced), 500):
        batch = replaced[start : start + 500]
        connection.execute(delete(_table).where(_table.c.student_id.in_(batch)))
    if new:
        names = ["student_id", *FIELDS]
        statement = insert(_table).values({n: param(n) for n in names})
        RawStatement(connection, statement, names).execute(
            to_db_rows(new, [_table.c[n] for n in names], connection)
        )
