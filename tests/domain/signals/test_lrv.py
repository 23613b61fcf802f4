"""R-LRV: 4 aaneengesloten lesweken without attending any lesson."""

from __future__ import annotations

from datetime import date

from tests.domain.signals.helpers import lesdagen, oa, run
from verzuimdesk.domain.route import Route

FULL = {0: 300, 1: 300, 2: 300, 3: 300, 4: 300}
MON = date(2025, 9, 1)
LRV = ("R-LRV",)


def test_four_lesweken_fully_absent() -> None:
    days = lesdagen(MON, date(2025, 9, 26))
    items = oa(days, 300)
    assert run(items, date(2025, 9, 25), timetable=FULL, rules=LRV) == []
    (signal,) = run(items, date(2025, 9, 26), timetable=FULL, rules=LRV)
    assert signal.arose_on == date(2025, 9, 26)
    assert signal.window == (MON, date(2025, 9, 26))
    assert signal.minutes == 20 * 300
    assert signal.route is Route.LEERPLICHT
    assert signal.deadline == date(2025, 10, 3)


def test_one_lesson_attended_breaks_the_run() -> None:
    days = lesdagen(MON, date(2025, 10, 31))
    items = [(d, "OA", 250 if d == date(2025, 9, 17) else 300) for d in days]
    found = run(items, date(2025, 10, 31), timetable=FULL, rules=LRV)
    # a new run starts Thursday 18 Sep; four lesweken later is Thursday 16 Oct
    assert [(s.arose_on, s.window) for s in found] == [
        (date(2025, 10, 15), (date(2025, 9, 18), date(2025, 10, 15)))
    ]


def test_a_sick_day_breaks_the_run() -> None:
    days = lesdagen(MON, date(2025, 9, 26))
    items = [(d, "Z" if d == date(2025, 9, 10) else "OA", 300) for d in days]
    assert run(items, date(2025, 9, 26), timetable=FULL, rules=LRV) == []


def test_holiday_week_lengthens_the_period() -> None:
    start = date(2025, 10, 6)  # weeks 41, 42, (43 herfstvakantie), 44, 45
    items = oa(lesdagen(start, date(2025, 11, 14)), 300)
    (signal,) = run(items, date(2025, 11, 14), timetable=FULL, rules=LRV)
    assert signal.arose_on == date(2025, 11, 7)


def test_weekday_without_lessons_neither_counts_nor_breaks() -> None:
    timetable = {0: 300, 1: 300, 2: 0, 3: 300, 4: 300}
    days = [d for d in lesdagen(MON, date(2025, 9, 26)) if d.weekday() != 2]
    (signal,) = run(oa(days, 300), date(2025, 9, 26), timetable=timetable, rules=LRV)
    assert signal.arose_on == date(2025, 9, 26)


def test_without_timetable_an_unregistered_lesdag_counts_as_attended() -> None:
    days = lesdagen(MON, date(2025, 9, 26))
    assert len(run(oa(days, 60), date(2025, 9, 26), rules=LRV)) == 1
    gap = [d for d in days if d != date(2025, 9, 15)]
    assert run(oa(gap, 60), date(2025, 9, 26), rules=LRV) == []


def test_partial_oa_with_a_timetable_is_not_a_whole_day() -> None:
    days = lesdagen(MON, date(2025, 9, 26))
    assert run(oa(days, 200), date(2025, 9, 26), timetable=FULL, rules=LRV) == []


def test_one_signal_per_run() -> None:
    items = oa(lesdagen(MON, date(2025, 11, 28)), 300)
    assert len(run(items, date(2025, 11, 28), timetable=FULL, rules=LRV)) == 1
