"""The behaviour model: what each demo student's absence looks like over the school year.

Every student gets one profile, in the proportions schools report: most are rarely absent; some
are often sick, long-term sick, always a few minutes late, skip Friday afternoons or one subject,
truant in bursts (some crossing 16 hours in 4 weeks), stay away for weeks on end (LRV), or never
show up at the start of the year. On top come leave (religious holidays, family events, now and
then holiday leave or luxe verzuim), doctor's visits, suspensions and being sent out of class.

A plan is a set of marks, one per registered lesson: (code, reason, registered stamp, episode).
The first mark on a lesson wins, so planned events (leave, suspension, long absence) are placed
before day-to-day ones. Only exceptions are marked: a lesson without a mark was attended
(R-EXCEPTION). Stamps are minutes since day 1 of the proleptic calendar (ordinal * 1440 +
minute), cheaper to make than datetimes for a million rows.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from random import Random
from typing import TypeVar

from verzuimdesk.demo.programmes import DUITS
from verzuimdesk.demo.timetable import DemoClass, Lesson
from verzuimdesk.domain.calendar import SchoolCalendar
from verzuimdesk.domain.leave import Decider, LeaveKind, Status

MINUTES_PER_DAY = 1440
NOON = 12 * 60
WHOLE_DAY_BEFORE = 8 * 60 + 30  # R-ZIEK-3: a call before 08:30 counts for the whole day
RECENT_DAYS = 14  # episodes ending this close to the last day get desk rows (sick reports, …)


class Profile(StrEnum):
    TROUW = "trouw"  # rarely absent
    GEMIDDELD = "gemiddeld"  # now and then sick, late or skipping a lesson
    VAAK_ZIEK = "vaak-ziek"  # R-ZIEK-VAAK, R-ZIEK-PATROON
    LANG_ZIEK = "lang-ziek"  # R-ZIEK-LANG
    TE_LAAT = "te-laat"  # R-TL
    VRIJDAGMIDDAG = "vrijdagmiddag"  # skips the last afternoon of the week
    EEN_VAK = "een-vak"  # skips one subject ("always German")
    SPIJBELAAR = "spijbelaar"  # truant in bursts: R-16U
    LANG_AFWEZIG = "lang-afwezig"  # every lesson OA for 4 weeks or more: R-LRV
    NO_SHOW = "no-show"  # R-NOSHOW


# shares of the special profiles; GEMIDDELD takes its share and TROUW the rest
PROFILE_SHARES: dict[Profile, float] = {
    Profile.VAAK_ZIEK: 0.06,
    Profile.LANG_ZIEK: 0.012,
    Profile.TE_LAAT: 0.04,
    Profile.VRIJDAGMIDDAG: 0.03,
    Profile.EEN_VAK: 0.025,
    Profile.SPIJBELAAR: 0.05,
    Profile.LANG_AFWEZIG: 0.006,
    Profile.NO_SHOW: 0.004,
}
GEMIDDELD_SHARE = 0.36
# from this school size on, every special profile occurs at least once
EVERY_PROFILE_FROM = 100


@dataclass(frozen=True)
class Rates:
    """Expected events per lesweek."""

    sick: float
    doctor: float
    late: float
    oa_lessons: float
    oa_days: float
    sent_out: float = 0.0


# fmt: off
RATES: dict[Profile, Rates] = {
    Profile.TROUW:         Rates(0.035, 0.02, 0.07, 0.05, 0.0),
    Profile.GEMIDDELD:     Rates(0.09, 0.03, 0.2, 0.35, 0.025, 0.01),
    Profile.VAAK_ZIEK:     Rates(0.2, 0.04, 0.15, 0.25, 0.01),
    Profile.LANG_ZIEK:     Rates(0.03, 0.05, 0.05, 0.05, 0.0),
    Profile.TE_LAAT:       Rates(0.06, 0.03, 0.0, 0.3, 0.02, 0.05),  # lates: see _late_rate
    Profile.VRIJDAGMIDDAG: Rates(0.07, 0.03, 0.15, 0.3, 0.02, 0.02),
    Profile.EEN_VAK:       Rates(0.07, 0.03, 0.15, 0.3, 0.02, 0.02),
    Profile.SPIJBELAAR:    Rates(0.08, 0.02, 0.4, 0.8, 0.2, 0.08),
    Profile.LANG_AFWEZIG:  Rates(0.05, 0.01, 0.3, 0.6, 0.15, 0.05),
    Profile.NO_SHOW:       Rates(0.05, 0.01, 0.3, 0.7, 0.15, 0.05),
}

SICK_REASONS: tuple[str, ...] = (
    "ziek", "ziek", "ziek", "griep", "griep", "koorts", "buikgriep", "migraine", "hoofdpijn",
    "verkouden", "misselijk", "keelontsteking", "oorontsteking", "maagklachten", "rugklachten",
    "buikpijn", "flauwgevallen", "overgeven",
)
LONG_SICK_REASONS: tuple[str, ...] = (
    "ziekenhuisopname", "pfeiffer", "gebroken been", "operatie knie", "longontsteking",
    "burn-out klachten (huisarts)", "hersenschudding", "langdurig ziek, doktersverklaring volgt",
)
SENT_HOME_REASON = "ziek naar huis (afgemeld bij de receptie)"
DOCTOR_REASONS: tuple[str, ...] = (
    "tandarts", "tandarts", "orthodontist", "huisarts", "ziekenhuisafspraak", "fysiotherapeut",
    "psycholoog", "oogarts", "bloedprikken", "dermatoloog",
)
# (reason, subkind of domain.leave, days)
GEWICHTIG: tuple[tuple[str, str, int], ...] = (
    ("bruiloft zus", "huwelijk", 1), ("bruiloft neef", "huwelijk", 1),
    ("bruiloft broer", "huwelijk", 2), ("begrafenis opa", "overlijden-2", 2),
    ("begrafenis oma", "overlijden-2", 2), ("begrafenis oom", "overlijden-3-4", 1),
    ("verhuizing", "verhuizing", 1), ("25-jarig huwelijksjubileum ouders", "jubileum", 1),
    ("bevalling moeder", "bevalling", 1),
    ("oproep rechtbank (getuige)", "wettelijke-verplichting", 1),
)
SUSPENSION_REASONS: tuple[str, ...] = (
    "schorsing na vechtpartij op het schoolplein", "schorsing: bedreiging van een docent",
    "schorsing: herhaald grensoverschrijdend gedrag", "schorsing: diefstal",
    "schorsing: vuurwerk afgestoken in de school",
)
SENT_OUT_REASONS: tuple[str, ...] = (
    "uitgestuurd: verstoorde de les", "uitgestuurd: telefoongebruik na waarschuwing",
    "uitgestuurd: brutaal tegen de docent", "uitgestuurd: geen spullen bij zich",
)
# R-VERLOF-4: the dates the families keep (close enough for a demo)
ISLAMIC_FEASTS: dict[date, str] = {
    date(2025, 3, 31): "Suikerfeest", date(2025, 6, 6): "Offerfeest",
    date(2026, 3, 20): "Suikerfeest", date(2026, 5, 27): "Offerfeest",
    date(2027, 3, 10): "Suikerfeest", date(2027, 5, 17): "Offerfeest",
}
HINDU_FEASTS: dict[date, str] = {
    date(2025, 10, 20): "Divali", date(2026, 3, 3): "Holi Phagwa",
    date(2026, 11, 9): "Divali", date(2027, 3, 22): "Holi Phagwa",
}
# fmt: on
# sick spells of 1 to 5 lesdagen, short ones most often
SICK_LENGTHS: tuple[int, ...] = (1,) * 50 + (2,) * 25 + (3,) * 12 + (4,) * 8 + (5,) * 5
T = TypeVar("T")
VAKANTIE_REASON = "vakantieverlof: seizoensgebonden beroep ouder (werkgeversverklaring)"
LUXE_REASON = "verlof afgewezen, toch op vakantie (luxe verzuim)"


def stamp_datetime(stamp: int) -> datetime:
    day, minute = divmod(stamp, MINUTES_PER_DAY)
    return datetime.fromordinal(day) + timedelta(minutes=minute)


def day_at(day: date, minute: int) -> datetime:
    return datetime.combine(day, time()) + timedelta(minutes=minute)


def _below(rng: Random, n: int) -> int:
    """rng.randrange(n) at a fraction of the cost: a big demo draws millions of these."""
    return int(rng.random() * n)


def _pick(rng: Random, items: Sequence[T]) -> T:
    return items[int(rng.random() * len(items))]


def assign_profiles(rng: Random, students: int) -> list[Profile]:
    """Profiles in fixed proportions, so even a small demo school shows every pattern."""
    profiles: list[Profile] = []
    for profile, share in PROFILE_SHARES.items():
        count = round(share * students)
        if students >= EVERY_PROFILE_FROM:
            count = max(1, count)
        profiles += [profile] * count
    profiles += [Profile.GEMIDDELD] * round(GEMIDDELD_SHARE * students)
    profiles = profiles[:students]
    profiles += [Profile.TROUW] * (students - len(profiles))
    rng.shuffle(profiles)
    return profiles


def poisson(rng: Random, mean: float) -> int:
    """Knuth's method: fine for the small means used here."""
    if mean <= 0:
        return 0
    limit = math.exp(-mean)
    count, product = 0, rng.random()
    while product > limit:
        count += 1
        product *= rng.random()
    return count


