"""A small fictitious school for the desk's tests: calendar, timetable, policy and students."""

from __future__ import annotations

from datetime import date, datetime, time

from verzuimdesk.domain.calendar import CalendarPeriod, PeriodKind, SchoolCalendar
from verzuimdesk.services.context import Context
from verzuimdesk.store.school import CalendarPeriodRow, PolicyProfileRow, School, TimetableSlot
from verzuimdesk.store.students import Student

YEAR = CalendarPeriod(date(2025, 8, 18), date(2026, 7, 17), PeriodKind.SCHOOLJAAR, "2025-2026")
HERFST = CalendarPeriod(date(2025, 10, 20), date(2025, 10, 24), PeriodKind.VAKANTIE, "herfst")
PERIODS = (YEAR, HERFST)

LESSONS = (
    (time(8, 30), time(9, 20)),
    (time(9, 20), time(10, 10)),
    (time(10, 30), time(11, 20)),
    (time(11, 20), time(12, 10)),
    (time(13, 0), time(13, 50)),
)

STRICT_TOML = '[ziekmelden]\nmode = "mbo-utrecht"\nretroactive_allowed = false\n'
LAW_TOML = '[ziekmelden]\nmode = "wettelijk"\nretroactive_allowed = true\nlate_report_days = 2\n'

STUDENTS = (
    ("100001", "Noor", None, "Bakker", date(2009, 3, 12), "2A"),
    ("100002", "Daan", "de", "Vries", date(2008, 11, 2), "2A"),
    ("100003", "Sanne", "van der", "Berg", date(2010, 1, 30), "2B"),
    ("200004", "Bram", None, "Vermeulen", date(2007, 6, 5), "3A"),
)


def calendar() -> SchoolCalendar:
    return SchoolCalendar(PERIODS, public_holidays={})


def make_school(ctx: Context, policy: str = "strikt", students: bool = True) -> dict[str, int]:
    """The school, its calendar and timetable; returns leerlingnummer -> student id."""
    with ctx.db.unit_of_work() as session:
        session.add(
            School(
                id=1,
                name="Testcollege",
                sector="mbo",
                region="midden",
                policy_name=policy,
                created_at=datetime(2025, 8, 1),
            )
        )
        session.add(
            PolicyProfileRow(name="strikt", toml=STRICT_TOML, updated_at=datetime(2025, 8, 1))
        )
        session.add(PolicyProfileRow(name="wet", toml=LAW_TOML, updated_at=datetime(2025, 8, 1)))
        for period in PERIODS:
            session.add(
                CalendarPeriodRow(
                    start=period.start, end=period.end, kind=period.kind.value, name=period.name
                )
            )
        for klas in ("2A", "2B", "3A"):
            for weekday in range(1, 6):
                for begin, end in LESSONS:
                    session.add(
                        TimetableSlot(
                            klas=klas, weekday=weekday, begin=begin, end=end, vak="NE", docent="ABC"
                        )
                    )
        ids: dict[str, int] = {}
        if students:
            for lnr, roep, tv, achter, born, klas in STUDENTS:
                student = Student(
                    leerlingnummer=lnr,
                    roepnaam=roep,
                    tussenvoegsel=tv,
                    achternaam=achter,
                    geboortedatum=born,
                    klas=klas,
                )
                session.add(student)
                session.flush()
                ids[lnr] = student.id
    return ids
