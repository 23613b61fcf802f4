"""Loading what the signal engine reads: one aggregated query per table, for all students at once.

Registrations are summed per student, day and code in the database (late codes also per length,
see RegistrationGroup), so a school year of 20,000 students arrives as a few hundred thousand rows.
Only registrations and reports on or before the date asked about are read: later data never
leaks into an earlier answer.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection
from dataclasses import dataclass
from datetime import date

from sqlalchemy import String, case, cast, func, literal, select
from sqlalchemy.orm import Session

from verzuimdesk.domain.calendar import SchoolCalendar
from verzuimdesk.domain.codes import Category, RegistrationCode
from verzuimdesk.domain.hours import minutes_between
from verzuimdesk.domain.policy import Policy
from verzuimdesk.domain.signals import (
    DayTotals,
    RegistrationGroup,
    ReportFact,
    StudentFacts,
    build_days,
)
from verzuimdesk.services.school import code_map, load_calendar, load_policy
from verzuimdesk.store.registrations import Registration
from verzuimdesk.store.reporting import DuoReport
from verzuimdesk.store.school import TimetableSlot
from verzuimdesk.store.students import Student


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
    session: Session, ids: Collection[int] | None
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
    facts: dict[int, StudentFacts] = {}
    klas: dict[int, str] = {}
    for row in session.execute(stmt):
        facts[row[0]] = StudentFacts(*row[1:11])
        klas[row[0]] = row[11]
    return facts, klas


def _days(
    session: Session,
    on: date,
    codes: dict[str, RegistrationCode],
    late_max_minutes: int,
    ids: Collection[int] | None,
) -> dict[int, list[DayTotals]]:
    late_codes = [c for c, rc in codes.items() if rc.category is Category.TE_LAAT]
    each = (
        case((Registration.code.in_(late_codes), Registration.minutes), else_=None)
        if late_codes
        else literal(None)
    ).label("each")
    stmt = (
        select(
            Registration.student_id,
            # as text: parsing each distinct day once is much faster than a date per row
            cast(Registration.date, String),
            Registration.code,
            func.sum(Registration.minutes),
            func.count(),
            each,
        )
        .where(Registration.date <= on)
        .group_by(Registration.student_id, Registration.date, Registration.code, each)
    )
    if ids is not None:
        stmt = stmt.where(Registration.student_id.in_(list(ids)))
    grouped: dict[int, list[RegistrationGroup]] = defaultdict(list)
    days: dict[str, date] = {}
    for sid, text, code, minutes, count, each_minutes in session.execute(stmt):
        day = days.get(text)
        if day is None:
            day = days[text] = date.fromisoformat(text[:10])
        grouped[sid].append(RegistrationGroup(day, code, int(minutes or 0), count, each_minutes))
    return {sid: build_days(rows, codes, late_max_minutes) for sid, rows in grouped.items()}


def load_reports(
    session: Session, on: date, ids: Collection[int] | None
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
) -> SignalInputs:
    """Everything the engine needs on `on`, for all students or only the given ones."""
    policy = load_policy(session, policy_name)
    codes = code_map(session)
    students, klas = _students(session, student_ids)
    only = None if student_ids is None else list(students)
    return SignalInputs(
        on=on,
        calendar=load_calendar(session),
        policy=policy,
        codes=codes,
        students=students,
        klas=klas,
        days=_days(session, on, codes, policy.te_laat.late_max_minutes, only),
        reports=load_reports(session, on, only),
        timetables=_timetables(session, None if only is None else set(klas.values())),
    )