@dataclass
class ClassDays:
    """A class's lesdagen in the demo period with the lessons of each (shared by its students)."""

    klas: DemoClass
    dates: list[date]
    lessons: list[tuple[Lesson, ...]]
    ordinals: list[int]
    week: list[int]  # lesweek number counted from the period's first lesweek
    weeks: int
    last_of_week: list[int]  # the last day of each week the class is at school
    before_break: list[int]  # days followed by a holiday of at least a week
    last_lesdag: date  # of the school, which the class may not have lessons on

    @property
    def per_week(self) -> float:
        return len(self.dates) / self.weeks if self.weeks else 0.0

    def stamp(self, day: int, minute: int) -> int:
        return self.ordinals[day] * MINUTES_PER_DAY + minute


def class_days(klas: DemoClass, lesdagen: list[date], calendar: SchoolCalendar) -> ClassDays:
    dates = [d for d in lesdagen if klas.week[d.weekday()]]
    first_week = calendar.lesweek_index(lesdagen[0]) or 0
    week = [(calendar.lesweek_index(d) or 0) - first_week for d in dates]
    last_of_week = [i for i in range(len(dates)) if i + 1 == len(dates) or week[i + 1] != week[i]]
    before_break = [
        i for i in range(len(dates) - 1) if (dates[i + 1] - dates[i]).days > 7 and week[i] >= 2
    ]
    return ClassDays(
        klas=klas,
        dates=dates,
        lessons=[klas.week[d.weekday()] for d in dates],
        ordinals=[d.toordinal() for d in dates],
        week=week,
        weeks=(week[-1] + 1) if week else 0,
        last_of_week=last_of_week,
        before_break=before_break,
        last_lesdag=lesdagen[-1],
    )


