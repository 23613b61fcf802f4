"""absenties.csv: registrations, a million rows for a large school, so read by a loop of its own.

Each row gets a deterministic import_key: leerlingnummer|datum|begin|eind|vak when it has both
times, leerlingnummer|datum|begin|eind|minuten|vak when it does not; a second identical row gets
`#2` and so on. The key leaves the code, reason, teacher and registration time out, so a
re-import that brings a changed code or reason updates the registration in place; what the key
holds (student, day, times, subject) is not compared again. Registrations the file no longer has
are left alone: an LVS export may cover only part of the year.

Rows are kept in the driver's own form (what the column types' bind processors make of them),
computed once per distinct date or time, so the write and the re-import comparison need no
per-value conversion. Minutes come from the times when both are given, else from `minuten`.
Rows come in chunks, so they can be stored while the rest of the file is still being read
(`registration_source.py`); `registration_writer.py` stores them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from datetime import datetime, time
from itertools import islice
from operator import itemgetter
from typing import Any, TypeVar
from zoneinfo import ZoneInfo

from sqlalchemy import Dialect

from verzuimdesk.domain.codes import RegistrationCode
from verzuimdesk.domain.hours import minutes_between
from verzuimdesk.errors import RowProblem
from verzuimdesk.services.bulk import db_form
from verzuimdesk.services.importing.columns import ABSENTIES
from verzuimdesk.services.importing.csv_reader import CsvTable
from verzuimdesk.services.importing.records import required_value, unknown_student
from verzuimdesk.services.importing.values import (
    BadValue,
    CachedParser,
    check_year,
    parse_date,
    parse_datetime,
    parse_time,
    shown,
)
from verzuimdesk.store.base import table_of
from verzuimdesk.store.registrations import Registration

_table = table_of(Registration)
AMSTERDAM = ZoneInfo("Europe/Amsterdam")

# one row as kept: the leerlingnummer where the student's id goes, then the Registration
# columns in the table's order, in the driver's form (so the insert needs no reordering)
NAMES = [
    "leerlingnummer",
    "date",
    "begin",
    "end",
    "minutes",
    "code",
    "reason",
    "vak",
    "docent",
    "registered_at",
    "import_key",
]
WIDTH = len(NAMES)
KEY = NAMES.index("import_key")
STEP = 50_000  # lines per chunk

T = TypeVar("T")
_MISSING = object()
_SPEC = {c.name: c.parse for c in ABSENTIES.columns}
OPTIONAL = ["begin", "eind", "minuten", "reden", "vak", "docent", "geregistreerd_op"]


class CellProblem(BadValue):
    """A bad value and the column it is in, raised from the loop's rare slow paths."""

    def __init__(self, column: str, reason: str) -> None:
        super().__init__(reason)
        self.column = column


def _cell(column: str, parse: Callable[[str], T], text: str) -> T:
    try:
        return parse(text)
    except BadValue as exc:
        raise CellProblem(column, exc.reason) from None


def _time_or_blank(text: str) -> time | None:
    return parse_time(text) if text.strip() else None


def _hhmm(moment: time | None) -> str:
    return "" if moment is None else f"{moment:%H:%M}"


def _moment_or_blank(text: str) -> datetime | None:
    if not text.strip():
        return None
    try:
        moment = datetime.fromisoformat(text.strip())
    except ValueError:
        return parse_datetime(text)
    if moment.tzinfo is not None:
        # an LVS gives its offset; what is stored is Dutch local time, as everywhere else
        moment = moment.astimezone(AMSTERDAM).replace(tzinfo=None)
    check_year(moment.date(), text)
    return moment


def _code_lookup(
    codes: Mapping[str, RegistrationCode],
) -> dict[str, tuple[str | None, bool, str | None]]:
    """Codes matched without regard to case ('z' is Z): what is stored (None: a school code not
    about presence, whose rows are left out), whether a reason is needed, and the reason a
    school code gives a row without one (services/code_table.py `with_school_codes`)."""
    return {
        key.upper(): (
            code.code or None,
            code.needs_reason,
            code.description if key != code.code else None,
        )
        for key, code in codes.items()
    }


