"""Storing the checked rows of absenties.csv, a chunk at a time, in the import's transaction.

A row whose import_key is new is inserted; a row whose key is known updates the registration
when one of CHANGEABLE differs, and is counted unchanged otherwise.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import ExitStack
from datetime import date, datetime, time
from operator import itemgetter
from types import TracebackType
from typing import Any

from sqlalchemy import Connection, literal_column, or_, select, update

from verzuimdesk.services.bulk import MultiRowInsert, RawStatement, param
from verzuimdesk.services.importing.registrations import KEY, NAMES, WIDTH
from verzuimdesk.services.importing.safety import Trail
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
    """Every imported registration by key: (key, id, *CHANGEABLE, desk) as the driver gives
    them; `desk` is true when the desk changed or linked the row since it was imported.

    Read through the driver's own cursor: for a million rows SQLAlchemy's result rows cost
    about a third more, and the values are compared in the driver's form anyway.
    """
    c = _table.c
    desk = or_(
        c.source != literal_column(f"'{Source.IMPORT}'"),
        c.sick_report_id.is_not(None),
        c.leave_card_id.is_not(None),
    )
    columns = [c.import_key, c.id, *(c[n] for n in CHANGEABLE), desk.label("desk")]
    statement = select(*columns).where(_table.c.import_key.is_not(None))
    cursor = connection.connection.cursor()
    try:
        cursor.execute(str(statement.compile(dialect=connection.dialect)))
        return {row[0]: row for row in cursor.fetchall()}
    finally:
        cursor.close()


def _desk_made(connection: Connection, ids: dict[str, int]) -> dict[str, str]:
    """The registrations made at the desk (no import key), by the key the same row would have
    in a file, with their code: an exported desk row that comes back is not added again."""
    numbers = {student_id: number for number, student_id in ids.items()}
    c = _table.c
    rows = connection.execute(
        select(c.student_id, c.date, c.begin, c.end, c.minutes, c.vak, c.code).where(
            c.import_key.is_(None)
        )
    )
    found: dict[str, str] = {}
    for student_id, day, begin, end, minutes, vak, code in rows:
        times = f"{_hhmm(begin)}|{_hhmm(end)}"
        length = "" if begin is not None and end is not None else f"|{minutes}"
        key = f"{numbers.get(student_id)}|{day.isoformat()}|{times}{length}|{vak or ''}"
        found.setdefault(key, code)
    return found


def _hhmm(moment: time | None) -> str:
    return "" if moment is None else f"{moment:%H:%M}"


def _base(key: str) -> str:
    """The key without the `#2` of a second identical row."""
    return key.partition("#")[0]


class RegistrationWriter:
    """Used as a context manager around all `write` calls; counts into the file's summary.

    `lines` is the file's length: when it holds more rows than the table has imported ones,
    the load is mostly new and the table's indexes are built once at the end instead of being
    updated row by row.
    """

    def __init__(
        self,
        connection: Connection,
        ids: dict[str, int],
        summary: FileSummary,
        lines: int,
        trail: Trail,
    ) -> None:
        self._connection = connection
        self._summary = summary
        self._trail = trail
        self._existing = _existing(connection)
        self._desk_made = _desk_made(connection, ids)
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
        kept = 0
        if self._existing or self._desk_made:
            new = []
            get = self._existing.get
            desk_made = self._desk_made
            for start in range(0, len(values), WIDTH):
                row = values[start : start + WIDTH]
                old = get(row[KEY])
                if old is None:
                    if desk_made and _base(row[KEY]) in desk_made:
                        kept += 1
                        self._desk_row(row, desk_made[_base(row[KEY])])
                    else:
                        new += row
                elif old[2:-1] != _changeable(row):
                    if old[-1] and not _file_is_newer(row, old):
                        kept += 1
                        self._kept(row, old)
                    else:
                        changed.append((*_changeable(row), old[1]))
                        self._changed(row, old)
        rows, added = len(values) // WIDTH, len(new) // WIDTH
        if new:
            self._insert.execute(new)
        if changed:
            self._update.execute(changed)
        self._summary.added += added
        self._summary.changed += len(changed)
        self._summary.unchanged += rows - added - len(changed)

    def _changed(self, row: list[Any], old: tuple[Any, ...]) -> None:
        differ = [i for i, n in enumerate(CHANGEABLE) if old[2 + i] != row[_INDEX[n]]]
        self._trail.add(
            "import.wijzig",
            "registration",
            old[1],
            {CHANGEABLE[i]: _plain(old[2 + i]) for i in differ},
            {CHANGEABLE[i]: _plain(row[_INDEX[CHANGEABLE[i]]]) for i in differ},
        )

    def _kept(self, row: list[Any], old: tuple[Any, ...]) -> None:
        code, file_code = old[2 + CHANGEABLE.index("code")], row[_INDEX["code"]]
        what = _shown_key(row[KEY])
        if code != file_code:
            text = f"de correctie aan de balie ({code}) blijft staan; het bestand zegt {file_code}."
        else:
            text = "de correctie aan de balie blijft staan; het bestand geeft een oudere versie."
        self._summary.desk_cases.append(f"registratie {what}: {text}")

    def _desk_row(self, row: list[Any], code: str) -> None:
        file_code = row[_INDEX["code"]]
        if code != file_code:
            self._summary.desk_cases.append(
                f"registratie {_shown_key(row[KEY])}: de balie legde {code} vast; die blijft "
                f"staan, het bestand zegt {file_code}."
            )


_INDEX = {n: NAMES.index(n) for n in CHANGEABLE}
_REGISTERED = NAMES.index("registered_at")
_OLD_REGISTERED = 2 + CHANGEABLE.index("registered_at")


def _file_is_newer(row: list[Any], old: tuple[Any, ...]) -> bool:
    """The LVS registered its version after the desk's correction (both in the driver's form)."""
    mine, theirs = old[_OLD_REGISTERED], row[_REGISTERED]
    return mine is not None and theirs is not None and theirs > mine


def _shown_key(key: str) -> str:
    """'100002|2025-09-03|08:30|09:20|wiskunde' as 'leerling 100002, 2025-09-03 08:30-09:20'."""
    parts = _base(key).split("|")
    number, day, begin, end = parts[:4]
    span = f" {begin}-{end}" if begin or end else ""
    vak = f" {parts[-1]}" if parts[-1] else ""
    return f"leerling {number}, {day}{span}{vak}"


def _plain(value: Any) -> Any:
    """A driver-form value as JSON can hold it."""
    if isinstance(value, date | time | datetime):
        return value.isoformat()
    return value
