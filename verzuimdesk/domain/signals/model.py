"""The Signal the rules produce and the plain inputs they read.

Inputs are per student: facts from the student record, the registrations of each day summed per
code (`RegistrationGroup`, turned into `DayTotals` by `build_days`), earlier DUO reports
(`ReportFact`), and the scheduled minutes of the class per weekday. `RuleEnv` carries what all
students share: the calendar, the policy, the date asked about, and memoised calendar answers.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import NamedTuple

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


class RegistrationGroup(NamedTuple):
    """The registrations of one student on one day with one code, summed.

    For late codes the loader keeps registrations of different lengths apart and gives that
    length as `each_minutes`, because whether a late counts as OA depends on each one's length.
    A named tuple, because the loader makes one per aggregated database row.
    """

    day: date
    code: str
    minutes: int
    count: int = 1
    each_minutes: int | None = None


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


OA, LATE, UNSCHEDULED, SICK, OTHER = range(5)


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


def build_days(
    groups: Iterable[RegistrationGroup],
    codes: Mapping[str, RegistrationCode],
    late_max_minutes: int,
) -> list[DayTotals]:
    """Per-day totals, sorted by day. A late longer than the limit counts as OA with its length.

    A code the school does not know counts as "there or excused": it neither adds OA nor
    makes a day look fully absent.
    """
    actions = {code: _action(rc) for code, rc in codes.items()}
    acc: dict[date, list[int]] = {}
    for day, code, minutes, count, each in groups:
        row = acc.get(day)
        if row is None:
            row = acc[day] = [0, 0, 0, 0, 0, 0]
        action = actions.get(code, OTHER)
        if action == OA:
            row[0] += minutes
        elif action == LATE:
            if each is None:
                each = minutes // max(count, 1)
            if each > late_max_minutes:
                row[0] += minutes
            else:
                row[3] += count
                row[4] += count
        elif action == UNSCHEDULED:
            row[5] += minutes
        else:
            row[4] += count
            if action == SICK:
                row[1] += minutes
                row[2] += count
    return [DayTotals(day, *acc[day]) for day in sorted(acc)]


class RuleEnv:
    """The calendar, the policy and the date asked about, with memoised calendar answers.

    One env serves every student of a run, so each window end and deadline is computed once.
    """

    def __init__(self, calendar: SchoolCalendar, policy: Policy, on: date) -> None:
        self.calendar = calendar
        self.policy = policy
        self.on = on
        self._window_end: dict[tuple[date, int], date] = {}
        self._last_lesdag_before: dict[date, date | None] = {}
        self._werkdagen: dict[tuple[date, int], date] = {}
        self._opening: dict[tuple[date, int], list[list[date]]] = {}
        self._year_start: dict[date, date] = {}
        span = calendar.span
        self._lesdagen = calendar.lesdagen(span[0], span[1]) if span else []
        self._lesdag_pos = {day: i for i, day in enumerate(self._lesdagen)}

    @property
    def lesdagen(self) -> list[date]:
        return self._lesdagen

    def lesdag_pos(self, day: date) -> int | None:
        return self._lesdag_pos.get(day)

    def window_end(self, start: date, lesweken: int) -> date:
        """The first day after a period of `lesweken` lesweken from start (R-CAL-2)."""
        key = (start, lesweken)
        end = self._window_end.get(key)
        if end is None:
            end = self._window_end[key] = self.calendar.add_lesweken(start, lesweken)
        return end

    def last_lesdag_of_window(self, start: date, lesweken: int) -> date | None:
        """The last lesdag before window_end(start, lesweken): the day such a period is complete."""
        end = self.window_end(start, lesweken)
        if end not in self._last_lesdag_before:
            index = bisect_left(self._lesdagen, end)
            self._last_lesdag_before[end] = self._lesdagen[index - 1] if index else None
        last = self._last_lesdag_before[end]
        return last if last is not None and last >= start else None

    def school_year_start(self, day: date) -> date:
        start = self._year_start.get(day)
        if start is None:
            start = self._year_start[day] = self.calendar.school_year_of(day)[0]
        return start

    def opening_lesweken(self, day: date, count: int) -> list[list[date]]:
        """The lesdagen of the first `count` lesweken of day's school year, week by week."""
        start, end = self.calendar.school_year_of(day)
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
        key = (day, count)
        result = self._werkdagen.get(key)
        if result is None:
            result = self._werkdagen[key] = self.calendar.add_werkdagen(day, count)
        return result


def route_and_deadline(
    student: StudentFacts, start: date, arose_on: date, werkdagen: int, env: RuleEnv
) -> tuple[Route, date | None]:
    """R-ROUTE by age on the period's start; a niet-meldbaar student has no DUO deadline."""
    route = route_for(student.birth_date, start, student.startkwalificatie)
    if route is Route.NIET_MELDBAAR:
        return route, None
    return route, env.add_werkdagen(arose_on, werkdagen)