class _Slow:
    """The parsers behind the loop's caches; each is called once per distinct text."""

    def __init__(self, codes: Mapping[str, RegistrationCode], dialect: Dialect) -> None:
        to_date = db_form(_table.c.date, dialect)
        self.to_time = db_form(_table.c.begin, dialect)
        to_moment = db_form(_table.c.registered_at, dialect)
        self.dates = CachedParser(parse_date, lambda d: (to_date(d), d.isoformat()))
        self.minutes = CachedParser(_SPEC["minuten"], int)
        self.vakken = CachedParser(_SPEC["vak"], lambda v: v or None)
        self.docenten = CachedParser(_SPEC["docent"], lambda v: v or None)
        self.moments = CachedParser(_moment_or_blank, lambda m: None if m is None else to_moment(m))
        self.spans: dict[tuple[str, str], tuple[Any, Any, int | None, str]] = {}
        # (datum, begin, eind) → date, begin, end, minutes or None, the key's "day|begin|end"
        self.slots: dict[tuple[str, str, str], tuple[Any, Any, Any, int | None, str]] = {}
        # (code, reden) → the code as the school spells it, the reason or None
        self.meanings: dict[tuple[str, str], tuple[str | None, str | None]] = {}
        # (vak, docent) → vak, docent, the key's vak
        self.lessons: dict[tuple[str, str], tuple[str | None, str | None, str]] = {}
        self.codes = _code_lookup(codes)
        self.valid_codes = ", ".join(sorted(codes))

    def student(self, number: str, known: set[str]) -> str:
        number = number.strip()
        if number in known:
            return number
        if not number:
            raise CellProblem("leerlingnummer", required_value("leerlingnummer"))
        raise CellProblem("leerlingnummer", unknown_student(number))

    def date(self, text: str) -> tuple[Any, str]:
        if not text.strip():
            raise CellProblem("datum", required_value("datum"))
        return _cell("datum", self.dates, text)

    def span(self, begin_text: str, end_text: str) -> tuple[Any, Any, int | None, str]:
        """Begin and end in the driver's form, the minutes between them, and the key's part."""
        begin = _cell("begin", _time_or_blank, begin_text)
        end = _cell("eind", _time_or_blank, end_text)
        shown = f"{_hhmm(begin)}|{_hhmm(end)}"
        length = None
        if begin is not None and end is not None:
            if end < begin:
                raise CellProblem(
                    "eind",
                    f"De eindtijd {end:%H:%M} ligt voor de begintijd {begin:%H:%M}. Verbeter "
                    "de tijden.",
                )
            length = minutes_between(begin, end)
        found = self.spans[(begin_text, end_text)] = (
            None if begin is None else self.to_time(begin),
            None if end is None else self.to_time(end),
            length,
            shown,
        )
        return found

    def slot(self, day: str, begin: str, end: str) -> tuple[Any, Any, Any, int | None, str]:
        day_db, iso = self.date(day)
        span = self.spans.get((begin, end)) or self.span(begin, end)
        found = self.slots[(day, begin, end)] = (
            day_db,
            span[0],
            span[1],
            span[2],
            f"{iso}|{span[3]}",
        )
        return found

    def lesson(self, vak: str, docent: str) -> tuple[str | None, str | None, str]:
        vak_db = _cell("vak", self.vakken, vak)
        docent_db = _cell("docent", self.docenten, docent)
        found = self.lessons[(vak, docent)] = (vak_db, docent_db, vak_db or "")
        return found

    def meaning(self, code_text: str, reason_text: str) -> tuple[str | None, str | None]:
        """The code and its reason, which a geoorloofd code must have (R-REASON)."""
        code, needs_reason, default = self.code(code_text)
        if code is None:
            self.meanings[(code_text, reason_text)] = (None, None)
            return None, None
        reason = reason_text.strip() or default
        if needs_reason and reason is None:
            raise CellProblem(
                "reden",
                f"Code '{code}' is geoorloofd verzuim; dan hoort er altijd een reden bij "
                "(R-REASON). Vul de kolom 'reden' in.",
            )
        found = self.meanings[(code_text, reason_text)] = (code, reason)
        return found

    def code(self, text: str) -> tuple[str | None, bool, str | None]:
        found = self.codes.get(text.strip().upper())
        if found is not None:
            return found
        if not text.strip():
            raise CellProblem("code", required_value("code"))
        raise CellProblem(
            "code",
            f"Onbekende code '{shown(text)}'. Gebruik een van: {self.valid_codes}; een eigen "
            "code voegt u eerst toe onder Instellingen.",
        )

    def length(self, text: str) -> int:
        if not text.strip():
            raise CellProblem(
                "minuten",
                "Vul begin en eind in, of het aantal minuten; zonder tijden of minuten is niet "
                "bekend hoe lang de registratie duurt.",
            )
        return _cell("minuten", self.minutes, text)


