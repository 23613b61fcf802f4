"""rooster.csv: each class's weekly lessons, replaced per class and only when they differ.

Classes the file does not name keep their timetable, so a file per department works.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import time
from typing import Any

from sqlalchemy import Connection, delete, insert, select

from verzuimdesk.errors import RowProblem
from verzuimdesk.services.bulk import RawStatement, param, to_db_rows
from verzuimdesk.services.importing.columns import ROOSTER
from verzuimdesk.services.importing.csv_reader import CsvTable
from verzuimdesk.services.importing.records import read_records
from verzuimdesk.services.importing.safety import Trail, check_removals
from verzuimdesk.services.importing.summary import FileSummary
from verzuimdesk.store.base import table_of
from verzuimdesk.store.models import TimetableSlot

Slot = tuple[int, time, time, str | None, str | None]  # weekday, begin, end, vak, docent
Timetable = dict[str, list[Slot]]  # klas → its lessons
_table = table_of(TimetableSlot)
FIELDS = ["weekday", "begin", "end", "vak", "docent"]  # a Slot's TimetableSlot columns


def _order(slot: Slot) -> tuple[int, time, time, str, str]:
    weekday, begin, end, vak, docent = slot
    return weekday, begin, end, vak or "", docent or ""


def read_timetable(table: CsvTable, problems: list[RowProblem]) -> Timetable:
    classes: Timetable = defaultdict(list)
    for line, values in read_records(table, ROOSTER, problems):
        begin, end = values["begin"], values["eind"]
        if end <= begin:
            problems.append(
                RowProblem(
                    table.file,
                    line,
                    table.label("eind"),
                    f"De les eindigt ({end:%H:%M}) niet na het begin ({begin:%H:%M}). Verbeter "
                    "de tijden.",
                )
            )
            continue
        slot = (values["weekdag"], begin, end, values.get("vak"), values.get("docent"))
        classes[values["klas"]].append(slot)
    return classes


def write_timetable(
    connection: Connection,
    classes: Timetable,
    summary: FileSummary,
    trail: Trail,
    allow_removals: bool,
) -> None:
    existing: Timetable = defaultdict(list)
    for klas, *slot in connection.execute(select(_table.c.klas, *(_table.c[n] for n in FIELDS))):
        existing[klas].append(tuple(slot))
    stored_count = sum(map(len, existing.values()))
    replaced: list[str] = []
    new: list[tuple[Any, ...]] = []
    removed = 0
    for klas in sorted(classes):
        wanted = sorted(classes[klas], key=_order)
        old = sorted(existing.get(klas, []), key=_order)
        if wanted == old:
            summary.unchanged += len(wanted)
            continue
        if old:
            replaced.append(klas)
            summary.changed += min(len(wanted), len(old))
            summary.added += max(0, len(wanted) - len(old))
            removed += max(0, len(old) - len(wanted))
            trail.add(
                "import.wijzig",
                "rooster",
                klas,
                {"lessen": [_shown(slot) for slot in old]},
                {"lessen": [_shown(slot) for slot in wanted]},
            )
        else:
            summary.added += len(wanted)
        new += [(klas, *slot) for slot in wanted]
    summary.removed += removed
    check_removals(ROOSTER.name, removed, stored_count, "roosterlessen", allow_removals)
    for start in range(0, len(replaced), 500):
        connection.execute(delete(_table).where(_table.c.klas.in_(replaced[start : start + 500])))
    if new:
        names = ["klas", *FIELDS]
        statement = insert(_table).values({n: param(n) for n in names})
        RawStatement(connection, statement, names).execute(
            to_db_rows(new, [_table.c[n] for n in names], connection)
        )


def _shown(slot: Slot) -> str:
    weekday, begin, end, vak, docent = slot
    return f"{weekday} {begin:%H:%M}-{end:%H:%M} {vak or ''} {docent or ''}".rstrip()
