"""A small fictitious school for the bellijst, call and dossier tests, built straight in the store
so these tests do not depend on the import or demo code."""

from __future__ import annotations

import itertools
from datetime import date, datetime, time

from sqlalchemy import select

from verzuimdesk.domain.codes import DEFAULT_CODES
from verzuimdesk.services.context import Context
from verzuimdesk.store.desk import SickReport
from verzuimdesk.store.registrations import Registration
from verzuimdesk.store.reporting import SignalRow
from verzuimdesk.store.school import (
    CalendarPeriodRow,
    PolicyProfileRow,
    RegistrationCodeRow,
    School,
    TimetableSlot,
)
from verzuimdesk.store.students import Guardian, Student

_numbers = itertools.count(1000)

# 1 October 2025 is a Wednesday; the school year starts 1 September, herfstvakantie 18-26 Oct.
LIST_DAY = date(2025, 10, 1)
PREVIOUS_DAY = date(2025, 9, 30)
LESSONS = [
    (time(8, 30), time(9, 20)),
    (time(9, 20), time(10, 10)),
    (time(10, 30), time(11, 20)),
    (time(11, 20), time(12, 10)),
    (time(13, 0), time(13, 50)),
    (time(13, 50), time(14, 40)),
]


def make_school(
    ctx: Context,
    *,
    sector: str = "mbo",
    inform_18plus: bool = False,
    brugklas: bool = True,
    name: str = "ROC De Fictieve Horizon",
) -> None:
    toml = (
        f"[ouders]\ninform_18plus_by_default = {str(inform_18plus).lower()}\n"
        f"[bellijst]\nbrugklas_every_absence = {str(brugklas).lower()}\n"
    )
    with ctx.db.unit_of_work() as s:
        s.add(PolicyProfileRow(name="test", toml=toml, updated_at=datetime(2025, 8, 1)))
        s.add(
            School(
                id=1,
                name=name,
                sector=sector,
                region="midden",
                policy_name="test",
                created_at=datetime(2025, 8, 1),
            )
        )
        for code in DEFAULT_CODES:
            s.add(
                RegistrationCodeRow(
                    code=code.code,
                    description=code.description,
                    category=code.category.value,
                    kind=code.kind.value,
                )
            )
        s.add(
            CalendarPeriodRow(
                start=date(2025, 9, 1), end=date(2026, 7, 17), kind="schooljaar", name="2025-2026"
            )
        )
        s.add(
            CalendarPeriodRow(
                start=date(2025, 10, 18),
                end=date(2025, 10, 26),
                kind="vakantie",
                name="Herfstvakantie",
            )
        )
        for weekday in range(1, 6):
            for (begin, end), vak in zip(
                LESSONS, ["NE", "EN", "DU", "WI", "GS", "LO"], strict=True
            ):
                s.add(
                    TimetableSlot(
                        klas="1A",
                        weekday=weekday,
                        begin=begin,
                        end=end,
                        vak=vak,
                        docent=f"doc{vak}",
                    )
                )


def add_student(
    ctx: Context,
    *,
    roepnaam: str = "Sem",
    achternaam: str = "Jansen",
    born: date = date(2010, 5, 1),
    klas: str = "1A",
    leerjaar: int = 2,
    sector: str | None = None,
    consent: bool | None = None,
    consent_on: date | None = None,
    guardians: int = 1,
    phone: str = "06-11111111",
    opleiding: str | None = "Verzorgende IG",
) -> int:
    number = next(_numbers)
    with ctx.db.unit_of_work() as s:
        student = Student(
            leerlingnummer=str(number),
            roepnaam=roepnaam,
            achternaam=achternaam,
            geboortedatum=born,
            klas=klas,
            leerjaar=leerjaar,
            sector=sector,
            telefoon=phone,
            opleiding=opleiding,
            ouders_informeren=consent,
            ouders_informeren_datum=consent_on,
            woongemeente="Utrecht",
        )
        for i in range(guardians):
            student.guardians.append(
                Guardian(
                    naam=f"Ouder{i + 1} {achternaam}",
                    relatie="moeder" if i == 0 else "vader",
                    telefoon=f"06-8{number}{i:02d}",
                )
            )
        s.add(student)
        s.flush()
        return student.id


def guardian_phones(ctx: Context, student_id: int) -> list[str]:
    with ctx.db.sessions() as s:
        return list(s.scalars(select(Guardian.telefoon).where(Guardian.student_id == student_id)))


def register(
    ctx: Context,
    student_id: int,
    day: date,
    code: str = "OA",
    lessons: range = range(6),
    vak: str | None = None,
) -> None:
    with ctx.db.unit_of_work() as s:
        for index in lessons:
            begin, end = LESSONS[index]
            s.add(
                Registration(
                    student_id=student_id,
                    date=day,
                    begin=begin,
                    end=end,
                    minutes=50,
                    code=code,
                    reason="ziekmelding" if code == "Z" else None,
                    vak=vak or ["NE", "EN", "DU", "WI", "GS", "LO"][index],
                    docent="docX",
                    source="import",
                    registered_at=datetime.combine(day, time(16)),
                )
            )


def report_sick(ctx: Context, student_id: int, day: date) -> None:
    with ctx.db.unit_of_work() as s:
        s.add(
            SickReport(
                student_id=student_id,
                called_at=datetime.combine(day, time(8)),
                caller_kind="ouder",
                starts_at=datetime.combine(day, time(8)),
                entered_by="receptie",
            )
        )


def add_signal(ctx: Context, student_id: int, arose_on: date, rule: str = "R-16U") -> None:
    with ctx.db.unit_of_work() as s:
        s.add(
            SignalRow(
                student_id=student_id,
                rule=rule,
                arose_on=arose_on,
                deadline=date(2025, 10, 7),
                route="leerplicht",
                minutes=16 * 60,
                window_start=date(2025, 9, 8),
                window_end=arose_on,
                policy_name="test",
                explanation="16 uur ongeoorloofd in 4 lesweken bereikt",
            )
        )
