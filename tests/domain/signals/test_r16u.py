"""R-16U, R-HERHAAL, R-MELD-END at their edges (docs/rules.md names each test)."""

from __future__ import annotations

from datetime import date

import pytest

from tests.domain.signals.helpers import lesdagen, oa, run, student
from verzuimdesk.domain.route import Route
from verzuimdesk.domain.signals import ReportFact, RuleId

MON = date(2025, 9, 1)  # Monday of ISO week 36, a plain lesweek
TUE = date(2025, 9, 2)
LATE = date(2025, 10, 10)
R16 = ("R-16U", "R-HERHAAL")


@pytest.mark.parametrize(("second_day", "expected"), [(479, 0), (480, 1), (600, 1)])
def test_threshold_is_at_least_16_hours(second_day: int, expected: int) -> None:
    found = run([(MON, "OA", 480), (TUE, "OA", second_day)], LATE, rules=R16)
    assert len(found) == expected
    if expected:
        (signal,) = found
        assert signal.rule is RuleId.R16U
        assert signal.arose_on == TUE
        assert signal.window == (MON, TUE)
        assert signal.minutes == 480 + second_day


def test_fifty_minute_lessons_19_is_not_enough_20_is() -> None:
    week = lesdagen(MON, date(2025, 9, 5))
    lessons = [(day, "OA", 50) for day in week[:4] for _ in range(5)]  # 20 lessons Mon-Thu
    assert run(lessons[:19], LATE, rules=R16) == []
    (signal,) = run(lessons, LATE, rules=R16)
    assert signal.arose_on == date(2025, 9, 4)
    assert signal.minutes == 1000 and signal.hours == 16.67
    assert signal.explanation == (
        "16 uur en 40 minuten ongeoorloofd verzuim in lesweek 36; melden bij leerplicht "
        "Utrecht uiterlijk 11-09-2025"
    )


def test_window_runs_up_to_not_including_the_same_weekday_four_lesweken_later() -> None:
    assert run(oa([MON, date(2025, 9, 29)], 480), LATE, rules=R16) == []
    (signal,) = run(oa([MON, date(2025, 9, 26)], 480), LATE, rules=R16)
    assert signal.window == (MON, date(2025, 9, 26))


def test_holiday_week_inside_the_window_lengthens_it() -> None:
    # herfstvakantie (week 43) is no lesweek: from Mon 13 Oct the period runs to Mon 17 Nov
    (signal,) = run(oa([date(2025, 10, 13), date(2025, 11, 10)], 480), date(2025, 12, 1), rules=R16)
    assert signal.arose_on == date(2025, 11, 10)
    assert signal.explanation.startswith(
        "16 uur ongeoorloofd verzuim in de lesweken 42 tot en met 46"
    )
    assert (
        run(oa([date(2025, 10, 13), date(2025, 11, 17)], 480), date(2025, 12, 1), rules=R16) == []
    )


@pytest.mark.parametrize(
    ("days", "deadline"),
    [
        # Kerst: 25 and 26 December are no werkdagen, the kerstvakantie days are
        ((date(2025, 12, 18), date(2025, 12, 19)), date(2025, 12, 30)),
        # Pasen: Goede Vrijdag and Tweede Paasdag are public holidays in the NL list
        ((date(2026, 3, 31), date(2026, 4, 1)), date(2026, 4, 10)),
        # Koningsdag (Monday 27 April 2026) falls in the meivakantie; only it is skipped
        ((date(2026, 4, 22), date(2026, 4, 23)), date(2026, 5, 1)),
    ],
)
def test_deadline_is_five_werkdagen_over_public_holidays(
    days: tuple[date, date], deadline: date
) -> None:
    (signal,) = run(oa(days, 480), date(2026, 6, 1), rules=R16)
    assert signal.arose_on == days[1]
    assert signal.deadline == deadline


@pytest.mark.parametrize(
    ("birth", "sk", "route"),
    [
        (date(2007, 9, 2), False, Route.LEERPLICHT),  # turns 18 the day after the start
        (date(2007, 9, 1), False, Route.RMC),  # 18 on the start date itself
        (date(2002, 9, 2), False, Route.RMC),  # 22
        (date(2002, 9, 1), False, Route.NIET_MELDBAAR),  # 23 on the start date itself
        (date(2009, 1, 1), True, Route.NIET_MELDBAAR),  # startkwalificatie
        (date(2009, 1, 1), None, Route.LEERPLICHT),  # unknown startkwalificatie: none
    ],
)
def test_route_by_age_on_the_window_start(birth: date, sk: bool | None, route: Route) -> None:
    (signal,) = run(oa([MON, TUE], 480), LATE, who=student(birth, sk=sk), rules=R16)
    assert signal.route is route
    if route is Route.NIET_MELDBAAR:
        assert signal.deadline is None
        assert "niet meldbaar bij DUO" in signal.explanation
    else:
        assert signal.deadline == date(2025, 9, 9)


