"""R-TL and the late limit: more than 10 times late in 4 lesweken; later than 10 minutes is OA."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from tests.domain.signals.helpers import POLICY, days_of, lesdagen, run
from verzuimdesk.domain.policy import TeLaat

MON = date(2025, 9, 1)
TL = ("R-TL",)
DAYS = lesdagen(MON, date(2025, 9, 19))  # 15 lesdagen


def test_ten_times_late_is_fine_eleven_is_a_signal() -> None:
    ten = [(d, "TL", 5) for d in DAYS[:10]]
    assert run(ten, date(2025, 10, 31), rules=TL) == []
    (signal,) = run([*ten, (DAYS[10], "TL", 5)], date(2025, 10, 31), rules=TL)
    assert signal.arose_on == DAYS[10]
    assert signal.count == 11
    assert signal.window == (MON, DAYS[10])
    assert signal.deadline is None
    assert signal.explanation.startswith("11 keer te laat in de lesweken 36 tot en met 38")


def test_two_lates_on_one_day_count_twice() -> None:
    items = [(d, "TL", 5) for d in DAYS[:9]] + [(DAYS[9], "TL", 3), (DAYS[9], "TL", 4)]
    (signal,) = run(items, date(2025, 10, 31), rules=TL)
    assert signal.arose_on == DAYS[9]


def test_more_than_ten_minutes_late_is_oa_not_late() -> None:
    (ten,) = days_of([(MON, "TL", 10)])
    assert (ten.late_count, ten.oa_minutes) == (1, 0)
    (eleven,) = days_of([(MON, "TL", 11)])
    assert (eleven.late_count, eleven.oa_minutes) == (0, 11)
    items = [(d, "TL", 5) for d in DAYS[:10]] + [(DAYS[10], "TL", 11)]
    assert run(items, date(2025, 10, 31), rules=TL) == []


def test_lates_outside_four_lesweken_do_not_add_up() -> None:
    first = [(d, "TL", 5) for d in DAYS[:6]]  # 1..8 Sep
    later = [(d, "TL", 5) for d in lesdagen(date(2025, 9, 29), date(2025, 10, 3))]
    assert run(first + later, date(2025, 10, 31), rules=TL) == []


def test_policy_can_switch_it_off() -> None:
    off = replace(POLICY, te_laat=TeLaat(enabled=False))
    items = [(d, "TL", 5) for d in DAYS]
    assert run(items, date(2025, 10, 31), policy=off, rules=TL) == []
