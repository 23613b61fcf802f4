"""Whole days of absence: which lesdagen a student attended no lesson (R-LRV, R-IB-8W, R-NOSHOW).

R-EXCEPTION: a scheduled lesson without a registration counts as attended. A day counts as absent
only when every lesson of the class's timetable that day is registered OA. Without a timetable
the day is absent when it has OA registrations and nothing that shows the student was there or
excused. A weekday on which the class has no lessons (or only vrijstelling) neither counts nor
breaks a run; a day outside the enrolment breaks it.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Mapping
from datetime import date
from enum import Enum

from verzuimdesk.domain.signals.model import DayTotals, RuleEnv, StudentFacts

# scheduled minutes per weekday (0 = Monday); None when the class has no timetable
Timetable = Mapping[int, int] | None


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


def absence_runs(
    student: StudentFacts,
    by_day: Mapping[date, DayTotals],
    timetable: Timetable,
    env: RuleEnv,
) -> list[tuple[date, date]]:
    """Runs of lesdagen without any lesson attended, up to env.on: (first absent day, through).

    `through` is the last lesdag before the run broke (or the last lesdag up to env.on), so a
    period of whole lesweken is complete when its last lesdag is on or before it. Only days that
    could be absent are visited, so a student with little OA costs little.
    """
    absent = sorted(
        d
        for d, t in by_day.items()
        if t.oa_minutes
        and not t.other_count
        and day_state(student, d, t, timetable) is DayState.ABSENT
    )
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


def oa_between(days: list[DayTotals], start: date, end: date) -> int:
    """OA minutes from start through end; `days` sorted by day."""
    keys = [d.day for d in days]
    lo, hi = bisect_left(keys, start), bisect_right(keys, end)
    return sum(d.oa_minutes for d in days[lo:hi])
