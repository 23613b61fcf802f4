"""R-NOSHOW (seed 001 §4.6): never appeared in the first lesweken of the school year.

After each of the first `weeks` lesweken, a student enrolled then whose every scheduled lesson so
far was OA gets a signal on that week's last lesdag. Lesdagen before the enrolment are skipped.
Students who did appear fall under R-16U as usual; a no-show with 16 hours OA gets both signals.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from verzuimdesk.domain.signals import explain
from verzuimdesk.domain.signals.absence import DayState, Timetable, day_state, oa_between
from verzuimdesk.domain.signals.model import (
    DayTotals,
    RuleEnv,
    RuleId,
    Signal,
    StudentFacts,
    route_and_deadline,
)


def noshow_signals(
    student: StudentFacts, days: Sequence[DayTotals], timetable: Timetable, env: RuleEnv
) -> list[Signal]:
    policy = env.policy.noshow
    if not policy.enabled:
        return []
    year_start = env.year_start
    years_done: set[date] = set()
    by_day: dict[date, DayTotals] | None = None
    signals: list[Signal] = []
    for totals in days:
        if not totals.oa_minutes or year_start[totals.day] in years_done:
            continue
        # only the first OA day of a school year can open a no-show
        weeks = env.opening_lesweken(totals.day, policy.weeks)
        years_done.add(year_start[totals.day])
        if not weeks or not weeks[0][0] <= totals.day <= weeks[-1][-1]:
            continue
        if by_day is None:
            by_day = {d.day: d for d in days}
        absent: list[date] = []
        for number, week in enumerate(weeks, start=1):
            if week[-1] > env.on:
                break
            attended = False
            for day in week:
                state = day_state(student, day, by_day.get(day), timetable)
                if state is DayState.ATTENDED:
                    attended = True  # the usual case, mostly on the first day: stop looking
                    break
                if state is DayState.ABSENT:
                    absent.append(day)
            if attended:
                break
            if not absent:
                continue
            first, last = absent[0], week[-1]
            route, deadline = route_and_deadline(
                student, first, last, policy.deadline_werkdagen, env
            )
            signals.append(
                Signal(
                    student_id=student.student_id,
                    rule=RuleId.NOSHOW,
                    arose_on=last,
                    deadline=deadline,
                    route=route,
                    minutes=oa_between(days, first, last),
                    count=number,
                    window=(first, last),
                    policy=env.policy.name,
                    explanation=explain.noshow(number, route, student.woongemeente, deadline),
                )
            )
    return signals
