"""The school calendar at its edges (R-CAL-1, R-CAL-2, R-CAL-3), on the shipped calendars and on
small hand-made ones."""

from __future__ import annotations

from datetime import date, timedelta
from itertools import pairwise

import pytest
from hypothesis import given
from hypothesis import strategies as st

from verzuimdesk.domain.calendar import (
    CalendarPeriod,
    PeriodKind,
    SchoolCalendar,
    monday_of,
)
from verzuimdesk.services.school import REGIONS, shipped_calendar_periods

SCHOOLJAAR = PeriodKind.SCHOOLJAAR
VAKANTIE = PeriodKind.VAKANTIE
FEESTDAG = PeriodKind.FEESTDAG
STUDIEDAG = PeriodKind.STUDIEDAG


@pytest.fixture(scope="module")
def midden() -> SchoolCalendar:
    """Region midden: 2025-09-01 .. 2026-07-17 and 2026-08-31 .. 2027-07-16."""
    return SchoolCalendar(shipped_calendar_periods("midden"))


def calendar(*periods: tuple[str, str, PeriodKind, str]) -> SchoolCalendar:
    return SchoolCalendar(
        [
            CalendarPeriod(date.fromisoformat(a), date.fromisoformat(b), kind, name)
            for a, b, kind, name in periods
        ]
    )


def weekdays(start: date, end: date) -> list[date]:
    days = [start + timedelta(days=i) for i in range((end - start).days + 1)]
    return [d for d in days if d.weekday() < 5]


# -- R-CAL-1: lesdagen and lesweken -------------------------------------------------------------


def test_a_school_holiday_week_is_no_lesweek(midden: SchoolCalendar) -> None:
    herfst_monday = date(2025, 10, 20)
    assert not midden.is_lesweek(herfst_monday)
    assert midden.lesweek_index(herfst_monday) is None
    assert midden.lesdagen(date(2025, 10, 18), date(2025, 10, 26)) == []
    assert midden.why_no_lessons(date(2025, 10, 22)) == "Herfstvakantie"
    assert midden.is_lesweek(date(2025, 10, 17))
    assert midden.is_lesweek(date(2025, 10, 27))


def test_a_week_with_one_lesdag_is_a_lesweek() -> None:
    cal = calendar(
        ("2025-09-01", "2026-07-17", SCHOOLJAAR, "2025-2026"),
        ("2025-10-18", "2025-10-23", VAKANTIE, "Herfstvakantie tot en met donderdag"),
    )
    monday = date(2025, 10, 20)
    assert cal.lesdagen(monday, monday + timedelta(days=6)) == [date(2025, 10, 24)]
    assert cal.is_lesweek(monday)
    assert cal.lesweek_index(monday) == cal.lesweek_index(date(2025, 10, 13)) + 1
    # and it counts as one of the 4 lesweken: the week is not skipped
    assert cal.add_lesweken(date(2025, 10, 13), 1) == date(2025, 10, 20)


def test_public_holidays_are_no_lesdag_and_no_werkdag(midden: SchoolCalendar) -> None:
    for day in (date(2026, 4, 3), date(2026, 4, 6), date(2026, 5, 14), date(2026, 5, 25)):
        assert not midden.is_lesdag(day), day
        assert not midden.is_werkdag(day), day
    assert midden.why_no_lessons(date(2026, 5, 14)) == "Hemelvaartsdag"
    # Hemelvaart week still has four lesdagen
    assert len(midden.lesdagen(date(2026, 5, 11), date(2026, 5, 17))) == 4


def test_school_holidays_are_werkdagen(midden: SchoolCalendar) -> None:
    for day in weekdays(date(2025, 10, 20), date(2025, 10, 24)):
        assert not midden.is_lesdag(day)
        assert midden.is_werkdag(day)
    # the Dutch public holidays inside a holiday are still no werkdag
    assert not midden.is_werkdag(date(2025, 12, 25))
    assert not midden.is_werkdag(date(2026, 1, 1))
    assert midden.is_werkdag(date(2025, 12, 24))


def test_weekends_are_neither(midden: SchoolCalendar) -> None:
    saturday = date(2025, 11, 8)
    assert not midden.is_lesdag(saturday)
    assert not midden.is_werkdag(saturday)
    assert midden.why_no_lessons(saturday) == "weekend"


def test_studiedag_is_no_lesdag_but_a_werkdag() -> None:
    cal = calendar(
        ("2025-09-01", "2026-07-17", SCHOOLJAAR, "2025-2026"),
        ("2025-11-12", "2025-11-12", STUDIEDAG, "Studiedag team"),
    )
    day = date(2025, 11, 12)
    assert not cal.is_lesdag(day)
    assert cal.is_werkdag(day)
    assert cal.why_no_lessons(day) == "Studiedag team"
    assert cal.add_werkdagen(date(2025, 11, 11), 1) == day