def read_registrations(
    table: CsvTable,
    known: set[str],
    codes: Mapping[str, RegistrationCode],
    dialect: Dialect,
    problems: list[RowProblem],
) -> Iterator[tuple[list[Any], int]]:
    """Checked rows, a chunk of STEP lines at a time, with the last line read.

    A chunk is flat: the values of its rows one after the other, WIDTH per row in NAMES order.
    That is what a multi-row INSERT binds, and a helper process sends it in about half the time
    a list of row tuples takes.

    Every bad row becomes one problem (its first fault). The loop does per row only dictionary
    look-ups of texts seen before; anything new goes to `_Slow`, which parses it, checks it and
    remembers it.
    """
    file, label = table.file, table.label
    if not (table.has("minuten") or (table.has("begin") and table.has("eind"))):
        problems.append(
            RowProblem(
                file,
                1,
                "minuten",
                "Het bestand heeft geen kolommen 'begin' en 'eind' en ook geen kolom 'minuten'. "
                "Voeg de tijden of het aantal minuten toe.",
            )
        )
        return
    slow = _Slow(codes, dialect)
    slot_get, meaning_get, lesson_get = slow.slots.get, slow.meanings.get, slow.lessons.get
    moment_get, minutes_get = slow.moments.cache.get, slow.minutes.cache.get

    # absent optional columns read from one extra, always empty, cell
    width = table.width
    padded = any(not table.has(c) for c in OPTIONAL)
    get = itemgetter(*(table.columns.get(c, width) for c in _SPEC))
    reader, fit = table.reader, table.fit

    seen: set[str] = set()
    seen_add = seen.add
    while True:
        first_line = reader.line_num
        values: list[Any] = []
        extend = values.extend
        for row in islice(reader, STEP):
            if len(row) != width:
                row = fit(row, reader.line_num)
                if row is None:
                    continue
            if padded:
                row.append("")
            number, day, begin, end, minutes, code, reason, vak, docent, moment = get(row)
            try:
                if number not in known:
                    number = slow.student(number, known)
                slot = slot_get((day, begin, end))
                if slot is None:
                    slot = slow.slot(day, begin, end)
                meaning = meaning_get((code, reason))
                if meaning is None:
                    meaning = slow.meaning(code, reason)
                if meaning[0] is None:
                    continue  # a school code not about presence (homework forgotten)
                lesson = lesson_get((vak, docent))
                if lesson is None:
                    lesson = slow.lesson(vak, docent)
                moment_db = moment_get(moment, _MISSING)
                if moment_db is _MISSING:
                    moment_db = _cell("geregistreerd_op", slow.moments, moment)
                length = slot[3]
                if length is None:
                    length = minutes_get(minutes)
                    if length is None:
                        length = slow.length(minutes)
                    key = f"{number}|{slot[4]}|{length}|{lesson[2]}"
                else:
                    key = f"{number}|{slot[4]}|{lesson[2]}"
            except CellProblem as exc:
                if any(value.strip() for value in row):
                    line = reader.line_num
                    problems.append(RowProblem(file, line, label(exc.column), exc.reason))
                continue
            if key in seen:
                key = _next_key(key, seen)
            seen_add(key)
            extend(
                (
                    number,
                    slot[0],
                    slot[1],
                    slot[2],
                    length,
                    meaning[0],
                    meaning[1],
                    lesson[0],
                    lesson[1],
                    moment_db,
                    key,
                )
            )
        if reader.line_num == first_line:
            return
        yield values, reader.line_num


def _next_key(key: str, seen: set[str]) -> str:
    """The key of the second, third, … identical row: `#2`, `#3`, …"""
    occurrence = 2
    while f"{key}#{occurrence}" in seen:
        occurrence += 1
    return f"{key}#{occurrence}"
