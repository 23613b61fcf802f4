"""What the reports read from the store, aggregated in the database.

Speed comes from letting the database add up (measured on the 20,000-student demo school, 1.1
million registrations, benchmarks/bench_reports.py): one pass over the registrations grouped per
student, the codes sorted into categories by CASE expressions, returns 20,000 rows; Python then
only adds the planned time from the timetable and the calendar (a few multiplications per
student). A per-student-per-day summary table kept up to date on every write was measured
against it: grouping the registrations per student and day costs about as much as the whole
report, and the summary would have to follow every writer of registrations (import, desk, leave,
demo, corrections), so the plain aggregation won.

On SQLite a whole-year query walks the covering index ix_registration_signals (student, date,
code, minutes) instead of the date index: reading only the index is three times faster than
looking every row up in the table. A short period (a month or less) uses the date index.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any, NamedTuple

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from verzuimdesk.domain.attendance import (
    Attendance,
    CodeGroups,
    Minutes,
    code_groups,
    enrolled_span,
    lesdagen_per_weekday,
    planned_minutes,
)
from verzuimdesk.domain.calendar import SchoolCalendar
from verzuimdesk.domain.hours import minutes_between
from verzuimdesk.domain.policy import Policy
from verzuimdesk.domain.roles import limited_to_own_classes
from verzuimdesk.errors import NotFoundError, PermissionDenied, ValidationError
from verzuimdesk.services.context import Context
from verzuimdesk.services.reports.model import Period, Scope
from verzuimdesk.services.school import code_map, get_school, load_calendar, load_policy
from verzuimdesk.store.school import TimetableSlot
from verzuimdesk.store.students import Student

# a scope with more students than this is filtered in Python after one pass over everything:
# a long IN list costs the database more than the rows it saves
_IN_LIST_LIMIT = 2000
# from this many days on, the covering index beats the date index on SQLite
_LONG_PERIOD_DAYS = 45


class StudentInfo(NamedTuple):
    # a NamedTuple: 20,000 of them are made for every whole-school report
    id: int
    leerlingnummer: str
    achternaam: str
    first_name: str  # roepnaam
    tussenvoegsel: str | None
    klas: str
    opleiding: str | None
    van: date | None
    tot: date | None

    @property
    def name(self) -> str:
        """ "Achternaam, Roepnaam tussenvoegsel", as staff look names up."""
        return sort_name(self.achternaam, self.first_name, self.tussenvoegsel)


@dataclass(frozen=True)
class Slot:
    klas: str
    weekday: int  # 0 = Monday
    begin: time
    minutes: int
    vak: str
    docent: str


def sort_name(achternaam: str, roepnaam: str, tussenvoegsel: str | None) -> str:
    rest = " ".join(p for p in (roepnaam, tussenvoegsel) if p)
    return f"{achternaam}, {rest}"


class Facts:
    """Everything a report needs besides the registrations, read once per report."""

    def __init__(self, ctx: Context, session: Session, scope: Scope) -> None:
        self.ctx = ctx
        self.session = session
        self.scope = scope
        school = get_school(session)
        self.school_name = school.name if school else ""
        self.calendar: SchoolCalendar = load_calendar(session)
        self.policy: Policy = load_policy(session)
        self.codes = code_map(session)
        self.groups: CodeGroups = code_groups(self.codes)
        self.late_max = self.policy.te_laat.late_max_minutes
        self.slots = self._slots()
        self.timetable: dict[str, dict[int, int]] = defaultdict(dict)
        for slot in self.slots:
            week = self.timetable[slot.klas]
            week[slot.weekday] = week.get(slot.weekday, 0) + slot.minutes
        self.students = self._students()
        self.all_students = not (scope.klas or scope.opleiding or scope.student) and not (
            limited_to_own_classes(ctx.actor.role)
        )

    # -- who ---------------------------------------------------------------------------------

    def _students(self) -> dict[int, StudentInfo]:
        scope, actor = self.scope, self.ctx.actor
        stmt = select(
            Student.id,
            Student.leerlingnummer,
            Student.achternaam,
            Student.roepnaam,
            Student.tussenvoegsel,
            Student.klas,
            Student.opleiding,
            Student.ingeschreven_van,
            Student.ingeschreven_tot,
        )
        if scope.student:
            stmt = stmt.where(Student.leerlingnummer == scope.student)
        if scope.klas:
            stmt = stmt.where(Student.klas == scope.klas)
        if scope.opleiding:
            stmt = stmt.where(Student.opleiding == scope.opleiding)
        if limited_to_own_classes(actor.role):
            stmt = stmt.where(Student.klas.in_(sorted(actor.klassen)))
        new = tuple.__new__
        found = {row[0]: new(StudentInfo, row) for row in self.session.connection().execute(stmt)}
        if not found:
            self._explain_empty_scope()
        return found

    def _explain_empty_scope(self) -> None:
        scope, s = self.scope, self.session
        if (
            scope.student
            and s.scalar(select(Student.id).where(Student.leerlingnummer == scope.student)) is None
        ):
            raise NotFoundError(f"Er is geen leerling met leerlingnummer {scope.student}.")
        if scope.klas and s.scalar(select(Student.id).where(Student.klas == scope.klas)) is None:
            raise NotFoundError(f"Er is geen klas {scope.klas} (of de klas heeft geen leerlingen).")
        if scope.opleiding and (
            s.scalar(select(Student.id).where(Student.opleiding == scope.opleiding)) is None
        ):
            raise NotFoundError(f"Er is geen opleiding '{scope.opleiding}' met leerlingen.")
        if limited_to_own_classes(self.ctx.actor.role):
            raise PermissionDenied(
                "U mag alleen gegevens zien van leerlingen uit uw eigen klassen; deze keuze "
                "bevat geen leerlingen uit uw klassen."
            )

    def _slots(self) -> list[Slot]:
        rows = self.session.connection().execute(
            select(
                TimetableSlot.klas,
                TimetableSlot.weekday,
                TimetableSlot.begin,
                TimetableSlot.end,
                TimetableSlot.vak,
                TimetableSlot.docent,
            )
        )
        return [
            Slot(klas, weekday - 1, begin, minutes_between(begin, end), vak or "", docent or "")
            for klas, weekday, begin, end, vak, docent in rows
            if 1 <= weekday <= 5
        ]

    def klassen(self) -> dict[str, list[StudentInfo]]:
        by_klas: dict[str, list[StudentInfo]] = defaultdict(list)
        for student in self.students.values():
            by_klas[student.klas].append(student)
        return dict(sorted(by_klas.items()))

    # -- the registrations, aggregated -----------------------------------------------------------

    def _sql_parts(
        self, start: date, end: date, ids: Collection[int] | None
    ) -> tuple[str, str, dict[str, Any]]:
        """The FROM and WHERE of a registration query, with their parameters."""
        sqlite = self.session.get_bind().dialect.name == "sqlite"
        long_period = (end - start).days >= _LONG_PERIOD_DAYS
        source = "registration"
        if sqlite and long_period and ids is None:
            source = "registration INDEXED BY ix_registration_signals"
        where = "date BETWEEN :start AND :end"
        params: dict[str, Any] = {"start": self._date_param(start), "end": self._date_param(end)}
        no_lessons = [d for d in _weekdays(start, end) if not self.calendar.is_lesdag(d)]
        if no_lessons:
            # registrations on holidays and study days are no lesson time (R-LESTIJD)
            marks = ", ".join(f":nl{i}" for i in range(len(no_lessons)))
            where += f" AND date NOT IN ({marks})"
            params.update({f"nl{i}": self._date_param(d) for i, d in enumerate(no_lessons)})
        if ids is not None:
            marks = ", ".join(f":id{i}" for i in range(len(ids)))
            where += f" AND student_id IN ({marks})"
            params.update({f"id{i}": sid for i, sid in enumerate(ids)})
        return source, where, params

    def _date_param(self, day: date) -> Any:
        return day.isoformat() if self.session.get_bind().dialect.name == "sqlite" else day

    def _to_date(self, value: Any) -> date:
        if isinstance(value, datetime):
            return value.date()
        if isinstance(value, date):
            return value
        return date.fromisoformat(str(value)[:10])

    def _sums(self) -> tuple[str, dict[str, Any]]:
        """SUM(CASE …) columns in Minutes' order, with the code lists as parameters."""
        g = self.groups
        params: dict[str, Any] = {"late_max": self.late_max}

        def codes(name: str, values: tuple[str, ...]) -> str:
            if not values:
                return "(NULL)"
            params.update({f"{name}{i}": v for i, v in enumerate(values)})
            return "(" + ", ".join(f":{name}{i}" for i in range(len(values))) + ")"

        oa, late = codes("c_oa", g.ongeoorloofd), codes("c_tl", g.te_laat)
        sick, other = codes("c_z", g.ziek), codes("c_g", g.geoorloofd_overig)
        there, unplanned = codes("c_a", g.aanwezig), codes("c_vr", g.niet_gepland)
        columns = (
            f"SUM(CASE WHEN code IN {oa} OR (code IN {late} AND minutes > :late_max)"
            " THEN minutes ELSE 0 END)",
            f"SUM(CASE WHEN code IN {sick} THEN minutes ELSE 0 END)",
            f"SUM(CASE WHEN code IN {other} THEN minutes ELSE 0 END)",
            f"SUM(CASE WHEN code IN {there} OR (code IN {late} AND minutes <= :late_max)"
            " THEN minutes ELSE 0 END)",
            f"SUM(CASE WHEN code IN {unplanned} THEN minutes ELSE 0 END)",
            f"SUM(CASE WHEN code IN {late} AND minutes <= :late_max THEN 1 ELSE 0 END)",
        )
        return ", ".join(columns), params

    def _scope_ids(self) -> list[int] | None:
        if self.all_students or len(self.students) > _IN_LIST_LIMIT:
            return None
        return sorted(self.students)

    def minutes_per_student(
        self, start: date, end: date, edges: list[date] | None = None
    ) -> dict[tuple[int, int], Minutes]:
        """Registered minutes per (student id, bucket) from start to end; `edges` are the first
        days of buckets 1, 2, … (bucket 0 starts at `start`); without edges one bucket, 0."""
        ids = self._scope_ids()
        source, where, params = self._sql_parts(start, end, ids)
        sums, sum_params = self._sums()
        params.update(sum_params)
        bucket = "0"
        if edges:
            cases = " ".join(f"WHEN date < :edge{i} THEN {i}" for i in range(len(edges)))
            bucket = f"CASE {cases} ELSE {len(edges)} END"
            params.update({f"edge{i}": self._date_param(e) for i, e in enumerate(edges)})
        sql = (
            f"SELECT student_id, {bucket} AS bucket, {sums} FROM {source} WHERE {where}"
            " GROUP BY student_id, bucket"
        )
        found: dict[tuple[int, int], Minutes] = {}
        wanted = self.students
        for row in self.session.execute(text(sql), params):
            if row[0] in wanted:
                found[(row[0], int(row[1]))] = Minutes(*(int(v or 0) for v in row[2:]))
        return found

    def minutes_per_student_day(
        self, start: date, end: date, ids: Iterable[int] | None = None
    ) -> dict[int, dict[date, Minutes]]:
        """Registered minutes per student and day (for small scopes: a class, a student)."""
        chosen = sorted(ids) if ids is not None else self._scope_ids()
        if chosen is not None and not chosen:
            return {}
        source, where, params = self._sql_parts(start, end, chosen)
        sums, sum_params = self._sums()
        params.update(sum_params)
        sql = (
            f"SELECT student_id, date, {sums} FROM {source} WHERE {where} GROUP BY student_id, date"
        )
        found: dict[int, dict[date, Minutes]] = defaultdict(dict)
        for row in self.session.execute(text(sql), params):
            if row[0] in self.students:
                found[row[0]][self._to_date(row[1])] = Minutes(*(int(v or 0) for v in row[2:]))
        return found

    # -- planned time and attendance -------------------------------------------------------------

    def _unscheduled_weekdays(
        self, start: date, end: date, edges: list[date] | None
    ) -> dict[tuple[int, int], dict[int, int]]:
        """Per (student, bucket) and weekday: the minutes registered on lesdagen of a weekday
        the student's class timetable leaves empty (R-LESTIJD: their own length is lesson time).

        Classes are grouped by the weekdays they miss; per group one query probes the covering
        index for exactly (student, day) pairs on those weekdays, so a school full of part-time
        classes costs a few index look-ups per student, not a pass over every registration."""
        by_missing: dict[tuple[int, ...], list[str]] = defaultdict(list)
        for klas in self.part_time_klassen():
            week = self.timetable.get(klas, {})
            by_missing[tuple(w for w in range(5) if not week.get(w))].append(klas)
        extra: dict[tuple[int, int], dict[int, int]] = defaultdict(dict)
        lesdagen = self.calendar.lesdagen(start, end)
        for missing, klassen in by_missing.items():
            days = [d for d in lesdagen if d.weekday() in missing]
            wanted = set(klassen)
            ids = [s.id for s in self.students.values() if s.klas in wanted]
            if not days or not ids:
                continue
            sums, params = self._sums()
            params.update({f"d{i}": self._date_param(d) for i, d in enumerate(days)})
            params.update({f"k{i}": k for i, k in enumerate(klassen)})
            sql = (
                f"SELECT student_id, date, {sums} FROM registration"
                " WHERE student_id IN (SELECT id FROM student WHERE klas IN ("
                + ", ".join(f":k{i}" for i in range(len(klassen)))
                + ")) AND date IN ("
                + ", ".join(f":d{i}" for i in range(len(days)))
                + ") GROUP BY student_id, date"
            )
            for row in self.session.execute(text(sql), params):
                if row[0] not in self.students:
                    continue
                day = self._to_date(row[1])
                key = (row[0], _bucket_of(day, edges))
                registered = Minutes(*(int(v or 0) for v in row[2:])).registered
                extra[key][day.weekday()] = extra[key].get(day.weekday(), 0) + registered
        return extra

    def part_time_klassen(self) -> set[str]:
        """Classes whose timetable leaves a weekday empty (or that have none at all): their
        registrations on those weekdays count as planned time with their own length."""
        return {
            klas
            for klas in {s.klas for s in self.students.values()}
            if len(self.timetable.get(klas, {})) < 5
        }

    def attendance(
        self, start: date, end: date, edges: list[date] | None = None
    ) -> dict[tuple[int, int], Attendance]:
        """Attendance per (student id, bucket), for every student in scope (also those without
        a single registration: they attended everything planned)."""
        minutes = self.minutes_per_student(start, end, edges)
        bounds = _bucket_bounds(start, end, edges)
        extra = self._unscheduled_weekdays(start, end, edges)
        counts_cache: dict[tuple[date, date], tuple[int, int, int, int, int]] = {}
        result: dict[tuple[int, int], Attendance] = {}
        for student in self.students.values():
            week = self.timetable.get(student.klas)
            for index, (first, last) in enumerate(bounds):
                key = (student.id, index)
                span = enrolled_span(first, last, student.van, student.tot)
                m = minutes.get(key) or Minutes()
                if span is None:
                    continue
                if span not in counts_cache:
                    counts_cache[span] = lesdagen_per_weekday(self.calendar, *span)
                planned = planned_minutes(
                    counts_cache[span], week, extra.get(key, {}), m.niet_gepland
                )
                result[key] = Attendance(planned, m)
        return result


def _weekdays(start: date, end: date) -> list[date]:
    days, day = [], start
    while day <= end:
        if day.weekday() < 5:
            days.append(day)
        day += timedelta(days=1)
    return days


def _bucket_bounds(start: date, end: date, edges: list[date] | None) -> list[tuple[date, date]]:
    if not edges:
        return [(start, end)]
    firsts = [start, *edges]
    lasts = [e - timedelta(days=1) for e in edges] + [end]
    return list(zip(firsts, lasts, strict=True))


def _bucket_of(day: date, edges: list[date] | None) -> int:
    if not edges:
        return 0
    for index, edge in enumerate(edges):
        if day < edge:
            return index
    return len(edges)


def check_period(period: Period, calendar: SchoolCalendar) -> None:
    """Refuse periods no report can answer sensibly (more than two school years)."""
    if (period.end - period.start).days > 800:
        raise ValidationError("Kies een periode van hoogstens twee schooljaren.", field="periode")