@dataclass
class SickEpisode:
    start: int  # class-day index of the first sick day
    end: int  # … and of the last (inclusive)
    called: int  # stamp of the call
    starts: int  # stamp from which the report counts (R-ZIEK-3)
    reason: str
    caller_kind: str  # ouder | leerling
    desk: bool  # recent enough to appear as a sick report at the desk
    ongoing: bool  # still sick on the last day: no beter-melding yet
    row_id: int | None = None


@dataclass
class LeaveEvent:
    kind: LeaveKind
    subkind: str | None
    start: int
    end: int
    reason: str
    status: Status
    decider: Decider
    requested: int  # stamp of the card
    first_lesson: Lesson | None = None  # for a doctor's visit: the card's start and end time
    last_lesson: Lesson | None = None
    row_id: int | None = None


# (code, reason, registered stamp, the episode it belongs to, minutes late for a TL else 0)
Mark = tuple[str, str | None, int, SickEpisode | LeaveEvent | None, int]


@dataclass
class StudentPlan:
    profile: Profile
    marks: dict[tuple[int, int], Mark] = field(default_factory=dict)
    sick: list[SickEpisode] = field(default_factory=list)
    leave: list[LeaveEvent] = field(default_factory=list)


class _Planner:
    def __init__(self, rng: Random, days: ClassDays, profile: Profile) -> None:
        self.rng = rng
        self.days = days
        self.n = len(days.dates)
        self.plan = StudentPlan(profile)
        self.marks = self.plan.marks
        recent_from = days.ordinals[-1] - RECENT_DAYS if self.n else 0
        self.recent_from = next(
            (i for i, o in enumerate(days.ordinals) if o >= recent_from), self.n
        )

    # -- marking --------------------------------------------------------------------------

    def put(
        self,
        day: int,
        lesson: int,
        code: str,
        reason: str | None,
        stamp: int,
        episode: SickEpisode | LeaveEvent | None = None,
        late: int = 0,
    ) -> None:
        key = (day, lesson)
        if key not in self.marks:
            self.marks[key] = (code, reason, stamp, episode, late)

    def day_free(self, day: int) -> bool:
        return all((day, i) not in self.marks for i in range(len(self.days.lessons[day])))

    def oa(self, day: int, index: int, reason: str | None = None) -> None:
        lesson = self.days.lessons[day][index]
        delay = 5 + int(self.rng.random() * 25)  # the teacher registers at the start
        self.put(day, index, "OA", reason, self.days.stamp(day, lesson.begin_min + delay))

    def oa_day(self, day: int, reason: str | None = None) -> None:
        for index in range(len(self.days.lessons[day])):
            self.oa(day, index, reason)

    def whole_days(
        self,
        start: int,
        end: int,
        code: str,
        reason: str,
        stamp: int,
        episode: SickEpisode | LeaveEvent | None = None,
    ) -> None:
        for day in range(start, min(end, self.n - 1) + 1):
            for index in range(len(self.days.lessons[day])):
                self.put(day, index, code, reason, stamp, episode)

    def office_stamp(self, day: int, days_before: int) -> int:
        """A card or note entered at the office some days before `day`."""
        minute = 9 * 60 + int(self.rng.random() * 7 * 60)
        return (self.days.ordinals[day] - days_before) * MINUTES_PER_DAY + minute

    def random_day(self) -> int:
        return _below(self.rng, self.n)

    def days_in_weeks(self, first_week: int, last_week: int) -> list[int]:
        return [i for i, w in enumerate(self.days.week) if first_week <= w <= last_week]

    # -- sickness ---------------------------------------------------------------------------

    def sick_episode(
        self,
        start: int,
        length: int,
        reason: str,
        late_call_share: float,
        adult: bool,
    ) -> None:
        rng, days = self.rng, self.days
        if not self.day_free(start):
            return  # a report starts on a day with nothing else registered yet
        end = min(start + length - 1, self.n - 1)
        # still sick after the period, or sick on its very last day
        ongoing = start + length - 1 > end or days.dates[end] == days.last_lesdag
        lessons = days.lessons[start]
        sent_home = rng.random() < 0.08 and len(lessons) > 2
        # a late call still leaves at least the day's last lesson to be sick for
        late_room = min(150, lessons[-1].begin_min - 9 * 60)
        if sent_home:
            # felt ill at school: goes home after a lesson, sick from then on
            leaves = lessons[1 + _below(rng, len(lessons) - 2)].end_min
            called = starts = days.stamp(start, leaves)
            reason = SENT_HOME_REASON
            caller = "leerling"
        elif late_room > 0 and rng.random() < late_call_share:
            # R-ZIEK-3/-4: a call after 08:30 counts from the call; earlier lessons stay OA
            minute = 9 * 60 + int(rng.random() * late_room)
            called = starts = days.stamp(start, minute)
            caller = "leerling" if adult and rng.random() < 0.7 else "ouder"
        else:
            minute = WHOLE_DAY_BEFORE - 75 + _below(rng, 75)  # 07:15 to 08:29
            called = days.stamp(start, minute)
            starts = days.ordinals[start] * MINUTES_PER_DAY
            caller = "leerling" if adult and rng.random() < 0.6 else "ouder"
        episode = SickEpisode(
            start,
            end,
            called,
            starts,
            reason,
            caller,
            desk=end >= self.recent_from,
            ongoing=ongoing,
        )
        from_minute = starts - days.ordinals[start] * MINUTES_PER_DAY
        late_reason = f"ziekmelding pas om {from_minute // 60:02d}:{from_minute % 60:02d}"
        for index, lesson in enumerate(lessons):
            if lesson.begin_min >= from_minute:
                self.put(start, index, "Z", reason, called, episode)
            elif not sent_home:
                self.oa(start, index, late_reason)
        if end > start:
            self.whole_days(start + 1, end, "Z", reason, called, episode)
        self.plan.sick.append(episode)

    def sick_spells(
        self, count: int, adult: bool, late_call_share: float = 0.12, weekday: int | None = None
    ) -> None:
        one_day_only = self.days.per_week < 2.5  # BBL: a week apart is another illness
        for _ in range(count):
            start = self.random_day()
            if weekday is not None:
                start = self.next_weekday(start, weekday)
            length = 1 if one_day_only else _pick(self.rng, SICK_LENGTHS)
            self.sick_episode(start, length, _pick(self.rng, SICK_REASONS), late_call_share, adult)

    def next_weekday(self, day: int, weekday: int) -> int:
        for candidate in range(day, min(day + 5, self.n)):
            if self.days.dates[candidate].weekday() == weekday:
                return candidate
        return day

    # -- leave, doctor, suspension ----------------------------------------------------------

    def leave(
        self,
        kind: LeaveKind,
        subkind: str | None,
        start: int,
        end: int,
        code: str,
        reason: str,
        status: Status,
        decider: Decider,
        requested: int,
    ) -> None:
        end = min(end, self.n - 1)
        if not all(self.day_free(day) for day in range(start, end + 1)):
            return  # the days are taken (absent for weeks, already sick): no card
        event = LeaveEvent(kind, subkind, start, end, reason, status, decider, requested)
        if status is Status.AFGEWEZEN:
            # luxe verzuim: the refused leave is taken anyway and is unexcused
            for day in range(start, end + 1):
                self.oa_day(day, reason)
        else:
            self.whole_days(start, end, code, reason, requested, event)
        self.plan.leave.append(event)

    def doctor(self) -> None:
        rng, days = self.rng, self.days
        day = self.random_day()
        lessons = days.lessons[day]
        first = _below(rng, len(lessons))
        last = min(len(lessons) - 1, first + _pick(rng, (0, 0, 1)))
        if rng.random() < 0.1:
            last = len(lessons) - 1  # a hospital visit takes the rest of the day
        if any((day, index) in self.marks for index in range(first, last + 1)):
            return
        reason = _pick(rng, DOCTOR_REASONS)
        stamp = self.office_stamp(day, rng.randint(1, 7))
        event = None
        if day >= self.recent_from:
            # R-VERLOF: a planned visit comes from a leave card; recent ones are at the desk
            event = LeaveEvent(
                LeaveKind.DOKTER,
                None,
                day,
                day,
                reason,
                Status.VERLEEND,
                Decider.RECEPTIE,
                stamp,
                first_lesson=lessons[first],
                last_lesson=lessons[last],
            )
            self.plan.leave.append(event)
        for index in range(first, last + 1):
            self.put(day, index, "D", reason, stamp, event)

    def suspension(self) -> None:
        day = self.random_day()
        length = _pick(self.rng, (1, 1, 2, 3))
        stamp = self.days.stamp(day, 0) - MINUTES_PER_DAY + 15 * 60 + int(self.rng.random() * 90)
        self.whole_days(day, day + length - 1, "S", _pick(self.rng, SUSPENSION_REASONS), stamp)

    def family_leave(self) -> None:
        rng = self.rng
        reason, subkind, length = _pick(rng, GEWICHTIG)
        day = self.random_day()
        # a funeral is asked for at short notice, the rest in advance (R-VERLOF-3)
        before = rng.randint(0, 1) if subkind.startswith("overlijden") else rng.randint(3, 21)
        decider = Decider.COACH if length <= 1 else Decider.DIRECTEUR
        if subkind in ("bevalling", "wettelijke-verplichting"):
            decider = Decider.DIRECTEUR
        self.leave(
            LeaveKind.GEWICHTIG,
            subkind,
            day,
            day + length - 1,
            "G",
            reason,
            Status.VERLEEND,
            decider,
            self.office_stamp(day, before),
        )

    def religious_leave(self, feasts: dict[date, str], chance: float) -> None:
        index = {d: i for i, d in enumerate(self.days.dates)}
        for day, name in feasts.items():
            i = index.get(day)
            if i is not None and self.rng.random() < chance:
                self.leave(
                    LeaveKind.RELIGIEUS,
                    None,
                    i,
                    i,
                    "V",
                    f"{name} (religieuze feestdag)",
                    Status.GEMELD,
                    Decider.RECEPTIE,
                    self.office_stamp(i, self.rng.randint(2, 10)),
                )

    def holiday_leave(self, granted: bool) -> None:
        if not self.days.before_break:
            return
        last = _pick(self.rng, self.days.before_break)
        first = max(0, last - self.rng.randint(1, 3))
        if self.days.week[first] < 2:
            return  # R-VERLOF-2: never in the first two lesweken
        self.leave(
            LeaveKind.VAKANTIE,
            None,
            first,
            last,
            "V",
            VAKANTIE_REASON if granted else LUXE_REASON,
            Status.VERLEEND if granted else Status.AFGEWEZEN,
            Decider.DIRECTEUR,
            self.office_stamp(first, self.rng.randint(40, 60)),
        )

    # -- unexcused absence, lateness ----------------------------------------------------------

    def skipped_lessons(self, count: int) -> None:
        rng = self.rng
        for _ in range(count):
            day = self.random_day()
            size = len(self.days.lessons[day])
            pick = rng.random()
            index = size - 1 if pick < 0.45 else 0 if pick < 0.65 else _below(rng, size)
            self.oa(day, index)

    def skipped_days(self, count: int) -> None:
        for _ in range(count):
            self.oa_day(self.random_day())

    def late(self, count: int) -> None:
        rng, days = self.rng, self.days
        for _ in range(count):
            day = self.random_day()
            lessons = days.lessons[day]
            index = 0 if rng.random() < 0.75 else _below(rng, len(lessons))
            lesson = lessons[index]
            if rng.random() < 0.12:
                # more than 10 minutes late is unexcused absence (seed 001 §2.3)
                minutes = 11 + _below(rng, 30)
                reason = f"{minutes} minuten te laat (meer dan 10 minuten)"
                stamp = days.stamp(day, lesson.begin_min + minutes + 1)
                self.put(day, index, "OA", reason, stamp)
            else:
                minutes = 1 + _below(rng, 10)
                stamp = days.stamp(day, lesson.begin_min + minutes + _below(rng, 4))
                # a TL's times and minutes are those of the lateness, which is what the rules
                # count (R-TL) and compare with the policy's limit
                self.put(day, index, "TL", None, stamp, late=minutes)

    def sent_out(self, count: int) -> None:
        for _ in range(count):
            day = self.random_day()
            index = _below(self.rng, len(self.days.lessons[day]))
            lesson = self.days.lessons[day][index]
            stamp = self.days.stamp(day, lesson.begin_min + 15 + self.rng.randint(0, 25))
            self.put(day, index, "UI", _pick(self.rng, SENT_OUT_REASONS), stamp)

    def friday_afternoons(self) -> None:
        chance = 0.5 + self.rng.random() * 0.35
        for day in self.days.last_of_week:
            if self.rng.random() >= chance:
                continue
            lessons = self.days.lessons[day]
            afternoon = [i for i, lesson in enumerate(lessons) if lesson.begin_min >= NOON]
            for index in afternoon or range(max(0, len(lessons) - 2), len(lessons)):
                self.oa(day, index)

    def one_subject(self) -> None:
        subjects = self.days.klas.subjects()
        if DUITS in subjects:
            target = DUITS
        else:
            general = [s for s in ("rekenen", "Engels", "Nederlands") if s in subjects]
            target = _pick(self.rng, general or subjects)
        chance = 0.55 + self.rng.random() * 0.35
        for day, lessons in enumerate(self.days.lessons):
            for index, lesson in enumerate(lessons):
                if lesson.vak == target and self.rng.random() < chance:
                    self.oa(day, index)

    def truancy_bursts(self) -> None:
        """Bursts of whole days within 4 lesweken; about half cross 16 hours (R-16U)."""
        rng = self.rng
        for _ in range(1 + poisson(rng, self.days.weeks / 12)):
            week = self.days.week[self.random_day()]
            window = self.days_in_weeks(week, week + 3)
            for day in rng.sample(window, min(len(window), rng.randint(2, 6))):
                self.oa_day(day)
            self.skipped_lessons_in(window, rng.randint(3, 8))

    def skipped_lessons_in(self, window: list[int], count: int) -> None:
        for _ in range(count):
            day = _pick(self.rng, window)
            self.oa(day, _below(self.rng, len(self.days.lessons[day])))

    def away_for_weeks(self, first_week: int, last_week: int) -> None:
        """Every lesson OA, week after week (R-LRV, R-NOSHOW)."""
        for day in self.days_in_weeks(first_week, last_week):
            self.oa_day(day)


