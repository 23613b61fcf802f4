"""Desk rows behind registrations: the sick reports and leave cards of the demo.

They are made from each student's plan before the registrations, so the registrations they
explain carry their ids (sick_report_id, leave_card_id), as the desk's own services do.
"""

from __future__ import annotations

from datetime import timedelta
from random import Random
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from verzuimdesk.demo.absence_patterns import (
    ClassDays,
    LeaveEvent,
    SickEpisode,
    StudentPlan,
    day_at,
    stamp_datetime,
)
from verzuimdesk.demo.people import DemoStudent
from verzuimdesk.domain.calendar import SchoolCalendar
from verzuimdesk.domain.leave import Decider, LeaveKind, Status
from verzuimdesk.domain.route import age_on
from verzuimdesk.store.base import table_of
from verzuimdesk.store.desk import LeaveCard, SickReport

DESK_USER = "receptie"
DIRECTOR = "E. van Wijk (onderwijsmanager)"


def _sick_report_row(
    person: DemoStudent, student_id: int, days: ClassDays, episode: SickEpisode, rng: Random
) -> dict[str, Any]:
    ended_at = ended_called_at = None
    if not episode.ongoing:
        # the beter-melding: the evening after the last sick day or the next morning; it ends
        # the report no earlier than the end of that day
        last = days.dates[episode.end]
        if rng.random() < 0.5:
            ended_called_at = day_at(last, 18 * 60 + rng.randrange(180))
        else:
            ended_called_at = day_at(last + timedelta(days=1), 7 * 60 + 30 + rng.randrange(55))
        ended_at = max(ended_called_at, day_at(last + timedelta(days=1), 0))
    parent = person.guardians[0] if person.guardians else None
    caller_kind, caller_name = episode.caller_kind, None
    if caller_kind == "ouder":
        if parent is None:
            caller_kind = "leerling"
        else:
            caller_name = parent.naam
    return {
        "student_id": student_id,
        "called_at": stamp_datetime(episode.called),
        "caller_kind": caller_kind,
        "caller_name": caller_name,
        "starts_at": stamp_datetime(episode.starts),
        "ended_at": ended_at,
        "ended_called_at": ended_called_at,
        "reason": episode.reason,
        "note": None,
        "entered_by": DESK_USER,
        "ended_by": DESK_USER if ended_at else None,
    }


def _leave_card_row(
    person: DemoStudent,
    student_id: int,
    days: ClassDays,
    event: LeaveEvent,
    calendar: SchoolCalendar,
    rng: Random,
) -> dict[str, Any]:
    start, end = days.dates[event.start], days.dates[event.end]
    created = stamp_datetime(event.requested)
    adult = age_on(person.geboortedatum, start) >= 18
    parent = person.guardians[0] if person.guardians else None
    if adult or parent is None:
        signed_by, signer_role = person.full_name, "leerling"
    else:
        signed_by, signer_role = parent.naam, "ouder"
    decided_by = decided_at = None
    if event.decider is not Decider.RECEPTIE:
        decided_by = person.klas.mentor.name if event.decider is Decider.COACH else DIRECTOR
        decided_at = min(
            created + timedelta(days=rng.randint(0, 2), hours=2), day_at(start, 8 * 60)
        )
    return {
        "student_id": student_id,
        "kind": event.kind.value,
        "subkind": event.subkind,
        "start_date": start,
        "end_date": end,
        "start_time": event.first_lesson.begin if event.first_lesson else None,
        "end_time": event.last_lesson.end if event.last_lesson else None,
        "school_days": len(calendar.lesdagen(start, end)),
        "reason": event.reason,
        "signed_by": signed_by,
        "signer_role": signer_role,
        "employer_statement": event.kind is LeaveKind.VAKANTIE and event.status is Status.VERLEEND,
        "status": event.status.value,
        "decider": event.decider.value,
        "decided_by": decided_by,
        "decided_at": decided_at,
        "created_at": created,
        "entered_by": DESK_USER,
    }


def _one_open_report(episodes: list[SickEpisode]) -> None:
    """A student has at most one open sick report (the database refuses a second): when two
    episodes both run to the end of the period, the earlier one gets its beter-melding."""
    ongoing = sorted((e for e in episodes if e.desk and e.ongoing), key=lambda e: e.start)
    for episode in ongoing[:-1]:
        episode.ongoing = False


def insert_desk_rows(
    session: Session,
    rng: Random,
    calendar: SchoolCalendar,
    items: list[tuple[DemoStudent, int, ClassDays, StudentPlan]],
) -> tuple[int, int]:
    """Sick reports and leave cards for a batch of planned students; sets their row ids and
    returns how many of each were made."""
    sick: list[SickEpisode] = []
    sick_rows: list[dict[str, Any]] = []
    leave: list[LeaveEvent] = []
    leave_rows: list[dict[str, Any]] = []
    for person, student_id, days, plan in items:
        _one_open_report(plan.sick)
        for episode in plan.sick:
            if episode.desk:
                sick.append(episode)
                sick_rows.append(_sick_report_row(person, student_id, days, episode, rng))
        for event in plan.leave:
            leave.append(event)
            leave_rows.append(_leave_card_row(person, student_id, days, event, calendar, rng))
    # one Core executemany per table (the ORM's bulk insert splits these rows into many
    # statements, and RETURNING on SQLite goes row by row); ids are read back by natural key
    student_ids = [student_id for _, student_id, _, _ in items]
    if sick_rows:
        session.execute(insert(table_of(SickReport)), sick_rows)
        found = {
            (student_id, starts_at): row_id
            for row_id, student_id, starts_at in session.execute(
                select(SickReport.id, SickReport.student_id, SickReport.starts_at).where(
                    SickReport.student_id.in_(student_ids)
                )
            )
        }
        for episode, row in zip(sick, sick_rows, strict=True):
            episode.row_id = found[(row["student_id"], row["starts_at"])]
    if leave_rows:
        session.execute(insert(table_of(LeaveCard)), leave_rows)
        cards = {
            (student_id, kind, start_date, start_time): row_id
            for row_id, student_id, kind, start_date, start_time in session.execute(
                select(
                    LeaveCard.id,
                    LeaveCard.student_id,
                    LeaveCard.kind,
                    LeaveCard.start_date,
                    LeaveCard.start_time,
                ).where(LeaveCard.student_id.in_(student_ids))
            )
        }
        for event, row in zip(leave, leave_rows, strict=True):
            key = (row["student_id"], row["kind"], row["start_date"], row["start_time"])
            event.row_id = cards[key]
    return len(sick_rows), len(leave_rows)
