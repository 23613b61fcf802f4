"""The school calendar: lesdagen, lesweken and werkdagen (R-CAL-1, R-CAL-2, R-CAL-3).

A calendar is built from periods (school years, holidays, public holidays, study days, as in
kalender.csv) plus the Dutch public holidays. Everything here is a pure function of those values.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from functools import lru_cache

ONE_DAY = timedelta(days=1)
ONE_WEEK = timedelta(days=7)


class PeriodKind(StrEnum):
    SCHOOLJAAR = "schooljaar"  # first and last day of a school year
    VAKANTIE = "vakantie"  # school holiday: no lessons, but werkdagen for deadlines
    FEESTDAG = "feestdag"  # public holiday: no lessons and no werkdag
    STUDIEDAG = "studiedag"  # configured non-teaching day: no lessons, still a werkdag


@dataclass(frozen=True)
class CalendarPeriod:
    start: date
    end: date  # inclusive
    kind: PeriodKind
    name: str = ""

    def days(self) -> Iterable[date]:
        day = self.start
        while day <= self.end:
            yield day
            day += ONE_DAY


def monday_of(day: date) -> date:
    return day - timedelta(days=day.weekday())


@lru_cache(maxsize=32)
def _dutch_public_holidays_for(year: int) -> tuple[tuple[date, str], ...]:
    import holidays  # pure data; imported late because building it costs ~50 ms

    return tuple(sorted(holidays.country_holidays("NL", years=year, language="nl").items()))


@lru_cache(maxsize=32)
def _public_holiday_days(year: int) -> frozenset[date]:
    return frozenset(day for day, _ in _dutch_public_holidays_for(year))


def dutch_public_holidays(years: Iterable[int]) -> dict[date, str]:
    """Dutch public holidays per the `holidays` package (Bevrijdingsdag in lustrum years only)."""
    result: dict[date, str] = {}
    for year in sorted(set(years)):
        result.update(_dutch_public_holidays_for(year))
    return result


class SchoolCalendar:
    """Answers the calendar questions of the rules for the span of the school years it knows.

    Outside every school year (summer holiday, or before the first known year) there are no
    lesdagen. When no school year is given at all, every weekday in the span of the other periods
    and public holidays is a lesdag unless a period or holiday says otherwise (handy in tests).
    """

    def __init__(
        self,
        periods: Iterable[CalendarPeriod],
        public_holidays: Mapping[date, str] | None = None,
    ) -> None:
        self.periods: tuple[CalendarPeriod, ...] = tuple(
            sorted(periods, key=lambda p: (p.start, p.end, p.kind))
        )
        self._years = sorted(
            (p.start, p.end) for p in self.periods if p.kind is PeriodKind.SCHOOLJAAR
        )
        # with no explicit list, years outside the periods are looked up when asked
        self._auto_holidays = public_holidays is None
        if public_holidays is None:
            public_holidays = dutch_public_holidays(self._covered_years())
        self.public_holidays: dict[date, str] = dict(public_holidays)
        self._no_lessons: dict[date, str] = {}
        self._no_werkdag: dict[date, str] = dict(self.public_holidays)
        for period in self.periods:
            if period.kind is PeriodKind.SCHOOLJAAR:
                continue
            for day in period.days():
                self._no_lessons.setdefault(day, period.name or period.kind.value)
                if period.kind is PeriodKind.FEESTDAG:
                    self._no_werkdag.setdefault(day, period.name or "feestdag")
        for day, name in self.public_holidays.items():
            self._no_lessons.setdefault(day, name)
        self._span = self._compute_span()
        self._lesweek_mondays: list[date] = []
        self._lesdagen: list[date] = []
        if self._span is not None:
            monday = monday_of(self._span[0])
            while monday <= self._span[1]:
                week = [monday + timedelta(days=i) for i in range(5)]
                days = [d for d in week if self._is_lesdag_uncached(d)]
                if days:
                    self._lesweek_mondays.append(monday)
                    self._lesdagen.extend(days)
                monday += ONE_WEEK
        self._lesdag_set = frozenset(self._lesdagen)
        self._lesweek_index = {m: i for i, m in enumerate(self._lesweek_mondays)}

    # -- construction helpers -------------------------------------------------------------

    def _covered_years(self) -> set[int]:
        years: set[int] = set()
        for period in self.periods:
            years.update(range(period.start.year, period.end.year + 1))
        return years or {date.today().year}

    def _compute_span(self) -> tuple[date, date] | None:
        if self._years:
            return self._years[0][0], max(end for _, end in self._years)
        days = [p.start for p in self.periods] + [p.end for p in self.periods]
        days += list(self.public_holidays)
        if not days:
            return None
        return date(min(days).year, 1, 1), date(max(days).year, 12, 31)

    def _in_school_year(self, day: date) -> bool:
        if not self._years:
            return True
        return any(start <= day <= end for start, end in self._years)

    def _is_lesdag_uncached(self, day: date) -> bool:
        return day.weekday() < 5 and day not in self._no_lessons and self._in_school_year(day)

    # -- R-CAL-1: lesdagen and lesweken ---------------------------------------------------

    @property
    def span(self) -> tuple[date, date] | None:
        return self._span

    def is_lesdag(self, day: date) -> bool:
        return day in self._lesdag_set

    def why_no_lessons(self, day: date) -> str | None:
        """The holiday or period name that makes a weekday lesson-free, for explanations."""
        if self.is_lesdag(day):
            return None
        if day.weekday() >= 5:
            return "weekend"
        if day in self._no_lessons:
            return self._no_lessons[day]
        return "buiten het schooljaar"

    def lesdagen(self, start: date, end: date) -> list[date]:
        """Lesdagen from start to end, both inclusive."""
        lo = bisect_left(self._lesdagen, start)
        hi = bisect_right(self._lesdagen, end)
        return self._lesdagen[lo:hi]

    def is_lesweek(self, day: date) -> bool:
        return monday_of(day) in self._lesweek_index

    def lesweek_index(self, day: date) -> int | None:
        """Position of the week among all lesweken (R-CAL-2); None in a week without lessons."""
        return self._lesweek_index.get(monday_of(day))

    def lesweek_mondays(self) -> list[date]:
        return list(self._lesweek_mondays)

    # -- R-CAL-2: counting in lesweken -----------------------------------------------------

    def add_lesweken(self, day: date, count: int) -> date:
        """The same weekday `count` lesweken later; weeks without a lesdag are skipped.

        From a week without lessons, counting starts at the nearest lesweek in the direction of
        counting (count 1 = the next lesweek, count -1 = the previous one); count 0 is the day
        itself. Outside the known lesweken (before the first, after the last) every calendar week
        counts as a lesweek, as the calendar cannot know better there.
        """
        if count == 0:
            return day
        monday = monday_of(day)
        offset = day - monday
        mondays = self._lesweek_mondays
        if not mondays:
            return monday + count * ONE_WEEK + offset
        first, last = mondays[0], mondays[-1]
        if monday < first:
            index = (monday - first).days // 7
        elif monday > last:
            index = len(mondays) - 1 + (monday - last).days // 7
        elif monday in self._lesweek_index:
            index = self._lesweek_index[monday]
        else:
            # a week between two lesweken: start from the lesweek on the side we count away
            # from, so that one step lands on the nearest lesweek ahead
            following = bisect_left(mondays, monday)
            index = following - 1 if count > 0 else following
        target = index + count
        if target < 0:
            return first + target * ONE_WEEK + offset
        if target < len(mondays):
            return mondays[target] + offset
        return last + (target - len(mondays) + 1) * ONE_WEEK + offset

    def lesweken_between(self, start: date, end: date) -> list[date]:
        """Mondays of the lesweken that touch start..end (inclusive)."""
        lo = bisect_left(self._lesweek_mondays, monday_of(start))
        hi = bisect_right(self._lesweek_mondays, end)
        return self._lesweek_mondays[lo:hi]

    # -- R-CAL-3: werkdagen for deadlines --------------------------------------------------

    def is_werkdag(self, day: date) -> bool:
        if day.weekday() >= 5:
            return False
        if day in self._no_werkdag:
            return False
        # deadlines may run past the known school years: look those public holidays up too
        return not (self._auto_holidays and day in _public_holiday_days(day.year))

    def add_werkdagen(self, day: date, count: int) -> date:
        """The count-th werkdag after day (day itself does not count)."""
        if count < 0:
            raise ValueError("count must be 0 or more")
        current = day
        left = count
        while left:
            current += ONE_DAY
            if self.is_werkdag(current):
                left -= 1
        return current

    # -- school years ----------------------------------------------------------------------

    def school_year_of(self, day: date) -> tuple[date, date]:
        """The school year containing day: a known one, else 1 August to 31 July."""
        for start, end in self._years:
            if start <= day <= end:
                return start, end
        first_year = day.year if day.month >= 8 else day.year - 1
        return date(first_year, 8, 1), date(first_year + 1, 7, 31)

    def school_year_label(self, day: date) -> str:
        start, _ = self.school_year_of(day)
        return f"{start.year}-{start.year + 1}"

    def first_lesdagen_of_year(self, day: date, count: int) -> list[date]:
        """The first `count` lesdagen of day's school year (for R-NOSHOW and R-VERLOF-2)."""
        start, end = self.school_year_of(day)
        return self.lesdagen(start, end)[:count]