def test_feestdag_from_the_school_calendar_is_no_werkdag() -> None:
    # Bevrijdingsdag 2026 is no public holiday in the holidays package (no lustrum year) …
    plain = calendar(("2025-09-01", "2026-07-17", SCHOOLJAAR, "2025-2026"))
    bevrijdingsdag = date(2026, 5, 5)
    assert plain.is_lesdag(bevrijdingsdag)
    assert plain.is_werkdag(bevrijdingsdag)
    # … but a school that lists it as feestdag gets neither lessons nor a werkdag
    cal = calendar(
        ("2025-09-01", "2026-07-17", SCHOOLJAAR, "2025-2026"),
        ("2026-05-05", "2026-05-05", FEESTDAG, "Bevrijdingsdag"),
    )
    assert not cal.is_lesdag(bevrijdingsdag)
    assert not cal.is_werkdag(bevrijdingsdag)
    assert cal.add_werkdagen(date(2026, 5, 4), 1) == date(2026, 5, 6)


def test_bevrijdingsdag_counts_in_a_lustrum_year_only() -> None:
    cal = calendar(("2024-08-26", "2025-07-11", SCHOOLJAAR, "2024-2025"))
    assert not cal.is_werkdag(date(2025, 5, 5))
    assert not cal.is_lesdag(date(2025, 5, 5))


def test_explicit_public_holidays_replace_the_dutch_list() -> None:
    cal = SchoolCalendar(
        [CalendarPeriod(date(2025, 9, 1), date(2026, 7, 17), SCHOOLJAAR)],
        public_holidays={date(2025, 11, 3): "Eigen feestdag"},
    )
    assert not cal.is_werkdag(date(2025, 11, 3))
    assert not cal.is_lesdag(date(2025, 11, 3))
    assert cal.is_werkdag(date(2025, 12, 25))  # the Dutch list is not consulted


# -- R-CAL-2: counting in lesweken --------------------------------------------------------------


def test_add_lesweken_skips_holiday_weeks(midden: SchoolCalendar) -> None:
    # R-16U period from Monday 6 October: the herfstvakantie lengthens it by a week
    assert midden.add_lesweken(date(2025, 10, 6), 4) == date(2025, 11, 10)
    assert midden.add_lesweken(date(2025, 10, 15), 1) == date(2025, 10, 29)
    # two weeks of kerstvakantie
    assert midden.add_lesweken(date(2025, 12, 17), 1) == date(2026, 1, 7)
    # the summer between two school years
    assert midden.add_lesweken(date(2026, 7, 13), 1) == date(2026, 8, 31)
    assert midden.add_lesweken(date(2026, 8, 31), -1) == date(2026, 7, 13)


def test_add_lesweken_from_a_holiday_week(midden: SchoolCalendar) -> None:
    herfst_wednesday = date(2025, 10, 22)
    assert midden.add_lesweken(herfst_wednesday, 1) == date(2025, 10, 29)
    assert midden.add_lesweken(herfst_wednesday, -1) == date(2025, 10, 15)
    assert midden.add_lesweken(herfst_wednesday, 0) == herfst_wednesday


def test_add_lesweken_outside_the_known_years_counts_calendar_weeks(
    midden: SchoolCalendar,
) -> None:
    last = midden.lesweek_mondays()[-1]
    assert last == date(2028, 7, 3)
    assert midden.add_lesweken(last, 2) == date(2028, 7, 17)
    assert midden.add_lesweken(date(2028, 8, 7), 1) == date(2028, 8, 14)
    first = midden.lesweek_mondays()[0]
    assert first == date(2025, 9, 1)
    assert midden.add_lesweken(date(2025, 8, 11), 3) == first
    assert midden.add_lesweken(date(2025, 8, 11), -1) == date(2025, 8, 4)


def test_lesweken_between(midden: SchoolCalendar) -> None:
    weeks = midden.lesweken_between(date(2025, 12, 17), date(2026, 1, 7))
    assert weeks == [date(2025, 12, 15), date(2026, 1, 5)]
    assert midden.lesweken_between(date(2025, 10, 20), date(2025, 10, 26)) == []
    # the Saturday before the herfstvakantie still belongs to the lesweek before it
    assert midden.lesweken_between(date(2025, 10, 18), date(2025, 10, 26)) == [date(2025, 10, 13)]


