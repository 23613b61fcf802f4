"""Turning students' plans into registration rows and writing them in chunks.

Each class's dates and lessons are encoded once (their values recur for every student of the
class), registered-at stamps once per distinct minute; a row is then a tuple of ready values.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from verzuimdesk.demo.absence_patterns import (
    ClassDays,
    SickEpisode,
    StudentPlan,
    stamp_datetime,
)
from verzuimdesk.demo.timetable import Lesson, clock
from verzuimdesk.services.bulk import CachedForm, db_form, insert_rows
from verzuimdesk.store.base import table_of
from verzuimdesk.store.registrations import Registration, Source

COLUMNS = (
    "student_id",
    "date",
    "begin",
    "end",
    "minutes",
    "code",
    "reason",
    "vak",
    "docent",
    "source",
    "registered_at",
    "sick_report_id",
    "leave_card_id",
)
CHUNK = 50_000  # rows per insert


class RegistrationWriter:
    def __init__(self, session: Session, days_of: dict[str, ClassDays]) -> None:
        connection = session.connection()
        table, dialect = table_of(Registration), connection.dialect
        self._insert = insert_rows(connection, table, COLUMNS)
        enc_date = CachedForm(db_form(table.c.date, dialect)).__getitem__
        enc_time = CachedForm(db_form(table.c.begin, dialect)).__getitem__
        self._enc_time = enc_time
        self._enc_stamp = db_form(table.c.registered_at, dialect)
        self._stamps: dict[int, Any] = {}
        # per class: the encoded date of each class day, and that day's lessons as
        # (begin, end, lesson); a day's lessons are one of the class's week tuples
        self._classes: dict[str, tuple[list[Any], list[list[tuple[Any, Any, Lesson]]]]] = {}
        for code, days in days_of.items():
            week = {
                id(lessons): [(enc_time(x.begin), enc_time(x.end), x) for x in lessons]
                for lessons in days.klas.week
            }
            self._classes[code] = (
                [enc_date(day) for day in days.dates],
                [week[id(lessons)] for lessons in days.lessons],
            )
        self._buffer: list[tuple[Any, ...]] = []
        self.written = 0

    @property
    def full(self) -> bool:
        return len(self._buffer) >= CHUNK

    def add(
        self, student_id: int, klas: str, plan: StudentPlan
    ) -> tuple[dict[int, int], dict[int, int]]:
        """Queue a student's registrations; returns per class-day index the OA minutes and
        the begin (minute of the day) of the first OA lesson, for the follow-up."""
        dates, lessons_of = self._classes[klas]
        stamps, buffer = self._stamps, self._buffer
        oa_minutes: dict[int, int] = {}
        oa_first: dict[int, int] = {}
        for (day, index), (code, reason, stamp, episode, late) in sorted(plan.marks.items()):
            begin, end, lesson = lessons_of[day][index]
            minutes = lesson.minutes
            if late:
                minutes = late
                end = self._enc_time(clock(lesson.begin_min + late))
            registered = stamps.get(stamp)
            if registered is None:
                registered = stamps[stamp] = self._enc_stamp(stamp_datetime(stamp))
            sick_id = leave_id = None
            if isinstance(episode, SickEpisode):
                sick_id = episode.row_id
            elif episode is not None:
                leave_id = episode.row_id
            buffer.append(
                (
                    student_id,
                    dates[day],
                    begin,
                    end,
                    minutes,
                    code,
                    reason,
                    lesson.vak,
                    lesson.docent,
                    Source.DEMO,
                    registered,
                    sick_id,
                    leave_id,
                )
            )
            if code == "OA":
                oa_minutes[day] = oa_minutes.get(day, 0) + lesson.minutes
                oa_first.setdefault(day, lesson.begin_min)
        return oa_minutes, oa_first

    def flush(self) -> None:
        self._insert.execute(self._buffer)
        self.written += len(self._buffer)
        self._buffer = []
