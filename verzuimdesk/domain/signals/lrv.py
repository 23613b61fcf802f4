"""R-LRV: 4 aaneengesloten lesweken in which the student attended no lesson.

The period runs as in R-16U from the first absent day s; the signal arises on its last lesdag,
when every scheduled lesson up to then was OA. One signal per run of absence; a new run after the
student attended again can raise a new one. DUO's LRV report has no einddatum; the signal's
window is the 4-lesweek period that proved it.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from verzuimdesk.domain.signals import explain
from verzuimdesk.domain.signals.absence import oa_between
from verzuimdesk.domain.signals.model import (
    DayTotals,
    RuleEnv,
    RuleId,
    Signal,
    StudentFacts,
    route_and_deadline,
)


def lrv_signals(
    student: StudentFacts,
    days: Sequence[DayTotals],
    runs: Sequence[tuple[date, date]],
    env: RuleEnv,
) -> list[Signal]:
    """`runs` are the student's absence runs (absence.absence_runs), shared with R-IB-8W."""
    policy = env.policy.lrv
    signals: list[Signal] = []
    for first, through in runs:
        last = env.last_lesdag_of_window(first, policy.lesweken)
        if last is None or last > through:
            continue
        route, deadline = route_and_deadline(student, first, last, policy.deadline_werkdagen, env)
        signals.append(
            Signal(
                student_id=student.student_id,
                rule=RuleId.LRV,
                arose_on=last,
                deadline=deadline,
                route=route,
                minutes=oa_between(days, first, last),
                count=None,
                window=(first, last),
                policy=env.policy.name,
                explanation=explain.lrv(
                    policy.lesweken, first, last, route, student.woongemeente, deadline
                ),
            )
        )
    return signals