@given(
    st.dates(min_value=date(2025, 9, 1), max_value=date(2027, 7, 16)),
    st.integers(min_value=-30, max_value=30),
)
def test_add_lesweken_moves_count_lesweken(start: date, count: int) -> None:
    cal = SchoolCalendar(shipped_calendar_periods("midden"))
    if not cal.is_lesweek(start):
        start = cal.add_lesweken(start, 1)
    end = cal.add_lesweken(start, count)
    assert end.weekday() == start.weekday()
    start_index = cal.lesweek_index(start)
    end_index = cal.lesweek_index(end)
    assert start_index is not None
    if end_index is not None:
        assert end_index - start_index == count


# -- R-CAL-3: werkdagen for deadlines -----------------------------------------------------------


def test_add_werkdagen_over_kerst(midden: SchoolCalendar) -> None:
    # 25, 26 December and 1 January are skipped; the holiday weekdays count
    assert midden.add_werkdagen(date(2025, 12, 23), 5) == date(2026, 1, 2)


def test_add_werkdagen_over_pasen(midden: SchoolCalendar) -> None:
    # Goede Vrijdag 3 April and Tweede Paasdag 6 April 2026
    assert midden.add_werkdagen(date(2026, 4, 2), 2) == date(2026, 4, 8)


def test_add_werkdagen_over_koningsdag(midden: SchoolCalendar) -> None:
    # Koningsdag falls in the meivakantie: the holiday still has werkdagen around it
    assert midden.add_werkdagen(date(2026, 4, 24), 1) == date(2026, 4, 28)
    assert midden.add_werkdagen(date(2027, 4, 26), 1) == date(2027, 4, 28)


def test_add_werkdagen_past_the_known_years() -> None:
    cal = calendar(("2025-09-01", "2026-07-17", SCHOOLJAAR, "2025-2026"))
    # Kerst 2027 is outside every period, yet its public holidays still count
    assert cal.add_werkdagen(date(2027, 12, 23), 2) == date(2027, 12, 27)


def test_add_werkdagen_zero_and_negative(midden: SchoolCalendar) -> None:
    saturday = date(2025, 11, 8)
    assert midden.add_werkdagen(saturday, 0) == saturday
    with pytest.raises(ValueError):
        midden.add_werkdagen(saturday, -1)


@given(
    st.dates(min_value=date(2025, 8, 1), max_value=date(2027, 12, 31)),
    st.integers(min_value=1, max_value=40),
)
def test_add_werkdagen_lands_on_the_count_th_werkdag(start: date, count: int) -> None:
    cal = SchoolCalendar(shipped_calendar_periods("zuid"))
    end = cal.add_werkdagen(start, count)
    assert cal.is_werkdag(end)
    between = [start + timedelta(days=i) for i in range(1, (end - start).days + 1)]
    assert sum(cal.is_werkdag(d) for d in between) == count


# -- school years -------------------------------------------------------------------------------


def test_school_year_edges(midden: SchoolCalendar) -> None:
    assert midden.is_lesdag(date(2025, 9, 1))
    assert not midden.is_lesdag(date(2025, 8, 29))
    assert midden.is_lesdag(date(2026, 7, 17))
    assert not midden.is_lesdag(date(2026, 7, 20))
    assert midden.why_no_lessons(date(2026, 7, 20)) == "Zomervakantie"
    assert midden.is_lesdag(date(2026, 8, 31))
    assert midden.school_year_of(date(2026, 7, 17)) == (date(2025, 9, 1), date(2026, 7, 17))
    assert midden.school_year_of(date(2026, 8, 31)) == (date(2026, 8, 31), date(2027, 7, 16))
    # the summer holiday: the legal school year (1 August .. 31 July)
    assert midden.school_year_of(date(2026, 7, 25)) == (date(2025, 8, 1), date(2026, 7, 31))
    assert midden.school_year_label(date(2026, 7, 25)) == "2025-2026"
    assert midden.school_year_label(date(2026, 8, 10)) == "2026-2027"


def test_no_lesdagen_outside_the_known_years(midden: SchoolCalendar) -> None:
    assert midden.lesdagen(date(2028, 7, 8), date(2028, 12, 31)) == []
    assert not midden.is_lesdag(date(2028, 9, 4))
    assert midden.why_no_lessons(date(2028, 9, 4)) == "buiten het schooljaar"
    # the zomervakantie between two known years is not a school year either
    assert not midden.is_lesdag(date(2027, 8, 2))
    assert midden.span == (date(2025, 9, 1), date(2028, 7, 7))


