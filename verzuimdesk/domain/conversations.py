"""Verzuimgesprekken (seed 002): the questionnaire, a weekly check of the agreements and an
evaluation after at most 6 weeks. Pure date rules over plain values."""

from __future__ import annotations

from datetime import date, timedelta

from verzuimdesk.domain.policy import Gesprekken

# Seed 002, bijlage 1: "De vragenlijst, een handvat om met ouders in gesprek te gaan".
QUESTIONS: tuple[str, ...] = (
    "Wat maakt dat je verzuimt / dat je er niet was?",
    "Spelen er ook andere problemen (thuis)?",
    "Wat heb je nodig?",
    "Wat hebben je ouders/verzorgers nodig?",
    "Is er ook hulpverlening / komt er ook iemand thuis om met jou/jullie te praten of te helpen?",
    "Wat kan de school doen en/of de gemeente?",
    "Mag ik jullie in contact brengen met de gemeente?",
    "Vervolgvragen aan de jongere/ouders/verzorgers",
)
# Question 9 of the list, "Welke afspraken maken we?", is the conversation's agreements field.
AGREEMENTS_QUESTION = "Welke afspraken maken we?"


def latest_evaluation(held_on: date, rules: Gesprekken) -> date:
    """Seed 002: evaluate the intervention after at most N weeks."""
    return held_on + timedelta(weeks=rules.evaluate_within_weeks)


def default_dates(held_on: date, rules: Gesprekken) -> tuple[date, date]:
    """(first check, evaluation): a week after the conversation, and the latest evaluation."""
    return held_on + timedelta(days=rules.check_every_days), latest_evaluation(held_on, rules)


def check_problem(
    held_on: date, check_on: date | None, evaluate_on: date | None, rules: Gesprekken
) -> str | None:
    """A Dutch message when the chosen dates break the rules, else None."""
    if evaluate_on is None:
        return "Kies een evaluatiedatum."
    if evaluate_on <= held_on:
        return "De evaluatie moet na de datum van het gesprek liggen."
    limit = latest_evaluation(held_on, rules)
    if evaluate_on > limit:
        return (
            f"Evalueer uiterlijk {rules.evaluate_within_weeks} weken na het gesprek, dus op of "
            f"voor {limit:%d-%m-%Y}."
        )
    if check_on is not None:
        if check_on <= held_on:
            return "De eerste controle van de afspraken moet na de datum van het gesprek liggen."
        if check_on > held_on + timedelta(days=rules.check_every_days):
            return (
                f"Controleer de afspraken minstens elke {rules.check_every_days} dagen: uiterlijk "
                f"{held_on + timedelta(days=rules.check_every_days):%d-%m-%Y}."
            )
    return None


def next_check_after(checked_on: date, evaluate_on: date | None, rules: Gesprekken) -> date | None:
    """The next weekly check after a check on `checked_on`; none once the evaluation is due,
    because then the evaluation itself is the next step."""
    following = checked_on + timedelta(days=rules.check_every_days)
    if evaluate_on is not None and following >= evaluate_on:
        return None
    return following
