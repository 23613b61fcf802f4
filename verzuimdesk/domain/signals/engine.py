"""All rules for one student: the signals that arose on or before env.on."""

from __future__ import annotations

from collections.abc import Sequence

from verzuimdesk.domain.signals.absence import Timetable
from verzuimdesk.domain.signals.ib8w import ib8w_signals
from verzuimdesk.domain.signals.lrv import lrv_signals
from verzuimdesk.domain.signals.model import DayTotals, ReportFact, RuleEnv, Signal, StudentFacts
from verzuimdesk.domain.signals.noshow import noshow_signals
from verzuimdesk.domain.signals.r16u import r16u_signals
from verzuimdesk.domain.signals.te_laat import te_laat_signals
from verzuimdesk.domain.signals.ziek import ziek_signals


def evaluate_student(
    student: StudentFacts,
    days: Sequence[DayTotals],
    reports: Sequence[ReportFact],
    timetable: Timetable,
    env: RuleEnv,
) -> list[Signal]:
    """Every signal of every rule, sorted by arose_on and rule.

    Only days up to env.on and inside the enrolment count, so a later registration can never
    change a signal that arose before it. Reports must be those known on env.on.
    """
    kept = [d for d in days if d.day <= env.on and student.enrolled_on(d.day)]
    if not kept:
        return []
    signals = [
        *r16u_signals(student, kept, reports, env),
        *lrv_signals(student, kept, timetable, env),
        *te_laat_signals(student, kept, reports, env),
        *ziek_signals(student, kept, timetable, env),
        *ib8w_signals(student, kept, timetable, env),
        *noshow_signals(student, kept, timetable, env),
    ]
    unique = {s.key: s for s in signals if s.arose_on <= env.on}
    return sorted(unique.values(), key=lambda s: (s.arose_on, s.rule.value))


def covering_report(signal: Signal, reports: Sequence[ReportFact]) -> ReportFact | None:
    """The report that deals with a signal: a matching soort whose period overlaps the signal's."""
    start, end = signal.window or (signal.arose_on, signal.arose_on)
    for report in reports:
        if report.covers(signal.rule, start, end):
            return report
    return None
