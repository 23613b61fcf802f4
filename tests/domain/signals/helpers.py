"""Plain-value builders for the signal rule tests: a 2025-2026 calendar (regio midden), students
and days, so every test reads as the scenario it pins."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, timedelta

from verzuimdesk.domain.calendar import CalendarPeriod, PeriodKind, SchoolCalendar
from verzuimdesk.domain.codes import DEFAULT_CODE_MAP
from verzuimdesk.domain.policy import Policy
from verzuimdesk.domain.signals import (
    DayTotals,
    ReportFact,
    RuleEnv,
    Signal,
    StudentFacts,
    days_per_student,
    evaluate_student,
)
from verzuimdesk.domain.signals.model import Memo, mark_sick_afterwards

P = PeriodKind
PERIODS_2025 = (
    CalendarPeriod(date(2025, 8, 25), date(2026, 7, 17), P.SCHOOLJAAR, "2025-2026"),
    CalendarPeriod(date(2025, 10, 18), date(2025, 10, 26), P.VAKANTIE, "herfstvakantie"),
    CalendarPeriod(date(2025, 12, 20), date(2026, 1, 4), P.VAKANTIE, "kerstvakantie"),
    CalendarPeriod(date(2026, 2, 14), date(2026, 2, 22), P.VAKANTIE, "voorjaarsvakantie"),
    CalendarPeriod(date(2026, 4, 25), date(2026, 5, 3), P.VAKANTIE, "meivakantie"),
)
CALENDAR = SchoolCalendar(PERIODS_2025)
POLICY = Policy(name="test")
# one term without holidays or public holidays: for shifting scenarios by whole lesweken
TERM = SchoolCalendar(
    [CalendarPeriod(date(2025, 1, 6), date(2025, 12, 19), P.SCHOOLJAAR, "term")],
    public_holidays={},
)


def student(
    birth: date = date(2010, 3, 1),
    *,
    sk: bool | None = False,
    gemeente: str | None = "Utrecht",
    **extra: object,
) -> StudentFacts:
    return StudentFacts("L1", birth, startkwalificatie=sk, woongemeente=gemeente, **extra)  # type: ignore[arg-type]


def env(on: date, policy: Policy = POLICY, calendar: SchoolCalendar = CALENDAR) -> RuleEnv:
    return RuleEnv(calendar, policy, on)


def lesdagen(start: date, end: date, calendar: SchoolCalendar = CALENDAR) -> list[date]:
    return calendar.lesdagen(start, end)


def days_of(items: Iterable[tuple[date, str, int]], late_max: int = 10) -> list[DayTotals]:
    """Each item one registration, folded as the loader folds rows from the database."""
    rows = sorted(("L1", d, code, m, 1) for d, code, m in items)
    return days_per_student(rows, DEFAULT_CODE_MAP, late_max, Memo(lambda d: d)).get("L1", [])


def oa(days: Iterable[date], minutes: int) -> list[tuple[date, str, int]]:
    return [(d, "OA", minutes) for d in days]


def run(
    items: Iterable[tuple[date, str, int]],
    on: date,
    *,
    who: StudentFacts | None = None,
    reports: Iterable[ReportFact] = (),
    timetable: Mapping[int, int] | None = None,
    policy: Policy = POLICY,
    calendar: SchoolCalendar = CALENDAR,
    rules: Iterable[str] | None = None,
    afterwards: Iterable[date] = (),
) -> list[Signal]:
    """`afterwards`: the days whose sick registrations the loader found registered later."""
    found = evaluate_student(
        who or student(),
        mark_sick_afterwards(days_of(items, policy.te_laat.late_max_minutes), afterwards),
        list(reports),
        timetable,
        env(on, policy, calendar),
    )
    wanted = None if rules is None else set(rules)
    return [s for s in found if wanted is None or s.rule.value in wanted]


def weekdays(start: date, count: int) -> list[date]:
    """`count` consecutive calendar days from start (tests pick holiday-free spans)."""
    return [start + timedelta(days=i) for i in range(count)]
