"""R-ZIEK-LANG, R-ZIEK-VAAK, R-ZIEK-30U, R-ZIEK-PATROON: internal signals for the mentor.

A sick episode (one "time" sick) is a run of scheduled lesdagen with a sick registration; days
without lessons for the student (weekends, holidays, a weekday the class has no timetable) do not
break it. None of these signals has a route or a deadline.
"""

from __future__ import annotations

from calendar import monthrange
from collections import Counter
from collections.abc import Sequence
from datetime import date

from verzuimdesk.domain.signals import explain
from verzuimdesk.domain.signals.absence import Timetable
from verzuimdesk.domain.signals.model import DayTotals, RuleEnv, RuleId, Signal, StudentFacts

Episode = list[DayTotals]


def add_months(day: date, months: int) -> date:
    """The same day `months` calendar months later, clipped to the month's last day."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return date(year, month, min(day.day, monthrange(year, month)[1]))


def _continues(previous: date, day: date, timetable: Timetable, env: RuleEnv) -> bool:
    """Whether no scheduled lesdag lies between two sick days."""
    before, after = env.lesdag_pos(previous), env.lesdag_pos(day)
    if before is None or after is None:
        return False
    if timetable is None:
        return after == before + 1
    between = env.lesdagen[before + 1 : after]
    return all(timetable.get(lesdag.weekday(), 0) == 0 for lesdag in between)


def sick_episodes(days: Sequence[DayTotals], timetable: Timetable, env: RuleEnv) -> list[Episode]:
    episodes: list[Episode] = []
    for totals in days:
        if not totals.sick_count or totals.day > env.on:
            continue
        if episodes and _continues(episodes[-1][-1].day, totals.day, timetable, env):
            episodes[-1].append(totals)
        else:
            episodes.append([totals])
    return episodes


def _signal(
    student: StudentFacts,
    rule: RuleId,
    arose_on: date,
    window: tuple[date, date],
    env: RuleEnv,
    explanation: str,
    minutes: int | None = None,
    count: int | None = None,
) -> Signal:
    return Signal(
        student_id=student.student_id,
        rule=rule,
        arose_on=arose_on,
        deadline=None,
        route=None,
        minutes=minutes,
        count=count,
        window=window,
        policy=env.policy.name,
        explanation=explanation,
    )


def ziek_lang(student: StudentFacts, episodes: list[Episode], env: RuleEnv) -> list[Signal]:
    """Sick on more than `long_days` calendar days: first sick day f to day d inclusive."""
    long_days = env.policy.ziek.long_days
    signals = []
    for episode in episodes:
        first = episode[0].day
        for index, totals in enumerate(episode):
            if (totals.day - first).days >= long_days:
                part = episode[: index + 1]
                signals.append(
                    _signal(
                        student,
                        RuleId.ZIEK_LANG,
                        totals.day,
                        (first, totals.day),
                        env,
                        explain.ziek_lang(long_days, first, totals.day, len(part)),
                        minutes=sum(d.sick_minutes for d in part),
                        count=len(part),
                    )
                )
                break
    return signals


def ziek_vaak(student: StudentFacts, episodes: list[Episode], env: RuleEnv) -> list[Signal]:
    """The first day of the N-th episode starting within M calendar months of the first of them.

    After a signal, counting starts again with the next episode.
    """
    policy = env.policy.ziek
    needed = policy.often_episodes
    starts = [episode[0].day for episode in episodes]
    signals = []
    base = 0
    for k, start in enumerate(starts):
        if k - base + 1 < needed:
            continue
        first = starts[k - needed + 1]
        if start < add_months(first, policy.often_months):
            counted = starts[k - needed + 1 : k + 1]
            signals.append(
                _signal(
                    student,
                    RuleId.ZIEK_VAAK,
                    start,
                    (first, start),
                    env,
                    explain.ziek_vaak(counted, policy.often_months),
                    count=needed,
                )
            )
            base = k + 1
    return signals


def ziek_30u(student: StudentFacts, days: Sequence[DayTotals], env: RuleEnv) -> list[Signal]:
    """The day the sick minutes of a school year reach `year_minutes`; once per school year."""
    threshold = env.policy.ziek.year_minutes
    signals = []
    year: date | None = None
    first = total = 0
    done = False
    for totals in days:
        if not totals.sick_minutes or totals.day > env.on:
            continue
        this_year = env.school_year_start(totals.day)
        if this_year != year:
            year, first, total, done = this_year, totals.day, 0, False
        if done:
            continue
        total += totals.sick_minutes
        if total >= threshold:
            done = True
            signals.append(
                _signal(
                    student,
                    RuleId.ZIEK_30U,
                    totals.day,
                    (first, totals.day),
                    env,
                    explain.ziek_30u(total, env.calendar.school_year_label(totals.day)),
                    minutes=total,
                )
            )
    return signals


def ziek_patroon(student: StudentFacts, episodes: list[Episode], env: RuleEnv) -> list[Signal]:
    """Sick reports (episode starts) of a school year clustered on one weekday.

    On each new report: with at least `pattern_min_reports` reports since the year began (or the
    last pattern signal), a weekday holding at least `pattern_share` of them raises a signal.
    """
    policy = env.policy.ziek
    signals = []
    year: date | None = None
    counted: list[date] = []
    for episode in episodes:
        start = episode[0].day
        this_year = env.school_year_start(start)
        if this_year != year:
            year, counted = this_year, []
        counted.append(start)
        if len(counted) < policy.pattern_min_reports:
            continue
        tally = Counter(day.weekday() for day in counted)
        weekday, hits = min(tally.items(), key=lambda item: (-item[1], item[0]))
        if hits / len(counted) >= policy.pattern_share:
            signals.append(
                _signal(
                    student,
                    RuleId.ZIEK_PATROON,
                    start,
                    (counted[0], start),
                    env,
                    explain.ziek_patroon(hits, len(counted), weekday),
                    count=hits,
                )
            )
            counted = []
    return signals


def ziek_signals(
    student: StudentFacts, days: Sequence[DayTotals], timetable: Timetable, env: RuleEnv
) -> list[Signal]:
    episodes = sick_episodes(days, timetable, env)
    if not episodes:
        return []
    return [
        *ziek_lang(student, episodes, env),
        *ziek_vaak(student, episodes, env),
        *ziek_30u(student, days, env),
        *ziek_patroon(student, episodes, env),
    ]
