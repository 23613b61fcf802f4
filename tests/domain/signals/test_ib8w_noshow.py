"""R-IB-8W (MBO entree / level 2 BOL with studiefinanciering) and R-NOSHOW."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from tests.domain.signals.helpers import POLICY, lesdagen, oa, run, student
from verzuimdesk.domain.policy import NoShow

MON = date(2025, 9, 1)
FULL = {0: 300, 1: 300, 2: 300, 3: 300, 4: 300}
MBO2 = {"sector": "mbo", "niveau": "2", "leerweg": "BOL", "studiefinanciering": True}


def test_ib8w_letter_after_four_and_report_after_five_lesweken() -> None:
    items = oa(lesdagen(MON, date(2025, 10, 3)), 300)
    found = run(items, date(2025, 10, 3), who=student(**MBO2), timetable=FULL, rules=("R-IB-8W",))
    assert [(s.arose_on, s.deadline, s.count) for s in found] == [
        (date(2025, 9, 26), date(2025, 10, 1), 4),  # 3rd werkdag after the 4 lesweken
        (date(2025, 10, 3), date(2025, 11, 7), 5),  # 5th werkdag after 8 lesweken, herfst skipped
    ]
    assert "melden bij DUO (studiefinanciering) uiterlijk 07-11-2025" in found[1].explanation


@pytest.mark.parametrize(
    "change",
    [{"leerweg": "BBL"}, {"niveau": "3"}, {"studiefinanciering": False}, {"sector": "vo"}],
)
def test_ib8w_only_for_entree_and_level_2_bol_with_studiefinanciering(change: dict) -> None:
    items = oa(lesdagen(MON, date(2025, 10, 3)), 300)
    who = student(**{**MBO2, **change})
    assert run(items, date(2025, 10, 3), who=who, timetable=FULL, rules=("R-IB-8W",)) == []


def test_ib8w_entree_counts() -> None:
    items = oa(lesdagen(MON, date(2025, 9, 26)), 300)
    who = student(**{**MBO2, "niveau": "entree"})
    assert len(run(items, date(2025, 9, 26), who=who, timetable=FULL, rules=("R-IB-8W",))) == 1


YEAR_START = date(2025, 8, 25)
WEEK1_END = date(2025, 8, 29)
WEEK2_END = date(2025, 9, 5)


def test_noshow_after_week_one_and_again_after_week_two() -> None:
    items = oa(lesdagen(YEAR_START, WEEK2_END), 300)
    found = run(items, date(2025, 9, 30), timetable=FULL, rules=("R-NOSHOW",))
    assert [(s.arose_on, s.count, s.window) for s in found] == [
        (WEEK1_END, 1, (YEAR_START, WEEK1_END)),
        (WEEK2_END, 2, (YEAR_START, WEEK2_END)),
    ]
    assert found[0].deadline == date(2025, 9, 5)
    assert found[0].explanation.startswith("Niet verschenen in lesweek 1 van het schooljaar")


def test_noshow_appearing_in_week_two_ends_it() -> None:
    days = [d for d in lesdagen(YEAR_START, WEEK2_END) if d != date(2025, 9, 2)]
    found = run(oa(days, 300), date(2025, 9, 30), timetable=FULL, rules=("R-NOSHOW",))
    assert [s.arose_on for s in found] == [WEEK1_END]


def test_noshow_not_before_the_week_is_over() -> None:
    items = oa(lesdagen(YEAR_START, WEEK1_END), 300)
    assert run(items, date(2025, 8, 28), timetable=FULL, rules=("R-NOSHOW",)) == []


def test_noshow_counts_from_the_enrolment() -> None:
    items = oa(lesdagen(date(2025, 9, 1), WEEK2_END), 300)
    who = student(enrolled_from=date(2025, 9, 1))
    found = run(items, date(2025, 9, 30), who=who, timetable=FULL, rules=("R-NOSHOW",))
    assert [s.arose_on for s in found] == [WEEK2_END]


def test_noshow_policy_can_switch_it_off() -> None:
    off = replace(POLICY, noshow=NoShow(enabled=False))
    items = oa(lesdagen(YEAR_START, WEEK2_END), 300)
    assert run(items, date(2025, 9, 30), policy=off, timetable=FULL, rules=("R-NOSHOW",)) == []
