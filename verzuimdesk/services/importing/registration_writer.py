"""Storing the checked rows of absenties.csv, a chunk at a time, in the import's transaction.

A row whose import_key is new is inserted; a row whose key is known updates the registration
when one of CHANGEABLE differs, and is counted unchanged otherwise.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import ExitStack
from operator import itemgetter
from types import TracebackType
from typing import Any

from sqlalchemy import Connection, literal_column, select, update

from verzuimdesk.services.bulk import MultiRowInsert, RawStatement, param
from verzuimdesk.services.importing.registrations import KEY, NAMES, WIDTH
from verzuimdesk.services.importing.summary import FileSummary
from verzuimdesk.store.base import table_of
from verzuimdesk.store.bulk_load import secondary_indexes_dropped
from verzuimdesk.store.registrations import Registration, Source

_table = table_of(Registration)

# what a re-import may change under the same key; the key itself holds the rest
CHANGEABLE = ["minutes", "code", "reason", "docent", "registered_at"]
_changeable = itemgetter(*(NAMES.index(n) for n in CHANGEABLE))
# a row as read holds the leerlingnummer where the student's id goes
STORED = ["student_id", *NAMES[1:]]
BULK_ROWS = 50_000  # from this many new rows on, indexes are rebuilt rather than updated


def _insert_values(p: Callable[[str], Any]) -> dict[str, Any]:
    values = {n: p(n) for n in STORED}
    # a constant, not a placeholder: one value less to bind per row
    values["source"] = literal_column(f"'{Source.IMPORT}'")
    return values


def _existing(connection: Connection) -> dict[str, tuple[Any, ...]]:
    """Every imported registration by key: (key, id, *CHANGEABLE) as the driver gives them.

    Read through the driver's own cursor: for a million rows SQLAlchemy's result rows cost
    about a third more, and the values are compared in the driver's form anyway.
    """
    columns = [_table.c.import_key, _table.c.id, *(_table.c[n] for n in CHANGEABLE)]
    statement = select(*columns).where(_table.c.import_key.is_not(None))
    cursor = connection.connection.cursor()
    try:
        cursor.execute(str(statement.compile(dialect=connection.dialect)))
        return {row[0]: row for row in cursor.fetchall()}
    finally:
        cursor.close()


class RegistrationWriter:
    """Used as a context manager around all `write` calls; counts into the file's summary.

    `lines` is the file's length: when it holds more rows than the table has imported ones,
    the load is mostly new and the table's indexes are built once at the end instead of being
    updated row by row.
    """

    def __init__(
        self, connection: Connection, ids: dict[str, int], summary: FileSummary, lines: int
    ) -> None:
        self._connection = connection
        self._summary = summary
        self._existing = _existing(connection)
        new_at_most = lines - len(self._existing)
        self._bulk = new_at_most >= BULK_ROWS and new_at_most > len(self._existing)
        self._insert = MultiRowInsert(
            connection, _table, _insert_values, STORED, lookups={"student_id": ids}
        )
        statement = (
            update(_table)
            .where(_table.c.id == param("id"))
            .values({n: param(n) for n in CHANGEABLE})
        )
        self._update = RawStatement(connection, statement, [*CHANGEABLE, "id"])
        self._stack = ExitStack()

    def __enter__(self) -> RegistrationWriter:
        self._stack.enter_context(secondary_indexes_dropped(self._connection, _table, self._bulk))
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self._stack.__exit__(kind, error, trace)

    def write(self, values: list[Any]) -> None:
        """One chunk of flat rows, as `read_registrations` gives them."""
        new = values
        changed: list[tuple[Any, ...]] = []
        if self._existing:
            new = []
            get = self._existing.get
            for start in range(0, len(values), WIDTH):
                row = values[start : start + WIDTH]
                old = get(row[KEY])
                if old is None:
                    new += row
                elif old[2:] != _changeable(row):
                    changed.append((*_changeable(row), old[1]))
        rows, added = len(values) // WIDTH, len(new) // WIDTH
        if new:
            self._insert.execute(new)
        if changed:
            self._update.execute(changed)
        self._summary.added += added
        self._summary.changed += len(changed)
        self._summary.unchanged += rows - added - len(changed)
