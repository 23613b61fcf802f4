"""R-IB-8W (WEB 8.1.7): MBO entree / level 2 BOL students with studiefinanciering.

An uninterrupted absence (no lesson attended, as R-LRV) raises two signals of this rule:
after `letter_after_weeks` lesweken the student must be asked the reason in writing by the
`letter_werkdagen`-th werkdag, and after `absence_weeks` lesweken the school reports to DUO by the
`report_werkdagen`-th werkdag after the `period_weeks`-lesweek period. Weeks are lesweken
(R-CAL-2). The desk sees no doctor's statements, so only OA counts as absence without valid reason.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, timedelta

from verzuimdesk.domain.route import route_for
from verzuimdesk.domain.signals import explain
from verzuimdesk.domain.signals.absence import oa_between
from verzuimdesk.domain.signals.model import DayTotals, RuleEnv, RuleId, Signal, StudentFacts

ONE_DAY = timedelta(days=1)


def eligible(student: StudentFacts) -> bool:
    """MBO, level 1 (entree) or 2, BOL, with studiefinanciering."""
    if (student.sector or "").lower() != "mbo" or not student.studiefinanciering:
        return False
    if (student.leerweg or "").upper() != "BOL":
        return False
    niveau = (student.niveau or "").lower()
    if "entree" in niveau:
        return True
    digits = re.findall(r"\d", niveau)
    return bool(digits) and digits[0] in ("1", "2")


def ib8w_signals(
    student: StudentFacts,
    days: Sequence[DayTotals],
    runs: Sequence[tuple[date, date]],
    env: RuleEnv,
) -> list[Signal]:
    """`runs` are the student's absence runs (absence.absence_runs), shared with R-LRV."""
    policy = env.policy.ib_8w
    if not policy.enabled or not eligible(student):
        return []
    signals: list[Signal] = []
    for first, through in runs:
        route = route_for(student.birth_date, first, student.startkwalificatie)
        stages = (
            (policy.letter_after_weeks, policy.letter_after_weeks, policy.letter_werkdagen, True),
            (policy.absence_weeks, policy.period_weeks, policy.report_werkdagen, False),
        )
        for weeks, period_weeks, werkdagen, letter in stages:
            last = env.last_lesdag_of_window(first, weeks)
            if last is None or last > through:
                continue
            period_end = env.window_end(first, period_weeks) - ONE_DAY
            deadline = env.add_werkdagen(period_end, werkdagen)
            sentence = explain.ib_letter if letter else explain.ib_report
            signals.append(
                Signal(
                    student_id=student.student_id,
                    rule=RuleId.IB_8W,
                    arose_on=last,
                    deadline=deadline,
                    route=route,
                    minutes=oa_between(days, first, last),
                    count=weeks,
                    window=(first, last),
                    policy=env.policy.name,
                    explanation=sentence(weeks, first, deadline),
                )
            )
    return signals