def calendar_problems(periods: Iterable[CalendarPeriod]) -> list[str]:
    """What is wrong with a set of calendar periods, in Dutch, each naming the period to fix.

    School years must not overlap; a holiday, study day or public holiday must not run past the
    start or end of a school year (a holiday wholly between two school years, like the
    zomervakantie, is fine); a study day or public holiday lies inside a school year; holidays
    must not overlap one another.
    """

    def shown(p: CalendarPeriod) -> str:
        name = f" '{p.name}'" if p.name else ""
        return f"{p.kind.value}{name} ({p.start:%d-%m-%Y} t/m {p.end:%d-%m-%Y})"

    ordered = sorted(periods, key=lambda p: (p.start, p.end))
    problems: list[str] = []
    for p in ordered:
        if p.end < p.start:
            problems.append(f"{shown(p)}: de einddatum ligt voor de begindatum.")
    years = [p for p in ordered if p.kind is PeriodKind.SCHOOLJAAR]
    problems += _overlaps(years, shown)
    for p in ordered:
        if p.kind is PeriodKind.SCHOOLJAAR:
            continue
        inside = [y for y in years if y.start <= p.start and p.end <= y.end]
        touching = [y for y in years if p.start <= y.end and y.start <= p.end]
        if touching and not inside:
            problems.append(
                f"{shown(p)} valt deels buiten het schooljaar; laat het binnen "
                f"{touching[0].start:%d-%m-%Y} t/m {touching[0].end:%d-%m-%Y} vallen."
            )
        elif years and not inside and p.kind is not PeriodKind.VAKANTIE:
            problems.append(f"{shown(p)} valt buiten elk schooljaar.")
    holidays = [p for p in ordered if p.kind is PeriodKind.VAKANTIE]
    problems += _overlaps(holidays, shown)
    return problems


def _overlaps(ordered: list[CalendarPeriod], shown: Callable[[CalendarPeriod], str]) -> list[str]:
    """Each period that starts before an earlier one (by start date) has ended."""
    problems = []
    longest: CalendarPeriod | None = None
    for period in ordered:
        if longest is not None and period.start <= longest.end:
            problems.append(f"{shown(period)} overlapt met {shown(longest)}.")
        if longest is None or period.end > longest.end:
            longest = period
    return problems
