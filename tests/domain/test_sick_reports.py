"""R-ZIEK-1..4 at their edges."""

from __future__ import annotations

from datetime import date, datetime, time

import pytest

from tests.desk_helpers import calendar
from verzuimdesk.domain.policy import Ziekmelden
from verzuimdesk.domain.sick_reports import (
    Lesson,
    check_call_time,
    check_caller,
    check_recovery,
    entry_warnings,
    sick_lessons,
    sick_start,
)
from verzuimdesk.errors import ValidationError

STRICT = Ziekmelden(mode="mbo-utrecht", retroactive_allowed=False)
LAW = Ziekmelden(mode="wettelijk", retroactive_allowed=True, late_report_days=2)
WED = date(2025, 10, 1)


def at(day: date, hh: int, mm: int) -> datetime:
    return datetime.combine(day, time(hh, mm))


def test_call_at_0829_counts_the_whole_day() -> None:
    assert sick_start(at(WED, 8, 29), STRICT, calendar()) == datetime.combine(WED, time.min)


def test_call_at_0830_counts_from_the_call() -> None:
    assert sick_start(at(WED, 8, 30), STRICT, calendar()) == at(WED, 8, 30)


def test_strict_policy_refuses_a_retroactive_report() -> None:
    with pytest.raises(ValidationError, match=r"terugwerkende kracht.*ongeoorloofd"):
        sick_start(at(WED, 8, 0), STRICT, calendar(), sick_since=date(2025, 9, 30))


def test_law_allows_two_lesdagen_late() -> None:
    start = sick_start(at(WED, 9, 0), LAW, calendar(), sick_since=date(2025, 9, 29))
    assert start == datetime(2025, 9, 29)


def test_law_refuses_three_lesdagen_late() -> None:
    with pytest.raises(ValidationError, match="hooguit 2 lesdagen"):
        sick_start(at(WED, 9, 0), LAW, calendar(), sick_since=date(2025, 9, 26))


def test_law_counts_lesdagen_so_a_weekend_does_not_use_up_the_days() -> None:
    # Friday's illness reported on Tuesday: Friday and Monday are the two late lesdagen
    monday_call = at(date(2025, 9, 30), 8, 0)
    assert sick_start(monday_call, LAW, calendar(), sick_since=date(2025, 9, 26)) == datetime(
        2025, 9, 26
    )


def test_a_report_ahead_of_time_is_refused() -> None:
    with pytest.raises(ValidationError, match="niet vooruit"):
        sick_start(at(WED, 8, 0), LAW, calendar(), sick_since=date(2025, 10, 2))


def test_call_in_the_future_is_refused() -> None:
    with pytest.raises(ValidationError, match="toekomst"):
        check_call_time(at(WED, 9, 1), at(WED, 9, 0))


def test_caller_needs_a_name_unless_it_is_the_student() -> None:
    check_caller("leerling", "")
    with pytest.raises(ValidationError, match="naam van de beller"):
        check_caller("ouder", " ")


def test_entry_warnings_after_the_cut_offs() -> None:
    assert entry_warnings(at(WED, 8, 29), at(WED, 10, 0), STRICT) == []
    warnings = entry_warnings(at(WED, 8, 30), at(WED, 10, 1), STRICT)
    assert len(warnings) == 2


def test_retroactive_recovery_is_refused_and_the_call_time_is_fine() -> None:
    check_recovery(at(WED, 0, 0), at(WED, 12, 0), at(WED, 12, 0))
    with pytest.raises(ValidationError, match="terugwerkende kracht beter"):
        check_recovery(at(WED, 0, 0), at(WED, 12, 0), at(WED, 11, 59))


def test_lessons_running_at_a_late_call_are_not_covered() -> None:
    lessons = [Lesson(WED, time(9, 20), time(10, 10)), Lesson(WED, time(10, 30), time(11, 20))]
    assert sick_lessons(lessons, at(WED, 9, 30), None) == lessons[1:]
    # a lesson that began before the beter-melding is still covered; a later one is not
    assert sick_lessons(lessons, at(WED, 0, 0), at(WED, 10, 30)) == lessons[:1]
