"""R-TL: more than N times late within a period of aaneengesloten lesweken (periods as R-16U).

A late longer than the policy's limit is OA, not a late (see model.days_per_student). After a
signal, counting restarts the day after its last counted late, as after a report; a recorded
te-laat report restarts it the day after its einddatum.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from datetime import date

from verzuimdesk.domain.route import route_for
from verzuimdesk.domain.signals import explain
from verzuimdesk.domain.signals.model import (
    DayTotals,
    ReportFact,
    RuleEnv,
    RuleId,
    Signal,
    StudentFacts,
)
from verzuimdesk.domain.signals.periods import first_reach


def te_laat_signals(
    student: StudentFacts, days: Sequence[DayTotals], reports: Sequence[ReportFact], env: RuleEnv
) -> list[Signal]:
    policy = env.policy.te_laat
    if not policy.enabled:
        return []
    late = [d for d in days if d.late_count > 0]
    counts = [d.late_count for d in late]
    if sum(counts) <= policy.max_times:
        return []
    late_days = [d.day for d in late]
    ended = sorted(r.einddatum for r in reports if r.soort == "te-laat" and r.einddatum)
    restart: date | None = None
    signals: list[Signal] = []
    next_report = 0
    while True:
        start = 0 if restart is None else bisect_right(late_days, restart)
        reach = first_reach(
            late_days, counts, start, policy.max_times + 1, policy.window_lesweken, env
        )
        if next_report < len(ended) and (reach is None or ended[next_report] < reach.arose_on):
            end = ended[next_report]
            next_report += 1
            restart = end if restart is None else max(restart, end)
            continue
        if reach is None:
            return signals
        route = route_for(student.birth_date, reach.first, student.startkwalificatie)
        signals.append(
            Signal(
                student_id=student.student_id,
                rule=RuleId.TL,
                arose_on=reach.arose_on,
                deadline=None,
                route=route,
                minutes=None,
                count=reach.total,
                window=(reach.first, reach.last),
                policy=env.policy.name,
                explanation=explain.te_laat(
                    reach.total, reach.first, reach.last, route, student.woongemeente
                ),
            )
        )
        restart = reach.last if restart is None else max(restart, reach.last)
