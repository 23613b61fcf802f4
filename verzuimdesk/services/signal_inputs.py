"""Loading what the signal engine reads: one aggregated query per table, for all students at once.

Registrations are counted per student, day, code and length in the database and folded into one
DayTotals per student-day (days_per_student), so a school year of 20,000 students arrives as about
half a million plain rows; a second, small query finds the sick days registered only afterwards
(R-ZIEK-PATROON). Only registrations and reports on or before the date asked about are
read: later data never leaks into an earlier answer.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any, cast

from sqlalchemy import ColumnElement, FromClause, bindparam, exists, func, or_, select
from sqlalchemy.orm import Session

from verzuimdesk.domain.calendar import SchoolCalendar
from verzuimdesk.domain.codes import RegistrationCode
from verzuimdesk.domain.hours import minutes_between
from verzuimdesk.domain.policy import Policy
from verzuimdesk.domain.signals import (
    DayTotals,
    ReportFact,
    StudentFacts,
    days_per_student,
)
from verzuimdesk.domain.signals.model import Memo, mark_sick_afterwards, sick_codes
from verzuimdesk.services.school import code_map, load_calendar, load_policy
from verzuimdesk.store.base import table_of
from verzuimdesk.store.registrations import Registration
from verzuimdesk.store.reporting import DuoReport
from verzuimdesk.store.school import TimetableSlot
from verzuimdesk.store.students import Student

IdRange = tuple[int, int]  # first and last student id, both included


@dataclass
class SignalInputs:
    on: date
    calendar: SchoolCalendar
    policy: Policy
    codes: dict[str, RegistrationCode]
    students: dict[int, StudentFacts]  # by database id
    klas: dict[int, str]
    days: dict[int, list[DayTotals]]
    reports: dict[int, list[ReportFact]]
    timetables: dict[str, dict[int, int]]  # klas -> weekday (0 = Monday) -> scheduled minutes

    def timetable_of(self, student_id: int) -> dict[int, int] | None:
        return self.timetables.get(self.klas[student_id])


def _students(
    session: Session, ids: Collection[int] | None, id_range: IdRange | None
) -> tuple[dict[int, StudentFacts], dict[int, str]]:
    stmt = select(
        Student.id,
        Student.leerlingnummer,
        Student.geboortedatum,
        Student.startkwalificatie,
        Student.sector,
        Student.niveau,
        Student.leerweg,
        Student.studiefinanciering,
        Student.woongemeente,
        Student.ingeschreven_van,
        Student.ingeschreven_tot,
        Student.klas,
    )
    if ids is not None:
        stmt = stmt.where(Student.id.in_(list(ids)))
    if id_range is not None:
        stmt = stmt.where(Student.id.between(*id_range))
    facts: dict[int, StudentFacts] = {}
    klas: dict[int, str] = {}
    for row in session.execute(stmt):
        # the select lists StudentFacts' fields in order; a Row slice is typed per column union
        facts[row[0]] = StudentFacts(*cast(tuple[Any, ...], row[1:11]))
        klas[row[0]] = row[11]
    return facts, klas


# Grouped by length too, because whether a late counts as OA depends on each one's length. The
# order matches the covering index ix_registration_signals, so SQLite groups while it walks the
# index; one lean query read straight from the DBAPI cursor skips SQLAlchemy's per-row work.
_REGISTRATIONS_SQL = (
    "SELECT student_id, date, code, minutes, COUNT(*) FROM registration WHERE date <= {on}{only}"
    " GROUP BY student_id, date, code, minutes ORDER BY student_id, date, code, minutes"
)


def _days(
    session: Session,
    on: date,
    codes: dict[str, RegistrationCode],
    late_max_minutes: int,
    ids: Collection[int] | None,
    id_range: IdRange | None,
) -> dict[int, list[DayTotals]]:
    connection = session.connection()
    # sqlite3 takes ? placeholders, psycopg %s; SQLite keeps dates as ISO text
    sqlite = connection.dialect.name == "sqlite"
    mark = "?" if sqlite else "%s"
    params: list[object] = [on.isoformat() if sqlite else on]
    only = ""
    if ids is not None:
        if not ids:
            return {}
        only = f" AND student_id IN ({', '.join([mark] * len(ids))})"
        params.extend(ids)
    elif id_range is not None:
        # a range keeps to the covering index, where a long IN list would not
        only = f" AND student_id BETWEEN {mark} AND {mark}"
        params.extend(id_range)
    # each distinct day is parsed once (a few hundred), not once per student-day
    to_date: Memo[object, date] = Memo(
        lambda value: value if isinstance(value, date) else date.fromisoformat(str(value)[:10])
    )
    cursor = connection.connection.cursor()
    try:
        cursor.execute(_REGISTRATIONS_SQL.format(on=mark, only=only), params)
        # a DB-API cursor iterates its rows; the select gives them in days_per_student's shape
        rows = cast(Iterable[tuple[int, object, str, int, int]], cursor)
        return days_per_student(rows, codes, late_max_minutes, to_date)
    finally:
        cursor.close()


def _registered_later(table: FromClause) -> ColumnElement[bool]:
    """The row was registered on a later day than its date; NULL (not true) when unknown.
    date() is SQLite's date of an ISO timestamp and PostgreSQL's cast to date: same on both."""
    return func.date(table.c.registered_at) > table.c.date


# Built once, on Core tables: constructing an ORM alias per call cost 3 ms, more than the query
# for one student. The sick rows registered later are kept when their day has no sick row
# registered in time or at an unknown moment; that check runs only for the few late rows, where
# grouping every sick row of the school would cost a third more.
_REG = table_of(Registration)
_SAME_DAY = _REG.alias("same_day")
_AFTERWARDS_SQL = (
    select(_REG.c.student_id, _REG.c.date)
    .where(
        _REG.c.date <= bindparam("on"),
        _REG.c.code.in_(bindparam("codes", expanding=True)),
        _registered_later(_REG),
        ~exists().where(
            _SAME_DAY.c.student_id == _REG.c.student_id,
            _SAME_DAY.c.date == _REG.c.date,
            _SAME_DAY.c.code.in_(bindparam("same_day_codes", expanding=True)),
            or_(_SAME_DAY.c.registered_at.is_(None), ~_registered_later(_SAME_DAY)),
        ),
    )
    .distinct()
)


def _sick_afterwards(
    session: Session,
    on: date,
    codes: dict[str, RegistrationCode],
    ids: Collection[int] | None,
    id_range: IdRange | None,
) -> dict[int, list[date]]:
    """Per student, the days whose sick registrations were all registered on a later day
    (R-ZIEK-PATROON "achteraf"). A registration without registered_at (an LVS that does not
    export it) makes its day unknown, never afterwards. Kept apart from _REGISTRATIONS_SQL so
    that query stays on its covering index; this one reads only sick rows.
    """
    wanted = sick_codes(codes)
    if not wanted or (ids is not None and not ids):
        return {}
    stmt = _AFTERWARDS_SQL
    if ids is not None:
        stmt = stmt.where(_REG.c.student_id.in_(list(ids)))
    elif id_range is not None:
        stmt = stmt.where(_REG.c.student_id.between(*id_range))
    found: dict[int, list[date]] = defaultdict(list)
    params = {"on": on, "codes": wanted, "same_day_codes": wanted}
    for student_id, day in session.execute(stmt, params):
        found[student_id].append(day)
    return found


def _with_sick_afterwards(
    days: dict[int, list[DayTotals]], afterwards: dict[int, list[date]]
) -> dict[int, list[DayTotals]]:
    for student_id, late in afterwards.items():
        if student_id in days:
            days[student_id] = mark_sick_afterwards(days[student_id], late)
    return days


def load_reports(
    session: Session, on: date, ids: Collection[int] | None, id_range: IdRange | None = None
) -> dict[int, list[ReportFact]]:
    """DUO reports known on `on` (begun on or before it), per student."""
    stmt = select(
        DuoReport.student_id,
        DuoReport.soort,
        DuoReport.begindatum,
        DuoReport.einddatum,
        DuoReport.id,
    ).where(DuoReport.begindatum <= on)
    if ids is not None:
        stmt = stmt.where(DuoReport.student_id.in_(list(ids)))
    if id_range is not None:
        stmt = stmt.where(DuoReport.student_id.between(*id_range))
    found: dict[int, list[ReportFact]] = defaultdict(list)
    for sid, soort, begin, end, report_id in session.execute(stmt):
        found[sid].append(ReportFact(soort, begin, end, report_id))
    return found


def _timetables(session: Session, klassen: Collection[str] | None) -> dict[str, dict[int, int]]:
    stmt = select(TimetableSlot.klas, TimetableSlot.weekday, TimetableSlot.begin, TimetableSlot.end)
    if klassen is not None:
        stmt = stmt.where(TimetableSlot.klas.in_(list(klassen)))
    found: dict[str, dict[int, int]] = defaultdict(dict)
    for klas, weekday, begin, end in session.execute(stmt):
        per_day = found[klas]
        per_day[weekday - 1] = per_day.get(weekday - 1, 0) + minutes_between(begin, end)
    return found


def load_inputs(
    session: Session,
    on: date,
    policy_name: str | None = None,
    student_ids: Collection[int] | None = None,
    id_range: IdRange | None = None,
) -> SignalInputs:
    """Everything the engine needs on `on`: for all students, the given ones, or an id range."""
    policy = load_policy(session, policy_name)
    codes = code_map(session)
    students, klas = _students(session, student_ids, id_range)
    only = None if student_ids is None else list(students)
    days = _days(session, on, codes, policy.te_laat.late_max_minutes, only, id_range)
    return SignalInputs(
        on=on,
        calendar=load_calendar(session),
        policy=policy,
        codes=codes,
        students=students,
        klas=klas,
        days=_with_sick_afterwards(days, _sick_afterwards(session, on, codes, only, id_range)),
        reports=load_reports(session, on, only, id_range),
        timetables=_timetables(session, None if only is None else set(klas.values())),
    )
