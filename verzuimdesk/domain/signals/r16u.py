"""R-16U, R-HERHAAL and R-MELD-END: 16 hours OA in 4 aaneengesloten lesweken, and repeats.

Every 16-hour report ends on its einddatum (R-MELD-END) and counting restarts the day after it
(R-HERHAAL). The engine assumes that each signal it raises becomes such a report, so a continuing
absence raises a chain: the first of a school year is R-16U, later ones R-HERHAAL, at most one per
`repeat_min_days` calendar days. Recorded reports (also imported ones) restart the counting too;
an open LRV report (no einddatum) stops the chain from its begindatum.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from datetime import date, timedelta

from verzuimdesk.domain.signals import explain
from verzuimdesk.domain.signals.model import (
    DayTotals,
    ReportFact,
    RuleEnv,
    RuleId,
    Signal,
    StudentFacts,
    route_and_deadline,
)
from verzuimdesk.domain.signals.periods import first_reach

CHAIN_SOORTEN = frozenset({"16u", "herhaal", "lrv"})


def r16u_signals(
    student: StudentFacts, days: Sequence[DayTotals], reports: Sequence[ReportFact], env: RuleEnv
) -> list[Signal]:
    policy = env.policy.r16u
    oa = [d for d in days if d.oa_minutes > 0]
    amounts = [d.oa_minutes for d in oa]
    # no period can hold more than all OA together: most students stop here
    if sum(amounts) < policy.threshold_minutes:
        return []
    oa_days = [d.day for d in oa]
    ended = sorted(
        r.einddatum for r in reports if r.soort in CHAIN_SOORTEN and r.einddatum is not None
    )
    open_lrv = min(
        (r.begindatum for r in reports if r.soort == "lrv" and r.einddatum is None), default=None
    )
    gap = timedelta(days=policy.repeat_min_days)
    restart: date | None = None  # counting only takes days after this one
    last_report: date | None = None  # the 7-day rule counts from here
    years_reported: set[date] = set()
    signals: list[Signal] = []
    next_report = 0
    while True:
        start = 0 if restart is None else bisect_right(oa_days, restart)
        reach = first_reach(
            oa_days,
            amounts,
            start,
            policy.threshold_minutes,
            policy.window_lesweken,
            env,
            None if last_report is None else last_report + gap,
        )
        # a report that ended before this day restarts the counting first (R-HERHAAL)
        if next_report < len(ended) and (reach is None or ended[next_report] < reach.arose_on):
            end = ended[next_report]
            next_report += 1
            restart = end if restart is None else max(restart, end)
            last_report = end if last_report is None else max(last_report, end)
            years_reported.add(env.year_start[end])
            continue
        if reach is None or (open_lrv is not None and reach.arose_on >= open_lrv):
            return signals
        year = env.year_start[reach.arose_on]
        rule = RuleId.HERHAAL if year in years_reported else RuleId.R16U
        route, deadline = route_and_deadline(
            student, reach.first, reach.arose_on, policy.deadline_werkdagen, env
        )
        sentence = explain.herhaal if rule is RuleId.HERHAAL else explain.r16u
        signals.append(
            Signal(
                student_id=student.student_id,
                rule=rule,
                arose_on=reach.arose_on,
                deadline=deadline,
                route=route,
                minutes=reach.total,
                count=None,
                window=(reach.first, reach.last),
                policy=env.policy.name,
                explanation=sentence(
                    reach.total,
                    reach.first,
                    reach.last,
                    route,
                    student.woongemeente,
                    deadline,
                ),
            )
        )
        restart = reach.last if restart is None else max(restart, reach.last)
        last_report = reach.arose_on
        years_reported.add(year)
