"""Whole days of absence: which lesdagen a student attended no lesson (R-LRV, R-IB-8W, R-NOSHOW).

R-EXCEPTION: a scheduled lesson without a registration counts as attended. A day counts as absent
only when every lesson of the class's timetable that day is registered OA. Without a timetable
the day is absent when it has OA registrations and nothing that shows the student was there or
excused. A weekday on which the class has no lessons (or only vrijstelling) neither counts nor
breaks a run; a day outside the enrolment breaks it.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Mapping, Sequence
from datetime import date
from enum import Enum

from verzuimdesk.domain.signals.model import DayTotals, RuleEnv, StudentFacts, Timetable, day_of

__all__ = ["DayState", "Timetable", "absence_runs", "day_state", "oa_between"]


class DayState(Enum):
    ABSENT = "absent"  # every scheduled lesson OA
    ATTENDED = "attended"  # at least one lesson attended (or excused)
    NO_LESSONS = "no-lessons"  # nothing scheduled for this student that day
    NOT_ENROLLED = "not-enrolled"


def day_state(
    student: StudentFacts, day: date, totals: DayTotals | None, timetable: Timetable
) -> DayState:
    if not student.enrolled_on(day):
        return DayState.NOT_ENROLLED
    scheduled = None if timetable is None else timetable.get(day.weekday(), 0)
    if scheduled == 0:
        return DayState.NO_LESSONS
    if totals is None:
        return DayState.ATTENDED
    if totals.other_count:
        return DayState.ATTENDED
    if scheduled is None:
        if totals.oa_minutes:
            return DayState.ABSENT
        return DayState.NO_LESSONS if totals.unscheduled_minutes else DayState.ATTENDED
    due = scheduled - totals.unscheduled_minutes
    if due <= 0:
        return DayState.NO_LESSONS
    return DayState.ABSENT if totals.oa_minutes >= due else DayState.ATTENDED


def _absent_days(days: Sequence[DayTotals], timetable: Timetable) -> list[date]:
    """The days that are ABSENT by day_state, for days inside the enrolment.

    day_state inlined: this runs for every OA day of every student, the continuation of a run
    (a handful of days) keeps using day_state itself.
    """
    if timetable is None:
        return [t.day for t in days if t.oa_minutes and not t.other_count]
    absent = []
    for t in days:
        if t.oa_minutes and not t.other_count:
            due = timetable.get(t.day.weekday(), 0) - t.unscheduled_minutes
            if due > 0 and t.oa_minutes >= due:
                absent.append(t.day)
    return absent


def absence_runs(
    student: StudentFacts, days: Sequence[DayTotals], timetable: Timetable, env: RuleEnv
) -> list[tuple[date, date]]:
    """Runs of lesdagen without any lesson attended, up to env.on: (first absent day, through).

    `days` are the student's days inside the enrolment, sorted. `through` is the last lesdag
    before the run broke (or the last lesdag up to env.on), so a period of whole lesweken is
    complete when its last lesdag is on or before it. Only days that could be absent are visited,
    so a student with little OA costs little.
    """
    absent = _absent_days(days, timetable)
    if not absent:
        return []
    by_day: Mapping[date, DayTotals] = {d.day: d for d in days}
    absent_set = set(absent)
    lesdagen = env.lesdagen
    runs: list[tuple[date, date]] = []
    i = 0
    while i < len(absent):
        first = absent[i]
        pos = env.lesdag_pos(first)
        if first > env.on:
            break
        if pos is None:
            i += 1
            continue
        through = first
        j = pos + 1
        while j < len(lesdagen) and lesdagen[j] <= env.on:
            day = lesdagen[j]
            # only an absent day or a day without lessons for this student continues the run
            if day not in absent_set and (
                day_state(student, day, by_day.get(day), timetable) is not DayState.NO_LESSONS
            ):
                break
            through = day
            j += 1
        runs.append((first, through))
        i = bisect_right(absent, through)
    return runs


def oa_between(days: Sequence[DayTotals], start: date, end: date) -> int:
    """OA minutes from start through end; `days` sorted by day."""
    lo = bisect_left(days, start, key=day_of)
    hi = bisect_right(days, end, lo=lo, key=day_of)
    return sum(d.oa_minutes for d in days[lo:hi])
