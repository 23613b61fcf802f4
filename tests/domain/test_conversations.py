"""Seed 002: agreements checked weekly, the intervention evaluated after at most 6 weeks."""

from datetime import date

from verzuimdesk.domain.conversations import (
    QUESTIONS,
    check_problem,
    default_dates,
    next_check_after,
)
from verzuimdesk.domain.policy import Gesprekken

RULES = Gesprekken()
HELD = date(2025, 10, 1)


def test_the_questionnaire_of_bijlage_1() -> None:
    assert QUESTIONS[0].startswith("Wat maakt dat je verzuimt")
    assert len(QUESTIONS) == 8


def test_default_dates_are_a_week_and_six_weeks_out() -> None:
    assert default_dates(HELD, RULES) == (date(2025, 10, 8), date(2025, 11, 12))


def test_an_evaluation_later_than_six_weeks_is_refused() -> None:
    assert check_problem(HELD, date(2025, 10, 8), date(2025, 11, 12), RULES) is None
    problem = check_problem(HELD, date(2025, 10, 8), date(2025, 11, 13), RULES)
    assert problem is not None and "12-11-2025" in problem


def test_a_check_must_come_within_a_week() -> None:
    assert check_problem(HELD, date(2025, 10, 9), date(2025, 11, 1), RULES) is not None
    assert check_problem(HELD, HELD, date(2025, 11, 1), RULES) is not None


def test_checks_stop_when_the_evaluation_is_due() -> None:
    evaluate = date(2025, 10, 20)
    assert next_check_after(date(2025, 10, 8), evaluate, RULES) == date(2025, 10, 15)
    assert next_check_after(date(2025, 10, 15), evaluate, RULES) is None