def test_rmc_explanation_names_the_woongemeente() -> None:
    (signal,) = run(oa([MON, TUE], 480), LATE, who=student(date(2005, 1, 1)), rules=R16)
    assert signal.explanation.endswith("melden bij het RMC voor Utrecht uiterlijk 09-09-2025")


def test_continuous_absence_gives_a_report_then_weekly_repeats() -> None:
    days = lesdagen(MON, date(2025, 9, 19))
    found = run(oa(days, 480), date(2025, 9, 19), rules=R16)
    assert [(s.rule.value, s.arose_on, s.window, s.minutes) for s in found] == [
        ("R-16U", TUE, (MON, TUE), 960),
        ("R-HERHAAL", date(2025, 9, 9), (date(2025, 9, 3), date(2025, 9, 9)), 2400),
        ("R-HERHAAL", date(2025, 9, 16), (date(2025, 9, 10), date(2025, 9, 16)), 2400),
    ]


def test_recorded_report_restarts_counting_after_its_einddatum() -> None:
    days = lesdagen(MON, date(2025, 9, 19))
    report = ReportFact("16u", MON, date(2025, 9, 5))
    found = run(oa(days, 480), date(2025, 9, 19), reports=[report], rules=R16)
    # the engine's own first signal stays (the report covers it); the repeat counts from 8 Sep
    assert [(s.rule.value, s.arose_on, s.window) for s in found] == [
        ("R-16U", TUE, (MON, TUE)),
        ("R-HERHAAL", date(2025, 9, 12), (date(2025, 9, 8), date(2025, 9, 12))),
        ("R-HERHAAL", date(2025, 9, 19), (date(2025, 9, 15), date(2025, 9, 19))),
    ]


def test_repeat_not_within_seven_days_of_the_report() -> None:
    # 16 hours right after the report's einddatum, then back at school
    report = ReportFact("16u", MON, TUE)
    found = run(oa([date(2025, 9, 3), date(2025, 9, 4)], 480), LATE, reports=[report], rules=R16)
    (signal,) = found
    assert signal.rule is RuleId.HERHAAL
    assert signal.arose_on == date(2025, 9, 9)  # einddatum + 7 calendar days
    assert signal.window == (date(2025, 9, 3), date(2025, 9, 4))
    assert signal.minutes == 960
    assert signal.deadline == date(2025, 9, 16)


def test_hours_on_or_before_the_einddatum_do_not_count_again() -> None:
    items = [(MON, "OA", 480), (TUE, "OA", 240), (date(2025, 9, 3), "OA", 480)]
    early = ReportFact("16u", MON, TUE)  # reported before 16 hours ("eerder melden")
    assert run(items, LATE, reports=[early], rules=R16) == []


def test_open_lrv_report_stops_the_repeats() -> None:
    days = lesdagen(MON, date(2025, 9, 19))
    lrv = ReportFact("lrv", date(2025, 9, 3), None)
    found = run(oa(days, 480), date(2025, 9, 19), reports=[lrv], rules=R16)
    assert [s.arose_on for s in found] == [TUE]


def test_first_report_of_a_new_school_year_is_r16u_again() -> None:
    last_year = ReportFact("herhaal", date(2025, 6, 2), date(2025, 6, 6))
    (signal,) = run(oa([MON, TUE], 480), LATE, reports=[last_year], rules=R16)
    assert signal.rule is RuleId.R16U


def test_geoorloofd_and_present_registrations_do_not_count() -> None:
    items = [(MON, "OA", 480), (TUE, "Z", 480), (TUE, "V", 480), (TUE, "A", 480)]
    assert run(items, LATE, rules=R16) == []


def test_nothing_after_the_date_asked_about() -> None:
    assert run(oa([MON, TUE], 480), MON, rules=R16) == []
    (signal,) = run(oa([MON, TUE], 480), TUE, rules=R16)
    assert signal.arose_on == TUE


def test_registrations_outside_the_enrolment_do_not_count() -> None:
    who = student(enrolled_from=TUE)
    assert run(oa([MON, TUE], 480), LATE, who=who, rules=R16) == []
