"""R-ZIEK-LANG, R-ZIEK-VAAK, R-ZIEK-30U, R-ZIEK-PATROON."""

from __future__ import annotations

from datetime import date, timedelta

from tests.domain.signals.helpers import lesdagen, run
from verzuimdesk.domain.signals.ziek import add_months

LATE = date(2026, 3, 31)


def sick(days: list[date], minutes: int = 300) -> list[tuple[date, str, int]]:
    return [(d, "Z", minutes) for d in days]


def test_vaak_third_episode_within_three_months() -> None:
    days = [date(2025, 9, 1), date(2025, 9, 2), date(2025, 9, 15), date(2025, 10, 1)]
    (signal,) = run(sick(days), LATE, rules=("R-ZIEK-VAAK",))
    assert signal.arose_on == date(2025, 10, 1)
    assert signal.window == (date(2025, 9, 1), date(2025, 10, 1))
    assert signal.count == 3
    assert signal.route is None and signal.deadline is None


def test_vaak_consecutive_sick_lesdagen_are_one_time() -> None:
    days = [date(2025, 9, 1), date(2025, 9, 2), date(2025, 9, 3), date(2025, 9, 10)]
    assert run(sick(days), LATE, rules=("R-ZIEK-VAAK",)) == []


def test_vaak_friday_and_monday_are_one_time_across_holidays_too() -> None:
    days = [date(2025, 10, 17), date(2025, 10, 27), date(2025, 11, 5)]  # herfstvakantie between
    assert run(sick(days), LATE, rules=("R-ZIEK-VAAK",)) == []


def test_vaak_three_calendar_months_is_exclusive() -> None:
    exact = [date(2025, 9, 1), date(2025, 10, 15), date(2025, 12, 1)]
    assert run(sick(exact), LATE, rules=("R-ZIEK-VAAK",)) == []
    inside = [date(2025, 9, 1), date(2025, 10, 15), date(2025, 11, 28)]
    assert [s.arose_on for s in run(sick(inside), LATE, rules=("R-ZIEK-VAAK",))] == [inside[2]]


def test_vaak_counting_restarts_after_a_signal() -> None:
    days = [date(2025, 9, d) for d in (1, 3, 5, 9, 11)]
    assert len(run(sick(days), LATE, rules=("R-ZIEK-VAAK",))) == 1


def test_add_months_clips_to_the_month_end() -> None:
    assert add_months(date(2025, 11, 30), 3) == date(2026, 2, 28)
    assert add_months(date(2025, 10, 15), 3) == date(2026, 1, 15)


def test_lang_more_than_two_weeks() -> None:
    assert (
        run(sick(lesdagen(date(2025, 9, 1), date(2025, 9, 12))), LATE, rules=("R-ZIEK-LANG",)) == []
    )
    (signal,) = run(
        sick(lesdagen(date(2025, 9, 1), date(2025, 9, 19))), LATE, rules=("R-ZIEK-LANG",)
    )
    assert signal.arose_on == date(2025, 9, 15)  # the 15th calendar day
    assert signal.count == 11
    assert signal.explanation.startswith("Langer dan 2 weken ziek, sinds 01-09-2025")


def test_30u_per_school_year() -> None:
    days = [date(2025, 9, 1), date(2025, 9, 8), date(2025, 9, 15), date(2025, 9, 22)]
    under = sick(days[:3], 500) + sick(days[3:], 299)  # 1799
    assert run(under, LATE, rules=("R-ZIEK-30U",)) == []
    (signal,) = run(sick(days[:3], 500) + sick(days[3:], 300), LATE, rules=("R-ZIEK-30U",))
    assert signal.arose_on == days[3] and signal.minutes == 1800
    assert signal.explanation.startswith("30 uur ziek gemeld in schooljaar 2025-2026")


def test_patroon_two_on_one_weekday_is_chance_three_is_a_pattern() -> None:
    # Mon 1 Sep, Wed 10 Sep, Mon 22 Sep, Thu 2 Oct: each its own report
    days = [date(2025, 9, 1), date(2025, 9, 10), date(2025, 9, 22)]
    assert run(sick(days), LATE, rules=("R-ZIEK-PATROON",)) == []
    # 2 of 4 on Monday: half, but only two (this was a signal before pattern_min_same_weekday)
    days.append(date(2025, 10, 2))
    assert run(sick(days), LATE, rules=("R-ZIEK-PATROON",)) == []
    (signal,) = run(sick([*days, date(2025, 10, 13)]), LATE, rules=("R-ZIEK-PATROON",))
    assert signal.arose_on == date(2025, 10, 13)
    assert signal.window == (date(2025, 9, 1), date(2025, 10, 13))
    assert signal.count == 3
    assert signal.explanation.startswith("3 van de 5 ziekmeldingen")
    assert "op maandag" in signal.explanation
    assert signal.route is None and signal.deadline is None


def test_patroon_three_on_one_weekday_needs_half_of_the_reports() -> None:
    # Mon, Tue, Wed, Thu, Fri, Mon, Mon: the third Monday is 3 of 7, less than half
    days = [
        date(2025, 9, 1),
        date(2025, 9, 9),
        date(2025, 9, 17),
        date(2025, 9, 25),
        date(2025, 10, 3),
        date(2025, 10, 13),
        date(2025, 11, 3),
    ]
    assert run(sick(days), LATE, rules=("R-ZIEK-PATROON",)) == []


