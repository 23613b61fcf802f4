"""Turning a desk decision (a sick report, granted leave) into registrations per scheduled lesson.

Shared by sick_reports and leave_cards: a lesson with no registration gets one with the desk's
code; an imported OA for that lesson takes the desk's code (the valid reason was given); every
other registration (present, late, another reason) is left alone. Runs inside the caller's
unit of work and writes the audit trail there.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, time

from sqlalchemy import select
from sqlalchemy.orm import Session

from verzuimdesk.domain.hours import minutes_between
from verzuimdesk.domain.sick_reports import Lesson
from verzuimdesk.services import audit
from verzuimdesk.services.context import Context
from verzuimdesk.store.registrations import Registration
from verzuimdesk.store.school import TimetableSlot

OA_CODE = "OA"
_LINKED = ("code", "reason", "source", "sick_report_id", "leave_card_id")


def lessons_on(session: Session, klas: str, days: Iterable[date]) -> list[Lesson]:
    """The class timetable's lessons on the given days, in time order."""
    slots: dict[int, list[TimetableSlot]] = defaultdict(list)
    for slot in session.scalars(
        select(TimetableSlot).where(TimetableSlot.klas == klas).order_by(TimetableSlot.begin)
    ):
        slots[slot.weekday].append(slot)
    return [
        Lesson(day, s.begin, s.end, s.vak, s.docent)
        for day in days
        for s in slots.get(day.isoweekday(), [])
    ]


@dataclass(frozen=True)
class Link:
    """What every registration made for one desk decision carries."""

    code: str
    reason: str
    source: str
    sick_report_id: int | None = None
    leave_card_id: int | None = None


def register_lessons(
    session: Session,
    ctx: Context,
    student_id: int,
    lessons: list[Lesson],
    link: Link,
    action: str,
    entity: str,
    entity_id: int,
) -> int:
    """Registrations for `lessons` as described above; returns how many rows were added."""
    if not lessons:
        return 0
    days = sorted({lesson.day for lesson in lessons})
    existing: dict[tuple[date, time | None], Registration] = {}
    for reg in session.scalars(
        select(Registration).where(
            Registration.student_id == student_id,
            Registration.date >= days[0],
            Registration.date <= days[-1],
        )
    ):
        existing.setdefault((reg.date, reg.begin), reg)
    added: list[str] = []
    for lesson in lessons:
        current = existing.get((lesson.day, lesson.begin))
        if current is None:
            session.add(
                Registration(
                    student_id=student_id,
                    date=lesson.day,
                    begin=lesson.begin,
                    end=lesson.end,
                    minutes=minutes_between(lesson.begin, lesson.end),
                    code=link.code,
                    reason=link.reason,
                    vak=lesson.vak,
                    docent=lesson.docent,
                    source=link.source,
                    registered_at=ctx.now(),
                    sick_report_id=link.sick_report_id,
                    leave_card_id=link.leave_card_id,
                )
            )
            added.append(f"{lesson.day.isoformat()} {lesson.begin:%H:%M}")
        elif (
            current.code == OA_CODE
            and current.sick_report_id is None
            and (current.leave_card_id is None)
        ):
            before = audit.snapshot(current, *_LINKED)
            current.code, current.reason, current.source = link.code, link.reason, link.source
            current.sick_report_id, current.leave_card_id = link.sick_report_id, link.leave_card_id
            session.flush()
            audit.record(
                session,
                ctx,
                f"{action}.oa-vervangen",
                "registration",
                current.id,
                before,
                audit.snapshot(current, *_LINKED),
            )
    if added:
        audit.record(
            session, ctx, action, entity, entity_id, None, {"code": link.code, "lessen": added}
        )
    return len(added)
