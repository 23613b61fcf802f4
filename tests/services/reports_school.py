"""A small hand-made school for the report tests, with figures worked out by hand.

Calendar (bellijst_school): school year from 1 September 2025, herfstvakantie 18–26 October.
Klas 1A: six 50-minute lessons every weekday (300 minutes a day), NE EN DU WI GS LO, docent
"docNE" … "docLO". Klas BBL1 (part-time): three lessons on Monday only (150 minutes).

Period 13–31 October 2025 = 10 lesdagen (13–17 and 27–31; the week of 20 October is a holiday).

- Anna (1A): OA lessons 1–2 on Tue 14 Oct (100 min), Z all day Tue 28 Oct (300 min), and an OA
  registration on Tue 21 Oct (holiday: no lesson time, ignored). Planned 10 × 300 = 3000;
  absent 400; attended 2600/3000 = 86.7 %.
- Bram (BBL1, part-time): OA lesson 1 on Mon 13 Oct (50 min); BPV all of Tue 14 Oct
  (08:00–16:00, 480 min, a weekday without lessons: its own length is planned time). Mondays:
  13 and 27 Oct → 2 × 150 = 300; plus 480 → planned 780, absent 50: 730/780 = 93.6 %.
- Cas (1A): enrolled from Mon 27 Oct, nothing registered: planned 5 × 300 = 1500, 100 %.
Klas 1A: planned 4500, absent 400 → 91.1 %.
"""

from __future__ import annotations

from datetime import date, datetime, time

from sqlalchemy import update

from tests.services.bellijst_school import LESSONS, add_student, make_school
from verzuimdesk.services.context import Context
from verzuimdesk.store.registrations import Registration
from verzuimdesk.store.school import SchoolClass, TimetableSlot
from verzuimdesk.store.students import Student

VAKKEN = ["NE", "EN", "DU", "WI", "GS", "LO"]
START, END = date(2025, 10, 13), date(2025, 10, 31)


def build(ctx: Context) -> dict[str, int]:
    make_school(ctx)
    with ctx.db.unit_of_work() as s:
        # bellijst_school names every docent after the vak: make that explicit per lesson
        s.execute(update(TimetableSlot).values(docent="doc" + TimetableSlot.vak))
        for begin, end in LESSONS[:3]:
            s.add(
                TimetableSlot(
                    klas="BBL1", weekday=1, begin=begin, end=end, vak="PR", docent="docPR"
                )
            )
        s.add(SchoolClass(code="1A", mentor="Mevr. Visser"))
        s.add(SchoolClass(code="BBL1", mentor="Dhr. Bakker"))
    ids = {
        "anna": add_student(ctx, roepnaam="Anna", achternaam="Aalders"),
        "bram": add_student(ctx, roepnaam="Bram", achternaam="Bos", klas="BBL1"),
        "cas": add_student(ctx, roepnaam="Cas", achternaam="Claes"),
    }
    with ctx.db.unit_of_work() as s:
        s.execute(
            update(Student)
            .where(Student.id == ids["cas"])
            .values(ingeschreven_van=date(2025, 10, 27))
        )
    lessons(ctx, ids["anna"], date(2025, 10, 14), "OA", range(2))
    lessons(ctx, ids["anna"], date(2025, 10, 28), "Z", range(6))
    lessons(ctx, ids["anna"], date(2025, 10, 21), "OA", range(1))
    lessons(ctx, ids["bram"], date(2025, 10, 13), "OA", range(1), vak="PR")
    with ctx.db.unit_of_work() as s:
        s.add(
            Registration(
                student_id=ids["bram"],
                date=date(2025, 10, 14),
                begin=time(8, 0),
                end=time(16, 0),
                minutes=480,
                code="BPV",
                source="import",
            )
        )
    return ids


def lessons(
    ctx: Context,
    student_id: int,
    day: date,
    code: str,
    which: range,
    vak: str | None = None,
) -> None:
    """Registrations of whole lessons of klas 1A's day (or BBL1's, with vak="PR")."""
    with ctx.db.unit_of_work() as s:
        for index in which:
            begin, end = LESSONS[index]
            subject = vak or VAKKEN[index]
            s.add(
                Registration(
                    student_id=student_id,
                    date=day,
                    begin=begin,
                    end=end,
                    minutes=50,
                    code=code,
                    reason="ziek" if code == "Z" else None,
                    vak=subject,
                    docent=f"doc{subject}",
                    source="import",
                    registered_at=datetime.combine(day, time(16)),
                )
            )
