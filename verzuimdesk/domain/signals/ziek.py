"""R-ZIEK-LANG, R-ZIEK-VAAK, R-ZIEK-30U, R-ZIEK-PATROON: internal signals for the mentor.

A sick episode (one "time" sick) is a run of scheduled lesdagen with a sick registration; days
without lessons for the student (weekends, holidays, a weekday the class has no timetable) do not
break it. None of these signals has a route or a deadline.
"""

from __future__ import annotations

from calendar import monthrange
from collections.abc import Sequence
from datetime import date
from functools import cache

from verzuimdesk.domain.policy import Ziek
from verzuimdesk.domain.signals import explain
from verzuimdesk.domain.signals.model import (
    DayTotals,
    RuleEnv,
    RuleId,
    Signal,
    StudentFacts,
    Timetable,
)

Episode = list[DayTotals]


@cache  # R-ZIEK-VAAK asks it for every episode start; few distinct days
def add_months(day: date, months: int) -> date:
    """The same day `months` calendar months later, clipped to the month's last day."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return date(year, month, min(day.day, monthrange(year, month)[1]))


def sick_episodes(days: Sequence[DayTotals], timetable: Timetable, env: RuleEnv) -> list[Episode]:
    """The sick days grouped into episodes: a day continues the episode before it when no
    scheduled lesdag lies between them (counted with env.scheduled_before, one subtraction)."""
    sick = [d for d in days if d.sick_count and d.day <= env.on]
    if len(sick) < 2:
        return [sick] if sick else []
    scheduled = None if timetable is None else env.scheduled_before(timetable)
    position = env.lesdag_pos
    episodes: list[Episode] = [[sick[0]]]
    before = position(sick[0].day)
    for totals in sick[1:]:
        after = position(totals.day)
        if (
            before is not None
            and after is not None
            and (
                after == before + 1
                if scheduled is None
                else scheduled[after] == scheduled[before + 1]
            )
        ):
            episodes[-1].append(totals)
        else:
            episodes.append([totals])
        before = after
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
    first = date.min  # the first sick day of `year`, set with it
    total = 0
    done = False
    year_start = env.year_start
    for totals in days:
        if not totals.sick_minutes or totals.day > env.on:
            continue
        this_year = year_start[totals.day]
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


def _weekday_cluster(tally: list[int], total: int, policy: Ziek) -> tuple[int, int, int] | None:
    """(reports on the weekday, reports, weekday) when one weekday holds a pattern, else None."""
    if total < policy.pattern_min_reports:
        return None
    hits = max(tally)
    if hits < policy.pattern_min_same_weekday or hits / total < policy.pattern_share:
        return None
    return hits, total, tally.index(hits)  # on a tie the earliest weekday: the sentence names one


def ziek_patroon(student: StudentFacts, episodes: list[Episode], env: RuleEnv) -> list[Signal]:
    """Sick reports (episode starts) of a school year clustered on one weekday, or often reported
    only afterwards. Each variant counts on its own and restarts its own counting after its
    signal; when both arise on one report they make one signal (one per rule and day).

    Weekday: on each new report, with at least `pattern_min_reports` reports since the year began
    (or the last weekday signal), a weekday holding at least `pattern_min_same_weekday` of them
    and at least `pattern_share` of them raises a signal. Two on one weekday is chance.

    Afterwards: a report counts as afterwards when its first day's sick registrations were all
    registered on a later day (DayTotals.sick_afterwards); the later days of a report are entered
    day by day and say nothing about when the school heard of it. At least
    `pattern_afterwards_min` afterwards reports that are at least `pattern_afterwards_share` of
    the reports since the year began (or the last afterwards signal) raise a signal.
    """
    policy = env.policy.ziek
    year_start = env.year_start
    signals = []
    year: date | None = None
    counted: list[date] = []  # the weekday variant's reports
    tally = [0] * 7  # … per weekday
    reports: list[date] = []  # the afterwards variant's reports
    afterwards: list[date] = []  # … that came in only afterwards
    for episode in episodes:
        first = episode[0]
        start = first.day
        this_year = year_start[start]
        if this_year != year:
            year, counted, tally, reports, afterwards = this_year, [], [0] * 7, [], []
        counted.append(start)
        tally[start.weekday()] += 1
        reports.append(start)
        if first.sick_afterwards:
            afterwards.append(start)
        cluster = _weekday_cluster(tally, len(counted), policy)
        # the share only grows on an afterwards report, so only such a report can raise it
        late = (
            first.sick_afterwards
            and len(afterwards) >= policy.pattern_afterwards_min
            and len(afterwards) / len(reports) >= policy.pattern_afterwards_share
        )
        if cluster is not None and late:
            text = explain.ziek_patroon_en_achteraf(*cluster, afterwards, len(reports))
            window, count = (min(counted[0], reports[0]), start), max(cluster[0], len(afterwards))
        elif cluster is not None:
            text = explain.ziek_patroon(*cluster)
            window, count = (counted[0], start), cluster[0]
        elif late:
            text = explain.ziek_achteraf(afterwards, len(reports))
            window, count = (reports[0], start), len(afterwards)
        else:
            continue
        signals.append(_signal(student, RuleId.ZIEK_PATROON, start, window, env, text, count=count))
        if cluster is not None:
            counted, tally = [], [0] * 7
        if late:
            reports, afterwards = [], []
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
