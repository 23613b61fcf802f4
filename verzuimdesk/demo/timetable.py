"""Classes, their teachers and mentors, and a weekly timetable per class (rooster.csv).

A school day has eight 50-minute lesuren from 08:30 to 16:00 with a short break in the morning
and afternoon and a lunch break; vocational subjects are sometimes one 90-minute block over two
lesuren. BOL classes have 22 to 28 lesuren a week on four or five days (the fifth day of older
years is often the BPV day); BBL classes come to school one or two days a week.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import time
from random import Random

from verzuimdesk.demo.names import (
    BACKGROUNDS,
    DUTCH,
    DUTCH_FATHERS,
    DUTCH_MOTHERS,
    email_part,
)
from verzuimdesk.demo.programmes import (
    DUITS,
    GENERAL_HOURS,
    PROGRAMME_WEIGHTS,
    PROGRAMMES,
    SLB,
    Programme,
)

# (begin, end) in minutes after midnight
LESUREN: tuple[tuple[int, int], ...] = (
    (8 * 60 + 30, 9 * 60 + 20),
    (9 * 60 + 20, 10 * 60 + 10),
    (10 * 60 + 25, 11 * 60 + 15),
    (11 * 60 + 15, 12 * 60 + 5),
    (12 * 60 + 35, 13 * 60 + 25),
    (13 * 60 + 25, 14 * 60 + 15),
    (14 * 60 + 20, 15 * 60 + 10),
    (15 * 60 + 10, 16 * 60),
)
BLOCK_MINUTES = 90
CLASS_SIZE = 25
# a teacher of a general subject teaches this many classes before a colleague is needed
TEACHER_LOAD = 7


def clock(minutes: int) -> time:
    return time(minutes // 60, minutes % 60)


@dataclass(frozen=True)
class Teacher:
    code: str  # the docentcode on the timetable
    name: str
    email: str
    phone: str


@dataclass(frozen=True)
class Lesson:
    begin_min: int
    end_min: int
    vak: str
    docent: str
    begin: time = field(init=False)
    end: time = field(init=False)
    minutes: int = field(init=False)  # read for every registration: computed once

    def __post_init__(self) -> None:
        object.__setattr__(self, "begin", clock(self.begin_min))
        object.__setattr__(self, "end", clock(self.end_min))
        object.__setattr__(self, "minutes", self.end_min - self.begin_min)


@dataclass(frozen=True)
class DemoClass:
    code: str
    programme: Programme
    leerjaar: int
    bbl: bool
    mentor: Teacher
    # Monday to Friday (index 0 to 4): the lessons of that day in time order
    week: tuple[tuple[Lesson, ...], ...]

    @property
    def leerweg(self) -> str:
        return "BBL" if self.bbl else "BOL"

    def subjects(self) -> list[str]:
        return sorted({lesson.vak for day in self.week for lesson in day})


@dataclass
class _Seat:
    teacher: Teacher
    load: int = 0


class TeacherPool:
    """Invents teachers on demand and shares them between classes, up to a teaching load."""

    def __init__(self, rng: Random) -> None:
        self._rng = rng
        self._codes: set[str] = set()
        self._pools: dict[str, list[_Seat]] = {}
        self.count = 0

    def _new(self) -> Teacher:
        rng = self._rng
        background = DUTCH if rng.random() < 0.75 else rng.choice(BACKGROUNDS)
        female = rng.random() < 0.55
        if background is DUTCH:
            first = rng.choice(DUTCH_MOTHERS if female else DUTCH_FATHERS)
        else:
            first = rng.choice(background.girls if female else background.boys)
        tussenvoegsel, achternaam = rng.choice(background.surnames)
        name = " ".join(p for p in (first, tussenvoegsel, achternaam) if p)
        letters = email_part(achternaam).replace("-", "").upper() or "X"
        initial = email_part(first)[:1].upper() or "X"
        code = (letters[:3] + initial).ljust(4, "X")
        suffix = 1
        while code in self._codes:
            suffix += 1
            code = f"{letters[:3]}{initial}{suffix}"
        self._codes.add(code)
        self.count += 1
        email = f"{email_part(first)[:1]}.{email_part(tussenvoegsel + achternaam)}"
        return Teacher(
            code=code,
            name=name,
            email=f"{email}{self.count}@docent.example.org",
            phone=f"06-3000{self.count:04d}",
        )

    def assign(self, key: str, load: int = TEACHER_LOAD) -> Teacher:
        """A teacher for subject or department `key`, reusing one with room left."""
        pool = self._pools.setdefault(key, [])
        room = [seat for seat in pool if seat.load < load]
        if room and self._rng.random() < 0.9:
            seat = self._rng.choice(room)
        else:
            seat = _Seat(self._new())
            pool.append(seat)
        seat.load += 1
        return seat.teacher


def _day_slots(rng: Random, count: int, start: int) -> list[tuple[int, int, bool]]:
    """(begin, end, is_block) for `count` lesuren from lesuur `start` (0-based)."""
    slots: list[tuple[int, int, bool]] = []
    period = start
    last = start + count - 1
    while period <= last:
        begin = LESUREN[period][0]
        if period % 2 == 0 and period + 1 <= last and rng.random() < 0.3:
            slots.append((begin, begin + BLOCK_MINUTES, True))
            period += 2
        else:
            slots.append((begin, LESUREN[period][1], False))
            period += 1
    return slots


def _general_subjects(programme: Programme, bbl: bool) -> list[str]:
    high = programme.niveau >= 3
    subjects: list[str] = []
    for vak, low_hours, high_hours in GENERAL_HOURS:
        hours = high_hours if high else low_hours
        if bbl:
            # BBL students learn most of the trade at work: one lesuur of each at school
            hours = min(hours, 1)
            if vak == "sport en bewegen":
                hours = 0
        subjects += [vak] * hours
    if programme.duits and programme.niveau >= 2:
        subjects += [DUITS] * (1 if bbl else 2)
    return subjects


def _week(
    rng: Random, programme: Programme, leerjaar: int, bbl: bool
) -> list[list[tuple[int, int, bool]]]:
    if bbl:
        days = sorted(rng.sample(range(5), 1 if rng.random() < 0.6 else 2))
        counts = {day: rng.randint(5, 7) for day in days}
    else:
        days = list(range(5))
        if leerjaar > 1 and rng.random() < 0.55:
            days.remove(rng.randrange(5))  # the BPV day
        target = rng.randint(22, 28)
        counts = {day: target // len(days) for day in days}
        for day in rng.sample(days, target % len(days)):
            counts[day] += 1
    week: list[list[tuple[int, int, bool]]] = [[] for _ in range(5)]
    for day, count in counts.items():
        count = min(count, len(LESUREN))
        room = len(LESUREN) - count
        start = min(rng.randint(0, room), rng.randint(0, room))  # most days start early
        week[day] = _day_slots(rng, count, start)
    return week


def _make_class(
    rng: Random, pool: TeacherPool, code: str, programme: Programme, leerjaar: int, bbl: bool
) -> DemoClass:
    slots = _week(rng, programme, leerjaar, bbl)
    mentor = pool.assign(f"afdeling {programme.short}", load=3)
    teachers: dict[str, Teacher] = {SLB: mentor}

    def teacher_for(vak: str) -> Teacher:
        if vak not in teachers:
            key = vak if vak not in programme.vakken else f"{programme.short} {vak}"
            teachers[vak] = pool.assign(key)
        return teachers[vak]

    singles = [(day, i) for day in range(5) for i, s in enumerate(slots[day]) if not s[2]]
    rng.shuffle(singles)
    general = _general_subjects(programme, bbl)
    subject_at: dict[tuple[int, int], str] = dict(zip(singles, general, strict=False))
    vocational = list(programme.vakken)
    rng.shuffle(vocational)
    turn = 0
    week: list[tuple[Lesson, ...]] = []
    for day in range(5):
        lessons: list[Lesson] = []
        for i, (begin, end, _block) in enumerate(slots[day]):
            vak = subject_at.get((day, i))
            if vak is None:
                vak = vocational[turn % len(vocational)]
                turn += 1
            lessons.append(Lesson(begin, end, vak, teacher_for(vak).code))
        week.append(tuple(lessons))
    return DemoClass(code, programme, leerjaar, bbl, mentor, tuple(week))


def make_classes(rng: Random, students: int) -> list[DemoClass]:
    """About one class of 25 per 25 students, spread over the programmes by popularity."""
    count = max(1, round(students / CLASS_SIZE))
    pool = TeacherPool(rng)
    letters: dict[tuple[str, int], int] = {}
    classes: list[DemoClass] = []
    for _ in range(count):
        programme = rng.choices(PROGRAMMES, PROGRAMME_WEIGHTS)[0]
        # fewer classes in later years: students leave, switch or finish
        years = range(1, programme.years + 1)
        leerjaar = rng.choices(years, [1.0, 0.85, 0.7, 0.6][: programme.years])[0]
        bbl = rng.random() < programme.bbl_share
        number = letters.get((programme.short, leerjaar), 0)
        letters[(programme.short, leerjaar)] = number + 1
        letter = _class_letter(number)
        code = f"{programme.short}{leerjaar}{letter}" + ("-BBL" if bbl else "")
        classes.append(_make_class(rng, pool, code, programme, leerjaar, bbl))
    classes.sort(key=lambda c: c.code)
    return classes


def _class_letter(number: int) -> str:
    """A, B, … Z, then AA, AB, … for the largest schools."""
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    if number < len(alphabet):
        return alphabet[number]
    return alphabet[number // len(alphabet) - 1] + alphabet[number % len(alphabet)]
