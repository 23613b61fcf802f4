"""meldingen.csv: earlier DUO reports, so repeat reports count from the right date.

A report is one per student, soort and begindatum; a re-import updates the columns the file has.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import Connection, insert, select, update

from verzuimdesk.errors import RowProblem
from verzuimdesk.services.bulk import param
from verzuimdesk.services.importing.columns import MELDINGEN
from verzuimdesk.services.importing.csv_reader import CsvTable
from verzuimdesk.services.importing.records import read_records, unknown_student
from verzuimdesk.services.importing.safety import Trail
from verzuimdesk.services.importing.summary import FileSummary
from verzuimdesk.store.base import table_of
from verzuimdesk.store.models import DuoReport, Source

ReportKey = tuple[str, str, date]  # leerlingnummer, soort, begindatum
# the file's columns that a re-import may change, and the DuoReport column each fills
FIELDS = {
    "einddatum": "einddatum",
    "uren": "minutes",
    "meldingsnummer": "meldingsnummer",
    "actie_gewenst": "actie_gewenst",
    "gemeld_op": "gemeld_op",
}
_table = table_of(DuoReport)


def read_reports(
    table: CsvTable, known: set[str], problems: list[RowProblem]
) -> tuple[dict[ReportKey, dict[str, Any]], list[str]]:
    """The reports by key, and the fields the file has."""
    reports: dict[ReportKey, dict[str, Any]] = {}
    lines: dict[ReportKey, int] = {}
    for line, values in read_records(table, MELDINGEN, problems):
        number = values["leerlingnummer"]
        if number not in known:
            problems.append(
                RowProblem(table.file, line, table.label("leerlingnummer"), unknown_student(number))
            )
            continue
        start, end = values["begindatum"], values.get("einddatum")
        if end is not None and end < start:
            problems.append(
                RowProblem(
                    table.file,
                    line,
                    table.label("einddatum"),
                    f"De einddatum ({end:%d-%m-%Y}) ligt voor de begindatum "
                    f"({start:%d-%m-%Y}). Verbeter een van de twee.",
                )
            )
            continue
        reported = values.get("gemeld_op")
        if reported is not None and reported < start:
            problems.append(
                RowProblem(
                    table.file,
                    line,
                    table.label("gemeld_op"),
                    f"De melding is gedaan op {reported:%d-%m-%Y}, voor de begindatum "
                    f"({start:%d-%m-%Y}). Verbeter een van de twee.",
                )
            )
            continue
        key = (number, values["soort"], start)
        if key in lines:
            problems.append(
                RowProblem(
                    table.file,
                    line,
                    table.label("begindatum"),
                    f"Deze melding ({values['soort']} vanaf {start:%d-%m-%Y}) staat ook op "
                    f"regel {lines[key]}. Laat er één over.",
                )
            )
            continue
        lines[key] = line
        reports[key] = {FIELDS[f]: values[f] for f in FIELDS if f in values}
    return reports, [FIELDS[f] for f in FIELDS if table.has(f)]


def write_reports(
    connection: Connection,
    reports: dict[ReportKey, dict[str, Any]],
    fields: list[str],
    ids: dict[str, int],
    now: datetime,
    summary: FileSummary,
    trail: Trail,
) -> None:
    by_id = {student_id: number for number, student_id in ids.items()}
    existing = {
        (by_id[row.student_id], row.soort, row.begindatum): row
        for row in connection.execute(select(_table))
    }
    new: list[dict[str, Any]] = []
    changed: list[dict[str, Any]] = []
    for key, values in reports.items():
        old = existing.get(key)
        if old is None:
            number, soort, start = key
            new.append(
                {
                    "student_id": ids[number],
                    "soort": soort,
                    "begindatum": start,
                    **{f: values.get(f) for f in FIELDS.values()},
                    "status": "gemeld",
                    "source": Source.IMPORT,
                    "created_at": now,
                }
            )
        elif any(getattr(old, f) != values[f] for f in fields):
            changed.append({"p_id": old.id, **{f"p_{f}": values[f] for f in fields}})
            differ = [f for f in fields if getattr(old, f) != values[f]]
            trail.add(
                "import.wijzig",
                "duo_report",
                old.id,
                {f: getattr(old, f) for f in differ},
                {f: values[f] for f in differ},
            )
        else:
            summary.unchanged += 1
    if new:
        connection.execute(insert(_table), new)
    if changed:
        statement = (
            update(_table).where(_table.c.id == param("id")).values({f: param(f) for f in fields})
        )
        connection.execute(statement, changed)
    summary.added, summary.changed = len(new), len(changed)
