"""R-OUDERS and R-18: parents of minors always; of 18+ only per the student's choice or policy."""

from datetime import date

import pytest

from verzuimdesk.domain.consent import consent_status, eighteenth_birthday, parents_may_be_informed

BORN = date(2007, 10, 2)  # turns 18 on 2 October 2025


@pytest.mark.parametrize("choice", [None, True, False])
@pytest.mark.parametrize("default", [True, False])
def test_parents_of_a_minor_are_always_informed(choice: bool | None, default: bool) -> None:
    assert parents_may_be_informed(BORN, date(2025, 10, 1), choice, default)


def test_from_the_eighteenth_birthday_the_choice_decides() -> None:
    on = date(2025, 10, 2)
    assert parents_may_be_informed(BORN, on, True, False)
    assert not parents_may_be_informed(BORN, on, False, True)


def test_without_a_choice_the_policy_default_decides() -> None:
    on = date(2025, 10, 2)
    assert parents_may_be_informed(BORN, on, None, True)  # MBO Utrecht: unless objected
    assert not parents_may_be_informed(BORN, on, None, False)  # ROC MN: only with consent


def test_eighteenth_birthday_of_a_leap_day_child() -> None:
    assert eighteenth_birthday(date(2008, 2, 29)) == date(2026, 3, 1)
    assert eighteenth_birthday(BORN) == date(2025, 10, 2)


def test_status_text_names_the_date_of_the_choice() -> None:
    status = consent_status(BORN, date(2025, 11, 1), True, date(2025, 10, 5), False)
    assert status.parents_allowed and status.adult
    assert "05-10-2025" in status.explanation and "toestemming" in status.explanation
    minor = consent_status(BORN, date(2025, 9, 1), None, None, False)
    assert minor.parents_allowed and not minor.adult and "02-10-2025" in minor.explanation
    refused = consent_status(BORN, date(2025, 11, 1), None, None, False)
    assert not refused.parents_allowed and "niet" in refused.explanation
