"""All rules for one student: the signals that arose on or before env.on."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence

from verzuimdesk.domain.signals.absence import absence_runs
from verzuimdesk.domain.signals.ib8w import ib8w_signals
from verzuimdesk.domain.signals.lrv import lrv_signals
from verzuimdesk.domain.signals.model import (
    DayTotals,
    ReportFact,
    RuleEnv,
    Signal,
    StudentFacts,
    Timetable,
    day_of,
)
from verzuimdesk.domain.signals.noshow import noshow_signals
from verzuimdesk.domain.signals.r16u import r16u_signals
from verzuimdesk.domain.signals.te_laat import te_laat_signals
from verzuimdesk.domain.signals.ziek import ziek_signals


def counted_days(
    student: StudentFacts, days: Sequence[DayTotals], env: RuleEnv
) -> Sequence[DayTotals]:
    """The days up to env.on and inside the enrolment: one slice, because `days` are sorted."""
    if not days:
        return days
    start = student.enrolled_from
    last = env.on
    if student.enrolled_until is not None and student.enrolled_until < last:
        last = student.enrolled_until
    if (start is None or start <= days[0].day) and days[-1].day <= last:
        return days  # the usual case: nothing to cut
    lo = 0 if start is None else bisect_left(days, start, key=day_of)
    return days[lo : bisect_right(days, last, lo=lo, key=day_of)]


def evaluate_student(
    student: StudentFacts,
    days: Sequence[DayTotals],
    reports: Sequence[ReportFact],
    timetable: Timetable,
    env: RuleEnv,
) -> list[Signal]:
    """Every signal of every rule, sorted by arose_on and rule. `days` must be sorted by day.

    Only days up to env.on and inside the enrolment count, so a later registration can never
    change a signal that arose before it. Reports must be those known on env.on.
    """
    kept = counted_days(student, days, env)
    if not kept:
        return []
    # the whole-day absence analysis is done once and shared by R-LRV and R-IB-8W
    runs = absence_runs(student, kept, timetable, env)
    signals = [
        *r16u_signals(student, kept, reports, env),
        *lrv_signals(student, kept, runs, env),
        *te_laat_signals(student, kept, reports, env),
        *ziek_signals(student, kept, timetable, env),
        *ib8w_signals(student, kept, runs, env),
        *noshow_signals(student, kept, timetable, env),
    ]
    if not signals:
        return []
    # one student: (rule, arose_on) identifies a signal; a StrEnum member sorts as its value
    unique = {(s.rule, s.arose_on): s for s in signals if s.arose_on <= env.on}
    return sorted(unique.values(), key=lambda s: (s.arose_on, s.rule))


def covering_report(signal: Signal, reports: Sequence[ReportFact]) -> ReportFact | None:
    """The report that deals with a signal: a matching soort whose period overlaps the signal's."""
    start, end = signal.window or (signal.arose_on, signal.arose_on)
    for report in reports:
        if report.covers(signal.rule, start, end):
            return report
    return None
