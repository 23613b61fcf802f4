"""The report rules of domain/attendance.py at their edges."""

from __future__ import annotations

from datetime import date

import pytest

from verzuimdesk.domain.attendance import (
    DayFact,
    LessonAbsence,
    Tier,
    attendance_percent,
    class_patterns,
    compare_words,
    enrolled_span,
    improbable_presence_days,
    lesdagen_per_weekday,
    planned_minutes,
    previous_period,
    same_period_last_year,
    tier_of,
)
from verzuimdesk.domain.calendar import CalendarPeriod, PeriodKind, SchoolCalendar
from verzuimdesk.domain.policy import Rapportage

CALENDAR = SchoolCalendar(
    [
        CalendarPeriod(date(2025, 9, 1), date(2026, 7, 17), PeriodKind.SCHOOLJAAR),
        CalendarPeriod(date(2025, 10, 18), date(2025, 10, 26), PeriodKind.VAKANTIE, "herfst"),
    ],
    public_holidays={},
)
RULES = Rapportage()


@pytest.mark.parametrize(
    ("percent", "tier"),
    [
        (100.0, Tier.OP_KOERS),
        (95.0, Tier.OP_KOERS),
        (94.9, Tier.AANDACHT),
        (90.0, Tier.AANDACHT),
        (89.9, Tier.INTENSIEF),
        (0.0, Tier.INTENSIEF),
        (None, None),
    ],
)
def test_tier_limits_are_inclusive_lower_bounds(percent: float | None, tier: Tier | None) -> None:
    assert tier_of(percent, RULES) == tier


def test_percent_of_planned_time() -> None:
    assert attendance_percent(3000, 400) == 86.7
    assert attendance_percent(0, 0) is None
    assert attendance_percent(100, 150) == 0.0  # never below zero


def test_holidays_are_no_lesdagen_and_part_time_counts_own_days() -> None:
    counts = lesdagen_per_weekday(CALENDAR, date(2025, 10, 13), date(2025, 10, 31))
    assert counts == (2, 2, 2, 2, 2)  # the herfstvakantie week is left out
    # Monday-only timetable of 150 minutes, 480 minutes of BPV registered on a Tuesday
    assert planned_minutes(counts, {0: 150}, {1: 480}, 0) == 780
    # a vrijstelling of 50 minutes takes lesson time off the plan
    assert planned_minutes(counts, {0: 150}, {}, 50) == 250


def test_enrolment_clips_the_period() -> None:
    assert enrolled_span(date(2025, 10, 1), date(2025, 10, 31), date(2025, 10, 27), None) == (
        date(2025, 10, 27),
        date(2025, 10, 31),
    )
    assert enrolled_span(date(2025, 10, 1), date(2025, 10, 31), None, date(2025, 9, 30)) is None


def _absent(start: date, end: date) -> dict[date, DayFact]:
    return {d: DayFact(300, 0) for d in CALENDAR.lesdagen(start, end)}


def test_presence_after_four_lesweken_of_only_oa_is_improbable() -> None:
    days = _absent(date(2025, 9, 1), date(2025, 10, 10))
    days[date(2025, 10, 13)] = DayFact(250, 1)
    found = improbable_presence_days(
        days, CALENDAR, {w: 300 for w in range(5)}, 4, date(2025, 10, 13), date(2025, 10, 17)
    )
    assert found == [(date(2025, 10, 13), date(2025, 9, 15))]


def test_one_attended_lesson_in_the_stretch_breaks_it() -> None:
    days = _absent(date(2025, 9, 1), date(2025, 10, 10))
    days[date(2025, 9, 24)] = DayFact(250, 0)  # one lesson without registration: attended
    days[date(2025, 10, 13)] = DayFact(250, 1)
    assert not improbable_presence_days(
        days, CALENDAR, {w: 300 for w in range(5)}, 4, date(2025, 10, 13), date(2025, 10, 17)
    )


def test_three_weeks_is_not_enough_and_the_holiday_week_does_not_count() -> None:
    days = _absent(date(2025, 9, 22), date(2025, 10, 10))  # three lesweken
    days[date(2025, 10, 13)] = DayFact(0, 1)
    assert not improbable_presence_days(
        days, CALENDAR, {w: 300 for w in range(5)}, 4, date(2025, 10, 13), date(2025, 10, 17)
    )
    # after the holiday: 4 lesweken back from 27 October skips the holiday week
    days = _absent(date(2025, 9, 29), date(2025, 10, 17))
    days[date(2025, 10, 27)] = DayFact(0, 1)
    found = improbable_presence_days(
        days, CALENDAR, {w: 300 for w in range(5)}, 3, date(2025, 10, 27), date(2025, 10, 31)
    )
    assert found == [(date(2025, 10, 27), date(2025, 9, 29))]


def test_a_class_pattern_needs_share_factor_and_count() -> None:
    lessons = [LessonAbsence(0, "08:30", "NE", "x", 25, 10)] + [
        LessonAbsence(d, "09:20", "EN", "y", 25, 1) for d in range(5)
    ]
    assert [p.begin for p in class_patterns(lessons, RULES)] == ["08:30"]
    few = [LessonAbsence(0, "08:30", "NE", "x", 3, 2), LessonAbsence(1, "08:30", "NE", "x", 3, 0)]
    assert class_patterns(few, RULES) == []  # two student-lessons: no class pattern


def test_periods_to_compare() -> None:
    assert previous_period(date(2026, 3, 1), date(2026, 3, 31)) == (
        date(2026, 2, 1),
        date(2026, 2, 28),
    )
    assert previous_period(date(2026, 3, 9), date(2026, 3, 13)) == (
        date(2026, 3, 4),
        date(2026, 3, 8),
    )
    assert same_period_last_year(date(2024, 2, 29), date(2024, 3, 31)) == (
        date(2023, 2, 28),
        date(2023, 3, 31),
    )
    assert compare_words(92.0, 90.0) == "beter"
    assert compare_words(90.5, 90.0) == "ongeveer gelijk"


def test_the_first_weeks_of_the_school_year_are_not_enough() -> None:
    days = _absent(date(2025, 9, 1), date(2025, 9, 1))
    days[date(2025, 9, 2)] = DayFact(0, 1)
    assert not improbable_presence_days(
        days, CALENDAR, {w: 300 for w in range(5)}, 4, date(2025, 9, 1), date(2025, 9, 30)
    )
