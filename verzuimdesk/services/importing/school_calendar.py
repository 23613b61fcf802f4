"""kalender.csv: the school's own calendar, which replaces the one an earlier import brought.

Periods a person added in verzuimdesk (not imported) stay. A file with a header but no periods
leaves the calendar as it is: an empty export must not wipe a school's holidays.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import Connection, delete, insert, select

from verzuimdesk.errors import RowProblem
from verzuimdesk.services.importing.columns import KALENDER
from verzuimdesk.services.importing.csv_reader import CsvTable
from verzuimdesk.services.importing.records import read_records
from verzuimdesk.services.importing.safety import Trail, check_removals
from verzuimdesk.services.importing.summary import FileSummary
from verzuimdesk.store.base import table_of
from verzuimdesk.store.models import CalendarPeriodRow

Period = tuple[date, date, str, str]  # start, end (inclusive), soort, naam
_table = table_of(CalendarPeriodRow)


def read_calendar(table: CsvTable, problems: list[RowProblem]) -> list[Period]:
    periods: list[Period] = []
    for line, values in read_records(table, KALENDER, problems):
        start, end = values["van"], values["tot"]
        if end < start:
            problems.append(
                RowProblem(
                    table.file,
                    line,
                    table.label("tot"),
                    f"'tot' ({end:%d-%m-%Y}) ligt voor 'van' ({start:%d-%m-%Y}). Verbeter een "
                    "van de twee datums.",
                )
            )
            continue
        periods.append((start, end, values["soort"], values.get("naam") or ""))
    return periods


def write_calendar(
    connection: Connection,
    periods: list[Period],
    summary: FileSummary,
    trail: Trail,
    allow_removals: bool,
) -> None:
    if not periods:
        return
    imported = _table.c.imported.is_(True)
    old = connection.execute(
        select(_table.c.start, _table.c.end, _table.c.kind, _table.c.name).where(imported)
    )
    old_periods = sorted(tuple(row) for row in old)
    if sorted(periods) == old_periods:
        summary.unchanged = len(periods)
        return
    if old_periods:
        removed = max(0, len(old_periods) - len(periods))
        check_removals(KALENDER.name, removed, len(old_periods), "kalenderperioden", allow_removals)
        trail.add(
            "import.wijzig",
            "kalender",
            None,
            {"perioden": old_periods},
            {"perioden": sorted(periods)},
        )
    connection.execute(delete(_table).where(imported))
    connection.execute(
        insert(_table),
        [{"start": s, "end": e, "kind": k, "name": n, "imported": True} for s, e, k, n in periods],
    )
    if old_periods:
        summary.changed = len(periods)
        summary.removed = max(0, len(old_periods) - len(periods))
    else:
        summary.added = len(periods)
