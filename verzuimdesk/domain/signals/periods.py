"""Counting within periods of aaneengesloten lesweken (R-16U, R-HERHAAL, R-TL).

A period starts on a day s that has something to count and runs up to, not including, the same
weekday `lesweken` lesweken later (calendar.add_lesweken: weeks without a lesdag are skipped and
lengthen it, R-CAL-2).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date

from verzuimdesk.domain.signals.model import RuleEnv


@dataclass(frozen=True)
class Reach:
    """Where a threshold was reached: the period's first and last counted day, and the total."""

    arose_on: date
    first: date  # s, the begindatum
    last: date  # the last counted day on or before arose_on: the einddatum
    total: int


def _candidates(days: Sequence[date], start: int, not_before: date | None) -> Iterator[date]:
    if not_before is None:
        yield from days[start:]
        return
    yield not_before
    yield from days[max(start, bisect_right(days, not_before)) :]


def first_reach(
    days: Sequence[date],
    amounts: Sequence[int],
    start: int,
    threshold: int,
    lesweken: int,
    env: RuleEnv,
    not_before: date | None = None,
) -> Reach | None:
    """The first day x (not before `not_before`, not after env.on) on which some period holds
    at least `threshold` counted from days[start:] up to x.

    Periods that start earlier hold more, so the earliest start whose period still contains x is
    the one to test; both pointers only move forward, which keeps this linear.
    """
    n = len(days)
    lo = hi = start
    total = 0
    for x in _candidates(days, start, not_before):
        if x > env.on:
            return None
        while hi < n and days[hi] <= x:
            total += amounts[hi]
            hi += 1
        while lo < hi and env.window_end(days[lo], lesweken) <= x:
            total -= amounts[lo]
            lo += 1
        if lo < hi and total >= threshold:
            return Reach(arose_on=x, first=days[lo], last=days[hi - 1], total=total)
    return None
