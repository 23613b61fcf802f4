"""Attendance as the reports count it: planned lesson time, the share attended, MTSS tiers,
class-wide patterns and "onwaarschijnlijke presentie" (R-PRESENTIE). Pure functions of plain
values; the reports service gathers the facts from the store.

Counting (R-EXCEPTION, R-LESTIJD): a scheduled lesson without a registration was attended. A
student's planned time is the class timetable's minutes on every lesdag the student was enrolled
(holidays and study days are no lesdagen, so they never count), less the minutes registered as
not scheduled (vrijstelling, verwijderd). On a weekday the class timetable has no lessons (a BBL
student's workplace days, a class without a timetable), the registrations of that day are all
that is known: their own length is planned time. Absent = ongeoorloofd + geoorloofd minutes (a
late beyond the policy's limit counts as ongeoorloofd with its length); attended = planned −
absent. A part-time student is therefore measured against their own timetable, not a full week.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from enum import IntEnum

from verzuimdesk.domain.calendar import SchoolCalendar
from verzuimdesk.domain.codes import Category, Kind, RegistrationCode
from verzuimdesk.domain.policy import Rapportage

WEEKDAY_NAMES = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")
MONTH_NAMES = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)


@dataclass(frozen=True)
class CodeGroups:
    """The school's codes sorted into what the reports add up (a code the school does not know
    counts nowhere: it is neither absence nor proof of presence)."""

    ongeoorloofd: tuple[str, ...]
    ziek: tuple[str, ...]
    geoorloofd_overig: tuple[str, ...]  # leave, doctor, suspension, …
    te_laat: tuple[str, ...]
    aanwezig: tuple[str, ...]  # present, BPV, sent out of class
    niet_gepland: tuple[str, ...]  # vrijstelling, verwijderd

    @property
    def geoorloofd(self) -> tuple[str, ...]:
        return self.ziek + self.geoorloofd_overig

    @property
    def presence(self) -> tuple[str, ...]:
        """Codes that prove the student was there (R-PRESENTIE: A, TL, UI, BPV)."""
        return self.aanwezig + self.te_laat


def code_groups(codes: Mapping[str, RegistrationCode]) -> CodeGroups:
    def pick(*categories: Category, kind: Kind | None = None, not_kind: Kind | None = None):
        return tuple(
            sorted(
                c
                for c, rc in codes.items()
                if rc.category in categories
                and (kind is None or rc.kind is kind)
                and (not_kind is None or rc.kind is not not_kind)
            )
        )

    return CodeGroups(
        ongeoorloofd=pick(Category.ONGEOORLOOFD),
        ziek=pick(Category.GEOORLOOFD, kind=Kind.ZIEK),
        geoorloofd_overig=pick(Category.GEOORLOOFD, not_kind=Kind.ZIEK),
        te_laat=pick(Category.TE_LAAT),
        aanwezig=pick(Category.AANWEZIG, Category.UITGESTUURD),
        niet_gepland=pick(Category.NIET_GEROOSTERD, Category.VERWIJDERD),
    )


# -- planned time ------------------------------------------------------------------------------


def lesdagen_per_weekday(
    calendar: SchoolCalendar, start: date, end: date
) -> tuple[int, int, int, int, int]:
    """How many lesdagen fall on each weekday (Monday first) from start to end inclusive."""
    counts = [0, 0, 0, 0, 0]
    if end < start:
        return (0, 0, 0, 0, 0)
    for day in calendar.lesdagen(start, end):
        counts[day.weekday()] += 1
    return (counts[0], counts[1], counts[2], counts[3], counts[4])


def enrolled_span(
    start: date, end: date, van: date | None, tot: date | None
) -> tuple[date, date] | None:
    """The part of start..end the student was enrolled; None when not at all."""
    first = max(start, van) if van else start
    last = min(end, tot) if tot else end
    return (first, last) if first <= last else None


@dataclass
class Minutes:
    """Registered minutes of one student (or a group) over one stretch of time."""

    ongeoorloofd: int = 0
    ziek: int = 0
    geoorloofd_overig: int = 0
    aanwezig: int = 0  # registered presence (A, BPV, UI, TL within the limit)
    niet_gepland: int = 0
    te_laat: int = 0  # times late within the limit (a count, not minutes)

    @property
    def geoorloofd(self) -> int:
        return self.ziek + self.geoorloofd_overig

    @property
    def absent(self) -> int:
        return self.ongeoorloofd + self.geoorloofd

    @property
    def registered(self) -> int:
        """Every registered minute that is lesson time (for days without a timetable)."""
        return self.absent + self.aanwezig

    def add(self, other: Minutes) -> None:
        self.ongeoorloofd += other.ongeoorloofd
        self.ziek += other.ziek
        self.geoorloofd_overig += other.geoorloofd_overig
        self.aanwezig += other.aanwezig
        self.niet_gepland += other.niet_gepland
        self.te_laat += other.te_laat


@dataclass
class Attendance:
    """Planned, absent and attended minutes; the percentage is of planned time."""

    planned: int = 0
    minutes: Minutes | None = None

    def __post_init__(self) -> None:
        if self.minutes is None:
            self.minutes = Minutes()

    @property
    def m(self) -> Minutes:
        assert self.minutes is not None
        return self.minutes

    @property
    def absent(self) -> int:
        return min(self.m.absent, self.planned)

    @property
    def attended(self) -> int:
        return self.planned - self.absent

    @property
    def percent(self) -> float | None:
        return attendance_percent(self.planned, self.m.absent)

    def add(self, other: Attendance) -> None:
        self.planned += other.planned
        self.m.add(other.m)


def planned_minutes(
    lesdagen: tuple[int, ...],
    timetable: Mapping[int, int] | None,
    unscheduled_weekday_minutes: Mapping[int, int],
    not_planned: int,
) -> int:
    """Planned lesson time: timetable minutes × lesdagen per weekday (0 = Monday), plus what was
    registered on weekdays the timetable leaves empty, less the minutes registered as not
    scheduled. Never below zero."""
    total = 0
    for weekday in range(5):
        scheduled = (timetable or {}).get(weekday, 0)
        if scheduled:
            total += scheduled * lesdagen[weekday]
        else:
            total += unscheduled_weekday_minutes.get(weekday, 0)
    return max(total - not_planned, 0)


def attendance_percent(planned: int, absent: int) -> float | None:
    """Attended share of planned time in percent, one decimal; None without planned time."""
    if planned <= 0:
        return None
    return round(100.0 * (planned - min(absent, planned)) / planned, 1)


# -- MTSS tiers --------------------------------------------------------------------------------


class Tier(IntEnum):
    """Aanwezigheidsniveaus (MTSS, seed 003): 1 = on track, 2 = extra attention, 3 = intensive."""

    OP_KOERS = 1
    AANDACHT = 2
    INTENSIEF = 3

    @property
    def label(self) -> str:
        return TIER_LABELS[self]


TIER_LABELS = {
    Tier.OP_KOERS: "niveau 1: op koers",
    Tier.AANDACHT: "niveau 2: extra aandacht",
    Tier.INTENSIEF: "niveau 3: intensieve aanpak",
}


def tier_of(percent: float | None, policy: Rapportage) -> Tier | None:
    """The tier of an attendance percentage; the limits are inclusive lower bounds."""
    if percent is None:
        return None
    if percent >= policy.niveau_1_vanaf:
        return Tier.OP_KOERS
    if percent >= policy.niveau_2_vanaf:
        return Tier.AANDACHT
    return Tier.INTENSIEF


def tier_limits_text(policy: Rapportage) -> dict[Tier, str]:
    one, two = policy.niveau_1_vanaf, policy.niveau_2_vanaf
    return {
        Tier.OP_KOERS: f"{one:g}% of meer aanwezig",
        Tier.AANDACHT: f"{two:g}% tot {one:g}%",
        Tier.INTENSIEF: f"minder dan {two:g}%",
    }


# -- class-wide patterns -----------------------------------------------------------------------


@dataclass(frozen=True)
class LessonAbsence:
    """One weekly lesson of a class over a period: how often it was due and missed."""

    weekday: int  # 0 = Monday
    begin: str  # "08:30"
    vak: str
    docent: str
    due: int  # student-lessons due (students × lesdagen on that weekday)
    missed: int  # student-lessons registered absent (any absence code)

    @property
    def share(self) -> float:
        return self.missed / self.due if self.due else 0.0


def class_patterns(lessons: Iterable[LessonAbsence], policy: Rapportage) -> list[LessonAbsence]:
    """The lessons a class skips noticeably more than its other lessons (seed 000: "klas spijbelt
    bij rekenen"): at least `patroon_min_aandeel` of the due lessons missed, at least
    `patroon_factor` times the class's share over all its lessons, and at least
    `patroon_min_gemist` student-lessons (in a small group one student is not a pattern). Worst
    first."""
    lessons = list(lessons)
    due = sum(x.due for x in lessons)
    if not due:
        return []
    overall = sum(x.missed for x in lessons) / due
    found = [
        x
        for x in lessons
        if x.due
        and x.missed >= policy.patroon_min_gemist
        and x.share >= policy.patroon_min_aandeel
        and x.share >= policy.patroon_factor * overall
    ]
    return sorted(found, key=lambda x: (-x.share, x.weekday, x.begin))


# -- R-PRESENTIE -------------------------------------------------------------------------------


@dataclass(frozen=True)
class DayFact:
    """What was registered for a student on one day."""

    ongeoorloofd: int  # minutes
    presence: int  # number of presence registrations (A, TL, UI, BPV)


def improbable_presence_days(
    days: Mapping[date, DayFact],
    calendar: SchoolCalendar,
    scheduled: Mapping[int, int],
    min_lesweken: int,
    start: date,
    end: date,
    enrolled_from: date | None = None,
) -> list[tuple[date, date]]:
    """R-PRESENTIE: the days in start..end with registered presence whose `min_lesweken`
    lesweken before held only ongeoorloofd absence. A lesdag counts as wholly absent when its OA
    minutes reach the class's scheduled minutes that weekday (without a timetable that weekday:
    any OA) and nothing proves presence; every lesdag of the stretch must be so, and the student
    must have been enrolled for all of it. Returns (day, first day of the stretch)."""
    found: list[tuple[date, date]] = []
    for day in sorted(d for d, fact in days.items() if fact.presence and start <= d <= end):
        first = calendar.add_lesweken(day, -min_lesweken)
        if enrolled_from and first < enrolled_from:
            continue
        window = calendar.lesdagen(first, day - timedelta(days=1))
        # early in the school year there are not yet that many lesweken behind the day: a
        # summer holiday is no stretch of absence
        if not window or len(calendar.lesweken_between(first, window[-1])) < min_lesweken:
            continue
        if all(_wholly_absent(days.get(d), scheduled.get(d.weekday(), 0)) for d in window):
            found.append((day, window[0]))
    return found


def _wholly_absent(fact: DayFact | None, scheduled: int) -> bool:
    if fact is None or fact.presence:
        return False
    return fact.ongeoorloofd >= scheduled if scheduled else fact.ongeoorloofd > 0


# -- plain words for the attendance card ---------------------------------------------------------


def compare_words(now: float | None, before: float | None, margin: float = 1.0) -> str:
    """'beter', 'minder goed' or 'ongeveer gelijk' for two percentages (margin in points)."""
    if now is None or before is None:
        return "niet te vergelijken"
    if now >= before + margin:
        return "beter"
    if now <= before - margin:
        return "minder goed"
    return "ongeveer gelijk"


def percent_text(value: float | None) -> str:
    return "–" if value is None else f"{value:.1f}%".replace(".", ",")


def card_sentences(
    name: str,
    now: float | None,
    before: float | None,
    year: float | None,
    tier: Tier | None,
    oa_minutes: int,
) -> list[str]:
    """The attendance card in plain words, for student and parents (seed 003)."""
    lines = []
    if now is None:
        lines.append(f"{name} had in deze periode geen lessen op het rooster.")
    else:
        lines.append(f"{name} was in deze periode bij {percent_text(now)} van de lessen.")
        if before is not None:
            lines.append(
                f"In de periode daarvoor was dat {percent_text(before)}: "
                f"{compare_words(now, before)}."
            )
    if year is not None:
        lines.append(f"Over het hele schooljaar tot nu toe: {percent_text(year)}.")
    if tier is not None:
        advice = {
            Tier.OP_KOERS: "Dat is op koers. Ga zo door!",
            Tier.AANDACHT: "Dat vraagt extra aandacht: samen kijken wat helpt.",
            Tier.INTENSIEF: "Dat is te weinig: we maken samen een plan.",
        }[tier]
        lines.append(advice)
    if oa_minutes:
        hours, minutes = divmod(oa_minutes, 60)
        lines.append(
            f"Zonder geldige reden gemist in deze periode: {hours} uur"
            + (f" en {minutes} minuten." if minutes else ".")
        )
    return lines


def month_starts(start: date, end: date) -> list[date]:
    """The first day of every month that touches start..end."""
    months = []
    current = date(start.year, start.month, 1)
    while current <= end:
        months.append(current)
        current = date(current.year + (current.month == 12), current.month % 12 + 1, 1)
    return months


def month_label(first: date) -> str:
    return f"{MONTH_NAMES[first.month - 1]} {first.year}"


def previous_period(start: date, end: date) -> tuple[date, date]:
    """The period just before start..end: the previous calendar month(s) when the period is
    whole months, else the same number of days before it."""
    next_day = end + timedelta(days=1)
    if start.day == 1 and next_day.day == 1:
        months = (next_day.year - start.year) * 12 + next_day.month - start.month
        first = _add_months(start, -months)
        return first, start - timedelta(days=1)
    length = end - start
    return start - length - timedelta(days=1), start - timedelta(days=1)


def same_period_last_year(start: date, end: date) -> tuple[date, date]:
    return _minus_year(start), _minus_year(end)


def _minus_year(day: date) -> date:
    try:
        return day.replace(year=day.year - 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year - 1, day=28)


def _add_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)
