"""The Signal the rules produce and the plain inputs they read.

Inputs are per student: facts from the student record, the registrations of each day summed as
the rules count them (`DayTotals`, folded by `days_per_student`), earlier DUO reports
(`ReportFact`), and the scheduled minutes of the class per weekday. `RuleEnv` carries what all
students share: the calendar, the policy, the date asked about, and memoised calendar answers.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import NamedTuple, TypeVar

from verzuimdesk.domain.calendar import SchoolCalendar, monday_of
from verzuimdesk.domain.codes import Category, Kind, RegistrationCode
from verzuimdesk.domain.policy import Policy
from verzuimdesk.domain.route import Route, route_for


class RuleId(StrEnum):
    R16U = "R-16U"
    HERHAAL = "R-HERHAAL"
    LRV = "R-LRV"
    TL = "R-TL"
    ZIEK_LANG = "R-ZIEK-LANG"
    ZIEK_VAAK = "R-ZIEK-VAAK"
    ZIEK_30U = "R-ZIEK-30U"
    ZIEK_PATROON = "R-ZIEK-PATROON"
    IB_8W = "R-IB-8W"
    NOSHOW = "R-NOSHOW"


# which rules a DUO report of each soort (meldingen.csv) deals with
REPORT_COVERS: dict[str, frozenset[RuleId]] = {
    "16u": frozenset({RuleId.R16U, RuleId.HERHAAL}),
    "herhaal": frozenset({RuleId.R16U, RuleId.HERHAAL}),
    "lrv": frozenset({RuleId.LRV}),
    "te-laat": frozenset({RuleId.TL}),
    "overig": frozenset(
        {
            RuleId.TL,
            RuleId.ZIEK_LANG,
            RuleId.ZIEK_VAAK,
            RuleId.ZIEK_30U,
            RuleId.ZIEK_PATROON,
        }
    ),
    "noshow": frozenset({RuleId.NOSHOW}),
    "ib-8w": frozenset({RuleId.IB_8W}),
}


@dataclass(frozen=True)
class Signal:
    """One thing the school must act on: what, since when, by when, for whom, and why."""

    student_id: str  # the leerlingnummer
    rule: RuleId
    arose_on: date
    deadline: date | None
    route: Route | None  # None: an internal signal for the mentor
    minutes: int | None
    count: int | None
    window: tuple[date, date] | None
    policy: str
    explanation: str

    @property
    def hours(self) -> float | None:
        return None if self.minutes is None else round(self.minutes / 60, 2)

    @property
    def key(self) -> tuple[str, str, date]:
        return self.student_id, self.rule.value, self.arose_on


@dataclass(frozen=True)
class StudentFacts:
    student_id: str  # the leerlingnummer
    birth_date: date
    startkwalificatie: bool | None = None
    sector: str | None = None
    niveau: str | None = None
    leerweg: str | None = None
    studiefinanciering: bool | None = None
    woongemeente: str | None = None
    enrolled_from: date | None = None
    enrolled_until: date | None = None

    def enrolled_on(self, day: date) -> bool:
        if self.enrolled_from is not None and day < self.enrolled_from:
            return False
        return self.enrolled_until is None or day <= self.enrolled_until


@dataclass(frozen=True)
class ReportFact:
    """An earlier DUO report (recorded here or imported from meldingen.csv)."""

    soort: str  # 16u | herhaal | lrv | te-laat | overig | noshow | ib-8w
    begindatum: date
    einddatum: date | None  # None for LRV: open-ended
    report_id: int | None = None

    def covers(self, rule: RuleId, start: date, end: date) -> bool:
        """Whether this report deals with a signal of `rule` whose period is start..end."""
        if rule not in REPORT_COVERS.get(self.soort, frozenset()):
            return False
        return self.begindatum <= end and (self.einddatum is None or self.einddatum >= start)


class DayTotals(NamedTuple):
    """One student's registrations on one day, as the rules count them (a named tuple: the
    loader makes one per student-day)."""

    day: date
    oa_minutes: int = 0  # ongeoorloofd, including late beyond the policy's limit
    sick_minutes: int = 0
    sick_count: int = 0
    late_count: int = 0  # late within the limit (R-TL)
    other_count: int = 0  # registrations that show the student was there or excused
    unscheduled_minutes: int = 0  # vrijstelling: no lesson was due
    # every sick registration of the day was registered on a later day: the school heard only
    # afterwards (R-ZIEK-PATROON); False when any was registered that day or its moment is unknown
    sick_afterwards: bool = False


def day_of(totals: DayTotals) -> date:
    """The key for bisecting a sorted list of DayTotals by day."""
    return totals.day


OA, LATE, UNSCHEDULED, SICK, OTHER = range(5)
K = TypeVar("K")
D = TypeVar("D")
V = TypeVar("V")


def _action(code: RegistrationCode | None) -> int:
    if code is None:
        return OTHER
    if code.category is Category.ONGEOORLOOFD:
        return OA
    if code.category is Category.TE_LAAT:
        return LATE
    if code.category is Category.NIET_GEROOSTERD:
        return UNSCHEDULED
    return SICK if code.kind is Kind.ZIEK else OTHER


def days_per_student(
    rows: Iterable[tuple[K, D, str, int, int]],
    codes: Mapping[str, RegistrationCode],
    late_max_minutes: int,
    to_date: Mapping[D, date],
) -> dict[K, list[DayTotals]]:
    """Per-day totals per student, each student's days sorted by day.

    A row is (student, day, code, minutes, count): `count` registrations of `minutes` each. Rows
    must come sorted by student and day (the loader's ORDER BY), so one pass folds them; `to_date`
    maps the row's day (as the database returns it) to a date, looked up once per student-day.
    A late longer than the limit counts as OA with its length. A code the school does not know
    counts as "there or excused": it neither adds OA nor makes a day look fully absent.
    """
    actions = {code: _action(rc) for code, rc in codes.items()}
    # the named tuple's own __new__ is a Python function; one DayTotals per student-day adds up
    new_day = tuple.__new__
    found: dict[K, list[DayTotals]] = {}
    days: list[DayTotals] = []
    student: K | None = None
    day: D | None = None
    oa = sick = sick_count = late = other = unscheduled = 0
    for row_student, row_day, code, minutes, count in rows:
        if row_day != day or row_student != student:
            if day is not None:
                days.append(
                    new_day(
                        DayTotals,
                        (to_date[day], oa, sick, sick_count, late, other, unscheduled, False),
                    )
                )
            if row_student != student:
                student = row_student
                days = found[row_student] = []
            day = row_day
            oa = sick = sick_count = late = other = unscheduled = 0
        action = actions.get(code, OTHER)
        if action == OA:
            oa += minutes * count
        elif action == SICK:
            sick += minutes * count
            sick_count += count
            other += count
        elif action == LATE:
            if minutes > late_max_minutes:
                oa += minutes * count
            else:
                late += count
                other += count
        elif action == UNSCHEDULED:
            unscheduled += minutes * count
        else:
            other += count
    if day is not None:
        days.append(DayTotals(to_date[day], oa, sick, sick_count, late, other, unscheduled))
    return found


def sick_codes(codes: Mapping[str, RegistrationCode]) -> list[str]:
    """The codes days_per_student counts as sick, for the loader's query of sick registrations."""
    return sorted(code for code, rc in codes.items() if _action(rc) == SICK)


def mark_sick_afterwards(days: list[DayTotals], afterwards: Iterable[date]) -> list[DayTotals]:
    """`days` (sorted) with sick_afterwards set on the given days; a given day that `days` lacks
    is ignored. Few days are marked, so each is found by bisection, not by walking all days."""
    marked = list(days)
    for day in afterwards:
        index = bisect_left(marked, day, key=day_of)
        if index < len(marked) and marked[index].day == day:
            marked[index] = marked[index]._replace(sick_afterwards=True)
    return marked


class Memo(dict[K, V]):
    """A dict that computes a missing value once: hot loops look answers up at dict speed."""

    def __init__(self, compute: Callable[[K], V]) -> None:
        super().__init__()
        self._compute = compute

    def __missing__(self, key: K) -> V:
        value = self[key] = self._compute(key)
        return value


# scheduled minutes per weekday (0 = Monday); None when the class has no timetable
Timetable = Mapping[int, int] | None


class RuleEnv:
    """The calendar, the policy and the date asked about, with memoised calendar answers.

    One env serves every student of a run, so each window end, deadline and school year is
    computed once; the rules read the memo dicts directly in their inner loops.
    """

    def __init__(self, calendar: SchoolCalendar, policy: Policy, on: date) -> None:
        self.calendar = calendar
        self.policy = policy
        self.on = on
        # day -> the first day of its school year
        self.year_start: Memo[date, date] = Memo(lambda day: calendar.school_year_of(day)[0])
        # day -> its school year (first day, last day)
        self.school_year: Memo[date, tuple[date, date]] = Memo(calendar.school_year_of)
        self._window_ends: dict[int, Memo[date, date]] = {}
        self._last_lesdag_before: Memo[date, date | None] = Memo(self._last_lesdag_before_uncached)
        self._werkdagen: Memo[tuple[date, int], date] = Memo(
            lambda key: calendar.add_werkdagen(*key)
        )
        self._opening: dict[tuple[date, int], list[list[date]]] = {}
        self._scheduled: dict[frozenset[int], list[int]] = {}
        span = calendar.span
        self._lesdagen = calendar.lesdagen(span[0], span[1]) if span else []
        self._lesdag_pos = {day: i for i, day in enumerate(self._lesdagen)}

    @property
    def lesdagen(self) -> list[date]:
        return self._lesdagen

    def lesdag_pos(self, day: date) -> int | None:
        return self._lesdag_pos.get(day)

    def window_ends(self, lesweken: int) -> Memo[date, date]:
        """start -> the first day after a period of `lesweken` lesweken from start (R-CAL-2)."""
        ends = self._window_ends.get(lesweken)
        if ends is None:
            add = self.calendar.add_lesweken
            ends = self._window_ends[lesweken] = Memo(lambda start: add(start, lesweken))
        return ends

    def window_end(self, start: date, lesweken: int) -> date:
        return self.window_ends(lesweken)[start]

    def _last_lesdag_before_uncached(self, end: date) -> date | None:
        index = bisect_left(self._lesdagen, end)
        return self._lesdagen[index - 1] if index else None

    def last_lesdag_of_window(self, start: date, lesweken: int) -> date | None:
        """The last lesdag before window_end(start, lesweken): the day such a period is complete."""
        last = self._last_lesdag_before[self.window_end(start, lesweken)]
        return last if last is not None and last >= start else None

    def opening_lesweken(self, day: date, count: int) -> list[list[date]]:
        """The lesdagen of the first `count` lesweken of day's school year, week by week."""
        start, end = self.school_year[day]
        key = (start, count)
        weeks = self._opening.get(key)
        if weeks is None:
            weeks = []
            for lesdag in self.calendar.lesdagen(start, end):
                if not weeks or monday_of(lesdag) != monday_of(weeks[-1][0]):
                    if len(weeks) == count:
                        break
                    weeks.append([])
                weeks[-1].append(lesdag)
            self._opening[key] = weeks
        return weeks

    def add_werkdagen(self, day: date, count: int) -> date:
        return self._werkdagen[day, count]

    def scheduled_before(self, timetable: Mapping[int, int]) -> list[int]:
        """For each position i in lesdagen: how many of lesdagen[:i] have lessons in timetable.

        Whether any lesson was due between two lesdagen is then one subtraction (R-ZIEK-*).
        Memoised per set of weekdays with lessons, which almost every class shares.
        """
        weekdays = frozenset(weekday for weekday, minutes in timetable.items() if minutes)
        counts = self._scheduled.get(weekdays)
        if counts is None:
            counts = [0]
            for lesdag in self._lesdagen:
                counts.append(counts[-1] + (lesdag.weekday() in weekdays))
            self._scheduled[weekdays] = counts
        return counts


def route_and_deadline(
    student: StudentFacts, start: date, arose_on: date, werkdagen: int, env: RuleEnv
) -> tuple[Route, date | None]:
    """R-ROUTE by age on the period's start; a niet-meldbaar student has no DUO deadline."""
    route = route_for(student.birth_date, start, student.startkwalificatie)
    if route is Route.NIET_MELDBAAR:
        return route, None
    return route, env.add_werkdagen(arose_on, werkdagen)
