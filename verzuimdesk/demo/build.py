"""Building the demo school: one unit of work that fills an empty database, school row and all.

Deterministic per (students, seed, until): one `random.Random(seed)` drives every choice in a
fixed order and no generated value comes from the clock (only the school row's creation time
and the audit entry use ctx.now()), so the same inputs give the same school and registrations.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from random import Random
from typing import Any

from sqlalchemy import Table, func, insert, select
from sqlalchemy.orm import Session

from verzuimdesk.demo import desk as desk_rows
from verzuimdesk.demo import followup
from verzuimdesk.demo.absence_patterns import (
    ClassDays,
    assign_profiles,
    class_days,
    plan_student,
)
from verzuimdesk.demo.names import HINDU, ISLAMIC
from verzuimdesk.demo.people import DemoStudent, make_students
from verzuimdesk.demo.registration_rows import RegistrationWriter
from verzuimdesk.demo.timetable import DemoClass, make_classes
from verzuimdesk.domain.calendar import SchoolCalendar
from verzuimdesk.domain.route import age_on
from verzuimdesk.errors import ValidationError
from verzuimdesk.services import audit
from verzuimdesk.services.bulk import dict_rows, insert_rows, to_db_rows
from verzuimdesk.services.context import Context
from verzuimdesk.services.progress import Cancel, Progress, check, never_cancel, no_progress
from verzuimdesk.services.school import configure_school, load_calendar
from verzuimdesk.store.base import table_of
from verzuimdesk.store.bulk_load import secondary_indexes_dropped
from verzuimdesk.store.registrations import Registration
from verzuimdesk.store.school import SchoolClass, TimetableSlot
from verzuimdesk.store.students import Guardian, Student

SCHOOL_NAME = "Demo: ROC De Vaart"
SECTOR = "mbo"
REGION = "midden"
POLICY = "mbo-utrecht"
PLAN_BATCH = 500  # students planned between two inserts of their desk rows
SICK_LABEL = "ziekmeldingen"
LEAVE_LABEL = "verlofkaarten"

STUDENT_COLUMNS = (
    "leerlingnummer",
    "roepnaam",
    "tussenvoegsel",
    "achternaam",
    "geboortedatum",
    "klas",
    "opleiding",
    "sector",
    "niveau",
    "leerjaar",
    "leerweg",
    "startkwalificatie",
    "studiefinanciering",
    "woongemeente",
    "straat",
    "postcode",
    "plaats",
    "telefoon",
    "email",
    "ouders_informeren",
    "ouders_informeren_datum",
    "ingeschreven_van",
    "ingeschreven_tot",
)
GUARDIAN_COLUMNS = (
    "student_id",
    "naam",
    "relatie",
    "telefoon",
    "email",
    "straat",
    "postcode",
    "plaats",
    "post_ontvangen",
)


def _thousands(value: int) -> str:
    return f"{value:,}".replace(",", ".")


@dataclass
class DemoSummary:
    school: str
    first_day: date
    last_day: date
    students: int = 0
    guardians: int = 0
    classes: int = 0
    timetable_slots: int = 0
    registrations: int = 0
    followup: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0

    def lines(self) -> list[str]:
        lines = [
            f"Demoschool '{self.school}' aangemaakt.",
            f"Leerlingen: {_thousands(self.students)}",
            f"Ouders/verzorgers: {_thousands(self.guardians)}",
            f"Klassen: {_thousands(self.classes)} (roosterregels: "
            f"{_thousands(self.timetable_slots)})",
            f"Registraties: {_thousands(self.registrations)} "
            f"({self.first_day:%d-%m-%Y} t/m {self.last_day:%d-%m-%Y})",
        ]
        if self.followup:
            parts = ", ".join(f"{label} {_thousands(n)}" for label, n in self.followup.items())
            lines.append(f"Opvolging: {parts}")
        lines.append(f"Tijd: {self.seconds:.1f} seconden".replace(".", ","))
        return lines


def _period(calendar: SchoolCalendar, until: date) -> list[date]:
    """The lesdagen from the start of the school year of `until` up to and including it.

    In the summer holiday the new year has no lesdagen yet: then the year that just ended.
    """
    start, _ = calendar.school_year_of(until)
    days = calendar.lesdagen(start, until)
    if not days:
        previous, _ = calendar.school_year_of(start - timedelta(days=1))
        days = calendar.lesdagen(previous, until)
    if not days:
        raise ValidationError(
            f"De schoolkalender kent geen lesdagen tot en met {until:%d-%m-%Y}. Kies een datum "
            "binnen een schooljaar van de kalender, of importeer eerst de kalender (kalender.csv).",
            field="until",
        )
    return days


def _refuse_non_empty(session: Session) -> None:
    count = session.scalar(select(func.count()).select_from(Student)) or 0
    if count:
        raise ValidationError(
            f"Deze database bevat al {_thousands(count)} leerlingen. De demoschool kan alleen in "
            "een lege database worden gemaakt: kies een nieuw databasebestand (--db).",
            field="db",
        )


def build_demo_school(
    ctx: Context,
    *,
    students: int,
    seed: int,
    until: date,
    progress: Progress = no_progress,
    cancel: Cancel = never_cancel,
) -> DemoSummary:
    """Fill an empty database with a fictitious MBO school and a year of registrations."""
    if students < 1:
        raise ValidationError("Kies minstens 1 leerling voor de demoschool.", field="students")
    started = time.perf_counter()
    rng = Random(seed)
    with ctx.db.unit_of_work() as session:
        _refuse_non_empty(session)
        configure_school(session, ctx, SCHOOL_NAME, SECTOR, REGION, POLICY)
        calendar = load_calendar(session)
        lesdagen = _period(calendar, until)
        summary = DemoSummary(SCHOOL_NAME, lesdagen[0], lesdagen[-1])
        progress(0, students, "Klassen, rooster en leerlingen maken")
        classes = make_classes(rng, students)
        people = make_students(rng, classes, students, lesdagen[0], until)
        check(cancel)
        _insert_classes(session, classes, summary)
        ids = _insert_people(session, people, summary)
        check(cancel)
        days_of = {klas.code: class_days(klas, lesdagen, calendar) for klas in classes}
        with secondary_indexes_dropped(session.connection(), table_of(Registration), True):
            facts = _insert_registrations(
                session,
                rng,
                people,
                ids,
                days_of,
                calendar,
                lesdagen[-1],
                summary,
                progress,
                cancel,
            )
        progress(students, students, "Opvolging maken")
        summary.followup.update(
            followup.insert_followup(session, rng, facts, calendar, lesdagen[-1])
        )
        audit.record(
            session,
            ctx,
            "demo.aanmaken",
            "school",
            1,
            None,
            {
                "leerlingen": students,
                "seed": seed,
                "tot_en_met": until,
                "registraties": summary.registrations,
            },
        )
    summary.seconds = time.perf_counter() - started
    return summary


def _insert_dicts(
    session: Session, table: Table, names: Sequence[str], rows: Sequence[dict[str, Any]]
) -> None:
    connection = session.connection()
    values = to_db_rows(dict_rows(rows, names), [table.c[n] for n in names], connection)
    insert_rows(connection, table, names).execute(values)


def _insert_classes(session: Session, classes: list[DemoClass], summary: DemoSummary) -> None:
    session.execute(
        insert(SchoolClass),
        [
            {
                "code": klas.code,
                "mentor": klas.mentor.name,
                "mentor_phone": klas.mentor.phone,
                "mentor_email": klas.mentor.email,
            }
            for klas in classes
        ],
    )
    slots = [
        {
            "klas": klas.code,
            "weekday": weekday + 1,
            "begin": lesson.begin,
            "end": lesson.end,
            "vak": lesson.vak,
            "docent": lesson.docent,
        }
        for klas in classes
        for weekday, lessons in enumerate(klas.week)
        for lesson in lessons
    ]
    _insert_dicts(session, table_of(TimetableSlot), list(slots[0]), slots)
    summary.classes = len(classes)
    summary.timetable_slots = len(slots)


def _insert_people(session: Session, people: list[DemoStudent], summary: DemoSummary) -> list[int]:
    """Students and guardians; returns the student ids in the order of `people`."""
    _insert_dicts(session, table_of(Student), STUDENT_COLUMNS, [p.student_row() for p in people])
    by_number = {
        number: student_id
        for number, student_id in session.execute(select(Student.leerlingnummer, Student.id))
    }
    ids = [by_number[p.leerlingnummer] for p in people]
    guardians = [
        {
            "student_id": student_id,
            "naam": g.naam,
            "relatie": g.relatie,
            "telefoon": g.telefoon,
            "email": g.email,
            "straat": g.address.straat,
            "postcode": g.address.postcode,
            "plaats": g.address.plaats,
            "post_ontvangen": g.post_ontvangen,
        }
        for person, student_id in zip(people, ids, strict=True)
        for g in person.guardians
    ]
    _insert_dicts(session, table_of(Guardian), GUARDIAN_COLUMNS, guardians)
    _insert_companies(session, people, ids)
    summary.students = len(people)
    summary.guardians = len(guardians)
    return ids


_COMPANY_KINDS = (
    "Bakkerij",
    "Autobedrijf",
    "Zorggroep",
    "Installatiebedrijf",
    "Hotel",
    "Kinderopvang",
    "Bouwbedrijf",
    "Logistiek",
)


def _insert_companies(session: Session, people: list[DemoStudent], ids: list[int]) -> None:
    """A leerbedrijf for every BBL student (letter a goes there too). A random stream of its
    own per student, so the rest of the demo stays what it was for a seed."""
    from verzuimdesk.demo.places import random_address
    from verzuimdesk.store.letters import Company

    rows = []
    for person, student_id in zip(people, ids, strict=True):
        if person.klas.leerweg != "BBL":
            continue
        rng = Random(f"leerbedrijf-{person.leerlingnummer}")
        address = random_address(rng)
        owner = rng.choice(("Jansen", "De Boer", "Visser", "Smit", "Mulder", "Bos", "Peters"))
        rows.append(
            {
                "student_id": student_id,
                "naam": f"{rng.choice(_COMPANY_KINDS)} {owner}",
                "contactpersoon": f"{rng.choice('ABEHJKMPS')}. {owner}",
                "telefoon": f"0{rng.randint(10, 79)}-{rng.randint(1000000, 9999999)}",
                "email": None,
                "straat": address.straat,
                "postcode": address.postcode,
                "plaats": address.plaats,
                "van": person.ingeschreven_van,
                "tot": None,
            }
        )
    if rows:
        _insert_dicts(session, table_of(Company), list(rows[0]), rows)


def _insert_registrations(
    session: Session,
    rng: Random,
    people: list[DemoStudent],
    ids: list[int],
    days_of: dict[str, ClassDays],
    calendar: SchoolCalendar,
    last_day: date,
    summary: DemoSummary,
    progress: Progress,
    cancel: Cancel,
) -> list[followup.StudentFacts]:
    writer = RegistrationWriter(session, days_of)
    profiles = assign_profiles(rng, len(people))
    desk = summary.followup
    desk[SICK_LABEL] = desk[LEAVE_LABEL] = 0
    facts: list[followup.StudentFacts] = []
    total = len(people)
    for batch_start in range(0, total, PLAN_BATCH):
        batch = range(batch_start, min(total, batch_start + PLAN_BATCH))
        planned = [
            (
                people[i],
                ids[i],
                days_of[people[i].klas.code],
                plan_student(
                    rng,
                    days_of[people[i].klas.code],
                    profiles[i],
                    islamic=people[i].background in ISLAMIC,
                    hindu=people[i].background in HINDU,
                    adult=age_on(people[i].geboortedatum, last_day) >= 18,
                ),
            )
            for i in batch
        ]
        # the desk rows first: their ids go onto the registrations they explain
        sick, leave = desk_rows.insert_desk_rows(session, rng, calendar, planned)
        desk[SICK_LABEL] += sick
        desk[LEAVE_LABEL] += leave
        for person, student_id, days, plan in planned:
            oa_minutes, oa_first = writer.add(student_id, person.klas.code, plan)
            facts.append(
                followup.StudentFacts(person, student_id, days, plan.profile, oa_minutes, oa_first)
            )
            if writer.full:
                check(cancel)
                writer.flush()
                progress(len(facts), total, "Registraties maken")
    check(cancel)
    writer.flush()
    summary.registrations = writer.written
    progress(total, total, "Registraties maken")
    return facts