def test_first_lesdagen_of_year(midden: SchoolCalendar) -> None:
    assert midden.first_lesdagen_of_year(date(2025, 10, 1), 1) == [date(2025, 9, 1)]
    # from the summer before the year, and from inside it
    expected = [date(2026, 8, 31), date(2026, 9, 1), date(2026, 9, 2)]
    assert midden.first_lesdagen_of_year(date(2026, 8, 10), 3) == expected
    assert midden.first_lesdagen_of_year(date(2027, 3, 1), 3) == expected


def test_first_lesdagen_skip_a_holiday_at_the_start() -> None:
    cal = calendar(
        ("2025-09-01", "2026-07-17", SCHOOLJAAR, "2025-2026"),
        ("2025-09-01", "2025-09-02", STUDIEDAG, "Introductiedagen team"),
    )
    assert cal.first_lesdagen_of_year(date(2025, 9, 10), 2) == [
        date(2025, 9, 3),
        date(2025, 9, 4),
    ]


def test_without_a_school_year_every_other_weekday_is_a_lesdag() -> None:
    cal = calendar(("2026-02-14", "2026-02-22", VAKANTIE, "Voorjaarsvakantie"))
    assert cal.is_lesdag(date(2026, 2, 13))
    assert not cal.is_lesdag(date(2026, 2, 16))
    assert not cal.is_lesdag(date(2026, 1, 1))
    assert cal.span == (date(2026, 1, 1), date(2026, 12, 31))


def test_an_empty_calendar_counts_calendar_weeks() -> None:
    cal = SchoolCalendar([], public_holidays={})
    assert cal.span is None
    assert cal.lesweek_mondays() == []
    assert cal.add_lesweken(date(2026, 3, 4), 2) == date(2026, 3, 18)
    assert cal.add_werkdagen(date(2026, 3, 6), 1) == date(2026, 3, 9)


# -- the shipped calendars ----------------------------------------------------------------------


@pytest.mark.parametrize("region", REGIONS)
def test_shipped_calendar_loads(region: str) -> None:
    periods = shipped_calendar_periods(region)
    cal = SchoolCalendar(periods)
    years = [p for p in periods if p.kind is SCHOOLJAAR]
    assert [y.start.year for y in years] == [2025, 2026, 2027]
    for year in years:
        # the Monday after the zomervakantie up to the Friday before the next one
        assert year.start.weekday() == 0
        assert year.end.weekday() == 4
        lesdagen = cal.lesdagen(year.start, year.end)
        assert lesdagen[0] == year.start
        assert lesdagen[-1] == year.end
        # 52 weeks minus 6 summer and 5 other holiday weeks, minus the public holidays; the
        # distance between two summers moves it a week either way
        assert 185 <= len(lesdagen) <= 215, (region, year.name, len(lesdagen))
        lesweken = [m for m in cal.lesweek_mondays() if year.start <= m <= year.end]
        assert 37 <= len(lesweken) <= 43
        names = {
            p.name for p in periods if p.kind is VAKANTIE and year.start <= p.start <= year.end
        }
        assert {"Herfstvakantie", "Kerstvakantie", "Voorjaarsvakantie", "Meivakantie"} <= names


@pytest.mark.parametrize("region", REGIONS)
def test_shipped_holidays_run_saturday_to_sunday_without_overlap(region: str) -> None:
    holidays = sorted(
        (p for p in shipped_calendar_periods(region) if p.kind is VAKANTIE),
        key=lambda p: p.start,
    )
    for holiday in holidays:
        assert holiday.start.weekday() == 5, holiday
        assert holiday.end.weekday() == 6, holiday
        weeks = 6 if holiday.name == "Zomervakantie" else (2 if "Kerst" in holiday.name else 1)
        assert (holiday.end - holiday.start).days + 1 == 7 * weeks + 2, holiday
    for before, after in pairwise(holidays):
        assert before.end < after.start


@pytest.mark.parametrize("region", REGIONS)
def test_shipped_feestdagen_fall_on_lesdag_weekdays(region: str) -> None:
    periods = shipped_calendar_periods(region)
    without = SchoolCalendar([p for p in periods if p.kind is not FEESTDAG], public_holidays={})
    cal = SchoolCalendar(periods)
    for feestdag in (p for p in periods if p.kind is FEESTDAG):
        assert feestdag.start == feestdag.end
        assert without.is_lesdag(feestdag.start), feestdag  # in term, on a weekday
        assert feestdag.start in cal.public_holidays, feestdag  # and a real public holiday
        assert not cal.is_werkdag(feestdag.start)


def test_regions_differ_in_summer() -> None:
    starts = {
        region: min(
            p.start
            for p in shipped_calendar_periods(region)
            if p.kind is SCHOOLJAAR and p.start.year == 2026
        )
        for region in REGIONS
    }
    assert len(set(starts.values())) == 3
    assert all(monday_of(day) == day for day in starts.values())