def test_patroon_three_of_four_on_one_weekday() -> None:
    # Tue 2 Sep, Thu 11 Sep, Tue 16 Sep, Tue 30 Sep: 3 of 4 on Tuesday
    days = [date(2025, 9, 2), date(2025, 9, 11), date(2025, 9, 16), date(2025, 9, 30)]
    (signal,) = run(sick(days), LATE, rules=("R-ZIEK-PATROON",))
    assert signal.arose_on == date(2025, 9, 30) and signal.count == 3
    assert "op dinsdag" in signal.explanation


# one-day reports on spread weekdays (at most two on one weekday): no weekday pattern among them
SPREAD = [
    date(2025, 9, 1),  # Mon
    date(2025, 9, 9),  # Tue
    date(2025, 9, 17),  # Wed
    date(2025, 9, 25),  # Thu
    date(2025, 10, 3),  # Fri
    date(2025, 10, 13),  # Mon
    date(2025, 10, 28),  # Tue
]


def test_achteraf_two_afterwards_is_chance_three_is_a_pattern() -> None:
    late = [SPREAD[0], SPREAD[2]]
    # 2 of 3 afterwards: more than half, but two late calls happen to anyone
    assert run(sick(SPREAD[:3]), LATE, rules=("R-ZIEK-PATROON",), afterwards=late) == []
    (signal,) = run(
        sick(SPREAD[:4]), LATE, rules=("R-ZIEK-PATROON",), afterwards=[*late, SPREAD[3]]
    )
    assert signal.arose_on == SPREAD[3]
    assert signal.window == (SPREAD[0], SPREAD[3])
    assert signal.count == 3
    assert signal.explanation == (
        "3 van de 4 ziekmeldingen dit schooljaar kwamen pas achteraf binnen (01-09-2025, "
        "17-09-2025, 25-09-2025); bespreek dit patroon met de mentor"
    )
    assert signal.route is None and signal.deadline is None


def test_achteraf_needs_half_of_the_reports() -> None:
    # 4 in time, then 3 afterwards: 3 of 7 is less than half
    assert run(sick(SPREAD), LATE, rules=("R-ZIEK-PATROON",), afterwards=SPREAD[4:]) == []
    # 3 in time, then 3 afterwards: exactly half is enough
    (signal,) = run(sick(SPREAD[:6]), LATE, rules=("R-ZIEK-PATROON",), afterwards=SPREAD[3:6])
    assert signal.arose_on == SPREAD[5]
    assert signal.explanation.startswith("3 van de 6 ziekmeldingen dit schooljaar kwamen pas")


def test_achteraf_counts_the_first_day_of_a_report_only() -> None:
    # Mon-Tue, Tue-Wed, Wed-Thu: the desk enters a running report's later days day by day, so a
    # later day registered afterwards says nothing about when the school heard of the report
    firsts = [date(2025, 9, 1), date(2025, 9, 9), date(2025, 9, 17)]
    seconds = [d + timedelta(days=1) for d in firsts]
    items = sick(firsts + seconds)
    assert run(items, LATE, rules=("R-ZIEK-PATROON",), afterwards=seconds) == []
    (signal,) = run(items, LATE, rules=("R-ZIEK-PATROON",), afterwards=firsts)
    assert signal.arose_on == firsts[2] and signal.count == 3


def test_achteraf_counting_restarts_after_a_signal() -> None:
    # six reports, all afterwards: a signal on the 3rd; the 4th and 5th are two since then
    (first, second) = run(sick(SPREAD[:6]), LATE, rules=("R-ZIEK-PATROON",), afterwards=SPREAD)
    assert first.arose_on == SPREAD[2] and first.window == (SPREAD[0], SPREAD[2])
    assert second.arose_on == SPREAD[5] and second.window == (SPREAD[3], SPREAD[5])
    assert second.explanation.startswith("3 van de 3 ziekmeldingen")
    assert run(sick(SPREAD[:5]), LATE, rules=("R-ZIEK-PATROON",), afterwards=SPREAD) == [first]


def test_patroon_weekday_and_afterwards_on_one_report_make_one_signal() -> None:
    # Mon 1 Sep, Tue 9 Sep, Mon 15 Sep, Mon 22 Sep: 3 of 4 on Monday, and those 3 afterwards
    days = [date(2025, 9, 1), date(2025, 9, 9), date(2025, 9, 15), date(2025, 9, 22)]
    mondays = [days[0], days[2], days[3]]
    (signal,) = run(sick(days), LATE, rules=("R-ZIEK-PATROON",), afterwards=mondays)
    assert signal.arose_on == days[3] and signal.count == 3
    assert signal.explanation == (
        "3 van de 4 ziekmeldingen dit schooljaar begonnen op maandag, en 3 van de 4 "
        "ziekmeldingen dit schooljaar kwamen pas achteraf binnen (01-09-2025, 15-09-2025, "
        "22-09-2025); bespreek dit patroon met de mentor"
    )
