"""leerbedrijven.csv: each student's leerbedrijven (BPV / BBL employers), replaced as a whole.

As ouders.csv: when the file is there it is the complete list for every student it or
leerlingen.csv names; a student without rows has no leerbedrijf (older ones are removed). A
period whose `tot` lies before its `van` is a row problem.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from sqlalchemy import Connection, delete, insert, select

from verzuimdesk.errors import RowProblem
from verzuimdesk.services.importing.columns import LEERBEDRIJVEN
from verzuimdesk.services.importing.csv_reader import CsvTable
from verzuimdesk.services.importing.records import read_records, unknown_student
from verzuimdesk.services.importing.safety import Trail, check_removals
from verzuimdesk.services.importing.summary import FileSummary
from verzuimdesk.store.base import table_of
from verzuimdesk.store.letters import Company

FIELDS = [n for n in LEERBEDRIJVEN.names if n != "leerlingnummer"]  # Company columns
_table = table_of(Company)

Companies = dict[str, list[tuple[Any, ...]]]  # leerlingnummer → companies in file order


def read_companies(table: CsvTable, known: set[str], problems: list[RowProblem]) -> Companies:
    groups: Companies = defaultdict(list)
    for line, values in read_records(table, LEERBEDRIJVEN, problems):
        number = values["leerlingnummer"]
        if number not in known:
            problems.append(
                RowProblem(table.file, line, table.label("leerlingnummer"), unknown_student(number))
            )
            continue
        start, end = values.get("van"), values.get("tot")
        if start is not None and end is not None and end < start:
            problems.append(
                RowProblem(
                    table.file,
                    line,
                    table.label("tot"),
                    f"'tot' ({end:%d-%m-%Y}) ligt voor 'van' ({start:%d-%m-%Y}). Verbeter een "
                    "van de twee.",
                )
            )
            continue
        groups[number].append(tuple(map(values.get, FIELDS)))
    return groups


def write_companies(
    connection: Connection,
    groups: Companies,
    students: Iterable[str],
    ids: dict[str, int],
    summary: FileSummary,
    trail: Trail,
    allow_removals: bool,
) -> None:
    existing: dict[int, list[tuple[Any, ...]]] = defaultdict(list)
    columns = [_table.c[n] for n in FIELDS]
    for row in connection.execute(
        select(_table.c.student_id, *columns).order_by(_table.c.student_id, _table.c.id)
    ):
        existing[row[0]].append(tuple(row[1:]))
    replaced: list[int] = []
    new: list[dict[str, Any]] = []
    for number in sorted(set(students) | set(groups)):
        student_id = ids[number]
        wanted, old = groups.get(number, []), existing.get(student_id, [])
        if wanted == old:
            summary.unchanged += len(wanted)
            continue
        replaced.append(student_id)
        new += [{"student_id": student_id, **dict(zip(FIELDS, c, strict=True))} for c in wanted]
        if old:
            summary.changed += len(wanted)
            summary.removed += max(0, len(old) - len(wanted))
            trail.add(
                "import.wijzig" if wanted else "import.verwijder",
                "leerbedrijven",
                student_id,
                {"leerbedrijven": [dict(zip(FIELDS, c, strict=True)) for c in old]},
                {"leerbedrijven": [dict(zip(FIELDS, c, strict=True)) for c in wanted]},
            )
        else:
            summary.added += len(wanted)
    stored = sum(map(len, existing.values()))
    check_removals(LEERBEDRIJVEN.name, summary.removed, stored, "leerbedrijven", allow_removals)
    for start in range(0, len(replaced), 500):
        batch = replaced[start : start + 500]
        connection.execute(delete(_table).where(_table.c.student_id.in_(batch)))
    if new:
        connection.execute(insert(_table), new)
