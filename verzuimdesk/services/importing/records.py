"""Turning the rows of a small file into checked values, one problem per bad cell."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from verzuimdesk.errors import RowProblem
from verzuimdesk.services.importing.columns import FileSpec
from verzuimdesk.services.importing.csv_reader import CsvTable
from verzuimdesk.services.importing.values import BadValue, CachedParser, shown


def required_value(column: str) -> str:
    return f"Vul '{column}' in; deze kolom is verplicht."


_MISSING = object()


def _blank_or(parse: Callable[[str], Any]) -> Callable[[str], Any]:
    return lambda raw: parse(raw) if raw.strip() else None


def read_records(
    table: CsvTable, spec: FileSpec, problems: list[RowProblem]
) -> Iterator[tuple[int, dict[str, Any]]]:
    """(line, values) per good row; values hold only the columns the file has, None if empty.

    Each distinct text of a column is parsed once (classes, dates, places and yes/no repeat).
    """
    present = []
    for column in spec.columns:
        if column.name in table.columns:
            parse = CachedParser(_blank_or(column.parse), _same)
            position = table.columns[column.name]
            present.append((column.name, position, column.required, parse.cache.get, parse))
    for line, row in table.records():
        values: dict[str, Any] = {}
        good = True
        for name, position, required, cached, parse in present:
            raw = row[position]
            value = cached(raw, _MISSING)
            if value is _MISSING:
                try:
                    value = parse(raw)
                except BadValue as exc:
                    problems.append(RowProblem(table.file, line, table.label(name), exc.reason))
                    good = False
                    continue
            if value is None and required:
                problems.append(
                    RowProblem(table.file, line, table.label(name), required_value(name))
                )
                good = False
            values[name] = value
        if good:
            yield line, values


def _same(value: Any) -> Any:
    return value


def unknown_student(number: str) -> str:
    return (
        f"Onbekende leerling '{shown(number)}'. Zet de leerling in leerlingen.csv (zonder "
        "fouten) of verbeter het leerlingnummer."
    )