def _late_rate(rng: Random) -> float:
    """Lates per lesweek of an always-late student; a third is late nearly every day, more
    than 10 times in 4 weeks (R-TL)."""
    if rng.random() < 0.35:
        return 2.5 + rng.random()
    return 0.6 + rng.random()


def plan_student(
    rng: Random,
    days: ClassDays,
    profile: Profile,
    *,
    islamic: bool,
    hindu: bool,
    adult: bool,
) -> StudentPlan:
    """The absence of one student over the class's lesdagen in the demo period."""
    planner = _Planner(rng, days, profile)
    if not planner.n:
        return planner.plan
    weeks = days.weeks
    rates = RATES[profile]
    last_week = weeks - 1

    # planned blocks first: they own their lessons
    if profile is Profile.NO_SHOW:
        planner.away_for_weeks(0, 1)
        if rng.random() < 0.4:
            planner.away_for_weeks(2, last_week)  # never came at all
    elif profile is Profile.LANG_AFWEZIG:
        first = 0 if weeks <= 6 else rng.randint(max(0, weeks - 14), weeks - 5)
        ongoing = rng.random() < 0.55
        planner.away_for_weeks(first, last_week if ongoing else first + rng.randint(4, 7))
    elif profile is Profile.LANG_ZIEK:
        length = min(planner.n, rng.randint(12, 40))
        start = _below(rng, max(1, planner.n - length // 2))
        planner.sick_episode(start, length, _pick(rng, LONG_SICK_REASONS), 0.0, adult)

    # leave and suspensions are decided in advance
    if islamic:
        planner.religious_leave(ISLAMIC_FEASTS, 0.35)
    if hindu:
        planner.religious_leave(HINDU_FEASTS, 0.35)
    share_of_year = min(1.0, weeks / 38)
    if rng.random() < 0.05 * share_of_year:
        planner.family_leave()
    if rng.random() < 0.005 * share_of_year:
        planner.holiday_leave(granted=True)
    if rng.random() < 0.004 * share_of_year:
        planner.holiday_leave(granted=False)
    suspension_chance = {Profile.SPIJBELAAR: 0.12, Profile.TE_LAAT: 0.03}.get(profile, 0.002)
    if rng.random() < suspension_chance * share_of_year:
        planner.suspension()
    for _ in range(poisson(rng, rates.doctor * weeks)):
        planner.doctor()

    # sickness
    if profile is Profile.VAAK_ZIEK:
        weekday = _pick(rng, (0, 0, 4, 2)) if rng.random() < 0.5 else None  # R-ZIEK-PATROON
        start = planner.random_day()
        for _ in range(3):  # R-ZIEK-VAAK: three episodes within three months
            if start >= planner.n:
                break
            day = start if weekday is None else planner.next_weekday(start, weekday)
            planner.sick_episode(
                day, _pick(rng, (1, 1, 2, 3)), _pick(rng, SICK_REASONS), 0.3, adult
            )
            start += rng.randint(8, 22)
        planner.sick_spells(poisson(rng, rates.sick * weeks), adult, 0.3, weekday)
    else:
        planner.sick_spells(poisson(rng, rates.sick * weeks), adult)

    # unexcused absence and lateness
    if profile is Profile.VRIJDAGMIDDAG:
        planner.friday_afternoons()
    elif profile is Profile.EEN_VAK:
        planner.one_subject()
    elif profile is Profile.SPIJBELAAR:
        planner.truancy_bursts()
    planner.skipped_days(poisson(rng, rates.oa_days * weeks))
    planner.skipped_lessons(poisson(rng, rates.oa_lessons * weeks))
    late_rate = _late_rate(rng) if profile is Profile.TE_LAAT else rates.late
    planner.late(poisson(rng, late_rate * weeks))
    planner.sent_out(poisson(rng, rates.sent_out * weeks))
    return planner.plan
