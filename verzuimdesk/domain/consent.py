"""R-OUDERS and R-18: may the school inform or phone a student's parents? Pure rules.

Parents of a student under 18 are always informed. For an 18+ student the student's own written
choice (stored with its date) decides; without one, the school's policy default does
(`policy.ouders.inform_18plus_by_default`: MBO Utrecht informs unless the student objected, ROC MN
does not unless the student agreed).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from verzuimdesk.domain.route import age_on

ADULT_AGE = 18


@dataclass(frozen=True)
class ConsentStatus:
    """Whether parents may be informed on a day, and why, in words for the dossier header."""

    parents_allowed: bool
    adult: bool
    explanation: str


def eighteenth_birthday(birth_date: date) -> date:
    """R-18: the day the parents' automatic right to be informed ends (29 Feb → 1 March)."""
    try:
        return birth_date.replace(year=birth_date.year + ADULT_AGE)
    except ValueError:
        return date(birth_date.year + ADULT_AGE, 3, 1)


def parents_may_be_informed(
    birth_date: date,
    on: date,
    student_choice: bool | None,
    inform_18plus_by_default: bool,
) -> bool:
    """R-OUDERS: True when the school may inform or phone the parents on `on`."""
    if age_on(birth_date, on) < ADULT_AGE:
        return True
    if student_choice is not None:
        return student_choice
    return inform_18plus_by_default


def consent_status(
    birth_date: date,
    on: date,
    student_choice: bool | None,
    choice_date: date | None,
    inform_18plus_by_default: bool,
) -> ConsentStatus:
    allowed = parents_may_be_informed(birth_date, on, student_choice, inform_18plus_by_default)
    if age_on(birth_date, on) < ADULT_AGE:
        turns = eighteenth_birthday(birth_date)
        return ConsentStatus(
            True,
            False,
            f"Jonger dan 18: ouders worden altijd geïnformeerd (tot {turns:%d-%m-%Y}).",
        )
    when = f" op {choice_date:%d-%m-%Y}" if choice_date else " (datum onbekend)"
    if student_choice is True:
        text = f"18+: student heeft{when} toestemming gegeven om ouders te informeren."
    elif student_choice is False:
        text = f"18+: student heeft{when} bezwaar gemaakt; ouders worden niet geïnformeerd."
    elif inform_18plus_by_default:
        text = "18+: geen keuze vastgelegd; volgens het beleid worden ouders geïnformeerd."
    else:
        text = "18+: geen toestemming vastgelegd; ouders worden niet geïnformeerd."
    return ConsentStatus(allowed, True, text)
