"""ouders.csv: each student's guardians, replaced as a whole and only when they differ.

When the file is there it is the complete list for every student it or leerlingen.csv names: a
student without rows has no guardians (any left from an earlier import are removed).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import date
from typing import Any

from sqlalchemy import Connection, delete, insert, select

from verzuimdesk.errors import RowProblem
from verzuimdesk.services.bulk import RawStatement, param, to_db_rows
from verzuimdesk.services.importing.columns import OUDERS
from verzuimdesk.services.importing.csv_reader import CsvTable
from verzuimdesk.services.importing.records import read_records, unknown_student
from verzuimdesk.services.importing.safety import DESK, Trail, check_removals, keep_desk
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


# stored beside post_ontvangen: the desk's day and what the LVS said (see safety.py)
STORED = [*FIELDS, "post_ontvangen_datum", "post_ontvangen_lvs"]
_POST = FIELDS.index("post_ontvangen")


def write_guardians(
    connection: Connection,
    groups: Guardians,
    students: Iterable[str],
    ids: dict[str, int],
    summary: FileSummary,
    trail: Trail,
    last_import: date | None,
    allow_removals: bool,
) -> None:
    """Each named student's guardians replaced when they differ, keeping the desk's newer
    "post ontvangen"; more removals than a small share stop the import (safety.py)."""
    existing: dict[int, list[tuple[Any, ...]]] = defaultdict(list)
    columns = [_table.c[n] for n in STORED]
    for row in connection.execute(
        select(_table.c.student_id, *columns).order_by(_table.c.student_id, _table.c.id)
    ):
        existing[row[0]].append(tuple(row[1:]))
    stored_count = sum(map(len, existing.values()))
    replaced: list[int] = []
    new: list[tuple[Any, ...]] = []
    removed = 0
    for number in sorted(set(students) | set(groups)):
        student_id = ids[number]
        old = existing.get(student_id, [])
        wanted = _with_desk_records(number, groups.get(number, []), old, summary, last_import)
        if wanted == old:
            summary.unchanged += len(wanted)
            continue
        replaced.append(student_id)
        new += [(student_id, *g) for g in wanted]
        if old:
            if [g[:-1] for g in wanted] == [g[:-1] for g in old]:
                summary.unchanged += len(wanted)  # only what the LVS says changed
            else:
                summary.changed += min(len(wanted), len(old))
                summary.added += max(0, len(wanted) - len(old))
                removed += max(0, len(old) - len(wanted))
                trail.add(
                    "import.wijzig" if wanted else "import.verwijder",
                    "ouders",
                    student_id,
                    {"ouders": [dict(zip(STORED, g, strict=True)) for g in old]},
                    {"ouders": [dict(zip(STORED, g, strict=True)) for g in wanted]},
                )
        else:
            summary.added += len(wanted)
    summary.removed += removed
    check_removals(OUDERS.name, removed, stored_count, "ouders en verzorgers", allow_removals)
    for start in range(0, len(replaced), 500):
        batch = replaced[start : start + 500]
        connection.execute(delete(_table).where(_table.c.student_id.in_(batch)))
    if new:
        names = ["student_id", *STORED]
        statement = insert(_table).values({n: param(n) for n in names})
        RawStatement(connection, statement, names).execute(
            to_db_rows(new, [_table.c[n] for n in names], connection)
        )


def _with_desk_records(
    number: str,
    wanted: list[tuple[Any, ...]],
    old: list[tuple[Any, ...]],
    summary: FileSummary,
    last_import: date | None,
) -> list[tuple[Any, ...]]:
    """The file's guardians with the desk's newer "post ontvangen" kept (matched by name)."""
    by_name = {g[0].casefold(): g for g in old}
    result = []
    for guardian in wanted:
        file_value = guardian[_POST]
        before = by_name.get(guardian[0].casefold())
        if before is None:
            result.append((*guardian, None, file_value))
            continue
        now, desk_day, lvs = before[_POST], before[-2], before[-1]
        value, day, won = keep_desk(file_value, now, desk_day, lvs, last_import)
        if won == DESK:
            summary.desk_cases.append(
                f"leerling {number}, {guardian[0]}: 'post ontvangen' zoals de balie het "
                f"vastlegde ({_yes_no(now)}) blijft staan; het bestand zegt {_yes_no(file_value)}."
            )
        elif won is not None:
            summary.desk_cases.append(
                f"leerling {number}, {guardian[0]}: het leerlingvolgsysteem heeft een nieuwere "
                f"'post ontvangen' ({_yes_no(file_value)}) dan de balie ({_yes_no(now)}); die "
                "is overgenomen."
            )
        post = list(guardian)
        post[_POST] = value
        result.append((*post, day, file_value if file_value is not None else lvs))
    return result


def _yes_no(value: bool | None) -> str:
    return "onbekend" if value is None else "ja" if value else "nee"
